#!/usr/bin/env node
/**
 * Benchmark (not a test): what the proxy adds on top of the embedded engine, measured in one run.
 *
 *   npm run bench -w proxy            (compiles first; uses dist/model, trains in memory if absent)
 *   node bench/overhead.mjs --n 2000 --concurrency 16 --json
 *   node bench/overhead.mjs --emit-bench-lines          (for the root `npm run bench`)
 *
 * Rows: the engine called directly; the service in-process (masking, validation, audit); the
 * whole proxy over HTTP on loopback (auth, rate limit, JSON, idempotency bookkeeping). Every HTTP
 * request has a fresh idempotency key, so no answer comes from the cache. Plus the triage model
 * alone on the multi-queue e-mails (about 500 characters each, one core): the issue-16 target is
 * ≥ 2,000 tickets/s.
 */
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'node:http';
import { createProxyServer, EmbeddedEngine, loadConfig, MemoryAuditLog } from '../dist/index.js';
import { ModelService } from '../dist/service.js';
import { predictTriage } from '../dist/ml/triageModel.js';
import { existsSync } from 'node:fs';
import { loadMixedData, MIXED_DATA_FILE } from '../dist/ml/modelStore.js';
import { ProxyMetrics } from '../dist/metrics.js';

const args = process.argv.slice(2);
const flag = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const N = flag('n', 2000);
const CONCURRENCY = flag('concurrency', 16);
const WARMUP = Math.min(200, N);
const asJson = args.includes('--json');
// The root `npm run bench` collects `BENCH {json}` lines (scripts/bench/emit.mjs) into one table.
const emitLines = args.includes('--emit-bench-lines');

const SECRET = 'bench-secret-'.padEnd(48, 'x');
const config = loadConfig({
  SEAM_PROXY_CLIENT_SECRETS: `bench=${SECRET}`,
  SEAM_PROXY_AUDIT_LOG: 'off',
  SEAM_PROXY_RATE_LIMIT_PER_MINUTE: '1000000',
  SEAM_PROXY_RATE_LIMIT_BURST: '100000',
});

const TICKETS = [
  ['VPN error 809 on my laptop', 'Since this morning the VPN client fails with error 809. Call me on +44 20 7946 0958 or jane.doe@example.com.'],
  ['Card not arrived', 'I ordered a new card two weeks ago and it still has not arrived. What should I do?'],
  ['Outlook keeps crashing', 'Outlook crashes whenever I open the shared mailbox of the finance team.'],
  ['Charged twice', 'I was charged twice for the same payment yesterday, please refund one of them.'],
];
const body = (i) => {
  const [subject, description] = TICKETS[i % TICKETS.length];
  return { idempotencyKey: `bench-${process.pid}-${i}`, correlationId: `bench-${i}`, caseId: '500000000000001AAA', subject, description, contactName: 'Jane Doe' };
};

function stats(samplesMs, wallMs) {
  const s = [...samplesMs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, p50: q(0.5), p99: q(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length, rps: (s.length / wallMs) * 1000 };
}

const proxy = createProxyServer(config, { audit: new MemoryAuditLog() });
const engine = new EmbeddedEngine(proxy.model);
const service = new ModelService({ embedded: engine, audit: new MemoryAuditLog(), metrics: new ProxyMetrics() });
const { port } = await proxy.listen(0, '127.0.0.1');
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function post(i) {
  const payload = JSON.stringify(body(i));
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/v1/triage', method: 'POST', agent, headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function measure(fn, n, offset) {
  const samples = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(offset + i);
    samples.push(performance.now() - t);
  }
  return stats(samples, performance.now() - start);
}

async function measureConcurrent(fn, n, offset) {
  const samples = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < n) {
      const i = next++;
      const t = performance.now();
      await fn(offset + i);
      samples.push(performance.now() - t);
    }
  }));
  return stats(samples, performance.now() - start);
}

const direct = (i) => engine.run('triage', body(i));
// Real e-mail-length tickets, not the short fixtures above.
const EMAILS = existsSync(MIXED_DATA_FILE) ? loadMixedData().map((e) => e.text) : TICKETS.map(([s, d]) => `${s}\n${d}`);
const modelOnly = (i) => predictTriage(proxy.model, EMAILS[i % EMAILS.length]);
const inProcess = (i) => service.run('triage', body(i), { client: 'bench', correlationId: `b${i}`, idempotencyKey: `b${i}` });

await measure(direct, WARMUP, 0);
await measure(modelOnly, WARMUP, 0);
await measure(inProcess, WARMUP, 0);
await measure(post, WARMUP, 10_000_000);

const rows = [
  ['engine, direct call', await measure(direct, N, 0)],
  ['triage model, multi-queue e-mails, one core', await measure(modelOnly, N, 0)],
  ['service in-process (mask+validate+audit)', await measure(inProcess, N, 0)],
  ['proxy over HTTP, sequential', await measure(post, N, 20_000_000)],
  [`proxy over HTTP, ${CONCURRENCY} concurrent`, await measureConcurrent(post, N, 30_000_000)],
];
await proxy.close();
agent.destroy();

const directP50 = rows[0][1].p50;
const directP99 = rows[0][1].p99;
if (emitLines) {
  const emit = (metric, value, unit, note) => console.log('BENCH ' + JSON.stringify({ group: 'proxy', metric, value, unit, note }));
  for (const [name, s] of rows) {
    emit(`${name}: p50`, s.p50, 'ms');
    emit(`${name}: p99`, s.p99, 'ms');
    emit(`${name}: throughput`, s.rps, 'req/s');
  }
  const http = rows[3][1];
  emit('proxy overhead over the direct engine call: p50', http.p50 - directP50, 'ms', `embedded engine, /v1/triage, n=${N}`);
  emit('proxy overhead over the direct engine call: p99', http.p99 - directP99, 'ms', 'loopback HTTP, keep-alive, no cache hits');
} else if (asJson) {
  console.log(JSON.stringify({ benchmark: 'proxy-overhead', engine: 'embedded', endpoint: 'triage', n: N, concurrency: CONCURRENCY, rows: rows.map(([name, s]) => ({ name, ...s })) }));
} else {
  const f = (x) => x.toFixed(3).padStart(8);
  console.log(`\nseam-proxy overhead on the embedded engine (/v1/triage, n=${N}, node ${process.version})\n`);
  console.log(`${'path'.padEnd(44)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'req/s'.padStart(9)} ${'+p50 ms'.padStart(8)} ${'+p99 ms'.padStart(8)}`);
  for (const [name, s] of rows) {
    console.log(`${name.padEnd(44)} ${f(s.p50)} ${f(s.p99)} ${s.rps.toFixed(0).padStart(9)} ${f(s.p50 - directP50)} ${f(s.p99 - directP99)}`);
  }
  console.log('\n+p50/+p99: added over the direct engine call (the proxy overhead). Concurrent latencies include queueing.');
}
