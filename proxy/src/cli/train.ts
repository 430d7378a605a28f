/**
 * Trains the embedded triage model.
 *
 *   npm run build -w proxy                               # default model → dist/model
 *   npm run train -w proxy -- --data cases.csv --out DIR # add a customer's own history export
 *
 * The export is a CSV of closed cases and incidents with a text column (`text`, or
 * `subject`/`description`), `route` (servicenow|salesforce), and optional `category`, `priority`,
 * `queue`/`source` (per-queue reports) and `split` (pick rows with --split).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_MODEL_DIR } from '../config.js';
import { parseHistoryCsv, parseQueueRoutes, selectSplit, withQueueRoutes, type TriageExample } from '../ml/dataset.js';
import { eceByPredicted, evaluate } from '../ml/evaluate.js';
import { DEFAULT_SOURCE, MIXED_WEIGHT, publicTrainingSets, retrainOnHistory, shippedTrainingSets, writeModel } from '../ml/modelStore.js';
import { DEFAULT_COSTS, predictTriage, trainTriageModel, type CostTable, type TriageModel } from '../ml/triageModel.js';
import { parseArgs, fromCaller } from './args.js';

function heldOutSummary(name: string, model: TriageModel, test: readonly TriageExample[]): string {
  if (test.length === 0) return '';
  const preds = test.map((e) => {
    const p = predictTriage(model, e.text);
    return { truth: e.route, predicted: p.route?.label ?? '', confidence: p.route?.confidence ?? 0 };
  });
  const r = evaluate(preds, ['salesforce', 'servicenow']);
  const ece = eceByPredicted(preds, ['salesforce', 'servicenow']);
  const routed = preds.filter((p) => p.confidence >= model.reviewThreshold);
  const acc = routed.length ? routed.filter((p) => p.truth === p.predicted).length / routed.length : 0;
  return `\n  ${name}: route accuracy ${r.accuracy.toFixed(3)}, macro-F1 ${r.macroF1.toFixed(3)}, ECE ${r.ece.toFixed(3)} ` +
    `(salesforce ${ece['salesforce']?.toFixed(3)}, servicenow ${ece['servicenow']?.toFixed(3)}); ` +
    `auto-routed at p ≥ ${model.reviewThreshold}: ${(100 * routed.length / preds.length).toFixed(1)} % with accuracy ${acc.toFixed(3)} (n=${r.n})`;
}

function number(args: Record<string, string | true>, name: string, fallback: number): number {
  const v = args[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isFinite(n) || n <= 0) throw new Error(`--${name} is "${String(v)}"; give a positive number, e.g. --${name} ${fallback}.`);
  return n;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), ['data', 'split', 'queue-routes', 'base', 'weight', 'out', 'cost-wrong-route', 'cost-review', 'help']);
  if (args['help']) {
    console.log('usage: train [--data history.csv [--split NAME[,NAME]] [--queue-routes "QUEUE=route,…"] [--base shipped|public|none] [--weight N]] [--out DIR] [--cost-wrong-route N] [--cost-review N]');
    return;
  }
  const out = typeof args['out'] === 'string' ? fromCaller(args['out']) : resolve(DEFAULT_MODEL_DIR);
  const costs: CostTable = { wrongRoute: number(args, 'cost-wrong-route', DEFAULT_COSTS.wrongRoute), review: number(args, 'cost-review', DEFAULT_COSTS.review) };
  if (costs.review >= costs.wrongRoute) throw new Error(`--cost-review (${costs.review}) must be below --cost-wrong-route (${costs.wrongRoute}); otherwise reviewing every ticket is always cheaper.`);
  const started = Date.now();
  const shipped = shippedTrainingSets();
  let model: TriageModel;
  let summary = '';
  if (typeof args['data'] === 'string') {
    const file = fromCaller(args['data']);
    let text: string;
    try { text = readFileSync(file, 'utf8'); } catch (e) {
      throw new Error(`--data ${file}: cannot read it (${(e as Error).message}). Pass the path of your CSV export.`);
    }
    const parsed = parseHistoryCsv(text, file);
    if (!parsed.ok) throw new Error(`cannot train on ${file}:\n  - ${parsed.problems.join('\n  - ')}`);
    let rows = typeof args['split'] === 'string' ? selectSplit(parsed.examples, args['split'].split(','), file) : parsed.examples;
    if (typeof args['queue-routes'] === 'string') {
      const q = parseQueueRoutes(args['queue-routes']);
      if (!q.ok) throw new Error(q.problem);
      rows = withQueueRoutes(rows, q.routes);
    }
    if (rows.length < 50) throw new Error(`${file}: only ${rows.length} usable rows. Export at least a few hundred closed tickets.`);
    const base = args['base'] ?? 'shipped';
    if (base !== 'shipped' && base !== 'public' && base !== 'none') {
      throw new Error(`--base is "${String(base)}"; use shipped (add the export to what the shipped model learns from), public (to the public corpora only: for a routing convention other than the multi-queue mapping) or none (the export alone).`);
    }
    const weight = number(args, 'weight', MIXED_WEIGHT);
    const { model: retrained, test } = retrainOnHistory(rows, base === 'shipped' ? shipped : base === 'public' ? publicTrainingSets() : undefined, { source: file, now: new Date(), weight, costs });
    model = retrained;
    summary = `\n  ${rows.length} rows of ${file} (${parsed.skipped} without text skipped), base ${base}` + heldOutSummary('held-out 10 % of the export', model, test);
  } else {
    model = trainTriageModel(shipped.train, shipped.calibration, { source: DEFAULT_SOURCE, now: new Date() }, { costs });
    summary = heldOutSummary('public held-out 10 %', model, shipped.publicTest) + heldOutSummary('multi-queue test split', model, shipped.mixedTest);
  }
  const file = writeModel(out, model);
  const heads = [`route: logistic, ${1 << model.route.bits} buckets${model.route.inStyle ? ' + in-style naive Bayes' : ''}, calibration [${model.route.calibration.join(', ')}]`, ...Object.entries(model.heads).map(([h, m]) => `${h}: ${m?.labels.length} classes, T=${m?.temperature}`)].join('; ');
  console.log(`seam-proxy: trained ${file} in ${Date.now() - started} ms (${model.examples.train} train, ${model.examples.calibration} calibration)\n  ${heads}\n  review below ${model.reviewThreshold} (costs: wrong route ${costs.wrongRoute}, review ${costs.review})${summary}`);
}

try {
  main();
} catch (e) {
  console.error(`seam-proxy train: ${(e as Error).message}`);
  process.exit(1);
}
