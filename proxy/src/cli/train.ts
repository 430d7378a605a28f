/**
 * Trains the embedded triage model.
 *
 *   npm run build -w proxy                               # default model from shared/data → dist/model
 *   npm run train -w proxy -- --data cases.csv --out DIR # a customer's own history export
 *
 * The export is a CSV of closed cases and incidents with a text column (`text`, or
 * `subject`/`description`), `route` (servicenow|salesforce), and optional `category`, `priority`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_MODEL_DIR } from '../config.js';
import { loadPublicData, parseHistoryCsv, splitExamples, type TriageExample } from '../ml/dataset.js';
import { evaluate } from '../ml/evaluate.js';
import { DEFAULT_SOURCE, PUBLIC_DATA_DIR, writeModel } from '../ml/modelStore.js';
import { predictTriage, trainTriageModel, type TriageModel } from '../ml/triageModel.js';
import { parseArgs } from './args.js';

function heldOutSummary(model: TriageModel, test: readonly TriageExample[]): string {
  const preds = test.map((e) => ({ e, p: predictTriage(model, e.text) }));
  const route = evaluate(preds.map(({ e, p }) => ({ truth: e.route, predicted: p.route?.label ?? '', confidence: p.route?.confidence ?? 0 })));
  return `held-out route accuracy ${route.accuracy.toFixed(3)}, macro-F1 ${route.macroF1.toFixed(3)}, ECE ${route.ece.toFixed(3)} (n=${route.n})`;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2), ['data', 'out', 'help']);
  if (args['help']) {
    console.log('usage: train [--data history.csv] [--out DIR]   (default: shared/data → dist/model)');
    return;
  }
  const out = resolve(typeof args['out'] === 'string' ? args['out'] : DEFAULT_MODEL_DIR);
  const started = Date.now();
  let model: TriageModel;
  let summary = '';
  if (typeof args['data'] === 'string') {
    const file = resolve(args['data']);
    let text: string;
    try { text = readFileSync(file, 'utf8'); } catch (e) {
      throw new Error(`--data ${file}: cannot read it (${(e as Error).message}). Pass the path of your CSV export.`);
    }
    const parsed = parseHistoryCsv(text, file);
    if (!parsed.ok) throw new Error(`cannot train on ${file}:\n  - ${parsed.problems.join('\n  - ')}`);
    if (parsed.examples.length < 50) throw new Error(`${file}: only ${parsed.examples.length} usable rows. Export at least a few hundred closed tickets.`);
    const split = splitExamples(parsed.examples);
    model = trainTriageModel(split.train, split.calibration, { source: file, now: new Date() });
    summary = `${parsed.examples.length} rows (${parsed.skipped} without text skipped); ${heldOutSummary(model, split.test)}`;
  } else {
    const split = splitExamples(loadPublicData(PUBLIC_DATA_DIR));
    model = trainTriageModel(split.train, split.calibration, { source: DEFAULT_SOURCE, now: new Date() });
    summary = heldOutSummary(model, split.test);
  }
  const file = writeModel(out, model);
  const heads = Object.entries(model.heads).map(([h, m]) => `${h}: ${m?.labels.length} classes, T=${m?.temperature}`).join('; ');
  console.log(`seam-proxy: trained ${file} in ${Date.now() - started} ms\n  ${heads}\n  ${summary}`);
}

try {
  main();
} catch (e) {
  console.error(`seam-proxy train: ${(e as Error).message}`);
  process.exit(1);
}
