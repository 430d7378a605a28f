// Scenarios 2 and 3: triage keeps a billing question in Salesforce, and sends uncertain cases to the
// review queue, where a reviewer's approval creates the incident and a rejection creates nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, getCase, incidentTriage, startE2E, type E2E } from './helpers.js';

describe('scenario 2: a billing question stays in Salesforce', () => {
  let e: E2E;
  beforeAll(async () => { e = await startE2E(); });
  afterAll(async () => { await e?.close(); });

  it('is kept in Salesforce: nothing is created in ServiceNow and the case says why', async () => {
    const caseId = await createCase(e.sf, { Subject: 'Question about my invoice', Description: 'I was charged twice for my card payment this month. Can you refund the duplicate fee?', Priority: 'Low' });
    await e.sandbox.settle();
    expect(await e.sn.query('incident', `x_seam_bridge_sf_case_id=${caseId}`)).toEqual([]);
    expect(await e.sn.query('x_seam_bridge_triage_review', `sf_case_id=${caseId}`)).toEqual([]);
    expect(await e.sn.query('x_seam_bridge_link', `sf_case_id=${caseId}^incidentISNOTEMPTY`)).toEqual([]);
    const c = await getCase(e.sf, caseId, ['Seam_Triage_Route__c', 'Seam_Sync_Status__c', 'Seam_Incident_Number__c', 'Status']);
    expect(c).toMatchObject({ Seam_Triage_Route__c: 'kept_in_salesforce', Seam_Incident_Number__c: null, Status: 'New' });
    // The package's outbox row was answered (not retried or dead-lettered).
    const rows = await e.sf.query(`SELECT Status__c FROM Seam_Outbox__c WHERE Case__c = '${caseId}'`);
    expect(rows.records.map((r: any) => r.Status__c)).toEqual(['Sent']);
  });
});

describe('scenario 3: low confidence goes to the review queue', () => {
  let e: E2E;
  // A strict policy: no answer is confident enough to create an incident without a person.
  beforeAll(async () => { e = await startE2E({ 'x_seam_bridge.triage.auto_create_above': '1' }); });
  afterAll(async () => { await e?.close(); });

  async function reviewFor(caseId: string) {
    const rows = await e.sn.query('x_seam_bridge_triage_review', `sf_case_id=${caseId}`);
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  it('queues a review and no incident; approving it creates the incident and links the case', async () => {
    const caseId = await createCase(e.sf, incidentTriage);
    await e.sandbox.settle();
    const review = await reviewFor(caseId);
    expect(review.status).toBe('pending');
    expect(await e.sn.query('incident', `x_seam_bridge_sf_case_id=${caseId}`)).toEqual([]);
    expect((await getCase(e.sf, caseId, ['Seam_Triage_Route__c'])).Seam_Triage_Route__c).toBe('review');

    // The reviewer approves (what the Approve UI action writes).
    await e.sn.patch('x_seam_bridge_triage_review', review.sys_id, { status: 'approved' });
    await e.sandbox.settle();
    const incidents = await e.sn.query('incident', `x_seam_bridge_sf_case_id=${caseId}`);
    expect(incidents).toHaveLength(1);
    expect(incidents[0].short_description).toBe(incidentTriage.Subject);
    expect((await reviewFor(caseId)).incident).toBe(incidents[0].sys_id);
    const c = await getCase(e.sf, caseId, ['Seam_Incident_Number__c', 'Seam_Incident_Sys_Id__c']);
    expect(c).toMatchObject({ Seam_Incident_Number__c: incidents[0].number, Seam_Incident_Sys_Id__c: incidents[0].sys_id });
  });

  it('rejecting a review creates nothing and keeps the case in Salesforce', async () => {
    const caseId = await createCase(e.sf, { ...incidentTriage, Subject: 'Login error on the reporting portal' });
    await e.sandbox.settle();
    const review = await reviewFor(caseId);
    await e.sn.patch('x_seam_bridge_triage_review', review.sys_id, { status: 'rejected' });
    await e.sandbox.settle();
    expect(await e.sn.query('incident', `x_seam_bridge_sf_case_id=${caseId}`)).toEqual([]);
    expect((await reviewFor(caseId)).incident).toBe('');
    const audit = await e.sn.query('x_seam_bridge_audit', `operation=case:review_rejected^sf_case_id=${caseId}`);
    expect(audit).toHaveLength(1);
    expect((await getCase(e.sf, caseId, ['Seam_Incident_Number__c'])).Seam_Incident_Number__c).toBeNull();
  });
});

describe('issue 15 item 2: triage outside the REST transaction', () => {
  let e: E2E;
  // Budget 0: POST /v1/cases calls no model at all; every new case is accepted and triaged by the async rule.
  beforeAll(async () => { e = await startE2E({ 'x_seam_bridge.inbound.triage_budget_ms': '0' }); });
  afterAll(async () => { await e?.close(); });

  it('accepts the case at once (triage_queued), triages it asynchronously, and the incident reaches the case by event', async () => {
    const caseId = await createCase(e.sf, incidentTriage);
    await e.sandbox.settle();
    const incidents = await e.sn.query('incident', `x_seam_bridge_sf_case_id=${caseId}`);
    expect(incidents).toHaveLength(1);
    const [review] = await e.sn.query('x_seam_bridge_triage_review', `sf_case_id=${caseId}`);
    expect(review).toMatchObject({ status: 'triaged', incident: incidents[0].sys_id });
    expect(Number(review.confidence)).toBeGreaterThan(0);
    const c = await getCase(e.sf, caseId, ['Seam_Triage_Route__c', 'Seam_Incident_Number__c', 'Seam_Incident_Sys_Id__c']);
    expect(c).toMatchObject({ Seam_Triage_Route__c: 'triage_queued', Seam_Incident_Number__c: incidents[0].number, Seam_Incident_Sys_Id__c: incidents[0].sys_id });
    // Answered once: the outbox row was closed, never retried.
    const rows = await e.sf.query(`SELECT Status__c, Attempts__c FROM Seam_Outbox__c WHERE Case__c = '${caseId}'`);
    expect(rows.records.map((r: any) => [r.Status__c, r.Attempts__c])).toEqual([['Sent', 1]]);
    const queuedAudit = await e.sn.query('x_seam_bridge_audit', `operation=case:triage_queued^sf_case_id=${caseId}`);
    expect(queuedAudit).toHaveLength(1);
  });
});
