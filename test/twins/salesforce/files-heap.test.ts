// A large file must not block the outbox: the file step's 12 MB heap (the bytes, their base64 copy and
// the JSON body at once), a claim saved before the risky step, and no row starving the others.
import { afterEach, describe, expect, it } from 'vitest';
import { ASYNC_HEAP_BYTES, MAX_ATTEMPTS, MAX_INLINE_BYTES, backoffMinutes, type SalesforceTwin } from './index.js';
import { client, q, startTwin, type Client } from './helpers';

let clock = Date.parse('2026-11-23T12:00:00Z');
let twin: SalesforceTwin;
let c: Client;
let linkedCase: string;
afterEach(() => twin?.close());

async function setUp() {
  twin = await startTwin({ now: () => clock });
  c = await client(twin);
  linkedCase = (await c.call('POST', '/sobjects/Case', { Subject: 'Linked' })).body.id;
  await c.call('PATCH', `/sobjects/Case/${linkedCase}`, { Seam_Incident_Sys_Id__c: 'a'.repeat(32) });
}
const addFile = async (name: string, bytes: Buffer) => (await c.call('POST', '/sobjects/ContentVersion', {
  Title: name, PathOnClient: name, VersionData: bytes.toString('base64'), FirstPublishLocationId: linkedCase })).body.id as string;
const rows = async () => (await c.call('GET', q(`SELECT Id, Payload__c, Status__c, Attempts__c, Last_Error__c FROM Seam_Outbox__c WHERE Kind__c = 'attachment' ORDER BY Name`))).body.records;
const created = (seen: string[]) => async (req: { messages: any[] }) => {
  seen.push(...req.messages.map((m) => m.fileName));
  return { status: 200, body: { results: req.messages.map((m) => ({ messageId: m.messageId, status: 'created' })) } };
};

describe('the file step and the Apex heap', () => {
  it('the cap follows the heap arithmetic: bytes + base64 + JSON ≈ 3.7× the file within 12 MB', () => {
    expect(MAX_INLINE_BYTES * 3.7).toBeLessThan(ASYNC_HEAP_BYTES);
    expect(MAX_INLINE_BYTES).toBeGreaterThan(2_900_000);
  });

  it('a 4 MB file ahead of a small one is dead-lettered with the reason, never loaded, and the small one is sent', async () => {
    await setUp();
    await addFile('dump.bin', Buffer.alloc(4_000_000, 7)); // queued first: the oldest row
    await addFile('note.txt', Buffer.from('small'));
    const seen: string[] = [];
    const r = await twin.dispatchFiles(created(seen));
    expect(r).toMatchObject({ deadLettered: 1, sent: 1, died: 0 });
    expect(seen).toEqual(['note.txt']);
    const [big, small] = await rows();
    expect(big.Status__c).toBe('Dead_Letter');
    expect(big.Last_Error__c).toBe('File is 4.0 MB, over the 3.0 MB Seam can send from Apex (bytes + base64 + JSON, about 3.7x the file, must fit the 12 MB heap); attach it in ServiceNow by hand');
    expect(small.Status__c).toBe('Sent');
  });

  it('a file job that dies (a LimitException saves nothing) still advances: the claim was saved, the next file goes, and it is dead-lettered after MAX_ATTEMPTS', async () => {
    await setUp();
    await addFile('first.txt', Buffer.from('one'));
    await addFile('second.txt', Buffer.from('two'));
    const seen: string[] = [];
    twin.faults.fileJobLimitException({ times: 1 });
    const r = await twin.dispatchFiles(created(seen));
    expect(r).toMatchObject({ died: 1, sent: 1 });
    expect(seen).toEqual(['second.txt']);
    let [first] = await rows();
    expect(first).toMatchObject({ Status__c: 'Sending', Attempts__c: 1 });

    // Its claim expires with the backoff; every later job dies too, until MAX_ATTEMPTS.
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      clock += backoffMinutes(attempt) * 60_000;
      twin.faults.fileJobLimitException({ times: 1 });
      expect((await twin.dispatchFiles(created(seen))).died).toBeGreaterThan(0);
    }
    clock += backoffMinutes(MAX_ATTEMPTS) * 60_000;
    expect(await twin.dispatchFiles(created(seen))).toMatchObject({ deadLettered: 1 });
    [first] = await rows();
    expect(first.Status__c).toBe('Dead_Letter');
    expect(first.Last_Error__c).toMatch(/^The file job ended before it recorded an outcome .* 6 times; check the file, then replay the row$/);
    // A replay sends it.
    expect((await c.call('PATCH', `/sobjects/Seam_Outbox__c/${first.Id}`, { Status__c: 'Pending', Next_Attempt_At__c: null, Attempts__c: 0 })).status).toBe(204);
    expect(await twin.dispatchFiles(created(seen))).toMatchObject({ sent: 1 });
    expect(seen).toEqual(['second.txt', 'first.txt']);
  });
});
