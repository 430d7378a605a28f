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
import { openKnowledgeIndex } from '../index.js';
import { RELEVANCE_THRESHOLDS, type KnowledgeConfig, type Passage, type SearchMode } from '../types.js';
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
}

export interface EvalReport {
  articles: number;
  removed: number;
  devQuestions: number;
  testQuestions: number;
  chunks: number;
  embedder: string;
  modes: ModeMetrics[];
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
export async function runEval(set: EvalSet, config: Omit<KnowledgeConfig, 'embedder'>, opts: { dimensions?: number; modes?: SearchMode[]; calibrate?: boolean } = {}): Promise<EvalReport> {
  const removed = new Set(set.docs.filter((_, i) => i % 10 === 9).map((d) => d.id));
  // The embedder learns from the articles only, never from the questions.
  const embedder = LsaEmbedder.fit(set.docs.filter((d) => !removed.has(d.id)).map((d) => `${d.title}\n${d.body}`), { dimensions: opts.dimensions ?? 100 });
  const index = await openKnowledgeIndex({ ...config, embedder });
  try {
    await index.upsert(set.docs);
    await index.remove([...removed]);
    const { chunks } = await index.stats();
    const dev = set.queries.filter((_, i) => i % 2 === 1);
    const test = set.queries.filter((_, i) => i % 2 === 0);
    const modes: ModeMetrics[] = [];
    let calibrated: Record<SearchMode, ConfidenceModel> | undefined;
    for (const mode of opts.modes ?? (['hybrid', 'lexical', 'vector'] as SearchMode[])) {
      const run = async (qs: EvalQuery[]): Promise<Outcome[]> => {
        const out: Outcome[] = [];
        for (const q of qs) {
          const r = await index.search(q.text, { k: 30, mode });
          const docs: string[] = [];
          for (const p of r.passages) if (!docs.includes(p.docId)) docs.push(p.docId);
          out.push({ q, removed: removed.has(q.docId), rank: docs.indexOf(q.docId) + 1, features: r.passages.slice(0, 5).map(featuresOf), shipped: Math.max(0, ...r.passages.slice(0, 5).map((p) => p.relevance ?? 0)) });
        }
        return out;
      };
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
      const answerable = t.filter((o) => !o.removed);
      const gone = t.filter((o) => o.removed);
      const saidNo = t.filter((o) => o.top < threshold);
      modes.push({
        mode,
        questions: t.length,
        recallAt5: answerable.filter((o) => o.rank >= 1 && o.rank <= 5).length / answerable.length,
        mrrAt10: answerable.reduce((a, o) => a + (o.rank >= 1 && o.rank <= 10 ? 1 / o.rank : 0), 0) / answerable.length,
        threshold,
        noAnswerPrecision: saidNo.length ? saidNo.filter((o) => o.removed).length / saidNo.length : 0,
        noAnswerRecall: gone.length ? gone.filter((o) => o.top < threshold).length / gone.length : 0,
        answeredRate: answerable.length ? answerable.filter((o) => o.top >= threshold).length / answerable.length : 0,
      });
    }
    return { articles: set.docs.length, removed: removed.size, devQuestions: dev.length, testQuestions: test.length, chunks, embedder: `${embedder.model} (LSA fitted on the indexed articles)`, modes, ...(calibrated ? { calibrated } : {}) };
  } finally {
    await index.close();
  }
}

export function formatReport(r: EvalReport): string {
  const pct = (x: number): string => x.toFixed(3);
  const lines = [
    `articles ${r.articles} (${r.removed} removed after ingestion), ${r.chunks} passages; questions: ${r.devQuestions} dev (threshold), ${r.testQuestions} test (below)`,
    `embedder: ${r.embedder}`,
    '',
    'mode      recall@5  MRR@10  no-answer precision  no-answer recall  answered (answerable)  floor',
    ...r.modes.map((m) => `${m.mode.padEnd(9)} ${pct(m.recallAt5).padStart(8)}  ${pct(m.mrrAt10).padStart(6)}  ${pct(m.noAnswerPrecision).padStart(19)}  ${pct(m.noAnswerRecall).padStart(16)}  ${pct(m.answeredRate).padStart(21)}  ${m.threshold.toFixed(3).padStart(9)}`),
  ];
  const h = r.modes.find((m) => m.mode === 'hybrid');
  const l = r.modes.find((m) => m.mode === 'lexical');
  if (h && l) lines.push('', `hybrid − lexical recall@5: ${(h.recallAt5 - l.recallAt5 >= 0 ? '+' : '')}${(h.recallAt5 - l.recallAt5).toFixed(3)} (target ≥ +0.050: ${h.recallAt5 - l.recallAt5 >= 0.05 ? 'met' : 'NOT met'})`);
  return lines.join('\n');
}
