/**
 * A local embedder for offline use and for the eval: latent semantic analysis (Deerwester et al.
 * 1990), i.e. TF-IDF vectors projected on the top singular vectors of the corpus, fitted with
 * ml-matrix's eigendecomposition. It is NOT a neural sentence model: no package on the registry here
 * ships one's weights, and hubs are unreachable. It learns co-occurrence from the articles it is
 * fitted on (never from the questions), so it is a fair, weak stand-in for a real embedding model.
 */
import { createHash } from 'node:crypto';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Embedder } from '../types.js';

export interface LsaOptions {
  /** Latent dimensions (default 128, at most the number of fitted texts - 1). */
  dimensions?: number;
  /** Vocabulary size: the most frequent terms by document frequency (default 8000). */
  maxTerms?: number;
  /** A term must occur in this many texts (default 2). */
  minDf?: number;
  /** At most this many texts are fitted on, evenly sampled (default 1500; the fit is O(n³)). */
  maxTexts?: number;
}

export interface LsaModel {
  dimensions: number;
  terms: string[];
  idf: number[];
  /** terms × dimensions, row-major. */
  projection: number[];
}

const STOP = new Set(
  'a about above after again all am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not of off on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself'.split(' '),
);

/** Lower-cased words, stop words dropped, plural "s" folded, so "accounts" meets "account". */
export function lsaTokens(text: string): string[] {
  const out: string[] = [];
  for (let w of text.toLowerCase().normalize('NFKC').split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 2 || w.length > 40 || STOP.has(w)) continue;
    if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    out.push(w);
  }
  return out;
}

type Sparse = { idx: Int32Array; val: Float64Array };

function tfidf(tokens: string[], vocab: Map<string, number>, idf: readonly number[]): Sparse {
  const tf = new Map<number, number>();
  for (const t of tokens) {
    const i = vocab.get(t);
    if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
  }
  const idx = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
  const val = new Float64Array(idx.length);
  let norm = 0;
  idx.forEach((i, k) => {
    val[k] = (1 + Math.log(tf.get(i) as number)) * idf[i];
    norm += val[k] * val[k];
  });
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < val.length; k++) val[k] /= norm;
  return { idx, val };
}

function sparseDot(a: Sparse, b: Sparse): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.idx.length && j < b.idx.length) {
    if (a.idx[i] === b.idx[j]) s += a.val[i++] * b.val[j++];
    else if (a.idx[i] < b.idx[j]) i++;
    else j++;
  }
  return s;
}

export class LsaEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;
  private readonly vocab: Map<string, number>;

  constructor(private readonly m: LsaModel) {
    this.dimensions = m.dimensions;
    this.vocab = new Map(m.terms.map((t, i) => [t, i]));
    const h = createHash('sha256').update(JSON.stringify([m.terms, m.projection.slice(0, 64)])).digest('hex').slice(0, 10);
    this.model = `lsa-${m.dimensions}-${h}`;
  }

  /** Fits on the given texts (the articles, never the questions). */
  static fit(texts: readonly string[], o: LsaOptions = {}): LsaEmbedder {
    const maxTexts = o.maxTexts ?? 1500;
    const step = Math.max(1, texts.length / maxTexts);
    const sample: string[] = [];
    for (let x = 0; Math.floor(x) < texts.length && sample.length < maxTexts; x += step) sample.push(texts[Math.floor(x)]);
    if (sample.length < 3) throw new Error(`LsaEmbedder.fit: needs at least 3 texts, got ${sample.length}`);
    const tokenized = sample.map(lsaTokens);
    const df = new Map<string, number>();
    for (const toks of tokenized) for (const t of new Set(toks)) df.set(t, (df.get(t) ?? 0) + 1);
    const minDf = o.minDf ?? 2;
    const terms = [...df.entries()]
      .filter(([, n]) => n >= minDf && n < sample.length * 0.5)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, o.maxTerms ?? 8000)
      .map(([t]) => t);
    if (terms.length < 2) throw new Error('LsaEmbedder.fit: the texts share too few words to learn from; fit on more articles');
    const idf = terms.map((t) => Math.log(sample.length / (df.get(t) as number)) + 1);
    const vocab = new Map(terms.map((t, i) => [t, i]));
    const rows = tokenized.map((toks) => tfidf(toks, vocab, idf));
    const n = rows.length;
    // Eigendecomposition of the n×n Gram matrix A·Aᵀ gives A's left singular vectors and σ².
    const gram = new Matrix(n, n);
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        const d = sparseDot(rows[i], rows[j]);
        gram.set(i, j, d);
        gram.set(j, i, d);
      }
    }
    const evd = new EigenvalueDecomposition(gram, { assumeSymmetric: true });
    const values = evd.realEigenvalues;
    const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
    const dims = Math.max(1, Math.min(o.dimensions ?? 128, n - 1, order.filter(([v]) => v > 1e-9).length));
    const U = evd.eigenvectorMatrix;
    // V = Aᵀ·U·Σ⁻¹ (terms × dims); a text's embedding is its TF-IDF row times V.
    const projection = new Array<number>(terms.length * dims).fill(0);
    for (let k = 0; k < dims; k++) {
      const [value, col] = order[k];
      const sigma = Math.sqrt(value);
      for (let i = 0; i < n; i++) {
        const u = U.get(i, col) / sigma;
        if (u === 0) continue;
        const r = rows[i];
        for (let z = 0; z < r.idx.length; z++) projection[r.idx[z] * dims + k] += r.val[z] * u;
      }
    }
    return new LsaEmbedder({ dimensions: dims, terms, idf, projection });
  }

  toJSON(): LsaModel {
    return this.m;
  }

  embedOne(text: string): number[] {
    const d = this.dimensions;
    const x = tfidf(lsaTokens(text), this.vocab, this.m.idf);
    const e = new Array<number>(d).fill(0);
    for (let z = 0; z < x.idx.length; z++) {
      const base = x.idx[z] * d;
      for (let k = 0; k < d; k++) e[k] += x.val[z] * this.m.projection[base + k];
    }
    const norm = Math.sqrt(e.reduce((a, v) => a + v * v, 0));
    // A text with no known word embeds to zeros: it is similar to nothing, which is the truth.
    return norm === 0 ? e : e.map((v) => v / norm);
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedOne(t));
  }
}
