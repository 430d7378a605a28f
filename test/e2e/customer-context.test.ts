// Customer context on the incident (and on the problem a tier-3 escalation created): the real built
// app's form button "Customer context (Salesforce)" pressed on the ServiceNow twin reads the
// Salesforce twin with one SOQL query and shows account, value and tier, entitlement with its SLA
// process and open cases — writing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME } from '../twins/salesforce/store.js';
import { createCase, incidentTriage, startE2E, type E2E } from './helpers.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const press = async (sysId: string, table: 'incident' | 'problem' = 'incident'): Promise<{ shown: boolean; messages: Array<{ level: string; message: string }> }> => {
  const action = table === 'incident' ? 'x_seam_bridge_customer_context' : 'x_seam_bridge_problem_customer_context';
  const r = await e.sn.call('POST', '/twin/ui-action', { table, action, sysId });
  expect(r.status).toBe(200);
  return r.body;
};
const seed = { userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] as Array<() => void> };

describe('customer context on the twins', () => {
  it('shows the Salesforce side of the customer, cached per account, and writes nothing', async () => {
    // The integration user may only read Seam_Contract_Value__c (Seam_Integration): seed the account as its owner would.
    const store = (e.sandbox as any).salesforce.store;
    const account = { id: store.create('Account', { Name: 'Acme Retail', Seam_Contract_Value__c: 250000 }, seed) as string };
    const sla = store.create('SlaProcess', { Name: 'Premier 4h response', IsActive: true }, seed);
    store.create('Entitlement', { Name: 'Premier Support', AccountId: account.id, Status: 'Active', StartDate: '2026-01-01', EndDate: '2027-06-30', SlaProcessId: sla }, seed);
    const caseId = await createCase(e.sf, { ...incidentTriage, AccountId: account.id });
    await createCase(e.sf, { Subject: 'Invoices missing since the upgrade', AccountId: account.id, Status: 'Working' });
    await e.sandbox.settle();
    const incident = (await e.sn.incidentForCase(caseId))!;
    expect(incident?.x_seam_bridge_sf_account_id).toBe(account.id);

    const before = (await e.sn.query('incident', `sys_id=${incident.sys_id}`))[0]!;
    const outboxBefore = (await e.sn.query('x_seam_bridge_outbox', `incident=${incident.sys_id}`)).length;
    const first = await press(incident.sys_id);
    expect(first.shown).toBe(true);
    expect(first.messages).toHaveLength(1);
    const text = first.messages[0]!.message;
    expect(first.messages[0]!.level).toBe('info');
    expect(text).toMatch(/^Salesforce customer context \(read-only, owned by Salesforce; as of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)/);
    expect(text).toContain(`Account: Acme Retail (${account.id})`);
    // The tier by the sev-1 alert's high-value threshold (x_seam_bridge.alerts.high_value_from, 100,000).
    expect(text).toContain('Contract value: 250,000; tier: high value');
    expect(text).toContain('Entitlement: Premier Support — Active, 2026-01-01 to 2027-06-30; SLA: Premier 4h response');
    expect(text).toContain('Contract end (latest active entitlement end): 2027-06-30');
    expect(text).toContain('Open cases: 2');
    expect(text).toContain('Invoices missing since the upgrade');

    // A second press within cache_seconds is answered from the cache row, said so.
    const second = await press(incident.sys_id);
    expect(second.messages[0]!.message).toContain('UTC, cached)');
    expect(await e.sn.query('x_seam_bridge_customer_cache', `account_id=${account.id}`)).toHaveLength(1);

    // Read-only: the incident did not change, nothing was queued to Salesforce.
    const after = (await e.sn.query('incident', `sys_id=${incident.sys_id}`))[0]!;
    expect(after.sys_mod_count).toBe(before.sys_mod_count);
    expect(await e.sn.query('x_seam_bridge_outbox', `incident=${incident.sys_id}`)).toHaveLength(outboxBefore);
  });

  it('a case with no account: an error message naming the fix and an audit row', async () => {
    const caseId = await createCase(e.sf, incidentTriage);
    await e.sandbox.settle();
    const incident = (await e.sn.incidentForCase(caseId))!;
    expect(incident).toBeDefined();
    const r = await press(incident.sys_id);
    expect(r.messages).toEqual([{ level: 'error', message: expect.stringMatching(/has no account in Salesforce\. Fix: set the Account on the Case in Salesforce/) }]);
    const audits = await e.sn.query('x_seam_bridge_audit', `operation=customer_context:no_account^sf_case_id=${caseId}`);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.detail).toContain(incident.number);
  });
});

/** The panel's "Escalate to engineering" on the Case: one problem for the case. */
async function escalate(caseId: string): Promise<Record<string, string>> {
  const res = await fetch(`${e.sandbox.urls.salesforce}/seam-twin/apex/SeamPanelController/escalateToEngineering`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ caseId }),
  });
  expect(res.status).toBe(200);
  await e.sandbox.settle();
  const [problem] = await e.sn.query('problem', `x_seam_bridge_sf_case_id=${caseId}`);
  expect(problem, 'the escalation created the problem').toBeDefined();
  return problem!;
}

describe('customer context on the problem', () => {
  it('a problem whose case has an account shows account, value and tier, entitlement and SLA, open cases and their subjects', async () => {
    const store = (e.sandbox as any).salesforce.store;
    const account = store.create('Account', { Name: 'Globex Logistics', Seam_Contract_Value__c: 40000 }, seed) as string;
    const sla = store.create('SlaProcess', { Name: 'Standard 8h response', IsActive: true }, seed);
    store.create('Entitlement', { Name: 'Standard Support', AccountId: account, Status: 'Active', StartDate: '2026-02-01', EndDate: '2027-01-31', SlaProcessId: sla }, seed);
    const caseId = await createCase(e.sf, { ...incidentTriage, Subject: 'Label printer drops every third job', AccountId: account });
    await createCase(e.sf, { Subject: 'Tracking page shows yesterday', AccountId: account, Status: 'Working' });
    await e.sandbox.settle();
    const problem = await escalate(caseId);
    expect(problem.x_seam_bridge_sf_account_id).toBe(account);

    const r = await press(problem.sys_id, 'problem');
    expect(r.shown).toBe(true);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]!.level).toBe('info');
    const text = r.messages[0]!.message;
    expect(text).toContain(`Account: Globex Logistics (${account})`);
    expect(text).toContain('Contract value: 40,000; tier: standard');
    expect(text).toContain('Entitlement: Standard Support — Active, 2026-02-01 to 2027-01-31; SLA: Standard 8h response');
    expect(text).toContain('Contract end (latest active entitlement end): 2027-01-31');
    expect(text).toContain('Open cases: 2');
    expect(text).toContain('Label printer drops every third job');
    expect(text).toContain('Tracking page shows yesterday');
  });

  it('a problem whose case has no account: an error naming the fix, audited as the problem\'s', async () => {
    const caseId = await createCase(e.sf, { ...incidentTriage, Subject: 'Scanner firmware update bricks the device' });
    await e.sandbox.settle();
    const problem = await escalate(caseId);
    const r = await press(problem.sys_id, 'problem');
    expect(r.messages).toEqual([{ level: 'error', message: expect.stringMatching(/has no account in Salesforce\. Fix: set the Account on the Case in Salesforce/) }]);
    const audits = await e.sn.query('x_seam_bridge_audit', `operation=customer_context:no_account^sf_case_id=${caseId}`);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.detail).toMatch(new RegExp(`^problem ${problem.number}: `));
    expect(audits[0]!.target_id ?? '').toBe('');
  });
});
