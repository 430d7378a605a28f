/**
 * The SLA-breach risk model: logistic regression (`ml-logistic-regression`, mljs) over the
 * features an open incident has at prediction time (`slaData.ts`), standardised. Category and
 * assignment group are target-encoded (log-odds of the smoothed breach rate of the training
 * incidents; out-of-fold for the training rows, so the model does not learn its own labels back).
 * The alert threshold is chosen on the latest fifth of the training period (largest Youden's J), never on the test data. (A random forest from `ml-random-forest` was tried first:
 * about 5 s per tree on 3,000 rows here, too slow to retrain in a build.)
 */
import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';
import type { SlaExample, SlaInput } from './slaData.js';

export const SLA_MODEL_FILE = 'sla-model.json';
export const SLA_MODEL_KIND = 'seam-sla-risk';

export const FEATURE_NAMES = [
  'priority_high', 'priority_low', 'urgency', 'impact', 'state_new', 'state_on_hold',
  'log_hours_open', 'reassignment_count', 'reopened', 'log_update_count',
  'opened_at_night_utc', 'opened_on_weekend', 'category_breach_logit', 'group_breach_logit',
] as const;

/** Smoothing of the target encoding: a value seen n times counts n / (n + M) of its own rate. */
const SMOOTHING = 10;
const FOLDS = 5;

export type SlaBand = 'low' | 'medium' | 'high';

export interface Encoding {
  readonly prior: number;
  /** value → [breached incidents, incidents]. */
  readonly counts: Readonly<Record<string, readonly [number, number]>>;
}

export interface SlaModel {
  readonly kind: typeof SLA_MODEL_KIND;
  readonly version: 1;
  readonly source: string;
  readonly trainedAt: string;
  readonly features: readonly string[];
  readonly category: Encoding;
  readonly group: Encoding;
  /** risk ≥ threshold → band high (the alert); ≥ medium → band medium. */
  readonly threshold: number;
  readonly medium: number;
  readonly trainingRows: number;
  readonly trainingIncidents: number;
  readonly mean: readonly number[];
  readonly std: readonly number[];
  /** Intercept then one weight per standardised feature, for people reading the model. */
  readonly weights: readonly number[];
  /** `LogisticRegression.toJSON()`. */
  readonly regression: Record<string, unknown>;
}

export interface FitOptions {
  /** Gradient steps (default 500) and step size per mean gradient (default 0.8). */
  readonly steps?: number;
  readonly learningRate?: number;
}

const rate = (enc: Encoding, value: string | undefined): [number, number] => {
  const c = value === undefined ? undefined : enc.counts[value];
  const [pos, n] = c ?? [0, 0];
  return [(pos + SMOOTHING * enc.prior) / (n + SMOOTHING), n];
};

const logit = (p: number): number => Math.log(p / (1 - p));

/** The raw feature vector (order of `FEATURE_NAMES`), before standardisation. */
export function slaFeatures(input: SlaInput, category: Encoding, group: Encoding): number[] {
  const opened = Date.parse(input.openedAt);
  const asOf = Date.parse(input.asOf);
  const hoursOpen = Number.isFinite(opened) && Number.isFinite(asOf) ? Math.max(0, (asOf - opened) / 3.6e6) : 0;
  const when = new Date(Number.isFinite(opened) ? opened : 0);
  const hour = when.getUTCHours();
  const day = when.getUTCDay();
  return [
    input.priority <= 2 ? 1 : 0,
    input.priority >= 4 ? 1 : 0,
    input.urgency ?? 2,
    input.impact ?? 2,
    input.state === 1 ? 1 : 0,
    input.state === 3 ? 1 : 0,
    Math.log1p(hoursOpen),
    Math.min(input.reassignmentCount, 5),
    input.reopenCount > 0 ? 1 : 0,
    Math.log1p(input.updateCount),
    hour < 6 || hour >= 20 ? 1 : 0,
    day === 0 || day === 6 ? 1 : 0,
    logit(rate(category, input.category)[0]),
    logit(rate(group, input.assignmentGroup)[0]),
  ];
}

/** Breach counts per value, counted once per incident. */
function encode(examples: readonly SlaExample[], key: (i: SlaInput) => string | undefined): Encoding {
  const seen = new Map<string, { value: string | undefined; breached: 0 | 1 }>();
  for (const e of examples) if (!seen.has(e.incident)) seen.set(e.incident, { value: key(e.input), breached: e.breached });
  const counts: Record<string, [number, number]> = {};
  let pos = 0;
  for (const { value, breached } of seen.values()) {
    pos += breached;
    if (value === undefined) continue;
    const c = (counts[value] ??= [0, 0]);
    c[0] += breached;
    c[1] += 1;
  }
  return { prior: seen.size === 0 ? 0.5 : pos / seen.size, counts };
}

const foldOf = (incident: string): number => {
  let h = 0;
  for (let i = 0; i < incident.length; i++) h = (h * 31 + incident.charCodeAt(i)) >>> 0;
  return h % FOLDS;
};

/** Training rows with out-of-fold encodings: a row's own incident never informs its rate. */
function trainingMatrix(examples: readonly SlaExample[]): number[][] {
  const byFold = Array.from({ length: FOLDS }, (_, f) => {
    const others = examples.filter((e) => foldOf(e.incident) !== f);
    return { category: encode(others, (i) => i.category), group: encode(others, (i) => i.assignmentGroup) };
  });
  return examples.map((e) => {
    const enc = byFold[foldOf(e.incident)]!;
    return slaFeatures(e.input, enc.category, enc.group);
  });
}

interface Fitted {
  readonly mean: number[];
  readonly std: number[];
  readonly regression: LogisticRegression;
}

const design = (rows: readonly number[][], mean: readonly number[], std: readonly number[]): Matrix =>
  new Matrix(rows.map((r) => [1, ...r.map((v, j) => (v - mean[j]!) / std[j]!)]));

function fit(examples: readonly SlaExample[], options: FitOptions): Fitted {
  const rows = trainingMatrix(examples);
  const cols = rows[0]!.length;
  const mean = Array.from({ length: cols }, (_, j) => rows.reduce((a, r) => a + r[j]!, 0) / rows.length);
  const std = Array.from({ length: cols }, (_, j) => Math.sqrt(rows.reduce((a, r) => a + (r[j]! - mean[j]!) ** 2, 0) / rows.length) || 1);
  // The library's gradient is a sum over rows: scale the step by the row count.
  const regression = new LogisticRegression({ numSteps: options.steps ?? 500, learningRate: (options.learningRate ?? 0.8) / rows.length });
  regression.train(design(rows, mean, std), Matrix.columnVector(examples.map((e) => e.breached)));
  return { mean, std, regression };
}

/**
 * P(breached). The library trains one-vs-all with the named class as 0, so the classifier of
 * class 0 (made SLA) scores "not class 0", i.e. breached.
 */
function probabilities(f: Fitted, rows: readonly number[][]): number[] {
  if (rows.length === 0) return [];
  return f.regression.classifiers[0]!.testScores(design(rows, f.mean, f.std));
}

/**
 * The threshold with the largest Youden's J (recall of breaches minus the false-alarm rate of
 * incidents that made their SLA). Not best F1: where most incidents breach, F1 is best when
 * every incident is flagged, and an alert on everything tells nobody anything.
 */
export function bestThreshold(scores: readonly number[], truth: readonly (0 | 1)[]): number {
  const pos = truth.filter((t) => t === 1).length;
  const neg = truth.length - pos;
  let best = 0.5;
  let bestJ = -Infinity;
  for (let k = 5; k <= 95; k++) {
    const t = k / 100;
    let tp = 0; let fp = 0;
    scores.forEach((s, i) => { if (s >= t) { if (truth[i] === 1) tp++; else fp++; } });
    const j = (pos ? tp / pos : 0) - (neg ? fp / neg : 0);
    if (j > bestJ) { bestJ = j; best = t; }
  }
  return best;
}

export function trainSlaModel(examples: readonly SlaExample[], meta: { source: string; now: Date }, options: FitOptions = {}): SlaModel {
  if (examples.length < 50) throw new Error(`only ${examples.length} prediction points: export the event log of at least a few hundred closed incidents`);
  const labels = new Set(examples.map((e) => e.breached));
  if (labels.size < 2) throw new Error('every incident has the same made_sla: the export needs incidents that made and that missed their SLA');
  // Threshold: fit on the earlier 80 % of the training period, choose on the latest 20 %.
  const opened = [...new Set(examples.map((e) => e.openedAtMs))].sort((a, b) => a - b);
  const cut = opened[Math.floor(opened.length * 0.8)] ?? Infinity;
  const early = examples.filter((e) => e.openedAtMs < cut);
  const late = examples.filter((e) => e.openedAtMs >= cut);
  let threshold = 0.5;
  if (early.length >= 30 && late.length >= 10 && new Set(early.map((e) => e.breached)).size === 2) {
    const f = fit(early, options);
    const cat = encode(early, (i) => i.category);
    const grp = encode(early, (i) => i.assignmentGroup);
    threshold = bestThreshold(probabilities(f, late.map((e) => slaFeatures(e.input, cat, grp))), late.map((e) => e.breached));
  }
  const final = fit(examples, options);
  return {
    kind: SLA_MODEL_KIND,
    version: 1,
    source: meta.source,
    trainedAt: meta.now.toISOString(),
    features: [...FEATURE_NAMES],
    category: encode(examples, (i) => i.category),
    group: encode(examples, (i) => i.assignmentGroup),
    threshold,
    medium: Math.max(0, Math.round((threshold - 0.2) * 100) / 100),
    trainingRows: examples.length,
    trainingIncidents: new Set(examples.map((e) => e.incident)).size,
    mean: final.mean,
    std: final.std,
    weights: final.regression.classifiers[0]!.weights.to1DArray(),
    regression: final.regression.toJSON() as unknown as Record<string, unknown>,
  };
}

/** A loaded model: the regression rebuilt once. */
export interface SlaPredictor {
  readonly model: SlaModel;
  predict(inputs: readonly SlaInput[]): { risk: number; band: SlaBand }[];
}

export function slaPredictor(model: SlaModel): SlaPredictor {
  const fitted: Fitted = { mean: [...model.mean], std: [...model.std], regression: LogisticRegression.load(model.regression as never) };
  return {
    model,
    predict(inputs) {
      const risks = probabilities(fitted, inputs.map((i) => slaFeatures(i, model.category, model.group)));
      return risks.map((r) => {
        const risk = Math.round(r * 1000) / 1000;
        return { risk, band: risk >= model.threshold ? 'high' : risk >= model.medium ? 'medium' : 'low' };
      });
    },
  };
}

/** Checks a model file's shape; the error names the file and the fix. */
export function parseSlaModel(json: unknown, file: string): SlaModel {
  const m = json as Partial<SlaModel> | null;
  if (!m || m.kind !== SLA_MODEL_KIND || m.version !== 1 || typeof m.threshold !== 'number' || !m.regression || !m.mean || !m.std || !m.category || !m.group) {
    throw new Error(`${file} is not a Seam SLA risk model (version 1). Retrain it: npm run train:sla -- --data <event-log.csv>`);
  }
  if (JSON.stringify(m.features) !== JSON.stringify(FEATURE_NAMES)) {
    throw new Error(`${file} was trained with other features (${(m.features ?? []).join(', ')}). Retrain it with this version: npm run train:sla`);
  }
  return m as SlaModel;
}
