import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LsaEmbedder, OpenAiEmbedder, knowledgeConfigFromEnv, openKnowledgeIndex } from '../src/index.js';
import { CORPUS } from './fixtures.js';

/** A local OpenAI-compatible `/v1/embeddings` that embeds with an LSA model; records every request. */
interface Stub {
  baseURL: string;
  requests: { model: string; input: string[]; auth?: string }[];
  status: number;
  close(): Promise<void>;
}

async function startEmbeddingsStub(inner: LsaEmbedder): Promise<Stub> {
  const stub = { requests: [], status: 200 } as unknown as Stub;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') return void res.writeHead(404).end();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model: string; input: string[] };
      stub.requests.push({ ...body, auth: req.headers.authorization });
      if (stub.status !== 200) return void res.writeHead(stub.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'bad key', type: 'invalid_request_error' } }));
      const vs = await inner.embed(body.input);
      // Out of order on purpose: clients must place vectors by `index`.
      const data = vs.map((embedding, index) => ({ object: 'embedding', index, embedding })).reverse();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', model: body.model, data, usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  stub.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  stub.close = () => new Promise<void>((r) => server.close(() => r()));
  return stub;
}

let stub: Stub;
let lsa: LsaEmbedder;
beforeAll(async () => {
  lsa = LsaEmbedder.fit(CORPUS.map((d) => `${d.title}\n${d.body}`), { dimensions: 4, minDf: 1 });
  stub = await startEmbeddingsStub(lsa);
});
afterAll(() => stub.close());

describe('OpenAI-compatible embedder', () => {
  it('embeds through /v1/embeddings, in input order, and drives hybrid search', async () => {
    const embedder = new OpenAiEmbedder({ baseURL: stub.baseURL, apiKey: 'test-key', model: 'stub-embed', dimensions: lsa.dimensions, maxRetries: 0 });
    const got = await embedder.embed(['refund a charge', 'printer offline']);
    expect(got).toEqual(await lsa.embed(['refund a charge', 'printer offline']));
    const index = await openKnowledgeIndex({ path: ':memory:', embedder });
    await index.upsert([...CORPUS, { ...CORPUS[0], id: 'servicenow:pii', title: 'Call +44 20 7946 0958 for VPN help' }]);
    const r = await index.search('refund a duplicate charge for jane@example.com');
    expect(r).toMatchObject({ mode: 'hybrid', vectors: true });
    expect(r.passages[0].docId).toBe('salesforce:id4');
    expect(stub.requests.every((q) => q.model === 'stub-embed' && q.auth === 'Bearer test-key')).toBe(true);
    const sent = stub.requests.flatMap((q) => q.input).join('\n');
    expect(sent).toContain('[EMAIL_1]');
    expect(sent).not.toContain('jane@example.com');
    expect(sent).not.toContain('7946 0958');
    await index.close();
  });

  it('a vector of the wrong length is an error that names the setting', async () => {
    const embedder = new OpenAiEmbedder({ baseURL: stub.baseURL, apiKey: 'k', model: 'stub-embed', dimensions: lsa.dimensions + 1, maxRetries: 0 });
    const index = await openKnowledgeIndex({ path: ':memory:', embedder });
    await expect(index.upsert(CORPUS.slice(0, 1))).rejects.toThrow(/dimensions.*configured/);
    expect((await index.stats()).docs).toBe(0);
    await index.close();
  });

  it('an error from the endpoint surfaces, and nothing is half-written', async () => {
    stub.status = 401;
    try {
      const embedder = new OpenAiEmbedder({ baseURL: stub.baseURL, apiKey: 'wrong', model: 'stub-embed', dimensions: lsa.dimensions, maxRetries: 0 });
      const index = await openKnowledgeIndex({ path: ':memory:', embedder });
      await expect(index.upsert(CORPUS.slice(0, 1))).rejects.toThrow(/401/);
      expect((await index.stats()).docs).toBe(0);
      await index.close();
    } finally {
      stub.status = 200;
    }
  });

  it('is configured from the environment, with errors that name the variable', () => {
    expect(knowledgeConfigFromEnv({}).embedder).toBeNull();
    const c = knowledgeConfigFromEnv({ SEAM_KNOWLEDGE_EMBEDDINGS_URL: stub.baseURL, SEAM_KNOWLEDGE_EMBEDDINGS_MODEL: 'm', SEAM_KNOWLEDGE_EMBEDDINGS_DIMENSIONS: '8' });
    expect(c.embedder).toMatchObject({ model: 'm', dimensions: 8 });
    expect(() => knowledgeConfigFromEnv({ SEAM_KNOWLEDGE_EMBEDDINGS_URL: stub.baseURL })).toThrow(/SEAM_KNOWLEDGE_EMBEDDINGS_MODEL[\s\S]*SEAM_KNOWLEDGE_EMBEDDINGS_DIMENSIONS/);
    expect(() => knowledgeConfigFromEnv({ SEAM_KNOWLEDGE_BACKEND: 'postgres' })).toThrow(/SEAM_KNOWLEDGE_POSTGRES_URL/);
    expect(() => knowledgeConfigFromEnv({ SEAM_KNOWLEDGE_BACKEND: 'lucene' })).toThrow(/"lucene"/);
  });
});
