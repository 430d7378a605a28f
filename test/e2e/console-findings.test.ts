// Bugs found while using the sandbox console, each pinned end to end on the twins.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, getCase, incidentTriage, startE2E, type E2E, type Row } from './helpers.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

async function linkFor(caseId: string): Promise<Row> {
  const rows = await e.sn.query('x_seam_bridge_link', `sf_case_id=${caseId}`);
  expect(rows).toHaveLength(1);
  return rows[0];
}

describe('console findings', () => {
  let caseId: string;
  let incident: Row;

  it('the incident carries the correlation id from link time, and the link is in sync after delivery', async () => {
    caseId = await createCase(e.sf, incidentTriage);
    await e.sandbox.settle();
    incident = (await e.sn.incidentForCase(caseId))!;
    expect(incident).toBeDefined();
    expect(incident.x_seam_bridge_correlation_id).toBe(`SNOW-${incident.number}|SFDC-${caseId}`);
    // The incident's first sync (number, state…) went out and Salesforce accepted it.
    expect((await e.sn.query('x_seam_bridge_outbox', `incident=${incident.sys_id}^status=sent`)).length).toBeGreaterThan(0);
    const link = await linkFor(caseId);
    expect({ sync_state: link.sync_state, last_error: link.last_error, correlation_id: link.correlation_id })
      .toEqual({ sync_state: 'in_sync', last_error: '', correlation_id: incident.x_seam_bridge_correlation_id });
  });

  it('the case shows the assignee and group by name, not by sys_id', async () => {
    const agent = await e.sn.userSysId('itil.agent');
    const agentName = (await e.sn.query('sys_user', `sys_id=${agent}`))[0].name;
    expect(agentName).toBeTruthy();
    const group = await e.sn.insert('sys_user_group', { name: 'Network Operations' });
    await e.sn.patch('incident', incident.sys_id, { assigned_to: agent, assignment_group: group.sys_id, state: '2' }, 'agent');
    await e.sandbox.settle();
    const c = await getCase(e.sf, caseId, ['Seam_Assignee__c', 'Seam_Assignment_Group__c']);
    expect(c).toEqual(expect.objectContaining({ Seam_Assignee__c: agentName, Seam_Assignment_Group__c: 'Network Operations' }));
    expect(e.sandbox.salesforce.apex.SeamPanelController.getLink(caseId)).toMatchObject({ assignee: agentName });
    expect((await linkFor(caseId)).sync_state).toBe('in_sync');
    // The display flag is ServiceNow's concern: the generated custom metadata has no field for it.
    const cmdt = readFileSync(new URL('../../salesforce-pkg/force-app/main/default/customMetadata/Seam_Field_Mapping.assignedTo.md-meta.xml', import.meta.url), 'utf8');
    expect(cmdt).toContain('<field>ServiceNow_Field__c</field>');
    expect(cmdt).not.toMatch(/display/i);
  });

  it('an incident change reaches the case by itself, without the every-minute drain job (event-driven, debounced)', async () => {
    await e.sandbox.settle(); // the drain job has run; its next run is a minute away
    const pendingBefore = await e.sn.query('x_seam_bridge_outbox', `incident=${incident.sys_id}^status=pending`);
    expect(pendingBefore).toEqual([]);
    await e.sn.patch('incident', incident.sys_id, { state: '3', hold_reason: '1' }, 'agent');
    await e.sandbox.servicenow.runJobs(); // async business rules: queue the message, schedule the one-shot drain
    // The one-shot drain is the app's scoped event, queued for the debounce time (parm1 = its epoch ms).
    const drains = (await e.sandbox.servicenow.logs()).events.filter((ev: { name: string }) => ev.name === 'x_seam_bridge.outbox.drain');
    expect(drains.length).toBeGreaterThan(0);
    const [mark] = await e.sn.query('x_seam_bridge_ops_state', 'name=outbox_drain');
    expect(mark).toMatchObject({ status: 'scheduled' });
    // The agent's change, and the SLA-risk prediction it triggered when that changed (a second
    // ServiceNow-side write): both wait for the same debounced drain.
    const pending = await e.sn.query('x_seam_bridge_outbox', `incident=${incident.sys_id}^status=pending`);
    expect(pending.length).toBeGreaterThanOrEqual(1);
    expect(pending.length).toBeLessThanOrEqual(2);
    // Wait for the event's time (the default debounce, 1 s), then run only what is due: the
    // event's drain, not the minute job. The change is delivered within the debounce + one drain.
    const dueMs = Number(drains[drains.length - 1].parm1);
    await new Promise((r) => setTimeout(r, Math.max(0, dueMs - Date.now()) + 50));
    await e.sandbox.servicenow.runJobs();
    expect((await getCase(e.sf, caseId, ['Seam_Incident_State__c'])).Seam_Incident_State__c).toMatch(/^On Hold/);
    expect(await e.sn.query('x_seam_bridge_outbox', `incident=${incident.sys_id}^status=pending`)).toEqual([]);
    expect((await e.sn.query('x_seam_bridge_ops_state', 'name=outbox_drain'))[0]).toMatchObject({ status: 'ok' });
    expect(await e.sn.query('sys_trigger', 'nameSTARTSWITHSeam')).toEqual([]);
  });

  it('a high-priority transfer asks the sandbox approval group (the admin), and the approval creates the incident', async () => {
    // Server and network words, not shop or application words: the embedded triage reads
    // "checkout" and "orders" as sales topics, and on the multi-queue data outage e-mails about an
    // application are often customer matters, so it is calibrated unsure of them (0.78 for "the web
    // servers return HTTP 500 … the application is unavailable") and would send the ticket to
    // review rather than to approval. This one it routes at 0.85.
    const urgent = await createCase(e.sf, {
      Subject: 'Network outage: production servers unreachable',
      Description: 'Since 09:10 the production servers are unreachable over the network for all users; the outage affects every region. Severe, business critical.',
      Priority: 'High',
    });
    await e.sandbox.settle();
    const [review] = await e.sn.query('x_seam_bridge_triage_review', `sf_case_id=${urgent}`);
    expect(review).toBeDefined();
    expect(review.status).toBe('approval_pending');
    const admin = await e.sn.userSysId('admin');
    const approvals = await e.sn.query('sysapproval_approver', `document_id=${review.sys_id}`);
    expect(approvals.map((a) => [a.approver, a.state])).toEqual([[admin, 'requested']]);
    await e.sn.patch('sysapproval_approver', approvals[0].sys_id, { state: 'approved' });
    await e.sandbox.settle();
    expect(await e.sn.incidentForCase(urgent)).toBeDefined();
  });

  it('"Escalate to IT" on a case triage kept in Salesforce creates the incident: the person overrides the model', async () => {
    const billing = await createCase(e.sf, { Subject: 'Question about my invoice', Description: 'I was charged twice for my card payment this month. Can you refund the duplicate fee?', Priority: 'Low' });
    await e.sandbox.settle();
    expect((await getCase(e.sf, billing, ['Seam_Triage_Route__c'])).Seam_Triage_Route__c).toBe('kept_in_salesforce');
    expect(await e.sn.incidentForCase(billing)).toBeUndefined();

    e.sandbox.salesforce.apex.SeamPanelController.escalate(billing);
    await e.sandbox.settle();
    const created = await e.sn.incidentForCase(billing);
    expect(created).toBeDefined();
    const audit = await e.sn.query('x_seam_bridge_audit', `sf_case_id=${billing}^operation=case:escalated_by_human`);
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toMatch(/^escalated to IT by Seam Integration/);
    expect(await e.sn.query('x_seam_bridge_audit', `sf_case_id=${billing}^operation=case:kept_in_salesforce`)).toHaveLength(1);
    expect((await getCase(e.sf, billing, ['Seam_Incident_Number__c'])).Seam_Incident_Number__c).toBe(created!.number);
  });
});
