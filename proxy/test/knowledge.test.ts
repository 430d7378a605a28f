/** POST /v1/knowledge/answer, /search and /documents through the whole HTTP pipeline. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isAiLabelled } from '@seam/shared';
import { createProxyServer, MemoryAuditLog, type ProxyServer } from '../src/index.js';
import { startOpenAiStub, type OpenAiStub } from './helpers/openaiStub.js';
import { llmEnv, post, smallModel, testConfig } from './helpers/fixtures.js';
import { ARTICLES, MemoryIndex } from './helpers/memoryIndex.js';

let stub: OpenAiStub;
let proxy: ProxyServer;
let url: string;
let audit: MemoryAuditLog;
let index: MemoryIndex;

async function start(env: Record<string, string> = {}, withIndex = true): Promise<void> {
  audit = new MemoryAuditLog();
  index = new MemoryIndex(ARTICLES);
  proxy = createProxyServer(testConfig(env), { triageModel: smallModel(), audit, llmDeps: { sleep: async () => undefined }, ...(withIndex ? { knowledgeIndex: index } : {}) });
  ({ url } = await proxy.listen(0, '127.0.0.1'));
}

let seq = 0;
const ask = (over: Record<string, unknown> = {}) => ({ idempotencyKey: `k-${++seq}`, correlationId: `corr-${seq}`, ...over });

beforeAll(async () => { stub = await startOpenAiStub(); });
afterAll(async () => { await stub.close(); });
afterEach(async () => {
  await proxy?.close();
  stub.requests.length = 0;
});

describe('knowledge/answer, embedded (extractive)', () => {
  it('answers from both knowledge bases with a citation per sentence, labelled AI-generated, and caches the replay', async () => {
    await start();
    const body = ask({ question: 'VPN error 809 from home' });
    const res = await post(url, '/v1/knowledge/answer', body);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-seam-engine')).toBe('embedded');
    expect(res.json).toMatchObject({ engine: 'embedded', aiGenerated: true, noConfidentAnswer: false, retrieval: { mode: 'lexical', vectors: false } });
    expect(new Set(res.json.citations.map((c: { platform: string }) => c.platform))).toEqual(new Set(['servicenow', 'salesforce']));
    for (const s of res.json.sentences) expect(s.citations.length).toBeGreaterThan(0);
    expect(res.json.citations[0]).toEqual({ id: 'c1', platform: 'servicenow', kind: 'ARTICLE', number: 'KB0010001', title: 'VPN error 809 when connecting from home', url: ARTICLES[0]?.url, docId: 'servicenow:kb:0001', chunkId: 'servicenow:kb:0001#0' });
    expect(isAiLabelled(res.json.answer)).toBe(true);
    const again = await post(url, '/v1/knowledge/answer', body);
    expect(again.headers.get('x-seam-cache')).toBe('hit');
    expect(again.json).toEqual(res.json);
    expect(index.queries).toHaveLength(1);
    await proxy.audit.flush();
    expect(audit.records.map((r) => [r.endpoint, r.cached])).toEqual([['knowledge/answer', false], ['knowledge/answer', true]]);
  });

  it('says "no confident answer" below the relevance threshold instead of guessing, and still lists suggestions', async () => {
    await start();
    const res = await post(url, '/v1/knowledge/answer', ask({ question: 'How do I reset the printer toner counter?' }));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ noConfidentAnswer: true, answer: '', sentences: [], citations: [] });
    expect(res.json.reason).toMatch(/no article|covers/);
  });

  it('filters by platform', async () => {
    await start();
    const res = await post(url, '/v1/knowledge/answer', ask({ question: 'VPN error 809', platforms: ['salesforce'] }));
    expect(res.json.citations.map((c: { platform: string }) => c.platform)).toEqual(['salesforce']);
  });

  it('answers for a case from its subject and description', async () => {
    await start();
    const res = await post(url, '/v1/knowledge/answer', ask({ caseId: '500000000000001AAA', subject: 'Card declined', description: 'My card was declined at checkout, billing address changed' }));
    expect(res.json.noConfidentAnswer).toBe(false);
    expect(res.json.citations[0].number).toBe('000001001');
  });
});

describe('knowledge/answer with an LLM', () => {
  it('keeps only sentences citing passages the model was given', async () => {
    await start(llmEnv(stub.baseURL));
    stub.script({
      content: JSON.stringify({
        noConfidentAnswer: false,
        sentences: [
          { text: 'Open UDP ports 500 and 4500 on your router.', citations: ['p1'] },
          { text: 'Also reinstall the operating system.', citations: [] },
          { text: 'Our CEO recommends rebooting.', citations: ['p9'] },
        ],
      }),
    });
    const res = await post(url, '/v1/knowledge/answer', ask({ question: 'VPN error 809 from home' }));
    expect(res.status).toBe(200);
    expect(res.json.engine).toBe('llm');
    expect(res.json.sentences).toEqual([{ text: 'Open UDP ports 500 and 4500 on your router.', citations: ['c1'] }]);
    expect(res.json.citations.map((c: { docId: string }) => c.docId)).toEqual(['servicenow:kb:0001']);
    // The model saw the passages fenced as data and a structured-output schema.
    expect(stub.requests[0]?.messages[1]?.content).toContain('[p1] VPN error 809');
    expect(stub.requests[0]?.response_format?.json_schema?.name).toBe('knowledge_draft');
    await proxy.audit.flush();
    expect(audit.records[0]?.maskedOutput).toMatchObject({ removedSentences: 2 });
  });

  it('falls back to the extractive answer when the model breaks the schema twice, and says why', async () => {
    await start(llmEnv(stub.baseURL));
    stub.script({ content: 'not json' }, { content: '{"sentences": "no"}' });
    const res = await post(url, '/v1/knowledge/answer', ask({ question: 'VPN error 809 from home' }));
    expect(res.json).toMatchObject({ engine: 'embedded', fallbackReason: 'llm_invalid_output', noConfidentAnswer: false });
    expect(res.headers.get('x-seam-fallback-reason')).toBe('llm_invalid_output');
    expect(stub.requests).toHaveLength(2);
  });

  it('falls back to the extractive answer when no sentence of the draft is cited', async () => {
    await start(llmEnv(stub.baseURL));
    stub.script({ content: JSON.stringify({ noConfidentAnswer: false, sentences: [{ text: 'Trust me.', citations: [] }] }) });
    const res = await post(url, '/v1/knowledge/answer', ask({ question: 'VPN error 809 from home' }));
    expect(res.json).toMatchObject({ engine: 'embedded', fallbackReason: 'llm_invalid_output', noConfidentAnswer: false });
    expect(res.json.citations.length).toBeGreaterThan(0);
  });

  it('does not call the model when no passage is relevant enough', async () => {
    await start(llmEnv(stub.baseURL));
    const res = await post(url, '/v1/knowledge/answer', ask({ question: 'printer toner counter reset' }));
    expect(res.json.noConfidentAnswer).toBe(true);
    expect(stub.requests).toHaveLength(0);
  });

  it('masks PII before the index, the model and the prompt log see the question, and unmasks the answer', async () => {
    await start(llmEnv(stub.baseURL));
    stub.script({ content: JSON.stringify({ noConfidentAnswer: false, sentences: [{ text: 'Tell [EMAIL_1]: open UDP ports 500 and 4500.', citations: ['p1'] }] }) });
    const res = await post(url, '/v1/knowledge/answer', ask({ question: 'VPN error 809 for jane.doe@example.com, call +44 20 7946 0958' }));
    expect(res.json.sentences[0].text).toBe('Tell jane.doe@example.com: open UDP ports 500 and 4500.');
    const seen = JSON.stringify([index.queries, stub.requests]);
    expect(seen).not.toContain('jane.doe@example.com');
    expect(seen).not.toContain('7946');
    expect(seen).toContain('[EMAIL_1]');
    await proxy.audit.flush();
    const logged = JSON.stringify(audit.records);
    expect(logged).not.toContain('jane.doe@example.com');
    expect(logged).not.toContain('7946');
  });
});

describe('knowledge/documents (post-resolution learning) and record lookup', () => {
  const summary = {
    id: 'servicenow:case-summary:INC0010042', platform: 'servicenow', kind: 'CASE_SUMMARY', number: 'INC0010042', title: 'Badge reader at the lobby rejects badges',
    url: 'https://example.service-now.com/incident.do?sys_id=abc', updatedAt: '2026-12-02T10:00:00Z', tags: ['facilities'],
    body: 'Resolved: the lobby badge reader lost its controller link; power-cycling the reader controller restored badge access. Reported by jane.doe@example.com. Incident INC0010042.',
  };

  it('stores a case summary masked, and it becomes citable', async () => {
    await start();
    const put = await post(url, '/v1/knowledge/documents', ask({ documents: [summary] }));
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ added: 1, updated: 0, unchanged: 0 });
    expect(JSON.stringify([...index.docs.values()])).not.toContain('jane.doe@example.com');
    const res = await post(url, '/v1/knowledge/answer', ask({ question: 'lobby badge reader rejects badges' }));
    expect(res.json.citations[0]).toMatchObject({ kind: 'CASE_SUMMARY', number: 'INC0010042' });
  });

  it('an incident id alone is looked up among the stored case summaries; an unknown one is 404 with the fix', async () => {
    await start();
    await post(url, '/v1/knowledge/documents', ask({ documents: [summary] }));
    const known = await post(url, '/v1/knowledge/answer', ask({ incidentId: 'INC0010042' }));
    expect(known.status).toBe(200);
    // Its own summary is not the answer to itself.
    expect(known.json.citations.every((c: { docId: string }) => c.docId !== summary.id)).toBe(true);
    const unknown = await post(url, '/v1/knowledge/answer', ask({ caseId: '500000000000999AAA' }));
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.problems[0]).toMatchObject({ field: 'caseId' });
    expect(unknown.json.error.problems[0].fix).toContain('subject');
  });

  it('rejects articles: those come from ingestion, not from a platform call', async () => {
    await start();
    const res = await post(url, '/v1/knowledge/documents', ask({ documents: [{ ...summary, kind: 'ARTICLE' }] }));
    expect(res.status).toBe(400);
    expect(res.json.error.problems[0].field).toContain('kind');
  });
});

describe('knowledge/search', () => {
  it('returns passages with their relevance and how they were found', async () => {
    await start();
    const res = await post(url, '/v1/knowledge/search', ask({ question: 'card declined' }));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ mode: 'lexical', vectors: false });
    expect(res.json.passages[0]).toMatchObject({ number: '000001001', relevance: 1 });
  });
});

describe('knowledge with the local embedding model (SEAM_KNOWLEDGE_EMBEDDER=use-lite)', () => {
  it('opens the on-disk index with vectors from the shipped model: hybrid search, vectors cached on disk', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seam-use-'));
    const cache = path.join(dir, 'vectors.sqlite');
    try {
      proxy = createProxyServer(testConfig({ SEAM_KNOWLEDGE_PATH: path.join(dir, 'k.sqlite'), SEAM_KNOWLEDGE_EMBEDDER: 'use-lite', SEAM_KNOWLEDGE_EMBEDDINGS_CACHE: cache }), { triageModel: smallModel(), audit: new MemoryAuditLog(), llmDeps: { sleep: async () => undefined } });
      ({ url } = await proxy.listen(0, '127.0.0.1'));
      const summary = {
        id: 'servicenow:case-summary:INC0010077', platform: 'servicenow', kind: 'CASE_SUMMARY', number: 'INC0010077', title: 'Laptop will not join the office Wi-Fi',
        url: 'https://example.service-now.com/incident.do?sys_id=def', updatedAt: '2026-12-02T10:00:00Z', body: 'Resolved: the laptop had an expired machine certificate; renewing it let the device connect to the corporate wireless network again.',
      };
      expect((await post(url, '/v1/knowledge/documents', ask({ documents: [summary] }))).status).toBe(200);
      const res = await post(url, '/v1/knowledge/search', ask({ question: 'my notebook cannot connect to the wireless network' }));
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ mode: 'hybrid', vectors: true });
      expect(res.json.passages[0]).toMatchObject({ number: 'INC0010077' });
      expect(fs.existsSync(cache)).toBe(true);
    } finally {
      await proxy.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the conflict when both an endpoint and the local model are chosen', async () => {
    expect(() => testConfig({ SEAM_KNOWLEDGE_EMBEDDER: 'use-lite', SEAM_KNOWLEDGE_EMBEDDINGS_URL: 'http://127.0.0.1:9/v1', SEAM_KNOWLEDGE_EMBEDDINGS_MODEL: 'm', SEAM_KNOWLEDGE_EMBEDDINGS_DIMENSIONS: '8' })).toThrow(/SEAM_KNOWLEDGE_EMBEDDINGS_URL/);
    expect(() => testConfig({ SEAM_KNOWLEDGE_EMBEDDER: 'bert' })).toThrow(/SEAM_KNOWLEDGE_EMBEDDER/);
  });
});

describe('knowledge endpoints: bad input and configuration', () => {
  it('503 names the variable when the knowledge backend is off', async () => {
    await start({ SEAM_KNOWLEDGE_BACKEND: 'off' }, false);
    const res = await post(url, '/v1/knowledge/answer', ask({ question: 'VPN' }));
    expect(res.status).toBe(503);
    expect(res.json.error.problems[0]).toMatchObject({ field: 'SEAM_KNOWLEDGE_BACKEND' });
  });

  it('a blank question is 400 naming the field; a missing one too', async () => {
    await start();
    const blank = await post(url, '/v1/knowledge/answer', ask({ question: '   ' }));
    expect(blank.status).toBe(400);
    expect(blank.json.error.problems[0]).toMatchObject({ field: 'question', problem: 'is blank' });
    const none = await post(url, '/v1/knowledge/answer', ask({}));
    expect(none.status).toBe(400);
    expect(none.json.error.problems[0].fix).toContain('caseId');
  });

  it('a bad k or platform is 400 naming it', async () => {
    await start();
    const res = await post(url, '/v1/knowledge/answer', ask({ question: 'VPN', k: 50, platforms: ['jira'] }));
    expect(res.status).toBe(400);
    expect(res.json.error.problems.map((p: { field: string }) => p.field).sort()).toEqual(['k', 'platforms[0]']);
  });
});

describe('knowledge/gaps', () => {
  it('groups the questions that got no confident answer into gaps, each with a draft for review', async () => {
    await start();
    for (const question of ['Badge reader at the lobby rejects my badge', 'lobby badge reader does not accept badge', 'The badge reader in the lobby blinks red at my badge', 'VPN error 809 from home']) {
      await post(url, '/v1/knowledge/answer', ask({ question }));
    }
    const res = await post(url, '/v1/knowledge/gaps', ask({}));
    expect(res.status).toBe(200);
    expect(res.json.gaps).toHaveLength(1);
    expect(res.json.gaps[0].members).toHaveLength(3);
    expect(res.json.gaps[0].terms).toEqual(expect.arrayContaining(['badge', 'reader', 'lobby']));
    expect(res.json.gaps[0].draft.shortDescription).toMatch(/^Knowledge gap: /);
    expect(res.json.gaps[0].draft.text).toContain('A person writes, reviews and publishes');
  });

  it('survives a proxy restart: the unanswered questions are kept (masked) in the on-disk index', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seam-gaps-'));
    const env = { SEAM_KNOWLEDGE_PATH: path.join(dir, 'k.sqlite') };
    try {
      const open = async (): Promise<void> => {
        proxy = createProxyServer(testConfig(env), { triageModel: smallModel(), audit: new MemoryAuditLog(), llmDeps: { sleep: async () => undefined } });
        ({ url } = await proxy.listen(0, '127.0.0.1'));
      };
      await open();
      const questions = ['Badge reader at the lobby rejects my badge, call me at +1 415 555 0100', 'lobby badge reader does not accept badge', 'The badge reader in the lobby blinks red at my badge'];
      for (const question of questions) expect((await post(url, '/v1/knowledge/answer', ask({ question }))).json.noConfidentAnswer).toBe(true);
      await proxy.close();
      await open();
      const res = await post(url, '/v1/knowledge/gaps', ask({}));
      expect(res.status).toBe(200);
      expect(res.json.gaps).toHaveLength(1);
      expect(res.json.gaps[0].members).toHaveLength(3);
      expect(res.json.gaps[0].terms).toEqual(expect.arrayContaining(['badge', 'reader', 'lobby']));
      await proxy.close();
      // Masked on disk: the phone number is not in the file (nor its WAL).
      const raw = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1')).join('');
      expect(raw).toContain('lobby');
      expect(raw).not.toContain('555 0100');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
