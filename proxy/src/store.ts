/**
 * Where rate-limit buckets, cached answers and idempotency claims live. The in-process store is the
 * default (one proxy); with `SEAM_PROXY_REDIS_URL` every replica reads and writes the same Redis,
 * so N replicas behind any load balancer enforce one limit and replay one another's answers.
 */
import { createHash } from 'node:crypto';
import { createClient } from 'redis';
import { IdempotencyCache, type CacheEntry } from './cache.js';
import { RateLimiter, type RateDecision } from './rateLimit.js';

/** Redis did not answer: the request is refused (503), never served without a limit. */
export class StoreUnavailableError extends Error {
  constructor(readonly operation: string, cause: unknown) {
    super(`the shared store (Redis) failed on ${operation}: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'StoreUnavailableError';
  }
}

export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly engine: string;
  readonly fallbackReason?: string;
}

export interface ProxyStore {
  readonly kind: 'memory' | 'redis';
  /** Takes one token from the client's bucket (atomically across replicas for Redis). */
  take(client: string): Promise<RateDecision>;
  get(key: string): Promise<Pick<CacheEntry<StoredAnswer>, 'value' | 'fingerprint'> | undefined>;
  set(key: string, value: StoredAnswer, fingerprint: string): Promise<void>;
  /**
   * Claims the right to compute `key`'s answer. false → another replica is computing it right now;
   * the caller waits for its answer (`waitFor`) instead of paying for a second model call.
   */
  claim(key: string): Promise<boolean>;
  release(key: string): Promise<void>;
  /** Polls for another replica's answer; undefined when the claim expired without one. */
  waitFor(key: string): Promise<Pick<CacheEntry<StoredAnswer>, 'value' | 'fingerprint'> | undefined>;
  connect(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreLimits {
  readonly rateLimit: { readonly perMinute: number; readonly burst: number };
  readonly cache: { readonly maxEntries: number; readonly ttlSeconds: number };
}

/** One process: the in-process `inFlight` map in the server already shares concurrent calls. */
export class MemoryStore implements ProxyStore {
  readonly kind = 'memory' as const;
  private readonly limiter: RateLimiter;
  private readonly cache: IdempotencyCache<StoredAnswer>;

  constructor(limits: StoreLimits, now: () => number = Date.now) {
    this.limiter = new RateLimiter(limits.rateLimit.perMinute, limits.rateLimit.burst, now);
    this.cache = new IdempotencyCache<StoredAnswer>(limits.cache.maxEntries, limits.cache.ttlSeconds * 1000, now);
  }
  async take(client: string): Promise<RateDecision> {
    return this.limiter.take(client);
  }
  async get(key: string): Promise<CacheEntry<StoredAnswer> | undefined> {
    return this.cache.get(key);
  }
  async set(key: string, value: StoredAnswer, fingerprint: string): Promise<void> {
    this.cache.set(key, value, fingerprint);
  }
  async claim(): Promise<boolean> {
    return true;
  }
  async release(): Promise<void> {}
  async waitFor(key: string): Promise<CacheEntry<StoredAnswer> | undefined> {
    return this.cache.get(key);
  }
  async connect(): Promise<void> {}
  async close(): Promise<void> {}
}

/**
 * Token bucket in one Lua script, so "read tokens, refill, take one, write back" is atomic however
 * many replicas call it. The clock is Redis's own (TIME), so replicas with skewed clocks agree.
 * Returns {allowed 0|1, milliseconds until a token is back}.
 */
export const TOKEN_BUCKET_LUA = `
local burst = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or burst
local at = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * perMs)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) / perMs)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / perMs) + 1000)
return {allowed, wait}
`;

export interface RedisStoreOptions {
  readonly url: string;
  /** Key prefix, so several deployments (or tests) can share one Redis. */
  readonly prefix: string;
  /** How long a claim lasts and how long a replica waits for another's answer (the LLM deadline). */
  readonly claimMs: number;
  readonly pollMs?: number;
}

export class RedisStore implements ProxyStore {
  readonly kind = 'redis' as const;
  private readonly client;
  private readonly perMs: number;

  constructor(private readonly limits: StoreLimits, private readonly options: RedisStoreOptions) {
    // No offline queue: with Redis down a request fails at once (503) instead of hanging.
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 5_000, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000) },
    });
    // The client emits 'error' on every failed reconnect; requests report it, the process must not die.
    this.client.on('error', () => {});
    this.perMs = limits.rateLimit.perMinute / 60_000;
  }

  /** Keys are hashed: an idempotency key is caller-chosen text and must not shape Redis keys. */
  private key(kind: string, raw: string): string {
    return `${this.options.prefix}${kind}:${createHash('sha256').update(raw).digest('hex')}`;
  }

  async connect(): Promise<void> {
    await this.op('connect', () => this.client.connect());
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close();
  }

  private async op<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw new StoreUnavailableError(operation, e);
    }
  }

  async take(client: string): Promise<RateDecision> {
    const reply = (await this.op('rate limit', () => this.client.eval(TOKEN_BUCKET_LUA, {
      keys: [this.key('rate', client)],
      arguments: [String(this.limits.rateLimit.burst), String(this.perMs)],
    }))) as [number, number];
    const [allowed, waitMs] = reply;
    return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Number(waitMs) / 1000)) };
  }

  async get(key: string): Promise<{ value: StoredAnswer; fingerprint: string } | undefined> {
    const raw = await this.op('cache read', () => this.client.get(this.key('cache', key)));
    return raw === null ? undefined : (JSON.parse(raw) as { value: StoredAnswer; fingerprint: string });
  }

  async set(key: string, value: StoredAnswer, fingerprint: string): Promise<void> {
    // Entries expire by TTL; the entry cap is Redis's maxmemory policy (see README), not a count here.
    await this.op('cache write', () => this.client.set(this.key('cache', key), JSON.stringify({ value, fingerprint }), { expiration: { type: 'PX', value: this.limits.cache.ttlSeconds * 1000 } }));
  }

  async claim(key: string): Promise<boolean> {
    const r = await this.op('idempotency claim', () => this.client.set(this.key('claim', key), '1', { condition: 'NX', expiration: { type: 'PX', value: this.options.claimMs } }));
    return r === 'OK';
  }

  async release(key: string): Promise<void> {
    await this.op('idempotency release', () => this.client.del(this.key('claim', key)));
  }

  async waitFor(key: string): Promise<{ value: StoredAnswer; fingerprint: string } | undefined> {
    const pollMs = this.options.pollMs ?? 20;
    const deadline = Date.now() + this.options.claimMs;
    while (Date.now() < deadline) {
      const hit = await this.get(key);
      if (hit) return hit;
      if ((await this.op('idempotency wait', () => this.client.exists(this.key('claim', key)))) === 0) return this.get(key);
      await new Promise((r) => setTimeout(r, pollMs));
    }
    return undefined;
  }
}
