/**
 * The knowledge index's public shapes. The proxy's `/v1/knowledge/answer`, the ingestion CLI, the
 * eval and the bench all speak these; keep the names stable (fields may only be added, optionally).
 */
import type { ConfidenceModel } from './confidence.js';

export type KnowledgePlatform = 'servicenow' | 'salesforce';
export type KnowledgeKind = 'ARTICLE' | 'CASE_SUMMARY';

export interface KnowledgeDoc {
  /** Stable: `${platform}:${sys_id or KnowledgeArticleId}`. */
  id: string;
  platform: KnowledgePlatform;
  kind: KnowledgeKind;
  /** KB0010001 or ArticleNumber. */
  number: string;
  title: string;
  url: string;
  /** Plain text, markdown or HTML; headings h1–h4 (or `#`–`####`) become passage headings. */
  body: string;
  /** ISO 8601. */
  updatedAt: string;
  tags?: string[];
}

export interface Passage {
  docId: string;
  chunkId: string;
  platform: KnowledgePlatform;
  kind: KnowledgeKind;
  number: string;
  title: string;
  url: string;
  heading?: string;
  /** The passage text, masked (PII replaced by tokens such as `[EMAIL_1]`). */
  text: string;
  /** Fused score (convex combination of the lists' normalised scores), higher better; compare within one result only. */
  score: number;
  lexicalRank?: number;
  vectorRank?: number;
  /**
   * Absolute relevance in [0, 1], comparable across queries: lexical → the IDF-weighted share of
   * the question's terms the passage contains; vector → cosine; hybrid → their mean. Below
   * `RELEVANCE_THRESHOLDS[mode]` say "no confident answer". (A calibrated alternative that also
   * reads the margins below is measured by the eval, not applied: `confidence.ts`.)
   */
  relevance?: number;
  /** Cosine similarity of query and passage embeddings, when vectors ran. */
  similarity?: number;
  /** IDF-weighted share of the query's terms found in the passage. */
  termCoverage?: number;
  /** Its article's lexical lead over the next article (relative, × its term coverage); −1: not in the lexical list. */
  lexicalMargin?: number;
  /** Its article's margin over the best other article in the vector list (−1: not in it). */
  vectorMargin?: number;
}

export type SearchMode = 'hybrid' | 'lexical' | 'vector';

export interface SearchResult {
  passages: Passage[];
  /** What actually ran: asking for `hybrid` or `vector` without an embedder runs `lexical`. */
  mode: SearchMode;
  /** False: no embedder is configured, the result is lexical only (say so to the user). */
  vectors: boolean;
}

export interface SearchOptions {
  k?: number;
  mode?: SearchMode;
  platforms?: KnowledgePlatform[];
  /** Overrides the fusion weight of the lexical list, in [0, 1] (the eval's tuning sweep); leave unset. */
  fusionAlpha?: number;
}

/**
 * A question (or case, incident) that got no confident answer: the material of knowledge gaps.
 * One per `id` (the latest text wins). The text is masked again before it is stored.
 */
export interface GapRecord {
  id: string;
  platform: KnowledgePlatform;
  number: string;
  text: string;
}

export interface KnowledgeIndex {
  upsert(docs: KnowledgeDoc[]): Promise<{ added: number; updated: number; unchanged: number }>;
  remove(docIds: string[]): Promise<number>;
  search(query: string, opts?: SearchOptions): Promise<SearchResult>;
  stats(): Promise<{ docs: number; chunks: number; vectors: boolean; backend: 'sqlite' | 'postgres' }>;
  /** Keeps an unanswered question (masked), replacing an older one with its id; beyond `max` the oldest go. */
  recordGap?(gap: GapRecord, max?: number): Promise<void>;
  /** The kept unanswered questions, oldest first, at most `limit`. */
  gapRecords?(limit?: number): Promise<GapRecord[]>;
  /** Forgets an unanswered question (its record got a confident answer later). */
  forgetGap?(id: string): Promise<void>;
  close(): Promise<void>;
}

export interface Embedder {
  readonly model: string;
  readonly dimensions: number;
  /**
   * Weight of the lexical list when fusing with this model's vectors (`convexFusion`), if the
   * eval chose one for it on its dev half; absent → `FUSION_ALPHA`.
   */
  readonly fusionAlpha?: number;
  embed(texts: string[]): Promise<number[][]>;
}

export interface KnowledgeConfig {
  backend?: 'sqlite' | 'postgres';
  /** SQLite file (default `.seam-state/knowledge.sqlite`); `:memory:` for a throwaway index. */
  path?: string;
  postgresUrl?: string;
  /** Null or absent: lexical only, and every result says `vectors: false`. */
  embedder?: Embedder | null;
  /** Relevance models per mode (default: the shipped `CONFIDENCE_MODELS`). */
  confidence?: Readonly<Record<SearchMode, ConfidenceModel>>;
}

/** Below this relevance a passage is no confident answer (see `Passage.relevance`). */
export const RELEVANCE_THRESHOLD = 0.5;

/**
 * Per mode, as chosen on the dev half of the eval (`npm run eval:knowledge`, rounded): lexical
 * coverage and LSA cosine live on different scales. With a real embedding model, re-run the eval.
 */
export const RELEVANCE_THRESHOLDS: Readonly<Record<SearchMode, number>> = { hybrid: 0.5, lexical: 0.45, vector: 0.7 };
