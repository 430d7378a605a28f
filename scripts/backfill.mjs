#!/usr/bin/env node
/**
 * `npm run backfill` — links existing Case/incident pairs by key and syncs their owned fields.
 * `node scripts/backfill.mjs --help` for the options. Logic: scripts/lib/backfill/.
 */
import { parseConfig, HELP } from './lib/backfill/config.mjs';
import { progressReporter } from './lib/backfill/progress.mjs';
import { runBackfill } from './lib/backfill/run.mjs';

let parsed;
try {
  parsed = parseConfig(process.argv.slice(2), process.env);
} catch (e) {
  console.error(`backfill: ${/** @type {Error} */ (e).message}\n\n${HELP}`);
  process.exit(2);
}
if (parsed.help || !parsed.config) {
  console.log(HELP);
  process.exit(0);
}
if (parsed.problems.length) {
  for (const p of parsed.problems) console.error(`backfill: ${p}`);
  process.exit(2);
}

try {
  const summary = await runBackfill(parsed.config, {
    progress: progressReporter({ mode: parsed.progress }),
    log: (line) => console.error(line),
    stopAfter: parsed.stopAfter,
  });
  if (parsed.json) console.log(JSON.stringify(summary, null, 2));
  else {
    const t = summary.totals;
    const c = summary.calls;
    console.log(`${summary.dryRun ? 'DRY RUN (nothing written): would create' : summary.stopped ? 'Stopped early; run again to resume. Created' : 'Done. Created'} ${t.linksCreated} links (${t.linksUpdated} existing links updated); ` +
      `${t.casesUpdated} Cases and ${t.incidentsUpdated} incidents updated; ${t.alreadyLinked} already linked, ${t.skipped} skipped, ${t.conflicts} conflicts, ${t.failed} failed.`);
    console.log(`API calls: Salesforce ${c.salesforce.calls} (+${c.salesforce.tokenCalls} token), ServiceNow ${c.servicenow.calls} (${c.servicenow.reads} reads, ${c.servicenow.writes} writes); ${(summary.durationMs / 1000).toFixed(1)} s.`);
    if (summary.budgetStop) console.log(summary.budgetStop);
    for (const line of summary.conflicts) console.log(`conflict: ${line}`);
    for (const line of summary.failures) console.log(`failed: ${line}`);
  }
  process.exit(summary.totals.failed > 0 ? 1 : 0);
} catch (e) {
  console.error(`backfill: ${/** @type {Error} */ (e).message}`);
  process.exit(1);
}
