/**
 * Evaluates triage engines side by side on labelled data:
 *
 *   npm run eval:triage -w proxy                      # public held-out 10 % + multi-queue test split
 *   npm run eval:triage -w proxy -- --data cases.csv [--split test] [--model DIR] [--llm-limit N]
 *
 * For the keyword baseline, the embedded model and, when SEAM_PROXY_LLM_MODEL is set, the LLM
 * (on the first --llm-limit rows, default 100, since each row is a paid call): accuracy, macro-F1,
 * per-class precision/recall, confusion matrix, ECE (overall and per predicted route), coverage vs
 * accuracy, the cost of each review threshold, and the same per `queue`/`source` value when the
 * file has such a column. A file holding one route reports recall (there is nothing to confuse it with).
 */
import { readFileSync } from 'node:fs';
import { parseConfig } from '../config.js';
import { LlmEngine, LlmEngineError } from '../engines/llm.js';
import { LlmClient } from '../engines/llmClient.js';
import { maskRequest } from '../masking.js';
import { parseHistoryCsv, parseQueueRoutes, seededRandom, selectSplit, splitExamples, withQueueRoutes, type TriageExample } from '../ml/dataset.js';
import {
  accuracyAtCoverage, costPerTicket, coverageAtThreshold, eceByPredicted, eceNoiseFloor, evaluate, expectedCalibrationError,
  type EvalReport, type Prediction,
} from '../ml/evaluate.js';
import { keywordRoute } from '../ml/keywordBaseline.js';
import { modelExists, readChosenModel, readModel, shippedTrainingSets, trainDefaultModel } from '../ml/modelStore.js';
import { predictTriage, type CostTable, type TriageModel } from '../ml/triageModel.js';
import { DEFAULT_MODEL_DIR } from '../config.js';
import { parseArgs, fromCaller } from './args.js';

/** BANKING77 intents the data README calls out as reading like IT work. */
const HARD_INTENTS = ['passcode_forgotten', 'verify_my_identity', 'unable_to_verify_identity', 'why_verify_identity', 'pin_blocked', 'lost_or_stolen_phone', 'card_not_working', 'virtual_card_not_working', 'apple_pay_or_google_pay', 'edit_personal_details'];
const ROUTE_LABELS = ['salesforce', 'servicenow'];

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);

/** One engine's answer for one row; `group` is the row's queue/source. */
interface Row extends Prediction { readonly group?: string }

export function formatReport(title: string, r: EvalReport): string {
  const lines = [`\n== ${title} (n=${r.n}) ==`, `accuracy ${pct(r.accuracy)} %   macro-F1 ${pct(r.macroF1)} %   ECE ${r.ece.toFixed(3)}`];
  const w = Math.max(8, ...r.labels.map((l) => l.length));
  lines.push(`${'class'.padEnd(w)}  precision  recall   f1   support`);
  for (const c of r.perClass) lines.push(`${c.label.padEnd(w)}  ${pct(c.precision)} %  ${pct(c.recall)} % ${pct(c.f1)}  ${String(c.support).padStart(6)}`);
  lines.push(`confusion (rows = truth, columns = predicted, in the class order above):`);
  r.confusion.forEach((row, i) => lines.push(`${(r.labels[i] ?? '').padEnd(w)}  ${row.map((n) => String(n).padStart(5)).join(' ')}`));
  return lines.join('\n');
}

/** Coverage vs accuracy, the threshold table with its cost, and per-route ECE. */
function humility(rows: readonly Row[], costs: CostTable, threshold: number): string {
  const ece = eceByPredicted(rows, ROUTE_LABELS);
  // Read each ECE against what a perfectly calibrated model would score on the same confidences.
  const floor = (l: string): string => {
    const f = eceNoiseFloor(rows.filter((r) => r.predicted === l), seededRandom(16));
    return `perfectly calibrated: ${f.mean.toFixed(3)}, 90 % ≤ ${f.p90.toFixed(3)}`;
  };
  const lines = [`ECE per predicted route: ${ROUTE_LABELS.map((l) => `${l} ${ece[l]?.toFixed(3)} (n=${rows.filter((r) => r.predicted === l).length}; ${floor(l)})`).join(', ')}`];
  lines.push('coverage vs accuracy (route the most confident share, review the rest):');
  lines.push(`  ${[1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2].map((c) => { const p = accuracyAtCoverage(rows, c); return `${Math.round(c * 100)} %: ${pct(p.accuracy).trim()} %`; }).join(' · ')}`);
  lines.push(`threshold table (costs: wrong route ${costs.wrongRoute}, review ${costs.review}, right route 0; per ticket):`);
  for (const t of [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]) {
    const p = coverageAtThreshold(rows, t);
    lines.push(`  p ≥ ${t.toFixed(2)}: auto-routed ${pct(p.coverage)} % with accuracy ${pct(p.accuracy)} %   cost ${costPerTicket(rows, t, costs).toFixed(3)}${t === threshold ? '   ← the cost table\'s threshold' : ''}`);
  }
  return lines.join('\n');
}

/** Per queue/source value: n, accuracy (or recall), auto-routed share and its accuracy, ECE. */
function perGroup(title: string, rows: readonly Row[], threshold: number): string {
  const groups = [...new Set(rows.map((r) => r.group).filter((g): g is string => !!g))].sort();
  if (groups.length === 0) return '';
  const w = Math.max(10, ...groups.map((g) => g.length));
  const lines = [`\n-- ${title}: per queue/source --`, `${'value'.padEnd(w)}      n  accuracy  auto-routed  its accuracy   ECE`];
  for (const g of groups) {
    const sub = rows.filter((r) => r.group === g);
    const acc = sub.filter((r) => r.truth === r.predicted).length / sub.length;
    const cov = coverageAtThreshold(sub, threshold);
    lines.push(`${g.padEnd(w)} ${String(sub.length).padStart(6)}   ${pct(acc)} %    ${pct(cov.coverage)} %     ${cov.routed ? `${pct(cov.accuracy)} %` : '    –  '}   ${expectedCalibrationError(sub).toFixed(3)}`);
  }
  return lines.join('\n');
}

interface Section {
  readonly name: string;
  readonly examples: readonly TriageExample[];
}

function sectionsFrom(args: Record<string, string | true>, model: TriageModel): Section[] {
  if (typeof args['data'] === 'string') {
    const file = fromCaller(args['data']);
    const parsed = parseHistoryCsv(readFileSync(file, 'utf8'), file, { allowOneRoute: true });
    if (!parsed.ok) throw new Error(`cannot evaluate on ${file}:\n  - ${parsed.problems.join('\n  - ')}`);
    if (typeof args['queue-routes'] === 'string') {
      const q = parseQueueRoutes(args['queue-routes']);
      if (!q.ok) throw new Error(q.problem);
      parsed.examples.splice(0, parsed.examples.length, ...withQueueRoutes(parsed.examples, q.routes));
    }
    if (typeof args['split'] === 'string') {
      return [{ name: `rows of ${file} with split ${args['split']}`, examples: selectSplit(parsed.examples, args['split'].split(','), file) }];
    }
    // A model trained on this very file is judged on the split it never saw (same seed as train).
    if (model.source === file) return [{ name: `held-out 10 % of ${file}`, examples: splitExamples(parsed.examples).test }];
    return [{ name: file, examples: parsed.examples }];
  }
  // The shipped model never saw these: the public test split and the multi-queue test split.
  const sets = shippedTrainingSets();
  return [
    { name: 'public held-out 10 % (shared/data)', examples: sets.publicTest },
    { name: 'multi-queue test split (proxy/data/support-tickets-en.csv)', examples: sets.mixedTest },
  ].filter((s) => s.examples.length > 0);
}

async function llmRows(examples: readonly TriageExample[], limit: number): Promise<{ rows: Row[]; failures: number; model: string } | undefined> {
  const cfg = parseConfig({ ...process.env, SEAM_PROXY_CLIENT_SECRETS: `eval=${'x'.repeat(32)}` });
  if (!cfg.ok || !cfg.value.llm) return undefined;
  const engine = new LlmEngine(new LlmClient(cfg.value.llm));
  const rows: Row[] = [];
  let failures = 0;
  for (const [i, e] of examples.slice(0, limit).entries()) {
    const req = { idempotencyKey: `eval-${i}`, correlationId: `eval-${i}`, caseId: '500000000000000AAA', subject: e.text.slice(0, 120) || '(none)', description: e.text };
    try {
      const a = await engine.run('triage', maskRequest('triage', req).request);
      // "review" counts as not routed: confidence 0, so no threshold routes it.
      rows.push({ truth: e.route, predicted: a.result.route, confidence: a.result.route === 'review' ? 0 : a.result.confidence, ...(e.group ? { group: e.group } : {}) });
    } catch (err) {
      if (!(err instanceof LlmEngineError)) throw err;
      failures++;
    }
  }
  return { rows, failures, model: cfg.value.llm.model };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['data', 'split', 'queue-routes', 'model', 'llm-limit', 'help']);
  if (args['help']) {
    console.log('usage: eval:triage [--data FILE.csv [--split NAME[,NAME]] [--queue-routes "QUEUE=route,…"]] [--model DIR] [--llm-limit N]');
    return;
  }
  const model = typeof args['model'] === 'string'
    ? readChosenModel(fromCaller(args['model']))
    : modelExists(DEFAULT_MODEL_DIR) ? readModel(DEFAULT_MODEL_DIR) : trainDefaultModel();
  const threshold = model.reviewThreshold;
  const summary: string[] = [];
  for (const section of sectionsFrom(args, model)) {
    const examples = section.examples;
    const routes = new Set(examples.map((e) => e.route));
    console.log(`\n######## ${section.name}: ${examples.length} examples; model ${model.source} (${model.trainedAt})`);
    const started = process.hrtime.bigint();
    const predictions = examples.map((e) => ({ e, p: predictTriage(model, e.text) }));
    const perRowUs = Number(process.hrtime.bigint() - started) / 1000 / Math.max(1, examples.length);
    const g = (e: TriageExample): { group?: string } => (e.group ? { group: e.group } : {});
    const engines: [string, Row[]][] = [
      ['keyword baseline', examples.map((e) => ({ truth: e.route, predicted: keywordRoute(e.text).route, confidence: 1, ...g(e) }))],
      ['embedded', predictions.map(({ e, p }) => ({ truth: e.route, predicted: p.route?.label ?? '', confidence: p.route?.confidence ?? 0, ...g(e) }))],
    ];
    const llm = await llmRows(examples, Number(args['llm-limit'] ?? 100));
    if (llm) {
      const n = llm.rows.length + llm.failures;
      engines.push([`llm ${llm.model} (first ${n}, ${llm.failures} failed calls excluded)`, llm.rows]);
      // The same rows for the others, so the LLM is compared like for like.
      if (n < examples.length) for (const [name, rows] of engines.slice(0, 2)) engines.push([`${name} (same first ${n})`, rows.slice(0, n)]);
    }
    else console.log('(LLM not evaluated: set SEAM_PROXY_LLM_BASE_URL / SEAM_PROXY_LLM_MODEL to include it)');

    for (const [name, rows] of engines) {
      if (routes.size === 1) {
        // One route in the file: precision and F1 mean nothing; recall (and what is routed) does.
        const only = [...routes][0] as string;
        const hit = rows.filter((r) => r.predicted === only).length;
        const cov = coverageAtThreshold(rows, threshold);
        console.log(`\n== route · ${name} (n=${rows.length}, every row is ${only}) ==\nrecall ${pct(hit / Math.max(1, rows.length))} %   auto-routed at p ≥ ${threshold}: ${pct(cov.coverage)} % with accuracy ${pct(cov.accuracy)} %`);
        console.log(perGroup(name, rows, threshold));
        summary.push(`  ${section.name.slice(0, 40).padEnd(40)} ${name.slice(0, 24).padEnd(24)} recall ${pct(hit / Math.max(1, rows.length))} %`);
        continue;
      }
      const r = evaluate(rows, name.startsWith('llm') ? ['review', ...ROUTE_LABELS] : ROUTE_LABELS);
      console.log(formatReport(`route · ${name}`, r));
      console.log(humility(rows, model.costs, threshold));
      console.log(perGroup(name, rows, threshold));
      const cov = coverageAtThreshold(rows, threshold);
      summary.push(`  ${section.name.slice(0, 40).padEnd(40)} ${name.slice(0, 24).padEnd(24)} acc ${pct(r.accuracy)} %  macro-F1 ${pct(r.macroF1)} %  ECE ${r.ece.toFixed(3)}  acc@80%cov ${pct(accuracyAtCoverage(rows, 0.8).accuracy)} %  auto ${pct(cov.coverage)} % @ ${pct(cov.accuracy)} %`);
    }
    const withCategory = predictions.filter(({ e }) => e.category);
    if (withCategory.length > 0 && model.heads.category) {
      console.log(formatReport('category · embedded', evaluate(withCategory.map(({ e, p }) => ({ truth: e.category as string, predicted: p.category?.label ?? '', confidence: p.category?.confidence ?? 0 })))));
    }
    const withPriority = predictions.filter(({ e }) => e.priority);
    if (withPriority.length > 0 && model.heads.priority) {
      console.log(formatReport('priority · embedded', evaluate(withPriority.map(({ e, p }) => ({ truth: e.priority as string, predicted: p.priority?.label ?? '', confidence: p.priority?.confidence ?? 0 })))));
    }
    const unfamiliar = predictions.filter(({ p }) => p.familiarity.unfamiliar).length;
    console.log(`\nunfamiliar text (sent to review by the engine): ${unfamiliar} of ${predictions.length}`);
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
    console.log(`\nembedded inference: ${perRowUs.toFixed(0)} µs per ticket, including the one-time model decode (npm run bench measures throughput)`);
  }
  console.log(`\nsummary (auto = share with confidence ≥ ${threshold}, the cost table's threshold, and its accuracy):`);
  for (const l of summary) console.log(l);
}

main().catch((e: unknown) => {
  console.error(`seam-proxy eval:triage: ${(e as Error).message}`);
  process.exit(1);
});
