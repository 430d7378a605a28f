/**
 * Evaluates triage engines side by side on labelled data:
 *
 *   npm run eval:triage -w proxy                      # held-out 10 % of shared/data
 *   npm run eval:triage -w proxy -- --data cases.csv  # a customer export (same columns as train)
 *
 * Prints accuracy, macro-F1, per-class precision/recall, the confusion matrix and ECE for the
 * keyword baseline, the embedded model and, when SEAM_PROXY_LLM_MODEL is set, the LLM
 * (on the first --llm-limit rows, default 100, since each row is a paid call).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseConfig } from '../config.js';
import { LlmEngine, LlmEngineError } from '../engines/llm.js';
import { LlmClient } from '../engines/llmClient.js';
import { maskRequest } from '../masking.js';
import { loadPublicData, parseHistoryCsv, splitExamples, type TriageExample } from '../ml/dataset.js';
import { evaluate, type EvalReport, type Prediction } from '../ml/evaluate.js';
import { keywordRoute } from '../ml/keywordBaseline.js';
import { modelExists, PUBLIC_DATA_DIR, readModel, trainDefaultModel } from '../ml/modelStore.js';
import { predictTriage, type TriageModel } from '../ml/triageModel.js';
import { DEFAULT_MODEL_DIR } from '../config.js';
import { parseArgs } from './args.js';

/** BANKING77 intents the data README calls out as reading like IT work. */
const HARD_INTENTS = ['passcode_forgotten', 'verify_my_identity', 'unable_to_verify_identity', 'why_verify_identity', 'pin_blocked', 'lost_or_stolen_phone', 'card_not_working', 'virtual_card_not_working', 'apple_pay_or_google_pay', 'edit_personal_details'];

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);

export function formatReport(title: string, r: EvalReport): string {
  const lines = [`\n== ${title} (n=${r.n}) ==`, `accuracy ${pct(r.accuracy)} %   macro-F1 ${pct(r.macroF1)} %   ECE ${r.ece.toFixed(3)}`];
  const w = Math.max(8, ...r.labels.map((l) => l.length));
  lines.push(`${'class'.padEnd(w)}  precision  recall   f1   support`);
  for (const c of r.perClass) lines.push(`${c.label.padEnd(w)}  ${pct(c.precision)} %  ${pct(c.recall)} % ${pct(c.f1)}  ${String(c.support).padStart(6)}`);
  lines.push(`confusion (rows = truth, columns = predicted, in the class order above):`);
  r.confusion.forEach((row, i) => lines.push(`${(r.labels[i] ?? '').padEnd(w)}  ${row.map((n) => String(n).padStart(5)).join(' ')}`));
  return lines.join('\n');
}

function examplesFrom(args: Record<string, string | true>): { examples: TriageExample[]; model: TriageModel; source: string } {
  if (typeof args['data'] === 'string') {
    const file = resolve(args['data']);
    const parsed = parseHistoryCsv(readFileSync(file, 'utf8'), file);
    if (!parsed.ok) throw new Error(`cannot evaluate on ${file}:\n  - ${parsed.problems.join('\n  - ')}`);
    const dir = typeof args['model'] === 'string' ? resolve(args['model']) : DEFAULT_MODEL_DIR;
    const model = modelExists(dir) ? readModel(dir) : trainDefaultModel();
    // A model trained on this very file is judged on the split it never saw (same seed as train).
    if (model.source === file) return { examples: splitExamples(parsed.examples).test, model, source: `held-out 10 % of ${file}` };
    return { examples: parsed.examples, model, source: file };
  }
  // The shipped model was trained on the train split of the same seeded split, so this is held out.
  const split = splitExamples(loadPublicData(PUBLIC_DATA_DIR));
  const model = modelExists(DEFAULT_MODEL_DIR) ? readModel(DEFAULT_MODEL_DIR) : trainDefaultModel();
  return { examples: split.test, model, source: `held-out 10 % of ${PUBLIC_DATA_DIR}` };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['data', 'model', 'llm-limit', 'help']);
  if (args['help']) {
    console.log('usage: eval:triage [--data FILE.csv] [--model DIR] [--llm-limit N]');
    return;
  }
  const { examples, model, source } = examplesFrom(args);
  console.log(`triage evaluation on ${source}: ${examples.length} examples; model ${model.source} (${model.trainedAt})`);

  const kw: Prediction[] = examples.map((e) => ({ truth: e.route, predicted: keywordRoute(e.text).route, confidence: 1 }));
  const started = process.hrtime.bigint();
  const predictions = examples.map((e) => ({ e, p: predictTriage(model, e.text) }));
  const perRowUs = Number(process.hrtime.bigint() - started) / 1000 / Math.max(1, examples.length);
  const emb: Prediction[] = predictions.map(({ e, p }) => ({ truth: e.route, predicted: p.route?.label ?? '', confidence: p.route?.confidence ?? 0 }));
  const reports: [string, EvalReport][] = [
    ['route · keyword baseline', evaluate(kw, ['salesforce', 'servicenow'])],
    ['route · embedded', evaluate(emb, ['salesforce', 'servicenow'])],
  ];
  const withCategory = predictions.filter(({ e }) => e.category);
  if (withCategory.length > 0 && model.heads.category) {
    reports.push(['category · embedded', evaluate(withCategory.map(({ e, p }) => ({ truth: e.category as string, predicted: p.category?.label ?? '', confidence: p.category?.confidence ?? 0 })))]);
  }
  const withPriority = predictions.filter(({ e }) => e.priority);
  if (withPriority.length > 0 && model.heads.priority) {
    reports.push(['priority · embedded', evaluate(withPriority.map(({ e, p }) => ({ truth: e.priority as string, predicted: p.priority?.label ?? '', confidence: p.priority?.confidence ?? 0 })))]);
  }

  const cfg = parseConfig({ ...process.env, SEAM_PROXY_CLIENT_SECRETS: `eval=${'x'.repeat(32)}` });
  if (cfg.ok && cfg.value.llm) {
    const limit = Number(args['llm-limit'] ?? 100);
    const engine = new LlmEngine(new LlmClient(cfg.value.llm));
    const rows = examples.slice(0, limit);
    const llm: Prediction[] = [];
    let failures = 0;
    for (const [i, e] of rows.entries()) {
      const req = { idempotencyKey: `eval-${i}`, correlationId: `eval-${i}`, caseId: '500000000000000AAA', subject: e.text.slice(0, 120) || '(none)', description: e.text };
      try {
        const a = await engine.run('triage', maskRequest('triage', req).request);
        llm.push({ truth: e.route, predicted: a.result.route, confidence: a.result.confidence });
      } catch (err) {
        if (!(err instanceof LlmEngineError)) throw err;
        failures++;
      }
    }
    reports.push([`route · llm ${cfg.value.llm.model} (first ${rows.length}, ${failures} failed calls excluded)`, evaluate(llm, ['review', 'salesforce', 'servicenow'])]);
  } else {
    console.log('(LLM not evaluated: set SEAM_PROXY_LLM_BASE_URL / SEAM_PROXY_LLM_MODEL to include it)');
  }
  for (const [title, r] of reports) console.log(formatReport(title, r));
  const hard = predictions.filter(({ e }) => e.sourceLabel && HARD_INTENTS.includes(e.sourceLabel));
  if (hard.length > 0) {
    console.log('\n== hard cases: customer intents that read like IT (must stay in Salesforce) ==');
    for (const intent of HARD_INTENTS) {
      const rows = hard.filter(({ e }) => e.sourceLabel === intent);
      if (rows.length === 0) continue;
      const ok = rows.filter(({ p }) => p.route?.label === 'salesforce').length;
      const kwOk = rows.filter(({ e }) => keywordRoute(e.text).route === 'salesforce').length;
      console.log(`  ${intent.padEnd(28)} embedded ${ok}/${rows.length}   keyword ${kwOk}/${rows.length}`);
    }
  }
  console.log(`\nembedded inference: ${perRowUs.toFixed(0)} µs per ticket`);
  console.log('\nsummary:');
  for (const [title, r] of reports) console.log(`  ${title.padEnd(48)} accuracy ${pct(r.accuracy)} %  macro-F1 ${pct(r.macroF1)} %  ECE ${r.ece.toFixed(3)}`);
}

main().catch((e: unknown) => {
  console.error(`seam-proxy eval:triage: ${(e as Error).message}`);
  process.exit(1);
});
