// SeamIncidentUpdateTrigger under the event bus's documented delivery: batches of up to 2,000,
// setResumeCheckpoint, a System.LimitException (a DML failure) in the middle of a batch, and
// EventBus.RetryableException (whole batch again, retries counted).
import { afterEach, describe, expect, it } from 'vitest';
import { CHUNK_SIZE, FIRST_CHUNK_SIZE, MAX_RETRIES, type SalesforceTwin } from './index.js';
import { client, q, startTwin, type Client } from './helpers';

let twin: SalesforceTwin;
let c: Client;
afterEach(() => twin?.close());

const SYS_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

/** Cases, then `perCase` updates of each published while delivery is paused: one batch on resume. */
async function gatherBatch(cases: number, perCase: number) {
  const ids: string[] = [];
  for (let i = 0; i < cases; i += 200) {
    const r = await c.call('POST', '/composite/sobjects', { allOrNone: true, records: Array.from({ length: Math.min(200, cases - i) }, (_, k) => ({ attributes: { type: 'Case' }, Subject: `case ${i + k}` })) });
    ids.push(...r.body.map((x: any) => x.id));
  }
  twin.subscriber.pause();
  const events: Array<Record<string, unknown>> = [];
  for (let v = 1; v <= perCase; v++) {
    for (const [n, id] of ids.entries()) {
      events.push({ attributes: { type: 'Incident_Update__e' }, Message_Id__c: `m-${n}-${v}`, Case_Id__c: id, Incident_Sys_Id__c: SYS_ID, Origin__c: 'servicenow',
        Link_Version__c: v, Fields_Json__c: JSON.stringify({ Seam_Assignee__c: `agent ${v}` }), Comments_Json__c: JSON.stringify([{ body: `note ${n}.${v}`, author: 'Ann' }]) });
    }
  }
  for (let i = 0; i < events.length; i += 200) {
    const r = await c.call('POST', '/composite/sobjects', { allOrNone: true, records: events.slice(i, i + 200) });
    expect(r.body.every((x: any) => x.success)).toBe(true);
  }
  return { ids, messageIds: events.map((e) => String(e.Message_Id__c)) };
}

const count = async (soql: string) => (await c.call('GET', q(soql))).body.totalSize as number;

describe('Incident_Update__e trigger: batches and checkpoints', () => {
  it('gets up to 2,000 events in one batch and checkpoints after each saved chunk of 200', async () => {
    twin = await startTwin();
    c = await client(twin);
    const { ids } = await gatherBatch(500, 5);
    expect(twin.subscriber.pending).toBe(2500);
    twin.subscriber.resume();
    expect(twin.subscriber.batches.map((b) => b.replayIds.length)).toEqual([2000, 500]);
    const first = twin.subscriber.batches[0];
    expect(first.outcome).toBe('completed');
    expect(first.checkpoint).toBe(first.replayIds[first.replayIds.length - 1]);
    expect(await count(`SELECT Id FROM Seam_Audit__c WHERE Result__c = 'applied'`)).toBe(2500);
    expect(await count(`SELECT Id FROM CaseComment WHERE ParentId = '${ids[0]}'`)).toBe(5);
    expect(twin.subscriber.dropped).toEqual([]);
  });

  it('a limit exception while saving a chunk mid-batch drops no event: the batch resumes after the last saved chunk', async () => {
    twin = await startTwin();
    c = await client(twin);
    const { ids, messageIds } = await gatherBatch(300, 2); // 600 events: chunks 1, 2–201, 202–401, 402–600
    const saved = FIRST_CHUNK_SIZE + CHUNK_SIZE;
    const failing = messageIds[saved + 50]; // in the third chunk
    twin.subscriber.limitExceptionAt({ messageId: failing });
    twin.subscriber.resume();
    const [died, resumed] = twin.subscriber.batches;
    expect(died.outcome).toBe('limit_exception');
    expect(died.error).toMatch(/System\.LimitException/);
    // The checkpoint is the last event of the chunks that were saved.
    expect(died.checkpoint).toBe(died.replayIds[saved - 1]);
    expect(resumed.replayIds[0]).toBe(died.replayIds[saved]);
    expect(resumed.outcome).toBe('completed');
    expect(twin.subscriber.dropped).toEqual([]);
    // Every event applied exactly once: one audit, one comment each, the newest version on every case.
    expect(await count(`SELECT Id FROM Seam_Audit__c WHERE Result__c = 'applied'`)).toBe(600);
    expect(await count(`SELECT Id FROM Seam_Audit__c WHERE Result__c != 'applied'`)).toBe(0);
    expect(await count(`SELECT Id FROM CaseComment`)).toBe(600);
    expect(await count(`SELECT Id FROM Case WHERE Seam_Link_Version__c = 2 AND Seam_Assignee__c = 'agent 2'`)).toBe(ids.length);
  });

  it('a limit exception in the old first chunk (events 2–200) loses nothing: the first event is saved and checkpointed alone (issue 15 item 3)', async () => {
    twin = await startTwin();
    c = await client(twin);
    const { messageIds } = await gatherBatch(300, 1);
    // Before the one-event first chunk (the first chunk was 200 events) this limit came before any checkpoint: all 300 dropped.
    twin.subscriber.limitExceptionAt({ messageId: messageIds[1] });
    twin.subscriber.resume();
    const [died, resumed] = twin.subscriber.batches;
    expect(died).toMatchObject({ outcome: 'limit_exception', checkpoint: died.replayIds[0] });
    expect(resumed.replayIds[0]).toBe(died.replayIds[1]);
    expect(twin.subscriber.dropped).toEqual([]);
    expect(await count(`SELECT Id FROM Seam_Audit__c WHERE Result__c = 'applied'`)).toBe(300);
    expect(await count(`SELECT Id FROM CaseComment`)).toBe(300);
  });

  it('a limit exception on the first event itself, before any checkpoint, loses the batch, as the platform documents (the window that remains)', async () => {
    twin = await startTwin();
    c = await client(twin);
    const { messageIds } = await gatherBatch(3, 1);
    twin.subscriber.limitExceptionAt({ messageId: messageIds[0] });
    twin.subscriber.resume();
    expect(twin.subscriber.batches[0]).toMatchObject({ outcome: 'limit_exception', checkpoint: null });
    expect(twin.subscriber.dropped.map((e) => e.payload.Message_Id__c)).toEqual(messageIds);
    // Rolled back: nothing of the batch was saved.
    expect(await count(`SELECT Id FROM Seam_Audit__c`)).toBe(0);
  });

  it('an event whose message id already has an applied audit is a duplicate, even after a later event moved the Case on (a republish whose original landed)', async () => {
    twin = await startTwin();
    c = await client(twin);
    const { ids, messageIds } = await gatherBatch(1, 2); // m-0-1 (version 1, note 0.1), m-0-2 (version 2)
    twin.subscriber.resume();
    // ServiceNow's republish of m-0-1: same message id, a newer version, the same comment.
    const r = await c.call('POST', '/composite/sobjects', { allOrNone: true, records: [{ attributes: { type: 'Incident_Update__e' }, Message_Id__c: messageIds[0], Case_Id__c: ids[0],
      Incident_Sys_Id__c: SYS_ID, Origin__c: 'servicenow', Link_Version__c: 3, Fields_Json__c: JSON.stringify({ Seam_Assignee__c: 'agent 2' }), Comments_Json__c: JSON.stringify([{ body: 'note 0.1', author: 'Ann' }]) }] });
    expect(r.body[0].success).toBe(true);
    expect(await count(`SELECT Id FROM Seam_Audit__c WHERE Message_Id__c = '${messageIds[0]}' AND Result__c = 'duplicate'`)).toBe(1);
    expect(await count(`SELECT Id FROM CaseComment WHERE ParentId = '${ids[0]}'`)).toBe(2);
    const kase = (await c.call('GET', q(`SELECT Seam_Link_Version__c FROM Case WHERE Id = '${ids[0]}'`))).body.records[0];
    expect(kase.Seam_Link_Version__c).toBe(2);
  });

  it('EventBus.RetryableException (a locked Case row) rolls the whole invocation back, checkpoints included, and delivers the batch again', async () => {
    twin = await startTwin();
    c = await client(twin);
    const { messageIds } = await gatherBatch(300, 1);
    twin.subscriber.lockedAt({ messageId: messageIds[250], times: 2 }); // in the third chunk, after two checkpoints
    twin.subscriber.resume();
    expect(twin.subscriber.batches.map((b) => [b.outcome, b.retries, b.replayIds.length])).toEqual([['retry', 0, 300], ['retry', 1, 300], ['completed', 2, 300]]);
    // Rolled back twice, applied once: no event twice, none lost.
    expect(await count(`SELECT Id FROM Seam_Audit__c WHERE Result__c = 'applied'`)).toBe(300);
    expect(await count(`SELECT Id FROM Seam_Audit__c WHERE Result__c != 'applied'`)).toBe(0);
    expect(await count(`SELECT Id FROM CaseComment`)).toBe(300);
    expect(twin.subscriber.dropped).toEqual([]);
  });

  it('after MAX_RETRIES the handler stops retrying: the locked Case\'s event is audited as an error, the others applied, the subscription keeps running', async () => {
    twin = await startTwin();
    c = await client(twin);
    const { ids, messageIds } = await gatherBatch(5, 1);
    twin.subscriber.lockedAt({ messageId: messageIds[3], times: 100 });
    twin.subscriber.resume();
    const outcomes = twin.subscriber.batches.map((b) => b.outcome);
    expect(outcomes).toEqual([...Array(MAX_RETRIES).fill('retry'), 'completed']);
    expect(twin.subscriber.errorState).toBe(false);
    expect(await count(`SELECT Id FROM Seam_Audit__c WHERE Result__c = 'applied'`)).toBe(4);
    const errors = (await c.call('GET', q(`SELECT Case__c, Detail__c FROM Seam_Audit__c WHERE Result__c = 'error'`))).body.records;
    expect(errors).toEqual([expect.objectContaining({ Case__c: ids[3], Detail__c: expect.stringMatching(/^UNABLE_TO_LOCK_ROW/) })]);
  });

  it('honours a smaller batch size (PlatformEventSubscriberConfig.batchSize)', async () => {
    twin = await startTwin({ eventBatchSize: 150 });
    c = await client(twin);
    await gatherBatch(40, 10);
    twin.subscriber.resume();
    expect(twin.subscriber.batches.map((b) => b.replayIds.length)).toEqual([150, 150, 100]);
    await expect(startTwin({ eventBatchSize: 2001 })).rejects.toThrow(/1 through 2000/);
  });
});
