// A Salesforce write whose answer is lost: Salesforce commits the drain's collections call, then the
// connection drops (the twin's `dropAfter`), so ServiceNow sees no HTTP answer and retries the row.
// An Incident_Update__e is applied once by message id; a CaseComment or a Task is a plain insert,
// so the retry must first look for what the lost attempt created (outbox/lost-answer.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseComments, createCase, incidentTriage, startE2E, type E2E, type Row } from './helpers.js';

const AI_LABEL = '[AI-generated — review before relying on it]';
const COMPOSITE = '/services/data/v62.0/composite/sobjects';
const PORTAL = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

let e: E2E;
beforeAll(async () => { e = await startE2E({ 'x_seam_bridge.major_incident.customer_facing_services': PORTAL }); });
afterAll(async () => { await e?.close(); });

/** The backoff elapsed: the failed rows are due now (what the minute job sees a little later). */
async function makeDue(rows: Row[]): Promise<void> {
  for (const r of rows) await e.sn.patch('x_seam_bridge_outbox', r.sys_id, { next_attempt_at: '' });
}

describe('a create whose answer is lost is not made twice', () => {
  it('resolution summary: one public comment after the retry, the row marked sent with the found id', async () => {
    const caseId = await createCase(e.sf, incidentTriage);
    await e.sandbox.settle();
    const incident = (await e.sn.incidentForCase(caseId))!;
    await e.sn.patch('incident', incident.sys_id, { state: '6', close_code: 'Solved (Permanently)', close_notes: 'Removed the stale MFA registration; SSO login works again.' }, 'agent');
    await e.sandbox.settle();
    const [held] = await e.sn.query('x_seam_bridge_outbox', `incident=${incident.sys_id}^kind=resolution_summary^status=held`);
    expect(held).toBeDefined();

    e.sandbox.salesforce.faults.next({ dropAfter: true, path: COMPOSITE });
    await e.sn.patch('x_seam_bridge_outbox', held.sys_id, { status: 'pending', attempts: '0', next_attempt_at: '', last_error: '' });
    await e.sandbox.settle();
    e.sandbox.salesforce.faults.clear();
    // The drain retries by its backoff (1 s here, same settle or the next one).
    await makeDue(await e.sn.query('x_seam_bridge_outbox', `sys_id=${held.sys_id}^status=failed`));
    await e.sandbox.settle();
    const summaries = (await caseComments(e.sf, caseId)).filter((c) => c.CommentBody.includes(AI_LABEL));
    expect(summaries).toHaveLength(1);
    const [sent] = await e.sn.query('x_seam_bridge_outbox', `sys_id=${held.sys_id}`);
    expect(sent.status).toBe('sent');
    const audits = await e.sn.query('x_seam_bridge_audit', `idempotency_key=${held.idempotency_key}^operation=resolution_summary:create^result=success`);
    expect(audits.map((a) => a.detail).join('\n')).toMatch(/found after a lost answer/);
    expect(audits.some((a) => a.target_id === (summaries[0] as any).Id)).toBe(true);
    // The first attempt did end without an answer (else this test proves nothing).
    expect(await e.sn.query('x_seam_bridge_audit', `idempotency_key=${held.idempotency_key}^operation=resolution_summary:create^http_status=0`)).not.toHaveLength(0);
  });

  it('major-incident Task: one Task per account after the retry', async () => {
    const acme: any = await e.sf.sobject('Account').create({ Name: 'Acme Lost Answer' });
    const caseId = await createCase(e.sf, { ...incidentTriage, Subject: 'Portal login fails (lost answer)', AccountId: acme.id });
    await e.sandbox.settle();
    const incident = (await e.sn.incidentForCase(caseId))!;
    await e.sn.patch('incident', incident.sys_id, { cmdb_ci: PORTAL }, 'agent');
    await e.sandbox.settle();

    // Every collections call of this settle loses its answer (the P1 update and the Task).
    e.sandbox.salesforce.faults.next({ dropAfter: true, path: COMPOSITE, times: 5 });
    await e.sn.patch('incident', incident.sys_id, { priority: '1' }, 'agent');
    await e.sandbox.settle();
    e.sandbox.salesforce.faults.clear();
    const tasks = async () => (await e.sf.query(`SELECT Id, Subject FROM Task WHERE WhatId = '${acme.id}'`)).records as any[];
    await makeDue(await e.sn.query('x_seam_bridge_outbox', `incident=${incident.sys_id}^status=failed`));
    await e.sandbox.settle();
    const after = await tasks();
    expect(after).toHaveLength(1);
    const [row] = await e.sn.query('x_seam_bridge_outbox', `incident=${incident.sys_id}^kind=impact_task`);
    expect(row.status).toBe('sent');
    const audits = await e.sn.query('x_seam_bridge_audit', `idempotency_key=${row.idempotency_key}^operation=impact_task:create^result=success`);
    expect(audits.some((a) => a.target_id === after[0].Id && /found after a lost answer/.test(a.detail))).toBe(true);
    expect(await e.sn.query('x_seam_bridge_audit', `idempotency_key=${row.idempotency_key}^operation=impact_task:create^http_status=0`)).not.toHaveLength(0);
  });
});
