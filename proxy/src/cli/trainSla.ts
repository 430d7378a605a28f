/**
 * Trains the SLA-breach risk model.
 *
 *   npm run build -w proxy                                   # public event log → dist/model
 *   npm run train:sla -w proxy -- --data log.csv --out DIR   # a customer's own incident history
 *
 * The export is ServiceNow's incident event log (one row per update; `sys_audit` history or a
 * metric export): number, incident_state, made_sla, priority, opened_at, sys_updated_at, and
 * optionally urgency, impact, category, assignment_group, reassignment_count, reopen_count,
 * sys_mod_count.
 */
import { resolve } from 'node:path';
import { DEFAULT_MODEL_DIR } from '../config.js';
import { splitByOpenedAt } from '../ml/slaData.js';
import { rocAuc } from '../ml/slaMetrics.js';
import { slaPredictor, trainSlaModel } from '../ml/slaModel.js';
import { publicSlaFile, readSlaExamples, SLA_DEFAULT_SOURCE, writeSlaModel } from '../ml/slaStore.js';
import { parseArgs, fromCaller } from './args.js';

function main(): void {
  const args = parseArgs(process.argv.slice(2), ['data', 'out', 'help']);
  if (args['help']) {
    console.log('usage: train:sla [--data event-log.csv] [--out DIR]   (default: shared/data → dist/model)');
    return;
  }
  const out = typeof args['out'] === 'string' ? fromCaller(args['out']) : resolve(DEFAULT_MODEL_DIR);
  const custom = typeof args['data'] === 'string';
  const file = custom ? fromCaller(args['data'] as string) : resolve(publicSlaFile());
  const started = Date.now();
  const { examples, incidents, skipped } = readSlaExamples(file);
  // A customer's export: a held-out check on the later 30 % first (the public log's is
  // `npm run eval:sla`), then the shipped model learns from everything.
  const { train, test } = splitByOpenedAt(examples);
  let heldOut = custom ? 'held-out AUC not computed (one class in the later incidents)' : 'held-out figures: npm run eval:sla';
  if (custom && new Set(test.map((e) => e.breached)).size === 2) {
    const trial = slaPredictor(trainSlaModel(train, { source: file, now: new Date() }));
    heldOut = `held-out ROC-AUC ${rocAuc(trial.predict(test.map((e) => e.input)).map((p) => p.risk), test.map((e) => e.breached)).toFixed(3)} on the later 30 % of incidents`;
  }
  const model = trainSlaModel(examples, { source: custom ? file : SLA_DEFAULT_SOURCE, now: new Date() });
  const written = writeSlaModel(out, model);
  console.log(`seam-proxy: trained ${written} in ${Date.now() - started} ms\n  ${examples.length} prediction points of ${incidents} incidents (${skipped} unreadable rows skipped); threshold ${model.threshold}, medium from ${model.medium}; ${heldOut}`);
}

try {
  main();
} catch (e) {
  console.error(`seam-proxy train:sla: ${(e as Error).message}`);
  process.exit(1);
}
