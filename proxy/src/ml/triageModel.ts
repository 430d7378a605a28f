/**
 * The embedded triage model: one calibrated naive Bayes head per decision (route, category and,
 * when the training data has it, priority), trained together and saved as one JSON file.
 */
import type { Route, TriageExample } from './dataset.js';
import { fitTemperature, predictProba, trainNaiveBayes, withTemperature, type NaiveBayesModel } from './naiveBayes.js';
import { tokenize } from './text.js';

export const MODEL_FORMAT = 'seam-triage-nb/1';
export type HeadName = 'route' | 'category' | 'priority';
export const HEADS: readonly HeadName[] = ['route', 'category', 'priority'];

export interface TriageModel {
  readonly format: typeof MODEL_FORMAT;
  readonly trainedAt: string;
  /** Where the examples came from (a file name or "shared/data"), for /healthz and the audit. */
  readonly source: string;
  readonly examples: { readonly train: number; readonly calibration: number };
  readonly heads: Partial<Record<HeadName, NaiveBayesModel>>;
  /** The routes each category was seen with, so a category never contradicts the chosen route. */
  readonly categoryRoutes: Readonly<Record<string, readonly Route[]>>;
}

export interface HeadPrediction {
  readonly label: string;
  /** Calibrated probability of `label`. */
  readonly confidence: number;
  /** All classes, probabilities summing to 1. */
  readonly probabilities: Readonly<Record<string, number>>;
}

export type TriagePrediction = Partial<Record<HeadName, HeadPrediction>>;

function labelOf(e: TriageExample, head: HeadName): string | undefined {
  return head === 'route' ? e.route : head === 'category' ? e.category : e.priority;
}

/**
 * Trains every head that has at least two classes in `train`, then fits each head's temperature on
 * `calibration` (held-out examples the counts never saw).
 */
export function trainTriageModel(
  train: readonly TriageExample[],
  calibration: readonly TriageExample[],
  meta: { source: string; now: Date },
): TriageModel {
  const heads: Partial<Record<HeadName, NaiveBayesModel>> = {};
  const trainTokens = train.map((e) => tokenize(e.text));
  const calTokens = calibration.map((e) => tokenize(e.text));
  for (const head of HEADS) {
    const idx = train.map((e, i) => [labelOf(e, head), i] as const).filter(([l]) => l !== undefined);
    if (new Set(idx.map(([l]) => l)).size < 2) continue;
    const nb = trainNaiveBayes(idx.map(([, i]) => trainTokens[i] as string[]), idx.map(([l]) => l as string));
    const calIdx = calibration.map((e, i) => [labelOf(e, head), i] as const).filter(([l]) => l !== undefined);
    const T = calIdx.length >= 10
      ? fitTemperature(nb, calIdx.map(([, i]) => calTokens[i] as string[]), calIdx.map(([l]) => l as string))
      : 1;
    heads[head] = withTemperature(nb, T);
  }
  const seen = new Map<string, Set<Route>>();
  for (const e of train) {
    if (!e.category) continue;
    const routes = seen.get(e.category) ?? new Set<Route>();
    routes.add(e.route);
    seen.set(e.category, routes);
  }
  const categoryRoutes = Object.fromEntries([...seen].map(([c, r]) => [c, [...r].sort()]));
  if (!heads.route) throw new Error('trainTriageModel: the training data needs examples of both routes');
  return {
    format: MODEL_FORMAT,
    trainedAt: meta.now.toISOString(),
    source: meta.source,
    examples: { train: train.length, calibration: calibration.length },
    heads,
    categoryRoutes,
  };
}

export function predictTriage(model: TriageModel, text: string): TriagePrediction {
  const tokens = tokenize(text);
  const out: Partial<Record<HeadName, HeadPrediction>> = {};
  for (const head of HEADS) {
    const nb = model.heads[head];
    if (!nb) continue;
    let p = predictProba(nb, tokens);
    const route = out.route?.label;
    if (head === 'category' && route) {
      // Keep only categories that belong to the chosen route, then renormalise.
      const masked = p.map((q, i) => ((model.categoryRoutes[nb.labels[i] as string] ?? [route]).includes(route as Route) ? q : 0));
      const sum = masked.reduce((a, b) => a + b, 0);
      if (sum > 0) p = masked.map((q) => q / sum);
    }
    let best = 0;
    for (let i = 1; i < p.length; i++) if ((p[i] ?? 0) > (p[best] ?? 0)) best = i;
    out[head] = {
      label: nb.labels[best] as string,
      confidence: p[best] ?? 0,
      probabilities: Object.fromEntries(nb.labels.map((l, i) => [l, p[i] ?? 0])),
    };
  }
  return out;
}

/** Checks a parsed model file before the engine trusts it; the message names the fix. */
export function parseTriageModel(json: unknown, file: string): TriageModel {
  const m = json as Partial<TriageModel> | null;
  if (!m || m.format !== MODEL_FORMAT || !m.heads?.route || !m.categoryRoutes) {
    throw new Error(
      `${file}: not a ${MODEL_FORMAT} model (format ${String(m?.format)}). Rebuild it with "npm run build -w proxy" or "npm run train -w proxy -- --data FILE --out DIR".`,
    );
  }
  return m as TriageModel;
}
