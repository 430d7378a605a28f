// Scenario 1, "customer reports a login error": the whole life of one case across both twins,
// through public APIs only (jsforce on the Salesforce side, the Table API on the ServiceNow side).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseComments, createCase, eventsForCase, getCase, incidentTriage, startE2E, type E2E, type Row } from './helpers.js';

const AI_LABEL = '[AI-generated — review before relying on it]';
const WORK_NOTE = 'Internal: AD lockout for jdoe@acme.example from host fw-edge-02, cleared by hand';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

describe('scenario 1: customer reports a login error', () => {
  let caseId: string;
  let incident: Row;

  it('a new case is triaged and becomes a linked incident with the mapped fields', async () => {
    caseId = await createCase(e.sf, incidentTriage);
    await e.sandbox.settle();
    incident = (await e.sn.incidentForCase(caseId))!;
    expect(incident).toBeDefined();
    const c = await getCase(e.sf, caseId, ['CaseNumber', 'Seam_Incident_Number__c', 'Seam_Incident_Sys_Id__c', 'Seam_Sync_Status__c', 'Seam_Correlation_Id__c']);
    expect(incident).toMatchObject({
      short_description: incidentTriage.Subject,
      description: incidentTriage.Description,
      x_seam_bridge_sf_case_number: c.CaseNumber,
      x_seam_bridge_customer_priority: 'Medium',
      urgency: '2', // casePriorityToUrgency(Medium)
      x_seam_bridge_correlation_id: `SNOW-${incident.number}|SFDC-${caseId}`,
    });
    expect(c).toMatchObject({
      Seam_Incident_Number__c: incident.number,
      Seam_Incident_Sys_Id__c: incident.sys_id,
      Seam_Sync_Status__c: 'Synced',
      Seam_Correlation_Id__c: incident.x_seam_bridge_correlation_id,
    });
  });

  it('work in ServiceNow (assignee, state) reaches the case panel; work notes stay internal', async () => {
    const agent = await e.sn.userSysId('itil.agent');
    const agentName = (await e.sn.query('sys_user', `sys_id=${agent}`))[0].name; // the panel shows names, not sys_ids
    await e.sn.patch('incident', incident.sys_id, { assigned_to: agent, state: '2', work_notes: WORK_NOTE }, 'agent');
    await e.sandbox.settle();
    const c = await getCase(e.sf, caseId, ['Status', 'Seam_Assignee__c', 'Seam_Incident_State__c', 'Seam_Last_Sync__c']);
    expect(c.Seam_Assignee__c).toBe(agentName);
    expect(c.Seam_Incident_State__c).toBe('In Progress');
    expect(c.Status).toBe('Working'); // incidentStateToCaseStatus(2)
    // The panel's controller reads the same fields (what the LWC shows).
    const panel = e.sandbox.salesforce.apex.SeamPanelController.getLink(caseId);
    expect(panel).toMatchObject({ linked: true, incidentNumber: incident.number, incidentState: 'In Progress', assignee: agentName });
    // The work note exists in ServiceNow and nowhere in Salesforce.
    expect((await e.sn.journal(incident.sys_id, 'work_notes')).map((j) => j.value)).toContain(WORK_NOTE);
    const sfText = JSON.stringify([await caseComments(e.sf, caseId), eventsForCase(e.sandbox, caseId), await getCase(e.sf, caseId, ['Seam_Latest_Update__c', 'Seam_Resolution_Notes__c', 'Description'])]);
    expect(sfText).not.toContain('AD lockout');
    expect(sfText).not.toContain('fw-edge-02');
  });

  it('a customer comment on the case becomes a comment on the incident, once', async () => {
    const body = 'I tried again from home and it still fails with the same message.';
    const made: any = await e.sf.sobject('CaseComment').create({ ParentId: caseId, CommentBody: body, IsPublished: true });
    expect(made.success).toBe(true);
    await e.sandbox.settle();
    const comments = (await e.sn.journal(incident.sys_id, 'comments')).map((j) => j.value);
    expect(comments.filter((v) => v.includes(body))).toHaveLength(1);
    // …and it does not come back to Salesforce as a second comment (no echo).
    expect((await caseComments(e.sf, caseId)).filter((x) => x.CommentBody.includes(body))).toHaveLength(1);
  });

  it('a comment on the incident reaches the case, tagged with its origin', async () => {
    const body = 'We found a stale MFA registration on your tenant and removed it. Please try logging in now.';
    await e.sn.patch('incident', incident.sys_id, { comments: body }, 'agent');
    await e.sandbox.settle();
    const onCase = (await caseComments(e.sf, caseId)).filter((x) => x.CommentBody.includes(body));
    expect(onCase).toHaveLength(1);
    expect(onCase[0].IsPublished).toBe(true);
    expect(onCase[0].CommentBody).toMatch(/^\[Seam: from ServiceNow/);
  });

  it('resolving the incident resolves the case and posts the labelled AI resolution summary once an admin releases it', async () => {
    await e.sn.patch('incident', incident.sys_id, { state: '6', close_code: 'Solved (Permanently)', close_notes: 'Removed the stale MFA registration; SSO login works again.' }, 'agent');
    await e.sandbox.settle();
    let c = await getCase(e.sf, caseId, ['Status', 'Seam_Resolution_Code__c', 'Seam_Resolution_Notes__c', 'Seam_Resolved_At__c']);
    const resolvedAt = (await e.sn.incidentForCase(caseId))!.resolved_at; // 'YYYY-MM-DD HH:mm:ss' UTC
    expect(resolvedAt).not.toBe('');
    expect(new Date(c.Seam_Resolved_At__c).toISOString()).toBe(new Date(resolvedAt.replace(' ', 'T') + 'Z').toISOString());
    expect(c.Status).toBe('Resolved');
    expect(c.Seam_Resolution_Code__c).toBe('Solved (Permanently)');
    expect(c.Seam_Resolution_Notes__c).toBe('Removed the stale MFA registration; SSO login works again.');
    // The summary is held for review (resolution.require_approval defaults to true) …
    expect((await caseComments(e.sf, caseId)).some((x) => x.CommentBody.includes(AI_LABEL))).toBe(false);
    const held = await e.sn.query('x_seam_bridge_outbox', `incident=${incident.sys_id}^status=held`);
    expect(held).toHaveLength(1);
    // … until an admin releases it (what the Replay action writes).
    await e.sn.patch('x_seam_bridge_outbox', held[0].sys_id, { status: 'pending', attempts: '0', next_attempt_at: '', last_error: '' });
    await e.sandbox.settle();
    const summaries = (await caseComments(e.sf, caseId)).filter((x) => x.CommentBody.includes(AI_LABEL));
    expect(summaries).toHaveLength(1);
    expect(summaries[0].IsPublished).toBe(true);
    // Customer-facing: no internal work note text in it.
    expect(summaries[0].CommentBody).not.toContain('fw-edge-02');
    c = await getCase(e.sf, caseId, ['Status']);
    expect(c.Status).toBe('Resolved');
  });
});
