// Issue 15 item 3, the window the package cannot close: a System.LimitException while the PE trigger
// saves the FIRST event of a delivery comes before any checkpoint, and the platform drops the whole
// batch. ServiceNow keeps every pushed update until Salesforce's audit shows it, and republishes it
// (same message id, a newer version, the newest values, its comments) after the receipt window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseComments, createCase, eventsForCase, getCase, incidentTriage, startE2E, type E2E } from './helpers.js';

let e: E2E;
// A short window so the test waits seconds, not the default 10 minutes.
beforeAll(async () => { e = await startE2E({ 'x_seam_bridge.outbox.receipt_window_seconds': '1' }); });
afterAll(async () => { await e?.close(); });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Past the 1 s window (sent_at holds whole seconds), then every job and delivery. */
const afterWindow = async () => { await sleep(2100); await e.sandbox.settle(); };

async function linkedCase(subject: string) {
  const caseId = await createCase(e.sf, { ...incidentTriage, Description: `${incidentTriage.Description} (${subject})` });
  await e.sandbox.settle();
  const incident = (await e.sn.incidentForCase(caseId))!;
  expect(incident).toBeDefined();
  return { caseId, incident };
}

const withBody = async (caseId: string, body: string) => (await caseComments(e.sf, caseId)).filter((c) => c.CommentBody.includes(body)).length;
const audits = async (messageId: string) => (await e.sf.query(`SELECT Result__c FROM Seam_Audit__c WHERE Message_Id__c = '${messageId}' AND Direction__c = 'sn_to_sf'`)).records.map((r: any) => r.Result__c as string).sort();
const outboxRow = async (messageId: string) => (await e.sn.query('x_seam_bridge_outbox', `message_id=${messageId}`))[0];

describe('receipts: a delivery dropped by a limit exception on its first event is republished by ServiceNow', () => {
  it('original lost: the Case gets the fields once and each comment exactly once', async () => {
    const { caseId, incident } = await linkedCase('Receipts: VPN drops every hour (lost batch)');
    const bus = e.sandbox.salesforce.subscriber;
    const before = eventsForCase(e.sandbox, caseId).length;
    bus.pause();
    await e.sn.patch('incident', incident.sys_id, { state: '2', comments: 'Receipts: we are looking at the VPN concentrator.' }, 'agent');
    await e.sandbox.settle();
    await e.sn.patch('incident', incident.sys_id, { state: '3', hold_reason: '4', comments: 'Receipts: waiting for the vendor firmware.' }, 'agent');
    await e.sandbox.settle();
    const held = eventsForCase(e.sandbox, caseId).slice(before);
    expect(held.length).toBeGreaterThanOrEqual(2);
    // The governor limit hits while the trigger saves the first event: no checkpoint, the batch is gone.
    bus.limitExceptionAt({ messageId: String(held[0].Message_Id__c) });
    bus.resume();
    const droppedIds = bus.dropped.map((d) => String(d.payload.Message_Id__c));
    for (const p of held) expect(droppedIds).toContain(String(p.Message_Id__c));
    expect(await withBody(caseId, 'VPN concentrator')).toBe(0);
    expect((await getCase(e.sf, caseId, ['Status'])).Status).not.toBe('On Hold');

    await afterWindow(); // ServiceNow finds no audit of either message: both republished, sent, applied
    await afterWindow(); // and their receipts confirmed

    const kase = await getCase(e.sf, caseId, ['Status', 'Seam_Incident_State__c']);
    expect(kase.Status).toBe('On Hold'); // the newest state, not the first lost event's In Progress
    expect(kase.Seam_Incident_State__c).toBe('On Hold (Awaiting Vendor)');
    expect(await withBody(caseId, 'VPN concentrator')).toBe(1);
    expect(await withBody(caseId, 'vendor firmware')).toBe(1);
    for (const p of held) {
      const id = String(p.Message_Id__c);
      expect(await audits(id)).toEqual(['applied']);
      expect(await outboxRow(id)).toMatchObject({ status: 'sent', receipt: 'applied', republishes: '1' });
      // The republish carried the same message id at a newer version than the original.
      const copies = eventsForCase(e.sandbox, caseId).filter((x) => x.Message_Id__c === id);
      expect(copies).toHaveLength(2);
      expect(Number(copies[1].Link_Version__c)).toBeGreaterThan(Number(copies[0].Link_Version__c));
    }
    const republishAudits = await e.sn.query('x_seam_bridge_audit', `operation=incident_update:republish^sf_case_id=${caseId}`);
    expect(republishAudits).toHaveLength(held.length);
  });

  it('original landed late: the republish is a no-op (duplicate), the comment is on the Case once', async () => {
    const { caseId, incident } = await linkedCase('Receipts: printer queue stuck (late delivery)');
    const bus = e.sandbox.salesforce.subscriber;
    const before = eventsForCase(e.sandbox, caseId).length;
    bus.pause(); // the trigger is behind: the original waits on the bus longer than the receipt window
    await e.sn.patch('incident', incident.sys_id, { state: '2', comments: 'Receipts: clearing the spooler now.' }, 'agent');
    await e.sandbox.settle();
    const [original] = eventsForCase(e.sandbox, caseId).slice(before);
    const id = String(original.Message_Id__c);
    await afterWindow(); // no audit yet: republished, and the republish waits behind the original
    const copies = eventsForCase(e.sandbox, caseId).filter((x) => x.Message_Id__c === id);
    expect(copies).toHaveLength(2);
    expect(Number(copies[1].Link_Version__c)).toBeGreaterThan(Number(copies[0].Link_Version__c));

    bus.resume(); // the original lands, then its republish
    expect(bus.dropped.filter((d) => d.payload.Message_Id__c === id)).toHaveLength(0);
    expect(await audits(id)).toEqual(['applied', 'duplicate']);
    expect(await withBody(caseId, 'clearing the spooler')).toBe(1);
    const kase = await getCase(e.sf, caseId, ['Status', 'Seam_Link_Version__c']);
    expect(kase.Status).toBe('Working');
    // Skipped whole: the Case never took the republish's version.
    expect(Number(kase.Seam_Link_Version__c)).not.toBe(Number(copies[1].Link_Version__c));

    await afterWindow();
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', receipt: 'applied', republishes: '1' });
    // The next change is numbered after the republish, so it is not stale on the Case.
    await e.sn.patch('incident', incident.sys_id, { comments: 'Receipts: spooler cleared, printing again.' }, 'agent');
    await e.sandbox.settle();
    expect(await withBody(caseId, 'printing again')).toBe(1);
  });
});
