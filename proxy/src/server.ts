/**
 * The HTTP edge: routing, size limit, authentication, rate limit, JSON parsing, idempotent replay,
 * metrics. Everything about meaning (validation, masking, engines) lives in `service.ts`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { stableStringify } from '@seam/shared';
import type { AuditSink } from './auditLog.js';
import { authenticate } from './auth.js';
import type { ProxyConfig } from './config.js';
import { readBody } from './http/body.js';
import { sendError, sendJson, type Problem } from './http/respond.js';
import { ProxyMetrics } from './metrics.js';
import { HttpProblem } from './knowledge.js';
import { ROUTES, type AnyEndpoint, type ProxyService, type ServiceOutcome } from './service.js';
import { StoreUnavailableError, type ProxyStore, type StoredAnswer } from './store.js';

export interface ProxyServerDeps {
  readonly service: ProxyService;
  readonly metrics: ProxyMetrics;
  /** Replays answered from the cache are audited too (no prompt, no tokens). */
  readonly audit: AuditSink;
  /** Rate-limit buckets, answers and claims: in-process, or Redis shared by every replica. */
  readonly store: ProxyStore;
  readonly now?: () => number;
}

type CachedAnswer = StoredAnswer;

interface Outcome {
  readonly answer: CachedAnswer;
  readonly fingerprint: string;
  /** Another replica computed it (we waited on its claim). */
  readonly replayed: boolean;
}

/** A problem echoes at most the start of the offending value (a 32,000-character description helps nobody). */
function shortValue(p: Problem): Problem {
  return typeof p.value === 'string' && p.value.length > 80 ? { ...p, value: `${p.value.slice(0, 77)}...` } : p;
}

function answerHeaders(answer: CachedAnswer, hit: boolean, correlationId: string): Record<string, string> {
  return {
    'x-seam-cache': hit ? 'hit' : 'miss',
    'x-seam-engine': answer.engine,
    'x-correlation-id': correlationId,
    ...(answer.fallbackReason ? { 'x-seam-fallback-reason': answer.fallbackReason } : {}),
  };
}

const PATHS: Readonly<Record<string, AnyEndpoint>> = Object.fromEntries(ROUTES.map((e) => [`/v1/${e}`, e]));

export function createHttpServerFor(config: ProxyConfig, deps: ProxyServerDeps): Server {
  const now = deps.now ?? Date.now;
  const metrics = deps.metrics;
  const store = deps.store;
  // Concurrent replays of one key wait for the first call instead of paying for a second (across
  // replicas, the store's claim does the same).
  const inFlight = new Map<string, Promise<Outcome>>();

  function auditReplay(answer: CachedAnswer, ids: { client: string; endpoint: AnyEndpoint; correlationId: string; idempotencyKey: string }): void {
    deps.audit.write({
      at: new Date(now()).toISOString(),
      ...ids,
      engine: answer.engine === 'llm' ? 'llm' : 'embedded',
      ...(answer.fallbackReason ? { fallbackReason: answer.fallbackReason } : {}),
      cached: true,
      maskedPrompt: '',
      maskedOutput: null,
      tokens: { prompt: 0, completion: 0 },
      latencyMs: 0,
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://proxy.local');
    if (url.pathname === '/healthz' && req.method === 'GET') {
      sendJson(res, 200, deps.service.health());
      return;
    }
    if (url.pathname === '/metrics' && req.method === 'GET') {
      const text = metrics.render();
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
      return;
    }
    const endpoint = PATHS[url.pathname];
    if (!endpoint) {
      sendError(res, 404, 'not found', `no route ${url.pathname}`, [{ field: 'path', problem: `${url.pathname} does not exist`, fix: `use one of ${Object.keys(PATHS).join(', ')}, /healthz, /metrics` }]);
      return;
    }
    if (req.method !== 'POST') {
      sendError(res, 405, 'method not allowed', `${endpoint} accepts POST`, [], { allow: 'POST' });
      return;
    }
    const started = process.hrtime.bigint();
    const finish = (status: number, engine: string): void => {
      metrics.requests.inc({ endpoint, status: String(status), engine });
      metrics.duration.observe({ endpoint }, Number(process.hrtime.bigint() - started) / 1e9);
    };

    const body = await readBody(req, config.maxBodyBytes);
    if (!body.ok) {
      metrics.rejected.inc({ reason: 'too_large' });
      sendError(res, 413, 'request body too large', `the limit is ${config.maxBodyBytes} bytes`, [{ field: 'body', problem: `exceeds ${config.maxBodyBytes} bytes`, fix: 'send less text (summaries need the latest comments, not the whole history)' }], { connection: 'close' });
      finish(413, 'none');
      return;
    }
    const auth = authenticate(req.headers, body.raw, { clients: config.clients, hmac: config.hmac, maxSkewSeconds: config.hmacMaxSkewSeconds }, Math.floor(now() / 1000));
    if (!auth.ok) {
      metrics.rejected.inc({ reason: 'unauthenticated' });
      sendError(res, 401, 'unauthenticated', auth.problem, [{ field: 'authorization', problem: auth.problem, fix: auth.fix }], { 'www-authenticate': 'Bearer realm="seam-proxy"' });
      finish(401, 'none');
      return;
    }
    const rate = await store.take(auth.client);
    if (!rate.allowed) {
      metrics.rejected.inc({ reason: 'rate_limited' });
      sendError(res, 429, 'rate limited', `client ${auth.client} exceeded ${config.rateLimit.perMinute} requests per minute`, [{ field: 'client', problem: 'too many requests', fix: `retry after ${rate.retryAfterSeconds} s` }], { 'retry-after': String(rate.retryAfterSeconds) });
      finish(429, 'none');
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.raw.toString('utf8'));
    } catch (e) {
      metrics.rejected.inc({ reason: 'bad_json' });
      sendError(res, 400, 'invalid JSON', (e as Error).message, [{ field: 'body', problem: 'is not valid JSON', fix: 'send a JSON object with content-type application/json' }]);
      finish(400, 'none');
      return;
    }
    const problems: Problem[] = deps.service.validateRequest(endpoint, parsed);
    if (problems.length > 0) {
      metrics.rejected.inc({ reason: 'invalid' });
      sendError(res, 400, 'invalid request', `${problems.length} problem(s) in the ${endpoint} request`, problems.map(shortValue));
      finish(400, 'none');
      return;
    }
    const request = parsed as Record<string, unknown>;
    const idempotencyKey = String(request['idempotencyKey'] ?? '');
    const correlationId = String(request['correlationId'] ?? req.headers['x-correlation-id'] ?? randomUUID());
    // Same content, any key order or spacing, is the same request (a platform may re-serialise a retry).
    const fingerprint = createHash('sha256').update(stableStringify(request)).digest('hex');
    const cacheKey = `${auth.client}\u0000${endpoint}\u0000${idempotencyKey}`;

    const cached = await store.get(cacheKey);
    if (cached) {
      if (cached.fingerprint !== fingerprint) {
        sendError(res, 409, 'idempotency key reused', 'this idempotencyKey was used for a different request', [{ field: 'idempotencyKey', problem: 'was already used with a different body', fix: 'derive a new key when the request content changes' }]);
        finish(409, 'none');
        return;
      }
      metrics.cacheHits.inc({ endpoint });
      auditReplay(cached.value, { client: auth.client, endpoint, correlationId, idempotencyKey });
      sendJson(res, cached.value.status, cached.value.body, answerHeaders(cached.value, true, correlationId));
      finish(cached.value.status, cached.value.engine);
      return;
    }
    let pending = inFlight.get(cacheKey);
    const first = !pending;
    if (!pending) {
      pending = (async (): Promise<Outcome> => {
        const mine = await store.claim(cacheKey);
        if (!mine) {
          const theirs = await store.waitFor(cacheKey);
          if (theirs) return { answer: theirs.value, fingerprint: theirs.fingerprint, replayed: true };
          // The other replica's claim expired without an answer: compute it here.
        }
        try {
          const o: ServiceOutcome = await deps.service.run(endpoint, request, { client: auth.client, correlationId, idempotencyKey });
          const answer: CachedAnswer = { status: 200, body: o.body, engine: o.engine, ...(o.fallbackReason ? { fallbackReason: o.fallbackReason } : {}) };
          await store.set(cacheKey, answer, fingerprint);
          return { answer, fingerprint, replayed: false };
        } finally {
          if (mine) await store.release(cacheKey).catch(() => undefined);
        }
      })();
      inFlight.set(cacheKey, pending);
    }
    try {
      let outcome: Outcome;
      try {
        outcome = await pending;
      } catch (e) {
        if (!(e instanceof HttpProblem)) throw e;
        // Not cached: once the index is configured or the record exists, a retry of the key succeeds.
        metrics.rejected.inc({ reason: e.status === 404 ? 'unknown_record' : e.status === 503 ? 'unavailable' : 'invalid' });
        sendError(res, e.status, e.message, e.detail, e.problems.map(shortValue));
        finish(e.status, 'none');
        return;
      }
      const { answer } = outcome;
      const hit = !first || outcome.replayed;
      if (outcome.fingerprint !== fingerprint) {
        sendError(res, 409, 'idempotency key reused', 'this idempotencyKey was used for a different request', [{ field: 'idempotencyKey', problem: 'was already used with a different body', fix: 'derive a new key when the request content changes' }]);
        finish(409, 'none');
        return;
      }
      if (hit) {
        metrics.cacheHits.inc({ endpoint });
        auditReplay(answer, { client: auth.client, endpoint, correlationId, idempotencyKey });
      }
      sendJson(res, answer.status, answer.body, answerHeaders(answer, hit, correlationId));
      finish(answer.status, answer.engine);
    } finally {
      if (first) inFlight.delete(cacheKey);
    }
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof StoreUnavailableError) {
        // Fail closed: without the shared store a replica could not enforce the shared limit.
        console.error(`seam-proxy: ${e.message}`);
        metrics.rejected.inc({ reason: 'store_unavailable' });
        if (!res.headersSent) {
          sendError(res, 503, 'shared store unavailable', e.message, [{ field: 'SEAM_PROXY_REDIS_URL', problem: `Redis did not answer the ${e.operation}`, fix: 'start redis-server (or fix the URL); the proxy refuses requests rather than serve them without the shared rate limit' }], { 'retry-after': '1' });
        } else res.destroy();
        return;
      }
      // A bug, not a user error: log the message only (no request text, which may hold PII).
      console.error(`seam-proxy: internal error: ${(e as Error)?.message ?? String(e)}`);
      if (!res.headersSent) sendError(res, 500, 'internal error', 'the proxy failed; see its log', []);
      else res.destroy();
    });
  };

  const server = config.tls
    ? createHttpsServer({ cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile), minVersion: 'TLSv1.2' }, listener)
    : createHttpServer(listener);
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  return server;
}
