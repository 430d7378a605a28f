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
 */
import { OpenAiEmbedder } from './embedders/openai.js';
import type { KnowledgeConfig } from './types.js';

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
  let embedder: OpenAiEmbedder | null = null;
  if (url) {
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
