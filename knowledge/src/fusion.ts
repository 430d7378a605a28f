/**
 * Fusion of the lexical and vector lists (convex combination; reciprocal rank fusion is kept for
 * comparison) and the term-coverage signal, shared by every backend so SQLite and PostgreSQL rank
 * the same candidates the same way.
 */

/** RRF's k (Cormack, Clarke & Büttcher 2009): damps the head so one list cannot dominate. */
export const RRF_K = 60;

export interface Ranked {
  /** Backend row id of the chunk. */
  id: number;
  /** The list's own score, higher is better (BM25 negated, ts_rank_cd, cosine similarity). */
  score?: number;
}

export interface Fused {
  id: number;
  score: number;
  lexicalRank?: number;
  vectorRank?: number;
}

/** Fuses ranked lists (best first); ranks are 1-based. Ties break on the better single rank, then id. */
export function reciprocalRankFusion(lexical: readonly Ranked[], vector: readonly Ranked[], k = RRF_K): Fused[] {
  const by = new Map<number, Fused>();
  const add = (list: readonly Ranked[], key: 'lexicalRank' | 'vectorRank'): void => {
    list.forEach((r, i) => {
      const f = by.get(r.id) ?? { id: r.id, score: 0 };
      if (f[key] === undefined) {
        f[key] = i + 1;
        f.score += 1 / (k + i + 1);
      }
      by.set(r.id, f);
    });
  };
  add(lexical, 'lexicalRank');
  add(vector, 'vectorRank');
  const best = (f: Fused): number => Math.min(f.lexicalRank ?? Infinity, f.vectorRank ?? Infinity);
  return [...by.values()].sort((a, b) => b.score - a.score || best(a) - best(b) || a.id - b.id);
}

/**
 * Weight of the lexical list in `convexFusion`, chosen on the eval's dev half (0.3–0.9 tried; 0.65
 * and 0.7 tied best there): BM25 is the stronger list on its own, so it weighs more.
 */
export const FUSION_ALPHA = 0.7;

/**
 * Convex combination of the two lists' scores (Bruch, Gai & Ingber 2023, "An Analysis of Fusion
 * Functions for Hybrid Retrieval"), each normalised against its theoretical minimum: lexical
 * score ÷ the list's best (BM25 and ts_rank_cd are ≥ 0), cosine as it is (clamped at 0). A passage
 * missing from a list gets 0 there. Unlike RRF with k = 60, a passage at rank 20 in both lists does
 * not beat one at rank 1 in one of them, which is what kept hybrid below BM25 here (see
 * knowledge/README.md); and unlike min-max, nearest neighbours that are not near at all stay low
 * (a vector search always returns k of them). With one list empty it is that list's order. A
 * list without scores is normalised by rank. Ties: better single rank, then id.
 */
export function convexFusion(lexical: readonly Ranked[], vector: readonly Ranked[], alpha = FUSION_ALPHA): Fused[] {
  const wl = vector.length === 0 ? 1 : lexical.length === 0 ? 0 : alpha;
  const by = new Map<number, Fused>();
  const scored = (list: readonly Ranked[]): boolean => list.every((r) => typeof r.score === 'number' && Number.isFinite(r.score));
  const add = (list: readonly Ranked[], key: 'lexicalRank' | 'vectorRank', w: number, norm: (r: Ranked, i: number) => number): void => {
    list.forEach((r, i) => {
      const f = by.get(r.id) ?? { id: r.id, score: 0 };
      if (f[key] === undefined) {
        f[key] = i + 1;
        f.score += w * norm(r, i);
      }
      by.set(r.id, f);
    });
  };
  const byRank = (list: readonly Ranked[]) => (_r: Ranked, i: number): number => 1 - i / list.length;
  const lexMax = Math.max(0, ...lexical.map((r) => r.score ?? 0));
  add(lexical, 'lexicalRank', wl, scored(lexical) && lexMax > 0 ? (r) => Math.max(0, r.score as number) / lexMax : byRank(lexical));
  add(vector, 'vectorRank', 1 - wl, scored(vector) ? (r) => Math.min(1, Math.max(0, r.score as number)) : byRank(vector));
  const best = (f: Fused): number => Math.min(f.lexicalRank ?? Infinity, f.vectorRank ?? Infinity);
  return [...by.values()].sort((a, b) => b.score - a.score || best(a) - best(b) || a.id - b.id);
}

const STOP = new Set(
  'a about above after again all am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not of off on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself im ive dont cant whats hi hello thanks please want need way get'.split(' '),
);

/** The query's content terms: lower-cased words of letters or digits, no stop words, no repeats. */
export function queryTerms(query: string): string[] {
  const seen = new Set<string>();
  for (const w of query.toLowerCase().normalize('NFKC').split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 2 || STOP.has(w) || w.length > 64) continue;
    seen.add(w);
  }
  return [...seen].slice(0, 32);
}

export interface TermStats {
  /** Chunks in the index (or the platforms searched). */
  total: number;
  /** Per term: in how many chunks it occurs (after the engine's own stemming). */
  df: ReadonlyMap<string, number>;
  /** Per term: which of the candidate chunk ids contain it. */
  hits: ReadonlyMap<string, ReadonlySet<number>>;
}

/**
 * IDF-weighted share of the query's terms that a chunk contains, in [0, 1]. Unlike BM25 it means
 * the same on every query, so a threshold on it can say "nothing here answers that".
 * Terms that occur nowhere weigh like the rarest term: a question about something the index has
 * never seen must not look covered because its one known word matched.
 */
export function termCoverage(id: number, terms: readonly string[], stats: TermStats): number {
  if (terms.length === 0 || stats.total === 0) return 0;
  let all = 0;
  let got = 0;
  for (const t of terms) {
    // A term the engine ignores (a stop word of its own) has no hits entry and no weight.
    if (!stats.hits.has(t)) continue;
    const df = stats.df.get(t) ?? 0;
    const w = Math.log(1 + stats.total / (df + 0.5));
    all += w;
    if (stats.hits.get(t)?.has(id)) got += w;
  }
  return all === 0 ? 0 : got / all;
}

/** Cosine similarity of two equal-length vectors (0 when either is all zeros). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
