/**
 * Binary logistic regression over hashed sparse features, trained with AdaGrad and L2, plus Platt
 * scaling for calibrated probabilities.
 *
 * Hand-written on purpose, and small: the maintained npm options do not fit. `ml-logistic-regression`
 * works on dense `ml-matrix` rows (2^18 columns × thousands of rows will not fit in memory), and the
 * fastText WebAssembly builds load asynchronously through a virtual file system and come from an
 * archived upstream. A linear model over word and character n-grams is the same model family as
 * fastText's supervised mode without the embedding; it trains in seconds and predicts in microseconds.
 */

export interface LinearModel {
  readonly bits: number;
  readonly weights: Float32Array;
  readonly bias: number;
  /**
   * Each present feature counts 1/√(number of features) instead of 1 (unit-length rows, the L2
   * normalisation of TF-IDF pipelines): a long e-mail's many weak n-grams do not add up to
   * certainty, and a short ticket's few words keep their say. Absent in older model files: 1.
   */
  readonly normalized?: boolean;
}

export interface LogisticOptions {
  readonly epochs?: number;
  /** AdaGrad base learning rate. */
  readonly learningRate?: number;
  /** L2 penalty per example step (lazy, applied to the weights an example touches). */
  readonly l2?: number;
  /** Seed for the example order, so training is reproducible. */
  readonly seed?: number;
  /** Unit-length rows (see `LinearModel.normalized`). */
  readonly normalize?: boolean;
}

/** The value of each present feature of a row with `n` features. */
export const featureValue = (normalized: boolean | undefined, n: number): number => (normalized && n > 0 ? 1 / Math.sqrt(n) : 1);

export function logit(model: LinearModel, features: Int32Array): number {
  let s = 0;
  const w = model.weights;
  for (let i = 0; i < features.length; i++) s += w[features[i] as number] as number;
  return model.bias + s * featureValue(model.normalized, features.length);
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * `y[i]` is 1 for the positive class; `sampleWeight[i]` scales an example's gradient (used to give
 * the small in-domain set as much say as the large public corpora).
 */
export function trainLogistic(
  docs: readonly Int32Array[],
  y: readonly number[],
  sampleWeight: readonly number[],
  bits: number,
  options: LogisticOptions = {},
): LinearModel {
  const epochs = options.epochs ?? 2;
  const lr = options.learningRate ?? 0.05;
  const l2 = options.l2 ?? 1e-5;
  const size = 1 << bits;
  const w = new Float32Array(size);
  const g2 = new Float32Array(size).fill(1e-6);
  let bias = 0;
  let gBias = 1e-6;
  const order = docs.map((_, i) => i);
  let seed = (options.seed ?? 16) >>> 0;
  const rand = (): number => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const d of order) {
      const f = docs[d] as Int32Array;
      const v = featureValue(options.normalize, f.length);
      let s = 0;
      for (let k = 0; k < f.length; k++) s += w[f[k] as number] as number;
      const g = (sigmoid(bias + s * v) - (y[d] as number)) * (sampleWeight[d] ?? 1);
      for (let k = 0; k < f.length; k++) {
        const j = f[k] as number;
        const grad = g * v + l2 * (w[j] as number);
        g2[j] = (g2[j] as number) + grad * grad;
        w[j] = (w[j] as number) - (lr * grad) / Math.sqrt(g2[j] as number);
      }
      gBias += g * g;
      bias -= (lr * g) / Math.sqrt(gBias);
    }
  }
  return { bits, weights: w, bias, ...(options.normalize ? { normalized: true } : {}) };
}

export interface Platt {
  readonly a: number;
  readonly b: number;
}

/**
 * Platt scaling (Platt, 1999; with his target smoothing): p = σ(a·z + b) fitted by Newton's method on
 * the log-loss of held-out logits. Two parameters, so it corrects both over-confidence (a < 1) and
 * a shift between the training mix and the calibration data (b ≠ 0).
 */
export function fitPlatt(z: readonly number[], y: readonly number[]): Platt {
  const nPos = y.filter((v) => v === 1).length;
  const nNeg = y.length - nPos;
  if (nPos === 0 || nNeg === 0) return { a: 1, b: 0 };
  const tPos = (nPos + 1) / (nPos + 2);
  const tNeg = 1 / (nNeg + 2);
  const t = y.map((v) => (v === 1 ? tPos : tNeg));
  const loss = (a: number, b: number): number => {
    let l = 0;
    for (let i = 0; i < z.length; i++) {
      const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(a * (z[i] as number) + b)));
      l -= (t[i] as number) * Math.log(p) + (1 - (t[i] as number)) * Math.log(1 - p);
    }
    return l;
  };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    for (let i = 0; i < z.length; i++) {
      const p = sigmoid(a * (z[i] as number) + b);
      const d = p - (t[i] as number);
      const s = p * (1 - p);
      ga += d * (z[i] as number);
      gb += d;
      haa += s * (z[i] as number) ** 2;
      hab += s * (z[i] as number);
      hbb += s;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // Newton's step, halved until the loss goes down (Lin, Lin & Weng, 2007).
    let step = 1;
    while (step > 1e-8 && loss(a - step * da, b - step * db) > current) step /= 2;
    if (step <= 1e-8) break;
    a -= step * da;
    b -= step * db;
    const next = loss(a, b);
    if (current - next < 1e-10 * Math.max(1, current)) { current = next; break; }
    current = next;
  }
  return { a: round6(a), b: round6(b) };
}

/**
 * A small logistic regression on a few dense inputs, fitted like Platt's (Newton's method with step
 * halving, Platt's target smoothing). With inputs [z, z·d, d] (z the route logit, d the probability
 * that the ticket is in the style of the multi-queue data) it is Platt scaling with a slope and an
 * offset per style: hard e-mail tickets and easy public questions get their own calibration.
 */
export function fitDenseLogistic(x: readonly (readonly number[])[], y: readonly number[]): number[] {
  const k = (x[0]?.length ?? 0) + 1;
  const nPos = y.filter((v) => v === 1).length;
  const nNeg = y.length - nPos;
  const beta = new Array<number>(k).fill(0);
  beta[0] = 1;
  if (nPos === 0 || nNeg === 0) return beta;
  const t = y.map((v) => (v === 1 ? (nPos + 1) / (nPos + 2) : 1 / (nNeg + 2)));
  const rows = x.map((r) => [...r, 1]);
  const eta = (b: readonly number[], r: readonly number[]): number => r.reduce((s, v, j) => s + v * (b[j] as number), 0);
  const loss = (b: readonly number[]): number => rows.reduce((l, r, i) => {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(eta(b, r))));
    return l - ((t[i] as number) * Math.log(p) + (1 - (t[i] as number)) * Math.log(1 - p));
  }, 0);
  let current = loss(beta);
  for (let iter = 0; iter < 100; iter++) {
    const g = new Array<number>(k).fill(0);
    const h = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1e-9 : 0)));
    rows.forEach((r, i) => {
      const p = sigmoid(eta(beta, r));
      const d = p - (t[i] as number);
      const s = p * (1 - p);
      for (let a = 0; a < k; a++) {
        g[a] = (g[a] as number) + d * (r[a] as number);
        for (let b = 0; b < k; b++) (h[a] as number[])[b] = ((h[a] as number[])[b] as number) + s * (r[a] as number) * (r[b] as number);
      }
    });
    const delta = solve(h, g);
    if (!delta) break;
    let step = 1;
    let next = beta.map((v, j) => v - step * (delta[j] as number));
    while (step > 1e-8 && loss(next) > current) { step /= 2; next = beta.map((v, j) => v - step * (delta[j] as number)); }
    if (step <= 1e-8) break;
    const l = loss(next);
    next.forEach((v, j) => { beta[j] = v; });
    if (current - l < 1e-10 * Math.max(1, current)) break;
    current = l;
  }
  return beta.map(round6);
}

/** Gaussian elimination with partial pivoting; undefined for a singular system. */
function solve(a: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[p] as number[])[c] as number)) p = r;
    if (Math.abs((m[p] as number[])[c] as number) < 1e-12) return undefined;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = ((m[r] as number[])[c] as number) / ((m[c] as number[])[c] as number);
      for (let j = c; j <= n; j++) (m[r] as number[])[j] = ((m[r] as number[])[j] as number) - f * ((m[c] as number[])[j] as number);
    }
  }
  return m.map((r, i) => (r[n] as number) / (r[i] as number));
}

/** Weights as base64 of their float32 bytes: a 2^18 model is 1.4 MB of text instead of ~4 MB of JSON numbers. */
export function encodeWeights(w: Float32Array): string {
  return Buffer.from(w.buffer, w.byteOffset, w.byteLength).toString('base64');
}

export function decodeWeights(s: string, bits: number): Float32Array {
  const buf = Buffer.from(s, 'base64');
  if (buf.byteLength !== 4 * (1 << bits)) throw new Error(`weights hold ${buf.byteLength} bytes, expected ${4 * (1 << bits)} for ${bits} bits`);
  const out = new Float32Array(1 << bits);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
