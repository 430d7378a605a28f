/**
 * @seam/knowledge — one hybrid index over ServiceNow KB and Salesforce Knowledge.
 *
 *   const index = await openKnowledgeIndex({ path: '.seam-state/knowledge.sqlite', embedder });
 *   await index.upsert(docs);
 *   const { passages, mode, vectors } = await index.search('vpn drops every hour', { k: 5 });
 */
import { createIndex } from './engine.js';
import { openSqliteStore } from './sqlite.js';
import type { KnowledgeConfig, KnowledgeIndex } from './types.js';

export type {
  Embedder,
  GapRecord,
  KnowledgeConfig,
  KnowledgeDoc,
  KnowledgeIndex,
  KnowledgeKind,
  KnowledgePlatform,
  Passage,
  SearchMode,
  SearchOptions,
  SearchResult,
} from './types.js';
export { RELEVANCE_THRESHOLD, RELEVANCE_THRESHOLDS } from './types.js';
export { GAP_RECORDS_MAX, KnowledgeInputError, prepareDoc, validateDoc } from './engine.js';
export { chunkDocument, sections } from './chunk.js';
export { convexFusion, FUSION_ALPHA, reciprocalRankFusion, queryTerms, termCoverage, RRF_K } from './fusion.js';
export { CONFIDENCE_MODELS, confidenceOf } from './confidence.js';
export type { ConfidenceFeatures, ConfidenceModel } from './confidence.js';
export { OpenAiEmbedder } from './embedders/openai.js';
export type { OpenAiEmbedderOptions } from './embedders/openai.js';
export { LsaEmbedder } from './embedders/lsa.js';
export { UseLiteEmbedder, USE_LITE_DIMENSIONS, USE_LITE_MAX_CHARS, USE_LITE_MODEL } from './embedders/useLite.js';
export type { UseLiteOptions } from './embedders/useLite.js';
export { CachedEmbedder, EMBEDDING_CACHE_MAX_ENTRIES } from './embedders/cache.js';
export type { CachedEmbedderOptions } from './embedders/cache.js';
export { DEFAULT_EMBEDDINGS_CACHE, knowledgeConfigFromEnv } from './config.js';

export const DEFAULT_SQLITE_PATH = '.seam-state/knowledge.sqlite';

export async function openKnowledgeIndex(config: KnowledgeConfig = {}): Promise<KnowledgeIndex> {
  const backend = config.backend ?? 'sqlite';
  const embedder = config.embedder ?? null;
  if (backend === 'sqlite') return createIndex(await openSqliteStore(config.path ?? DEFAULT_SQLITE_PATH), embedder, config.confidence ? { confidence: config.confidence } : {});
  if (backend === 'postgres') {
    if (!config.postgresUrl) throw new Error('knowledge: backend "postgres" needs postgresUrl (SEAM_KNOWLEDGE_POSTGRES_URL), e.g. postgres://seam@127.0.0.1:5432/seam');
    const { openPostgresStore } = await import('./postgres.js');
    return createIndex(await openPostgresStore(config.postgresUrl), embedder, config.confidence ? { confidence: config.confidence } : {});
  }
  throw new Error(`knowledge: backend "${String(backend)}" is not one of sqlite, postgres`);
}
