// SeamIncidentUpdateTrigger under the event bus's documented delivery: batches of up to 2,000,
// setResumeCheckpoint, and a System.LimitException (a DML failure) in the middle of a batch.
import { afterEach, describe, expect, it } from 'vitest';
import { CHUNK_SIZE, type SalesforceTwin } from './index.js';
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
    const { ids, messageIds } = await gatherBatch(300, 2); // 600 events: chunks 1–200, 201–400, 401–600
    const failing = messageIds[CHUNK_SIZE + 50]; // in the second chunk
    twin.subscriber.limitExceptionAt({ messageId: failing });
    twin.subscriber.resume();
    const [died, resumed] = twin.subscriber.batches;
    expect(died.outcome).toBe('limit_exception');
    expect(died.error).toMatch(/System\.LimitException/);
    // The checkpoint is the last event of the one chunk that was saved.
    expect(died.checkpoint).toBe(died.replayIds[CHUNK_SIZE - 1]);
    expect(resumed.replayIds[0]).toBe(died.replayIds[CHUNK_SIZE]);
    expect(resumed.outcome).toBe('completed');
    expect(twin.subscriber.dropped).toEqual([]);
    // Every event applied exactly once: one audit, one comment each, the newest version on every case.
    expect(await count(`SELECT Id FROM Seam_Audit__c WHERE Result__c = 'applied'`)).toBe(600);
    expect(await count(`SELECT Id FROM Seam_Audit__c WHERE Result__c != 'applied'`)).toBe(0);
    expect(await count(`SELECT Id FROM CaseComment`)).toBe(600);
    expect(await count(`SELECT Id FROM Case WHERE Seam_Link_Version__c = 2 AND Seam_Assignee__c = 'agent 2'`)).toBe(ids.length);
  });

  it('a limit exception before any checkpoint loses the batch, as the platform documents (why the handler checkpoints per chunk)', async () => {
    twin = await startTwin();
    c = await client(twin);
    const { messageIds } = await gatherBatch(3, 1);
    twin.subscriber.limitExceptionAt({ messageId: messageIds[1] });
    twin.subscriber.resume();
    expect(twin.subscriber.batches[0]).toMatchObject({ outcome: 'limit_exception', checkpoint: null });
    expect(twin.subscriber.dropped.map((e) => e.payload.Message_Id__c)).toEqual(messageIds);
    // Rolled back: nothing of the batch was saved.
    expect(await count(`SELECT Id FROM Seam_Audit__c`)).toBe(0);
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
