/**
 * Evaluates the SLA-breach risk model on a time-ordered split: train on the earliest 70 % of
 * incidents (by opened_at), test on the later 30 %, beside two baselines fitted on the same
 * training incidents (the majority class, and the breach rate of each priority).
 *
 *   npm run eval:sla                         # shared/data/servicenow-incident-event-log.csv
 *   npm run eval:sla -- --data log.csv [--train-share 0.7]
 */
import { resolve } from 'node:path';
import { splitByOpenedAt, type SlaExample } from '../ml/slaData.js';
import { atThreshold, calibration, rocAuc } from '../ml/slaMetrics.js';
import { slaPredictor, trainSlaModel } from '../ml/slaModel.js';
import { publicSlaFile, readSlaExamples } from '../ml/slaStore.js';
import { parseArgs, fromCaller } from './args.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
const f3 = (x: number): string => x.toFixed(3);

function priorityRates(train: readonly SlaExample[]): (p: number) => number {
  const by = new Map<number, [number, number]>();
  let pos = 0;
  for (const e of train) {
    const c = by.get(e.input.priority) ?? [0, 0];
    c[0] += e.breached; c[1] += 1; by.set(e.input.priority, c);
    pos += e.breached;
  }
  const prior = pos / Math.max(1, train.length);
  return (p) => { const c = by.get(p); return c ? c[0] / c[1] : prior; };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), ['data', 'train-share', 'help']);
  if (args['help']) {
    console.log('usage: eval:sla [--data event-log.csv] [--train-share 0.7]');
    return;
  }
  const file = typeof args['data'] === 'string' ? fromCaller(args['data']) : resolve(publicSlaFile());
  const share = typeof args['train-share'] === 'string' ? Number(args['train-share']) : 0.7;
  if (!(share > 0.1 && share < 0.95)) throw new Error(`--train-share ${String(args['train-share'])}: use a number between 0.1 and 0.95`);
  const { examples, incidents, skipped } = readSlaExamples(file);
  const { train, test, cutoff } = splitByOpenedAt(examples, share);
  if (test.length === 0 || new Set(test.map((e) => e.breached)).size < 2) throw new Error(`${file}: the later ${pct(1 - share)} of incidents has one class only; export a longer history`);
  const started = Date.now();
  const model = trainSlaModel(train, { source: file, now: new Date() });
  const trainMs = Date.now() - started;
  const truth = test.map((e) => e.breached);
  const model_ = slaPredictor(model).predict(test.map((e) => e.input)).map((p) => p.risk);
  const base = train.reduce((a, e) => a + e.breached, 0) / train.length;
  const majority = test.map(() => base);
  const byPriority = priorityRates(train);
  const priority = test.map((e) => byPriority(e.input.priority));
  const testIncidents = new Set(test.map((e) => e.incident)).size;

  console.log(`SLA-breach risk on ${file}`);
  console.log(`  ${examples.length} prediction points (updates of open incidents not yet breached) of ${incidents} incidents; ${skipped} rows unreadable`);
  console.log(`  time-ordered split: train ${train.length} points / ${model.trainingIncidents} incidents opened before ${cutoff}, test ${test.length} points / ${testIncidents} incidents after`);
  console.log(`  positive class = breached; test breach rate ${pct(truth.reduce<number>((a, b) => a + b, 0) / truth.length)}; model trained in ${trainMs} ms`);
  console.log(`  threshold ${model.threshold} (largest Youden's J on the latest fifth of the training period, not on the test set)\n`);
  console.log('| engine | ROC-AUC | precision | recall | F1 | flagged | ECE |');
  console.log('|---|---|---|---|---|---|---|');
  const row = (name: string, scores: number[], threshold: number): void => {
    const t = atThreshold(scores, truth, threshold);
    console.log(`| ${name} | ${f3(rocAuc(scores, truth))} | ${pct(t.precision)} | ${pct(t.recall)} | ${f3(t.f1)} | ${t.flagged}/${truth.length} | ${f3(calibration(scores, truth).ece)} |`);
  };
  row('majority class (always "breach")', majority, base >= 0.5 ? 0 : 1.01);
  row(`priority only (train breach rate per priority, ≥ ${model.threshold})`, priority, model.threshold);
  row(`logistic regression (ml-logistic-regression, ≥ ${model.threshold})`, model_, model.threshold);

  console.log('\ncalibration of the model (test set):\n');
  console.log('| predicted risk | n | mean predicted | observed breach rate |');
  console.log('|---|---|---|---|');
  for (const b of calibration(model_, truth).bins) {
    if (b.n === 0) continue;
    console.log(`| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.n} | ${f3(b.meanPredicted)} | ${f3(b.observed)} |`);
  }
}

try {
  main();
} catch (e) {
  console.error(`seam-proxy eval:sla: ${(e as Error).message}`);
  process.exit(1);
}
