import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedEmbedder, KnowledgeInputError, UseLiteEmbedder, USE_LITE_DIMENSIONS, knowledgeConfigFromEnv, openKnowledgeIndex, type Embedder } from '../src/index.js';
import { CORPUS } from './fixtures.js';

const norm = (v: readonly number[]): number => Math.sqrt(v.reduce((a, x) => a + x * x, 0));
const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, x, i) => s + x * b[i], 0);

/** Counts what reaches the model, to tell a cache hit from a miss. */
class Counting implements Embedder {
  readonly dimensions: number;
  readonly model: string;
  calls: string[][] = [];
  constructor(private readonly inner: Embedder) {
    this.model = inner.model;
    this.dimensions = inner.dimensions;
  }
  embed(texts: string[]): Promise<number[][]> {
    this.calls.push(texts);
    return this.inner.embed(texts);
  }
}

let use: UseLiteEmbedder;
let dir: string;
beforeAll(async () => {
  use = await UseLiteEmbedder.load();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seam-embed-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('UseLiteEmbedder (Universal Sentence Encoder lite, shipped weights)', () => {
  it('returns unit vectors of the stated dimension, the same vector for the same text, alone or in a batch', async () => {
    const texts = ['How do I reset my VPN password?', 'Printer shows offline after the driver update', 'refund a duplicate charge'];
    const vs = await use.embed(texts);
    expect(use.dimensions).toBe(USE_LITE_DIMENSIONS);
    expect(vs).toHaveLength(3);
    for (const v of vs) {
      expect(v).toHaveLength(512);
      expect(norm(v)).toBeCloseTo(1, 6);
    }
    expect((await use.embed([texts[1]]))[0]).toEqual(vs[1]);
    expect(await use.embed(texts)).toEqual(vs);
  });

  it('puts a paraphrase nearer than an unrelated question (it is a sentence model, not a hash)', async () => {
    const [q, para, other] = await use.embed(['How can I change my password?', 'Steps to reset the password of my account', 'The printer on floor 3 jams every morning']);
    expect(dot(q, para)).toBeGreaterThan(dot(q, other) + 0.1);
  });

  it('embeds an empty or blank text to zeros (the model itself throws on it) and a huge one without hanging', async () => {
    const [empty, blank] = await use.embed(['', '   \n']);
    expect(empty.every((x) => x === 0) && blank.every((x) => x === 0)).toBe(true);
    const [huge] = await use.embed(['vpn password '.repeat(10_000)]);
    expect(norm(huge)).toBeCloseTo(1, 6);
  });

  it('drives hybrid search in the index', async () => {
    const index = await openKnowledgeIndex({ path: ':memory:', embedder: use });
    await index.upsert(CORPUS);
    const r = await index.search('I was charged twice, can I get my money back?');
    expect(r).toMatchObject({ mode: 'hybrid', vectors: true });
    expect(r.passages[0].docId).toBe('salesforce:id4');
    await expect(index.search('refund', { fusionAlpha: 1.5 })).rejects.toThrow(KnowledgeInputError);
    // The fusion weight reaches the fusion: α = 1 is BM25's order, α = 0 the vectors' order.
    const q = 'my laptop cannot reach the network';
    const ids = (r: { passages: { chunkId: string }[] }): string[] => r.passages.map((p) => p.chunkId);
    const [lexOnly, vecOnly, all1, all0] = await Promise.all([index.search(q, { mode: 'lexical', k: 4 }), index.search(q, { mode: 'vector', k: 4 }), index.search(q, { fusionAlpha: 1, k: 4 }), index.search(q, { fusionAlpha: 0, k: 4 })]);
    // (α = 1 still lists the vector-only candidates after BM25's, at score 0.)
    expect(ids(all1).slice(0, lexOnly.passages.length)).toEqual(ids(lexOnly));
    expect(ids(all0)).toEqual(ids(vecOnly));
    expect(ids(lexOnly)).not.toEqual(ids(vecOnly));
    await index.close();
  });
});

describe('CachedEmbedder', () => {
  it('answers a text it has seen from the file, equal to the first answer, also after a reopen', async () => {
    const file = path.join(dir, 'cache.sqlite');
    const inner = new Counting(use);
    const cache = new CachedEmbedder(inner, file);
    const first = await cache.embed(['reset VPN password', 'printer offline', 'reset VPN password']);
    expect(inner.calls).toEqual([['reset VPN password', 'printer offline']]);
    expect(first[0]).toEqual(first[2]);
    const second = await cache.embed(['printer offline', 'reset VPN password']);
    expect(inner.calls).toHaveLength(1);
    expect(cache.stats).toEqual({ hits: 3, misses: 2 });
    expect(second).toEqual([first[1], first[0]]);
    expect(second[0]).toEqual(await use.embed(['printer offline']).then((v) => v[0]));
    cache.close();
    const reopened = new CachedEmbedder(inner, file);
    expect(await reopened.embed(['printer offline'])).toEqual([first[1]]);
    expect(inner.calls).toHaveLength(1);
    expect(reopened.size()).toBe(2);
    reopened.close();
  });

  it('never returns another model\'s vector for the same text, and keeps at most maxEntries', async () => {
    const file = path.join(dir, 'shared.sqlite');
    const a = new CachedEmbedder(new Counting(use), file);
    const fake: Embedder = { model: 'other-model', dimensions: 512, embed: async (t) => t.map(() => Array.from({ length: 512 }, (_, i) => (i === 0 ? 1 : 0))) };
    const b = new CachedEmbedder(fake, file, { maxEntries: 1 });
    const [va] = await a.embed(['same text']);
    const [vb] = await b.embed(['same text']);
    expect(vb[0]).toBe(1);
    expect(va).not.toEqual(vb);
    a.close();
    await b.embed(Array.from({ length: 1000 }, (_, i) => `text ${i}`));
    expect(b.size()).toBe(1);
    b.close();
  });

  it('passes the inner embedder\'s fusion weight and dimensions through', () => {
    const c = new CachedEmbedder(use, path.join(dir, 'x.sqlite'));
    expect(c).toMatchObject({ model: use.model, dimensions: 512, fusionAlpha: use.fusionAlpha });
    expect(() => new CachedEmbedder(use, '')).toThrow(/CachedEmbedder.file/);
  });
});

describe('configuration', () => {
  it('SEAM_KNOWLEDGE_EMBEDDER=use-lite selects the local model behind the cache; conflicts are named', () => {
    const c = knowledgeConfigFromEnv({ SEAM_KNOWLEDGE_EMBEDDER: 'use-lite', SEAM_KNOWLEDGE_EMBEDDINGS_CACHE: path.join(dir, 'cfg.sqlite') });
    expect(c.embedder).toBeInstanceOf(CachedEmbedder);
    expect(c.embedder).toMatchObject({ model: 'universal-sentence-encoder-lite', dimensions: 512 });
    // Building the configuration opens no file.
    expect(fs.existsSync(path.join(dir, 'cfg.sqlite'))).toBe(false);
    expect(knowledgeConfigFromEnv({ SEAM_KNOWLEDGE_EMBEDDER: 'use-lite', SEAM_KNOWLEDGE_EMBEDDINGS_CACHE: 'off' }).embedder).toBeInstanceOf(UseLiteEmbedder);
    expect(knowledgeConfigFromEnv({ SEAM_KNOWLEDGE_EMBEDDER: 'none' }).embedder).toBeNull();
    expect(() => knowledgeConfigFromEnv({ SEAM_KNOWLEDGE_EMBEDDER: 'bert' })).toThrow(/SEAM_KNOWLEDGE_EMBEDDER: "bert"/);
    expect(() => knowledgeConfigFromEnv({ SEAM_KNOWLEDGE_EMBEDDER: 'use-lite', SEAM_KNOWLEDGE_EMBEDDINGS_URL: 'http://127.0.0.1:1/v1' })).toThrow(/unset one of them/);
    expect(() => knowledgeConfigFromEnv({ SEAM_KNOWLEDGE_EMBEDDER: 'openai' })).toThrow(/needs SEAM_KNOWLEDGE_EMBEDDINGS_URL/);
  });
});
