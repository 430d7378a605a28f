import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LsaEmbedder, openKnowledgeIndex, RELEVANCE_THRESHOLDS, type KnowledgeIndex } from '../src/index.js';
import { CORPUS, doc } from './fixtures.js';
import { startPostgres, type TestPostgres } from './helpers/postgres.js';

const tmp: string[] = [];
let server: TestPostgres | null = null;
let dbs = 0;

type Backend = 'sqlite' | 'postgres';

/** A fresh, empty index on the backend: a temp SQLite file, or a new database on the test server. */
async function openOn(backend: Backend, embedder: LsaEmbedder | null = null): Promise<{ index: KnowledgeIndex; file: string }> {
  if (backend === 'postgres') {
    if (!server) throw new Error('the PostgreSQL test server did not start (see the error of beforeAll)');
    const name = `k${++dbs}`;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return { index: await openKnowledgeIndex({ backend, postgresUrl: server.url.replace(/\/postgres$/, `/${name}`), embedder }), file: '' };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seam-knowledge-'));
  tmp.push(dir);
  const file = path.join(dir, 'k.sqlite');
  return { index: await openKnowledgeIndex({ path: file, embedder }), file };
}
afterEach(() => {
  for (const d of tmp.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
beforeAll(async () => {
  server = await startPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe.each<Backend>(['sqlite', 'postgres'])('%s knowledge index', (backend) => {
  const open = (embedder: LsaEmbedder | null = null) => openOn(backend, embedder);
  it('finds an article lexically and says vectors are off without an embedder', async () => {
    const { index } = await open();
    expect(await index.upsert(CORPUS)).toEqual({ added: 6, updated: 0, unchanged: 0 });
    const r = await index.search('my vpn password expired', { k: 3, mode: 'hybrid' });
    expect(r.mode).toBe('lexical');
    expect(r.vectors).toBe(false);
    expect(r.passages[0].number).toBe('KB0010001');
    expect(r.passages[0].title).toBe('Reset your VPN password');
    expect(r.passages[0].lexicalRank).toBe(1);
    expect(r.passages[0].relevance).toBeGreaterThan(0.5);
    expect(await index.stats()).toMatchObject({ docs: 6, vectors: false, backend });
    await index.close();
  });

  it('keeps unanswered questions (masked), one per id, newest last, at most max', async () => {
    const { index } = await open();
    await index.recordGap!({ id: 'q1', platform: 'servicenow', number: 'INC0010001', text: 'badge reader broken, mail jane.doe@example.com' });
    await index.recordGap!({ id: 'q2', platform: 'salesforce', number: '500A', text: 'lobby badge rejected' });
    await index.recordGap!({ id: 'q1', platform: 'servicenow', number: 'INC0010001', text: 'badge reader still broken' });
    expect(await index.gapRecords!()).toEqual([
      { id: 'q2', platform: 'salesforce', number: '500A', text: 'lobby badge rejected' },
      { id: 'q1', platform: 'servicenow', number: 'INC0010001', text: 'badge reader still broken' },
    ]);
    await index.recordGap!({ id: 'q3', platform: 'servicenow', number: 'question', text: 'call +1 415 555 0100 about the badge' }, 2);
    const kept = await index.gapRecords!();
    expect(kept.map((g) => g.id)).toEqual(['q1', 'q3']);
    expect(kept[1].text).not.toContain('555 0100');
    await index.forgetGap!('q1');
    expect((await index.gapRecords!()).map((g) => g.id)).toEqual(['q3']);
    await expect(index.recordGap!({ id: 'q4', platform: 'jira' as 'servicenow', number: 'x', text: 'y' })).rejects.toThrow(/platform/);
    await index.close();
  });

  it('keeps the heading with each passage', async () => {
    const { index } = await open();
    await index.upsert(CORPUS);
    const r = await index.search('self-service portal reset', { k: 5 });
    const hit = r.passages.find((p) => p.docId === 'servicenow:id1');
    expect(hit?.heading).toBe('Resolution');
    expect(hit?.text).toContain('self-service portal');
    await index.close();
  });

  it('upserts idempotently: unchanged skipped, a changed article replaced', async () => {
    const { index } = await open();
    await index.upsert(CORPUS);
    expect(await index.upsert(CORPUS)).toEqual({ added: 0, updated: 0, unchanged: 6 });
    const changed = { ...CORPUS[1], body: 'Power-cycle the printer and check the toner cartridge.' };
    expect(await index.upsert([changed])).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect((await index.search('print server queue')).passages.some((p) => p.docId === changed.id)).toBe(false);
    expect((await index.search('toner cartridge')).passages[0].docId).toBe(changed.id);
    await index.close();
  });

  it('remove deletes the article and its passages', async () => {
    const { index } = await open();
    await index.upsert(CORPUS);
    const before = await index.stats();
    expect(await index.remove(['servicenow:id1', 'servicenow:missing'])).toBe(1);
    const after = await index.stats();
    expect(after.docs).toBe(before.docs - 1);
    expect(after.chunks).toBeLessThan(before.chunks);
    expect((await index.search('vpn password')).passages.some((p) => p.docId === 'servicenow:id1')).toBe(false);
    await index.close();
  });

  it('filters by platform', async () => {
    const { index } = await open();
    await index.upsert(CORPUS);
    const r = await index.search('refund charge printer vpn address', { k: 10, platforms: ['salesforce'] });
    expect(r.passages.length).toBeGreaterThan(0);
    expect(r.passages.every((p) => p.platform === 'salesforce')).toBe(true);
    await index.close();
  });

  it('an unknown question has low relevance', async () => {
    const { index } = await open();
    await index.upsert(CORPUS);
    const r = await index.search('how do quasars emit radio waves');
    expect(r.passages.every((p) => (p.relevance ?? 0) < 0.5)).toBe(true);
    await index.close();
  });

  it('stores no PII: masked before anything is written', async () => {
    const { index, file } = await open();
    const pii = ['ops.lead@example.org', '+1 415 555 0142', '4111111111111111'];
    await index.upsert([{ ...CORPUS[0], title: `VPN help from ${pii[0]}`, body: `<p>Call ${pii[1]}; card ${pii[2]} was pasted.</p>`, tags: [pii[0]] }]);
    let stored: string;
    if (backend === 'sqlite') {
      await index.close();
      stored = fs.readdirSync(path.dirname(file)).map((f) => fs.readFileSync(path.join(path.dirname(file), f)).toString('latin1')).join('\n');
    } else {
      const c = new pg.Client({ connectionString: server!.url.replace(/\/postgres$/, `/k${dbs}`) });
      await c.connect();
      const r = await c.query("SELECT (SELECT string_agg(d::text, ' ') FROM knowledge_docs d) || (SELECT string_agg(c::text, ' ') FROM knowledge_chunks c) AS all");
      await c.end();
      await index.close();
      stored = String(r.rows[0].all);
    }
    expect(stored).toContain('[EMAIL_1]');
    for (const v of pii) expect(stored.includes(v), v).toBe(false);
  });

  it('rejects a bad document naming the field', async () => {
    const { index } = await open();
    await expect(index.upsert([{ ...CORPUS[0], id: 'id1' }])).rejects.toThrow(/docs\[0\].*\.id: must be "servicenow:/);
    await expect(index.upsert([{ ...CORPUS[0], platform: 'jira' as never }])).rejects.toThrow(/platform: "jira"/);
    expect((await index.stats()).docs).toBe(0);
    await index.close();
  });

  it('a retired article\'s question is no confident answer: the articles left on the topic do not stand out', async () => {
    const { index } = await open();
    await index.upsert([
      ...CORPUS,
      doc(7, 'VPN client disconnects every hour', '<p>The VPN client drops the tunnel every hour. Update the VPN client and disable power saving.</p>'),
      doc(8, 'Install the VPN client on a new laptop', '<p>Download the VPN client from the software centre and sign in.</p>'),
    ]);
    const q = 'my vpn password expired';
    const present = (await index.search(q, { k: 3 })).passages[0];
    expect(present.number).toBe('KB0010001');
    expect(present.relevance).toBeGreaterThanOrEqual(RELEVANCE_THRESHOLDS.lexical);
    await index.remove(['servicenow:id1']);
    const gone = (await index.search(q, { k: 3 })).passages;
    // Two articles share "vpn" with the question; neither covers it or leads: both below the floor.
    expect(gone.length).toBeGreaterThan(0);
    expect(Math.max(...gone.map((p) => p.relevance ?? 0))).toBeLessThan(RELEVANCE_THRESHOLDS.lexical);
    await index.close();
  });

  it('runs hybrid with a local embedder, fusing both lists', async () => {
    const texts = CORPUS.map((d) => `${d.title}\n${d.body}`);
    const embedder = LsaEmbedder.fit(texts, { dimensions: 4, minDf: 1 });
    const { index } = await open(embedder);
    await index.upsert(CORPUS);
    const r = await index.search('refund a duplicate charge', { k: 3 });
    expect(r).toMatchObject({ mode: 'hybrid', vectors: true });
    expect(r.passages[0].docId).toBe('salesforce:id4');
    expect(r.passages[0].vectorRank).toBeDefined();
    expect(r.passages[0].lexicalRank).toBeDefined();
    const v = await index.search('refund a duplicate charge', { k: 3, mode: 'vector' });
    expect(v.mode).toBe('vector');
    expect(v.passages.every((p) => p.lexicalRank === undefined && p.vectorRank !== undefined)).toBe(true);
    await index.close();
  });
});
