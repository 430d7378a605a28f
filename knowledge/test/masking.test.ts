import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LsaEmbedder, openKnowledgeIndex, type Embedder, type KnowledgeDoc } from '../src/index.js';

const PII = ['jane.doe@example.com', '+44 20 7946 0958', '4111 1111 1111 1111', 'GB82 WEST 1234 5698 7654 32', '203.0.113.77'];

const docs: KnowledgeDoc[] = [
  {
    id: 'servicenow:abc',
    platform: 'servicenow',
    kind: 'CASE_SUMMARY',
    number: 'INC0010001',
    title: 'Mailbox full for jane.doe@example.com',
    url: 'https://sn.example.test/incident.do?sys_id=abc',
    body: `<h2>Resolution</h2><p>Called ${PII[1]}, archived mail of ${PII[0]}. Card ${PII[2]} and IBAN ${PII[3]} were in a message; host ${PII[4]} was fine.</p>`,
    updatedAt: '2026-01-01T00:00:00Z',
    tags: ['mailbox', 'jane.doe@example.com'],
  },
];

/** Records what the index sends to the embedding model. */
class Spy implements Embedder {
  readonly model = 'spy';
  readonly dimensions = 4;
  readonly seen: string[] = [];
  constructor(private readonly inner: LsaEmbedder) {}
  async embed(texts: string[]): Promise<number[][]> {
    this.seen.push(...texts);
    return (await this.inner.embed(texts)).map((v) => [...v, 0, 0, 0, 0].slice(0, 4));
  }
}

describe('masking before indexing and embedding', () => {
  it('leaves no PII in the index file, nor in what the embedder is sent', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seam-knowledge-pii-'));
    const file = path.join(dir, 'k.sqlite');
    const spy = new Spy(LsaEmbedder.fit(['mailbox full archive mail', 'mailbox quota archive', 'printer offline queue'], { dimensions: 2, minDf: 1 }));
    const index = await openKnowledgeIndex({ path: file, embedder: spy });
    await index.upsert(docs);
    const r = await index.search('mailbox archived jane.doe@example.com');
    expect(r.passages[0].docId).toBe('servicenow:abc');
    expect(r.passages[0].text).toContain('[EMAIL_1]');
    expect(r.passages[0].title).toBe('Mailbox full for [EMAIL_1]');
    await index.close();
    // The file and its WAL, as raw bytes: no value may survive, in any spacing.
    const raw = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1')).join('\n');
    expect(spy.seen.length).toBeGreaterThan(0);
    for (const value of PII) {
      const compact = value.replace(/\s/g, '');
      expect(raw.includes(value), value).toBe(false);
      expect(raw.replace(/\s/g, '').includes(compact), compact).toBe(false);
      expect(spy.seen.join('\n').includes(value), value).toBe(false);
    }
    // Sanity: the test would see the value if it were stored.
    expect(raw.includes('archived mail')).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
