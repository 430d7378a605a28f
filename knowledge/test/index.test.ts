import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LsaEmbedder, openKnowledgeIndex, type KnowledgeDoc, type KnowledgeIndex } from '../src/index.js';

const doc = (n: number, title: string, body: string, platform: 'servicenow' | 'salesforce' = n % 2 ? 'servicenow' : 'salesforce'): KnowledgeDoc => ({
  id: `${platform}:id${n}`,
  platform,
  kind: 'ARTICLE',
  number: platform === 'servicenow' ? `KB00${10000 + n}` : `0000${1000 + n}`,
  title,
  url: `https://example.test/kb/${n}`,
  body,
  updatedAt: '2026-01-01T00:00:00Z',
});

export const CORPUS: KnowledgeDoc[] = [
  doc(1, 'Reset your VPN password', '<h2>Symptoms</h2><p>The VPN client says the password expired.</p><h2>Resolution</h2><p>Open the self-service portal and choose Reset password, then reconnect the VPN.</p>'),
  doc(2, 'Printer shows offline', '# Symptoms\nThe office printer shows offline on Windows.\n# Fix\nRemove the printer queue and add it again from the print server.'),
  doc(3, 'Outlook keeps asking for credentials', '<p>Clear the cached credentials in Credential Manager and restart Outlook.</p>'),
  doc(4, 'Refund for a duplicate card charge', '<h3>When</h3><p>A customer was charged twice for one purchase.</p><h3>Steps</h3><p>Open the payment, verify the duplicate and issue a refund of the second charge.</p>'),
  doc(5, 'Change the delivery address of an order', '<p>Before the order ships, edit the shipping address on the order page.</p>'),
  doc(6, 'Laptop battery drains quickly', '<p>Lower screen brightness, close background apps and update the BIOS.</p>'),
];

const tmp: string[] = [];
const open = async (embedder: LsaEmbedder | null = null): Promise<{ index: KnowledgeIndex; file: string }> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seam-knowledge-'));
  tmp.push(dir);
  const file = path.join(dir, 'k.sqlite');
  return { index: await openKnowledgeIndex({ path: file, embedder }), file };
};
afterEach(() => {
  for (const d of tmp.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('sqlite knowledge index', () => {
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
    expect(await index.stats()).toMatchObject({ docs: 6, vectors: false, backend: 'sqlite' });
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

  it('rejects a bad document naming the field', async () => {
    const { index } = await open();
    await expect(index.upsert([{ ...CORPUS[0], id: 'id1' }])).rejects.toThrow(/docs\[0\].*\.id: must be "servicenow:/);
    await expect(index.upsert([{ ...CORPUS[0], platform: 'jira' as never }])).rejects.toThrow(/platform: "jira"/);
    expect((await index.stats()).docs).toBe(0);
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
