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
import { modelExists, readModel, trainDefaultModel } from './ml/modelStore.js';
import type { TriageModel } from './ml/triageModel.js';
import { slaPredictor, type SlaModel } from './ml/slaModel.js';
import { readSlaModel, slaModelExists, trainDefaultSlaModel } from './ml/slaStore.js';
import { createHttpServerFor } from './server.js';
import { ModelService } from './service.js';

export { loadConfig, parseConfig, ConfigError, DEFAULT_MODEL_DIR } from './config.js';
export type { ProxyConfig, LlmConfig, ConfigProblem, ConfigResult } from './config.js';
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

export interface ProxyOptions {
  /** Use this model instead of reading `config.modelDir` (tests train a small one in memory). */
  readonly triageModel?: TriageModel;
  /** Use this SLA-breach risk model instead of reading `config.modelDir`. */
  readonly slaModel?: SlaModel;
  /** Where audit records go; default: the rotating file from `config.audit`, else memory. */
  readonly audit?: AuditSink;
  /** Test seams for the LLM client (sleep without waiting, fixed jitter). */
  readonly llmDeps?: LlmClientDeps;
  readonly now?: () => number;
}

export interface ProxyServer {
  readonly server: Server;
  readonly metrics: ProxyMetrics;
  readonly audit: AuditSink;
  readonly model: TriageModel;
  /** Starts listening (port 0 picks a free port) and resolves with the base URL. */
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
  const service = new ModelService({
    embedded: new EmbeddedEngine(model, slaPredictor(resolveSlaModel(config, options))),
    ...(llm ? { llm } : {}),
    audit,
    metrics,
    ...(config.llm ? { prices: { inputPerMTok: config.llm.priceInputPerMTok, outputPerMTok: config.llm.priceOutputPerMTok } } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const server = createHttpServerFor(config, { service, metrics, audit, ...(options.now ? { now: options.now } : {}) });
  return {
    server,
    metrics,
    audit,
    model,
    listen(port = config.port, host = config.host) {
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
    },
  };
}
