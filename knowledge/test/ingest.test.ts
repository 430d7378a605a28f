import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openKnowledgeIndex, type Embedder, type KnowledgeIndex } from '../src/index.js';
import { ingest, readCheckpoint } from '../src/ingest/run.js';
import { fakeSalesforce, fakeServiceNow, type Fake, type SfRow, type SnRow } from './helpers/fakes.js';

const sn = (i: number, state: SnRow['workflow_state'], on: string, text = `Steps for problem ${i}: restart the service number ${i}.`): SnRow => ({
  sys_id: `a${String(i).padStart(31, '0')}`,
  number: `KB00${10000 + i}`,
  short_description: `Fix problem ${i} on the VPN gateway`,
  text: `<h2>Resolution</h2><p>${text}</p>`,
  workflow_state: state,
  sys_updated_on: on,
});
const sf = (i: number, status: SfRow['PublishStatus'], on: string, answer = `Refund steps for order issue voucher${i}.`): SfRow => ({
  Id: `ka0${String(i).padStart(15, '0')}`,
  KnowledgeArticleId: `kA0${String(i).padStart(15, '0')}`,
  ArticleNumber: String(1000 + i).padStart(9, '0'),
  Title: `Customer refund question ${i}`,
  Summary: 'Billing',
  Answer__c: `<p>${answer}</p>`,
  PublishStatus: status,
  IsLatestVersion: true,
  LastModifiedDate: on,
});

/** Counts what is embedded, to prove a changed article is embedded once and an unchanged one never. */
class CountingEmbedder implements Embedder {
  readonly model = 'counting';
  readonly dimensions = 3;
  texts = 0;
  async embed(texts: string[]): Promise<number[][]> {
    this.texts += texts.length;
    return texts.map((t) => [t.length % 7, (t.length % 5) + 1, 1]);
  }
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function setup(snRows: SnRow[], sfRows: SfRow[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seam-ingest-'));
  const servicenow: Fake<SnRow> = await fakeServiceNow(snRows);
  const salesforce: Fake<SfRow> = await fakeSalesforce(sfRows);
  const embedder = new CountingEmbedder();
  const index: KnowledgeIndex = await openKnowledgeIndex({ path: path.join(dir, 'k.sqlite'), embedder });
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }), () => servicenow.close(), () => salesforce.close(), () => index.close());
  const checkpointFile = path.join(dir, 'checkpoint.json');
  const run = (extra: Partial<Parameters<typeof ingest>[0]> = {}) =>
    ingest({
      index,
      checkpointFile,
      servicenow: { url: servicenow.url, authorization: 'Basic eDp5', pageSize: 2 },
      salesforce: { url: salesforce.url, authorization: 'Bearer t', pageSize: 2 },
      ...extra,
    });
  return { servicenow, salesforce, index, embedder, checkpointFile, run };
}

describe('ingestion', () => {
  it('indexes published and online articles from both bases, and skips drafts', async () => {
    const s = await setup(
      [sn(1, 'published', '2026-01-01 10:00:00'), sn(2, 'published', '2026-01-01 10:00:00'), sn(3, 'draft', '2026-01-01 10:00:00'), sn(4, 'published', '2026-01-02 09:00:00')],
      [sf(1, 'Online', '2026-01-01T10:00:00Z'), sf(2, 'Draft', '2026-01-01T11:00:00Z'), sf(3, 'Online', '2026-01-01T12:00:00Z')],
    );
    const r = await s.run();
    expect(r.servicenow).toMatchObject({ added: 3, removed: 0 });
    expect(r.salesforce).toMatchObject({ added: 2, removed: 0 });
    expect((await s.index.stats()).docs).toBe(5);
    const hit = (await s.index.search('refund voucher3')).passages[0];
    expect(hit).toMatchObject({ platform: 'salesforce', number: '000001003', docId: 'salesforce:kA0000000000000003' });
    expect(hit.url).toBe(`${s.salesforce.url}/lightning/r/Knowledge__kav/ka0000000000000003/view`);
    const snHit = (await s.index.search('KB0010004 vpn gateway')).passages[0];
    expect(snHit).toMatchObject({ platform: 'servicenow', number: 'KB0010004', url: `${s.servicenow.url}/kb_view.do?sysparm_article=KB0010004` });
    // The ServiceNow query reads every state (so retirements are seen), in cursor order.
    expect(s.servicenow.requests[0]).toContain('sysparm_query=sys_updated_on>=1970-01-01 00:00:00^ORDERBYsys_updated_on^ORDERBYsys_id');
  });

  it('a retired or archived article is removed and no longer found', async () => {
    const s = await setup([sn(1, 'published', '2026-01-01 10:00:00'), sn(2, 'published', '2026-01-01 11:00:00')], [sf(1, 'Online', '2026-01-01T10:00:00Z')]);
    await s.run();
    expect((await s.index.search('problem 1 vpn gateway')).passages.some((p) => p.number === 'KB0010001')).toBe(true);
    s.servicenow.rows[0] = sn(1, 'retired', '2026-01-03 08:00:00');
    s.salesforce.rows[0] = sf(1, 'Archived', '2026-01-03T08:00:00Z');
    const r = await s.run();
    expect(r.servicenow).toMatchObject({ removed: 1 });
    expect(r.salesforce).toMatchObject({ removed: 1 });
    expect((await s.index.search('problem 1 vpn gateway')).passages.some((p) => p.number === 'KB0010001')).toBe(false);
    expect((await s.index.search('refund voucher1')).passages.some((p) => p.platform === 'salesforce')).toBe(false);
    expect((await s.index.stats()).docs).toBe(1);
  });

  it('an online article with a newer draft stays; an old archived version does not remove an online article', async () => {
    const online = { ...sf(5, 'Online', '2026-01-01T10:00:00Z'), IsLatestVersion: false };
    const draft = { ...sf(5, 'Draft', '2026-01-02T10:00:00Z', 'work in progress'), Id: 'ka0000000000000905' };
    const oldArchived = { ...sf(6, 'Archived', '2026-01-01T09:00:00Z'), Id: 'ka0000000000000906', IsLatestVersion: false };
    const s = await setup([], [online, draft, oldArchived, sf(6, 'Online', '2026-01-01T11:00:00Z')]);
    const r = await s.run({ servicenow: undefined });
    expect(r.salesforce).toMatchObject({ added: 2, removed: 0 });
    expect((await s.index.stats()).docs).toBe(2);
    expect((await s.index.search('refund voucher5')).passages[0].docId).toBe('salesforce:kA0000000000000005');
  });

  it('a changed article is re-indexed (and re-embedded) once; the next run changes nothing', async () => {
    const s = await setup([sn(1, 'published', '2026-01-01 10:00:00'), sn(2, 'published', '2026-01-01 11:00:00')], []);
    await s.run();
    const embeddedBefore = s.embedder.texts;
    s.servicenow.rows[1] = sn(2, 'published', '2026-01-04 10:00:00', 'Reinstall the certificate bundle from the portal.');
    const r = await s.run();
    expect(r.servicenow).toMatchObject({ fetched: 1, added: 0, updated: 1, unchanged: 0 });
    expect(s.embedder.texts - embeddedBefore).toBe(1);
    const afterChange = s.embedder.texts;
    const again = await s.run();
    expect(again.servicenow).toMatchObject({ updated: 0, added: 0 });
    expect(s.embedder.texts).toBe(afterChange);
    expect((await s.index.search('certificate bundle')).passages[0].number).toBe('KB0010002');
  });

  it('an article changed again within the checkpoint\'s second is re-indexed by the next run (both bases)', async () => {
    // Timestamps have one-second precision: run 1 ends with its cursor at 10:00:00, then article 1
    // is edited again within that same second. The next run must not skip it as "already taken".
    const s = await setup(
      [sn(1, 'published', '2026-01-01 10:00:00', 'Old text: reboot the router.'), sn(2, 'published', '2026-01-01 10:00:00')],
      [sf(1, 'Online', '2026-01-01T10:00:00Z', 'Old text: resend the invoice.'), sf(2, 'Online', '2026-01-01T10:00:00Z')],
    );
    await s.run();
    s.servicenow.rows[0] = sn(1, 'published', '2026-01-01 10:00:00', 'New text: rotate the quartzite token.');
    s.salesforce.rows[0] = sf(1, 'Online', '2026-01-01T10:00:00Z', 'New text: reissue the obsidian coupon.');
    const r = await s.run();
    expect(r.servicenow).toMatchObject({ updated: 1, added: 0 });
    expect(r.salesforce).toMatchObject({ updated: 1, added: 0 });
    expect((await s.index.search('quartzite token')).passages[0]?.number).toBe('KB0010001');
    expect((await s.index.search('obsidian coupon')).passages[0]?.docId).toBe('salesforce:kA0000000000000001');
    expect((await s.index.search('reboot the router')).passages.map((p) => p.text).join(' ')).not.toContain('Old text');
    // Re-reading the cursor's second is harmless: the content hash skips what did not change.
    const embedded = s.embedder.texts;
    const again = await s.run();
    expect(again.servicenow).toMatchObject({ added: 0, updated: 0 });
    expect(again.salesforce).toMatchObject({ added: 0, updated: 0 });
    expect(s.embedder.texts).toBe(embedded);
  });

  it('resumes from the checkpoint after a kill, without reading finished pages again', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => sn(i + 1, 'published', `2026-01-01 10:00:0${i < 3 ? 0 : i}`));
    const s = await setup(rows, []);
    // A kill after two pages: four articles are in, the cursor says where.
    const first = await s.run({ stopAfterPages: 2, salesforce: undefined });
    expect(first.stopped).toBe(true);
    expect((await s.index.stats()).docs).toBe(4);
    const cp = readCheckpoint(s.checkpointFile);
    expect(cp.servicenow).toEqual({ updatedOn: '2026-01-01 10:00:03', ids: [rows[3].sys_id] });
    // A crash of the server mid-run keeps the checkpoint of the last applied page.
    s.servicenow.failAt = s.servicenow.requests.length + 2;
    await expect(s.run({ salesforce: undefined })).rejects.toThrow(/HTTP 500/);
    const mid = readCheckpoint(s.checkpointFile).servicenow!;
    const before = s.servicenow.requests.length;
    const rest = await s.run({ salesforce: undefined });
    expect(rest.servicenow!.fetched).toBeLessThanOrEqual(3);
    expect(s.servicenow.requests[before]).toContain(`sys_updated_on>=${mid.updatedOn}`);
    expect((await s.index.stats()).docs).toBe(7);
    expect(s.embedder.texts).toBe(7);
  });

  it('a dry run reads and counts but writes neither index nor checkpoint', async () => {
    const s = await setup([sn(1, 'published', '2026-01-01 10:00:00'), sn(2, 'retired', '2026-01-01 11:00:00')], [sf(1, 'Online', '2026-01-01T10:00:00Z'), sf(2, 'Archived', '2026-01-02T10:00:00Z')]);
    const r = await s.run({ dryRun: true });
    expect(r.servicenow).toMatchObject({ wouldUpsert: 1, wouldRemove: 1 });
    expect(r.salesforce).toMatchObject({ wouldUpsert: 1, wouldRemove: 1 });
    expect((await s.index.stats()).docs).toBe(0);
    expect(fs.existsSync(s.checkpointFile)).toBe(false);
  });

  it('masks PII in ingested articles', async () => {
    const s = await setup([{ ...sn(1, 'published', '2026-01-01 10:00:00'), text: '<p>Ask jane.doe@example.com to restart the gateway.</p>' }], []);
    await s.run({ salesforce: undefined });
    const p = (await s.index.search('restart the gateway')).passages[0];
    expect(p.text).toContain('[EMAIL_1]');
    expect(p.text).not.toContain('jane.doe@example.com');
  });
});
