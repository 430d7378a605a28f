#!/usr/bin/env node
/**
 * Benchmark (not a test): proxy throughput with 1 vs 2 replicas, on the in-process store vs a shared
 * Redis, side by side in one run. Each replica is its own process (`node dist/main.js`), as it would
 * be in production; a real redis-server is started on a free loopback port. Bounded: N requests per
 * configuration, loopback only.
 *
 *   node bench/scaleout.mjs [--n 1500] [--concurrency 16] [--emit-bench-lines]
 *
 * The load generator spreads requests round-robin over the replicas (a client-side balancer, so no
 * extra hop is measured). Every request has a fresh idempotency key: no answer comes from the cache.
 * Replicas on the in-process store each keep their own limit; only the Redis rows are a correct
 * scale-out (one limit). On a 2-core machine the load generator shares the cores with the replicas.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startRedisServer } from '../../scripts/lib/redis-server.mjs';

const args = process.argv.slice(2);
const flag = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const N = flag('n', 1500);
const CONCURRENCY = flag('concurrency', 16);
const emitLines = args.includes('--emit-bench-lines');
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const SECRET = 'bench-secret-'.padEnd(48, 'x');

function startReplica(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        SEAM_PROXY_CLIENT_SECRETS: `bench=${SECRET}`,
        SEAM_PROXY_AUDIT_LOG: 'off',
        SEAM_PROXY_PORT: '0',
        SEAM_PROXY_HOST: '127.0.0.1',
        SEAM_PROXY_RATE_LIMIT_PER_MINUTE: '1000000',
        SEAM_PROXY_RATE_LIMIT_BURST: '100000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`replica did not start in 30 s: ${err}`)); }, 30_000);
    child.stderr.on('data', (d) => { err += d; });
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], port: Number(new URL(m[1]).port), stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) });
      }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`replica exited ${code}: ${err}`)); });
  });
}

const TICKETS = [
  ['VPN error 809 on my laptop', 'Since this morning the VPN client fails with error 809. Call me on +44 20 7946 0958.'],
  ['Card not arrived', 'I ordered a new card two weeks ago and it still has not arrived. What should I do?'],
];

async function run(ports, label) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const post = (i) => new Promise((resolve, reject) => {
    const [subject, description] = TICKETS[i % TICKETS.length];
    const payload = JSON.stringify({ idempotencyKey: `${label}-${process.pid}-${i}`, correlationId: `b-${i}`, caseId: '500000000000001AAA', subject, description });
    const req = request({ host: '127.0.0.1', port: ports[i % ports.length], path: '/v1/triage', method: 'POST', agent, headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(payload);
  });
  const load = async (n, offset) => {
    const samples = [];
    let next = 0;
    const start = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) {
        const i = offset + next++;
        const t = performance.now();
        await post(i);
        samples.push(performance.now() - t);
      }
    }));
    const wall = performance.now() - start;
    samples.sort((a, b) => a - b);
    return { rps: (n / wall) * 1000, p50: samples[Math.floor(samples.length / 2)], p99: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))] };
  };
  await load(Math.min(300, N), 0); // warm-up (JIT, keep-alive sockets)
  const s = await load(N, 1_000_000);
  agent.destroy();
  return s;
}

const redis = await startRedisServer();
const rows = [];
try {
  for (const store of ['in-process', 'Redis']) {
    for (const n of [1, 2]) {
      const env = store === 'Redis' ? { SEAM_PROXY_REDIS_URL: redis.url, SEAM_PROXY_REDIS_PREFIX: `bench${n}:` } : {};
      const replicas = [];
      try {
        for (let i = 0; i < n; i++) replicas.push(await startReplica(env));
        rows.push({ store, n, ...(await run(replicas.map((r) => r.port), `${store}-${n}`)) });
      } finally {
        await Promise.all(replicas.map((r) => r.stop()));
      }
    }
  }
} finally {
  await redis.stop();
}

if (emitLines) {
  const emit = (metric, value, unit, note) => console.log('BENCH ' + JSON.stringify({ group: 'proxy scale-out', metric, value, unit, note }));
  for (const r of rows) {
    const name = `${r.n} replica${r.n > 1 ? 's' : ''}, ${r.store} store`;
    emit(`${name}: throughput`, r.rps, 'req/s', `/v1/triage, n=${N}, ${CONCURRENCY} concurrent`);
    emit(`${name}: p99`, r.p99, 'ms');
  }
} else {
  console.log(`\nseam-proxy scale-out (/v1/triage, embedded engine, n=${N}, ${CONCURRENCY} concurrent, node ${process.version})\n`);
  console.log(`${'replicas'.padEnd(9)} ${'store'.padEnd(11)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  for (const r of rows) console.log(`${String(r.n).padEnd(9)} ${r.store.padEnd(11)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)}`);
}
