/**
 * Measures the embedded escalation heuristic (the offline answer of POST /v1/escalation) on the
 * held-out sets of ml/escalationEval.ts: precision and recall at the policy's review (0.5) and
 * auto-create (0.8) thresholds, ROC-AUC, and how many negatives reach each threshold.
 *
 *   npm run eval:escalation -w proxy
 *   npm run eval:escalation -w proxy -- --data DIR [--tickets support-tickets-en.csv]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { escalationHeuristic } from '../engines/embedded.js';
import { constructedSet, repeatedSubject, ticketTypeSet, type EscalationExample, type EscalationSet } from '../ml/escalationEval.js';
import { MIXED_DATA_FILE, PUBLIC_DATA_DIR } from '../ml/modelStore.js';
import { atThreshold, rocAuc } from '../ml/slaMetrics.js';
import { parseArgs } from './args.js';

const THRESHOLDS = [0.5, 0.8];
const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

function score(e: EscalationExample): number {
  return escalationHeuristic({ idempotencyKey: 'eval', correlationId: 'eval', caseId: '500000000000001AAA', subject: e.subject, description: e.text, entries: [] }).confidence;
}

function report(set: EscalationSet, mode: string, prepare: (e: EscalationExample) => EscalationExample): void {
  const examples = set.examples.map(prepare);
  const scores = examples.map(score);
  const truth = examples.map((e) => e.label);
  const pos = truth.filter((t) => t === 1).length;
  console.log(`\n${set.name}, ${mode}: ${pos} positive, ${truth.length - pos} negative; ROC-AUC ${f3(rocAuc(scores, truth))}`);
  for (const t of THRESHOLDS) {
    const r = atThreshold(scores, truth, t);
    const tp = scores.filter((s, i) => s >= t && truth[i] === 1).length;
    console.log(`  at ${t.toFixed(1)}: precision ${f3(r.precision)}, recall ${f3(r.recall)} (flagged ${r.flagged}: ${tp} positive, ${r.flagged - tp} negative)`);
  }
  if (set.apart) {
    const apart = set.apart.examples.map(prepare).map(score);
    // Do the scores separate the positives from these rows at all? (0.5 = not at all.)
    const positives = scores.filter((_, i) => truth[i] === 1);
    const vs = rocAuc([...positives, ...apart], [...positives.map((): 0 | 1 => 1), ...apart.map((): 0 | 1 => 0)]);
    console.log(`  ${set.apart.name} (n=${apart.length}): ${THRESHOLDS.map((t) => `${(apart.filter((s) => s >= t).length / Math.max(1, apart.length) * 100).toFixed(1)} % at ≥ ${t}`).join(', ')}; ROC-AUC positives vs these ${f3(vs)}`);
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), ['data', 'tickets', 'help']);
  if (args['help']) {
    console.log('usage: eval:escalation [--data DIR with it-helpdesk-tickets.csv and banking77-train.csv] [--tickets support-tickets-en.csv]');
    return;
  }
  const dataDir = resolve(typeof args['data'] === 'string' ? args['data'] : PUBLIC_DATA_DIR);
  const tickets = resolve(typeof args['tickets'] === 'string' ? args['tickets'] : MIXED_DATA_FILE);
  const sets: EscalationSet[] = [constructedSet(dataDir)];
  if (existsSync(tickets)) sets.unshift(ticketTypeSet(tickets));
  else console.log(`(no ${tickets}: the ticket-type set is skipped)`);
  for (const set of sets) {
    console.log(`\n# ${set.name}\n  labels: ${set.note}`);
    report(set, 'neutral subject', (e) => e);
    report(set, 'subject = first 80 characters of the text', repeatedSubject);
  }
}

main();
