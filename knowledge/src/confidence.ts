/**
 * "Is this passage's article the answer?" as one score in [0, 1], for "no confident answer".
 *
 * Term coverage or cosine alone cannot tell a question whose article was retired from one whose
 * article is there: both share most words with the other articles on the topic. What differs is
 * agreement: when the article is there, it stands out from the next-best article in the lexical
 * list and in the vector list. So a passage's relevance is a logistic score of its coverage, its
 * similarity and its article's margin over the best other article in each list, fitted on the
 * eval's dev half (`npm run eval:knowledge -- --calibrate`), never on the questions it is
 * measured on. The intercept is shifted so the operating point chosen on the dev half falls on
 * `RELEVANCE_THRESHOLDS[mode]`, the floor the proxy and both platforms already use.
 *
 * Measured, NOT applied by default: it raises "no answer" precision on the eval's test half, but
 * refuses a question sent as a case's subject plus description whose article leads BM25 by only
 * 3% (the sandbox test). It is applied only when `KnowledgeConfig.confidence` is passed.
 */
import type { SearchMode } from './types.js';

/** What the score reads, per passage (see `confidenceFeatures`). */
export interface ConfidenceFeatures {
  /** IDF-weighted share of the question's terms in the passage. */
  coverage: number;
  /** Cosine similarity of question and passage (0 without vectors). */
  similarity: number;
  /** Its article's BM25 lead over the next article (÷ the best score) × its term coverage; < 0 when another leads, −1 when absent. */
  lexicalMargin: number;
  /** Best cosine of its article − best cosine of any other article; −1 when absent. */
  vectorMargin: number;
}

export interface ConfidenceModel {
  bias: number;
  coverage: number;
  similarity: number;
  lexicalMargin: number;
  vectorMargin: number;
}

/**
 * Fitted by `npm run eval:knowledge -- --calibrate` (SQLite, LSA vectors, dev half of the
 * StackExchange FAQ questions). With another embedding model the similarity scale changes:
 * refit on your own labelled questions, or treat these as a starting point.
 */
export const CONFIDENCE_MODELS: Readonly<Record<SearchMode, ConfidenceModel>> = {
  hybrid: { bias: -1.086, coverage: 0.547, similarity: 0.915, lexicalMargin: 3.42, vectorMargin: 1.571 },
  lexical: { bias: -0.987, coverage: 1.143, similarity: 0, lexicalMargin: 3.729, vectorMargin: 0 },
  vector: { bias: -1.008, coverage: 0, similarity: 2.284, lexicalMargin: 0, vectorMargin: 2.8 },
};

/** The features a mode uses: lexical-only reads no vectors, vector-only no terms. */
export const MODE_FEATURES: Readonly<Record<SearchMode, readonly (keyof ConfidenceFeatures)[]>> = {
  hybrid: ['coverage', 'similarity', 'lexicalMargin', 'vectorMargin'],
  lexical: ['coverage', 'lexicalMargin'],
  vector: ['similarity', 'vectorMargin'],
};

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const logit = (p: number): number => Math.log(p / (1 - p));

export function confidenceOf(f: ConfidenceFeatures, m: ConfidenceModel, mode: SearchMode): number {
  let z = m.bias;
  for (const k of MODE_FEATURES[mode]) z += m[k] * f[k];
  return sigmoid(z);
}

export interface ListEntry {
  docId: string;
  score: number;
}

/**
 * Per article in a candidate list: its lead over the best other article (negative when another
 * leads; −1 when it is not in the list). `relative`: divided by the list's best score, for BM25 and
 * ts_rank_cd, whose scale depends on the query; cosine leads are raw.
 */
export function articleMargins(list: readonly ListEntry[], relative: boolean): (docId: string) => number {
  const best = new Map<string, number>();
  for (const e of list) if (!best.has(e.docId) || (best.get(e.docId) as number) < e.score) best.set(e.docId, e.score);
  const sorted = [...best.entries()].sort((a, b) => b[1] - a[1]);
  const scale = relative ? Math.abs(sorted[0]?.[1] ?? 0) || 1 : 1;
  return (docId) => {
    const mine = best.get(docId);
    if (mine === undefined) return -1;
    const other = sorted.find(([d]) => d !== docId)?.[1] ?? 0;
    return Math.max(-1, Math.min(1, (mine - other) / scale));
  };
}

export interface LabelledFeatures {
  features: ConfidenceFeatures;
  /** True when the question's article is in the index (an answer exists). */
  answerable: boolean;
}

/** Logistic regression (L2, gradient descent; a few hundred rows, four features) on the dev half. */
export function fitConfidence(rows: readonly LabelledFeatures[], mode: SearchMode, o: { iterations?: number; rate?: number; l2?: number } = {}): ConfidenceModel {
  const keys = MODE_FEATURES[mode];
  const w = new Map<string, number>(keys.map((k) => [k, 0]));
  let b = 0;
  const rate = o.rate ?? 0.5;
  const l2 = o.l2 ?? 1e-3;
  for (let it = 0; it < (o.iterations ?? 4000); it++) {
    let gb = 0;
    const g = new Map<string, number>(keys.map((k) => [k, 0]));
    for (const r of rows) {
      let z = b;
      for (const k of keys) z += (w.get(k) as number) * r.features[k];
      const e = sigmoid(z) - (r.answerable ? 1 : 0);
      gb += e;
      for (const k of keys) g.set(k, (g.get(k) as number) + e * r.features[k]);
    }
    b -= (rate * gb) / rows.length;
    for (const k of keys) w.set(k, (w.get(k) as number) - rate * ((g.get(k) as number) / rows.length + l2 * (w.get(k) as number)));
  }
  const m: ConfidenceModel = { bias: b, coverage: 0, similarity: 0, lexicalMargin: 0, vectorMargin: 0 };
  for (const k of keys) m[k] = w.get(k) as number;
  return m;
}

/** Moves the model's intercept so a score of `from` becomes `to` (the mode's shipped floor). */
export function shiftTo(m: ConfidenceModel, from: number, to: number): ConfidenceModel {
  const clamp = (p: number): number => Math.min(1 - 1e-6, Math.max(1e-6, p));
  return { ...m, bias: m.bias - logit(clamp(from)) + logit(clamp(to)) };
}
