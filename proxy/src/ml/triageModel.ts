/**
 * The embedded triage model, saved as one JSON file:
 * - route: a logistic regression over hashed word and character n-grams (`features.ts`,
 *   `logistic.ts`), calibrated by Platt scaling on a held-out split, with a familiarity check
 *   (text unlike the training data leans to "don't know") and a review threshold taken from a
 *   cost table (a wrong route costs more than a review); a naive Bayes second opinion trained on
 *   the e-mail-style rows only enters that calibration (`RouteHead.inStyle`);
 * - category and, when the data has it, priority: calibrated naive Bayes heads (`naiveBayes.ts`).
 */
import type { Route, TriageExample } from './dataset.js';
import { bucketsOf, FEATURE_BITS, hashWords, hashedFeatures } from './features.js';
import { decodeWeights, encodeWeights, fitDenseLogistic, logit, sigmoid, trainLogistic, type LinearModel, type LogisticOptions } from './logistic.js';
import { fitTemperature, logScores, predictProba, trainNaiveBayes, withTemperature, type NaiveBayesModel } from './naiveBayes.js';
import { rulePriority } from './priorityRules.js';
import { normalizeWords, tokenizeWords } from './text.js';

export const MODEL_FORMAT = 'seam-triage/2';
export type HeadName = 'route' | 'category' | 'priority';
type NbHead = 'category' | 'priority';
const NB_HEADS: readonly NbHead[] = ['category', 'priority'];

/**
 * What a decision costs, in units of one human review. Auto-routing at probability p costs
 * (1 − p)·wrongRoute on average and a review costs `review`, so routing pays when
 * p ≥ 1 − review / wrongRoute (0.8 with the defaults): with calibrated p that is the cheapest rule.
 */
export interface CostTable {
  /** A ticket sent to the wrong system: re-triage, a second hand-off, often a breached SLA. */
  readonly wrongRoute: number;
  /** A person reads the ticket and picks the route (about two minutes). */
  readonly review: number;
}
export const DEFAULT_COSTS: CostTable = { wrongRoute: 5, review: 1 };
export const thresholdFor = (c: CostTable): number => Math.max(0.5, 1 - c.review / c.wrongRoute);

export interface LinearHead {
  readonly bits: number;
  /** Float32 weights, base64 (see `encodeWeights`). */
  readonly weights: string;
  readonly bias: number;
  /** Unit-length feature rows (`LinearModel.normalized`); absent in models trained before it. */
  readonly normalized?: boolean;
}

export interface RouteHead extends LinearHead {
  readonly kind: 'logistic';
  /** [negative, positive]: the probability computed is that of labels[1]. */
  readonly labels: readonly [Route, Route];
  /**
   * Tells e-mail tickets in the style of the multi-queue / customer data (1) from the public
   * corpora's short questions and terse IT notes (0). Absent when the training data has one style.
   */
  readonly style?: LinearHead;
  /**
   * A second opinion from another model family: naive Bayes over word unigrams and bigrams,
   * trained on the e-mail-style training rows only (the ones where both routes share one
   * vocabulary), so the public corpora's "banking words vs IT words" does not drown it. Its
   * log-odds per √token enter the calibration as n·d (README "Embedded"). Absent in models
   * trained before it, or when the e-mail rows do not hold both routes.
   */
  readonly inStyle?: NaiveBayesModel;
  /**
   * Calibration fitted on held-out data: p = σ(β · [z, z·d, d, o, n·d, 1]) with d the style
   * probability (Platt scaling per style), o the outage-language indicator and n the in-style
   * head's evidence; without `inStyle` the n·d term is absent, without a style head the inputs
   * are [z, o, (n), 1] (see `calibrationInputs`).
   */
  readonly calibration: readonly number[];
}

export interface TriageModel {
  readonly format: typeof MODEL_FORMAT;
  readonly trainedAt: string;
  /** Where the examples came from (a file name or "shared/data"), for /healthz and the audit. */
  readonly source: string;
  readonly examples: { readonly train: number; readonly calibration: number };
  readonly route: RouteHead;
  readonly heads: Partial<Record<NbHead, NaiveBayesModel>>;
  /** The routes each category was seen with, so a category never contradicts the chosen route. */
  readonly categoryRoutes: Readonly<Record<string, readonly Route[]>>;
  /** Words seen in at least two training tickets: what "familiar text" means for this model. */
  readonly vocabulary: readonly string[];
  /** 10th percentile of the share of a calibration ticket's words found in `vocabulary`. */
  readonly typicalKnownShare: number;
  readonly costs: CostTable;
  /** Below this calibrated confidence the embedded engine asks for a review (`thresholdFor(costs)`). */
  readonly reviewThreshold: number;
}

/** No text makes the classifier certain: confidences are capped here (the README says why). */
export const MAX_CONFIDENCE = 0.999;
/** Below this share of `typicalKnownShare`, the text is unlike the training data: a person decides. */
export const UNFAMILIAR_BELOW = 0.5;

export interface HeadPrediction {
  readonly label: string;
  /** Calibrated probability of `label`. */
  readonly confidence: number;
  /** All classes, probabilities summing to 1. */
  readonly probabilities: Readonly<Record<string, number>>;
}

export interface Familiarity {
  /** Share of the ticket's distinct words the model saw in training. */
  readonly knownShare: number;
  /** knownShare / typicalKnownShare, at most 1: how much of the evidence to trust. */
  readonly weight: number;
  /** weight below `UNFAMILIAR_BELOW`: out of distribution. */
  readonly unfamiliar: boolean;
}

export type TriagePrediction = Partial<Record<HeadName, HeadPrediction>> & { readonly familiarity: Familiarity };

export interface TrainOptions {
  readonly costs?: CostTable;
  readonly logistic?: LogisticOptions;
  /** Train the in-style naive Bayes head (`RouteHead.inStyle`) when the data allows; default true. */
  readonly inStyleHead?: boolean;
}

function labelOf(e: TriageExample, head: NbHead): string | undefined {
  return head === 'category' ? e.category : e.priority;
}

// Decoding 1 MB of base64 per prediction would be the whole cost of a prediction: once per model.
const decoded = new WeakMap<LinearHead, LinearModel>();
function linear(head: LinearHead): LinearModel {
  let m = decoded.get(head);
  if (!m) decoded.set(head, (m = { bits: head.bits, bias: head.bias, weights: decodeWeights(head.weights, head.bits), ...(head.normalized ? { normalized: true } : {}) }));
  return m;
}
const vocabSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function vocabOf(model: TriageModel): ReadonlySet<string> {
  let s = vocabSets.get(model.vocabulary);
  if (!s) vocabSets.set(model.vocabulary, (s = new Set(model.vocabulary)));
  return s;
}

/**
 * The route head's training: unit-length rows (each present n-gram counts 1/√n), which on the
 * multi-queue `customer` split beat the unnormalised rows by about two points of accuracy and
 * macro-F1 (README "Embedded"); normalised rows take a larger AdaGrad step.
 */
export const ROUTE_LOGISTIC: LogisticOptions = { normalize: true, epochs: 3, learningRate: 0.5, l2: 1e-5 };

/** The style head is small: it only tells two writing styles apart. */
const STYLE_BITS = 16;

/**
 * [z, z·d, d, o] with a style head, else [z, o] (see `RouteHead.calibration`); o is 1 when the
 * ServiceNow impact rules read many-users / outage language (`priorityRules.ts`). Its weight is
 * learned with the rest on held-out data: the n-gram model reads topic words ("checkout",
 * "orders" are sales words), and o says how much "everyone is affected" should count.
 */
function calibrationInputs(
  route: LinearModel,
  style: LinearModel | undefined,
  inStyle: NaiveBayesModel | undefined,
  words: readonly string[],
  tokens: readonly string[],
  text: string,
): number[] {
  const hashes = hashWords(words);
  const z = logit(route, bucketsOf(hashes, route.bits));
  const o = rulePriority(text).impact === 1 ? 1 : 0;
  const d = style ? sigmoid(logit(style, bucketsOf(hashes, style.bits))) : 1;
  const x = style ? [z, z * d, d, o] : [z, o];
  if (inStyle) x.push(d * inStyleEvidence(inStyle, tokens));
  return x;
}

/**
 * The in-style head's log-odds of servicenow over salesforce, divided by √(number of tokens): like
 * the unit-length rows of the logistic head, a long e-mail's many weak words do not add up to
 * certainty (raw naive Bayes log-odds grow with length; on the `customer` split the √-scaled ones
 * calibrated better than raw or clipped ones, README "What was tried").
 */
function inStyleEvidence(nb: NaiveBayesModel, tokens: readonly string[]): number {
  const s = logScores(nb, tokens);
  const pos = nb.labels.indexOf('servicenow');
  const neg = nb.labels.indexOf('salesforce');
  if (pos < 0 || neg < 0) return 0;
  return ((s[pos] ?? 0) - (s[neg] ?? 0)) / Math.sqrt(Math.max(1, tokens.length));
}

/** Fewest e-mail-style training rows for the in-style head: below this it would mostly add noise. */
const MIN_IN_STYLE_ROWS = 50;

function familiarityOf(model: TriageModel, words: readonly string[]): Familiarity {
  const distinct = new Set(words);
  const vocab = vocabOf(model);
  let known = 0;
  for (const w of distinct) if (vocab.has(w)) known++;
  const knownShare = distinct.size === 0 ? 0 : known / distinct.size;
  const weight = model.typicalKnownShare > 0 ? Math.min(1, knownShare / model.typicalKnownShare) : 1;
  return { knownShare, weight, unfamiliar: weight < UNFAMILIAR_BELOW };
}

export function familiarity(model: TriageModel, text: string): Familiarity {
  return familiarityOf(model, normalizeWords(text));
}

/**
 * Trains the route head on `train` (each example's `weight`, default 1, scales its say), fits
 * Platt scaling and the familiarity baseline on `calibration` (examples the weights never saw),
 * and the naive Bayes heads that have at least two classes.
 */
export function trainTriageModel(
  train: readonly TriageExample[],
  calibration: readonly TriageExample[],
  meta: { source: string; now: Date },
  options: TrainOptions = {},
): TriageModel {
  if (new Set(train.map((e) => e.route)).size < 2) throw new Error('trainTriageModel: the training data needs examples of both routes');
  const labels: [Route, Route] = ['salesforce', 'servicenow'];
  const trainWords = train.map((e) => normalizeWords(e.text));
  const calWords = calibration.map((e) => normalizeWords(e.text));
  const lm = trainLogistic(
    trainWords.map((w) => hashedFeatures(w, FEATURE_BITS)),
    train.map((e) => (e.route === labels[1] ? 1 : 0)),
    train.map((e) => e.weight ?? 1),
    FEATURE_BITS,
    { ...ROUTE_LOGISTIC, ...options.logistic },
  );
  const styleOf = (e: TriageExample): number => (e.corpus === 'public' ? 0 : 1);
  const styles = new Set(train.map(styleOf));
  let style: LinearModel | undefined;
  if (styles.size === 2) {
    const n1 = train.filter((e) => styleOf(e) === 1).length;
    const n0 = train.length - n1;
    style = trainLogistic(
      trainWords.map((w) => hashedFeatures(w, STYLE_BITS)),
      train.map(styleOf),
      train.map((e) => train.length / (2 * (styleOf(e) === 1 ? n1 : n0))),
      STYLE_BITS,
      { epochs: 2, learningRate: 0.1, l2: 1e-5 },
    );
  }
  const trainTokens = trainWords.map((w) => tokenizeWords(w));
  const calTokens = calWords.map((w) => tokenizeWords(w));
  const inStyleRows = train.map((e, i) => [e, i] as const).filter(([e]) => styleOf(e) === 1);
  const inStyle = options.inStyleHead !== false && inStyleRows.length >= MIN_IN_STYLE_ROWS && new Set(inStyleRows.map(([e]) => e.route)).size === 2
    ? trainNaiveBayes(inStyleRows.map(([, i]) => trainTokens[i] as string[]), inStyleRows.map(([e]) => e.route))
    : undefined;
  const calInputs = calWords.map((w, i) => calibrationInputs(lm, style, inStyle, w, calTokens[i] as string[], (calibration[i] as TriageExample).text));
  const calY = calibration.map((e) => (e.route === labels[1] ? 1 : 0));
  const calibrationBeta = calibration.length >= 10 ? fitDenseLogistic(calInputs, calY) : [1, ...new Array<number>(calInputs[0]?.length ?? 1).fill(0)];

  const df = new Map<string, number>();
  for (const words of trainWords) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  const vocabulary = [...df].filter(([, n]) => n >= 2).map(([w]) => w).sort();
  const vocab = new Set(vocabulary);
  const shares = calWords
    .map((words) => { const d = new Set(words); let k = 0; for (const w of d) if (vocab.has(w)) k++; return d.size ? k / d.size : 0; })
    .sort((a, b) => a - b);
  // The 10th percentile: text at least as familiar as nine in ten calibration tickets gets full
  // weight; the median (1.0 on this data) would discount a ticket for one new word.
  const typicalKnownShare = round3(shares[Math.floor(shares.length * 0.1)] ?? 0.8);

  const heads: Partial<Record<NbHead, NaiveBayesModel>> = {};
  for (const head of NB_HEADS) {
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
  const costs = options.costs ?? DEFAULT_COSTS;
  return {
    format: MODEL_FORMAT,
    trainedAt: meta.now.toISOString(),
    source: meta.source,
    examples: { train: train.length, calibration: calibration.length },
    route: {
      kind: 'logistic',
      labels,
      bits: lm.bits,
      weights: encodeWeights(lm.weights),
      bias: round6(lm.bias),
      ...(lm.normalized ? { normalized: true } : {}),
      ...(style ? { style: { bits: style.bits, weights: encodeWeights(style.weights), bias: round6(style.bias) } } : {}),
      ...(inStyle ? { inStyle } : {}),
      calibration: calibrationBeta,
    },
    heads,
    categoryRoutes: Object.fromEntries([...seen].map(([c, r]) => [c, [...r].sort()])),
    vocabulary,
    typicalKnownShare,
    costs,
    reviewThreshold: thresholdFor(costs),
  };
}

export function predictTriage(model: TriageModel, text: string): TriagePrediction {
  const words = normalizeWords(text);
  const fam = familiarityOf(model, words);
  const head = model.route;
  const tokens = tokenizeWords(words);
  // Unfamiliar text: the calibrated log-odds are shrunk towards 0 ("either route"), in proportion.
  const x = calibrationInputs(linear(head), head.style ? linear(head.style) : undefined, head.inStyle, words, tokens, text);
  const z = fam.weight * ([...x, 1].reduce((sum, v, j) => sum + v * (head.calibration[j] ?? 0), 0));
  const pPos = sigmoid(z);
  const pos = pPos >= 0.5;
  const out: { -readonly [K in HeadName]?: HeadPrediction } = {
    route: {
      label: head.labels[pos ? 1 : 0],
      confidence: Math.min(pos ? pPos : 1 - pPos, MAX_CONFIDENCE),
      probabilities: { [head.labels[0]]: 1 - pPos, [head.labels[1]]: pPos },
    },
  };
  const route = out.route?.label as Route;
  for (const name of NB_HEADS) {
    const nb = model.heads[name];
    if (!nb) continue;
    let p = predictProba(nb, tokens);
    if (name === 'category') {
      // Keep only categories that belong to the chosen route, then renormalise.
      const masked = p.map((q, i) => ((model.categoryRoutes[nb.labels[i] as string] ?? [route]).includes(route) ? q : 0));
      const sum = masked.reduce((a, b) => a + b, 0);
      if (sum > 0) p = masked.map((q) => q / sum);
    }
    let best = 0;
    for (let i = 1; i < p.length; i++) if ((p[i] ?? 0) > (p[best] ?? 0)) best = i;
    out[name] = {
      label: nb.labels[best] as string,
      confidence: Math.min(p[best] ?? 0, MAX_CONFIDENCE),
      probabilities: Object.fromEntries(nb.labels.map((l, i) => [l, p[i] ?? 0])),
    };
  }
  return { ...out, familiarity: fam };
}

/** Checks a parsed model file before the engine trusts it; the message names the fix. */
export function parseTriageModel(json: unknown, file: string): TriageModel {
  const m = json as Partial<TriageModel> | null;
  const fix = 'Rebuild it with "npm run build -w proxy" or "npm run train -w proxy -- --data FILE --out DIR".';
  if (!m || m.format !== MODEL_FORMAT || m.route?.kind !== 'logistic' || !m.categoryRoutes || !Array.isArray(m.vocabulary)) {
    throw new Error(`${file}: not a ${MODEL_FORMAT} model (format ${String(m?.format)}). ${fix}`);
  }
  try { decodeWeights(m.route.weights, m.route.bits); } catch (e) {
    throw new Error(`${file}: route weights are damaged (${(e as Error).message}). ${fix}`);
  }
  const nb = m.route.inStyle;
  if (nb !== undefined && (!Array.isArray(nb.labels) || !nb.labels.includes('servicenow') || !nb.labels.includes('salesforce') || typeof nb.features !== 'object' || nb.features === null || !Array.isArray(nb.logPrior))) {
    throw new Error(`${file}: the in-style route head is damaged (it needs labels salesforce and servicenow, logPrior and features). ${fix}`);
  }
  // Checked for models with the in-style head only: older files (trained before the outage term)
  // have shorter calibrations that still predict as they did.
  const terms = (m.route.style ? 4 : 2) + 1 + 1;
  if (nb !== undefined && (!Array.isArray(m.route.calibration) || m.route.calibration.length !== terms)) {
    throw new Error(`${file}: the route calibration has ${Array.isArray(m.route.calibration) ? m.route.calibration.length : 'no'} terms, expected ${terms} for its heads. ${fix}`);
  }
  return m as TriageModel;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
