// Delivery poll, files: the poller records a Seam_File offer (no bytes in the page's transaction) and
// SeamFilePuller pulls the bytes in a job of its own, once, within the heap cap; an over-cap file is
// refused with its size and the fix and never blocks the next one.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ASYNC_HEAP_BYTES, HEAP_PER_PULLED_BYTE, MAX_ATTEMPTS, MAX_PULL_BYTES, backoffMinutes, type SalesforceTwin } from './index.js';
import { client, startTwin } from './helpers';

let clock = Date.parse('2026-12-03T12:00:00Z');
let twin: SalesforceTwin;
afterEach(() => twin?.close());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const offer = (caseId: string, sysAttachment: string, name: string, bytes: Buffer, declared = bytes.length) => ({
  attributes: { type: 'Seam_File', messageId: `m-${sysAttachment}`, idempotencyKey: `servicenow:${sysAttachment}:file:pull:1`, kind: 'file_offer' },
  Sys_Attachment: sysAttachment, File_Name: name, Content_Type: 'text/plain', Size_Bytes: declared, Sha256: sha(bytes), Case_Id: caseId,
  Description: `[Seam: from ServiceNow · sha256:${sha(bytes)}]`,
});

async function setUp(): Promise<string> {
  twin = await startTwin({ now: () => clock });
  const c = await client(twin);
  const id = (await c.call('POST', '/sobjects/Case', { Subject: 'Printer offline' })).body.id as string;
  twin.polling.configure({ enabled: true });
  return id;
}
/** ServiceNow's Attachment API as the integration user sees it: bytes by sys_id. */
const attachmentApi = (files: Record<string, Buffer>, asked: string[] = []) => async ({ sysAttachment }: { sysAttachment: string }) => {
  asked.push(sysAttachment);
  return files[sysAttachment] ? { status: 200, bytes: files[sysAttachment] } : { status: 404, body: '{"error":{"message":"Record doesn\'t exist or ACL restricts the record retrieval"}}' };
};
const page = (changes: unknown[], nextCursor = 'c1') => async () => ({ status: 200, body: { changes, nextCursor, hasMore: false } });
const versions = (caseId: string) => twin.store.all('ContentVersion').filter((v) => v.FirstPublishLocationId === caseId);
const pullRows = () => twin.store.all('Seam_Outbox__c').filter((r) => r.Kind__c === 'file_pull');

describe('SeamFilePuller (twin)', () => {
  it('the page records the file and fetches nothing; the puller inserts it once on the Case, tagged, and never queues it back to ServiceNow', async () => {
    const caseId = await setUp();
    const bytes = Buffer.from('printer log\n');
    const asked: string[] = [];
    const poll = await twin.pollChanges(page([offer(caseId, 'att1', 'printer.log', bytes)]));
    expect(poll).toMatchObject({ applied: 1 });
    expect(asked).toEqual([]); // no bytes in the page's transaction
    expect(pullRows()).toMatchObject([{ Status__c: 'Pending', Case__c: caseId, Message_Id__c: 'm-att1' }]);
    expect(versions(caseId)).toEqual([]);

    expect(await twin.pullFiles(attachmentApi({ att1: bytes }, asked))).toMatchObject({ created: 1, deadLettered: 0 });
    expect(asked).toEqual(['att1']);
    const [v] = versions(caseId);
    expect(v).toMatchObject({ PathOnClient: 'printer.log', Title: 'printer', Description: `[Seam: from ServiceNow · sha256:${sha(bytes)}]` });
    expect(Buffer.from(String(v.VersionData), 'base64').equals(bytes)).toBe(true);
    expect(pullRows()[0].Status__c).toBe('Sent');
    expect(twin.store.all('Seam_Audit__c').filter((a) => a.Message_Id__c === 'm-att1').map((a) => a.Result__c)).toEqual(['applied', 'created']);
    // Mirrored from ServiceNow: not queued to be sent back.
    expect(twin.store.all('Seam_Outbox__c').filter((r) => r.Kind__c === 'attachment')).toEqual([]);
    expect(await twin.pullFiles(attachmentApi({ att1: bytes }, asked))).toMatchObject({ attempted: 0 });
  });

  it('one file pulled once across a replayed page (same message id) and a second offer of the same content (sha256 on the Case)', async () => {
    const caseId = await setUp();
    const bytes = Buffer.from('same content');
    const asked: string[] = [];
    const first = offer(caseId, 'att1', 'a.txt', bytes);
    await twin.pollChanges(page([first]));
    twin.polling.configure({ cursor: '' }); // the page is read again (an acknowledgement lost)
    expect(await twin.pollChanges(page([first]))).toMatchObject({ applied: 0, duplicate: 1 });
    expect(pullRows()).toHaveLength(1);
    await twin.pullFiles(attachmentApi({ att1: bytes }, asked));
    // ServiceNow offers it again under a new key (poll → push → poll): recorded, but no bytes fetched.
    const again = { ...first, attributes: { ...first.attributes, messageId: 'm-att1-2', idempotencyKey: 'servicenow:att1:file:pull:2' } };
    await twin.pollChanges(page([again], 'c2'));
    expect(await twin.pullFiles(attachmentApi({ att1: bytes }, asked))).toMatchObject({ duplicate: 1, created: 0 });
    expect(asked).toEqual(['att1']);
    expect(versions(caseId)).toHaveLength(1);
  });

  it('an over-cap file is refused before any callout (dead letter naming its size and the fix), and the next file is still pulled', async () => {
    const caseId = await setUp();
    const big = Buffer.alloc(4_000_000, 7);
    const small = Buffer.from('small');
    const asked: string[] = [];
    await twin.pollChanges(page([offer(caseId, 'att-big', 'dump.bin', big), offer(caseId, 'att-small', 'note.txt', small)]));
    expect(await twin.pullFiles(attachmentApi({ 'att-big': big, 'att-small': small }, asked))).toMatchObject({ deadLettered: 1, created: 1 });
    expect(asked).toEqual(['att-small']);
    const [bigRow, smallRow] = pullRows();
    expect(bigRow.Status__c).toBe('Dead_Letter');
    expect(bigRow.Last_Error__c).toBe('File dump.bin is 4.0 MB, over the 3.0 MB Seam can pull into Apex (the 12 MB heap holds the file several times); attach it to the Case by hand (ServiceNow attachment att-big)');
    expect(smallRow.Status__c).toBe('Sent');
    expect(versions(caseId).map((v) => v.PathOnClient)).toEqual(['note.txt']);
    // Refused, not retried: a later run does not try it again.
    clock += 24 * 3600_000;
    expect(await twin.pullFiles(attachmentApi({ 'att-big': big }, asked))).toMatchObject({ attempted: 0 });
  });

  it('the heap is enforced at the pull: a file larger than it said kills its job (nothing saved), the next file goes, and it is dead-lettered after MAX_ATTEMPTS', async () => {
    expect(MAX_PULL_BYTES * HEAP_PER_PULLED_BYTE).toBeLessThan(ASYNC_HEAP_BYTES);
    const caseId = await setUp();
    const huge = Buffer.alloc(6_500_000, 1); // declared 1 KB
    const small = Buffer.from('next');
    await twin.pollChanges(page([offer(caseId, 'att-huge', 'core.dump', huge, 1000), offer(caseId, 'att-next', 'next.txt', small)]));
    const api = attachmentApi({ 'att-huge': huge, 'att-next': small });
    expect(await twin.pullFiles(api)).toMatchObject({ died: 1, created: 1 });
    expect(pullRows()[0]).toMatchObject({ Status__c: 'Sending', Attempts__c: 1 });
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      clock += backoffMinutes(attempt) * 60_000;
      expect((await twin.pullFiles(api)).died).toBe(1);
    }
    clock += backoffMinutes(MAX_ATTEMPTS) * 60_000;
    expect(await twin.pullFiles(api)).toMatchObject({ deadLettered: 1 });
    expect(pullRows()[0].Status__c).toBe('Dead_Letter');
    expect(pullRows()[0].Last_Error__c).toMatch(/^The file pull ended before it recorded an outcome .* 6 times; /);
    expect(versions(caseId).map((v) => v.PathOnClient)).toEqual(['next.txt']);
  });

  it('a 404 (deleted in ServiceNow, or no read on the incident) is a dead letter that says so; a 5xx is retried with backoff', async () => {
    const caseId = await setUp();
    const bytes = Buffer.from('x');
    await twin.pollChanges(page([offer(caseId, 'att-gone', 'gone.txt', bytes), offer(caseId, 'att-flaky', 'flaky.txt', bytes)]));
    let flaky = 0;
    const api = async ({ sysAttachment }: { sysAttachment: string }) => (sysAttachment === 'att-gone' ? { status: 404 } : ++flaky === 1 ? { status: 503 } : { status: 200, bytes });
    expect(await twin.pullFiles(api)).toMatchObject({ deadLettered: 1, retried: 1 });
    expect(pullRows()[0].Last_Error__c).toContain('the user lacks read on the incident');
    clock += backoffMinutes(1) * 60_000;
    expect(await twin.pullFiles(api)).toMatchObject({ created: 1 });
  });
});
