/**
 * Knowledge configuration from the environment, parsed once at the edge. Problems are collected
 * and thrown together, each naming the variable, the problem and the fix.
 *
 *   SEAM_KNOWLEDGE_BACKEND            sqlite (default) | postgres
 *   SEAM_KNOWLEDGE_PATH               SQLite file (default .seam-state/knowledge.sqlite)
 *   SEAM_KNOWLEDGE_POSTGRES_URL       postgres://user@host:port/db (backend postgres)
 *   SEAM_KNOWLEDGE_EMBEDDINGS_URL     OpenAI-compatible base URL; unset → lexical only
 *   SEAM_KNOWLEDGE_EMBEDDINGS_MODEL   e.g. text-embedding-3-small
 *   SEAM_KNOWLEDGE_EMBEDDINGS_DIMENSIONS  the model's vector length, e.g. 1536
 *   SEAM_KNOWLEDGE_EMBEDDINGS_API_KEY (or SEAM_PROXY_LLM_API_KEY)
 *   SEAM_KNOWLEDGE_EMBEDDER           openai (default when the URL is set) | use-lite (local model,
 *                                     no server) | none (default otherwise: lexical only)
 *   SEAM_KNOWLEDGE_EMBEDDINGS_CACHE   use-lite's vector cache file (default
 *                                     .seam-state/embeddings-cache.sqlite), or off
 */
import { CachedEmbedder } from './embedders/cache.js';
import { OpenAiEmbedder } from './embedders/openai.js';
import { UseLiteEmbedder } from './embedders/useLite.js';
import type { Embedder, KnowledgeConfig } from './types.js';

export const DEFAULT_EMBEDDINGS_CACHE = '.seam-state/embeddings-cache.sqlite';
const EMBEDDERS = ['none', 'openai', 'use-lite'] as const;

export class KnowledgeConfigError extends Error {
  override readonly name = 'KnowledgeConfigError';
}

export function knowledgeConfigFromEnv(env: Record<string, string | undefined> = process.env): KnowledgeConfig {
  const problems: string[] = [];
  const backend = (env['SEAM_KNOWLEDGE_BACKEND'] ?? 'sqlite').toLowerCase();
  if (backend !== 'sqlite' && backend !== 'postgres') problems.push(`SEAM_KNOWLEDGE_BACKEND: "${backend}" is not a backend; use sqlite or postgres`);
  const postgresUrl = env['SEAM_KNOWLEDGE_POSTGRES_URL'];
  if (backend === 'postgres' && !postgresUrl) problems.push('SEAM_KNOWLEDGE_POSTGRES_URL: missing for backend postgres; set it to postgres://user@host:port/db');
  const url = env['SEAM_KNOWLEDGE_EMBEDDINGS_URL'];
  const kind = (env['SEAM_KNOWLEDGE_EMBEDDER'] ?? (url ? 'openai' : 'none')).toLowerCase();
  let embedder: Embedder | null = null;
  if (!(EMBEDDERS as readonly string[]).includes(kind)) problems.push(`SEAM_KNOWLEDGE_EMBEDDER: "${kind}" is not one of ${EMBEDDERS.join(', ')}; use use-lite for the local model, or unset it`);
  else if (kind === 'openai' && !url) problems.push('SEAM_KNOWLEDGE_EMBEDDER: openai needs SEAM_KNOWLEDGE_EMBEDDINGS_URL; set the endpoint, or use use-lite for the local model');
  else if (kind !== 'openai' && url) problems.push(`SEAM_KNOWLEDGE_EMBEDDINGS_URL: set, but SEAM_KNOWLEDGE_EMBEDDER is ${kind}; unset one of them`);
  if (kind === 'use-lite' && problems.length === 0) {
    const cache = env['SEAM_KNOWLEDGE_EMBEDDINGS_CACHE'] ?? DEFAULT_EMBEDDINGS_CACHE;
    // Loaded lazily on the first embedding, so a bad install fails there with the install command.
    embedder = cache.toLowerCase() === 'off' ? new UseLiteEmbedder() : new CachedEmbedder(new UseLiteEmbedder(), cache);
  }
  if (url && kind === 'openai') {
    const model = env['SEAM_KNOWLEDGE_EMBEDDINGS_MODEL'];
    const dims = Number(env['SEAM_KNOWLEDGE_EMBEDDINGS_DIMENSIONS']);
    if (!/^https?:\/\//.test(url)) problems.push(`SEAM_KNOWLEDGE_EMBEDDINGS_URL: "${url}" is not an http(s) URL; set the OpenAI-compatible base, e.g. http://127.0.0.1:11434/v1`);
    if (!model) problems.push('SEAM_KNOWLEDGE_EMBEDDINGS_MODEL: missing; name the embedding model, e.g. text-embedding-3-small');
    if (!Number.isInteger(dims) || dims < 1) problems.push('SEAM_KNOWLEDGE_EMBEDDINGS_DIMENSIONS: missing or not a positive integer; set the model\'s vector length, e.g. 1536');
    if (problems.length === 0 && model) {
      embedder = new OpenAiEmbedder({ baseURL: url, model, dimensions: dims, apiKey: env['SEAM_KNOWLEDGE_EMBEDDINGS_API_KEY'] ?? env['SEAM_PROXY_LLM_API_KEY'] ?? 'none' });
    }
  }
  if (problems.length) throw new KnowledgeConfigError(`knowledge configuration:\n  ${problems.join('\n  ')}`);
  return { backend: backend as 'sqlite' | 'postgres', path: env['SEAM_KNOWLEDGE_PATH'], postgresUrl, embedder };
}
