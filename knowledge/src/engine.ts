/**
 * The backend-independent half of the index: masking, hashing, chunking, embedding, fusion and
 * relevance. A backend (`Store`) only stores rows and answers two ranked lookups (BM25, nearest
 * vectors), so SQLite and PostgreSQL behave the same by construction.
 */
import { createHash } from 'node:crypto';
import { maskPii } from '@seam/shared';
import { chunkDocument, type Chunk } from './chunk.js';
import { articleMargins, confidenceOf, type ConfidenceModel } from './confidence.js';
import { convexFusion, cosine, FUSION_ALPHA, queryTerms, termCoverage, type Ranked, type TermStats } from './fusion.js';
import type { Embedder, GapRecord, KnowledgeDoc, KnowledgeIndex, KnowledgeKind, KnowledgePlatform, Passage, SearchMode, SearchOptions, SearchResult } from './types.js';

export interface PreparedDoc {
  /** The document as stored: title and body masked, tags masked. */
  doc: KnowledgeDoc;
  hash: string;
  chunks: Chunk[];
}

/** A chunk as a backend stores it: the passage's identity and text, without the search scores. */
export interface StoredChunk extends Pick<Passage, 'docId' | 'chunkId' | 'platform' | 'kind' | 'number' | 'title' | 'url' | 'heading' | 'text'> {
  id: number;
}

export interface DocState {
  hash: string;
  /** The embedding model its vectors came from; null when it has none. */
  model: string | null;
}

export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Creates the vector table for these dimensions (dropping vectors of another model). */
  ensureVectors(model: string, dimensions: number): Promise<void>;
  docStates(ids: readonly string[]): Promise<Map<string, DocState>>;
  /** Replaces each document with all its chunks (and vectors), all in one transaction. */
  write(items: readonly { doc: PreparedDoc; vectors: number[][] | null }[], model: string | null): Promise<void>;
  remove(ids: readonly string[]): Promise<number>;
  lexical(terms: readonly string[], n: number, platforms?: readonly KnowledgePlatform[]): Promise<Ranked[]>;
  vector(v: readonly number[], n: number, platforms?: readonly KnowledgePlatform[]): Promise<Ranked[]>;
  termStats(terms: readonly string[], ids: readonly number[], platforms?: readonly KnowledgePlatform[]): Promise<TermStats>;
  chunks(ids: readonly number[]): Promise<Map<number, StoredChunk>>;
  vectorsOf(ids: readonly number[]): Promise<Map<number, number[]>>;
  counts(): Promise<{ docs: number; chunks: number }>;
  /** Unanswered questions (already masked), one row per id, newest `at` last. */
  putGap(gap: GapRecord, at: number, max: number): Promise<void>;
  gaps(limit: number): Promise<GapRecord[]>;
  deleteGap(id: string): Promise<void>;
  close(): Promise<void>;
}

/** Unanswered questions kept per index (the oldest go first). */
export const GAP_RECORDS_MAX = 5000;

export class KnowledgeInputError extends Error {
  override readonly name = 'KnowledgeInputError';
}

const PLATFORMS: readonly KnowledgePlatform[] = ['servicenow', 'salesforce'];
const KINDS: readonly KnowledgeKind[] = ['ARTICLE', 'CASE_SUMMARY'];

/** Rejects a document that would be stored wrong, naming the field and the fix. */
export function validateDoc(d: KnowledgeDoc, at: number): void {
  const where = `docs[${at}]${typeof d?.id === 'string' ? ` (${d.id})` : ''}`;
  if (!d || typeof d !== 'object') throw new KnowledgeInputError(`${where}: not an object; pass KnowledgeDoc objects`);
  for (const f of ['id', 'number', 'title', 'url', 'body', 'updatedAt'] as const) {
    if (typeof d[f] !== 'string') throw new KnowledgeInputError(`${where}.${f}: expected a string, got ${typeof d[f]}`);
  }
  if (!PLATFORMS.includes(d.platform)) throw new KnowledgeInputError(`${where}.platform: "${String(d.platform)}" is not one of ${PLATFORMS.join(', ')}`);
  if (!KINDS.includes(d.kind)) throw new KnowledgeInputError(`${where}.kind: "${String(d.kind)}" is not one of ${KINDS.join(', ')}`);
  if (!d.id.startsWith(`${d.platform}:`) || d.id.length <= d.platform.length + 1) {
    throw new KnowledgeInputError(`${where}.id: must be "${d.platform}:<sys_id or KnowledgeArticleId>", got "${d.id}"`);
  }
  if (d.tags !== undefined && (!Array.isArray(d.tags) || d.tags.some((t) => typeof t !== 'string'))) throw new KnowledgeInputError(`${where}.tags: expected an array of strings`);
}

/** Masks PII in everything a person wrote (title, body, tags), then chunks and hashes. */
export function prepareDoc(d: KnowledgeDoc): PreparedDoc {
  const title = maskPii(d.title).text;
  const body = maskPii(d.body).text;
  const tags = d.tags?.map((t) => maskPii(t).text);
  const doc: KnowledgeDoc = { id: d.id, platform: d.platform, kind: d.kind, number: d.number, title, url: d.url, body, updatedAt: d.updatedAt, ...(tags ? { tags } : {}) };
  const chunks = chunkDocument(title, body);
  // The article number is searchable ("KB0010042"), and tags are keywords of every passage.
  for (const c of chunks) c.indexed = [c.indexed, d.number, tags && tags.length ? tags.join(', ') : ''].filter(Boolean).join('\n');
  const hash = createHash('sha256').update(JSON.stringify([doc.platform, doc.kind, doc.number, doc.title, doc.url, doc.body, doc.tags ?? []])).digest('hex');
  return { doc, hash, chunks };
}

const EMBED_BATCH = 64;

async function embedAll(embedder: Embedder, texts: string[]): Promise<number[][]> {
  const out: number[][] = [];
  for (let i = 0; i < texts.length; i += EMBED_BATCH) {
    const batch = texts.slice(i, i + EMBED_BATCH);
    const vs = await embedder.embed(batch);
    if (vs.length !== batch.length) throw new Error(`embedder ${embedder.model}: returned ${vs.length} vectors for ${batch.length} texts`);
    for (const v of vs) {
      if (v.length !== embedder.dimensions) throw new Error(`embedder ${embedder.model}: returned a vector of ${v.length} dimensions, configured ${embedder.dimensions}; set the embedder's dimensions to the model's`);
      out.push(v);
    }
  }
  return out;
}

/** Candidates fetched from each list before fusion. */
const CANDIDATES = 50;

export interface IndexOptions {
  /** Relevance models per mode; absent: the shipped relevance (coverage / cosine / their mean). */
  confidence?: Readonly<Record<SearchMode, ConfidenceModel>>;
}

export async function createIndex(store: Store, embedder: Embedder | null, options: IndexOptions = {}): Promise<KnowledgeIndex> {
  const models = options.confidence;
  if (embedder) await store.ensureVectors(embedder.model, embedder.dimensions);

  return {
    async upsert(docs) {
      if (!Array.isArray(docs)) throw new KnowledgeInputError('upsert: expected an array of KnowledgeDoc');
      docs.forEach(validateDoc);
      // Last one wins when the same id comes twice in one batch.
      const byId = new Map(docs.map((d) => [d.id, d]));
      const states = await store.docStates([...byId.keys()]);
      const counts = { added: 0, updated: 0, unchanged: 0 };
      const model = embedder?.model ?? null;
      const changed: PreparedDoc[] = [];
      for (const d of byId.values()) {
        const prepared = prepareDoc(d);
        const before = states.get(d.id);
        if (before && before.hash === prepared.hash && (model === null || before.model === model)) counts.unchanged++;
        else {
          changed.push(prepared);
          if (before) counts.updated++;
          else counts.added++;
        }
      }
      if (changed.length === 0) return counts;
      // One embedding pass over all changed passages (batched), then one transaction: a failure
      // of either leaves the index as it was.
      const flat = embedder ? await embedAll(embedder, changed.flatMap((p) => p.chunks.map((c) => c.indexed))) : null;
      let at = 0;
      const items = changed.map((p) => {
        const vectors = flat ? flat.slice(at, at + p.chunks.length) : null;
        at += p.chunks.length;
        return { doc: p, vectors };
      });
      await store.write(items, model);
      return counts;
    },

    async remove(ids) {
      if (!Array.isArray(ids) || ids.some((i) => typeof i !== 'string')) throw new KnowledgeInputError('remove: expected an array of document ids');
      return ids.length ? store.remove([...new Set(ids)]) : 0;
    },

    async search(query, opts: SearchOptions = {}): Promise<SearchResult> {
      if (typeof query !== 'string') throw new KnowledgeInputError('search: query must be a string');
      const k = Math.max(1, Math.min(100, Math.floor(opts.k ?? 5)));
      const alpha = opts.fusionAlpha ?? embedder?.fusionAlpha ?? FUSION_ALPHA;
      if (!(alpha >= 0 && alpha <= 1)) throw new KnowledgeInputError(`search: fusionAlpha ${String(opts.fusionAlpha ?? embedder?.fusionAlpha)} is not in [0, 1]`);
      const requested: SearchMode = opts.mode ?? (embedder ? 'hybrid' : 'lexical');
      const mode: SearchMode = embedder ? requested : 'lexical';
      const platforms = opts.platforms && opts.platforms.length ? opts.platforms : undefined;
      // The query is masked like the documents, so a pasted e-mail neither leaks nor matches.
      const masked = maskPii(query).text;
      const terms = queryTerms(masked);
      const n = Math.max(CANDIDATES, k * 4);
      const qv = embedder && mode !== 'lexical' && masked.trim() ? (await embedder.embed([masked]))[0] : null;
      const [lex, vec] = await Promise.all([
        mode !== 'vector' && terms.length ? store.lexical(terms, n, platforms) : Promise.resolve([]),
        qv ? store.vector(qv, n, platforms) : Promise.resolve([]),
      ]);
      const top = convexFusion(lex, vec, alpha).slice(0, k);
      const ids = top.map((f) => f.id);
      // Every candidate's article, for the margins: does the best article stand out in each list?
      const candidateIds = [...new Set([...lex, ...vec].map((r) => r.id))];
      const [rows, stats, vectors] = await Promise.all([
        store.chunks(candidateIds),
        store.termStats(terms, candidateIds, platforms),
        qv ? store.vectorsOf(ids) : Promise.resolve(new Map<number, number[]>()),
      ]);
      // Lexical margin: the article's BM25 lead over the next article (relative to the best score),
      // scaled by how much of the question it covers, so a lone weak match does not stand out.
      const coverageOf = new Map<string, number>();
      for (const id of candidateIds) {
        const c = rows.get(id);
        if (c) coverageOf.set(c.docId, Math.max(coverageOf.get(c.docId) ?? 0, termCoverage(id, terms, stats)));
      }
      const lexLead = articleMargins(
        lex.flatMap((r) => {
          const c = rows.get(r.id);
          return c && typeof r.score === 'number' ? [{ docId: c.docId, score: r.score }] : [];
        }),
        true,
      );
      const lexMargin = (docId: string): number => {
        const lead = lexLead(docId);
        return lead < 0 ? lead : lead * (coverageOf.get(docId) ?? 0);
      };
      const vecMargin = articleMargins(
        vec.flatMap((r) => {
          const c = rows.get(r.id);
          return c && typeof r.score === 'number' ? [{ docId: c.docId, score: r.score }] : [];
        }),
        false,
      );
      const passages: Passage[] = [];
      for (const f of top) {
        const c = rows.get(f.id);
        if (!c) continue;
        const coverage = termCoverage(f.id, terms, stats);
        const v = vectors.get(f.id);
        const similarity = qv && v ? Math.max(0, cosine(qv, v)) : undefined;
        const lexicalMargin = terms.length && mode !== 'vector' ? lexMargin(c.docId) : undefined;
        const vectorMargin = vec.length ? vecMargin(c.docId) : undefined;
        // Shipped relevance: coverage, cosine, or their mean. The calibrated score (confidence.ts)
        // is measured by the eval but not applied: see knowledge/README.md for why.
        const relevance = !models ? (mode === 'lexical' || similarity === undefined ? coverage : mode === 'vector' ? similarity : (coverage + similarity) / 2) : confidenceOf({ coverage, similarity: similarity ?? 0, lexicalMargin: lexicalMargin ?? -1, vectorMargin: vectorMargin ?? -1 }, models[mode], mode);
        passages.push({
          docId: c.docId,
          chunkId: c.chunkId,
          platform: c.platform,
          kind: c.kind,
          number: c.number,
          title: c.title,
          url: c.url,
          ...(c.heading ? { heading: c.heading } : {}),
          text: c.text,
          score: f.score,
          ...(f.lexicalRank ? { lexicalRank: f.lexicalRank } : {}),
          ...(f.vectorRank ? { vectorRank: f.vectorRank } : {}),
          relevance,
          termCoverage: coverage,
          ...(similarity !== undefined ? { similarity } : {}),
          ...(lexicalMargin !== undefined ? { lexicalMargin } : {}),
          ...(vectorMargin !== undefined ? { vectorMargin } : {}),
        });
      }
      return { passages, mode, vectors: embedder !== null };
    },

    async stats() {
      const c = await store.counts();
      return { ...c, vectors: embedder !== null, backend: store.backend };
    },

    async recordGap(gap, max = GAP_RECORDS_MAX) {
      if (!PLATFORMS.includes(gap.platform)) throw new KnowledgeInputError(`gap ${gap.id}: platform "${String(gap.platform)}" is not servicenow or salesforce`);
      if (typeof gap.id !== 'string' || !gap.id || typeof gap.text !== 'string') throw new KnowledgeInputError('gap: id and text must be non-empty strings');
      // Masked here too: the caller's masking is not trusted with what reaches the disk.
      await store.putGap({ id: gap.id.slice(0, 300), platform: gap.platform, number: maskPii(String(gap.number ?? '')).text.slice(0, 100), text: maskPii(gap.text).text.slice(0, 4000) }, Date.now(), max);
    },

    gapRecords: (limit = GAP_RECORDS_MAX) => store.gaps(limit),

    forgetGap: (id) => store.deleteGap(id),

    close: () => store.close(),
  };
}
