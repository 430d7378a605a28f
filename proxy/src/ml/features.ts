/**
 * Hashed sparse features for the linear heads: the normalised words (`text.ts`), their adjacent
 * bigrams, and character 3- to 5-grams of each word with boundary marks ("<log", "gin>"), as
 * fastText does. Character n-grams let "logins", "log-in" and "login" share evidence, which matters
 * when customer and IT tickets share a vocabulary.
 *
 * Hashes are computed once per ticket as 32-bit FNV-1a values over the characters (no substring is
 * built); each head masks them to its own table size.
 */
import { normalizeWords } from './text.js';

/** 2^18 buckets for the route head: collisions are rare at the vocabulary sizes seen here. */
export const FEATURE_BITS = 18;
const MIN_N = 3;
const MAX_N = 5;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Distinct seeds keep a word, a bigram and a character n-gram with the same letters apart.
const WORD_SEED = Math.imul(FNV_OFFSET ^ 0x77, FNV_PRIME) >>> 0;
const CHAR_SEED = Math.imul(FNV_OFFSET ^ 0x63, FNV_PRIME) >>> 0;
const LT = 60; // '<'
const GT = 62; // '>'

function wordHash(w: string): number {
  let h = WORD_SEED;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** The 32-bit feature hashes of one text's words, unsorted, possibly with repeats. */
export function hashWords(words: readonly string[]): Uint32Array {
  let size = 0;
  for (const w of words) size += 2 + 3 * (w.length + 2);
  const out = new Uint32Array(size);
  let k = 0;
  let prev = 0;
  const codes = new Array<number>(64);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const h = wordHash(w);
    out[k++] = h;
    if (i > 0) out[k++] = Math.imul(prev ^ Math.imul(h, 0x9e3779b1), FNV_PRIME) >>> 0;
    prev = h;
    const len = w.length + 2;
    codes[0] = LT;
    for (let c = 0; c < w.length; c++) codes[c + 1] = w.charCodeAt(c);
    codes[len - 1] = GT;
    for (let s = 0; s + MIN_N <= len; s++) {
      let g = CHAR_SEED;
      for (let n = 0; n < MAX_N && s + n < len; n++) {
        g = Math.imul(g ^ (codes[s + n] as number), FNV_PRIME);
        if (n + 1 >= MIN_N) out[k++] = g >>> 0;
      }
    }
  }
  return out.subarray(0, k);
}

/** Sorted, unique bucket indices for a table of 2^bits (binary features: a long e-mail does not outvote a short one). */
export function bucketsOf(hashes: Uint32Array, bits: number): Int32Array {
  const mask = (1 << bits) - 1;
  const b = new Int32Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) b[i] = (hashes[i] as number) & mask;
  b.sort();
  let n = 0;
  for (let i = 0; i < b.length; i++) if (i === 0 || b[i] !== b[i - 1]) b[n++] = b[i] as number;
  return b.subarray(0, n);
}

export function hashedFeatures(words: readonly string[], bits = FEATURE_BITS): Int32Array {
  return bucketsOf(hashWords(words), bits);
}

export function featuresOf(text: string, bits = FEATURE_BITS): Int32Array {
  return hashedFeatures(normalizeWords(text), bits);
}
