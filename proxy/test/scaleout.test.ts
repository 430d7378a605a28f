/**
 * Two proxy replicas on one real redis-server (Debian's, started here on a loopback port): one
 * shared rate limit, one cache, one idempotency. Without redis-server installed this fails and says
 * how to install it; CI (.ci/run) installs it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAuditLog, type AuditRecord } from '../src/auditLog.js';
import { createProxyServer, type ProxyServer } from '../src/index.js';
import { startRedisServer, type RunningRedis } from '../../scripts/lib/redis-server.mjs';
import { post, smallModel, testConfig, triageBody } from './helpers/fixtures.js';

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedisServer();
}, 20_000);
afterAll(async () => {
  await redis?.stop();
});

let prefixSeq = 0;
async function replicas(n: number, env: Record<string, string>, opts: { redis?: boolean } = { redis: true }) {
  const prefix = `t${process.pid}-${++prefixSeq}:`;
  const out: { proxy: ProxyServer; url: string; audit: MemoryAuditLog }[] = [];
  for (let i = 0; i < n; i++) {
    const audit = new MemoryAuditLog();
    const proxy = createProxyServer(testConfig({ ...(opts.redis ? { SEAM_PROXY_REDIS_URL: redis.url, SEAM_PROXY_REDIS_PREFIX: prefix } : {}), ...env }), { triageModel: smallModel(), audit });
    const { url } = await proxy.listen(0, '127.0.0.1');
    out.push({ proxy, url, audit });
  }
  return { nodes: out, close: () => Promise.all(out.map((r) => r.proxy.close())) };
}

const engineCalls = (audit: MemoryAuditLog): AuditRecord[] => audit.records.filter((r) => !r.cached);

describe('proxy replicas sharing Redis', () => {
  it('enforce ONE rate limit between them, atomically under concurrency', async () => {
    // 1 token per minute refill: the burst is all there is during the test.
    const { nodes, close } = await replicas(2, { SEAM_PROXY_RATE_LIMIT_PER_MINUTE: '1', SEAM_PROXY_RATE_LIMIT_BURST: '6' });
    try {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => post(nodes[i % 2]!.url, '/v1/triage', triageBody())));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(6);
      expect(statuses.filter((s) => s === 429)).toHaveLength(14);
      // Six in total, not six per replica (the in-process store would allow twelve: next test).
      const refused = results.find((r) => r.status === 429)!;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await close();
    }
  });

  it('with the default in-process store each replica has its own limit (what Redis fixes)', async () => {
    const { nodes, close } = await replicas(2, { SEAM_PROXY_RATE_LIMIT_PER_MINUTE: '1', SEAM_PROXY_RATE_LIMIT_BURST: '3' }, { redis: false });
    try {
      expect(nodes[0]!.proxy.store.kind).toBe('memory');
      const statuses = [];
      for (let i = 0; i < 8; i++) statuses.push((await post(nodes[i % 2]!.url, '/v1/triage', triageBody())).status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(6);
    } finally {
      await close();
    }
  });

  it('serve one another\'s cache and refuse a reused key with another body on the other replica', async () => {
    const { nodes, close } = await replicas(2, {});
    const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    try {
      expect(a.proxy.store.kind).toBe('redis');
      const body = triageBody();
      const first = await post(a.url, '/v1/triage', body);
      expect(first.status).toBe(200);
      expect(first.headers.get('x-seam-cache')).toBe('miss');
      // Same request, key order changed, on the other replica: answered from the shared cache.
      const replay = await post(b.url, '/v1/triage', Object.fromEntries(Object.entries(body).reverse()));
      expect(replay.status).toBe(200);
      expect(replay.headers.get('x-seam-cache')).toBe('hit');
      expect(replay.json).toEqual(first.json);
      expect(engineCalls(b.audit)).toHaveLength(0);
      expect(b.audit.records.filter((r) => r.cached)).toHaveLength(1);
      expect(b.proxy.metrics.cacheHits.get({ endpoint: 'triage' })).toBe(1);
      const reused = await post(b.url, '/v1/triage', { ...body, subject: 'A different request' });
      expect(reused.status).toBe(409);
      expect(reused.json.error.problems[0].field).toBe('idempotencyKey');
    } finally {
      await close();
    }
  });

  it('run one engine call when the same key reaches both replicas at once', async () => {
    const { nodes, close } = await replicas(2, {});
    try {
      const body = triageBody();
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => post(nodes[i % 2]!.url, '/v1/triage', body)));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(new Set(results.map((r) => JSON.stringify(r.json))).size).toBe(1);
      expect(engineCalls(nodes[0]!.audit).length + engineCalls(nodes[1]!.audit).length).toBe(1);
      expect(results.filter((r) => r.headers.get('x-seam-cache') === 'miss')).toHaveLength(1);
    } finally {
      await close();
    }
  });

  it('refuse with 503 naming the fix when Redis goes away', async () => {
    const own = await startRedisServer();
    const a = createProxyServer(testConfig({ SEAM_PROXY_REDIS_URL: own.url }), { triageModel: smallModel(), audit: new MemoryAuditLog() });
    const { url } = await a.listen(0, '127.0.0.1');
    try {
      expect((await post(url, '/v1/triage', triageBody())).status).toBe(200);
      await own.stop();
      const down = await post(url, '/v1/triage', triageBody());
      expect(down.status).toBe(503);
      expect(down.json.error.problems[0].field).toBe('SEAM_PROXY_REDIS_URL');
      expect(down.json.error.problems[0].fix).toMatch(/redis-server/);
      expect(a.metrics.rejected.get({ reason: 'store_unavailable' })).toBe(1);
    } finally {
      await a.close();
    }
  });

  it('rejects a Redis URL that is not redis:// with the variable and the fix', () => {
    expect(() => testConfig({ SEAM_PROXY_REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/SEAM_PROXY_REDIS_URL: .*not a redis:\/\/ or rediss:\/\/ URL\. Fix: set it like redis:\/\//);
  });
});

describe('starting the test redis-server', () => {
  it('never mistakes another redis-server on the port for its own (the parallel-test port race)', async () => {
    // The port is already served by the suite's redis: a second start on it must fail, not return
    // a handle to a server it did not start (that handle's stop() would leave ours running).
    await expect(startRedisServer({ port: redis.port })).rejects.toThrow(/did not start on 127\.0\.0\.1:\d+/);
    expect(redis.pid).toBeGreaterThan(0);
  }, 20_000);
});
