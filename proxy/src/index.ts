/**
 * @seam/proxy — programmatic API. The sandbox and the end-to-end tests start the proxy in-process:
 *
 *   const proxy = createProxyServer(loadConfig(process.env));
 *   const { url } = await proxy.listen(0);
 *   …
 *   await proxy.close();
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { MemoryAuditLog, RotatingAuditLog, type AuditSink } from './auditLog.js';
import type { ProxyConfig } from './config.js';
import { EmbeddedEngine } from './engines/embedded.js';
import { LlmEngine } from './engines/llm.js';
import { LlmClient, type LlmClientDeps } from './engines/llmClient.js';
import { ProxyMetrics } from './metrics.js';
import { DEFAULT_KNOWLEDGE_POLICY } from '@seam/shared';
import { modelExists, readModel, trainDefaultModel } from './ml/modelStore.js';
import type { TriageModel } from './ml/triageModel.js';
import { HttpProblem, KnowledgeService, type KnowledgeIndexLike } from './knowledge.js';
import { InsightPhrasingService } from './insights.js';
import { slaPredictor, type SlaModel } from './ml/slaModel.js';
import { readSlaModel, slaModelExists, trainDefaultSlaModel } from './ml/slaStore.js';
import { createHttpServerFor } from './server.js';
import { ModelService } from './service.js';
import { MemoryStore, RedisStore, type ProxyStore } from './store.js';

export { loadConfig, parseConfig, ConfigError, DEFAULT_MODEL_DIR } from './config.js';
export type { ProxyConfig, LlmConfig, KnowledgeConfig, ConfigProblem, ConfigResult } from './config.js';
export { signRequest } from './auth.js';
export { MemoryAuditLog, RotatingAuditLog } from './auditLog.js';
export type { AuditRecord, AuditSink } from './auditLog.js';
export { ENDPOINTS } from './endpoints.js';
export type { Endpoint } from './endpoints.js';
export { EmbeddedEngine } from './engines/embedded.js';
export { trainDefaultModel, readModel, writeModel, PUBLIC_DATA_DIR } from './ml/modelStore.js';
export { trainTriageModel, predictTriage } from './ml/triageModel.js';
export { trainSlaModel, slaPredictor } from './ml/slaModel.js';
export type { SlaModel } from './ml/slaModel.js';
export { trainDefaultSlaModel } from './ml/slaStore.js';
export type { TriageModel, TriagePrediction } from './ml/triageModel.js';
export type { HealthReport } from './service.js';
export { KNOWLEDGE_ENDPOINTS, KNOWLEDGE_SPECS, caseSummaryDocId } from './knowledge.js';
export type { KnowledgeIndexLike, KnowledgeEndpoint } from './knowledge.js';
export { INSIGHT_ENDPOINTS, INSIGHT_SPECS } from './insights.js';
export type { InsightEndpoint } from './insights.js';
export { MemoryStore, RedisStore, StoreUnavailableError, TOKEN_BUCKET_LUA } from './store.js';
export type { ProxyStore, StoredAnswer } from './store.js';

export interface ProxyOptions {
  /** Use this model instead of reading `config.modelDir` (tests train a small one in memory). */
  readonly triageModel?: TriageModel;
  /** Use this SLA-breach risk model instead of reading `config.modelDir`. */
  readonly slaModel?: SlaModel;
  /** Where audit records go; default: the rotating file from `config.audit`, else memory. */
  readonly audit?: AuditSink;
  /** Test seams for the LLM client (sleep without waiting, fixed jitter). */
  readonly llmDeps?: LlmClientDeps;
  /** The knowledge index to answer from (tests, the sandbox); default: open `config.knowledge` on first use. */
  readonly knowledgeIndex?: KnowledgeIndexLike;
  /** Where limits, answers and claims live; default: Redis when `config.redis` is set, else this process. */
  readonly store?: ProxyStore;
  readonly now?: () => number;
}

/** Opens the configured index through `@seam/knowledge` (loaded on first use, so the proxy starts without it). */
async function openConfiguredIndex(config: ProxyConfig): Promise<KnowledgeIndexLike> {
  const k = config.knowledge;
  if (!k) throw new Error('unreachable: no knowledge config');
  const variable = k.backend === 'postgres' ? 'SEAM_KNOWLEDGE_POSTGRES_URL' : 'SEAM_KNOWLEDGE_PATH';
  try {
    const specifier = '@seam/knowledge';
    const mod = (await import(specifier)) as {
      openKnowledgeIndex: (c: Record<string, unknown>) => Promise<KnowledgeIndexLike>;
      OpenAiEmbedder: new (o: { baseURL: string; apiKey: string; model: string; dimensions: number }) => unknown;
      UseLiteEmbedder: new () => unknown;
      CachedEmbedder: new (inner: unknown, file: string) => unknown;
    };
    const local = k.localEmbedder ? new mod.UseLiteEmbedder() : null;
    const embedder = k.embeddings ? new mod.OpenAiEmbedder(k.embeddings) : local && k.localEmbedder?.cache ? new mod.CachedEmbedder(local, k.localEmbedder.cache) : local;
    return await mod.openKnowledgeIndex({ backend: k.backend, ...(k.backend === 'sqlite' ? { path: k.path } : {}), ...(k.postgresUrl ? { postgresUrl: k.postgresUrl } : {}), embedder });
  } catch (e) {
    const why = (e as Error).message.slice(0, 200);
    throw new HttpProblem(503, 'knowledge index unavailable', `the ${k.backend} knowledge index could not be opened: ${why}`, [
      { field: variable, problem: `the ${k.backend} index did not open (${why})`, fix: k.backend === 'postgres' ? 'check the URL, that the server runs and that CREATE EXTENSION vector succeeded' : 'check that the directory is writable and that "npm run build" built @seam/knowledge; or set SEAM_KNOWLEDGE_BACKEND=off' },
    ]);
  }
}

export interface ProxyServer {
  readonly server: Server;
  readonly metrics: ProxyMetrics;
  readonly audit: AuditSink;
  readonly model: TriageModel;
  readonly store: ProxyStore;
  /** Connects the store (Redis), then starts listening (port 0 picks a free port) and resolves with the base URL. */
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /** Stops accepting requests, waits for open ones, flushes the audit log. */
  close(): Promise<void>;
}

function resolveModel(config: ProxyConfig, options: ProxyOptions): TriageModel {
  if (options.triageModel) return options.triageModel;
  if (modelExists(config.modelDir)) return readModel(config.modelDir);
  // A source checkout without a build still works: the public data ships in the repository.
  console.warn(`seam-proxy: no model in ${config.modelDir}; training one from shared/data now (run "npm run build -w proxy" to ship it prebuilt)`);
  return trainDefaultModel();
}

function resolveSlaModel(config: ProxyConfig, options: ProxyOptions): SlaModel {
  if (options.slaModel) return options.slaModel;
  if (slaModelExists(config.modelDir)) return readSlaModel(config.modelDir);
  console.warn(`seam-proxy: no SLA model in ${config.modelDir}; training one from shared/data now (run "npm run build -w proxy" to ship it prebuilt)`);
  return trainDefaultSlaModel();
}

/** Builds the proxy (synchronously: the model is read from disk or passed in); call `listen` to serve. */
export function createProxyServer(config: ProxyConfig, options: ProxyOptions = {}): ProxyServer {
  const model = resolveModel(config, options);
  const metrics = new ProxyMetrics();
  const audit = options.audit ?? (config.audit ? new RotatingAuditLog(config.audit.file, config.audit.maxBytes, config.audit.keepFiles) : new MemoryAuditLog());
  const llm = config.llm
    ? new LlmEngine(
        new LlmClient(config.llm, {
          ...options.llmDeps,
          onAttempt: (outcome) => {
            metrics.llmCalls.inc({ outcome });
            options.llmDeps?.onAttempt?.(outcome);
          },
        }),
      )
    : undefined;
  // The index opens once, on the first knowledge request; a failed open is retried on the next one.
  let opening: Promise<KnowledgeIndexLike> | undefined;
  const openIndex = (): Promise<KnowledgeIndexLike> => {
    if (options.knowledgeIndex) return Promise.resolve(options.knowledgeIndex);
    opening ??= openConfiguredIndex(config).catch((e: unknown) => {
      opening = undefined;
      throw e;
    });
    return opening;
  };
  const knowledge = config.knowledge || options.knowledgeIndex
    ? new KnowledgeService({
        index: openIndex,
        ...(llm ? { llm: llm.client } : {}),
        audit,
        metrics,
        // An explicit SEAM_KNOWLEDGE_MIN_RELEVANCE is one floor for every mode; else the shared per-mode floors.
        ...(config.knowledge?.minRelevance !== undefined ? { policy: { ...DEFAULT_KNOWLEDGE_POLICY, minRelevance: config.knowledge.minRelevance, minRelevanceByMode: {} } } : {}),
        ...(options.now ? { now: options.now } : {}),
      })
    : undefined;
  const insights = new InsightPhrasingService({ ...(llm ? { llm: llm.client } : {}), audit, metrics, ...(options.now ? { now: options.now } : {}) });
  const service = new ModelService({
    insights,
    embedded: new EmbeddedEngine(model, slaPredictor(resolveSlaModel(config, options))),
    ...(llm ? { llm } : {}),
    ...(knowledge ? { knowledge } : {}),
    audit,
    metrics,
    ...(config.llm ? { prices: { inputPerMTok: config.llm.priceInputPerMTok, outputPerMTok: config.llm.priceOutputPerMTok } } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const store =
    options.store ??
    (config.redis
      ? // A claim lasts as long as one model call may take, so a replica never waits on a dead one for longer.
        new RedisStore(config, { url: config.redis.url, prefix: config.redis.prefix, claimMs: (config.llm?.deadlineMs ?? 5_000) + 1_000 })
      : new MemoryStore(config, options.now));
  const server = createHttpServerFor(config, { service, metrics, audit, store, ...(options.now ? { now: options.now } : {}) });
  return {
    server,
    metrics,
    audit,
    model,
    store,
    async listen(port = config.port, host = config.host) {
      await store.connect();
      return new Promise((resolvePromise, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const addr = server.address() as AddressInfo;
          const h = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
          resolvePromise({ url: `${config.tls ? 'https' : 'http'}://${h}:${addr.port}`, port: addr.port });
        });
      });
    },
    async close() {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeIdleConnections?.();
      });
      await audit.flush();
      // Only an index the proxy opened itself is closed here; an injected one belongs to its owner.
      if (opening) await opening.then((i) => i.close(), () => undefined);
      await store.close();
    },
  };
}
