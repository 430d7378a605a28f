// Customer context on the incident: the real built app's form button "Customer context
// (Salesforce)" pressed on the ServiceNow twin reads the Salesforce twin with one SOQL query and
// shows account, value, entitlement with its SLA process and open cases — writing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME } from '../twins/salesforce/store.js';
import { createCase, incidentTriage, startE2E, type E2E } from './helpers.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const press = async (sysId: string): Promise<{ shown: boolean; messages: Array<{ level: string; message: string }> }> => {
  const r = await e.sn.call('POST', '/twin/ui-action', { table: 'incident', action: 'x_seam_bridge_customer_context', sysId });
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
    expect(text).toContain('Contract value: 250,000');
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
