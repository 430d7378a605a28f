// Apex callout time on the twin (issue 15, item 6): a callout waits at most its timeout, all callouts
// of one transaction share 120 s, and the dispatcher budgets what is left before each callout
// (SeamOutboxDispatcher.calloutTimeout), leaving a kind with too little time for the next run.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CalloutException, callout, newTransaction } from './callouts.js';
import { BATCH_TIMEOUT_MS, FILE_TIMEOUT_MS, MIN_CALLOUT_MS, TRANSACTION_CALLOUT_MS, type SalesforceTwin } from './index.js';
import { client, q, startTwin, type Client } from './helpers';

let clock = Date.parse('2026-11-23T12:00:00Z');
let twin: SalesforceTwin;
let c: Client;

beforeAll(async () => {
  twin = await startTwin({ now: () => clock });
  c = await client(twin);
});
afterAll(() => twin.close());

/** Plays ServiceNow: takes `ms` of the twin's clock, then answers every message `status`. */
const slowServiceNow = (ms: number, seen: Array<{ path?: string; timeoutMs: number }> = [], status = 'created') =>
  async (req: { messages: any[]; path?: string; timeoutMs: number }) => {
    seen.push({ path: req.path, timeoutMs: req.timeoutMs });
    clock += ms;
    return { status: 200, body: { results: req.messages.map((m) => ({ messageId: m.messageId, status })) } };
  };
const rowsOf = async (caseId: string) => (await c.call('GET', q(`SELECT Kind__c, Status__c, Attempts__c, Last_Error__c FROM Seam_Outbox__c WHERE Case__c = '${caseId}' ORDER BY Name`))).body.records;
const drainAll = async () => { clock += 3_600_000; while ((await twin.dispatchOutbox(slowServiceNow(0, [], 'duplicate'))).attempted > 0) clock += 3_600_000; };

/** A linked Case with a case row and a comment row due. */
async function caseWithComment(subject: string) {
  const id = (await c.call('POST', '/sobjects/Case', { Subject: subject })).body.id as string;
  await c.call('PATCH', `/sobjects/Case/${id}`, { Seam_Incident_Sys_Id__c: 'c'.repeat(32) });
  await drainAll();
  await c.call('PATCH', `/sobjects/Case/${id}`, { Subject: `${subject} (edited)` });
  await c.call('POST', '/sobjects/CaseComment', { ParentId: id, CommentBody: 'Any news?', IsPublished: true });
  return id;
}

describe('the platform rule (callouts.js)', () => {
  it('an answer later than the callout timeout is a CalloutException: Read timed out', async () => {
    const meter = newTransaction();
    await expect(callout(meter, 1_000, () => clock, async () => { clock += 1_001; return 'late'; })).rejects.toThrow(new CalloutException('Read timed out'));
    expect(meter.usedMs).toBe(1_000);
  });

  it('a callout that would run past the transaction\'s 120 s is a CalloutException, even within its own timeout', async () => {
    const meter = newTransaction(100_000);
    await expect(callout(meter, 60_000, () => clock, async () => { clock += 30_000; return 'ok'; }))
      .rejects.toThrow(/Exceeded maximum time allotted for callout \(120000 ms\)/);
    expect(meter.usedMs).toBe(TRANSACTION_CALLOUT_MS);
    // Time used adds up: two 50 s callouts fit, a third of 50 s does not.
    const two = newTransaction();
    for (let i = 0; i < 2; i++) expect(await callout(two, 60_000, () => clock, async () => { clock += 50_000; return i; })).toBe(i);
    await expect(callout(two, 60_000, () => clock, async () => { clock += 50_000; return 2; })).rejects.toBeInstanceOf(CalloutException);
  });
});

describe('the dispatcher within the callout time (SeamOutboxDispatcher.calloutTimeout)', () => {
  beforeEach(drainAll);

  it('a ServiceNow slower than the 60 s timeout is a retry, not a sent row (the answer is lost to Salesforce)', async () => {
    const id = await caseWithComment('Slow ServiceNow');
    const seen: Array<{ path?: string; timeoutMs: number }> = [];
    const r = await twin.dispatchOutbox(slowServiceNow(BATCH_TIMEOUT_MS + 5_000, seen));
    expect(seen[0]).toEqual({ path: '/v1/cases', timeoutMs: BATCH_TIMEOUT_MS });
    expect(r).toMatchObject({ sent: 0, retried: 2 });
    for (const row of await rowsOf(id)) {
      if (row.Status__c === 'Sent') continue; // the rows sent by drainAll before the edit
      expect(row).toMatchObject({ Status__c: 'Retrying', Attempts__c: 1, Last_Error__c: 'ServiceNow could not be reached: Read timed out' });
    }
  });

  it('gives the second callout only what the first left of the 120 s', async () => {
    await caseWithComment('Budgeted');
    const seen: Array<{ path?: string; timeoutMs: number }> = [];
    const r = await twin.dispatchOutbox(slowServiceNow(50_000, seen), { calloutMsUsed: 20_000 });
    // 20 s used before, 50 s by the cases: the comments may wait 50 s, not 60 s.
    expect(seen).toEqual([{ path: '/v1/cases', timeoutMs: BATCH_TIMEOUT_MS }, { path: '/v1/comments', timeoutMs: TRANSACTION_CALLOUT_MS - 70_000 }]);
    expect(r).toMatchObject({ sent: 2, retried: 0, deferred: 0 });
  });

  it('with less than 10 s of callout time left a kind waits for the next run, untouched (no attempt counted)', async () => {
    const id = await caseWithComment('No time left');
    const seen: Array<{ path?: string; timeoutMs: number }> = [];
    // As the Apex test aKindWithoutCalloutTimeLeftWaitsForTheNextRun: the transaction has used 115 s.
    // Without the budget the callout would go out with 60 s, run into the 120 s after 5 s and be a
    // CalloutException: an attempt counted and a backoff for rows that were never really tried.
    const r = await twin.dispatchOutbox(slowServiceNow(8_000, seen), { calloutMsUsed: TRANSACTION_CALLOUT_MS - MIN_CALLOUT_MS + 5_000 });
    expect(seen).toEqual([]);
    expect(r).toMatchObject({ attempted: 0, deferred: 2 });
    const rows = (await rowsOf(id)).filter((row: any) => row.Status__c !== 'Sent');
    expect(rows.map((row: any) => [row.Kind__c, row.Status__c, row.Attempts__c])).toEqual([['case', 'Pending', 0], ['comment', 'Pending', 0]]);
    // The next run has its own 120 s.
    expect(await twin.dispatchOutbox(slowServiceNow(1_000))).toMatchObject({ sent: 2, deferred: 0 });
  });

  it('each file job is its own transaction: three 100 s uploads in one run all go', async () => {
    const id = (await c.call('POST', '/sobjects/Case', { Subject: 'Files' })).body.id as string;
    await c.call('PATCH', `/sobjects/Case/${id}`, { Seam_Incident_Sys_Id__c: 'd'.repeat(32) });
    await drainAll();
    for (const name of ['a.log', 'b.log', 'c.log']) {
      await c.call('POST', '/sobjects/ContentVersion', { Title: name, PathOnClient: name, VersionData: Buffer.from(name).toString('base64'), FirstPublishLocationId: id });
    }
    const seen: Array<{ path?: string; timeoutMs: number }> = [];
    const r = await twin.dispatchFiles(slowServiceNow(100_000, seen));
    expect(seen.map((s) => s.timeoutMs)).toEqual([FILE_TIMEOUT_MS, FILE_TIMEOUT_MS, FILE_TIMEOUT_MS]);
    expect(r).toMatchObject({ attempted: 3, sent: 3, retried: 0 });
  });
});
