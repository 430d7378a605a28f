// Case files go through the package's outbox (kind attachment), as SeamOutbox.enqueueFiles and
// SeamOutboxDispatcher.sendFiles do: the row references the ContentVersion, the bytes are read at
// send time, a failed send is retried with the case messages' backoff, a rejected file is a dead
// letter, a replay sends it again, and a file's outcome never touches the Case's sync status.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_BATCH_SIZE, MAX_ATTEMPTS, backoffMinutes, type SalesforceTwin } from './index.js';
import { client, q, startTwin, type Client } from './helpers';

let clock = Date.parse('2026-11-23T12:00:00Z');
let twin: SalesforceTwin;
let c: Client;
let linkedCase: string;

beforeAll(async () => {
  twin = await startTwin({ now: () => clock });
  c = await client(twin);
  linkedCase = (await c.call('POST', '/sobjects/Case', { Subject: 'Linked' })).body.id;
  await c.call('PATCH', `/sobjects/Case/${linkedCase}`, { Seam_Incident_Sys_Id__c: 'a'.repeat(32) });
  while ((await twin.dispatchOutbox(async (req) => ({ status: 200, body: { results: req.messages.map((m) => ({ messageId: m.messageId, status: 'duplicate' })) } }))).attempted > 0);
});
afterAll(() => twin.close());

const fileRows = async () => (await c.call('GET', q(`SELECT Id, Status__c, Attempts__c, Next_Attempt_At__c, Last_Error__c, Payload__c, Message_Id__c FROM Seam_Outbox__c WHERE Case__c = '${linkedCase}' AND Kind__c = 'attachment' ORDER BY Name`))).body.records;
const addFile = async (name: string, text: string) => (await c.call('POST', '/sobjects/ContentVersion', { Title: name, PathOnClient: name, VersionData: Buffer.from(text).toString('base64'), FirstPublishLocationId: linkedCase })).body.id as string;
/** Plays ServiceNow's POST /v1/attachments: answers the one file with `status`, and records it. */
const attachments = (status: string, seen: any[] = []) => async (req: { messages: any[] }) => {
  seen.push(...req.messages);
  return { status: 200, body: { results: req.messages.map((m) => ({ messageId: m.messageId, status })) } };
};
const drainFiles = async () => { while ((await twin.dispatchFiles(attachments('duplicate'))).attempted > 0); };

describe('Case files through the outbox', () => {
  it('queues a reference to the version, not the bytes, and reads the bytes at send time', async () => {
    await drainFiles();
    const id = await addFile('trace.log', 'disk full');
    const [row] = await fileRows();
    expect(row).toMatchObject({ Status__c: 'Pending', Attempts__c: 0 });
    expect(JSON.parse(row.Payload__c)).toEqual({ contentVersionId: id, caseId: linkedCase });
    const seen: any[] = [];
    expect(await twin.dispatchFiles(attachments('created', seen))).toEqual({ attempted: 1, sent: 1, retried: 0, deadLettered: 0, died: 0 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ messageId: row.Message_Id__c, caseId: linkedCase, contentVersionId: id, fileName: 'trace.log',
      versionData: Buffer.from('disk full').toString('base64'), sha256: createHash('sha256').update('disk full').digest('hex'), origin: 'salesforce' });
    expect((await fileRows())[0]).toMatchObject({ Status__c: 'Sent', Attempts__c: 1 });
  });

  it('retries a failed send with backoff (not just an audit row), then sends it once ServiceNow answers', async () => {
    await drainFiles();
    await addFile('retry.log', 'x');
    const before = (await c.call('GET', `/sobjects/Case/${linkedCase}`)).body.Seam_Sync_Status__c;
    expect(await twin.dispatchFiles(async () => ({ status: 503, body: 'unavailable' }))).toMatchObject({ attempted: 1, retried: 1 });
    let row = (await fileRows()).at(-1);
    expect(row).toMatchObject({ Status__c: 'Retrying', Attempts__c: 1, Last_Error__c: 'ServiceNow answered HTTP 503; will retry' });
    expect(Date.parse(row.Next_Attempt_At__c.replace('+0000', 'Z'))).toBe(clock + backoffMinutes(1) * 60_000);
    // Not due yet: nothing is sent before the backoff has passed.
    const seen: any[] = [];
    expect((await twin.dispatchFiles(attachments('created', seen))).attempted).toBe(0);
    clock += backoffMinutes(1) * 60_000;
    expect(await twin.dispatchFiles(attachments('created', seen))).toMatchObject({ attempted: 1, sent: 1 });
    expect(seen.map((m) => m.fileName)).toEqual(['retry.log']);
    row = (await fileRows()).at(-1);
    expect(row).toMatchObject({ Status__c: 'Sent', Attempts__c: 2, Last_Error__c: null });
    expect((await c.call('GET', `/sobjects/Case/${linkedCase}`)).body.Seam_Sync_Status__c).toBe(before);
  });

  it('dead-letters a rejected file and one that keeps failing; a replay sends it again', async () => {
    await drainFiles();
    await addFile('bad.log', 'y');
    expect(await twin.dispatchFiles(attachments('rejected'))).toMatchObject({ deadLettered: 1 });
    expect((await fileRows()).at(-1)).toMatchObject({ Status__c: 'Dead_Letter', Attempts__c: 1 });

    await addFile('down.log', 'z');
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await twin.dispatchFiles(async () => { throw new Error('connect ECONNREFUSED'); })).toMatchObject({ retried: 1 });
      clock += backoffMinutes(attempt) * 60_000;
    }
    expect(await twin.dispatchFiles(async () => ({ status: 502, body: '' }))).toMatchObject({ deadLettered: 1 });
    const dead = (await fileRows()).at(-1);
    expect(dead).toMatchObject({ Status__c: 'Dead_Letter', Attempts__c: MAX_ATTEMPTS });
    expect(dead.Last_Error__c).toContain(`(gave up after ${MAX_ATTEMPTS} attempts)`);

    expect((await c.call('PATCH', `/sobjects/Seam_Outbox__c/${dead.Id}`, { Status__c: 'Pending', Next_Attempt_At__c: null })).status).toBe(204);
    const seen: any[] = [];
    expect(await twin.dispatchFiles(attachments('created', seen))).toMatchObject({ sent: 1 });
    expect(seen.map((m) => m.fileName)).toEqual(['down.log']);
  });

  it('dead-letters a file deleted before it was sent, and sends at most FILE_BATCH_SIZE files per run', async () => {
    await drainFiles();
    for (let i = 0; i <= FILE_BATCH_SIZE; i++) await addFile(`f${i}.txt`, `file ${i}`);
    expect((await twin.dispatchFiles(attachments('created'))).attempted).toBe(FILE_BATCH_SIZE);
    expect((await twin.dispatchFiles(attachments('created'))).attempted).toBe(1);

    const gone = await addFile('gone.txt', 'bye');
    // On the platform deleting the ContentDocument deletes its versions; the twin does not cascade,
    // so the version itself is removed here.
    expect((await c.call('DELETE', `/sobjects/ContentVersion/${gone}`)).status).toBe(204);
    expect(await twin.dispatchFiles(attachments('created'))).toMatchObject({ deadLettered: 1 });
    expect((await fileRows()).at(-1).Last_Error__c).toContain('was deleted before it was sent');
  });
});
