// The package's outbox dispatcher on the twin: what happens to Seam_Outbox__c rows and the Case
// after ServiceNow answers (the sandbox supplies the HTTP call; here a stub plays ServiceNow).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, backoffMinutes, type SalesforceTwin } from './index.js';
import { client, q, startTwin, type Client } from './helpers';

let clock = Date.parse('2026-11-23T12:00:00Z');
let twin: SalesforceTwin;
let c: Client;

beforeAll(async () => {
  twin = await startTwin({ now: () => clock });
  c = await client(twin);
});
afterAll(() => twin.close());

const newCase = async (subject: string) => (await c.call('POST', '/sobjects/Case', { Subject: subject })).body.id as string;
const getCase = async (id: string) => (await c.call('GET', `/sobjects/Case/${id}`)).body;
const outboxOf = async (id: string) => (await c.call('GET', q(`SELECT Id, Status__c, Attempts__c, Next_Attempt_At__c, Last_Error__c, Message_Id__c, Version__c FROM Seam_Outbox__c WHERE Case__c = '${id}' ORDER BY Version__c`))).body.records;
const auditsOf = async (id: string) => (await c.call('GET', q(`SELECT Result__c, Detail__c, Direction__c FROM Seam_Audit__c WHERE Case__c = '${id}' ORDER BY Name`))).body.records.map((a: any) => a.Result__c);
/** Plays ServiceNow: answers every message with `status` (or a fixed HTTP reply). */
const serviceNow = (answer: (m: any) => Record<string, unknown>) => async (req: { messages: any[] }) => ({ status: 200, body: { results: req.messages.map((m) => ({ messageId: m.messageId, ...answer(m) })) } });
const drainAll = async () => { while ((await twin.dispatchOutbox(serviceNow(() => ({ status: 'duplicate' })))).attempted > 0); };

describe('outbox dispatcher', () => {
  it('writes an outbox row per case version and marks it sent with the identity ServiceNow returns', async () => {
    await drainAll();
    const id = await newCase('Login error');
    const [row] = await outboxOf(id);
    expect(row).toMatchObject({ Status__c: 'Pending', Attempts__c: 0, Version__c: 1 });
    let seen: any[] = [];
    const summary = await twin.dispatchOutbox(async (req) => {
      expect(req.path).toBe('/v1/cases');
      seen = req.messages;
      return serviceNow(() => ({ status: 'created', incidentNumber: 'INC0010001', incidentSysId: 'f'.repeat(32), correlationId: `SNOW-INC0010001|SFDC-${id}` }))(req);
    });
    expect(summary).toEqual({ attempted: 1, sent: 1, retried: 0, deadLettered: 0, comments: 0, deferred: 0 });
    expect(seen[0]).toMatchObject({ caseId: id, messageId: row.Message_Id__c, version: 1, sentAt: new Date(clock).toISOString() });
    expect((await outboxOf(id))[0]).toMatchObject({ Status__c: 'Sent', Attempts__c: 1 });
    const after = await getCase(id);
    expect(after).toMatchObject({ Seam_Sync_Status__c: 'Synced', Seam_Incident_Number__c: 'INC0010001', Seam_Incident_Sys_Id__c: 'f'.repeat(32), Seam_Local_Version__c: 1 });
    expect(await auditsOf(id)).toEqual(['created']);
    // The dispatcher's own case write is Seam's: no new version, nothing queued again.
    expect((await twin.dispatchOutbox(serviceNow(() => ({ status: 'created' })))).attempted).toBe(0);
  });

  it('records the triage route for cases ServiceNow keeps in Salesforce', async () => {
    await drainAll();
    const id = await newCase('Billing question');
    await twin.dispatchOutbox(serviceNow(() => ({ status: 'kept_in_salesforce' })));
    expect(await getCase(id)).toMatchObject({ Seam_Triage_Route__c: 'kept_in_salesforce', Seam_Sync_Status__c: 'Synced' });
  });

  it('retries with backoff while ServiceNow is down, then dead-letters; a replay converges', async () => {
    await drainAll();
    const id = await newCase('Outage case');
    const down = async () => ({ status: 503, body: 'unavailable' });
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await twin.dispatchOutbox(down)).toMatchObject({ attempted: 1, retried: 1 });
      const [row] = await outboxOf(id);
      expect(row).toMatchObject({ Status__c: 'Retrying', Attempts__c: attempt, Last_Error__c: 'ServiceNow answered HTTP 503; will retry' });
      expect(Date.parse(row.Next_Attempt_At__c.replace('+0000', 'Z'))).toBe(clock + backoffMinutes(attempt) * 60_000);
      // Not due yet: nothing is sent before the backoff has passed.
      expect((await twin.dispatchOutbox(down)).attempted).toBe(0);
      clock += backoffMinutes(attempt) * 60_000;
    }
    expect(await twin.dispatchOutbox(async () => { throw new Error('connect ECONNREFUSED'); })).toMatchObject({ deadLettered: 1 });
    const [dead] = await outboxOf(id);
    expect(dead).toMatchObject({ Status__c: 'Dead_Letter', Attempts__c: MAX_ATTEMPTS });
    expect(dead.Last_Error__c).toContain(`ECONNREFUSED (gave up after ${MAX_ATTEMPTS} attempts)`);
    expect(await getCase(id)).toMatchObject({ Seam_Sync_Status__c: 'Error' });
    expect(await auditsOf(id)).toEqual([...Array(MAX_ATTEMPTS - 1).fill('retry'), 'dead_letter']);

    // Replay from the dead letter: set the row back to Pending through the REST API.
    expect((await c.call('PATCH', `/sobjects/Seam_Outbox__c/${dead.Id}`, { Status__c: 'Pending', Next_Attempt_At__c: null })).status).toBe(204);
    expect(await twin.dispatchOutbox(serviceNow(() => ({ status: 'created', incidentNumber: 'INC0010002' })))).toMatchObject({ sent: 1 });
    expect(await getCase(id)).toMatchObject({ Seam_Sync_Status__c: 'Synced', Seam_Incident_Number__c: 'INC0010002', Seam_Last_Error__c: null });
  });

  it('dead-letters at once on a 400 or a rejected result, and retries a missing result', async () => {
    await drainAll();
    const a = await newCase('contract breach');
    await twin.dispatchOutbox(async () => ({ status: 400, body: { error: { message: 'bad' } } }));
    expect((await outboxOf(a))[0]).toMatchObject({ Status__c: 'Dead_Letter', Last_Error__c: expect.stringContaining('ServiceNow rejected the batch (400)') });

    const b = await newCase('rejected one');
    const d = await newCase('forgotten one');
    await twin.dispatchOutbox(async (req) => ({ status: 200, body: { results: req.messages.filter((m) => m.caseId === b).map((m) => ({
      messageId: m.messageId, status: 'rejected', problems: [{ field: 'Subject', problem: 'empty', fix: 'write a subject' }] })) } }));
    expect((await outboxOf(b))[0]).toMatchObject({ Status__c: 'Dead_Letter', Last_Error__c: 'ServiceNow rejected the case: Subject: empty (fix: write a subject)' });
    expect((await outboxOf(d))[0]).toMatchObject({ Status__c: 'Retrying', Last_Error__c: expect.stringContaining('sent no result') });
  });

  it('ends sessions after the session timeout, measured on the twin\'s clock', async () => {
    const timed = await startTwin({ now: () => clock, sessionTimeoutMs: 2 * 3600_000 });
    try {
      const tc = await client(timed);
      expect((await tc.call('GET', '/limits')).status).toBe(200);
      clock += 2 * 3600_000 + 1;
      const late = await tc.call('GET', '/limits');
      expect(late.status).toBe(401);
      expect(late.body[0].errorCode).toBe('INVALID_SESSION_ID');
      expect((await (await client(timed)).call('GET', '/limits')).status).toBe(200);
    } finally {
      await timed.close();
    }
  });

  it('queues each new Salesforce-owned version as its own row', async () => {
    await drainAll();
    const id = await newCase('v1');
    await c.call('PATCH', `/sobjects/Case/${id}`, { Subject: 'v2' });
    await c.call('PATCH', `/sobjects/Case/${id}`, { Seam_AI_Summary__c: 'not owned' });
    expect((await outboxOf(id)).map((r: any) => r.Version__c)).toEqual([1, 2]);
    const versions: unknown[] = [];
    await twin.dispatchOutbox(async (req) => { versions.push(...req.messages.filter((m) => m.caseId === id).map((m) => m.version)); return serviceNow(() => ({ status: 'updated' }))(req); });
    expect(versions).toEqual([1, 2]);
  });

  // The mirror of the ServiceNow-side ordering bug (an older update held for retry, a newer one
  // overtaking it, the older then dropped as stale). Here a newer version may overtake, and that
  // loses nothing: every CaseMessage is a complete snapshot of the Salesforce-owned fields, so the
  // newer one carries the older one's change, and ServiceNow answers the late older one "stale",
  // which closes it. This test fails if messages ever become deltas or "stale" stops closing a row.
  it('lets a newer version overtake one waiting for retry without losing the older change', async () => {
    await drainAll();
    const id = await newCase('Printer jams');
    await drainAll();
    // What ServiceNow keeps for the case: the newest version's fields; older versions are stale.
    let applied = 0;
    let incident: Record<string, unknown> = {};
    const serviceNowWithVersions = serviceNow((m) => {
      if (m.caseId !== id) return { status: 'duplicate' };
      if (m.version <= applied) return { status: 'stale' };
      applied = m.version;
      incident = { ...m.fields };
      return { status: 'updated' };
    });

    await c.call('PATCH', `/sobjects/Case/${id}`, { Subject: 'Printer jams on every floor' }); // v2
    await twin.dispatchOutbox(async () => ({ status: 503, body: 'unavailable' }));
    expect((await outboxOf(id)).find((r: any) => r.Version__c === 2)).toMatchObject({ Status__c: 'Retrying' });
    await c.call('PATCH', `/sobjects/Case/${id}`, { Priority: 'High' }); // v3, due now; v2 waits

    const sent: unknown[] = [];
    await twin.dispatchOutbox(async (req) => { sent.push(...req.messages.filter((m) => m.caseId === id).map((m) => m.version)); return serviceNowWithVersions(req); });
    expect(sent).toEqual([3]); // v3 overtook v2
    expect(incident).toMatchObject({ Subject: 'Printer jams on every floor', Priority: 'High' }); // v2's change arrived with v3

    clock += backoffMinutes(1) * 60_000;
    await twin.dispatchOutbox(serviceNowWithVersions);
    expect((await outboxOf(id)).map((r: any) => [r.Version__c, r.Status__c])).toEqual([[1, 'Sent'], [2, 'Sent'], [3, 'Sent']]);
    expect(incident).toMatchObject({ Subject: 'Printer jams on every floor', Priority: 'High' });
    expect(await auditsOf(id)).toContain('stale');
    expect(await getCase(id)).toMatchObject({ Seam_Sync_Status__c: 'Synced', Seam_Last_Error__c: null });
  });

  it('sends comments of linked cases from their outbox rows to /v1/comments, retried with backoff and dead-lettered like cases', async () => {
    await drainAll();
    const id = await newCase('Comments');
    await c.call('PATCH', `/sobjects/Case/${id}`, { Seam_Incident_Sys_Id__c: 'c'.repeat(32) });
    await drainAll();
    const comment = (await c.call('POST', '/sobjects/CaseComment', { ParentId: id, CommentBody: 'Customer called back', IsPublished: true })).body.id;
    await c.call('POST', '/sobjects/CaseComment', { ParentId: id, CommentBody: 'internal', IsPublished: false });
    const rows = (await c.call('GET', q(`SELECT Id, Kind__c, Status__c, Attempts__c, Payload__c, Last_Error__c FROM Seam_Outbox__c WHERE Case__c = '${id}' AND Kind__c = 'comment'`))).body.records;
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].Payload__c)).toMatchObject({ commentId: comment, body: 'Customer called back', idempotencyKey: `salesforce:${comment}:1:comment` });

    const paths: string[] = [];
    const down = async (req: { path: string }) => { paths.push(req.path); return { status: 503, body: 'unavailable' }; };
    expect(await twin.dispatchOutbox(down)).toMatchObject({ attempted: 1, comments: 1, retried: 1 });
    expect(paths).toEqual(['/v1/comments']);
    const retrying = (await c.call('GET', `/sobjects/Seam_Outbox__c/${rows[0].Id}`)).body;
    expect(retrying).toMatchObject({ Status__c: 'Retrying', Attempts__c: 1, Last_Error__c: 'ServiceNow answered HTTP 503; will retry' });
    expect((await twin.dispatchOutbox(down)).attempted).toBe(0); // not due before its backoff
    clock += backoffMinutes(1) * 60_000;
    const seen: any[] = [];
    expect(await twin.dispatchOutbox(async (req) => { seen.push(...req.messages); return serviceNow(() => ({ status: 'created' }))(req); })).toMatchObject({ comments: 1, sent: 1 });
    expect(seen).toEqual([expect.objectContaining({ commentId: comment, origin: 'salesforce' })]);
    expect(seen[0]).not.toHaveProperty('sentAt');
    expect((await c.call('GET', `/sobjects/Seam_Outbox__c/${rows[0].Id}`)).body).toMatchObject({ Status__c: 'Sent', Attempts__c: 2 });

    const rejected = (await c.call('POST', '/sobjects/CaseComment', { ParentId: id, CommentBody: 'x', IsPublished: true })).body.id;
    await twin.dispatchOutbox(serviceNow(() => ({ status: 'rejected', problems: [{ field: 'body', problem: 'too short', fix: 'write more' }] })));
    const dead = (await c.call('GET', q(`SELECT Status__c, Last_Error__c FROM Seam_Outbox__c WHERE Idempotency_Key__c = 'salesforce:${rejected}:1:comment'`))).body.records[0];
    expect(dead).toMatchObject({ Status__c: 'Dead_Letter', Last_Error__c: 'ServiceNow rejected the comment: body: too short (fix: write more)' });
  });
});
