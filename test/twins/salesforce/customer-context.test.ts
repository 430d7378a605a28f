// The customer context query of the ServiceNow button (shared/src/customer.ts), run against the
// twin's SOQL: the account, its entitlements with the entitlement process, and its open cases in
// one call, read back by the same shared parser the app uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerContextSoql, parseCustomerContext } from '../../../shared/src/customer';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME } from './store.js';
import { client, q, startTwin, type Client } from './helpers';
import type { SalesforceTwin } from './index.js';

let twin: SalesforceTwin;
let c: Client;
const seed = { userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] as Array<() => void> };
let accountId = '';

beforeAll(async () => {
  twin = await startTwin();
  c = await client(twin);
  const store = twin.store as any;
  accountId = store.create('Account', { Name: 'Acme Retail', Seam_Contract_Value__c: 250000 }, seed);
  const other = store.create('Account', { Name: 'Other Co' }, seed);
  const sla = store.create('SlaProcess', { Name: 'Premier 4h response', IsActive: true }, seed);
  // Status is computed by the platform; the twin stores what the seed says.
  store.create('Entitlement', { Name: 'Premier Support', AccountId: accountId, Status: 'Active', StartDate: '2026-01-01', EndDate: '2027-06-30', SlaProcessId: sla }, seed);
  store.create('Entitlement', { Name: 'Standard 2025', AccountId: accountId, Status: 'Expired', StartDate: '2025-01-01', EndDate: '2025-12-31' }, seed);
  store.create('Case', { Subject: 'Invoices missing', AccountId: accountId }, seed);
  store.create('Case', { Subject: 'Checkout times out', AccountId: accountId, Status: 'Escalated' }, seed);
  store.create('Case', { Subject: 'Someone else', AccountId: other }, seed);
});
afterAll(async () => { await twin.close(); });

describe('customer context SOQL on the twin', () => {
  it('one query answers the account, its entitlements with SLA process and its open cases', async () => {
    const r = await c.call('GET', q(customerContextSoql(accountId)));
    expect(r.status).toBe(200);
    const parsed = parseCustomerContext(accountId, r.body.records);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toMatchObject({ accountName: 'Acme Retail', contractValue: 250000, contractEnd: '2027-06-30', openCases: 2, openCasesCapped: false });
    expect(parsed.value.entitlements.map((e) => [e.name, e.status, e.slaProcess])).toEqual([['Premier Support', 'Active', 'Premier 4h response'], ['Standard 2025', 'Expired', null]]);
    expect(parsed.value.latestCases.map((x) => x.subject).sort()).toEqual(['Checkout times out', 'Invoices missing']);
  });

  it('the API cannot set an entitlement\'s Status (the platform computes it)', async () => {
    const r = await c.call('POST', '/sobjects/Entitlement', { Name: 'Mine', AccountId: accountId, Status: 'Active' });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('Status');
  });
});
