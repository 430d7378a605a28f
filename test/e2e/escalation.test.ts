// Tier-3 escalation to a ServiceNow problem, end to end on the twins: the panel's "Escalate to
// engineering" (SeamPanelController, the package outbox, POST /v1/cases) and the model reading a
// linked incident's conversation (proxy /v1/escalation, embedded engine) create one problem per
// case, linked both ways, assigned from the shared routing; problem fields flow back to the Case;
// low confidence goes to the review queue, high risk to the approval; refusals lose nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AI_LABEL } from '@seam/shared';
import { createCase, getCase, incidentTriage, startE2E, type E2E, type Row } from './helpers.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ 'x_seam_bridge.escalation.model_enabled': 'true' });
  // The engineering groups of the shared routing rules (escalation.ts DEFAULT_ENGINEERING_ROUTING).
  for (const name of ['Application Engineering', 'Infrastructure Engineering']) await e.sn.insert('sys_user_group', { name });
});
afterAll(async () => { await e?.close(); });

const CASE_FIELDS = ['Seam_Problem_Number__c', 'Seam_Problem_Sys_Id__c', 'Seam_Problem_State__c', 'Seam_Known_Error__c', 'Seam_Workaround__c', 'Seam_Fix_Notes__c', 'Seam_Escalation_Status__c', 'Seam_Sync_Status__c'];

async function pressEngineering(caseId: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${e.sandbox.urls.salesforce}/seam-twin/apex/SeamPanelController/escalateToEngineering`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ caseId }),
  });
  return { status: res.status, body: await res.json() };
}
const problemsOf = (caseId: string): Promise<Row[]> => e.sn.query('problem', `x_seam_bridge_sf_case_id=${caseId}`);
const audit = (caseId: string, operation: string): Promise<Row[]> => e.sn.query('x_seam_bridge_audit', `sf_case_id=${caseId}^operation=${operation}`);

async function linkedCase(fields: Record<string, unknown> = {}): Promise<{ caseId: string; incident: Row }> {
  const caseId = await createCase(e.sf, { ...incidentTriage, ...fields });
  await e.sandbox.settle();
  const incident = await e.sn.incidentForCase(caseId);
  expect(incident, 'triage created the incident').toBeDefined();
  return { caseId, incident: incident! };
}

describe('agent escalation: "Escalate to engineering" on the Case', () => {
  let caseId: string;
  let incident: Row;
  let problem: Row;

  it('creates one problem with the masked, AI-labelled context, linked to the case and the incident, assigned from the routing', async () => {
    ({ caseId, incident } = await linkedCase({ Description: `${incidentTriage.Description} Error AUTH-4031 for jane.doe@example.com; we restarted the IdP connector.` }));
    const pressed = await pressEngineering(caseId);
    expect(pressed.status).toBe(200);
    await e.sandbox.settle();

    const problems = await problemsOf(caseId);
    expect(problems).toHaveLength(1);
    problem = problems[0]!;
    expect(problem.number).toMatch(/^PRB\d{7}$/);
    expect(problem.first_reported_by_task).toBe(incident.sys_id);
    expect(problem.description).toContain('AUTH-4031');
    expect(problem.description).toContain('restarted the IdP connector');
    expect(problem.description).toContain(AI_LABEL);
    expect(problem.description).not.toContain('jane.doe@example.com');
    const [group] = await e.sn.query('sys_user_group', 'name=Application Engineering');
    expect(problem.assignment_group).toBe(group!.sys_id);
    expect((await e.sn.incidentForCase(caseId))!.problem_id).toBe(problem.sys_id);
    expect((await e.sn.query('x_seam_bridge_link', `sf_case_id=${caseId}`))[0]!.problem).toBe(problem.sys_id);
    expect(await audit(caseId, 'escalation:create_problem')).toHaveLength(1);

    // ... and the Case knows its problem (ServiceNow-owned fields through the ownership map).
    const c = await getCase(e.sf, caseId, CASE_FIELDS);
    expect(c).toMatchObject({ Seam_Problem_Number__c: problem.number, Seam_Problem_Sys_Id__c: problem.sys_id, Seam_Problem_State__c: 'New', Seam_Known_Error__c: false });
    expect(c.Seam_Escalation_Status__c).toMatch(/^Problem created: escalated by /);
  });

  it('the problem form shows the customer context (the incident\'s button, reused) and says when the case has no account', async () => {
    const r = await e.sn.call('POST', '/twin/ui-action', { table: 'problem', action: 'x_seam_bridge_problem_customer_context', sysId: problem.sys_id });
    expect(r.status).toBe(200);
    expect(r.body.shown).toBe(true);
    expect(r.body.messages).toEqual([{ level: 'error', message: expect.stringMatching(/has no account in Salesforce\. Fix: set the Account on the Case in Salesforce/) }]);
    expect(await audit(caseId, 'customer_context:no_account')).toHaveLength(1);
  });

  it('problem state, known error, workaround and fix notes flow back to the Case', async () => {
    await e.sn.patch('problem', problem.sys_id, { state: '104', known_error: 'true', workaround: 'Sign in with the backup IdP.', fix_notes: 'Certificate rotation script fixed in 2.4.1.' });
    await e.sandbox.settle();
    const c = await getCase(e.sf, caseId, CASE_FIELDS);
    expect(c).toMatchObject({ Seam_Problem_State__c: 'Fix in Progress', Seam_Known_Error__c: true, Seam_Workaround__c: 'Sign in with the backup IdP.', Seam_Fix_Notes__c: 'Certificate rotation script fixed in 2.4.1.', Seam_Sync_Status__c: 'Synced' });
  });

  it('replaying the escalation N times is one problem (each replay audited as a duplicate)', async () => {
    const row = e.sandbox.salesforce.store.all('Seam_Outbox__c').find((r: any) => r.Case__c === caseId && r.Reason__c === 'engineering')!;
    const message = JSON.parse(String(row.Payload__c));
    for (let i = 0; i < 3; i++) {
      const r = await e.sn.call('POST', '/api/x_seam_bridge/seam/v1/cases', { messages: [{ ...message, sentAt: new Date().toISOString() }] }, 'integration');
      expect(r.status).toBe(200);
      expect(r.body.results[0]).toMatchObject({ status: 'duplicate', escalation: 'duplicate', problemNumber: problem.number });
    }
    expect(await problemsOf(caseId)).toHaveLength(1);
    expect((await audit(caseId, 'escalation:duplicate')).length).toBeGreaterThanOrEqual(3);
  });

  it('a double click (two versions) and a second agent still make one problem', async () => {
    const other = await linkedCase();
    await pressEngineering(other.caseId);
    await pressEngineering(other.caseId);
    await e.sandbox.settle();
    await pressEngineering(other.caseId); // a second agent, later
    await e.sandbox.settle();
    expect(await problemsOf(other.caseId)).toHaveLength(1);
    expect((await audit(other.caseId, 'escalation:duplicate')).length).toBe(2);
    expect(e.sandbox.salesforce.store.all('Seam_Outbox__c').filter((r: any) => r.Case__c === other.caseId && r.Reason__c === 'engineering').length).toBe(3);
  });

  it('a case with no incident (and no account) gets its problem without triage into an incident', async () => {
    const id = await createCase(e.sf, { Subject: 'How do I export invoices?', Description: 'Where is the export button?', Priority: 'Low' });
    await e.sandbox.settle();
    expect(await e.sn.incidentForCase(id)).toBeUndefined();
    await pressEngineering(id);
    await e.sandbox.settle();
    const [p] = await problemsOf(id);
    expect(p).toBeDefined();
    expect(p!.x_seam_bridge_sf_account_id).toBe('');
    expect(await e.sn.incidentForCase(id)).toBeUndefined();
    expect((await getCase(e.sf, id, CASE_FIELDS)).Seam_Problem_Number__c).toBe(p!.number);
  });
});

describe('the model proposes the escalation from the conversation and logs', () => {
  it('high confidence: the problem is created from a work note with error codes, recurrence and steps tried', async () => {
    const { caseId, incident } = await linkedCase();
    await e.sn.patch('incident', incident.sys_id, {
      work_notes: 'Reproducible since the last release: SSO fails again every time with AUTH-4031 and HTTP 502. We restarted the IdP connector, cleared the cache and rolled back the config; still failing. Stack trace shows a NullPointerException.',
    });
    await e.sandbox.settle();
    const problems = await problemsOf(caseId);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.description).toContain('AUTH-4031');
    const created = (await audit(caseId, 'escalation:create_problem'))[0]!;
    expect(created.detail).toContain('model trigger');
    expect(await e.sn.query('x_seam_bridge_audit', `sf_case_id=${caseId}^direction=proxy`)).not.toHaveLength(0);
  });

  it('low confidence goes to the review queue; a reviewer approving it creates the problem', async () => {
    const { caseId, incident } = await linkedCase();
    await e.sn.patch('incident', incident.sys_id, { work_notes: 'Login fails with AUTH-4031. We restarted it.' });
    await e.sandbox.settle();
    expect(await problemsOf(caseId)).toHaveLength(0);
    const [review] = await e.sn.query('x_seam_bridge_triage_review', `sf_case_id=${caseId}^kind=escalation`);
    expect(review).toMatchObject({ status: 'pending', proposed_action: 'create_problem' });
    expect((await getCase(e.sf, caseId, CASE_FIELDS)).Seam_Escalation_Status__c).toMatch(/^In engineering review/);
    await e.sn.patch('x_seam_bridge_triage_review', review!.sys_id, { status: 'approved' });
    await e.sandbox.settle();
    const problems = await problemsOf(caseId);
    expect(problems).toHaveLength(1);
    expect((await e.sn.query('x_seam_bridge_triage_review', `sys_id=${review!.sys_id}`))[0]!.problem).toBe(problems[0]!.sys_id);
    expect((await getCase(e.sf, caseId, CASE_FIELDS)).Seam_Problem_Number__c).toBe(problems[0]!.number);
  });

  it('a reviewer rejecting it creates no problem, and the Case is told why (audited)', async () => {
    const { caseId, incident } = await linkedCase();
    await e.sn.patch('incident', incident.sys_id, { work_notes: 'Login fails with AUTH-4031. We restarted it.' });
    await e.sandbox.settle();
    const [review] = await e.sn.query('x_seam_bridge_triage_review', `sf_case_id=${caseId}^kind=escalation`);
    await e.sn.patch('x_seam_bridge_triage_review', review!.sys_id, { status: 'rejected', decision_note: 'Known config issue, support can fix it' });
    await e.sandbox.settle();
    expect(await problemsOf(caseId)).toHaveLength(0);
    expect(await audit(caseId, 'escalation:rejected')).toHaveLength(1);
    expect((await getCase(e.sf, caseId, CASE_FIELDS)).Seam_Escalation_Status__c).toBe('Rejected by reviewer: admin: Known config issue, support can fix it');
  });
});

describe('high risk needs the approval', () => {
  it('an escalation of a priority-1 incident waits for an approver; the approval creates the problem', async () => {
    // Urgency is the customer's (Case Priority High → 1); impact is IT's assessment.
    const { caseId, incident } = await linkedCase({ Priority: 'High' });
    await e.sn.patch('incident', incident.sys_id, { impact: '1' });
    await e.sandbox.settle();
    expect((await e.sn.incidentForCase(caseId))!.priority).toBe('1');
    await pressEngineering(caseId);
    await e.sandbox.settle();
    expect(await problemsOf(caseId)).toHaveLength(0);
    const [review] = await e.sn.query('x_seam_bridge_triage_review', `sf_case_id=${caseId}^kind=escalation`);
    expect(review!.status).toBe('approval_pending');
    const approvals = await e.sn.query('sysapproval_approver', `document_id=${review!.sys_id}`);
    expect(approvals.length).toBeGreaterThan(0);
    expect((await getCase(e.sf, caseId, CASE_FIELDS)).Seam_Escalation_Status__c).toMatch(/^Approval pending/);
    await e.sn.patch('sysapproval_approver', approvals[0]!.sys_id, { state: 'approved' });
    await e.sandbox.settle();
    expect(await problemsOf(caseId)).toHaveLength(1);
  });
});

describe('bad input loses nothing', () => {
  it('ServiceNow refusing the problem: an error with its fix in the audit and on the outbox row, retried, dead-lettered, replayed into one problem', async () => {
    const { caseId } = await linkedCase();
    await e.sn.call('PATCH', '/twin/cross-scope', { refusedCreate: ['problem'] });
    try {
      await pressEngineering(caseId);
      const store = e.sandbox.salesforce.store as any;
      const row = () => store.all('Seam_Outbox__c').find((r: any) => r.Case__c === caseId && r.Reason__c === 'engineering')!;
      for (let i = 0; i < 10 && row().Status__c !== 'Dead_Letter'; i++) {
        await e.sandbox.settle();
        // The package's backoff waits minutes between attempts: make the retry due now.
        if (row().Status__c === 'Retrying') store.update('Seam_Outbox__c', String(row().Id), { Next_Attempt_At__c: null }, { userId: 'x', userName: 'x', inbound: true, after: [] });
      }
      expect(row().Status__c).toBe('Dead_Letter');
      expect(String(row().Last_Error__c)).toContain('refused to create the problem');
      expect(await problemsOf(caseId)).toHaveLength(0);
      const failed = await audit(caseId, 'escalation:create_problem');
      expect(failed.length).toBeGreaterThan(1);
      expect(failed.every((a) => a.result === 'failed' && a.detail.includes('fix:'))).toBe(true);
    } finally {
      await e.sn.call('PATCH', '/twin/cross-scope', { refusedCreate: [] });
    }
    // The admin replays the dead letter (Seam_Outbox__c back to Pending): one problem.
    const store = e.sandbox.salesforce.store as any;
    const dead = store.all('Seam_Outbox__c').find((r: any) => r.Case__c === caseId && r.Reason__c === 'engineering')!;
    store.update('Seam_Outbox__c', String(dead.Id), { Status__c: 'Pending', Attempts__c: 0, Next_Attempt_At__c: null, Last_Error__c: null }, { userId: 'x', userName: 'x', inbound: true, after: [] });
    await e.sandbox.settle();
    expect(await problemsOf(caseId)).toHaveLength(1);
  });

  it('an unknown case id: the problem is kept in ServiceNow and Salesforce refuses its update with the reason in its audit', async () => {
    const ghost = '500000000000999AAA';
    const now = new Date().toISOString();
    const message = { messageId: 'm-ghost-1', idempotencyKey: `salesforce:${ghost}:1`, caseId: ghost, caseNumber: '99999999', version: 1, sentAt: now, origin: 'salesforce', fields: { Subject: 'Ghost case' }, escalateToEngineering: true, escalatedBy: 'Test' };
    const r = await e.sn.call('POST', '/api/x_seam_bridge/seam/v1/cases', { messages: [message] }, 'integration');
    expect(r.status).toBe(200);
    await e.sandbox.settle();
    const [p] = await problemsOf(ghost);
    expect(p).toBeDefined();
    const rows = await e.sn.query('x_seam_bridge_outbox', `sf_case_id=${ghost}`);
    expect(rows.length).toBeGreaterThan(0);
    const sfAudit = e.sandbox.salesforce.store.all('Seam_Audit__c').filter((a: any) => a.Result__c === 'rejected' && String(a.Detail__c).includes(ghost));
    expect(sfAudit.length).toBeGreaterThan(0);
  });
});
