/**
 * Retrieval eval: recall@5, MRR@10 and "no answer" precision, per search mode, on one index.
 *
 * Every 10th article is ingested and then removed (as a retired article would be), so its questions
 * must get "no confident answer". Everything tuned (the relevance models and their floors, the
 * fusion weight) is fitted on the odd-numbered questions (dev half) and every metric is reported on
 * the even-numbered ones (test half), so no number is tuned on the questions it is measured on.
 */
import { confidenceOf, fitConfidence, shiftTo, type ConfidenceFeatures, type ConfidenceModel } from '../confidence.js';
import { LsaEmbedder } from '../embedders/lsa.js';
import { FUSION_ALPHA } from '../fusion.js';
import { openKnowledgeIndex } from '../index.js';
import { RELEVANCE_THRESHOLDS, type Embedder, type KnowledgeConfig, type Passage, type SearchMode } from '../types.js';
import type { EvalQuery, EvalSet } from './stackfaq.js';

export interface ModeMetrics {
  mode: SearchMode;
  questions: number;
  recallAt5: number;
  mrrAt10: number;
  /** The relevance floor applied (`RELEVANCE_THRESHOLDS[mode]`; the calibration puts dev's max-F1 point there). */
  threshold: number;
  /** Of the questions answered "no confident answer", the share whose article was really removed. */
  noAnswerPrecision: number;
  /** Of the questions whose article was removed, the share answered "no confident answer". */
  noAnswerRecall: number;
  /** Of the answerable questions, the share that still got an answer (top relevance ≥ threshold). */
  answeredRate: number;
  /** The floor that maximises "no answer" F1 on the dev half, and the test half measured at it. */
  devFloor: { threshold: number; noAnswerPrecision: number; noAnswerRecall: number; answeredRate: number };
}

/** Hybrid on the dev half at one fusion weight (the `tune` sweep). */
export interface AlphaPoint {
  alpha: number;
  recallAt5: number;
  mrrAt10: number;
}

export interface EvalReport {
  articles: number;
  removed: number;
  devQuestions: number;
  testQuestions: number;
  chunks: number;
  /** Wall time of ingesting every article (mask, chunk, embed, index). */
  ingestSeconds: number;
  embedder: string;
  /** The fusion weight of the lexical list that hybrid ran with on the test half. */
  fusionAlpha: number;
  /** With `tune`: hybrid on the dev half per fusion weight; the best recall@5 (then MRR@10) was used. */
  alphaSweep?: AlphaPoint[];
  modes: ModeMetrics[];
  /** Share of answerable test questions whose article is in the top 5 of the lexical or of the vector list. */
  oracleAt5?: number;
  /** With `calibrate`: the relevance models fitted on the dev half (paste into confidence.ts). */
  calibrated?: Record<SearchMode, ConfidenceModel>;
}

interface Outcome {
  q: EvalQuery;
  removed: boolean;
  /** 1-based rank of the right article among distinct articles, 0 when absent. */
  rank: number;
  /** Features of the first passages the proxy answers from (k = 5). */
  features: ConfidenceFeatures[];
  /** The shipped relevance of the best of those passages. */
  shipped: number;
}

/** The answer's relevance as the proxy sees it: the best of the passages it was given. */
const topRelevance = (o: Outcome, m: ConfidenceModel, mode: SearchMode): number => Math.max(0, ...o.features.map((f) => confidenceOf(f, m, mode)));

const featuresOf = (p: Passage): ConfidenceFeatures => ({ coverage: p.termCoverage ?? 0, similarity: p.similarity ?? 0, lexicalMargin: p.lexicalMargin ?? -1, vectorMargin: p.vectorMargin ?? -1 });

interface Scored {
  removed: boolean;
  top: number;
}

function f1(outcomes: Scored[], t: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const o of outcomes) {
    const says = o.top < t;
    if (says && o.removed) tp++;
    else if (says) fp++;
    else if (o.removed) fn++;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

function chooseThreshold(dev: Scored[]): number {
  const candidates = [...new Set(dev.map((o) => o.top))].sort((a, b) => a - b).map((x) => x + 1e-9);
  let best = 0;
  let bestF = -1;
  for (const t of [0, ...candidates]) {
    const f = f1(dev, t);
    if (f > bestF) {
      bestF = f;
      best = t;
    }
  }
  return best;
}

/**
 * `calibrate`: fit each mode's relevance model on the dev half (its intercept moved so the dev
 * threshold lands on `RELEVANCE_THRESHOLDS[mode]`) and report the test half with it; otherwise the
 * shipped relevance is measured.
 */
export interface EvalOptions {
  /** LSA dimensions when no `embedder` is given. */
  dimensions?: number;
  /** A pretrained embedder (e.g. `UseLiteEmbedder`); absent → LSA fitted on the indexed articles. */
  embedder?: Embedder;
  modes?: SearchMode[];
  calibrate?: boolean;
  /** Sweep the fusion weight on the dev half and run hybrid's test half with the best one. */
  tune?: boolean;
}

/** Fusion weights the `tune` sweep tries. */
export const ALPHA_GRID = [0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

export async function runEval(set: EvalSet, config: Omit<KnowledgeConfig, 'embedder'>, opts: EvalOptions = {}): Promise<EvalReport> {
  const removed = new Set(set.docs.filter((_, i) => i % 10 === 9).map((d) => d.id));
  // LSA learns from the articles only, never from the questions.
  const embedder: Embedder = opts.embedder ?? LsaEmbedder.fit(set.docs.filter((d) => !removed.has(d.id)).map((d) => `${d.title}\n${d.body}`), { dimensions: opts.dimensions ?? 100 });
  const embedderName = opts.embedder ? `${embedder.model} (${embedder.dimensions} d, pretrained)` : `${embedder.model} (LSA fitted on the indexed articles)`;
  const index = await openKnowledgeIndex({ ...config, embedder });
  try {
    const t0 = performance.now();
    await index.upsert(set.docs);
    const ingestSeconds = (performance.now() - t0) / 1000;
    await index.remove([...removed]);
    const { chunks } = await index.stats();
    const dev = set.queries.filter((_, i) => i % 2 === 1);
    const test = set.queries.filter((_, i) => i % 2 === 0);
    const modes: ModeMetrics[] = [];
    let calibrated: Record<SearchMode, ConfidenceModel> | undefined;
    const recallOf = (os: Outcome[]): number => {
      const a = os.filter((o) => !o.removed);
      return a.filter((o) => o.rank >= 1 && o.rank <= 5).length / a.length;
    };
    const mrrOf = (os: Outcome[]): number => {
      const a = os.filter((o) => !o.removed);
      return a.reduce((x, o) => x + (o.rank >= 1 && o.rank <= 10 ? 1 / o.rank : 0), 0) / a.length;
    };
    let fusionAlpha = embedder.fusionAlpha ?? FUSION_ALPHA;
    let alphaSweep: AlphaPoint[] | undefined;
    const testRanks = new Map<SearchMode, Outcome[]>();
    for (const mode of opts.modes ?? (['hybrid', 'lexical', 'vector'] as SearchMode[])) {
      const run = async (qs: EvalQuery[], alpha = fusionAlpha): Promise<Outcome[]> => {
        const out: Outcome[] = [];
        for (const q of qs) {
          const r = await index.search(q.text, { k: 30, mode, fusionAlpha: alpha });
          const docs: string[] = [];
          for (const p of r.passages) if (!docs.includes(p.docId)) docs.push(p.docId);
          out.push({ q, removed: removed.has(q.docId), rank: docs.indexOf(q.docId) + 1, features: r.passages.slice(0, 5).map(featuresOf), shipped: Math.max(0, ...r.passages.slice(0, 5).map((p) => p.relevance ?? 0)) });
        }
        return out;
      };
      if (mode === 'hybrid' && opts.tune) {
        // Chosen on the dev half only; the test half is read once, with the winner.
        alphaSweep = [];
        for (const alpha of ALPHA_GRID) {
          const o = await run(dev, alpha);
          alphaSweep.push({ alpha, recallAt5: recallOf(o), mrrAt10: mrrOf(o) });
        }
        fusionAlpha = [...alphaSweep].sort((a, b) => b.recallAt5 - a.recallAt5 || b.mrrAt10 - a.mrrAt10 || Math.abs(a.alpha - FUSION_ALPHA) - Math.abs(b.alpha - FUSION_ALPHA))[0].alpha;
      }
      const devOut = await run(dev);
      let model: ConfidenceModel | null = null;
      if (opts.calibrate) {
        const fitted = fitConfidence(devOut.filter((o) => o.features.length).map((o) => ({ features: o.features[0], answerable: !o.removed })), mode);
        const t = chooseThreshold(devOut.map((o) => ({ removed: o.removed, top: topRelevance(o, fitted, mode) })));
        model = shiftTo(fitted, t, RELEVANCE_THRESHOLDS[mode]);
        (calibrated ??= {} as Record<SearchMode, ConfidenceModel>)[mode] = model;
      }
      // Measured at the floor the proxy applies, not at a threshold chosen on the test half.
      const threshold = RELEVANCE_THRESHOLDS[mode];
      const t = (await run(test)).map((o) => ({ ...o, top: model ? topRelevance(o, model, mode) : o.shipped }));
      testRanks.set(mode, t);
      const answerable = t.filter((o) => !o.removed);
      const gone = t.filter((o) => o.removed);
      const at = (floor: number) => {
        const saidNo = t.filter((o) => o.top < floor);
        return {
          noAnswerPrecision: saidNo.length ? saidNo.filter((o) => o.removed).length / saidNo.length : 0,
          noAnswerRecall: gone.length ? gone.filter((o) => o.top < floor).length / gone.length : 0,
          answeredRate: answerable.length ? answerable.filter((o) => o.top >= floor).length / answerable.length : 0,
        };
      };
      const devFloor = chooseThreshold(devOut.map((o) => ({ removed: o.removed, top: model ? topRelevance(o, model, mode) : o.shipped })));
      modes.push({ mode, questions: t.length, recallAt5: recallOf(t), mrrAt10: mrrOf(t), threshold, ...at(threshold), devFloor: { threshold: devFloor, ...at(devFloor) } });
    }
    const lex = testRanks.get('lexical');
    const vec = testRanks.get('vector');
    let oracleAt5: number | undefined;
    if (lex && vec) {
      const a = lex.map((o, i) => ({ o, v: vec[i] })).filter(({ o }) => !o.removed);
      oracleAt5 = a.filter(({ o, v }) => (o.rank >= 1 && o.rank <= 5) || (v.rank >= 1 && v.rank <= 5)).length / a.length;
    }
    return { articles: set.docs.length, removed: removed.size, devQuestions: dev.length, testQuestions: test.length, chunks, ingestSeconds, embedder: embedderName, fusionAlpha, ...(alphaSweep ? { alphaSweep } : {}), modes, ...(oracleAt5 !== undefined ? { oracleAt5 } : {}), ...(calibrated ? { calibrated } : {}) };
  } finally {
    await index.close();
  }
}

export function formatReport(r: EvalReport): string {
  const pct = (x: number): string => x.toFixed(3);
  const lines = [
    `articles ${r.articles} (${r.removed} removed after ingestion), ${r.chunks} passages (ingested in ${r.ingestSeconds.toFixed(1)} s); questions: ${r.devQuestions} dev (threshold), ${r.testQuestions} test (below)`,
    `embedder: ${r.embedder}; hybrid fusion weight of BM25 α = ${r.fusionAlpha}`,
    ...(r.alphaSweep ? ['', 'dev half, hybrid by α:  ' + r.alphaSweep.map((p) => `${p.alpha}: ${pct(p.recallAt5)}/${pct(p.mrrAt10)}`).join('  ')] : []),
    '',
    'at the shipped floors (RELEVANCE_THRESHOLDS):',
    'mode      recall@5  MRR@10  no-answer precision  no-answer recall  answered (answerable)  floor',
    ...r.modes.map((m) => `${m.mode.padEnd(9)} ${pct(m.recallAt5).padStart(8)}  ${pct(m.mrrAt10).padStart(6)}  ${pct(m.noAnswerPrecision).padStart(19)}  ${pct(m.noAnswerRecall).padStart(16)}  ${pct(m.answeredRate).padStart(21)}  ${m.threshold.toFixed(3).padStart(9)}`),
    '',
    'at the floor that maximises no-answer F1 on the dev half:',
    ...r.modes.map((m) => `${m.mode.padEnd(9)} floor ${m.devFloor.threshold.toFixed(3)}: no-answer precision ${pct(m.devFloor.noAnswerPrecision)}, recall ${pct(m.devFloor.noAnswerRecall)}, answered ${pct(m.devFloor.answeredRate)}`),
  ];
  if (r.oracleAt5 !== undefined) lines.push('', `oracle (article in the top 5 of either list): ${pct(r.oracleAt5)}`);
  const h = r.modes.find((m) => m.mode === 'hybrid');
  const l = r.modes.find((m) => m.mode === 'lexical');
  if (h && l) lines.push('', `hybrid − lexical recall@5: ${(h.recallAt5 - l.recallAt5 >= 0 ? '+' : '')}${(h.recallAt5 - l.recallAt5).toFixed(3)} (target ≥ +0.050: ${h.recallAt5 - l.recallAt5 >= 0.05 ? 'met' : 'NOT met'})`);
  return lines.join('\n');
}
