/**
 * Extractive summarisation: pick the sentences that share the most content words with the whole
 * text (a frequency-centroid score, as in Luhn 1958), lightly favouring early sentences, and
 * return them in their original order. Nothing is generated, so nothing can be invented.
 */
import { normalizeWords } from './text.js';

export function splitSentences(text: string): string[] {
  return text
    .replace(/\r/g, '')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
}

export interface ExtractOptions {
  readonly maxSentences: number;
  readonly maxChars?: number;
}

export function extractSentences(text: string, options: ExtractOptions): string[] {
  const sentences = splitSentences(text);
  if (sentences.length <= options.maxSentences) return clip(sentences, options.maxChars);
  const freq = new Map<string, number>();
  const words = sentences.map((s) => normalizeWords(s));
  for (const ws of words) for (const w of new Set(ws)) freq.set(w, (freq.get(w) ?? 0) + 1);
  const scored = sentences.map((s, i) => {
    const ws = words[i] ?? [];
    const unique = [...new Set(ws)];
    const content = unique.reduce((a, w) => a + (freq.get(w) ?? 0), 0);
    // Normalise by sqrt(length) so neither one-word nor run-on sentences win by size alone.
    const score = unique.length === 0 ? 0 : content / Math.sqrt(unique.length) + 1 / (i + 2);
    return { i, s, score };
  });
  const chosen = scored
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, options.maxSentences)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.s);
  return clip(chosen, options.maxChars);
}

function clip(sentences: string[], maxChars?: number): string[] {
  if (!maxChars) return sentences;
  const out: string[] = [];
  let used = 0;
  for (const s of sentences) {
    if (used + s.length > maxChars) {
      if (out.length === 0) out.push(`${s.slice(0, Math.max(0, maxChars - 1)).trimEnd()}…`);
      break;
    }
    out.push(s);
    used += s.length + 1;
  }
  return out;
}
