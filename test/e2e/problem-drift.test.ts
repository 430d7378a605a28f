// The drift sweep compares the case's problem too (issue 12): the seven ServiceNow-owned problem
// rows of the ownership map (number, sys_id, state, known error, workaround, fix notes, escalation
// status). A data load in Salesforce clobbers the Case's copies behind the package's back (direct
// store writes: no trigger, no outbox); one sweep queues one repair, audited, and the next sweep
// finds nothing — for a case with an incident and a problem, and for a problem-only case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, getCase, incidentTriage, startE2E, type E2E, type Row } from './helpers.js';

let e: E2E;
beforeAll(async () => {
  // The scheduled sweep off: only the runs this test starts by hand compare anything.
  e = await startE2E({ 'x_seam_bridge.reconcile.enabled': 'false' });
});
afterAll(async () => { await e?.close(); });

const PROBLEM_CASE_FIELDS = ['Seam_Problem_Number__c', 'Seam_Problem_Sys_Id__c', 'Seam_Problem_State__c', 'Seam_Known_Error__c', 'Seam_Workaround__c', 'Seam_Fix_Notes__c', 'Seam_Escalation_Status__c'];

async function pressEngineering(caseId: string): Promise<void> {
  const res = await fetch(`${e.sandbox.urls.salesforce}/seam-twin/apex/SeamPanelController/escalateToEngineering`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ caseId }),
  });
  expect(res.status).toBe(200);
  await e.sandbox.settle();
}

/** Writes the Case's fields in the Salesforce twin's store directly: no trigger, no package outbox. */
function clobberCase(caseId: string, values: Record<string, unknown>): void {
  const cases = (e.sandbox.salesforce.store.state.records as Record<string, Record<string, Record<string, unknown>>>).Case;
  const row = Object.values(cases).find((c) => c.Id === caseId)!;
  Object.assign(row, values);
}

async function sweep(): Promise<Record<string, any>> {
  const res = await e.sn.call('POST', '/api/x_seam_bridge/seam/v1/reconcile', {});
  expect([200, 201]).toContain(res.status);
  await e.sandbox.settle();
  const run = (await e.sn.call('GET', '/api/x_seam_bridge/seam/v1/reconcile')).body.run;
  expect(run).toMatchObject({ state: 'done' });
  return run;
}

const repairs = (caseId: string): Promise<Row[]> => e.sn.query('x_seam_bridge_audit', `sf_case_id=${caseId}^operation=reconcile:queue_repair`);
const outboxOf = (caseId: string): Promise<Row[]> => e.sn.query('x_seam_bridge_outbox', `sf_case_id=${caseId}`);

describe('drift sweep over the case\'s problem fields', () => {
  it('a case with an incident and a problem: clobbered problem copies are repaired once, audited; a second sweep does nothing', async () => {
    const caseId = await createCase(e.sf, incidentTriage);
    await e.sandbox.settle();
    expect(await e.sn.incidentForCase(caseId), 'triage created the incident').toBeDefined();
    await pressEngineering(caseId);
    const [problem] = await e.sn.query('problem', `x_seam_bridge_sf_case_id=${caseId}`);
    expect(problem).toBeDefined();
    await e.sn.patch('problem', problem!.sys_id, { state: '104', workaround: 'Sign in with the backup IdP.', fix_notes: 'Rotation script fixed in 2.4.1.' });
    await e.sandbox.settle();
    const synced = await getCase(e.sf, caseId, PROBLEM_CASE_FIELDS);
    expect(synced).toMatchObject({ Seam_Problem_Number__c: problem!.number, Seam_Problem_State__c: 'Fix in Progress', Seam_Workaround__c: 'Sign in with the backup IdP.' });

    // In sync: the sweep compares the problem fields and finds nothing.
    expect(Number((await sweep()).drift_found)).toBe(0);

    clobberCase(caseId, { Seam_Problem_State__c: 'Closed', Seam_Known_Error__c: true, Seam_Workaround__c: null, Seam_Fix_Notes__c: 'overwritten by a data load' });
    const outboxBefore = (await outboxOf(caseId)).length;
    const run = await sweep();
    expect(run).toMatchObject({ drift_found: 4, repaired_to_salesforce: 1, repaired_to_servicenow: 0 });
    expect(await getCase(e.sf, caseId, PROBLEM_CASE_FIELDS)).toMatchObject(synced);
    expect((await outboxOf(caseId)).length).toBe(outboxBefore + 1);
    const audited = await repairs(caseId);
    expect(audited).toHaveLength(1);
    expect(audited[0]!.detail).toContain(`problem ${problem!.number}`);
    expect(audited[0]!.detail).toMatch(/Problem state \(copy_changed\).*Known error.*Workaround.*Fix notes/);

    // N sweeps = one repair: the next finds the Case in sync and queues nothing.
    expect(await sweep()).toMatchObject({ drift_found: 0, repaired_to_salesforce: 0 });
    expect((await outboxOf(caseId)).length).toBe(outboxBefore + 1);
    expect(await repairs(caseId)).toHaveLength(1);
  });

  it('a problem-only case (no incident): its link is swept and the problem copies are repaired once', async () => {
    const caseId = await createCase(e.sf, { Subject: 'How do I export invoices?', Description: 'Where is the export button?', Priority: 'Low' });
    await e.sandbox.settle();
    expect(await e.sn.incidentForCase(caseId)).toBeUndefined();
    await pressEngineering(caseId);
    const [problem] = await e.sn.query('problem', `x_seam_bridge_sf_case_id=${caseId}`);
    expect(problem).toBeDefined();
    const synced = await getCase(e.sf, caseId, PROBLEM_CASE_FIELDS);
    expect(synced.Seam_Problem_Sys_Id__c).toBe(problem!.sys_id);

    clobberCase(caseId, { Seam_Problem_Number__c: 'PRB0000000', Seam_Escalation_Status__c: 'wiped' });
    const run = await sweep();
    expect(Number(run.drift_found)).toBe(2);
    expect(Number(run.repaired_to_salesforce)).toBe(1);
    expect(await getCase(e.sf, caseId, PROBLEM_CASE_FIELDS)).toMatchObject(synced);
    expect(await repairs(caseId)).toHaveLength(1);
    // Salesforce accepted the repair: the link (no incident) is in sync again, not left pending.
    expect((await e.sn.query('x_seam_bridge_link', `sf_case_id=${caseId}`))[0]).toMatchObject({ sync_state: 'in_sync', last_error: '' });

    expect(Number((await sweep()).drift_found)).toBe(0);
    expect(await repairs(caseId)).toHaveLength(1);
  });
});
