// The sweep's API cost, measured on the twins: 1,000 linked pairs, 250 of them drifted on the
// Salesforce side behind the package's back (direct store writes: no trigger, no outbox).
// Floor: one SOQL query per ≤200 links (5) + one sObject Collections call per ≤200 repairs (2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCase, startE2E, type E2E } from '../e2e/helpers.js';

let e: E2E;
beforeAll(async () => {
  // Triage off: new cases become incidents directly, so 1,000 links take seconds, not minutes.
  e = await startE2E({ 'x_seam_bridge.triage.enabled': 'false', 'x_seam_bridge.reconcile.enabled': 'false' });
});
afterAll(async () => { await e?.close(); });

describe('drift sweep over 1,000 links', () => {
  it('costs 5 SOQL calls and ⌈repairs/200⌉ collections calls, and repairs every drifted link', async () => {
    const ids: string[] = [];
    for (let b = 0; b < 5; b++) {
      const records = Array.from({ length: 200 }, (_, i) => ({ Subject: `VPN login fails for site ${b}-${i}`, Description: 'Users cannot connect.', Priority: 'Medium' }));
      const created = (await e.sf.sobject('Case').create(records, { allOrNone: true })) as Array<{ id: string; success: boolean }>;
      expect(created.every((r) => r.success)).toBe(true);
      ids.push(...created.map((r) => r.id));
    }
    await e.sandbox.settle();
    expect(await e.sn.query('x_seam_bridge_link', 'incidentISNOTEMPTY')).toHaveLength(1000);

    // 250 clobbered ServiceNow-owned copies (a data load in Salesforce that skipped the package).
    const cases = (e.sandbox.salesforce.store.state.records as Record<string, Record<string, Record<string, unknown>>>).Case;
    const byId = new Map(Object.values(cases).map((c) => [c.Id as string, c]));
    const drifted = ids.filter((_, i) => i % 4 === 0);
    for (const id of drifted) byId.get(id)!.Seam_Incident_State__c = 'Clobbered by a data load';
    const expectedState = (await getCase(e.sf, ids[1], ['Seam_Incident_State__c'])).Seam_Incident_State__c;

    const usage0 = e.sandbox.salesforce.apiUsage;
    const res = await e.sn.call('POST', '/api/x_seam_bridge/seam/v1/reconcile', {});
    const run = res.body.run;
    expect(run).toMatchObject({ links_checked: 1000, soql_calls: 5, drift_found: 250, repaired_to_salesforce: 250 });
    expect(e.sandbox.salesforce.apiUsage - usage0).toBe(5);
    await e.sandbox.settle();
    const calls = e.sandbox.salesforce.apiUsage - usage0;
    expect(calls).toBe(5 + Math.ceil(250 / 200));
    expect(await e.sn.query('x_seam_bridge_outbox', 'status!=sent')).toEqual([]);

    const after = await e.sf.query<{ Id: string; Seam_Incident_State__c: string }>(`SELECT Id, Seam_Incident_State__c FROM Case WHERE Seam_Incident_State__c = 'Clobbered by a data load'`);
    expect(after.totalSize).toBe(0);
    expect((await getCase(e.sf, drifted[0], ['Seam_Incident_State__c'])).Seam_Incident_State__c).toBe(expectedState);
    // The run ends on the next tick (the last batch was exactly 200): no further call.
    const status = await e.sn.call('GET', '/api/x_seam_bridge/seam/v1/reconcile');
    expect(status.body.run).toMatchObject({ runId: run.runId, state: 'done', soql_calls: 5 });
  });

  it('slows to one query per job tick above the slow share (0.8), with one alert', async () => {
    // 82.7 % of the 15,000 daily allocation is used: the first answer of the run reports it.
    e.sandbox.salesforce.store.state.apiUsage = 12_400;
    const usage0 = e.sandbox.salesforce.apiUsage;
    const started = (await e.sn.call('POST', '/api/x_seam_bridge/seam/v1/reconcile', {})).body.run;
    expect(started).toMatchObject({ state: 'throttled', soql_calls: 1, links_checked: 200 });
    expect(started.detail).toMatch(/slowed to 1 call/);
    for (let i = 0; i < 2; i++) await e.sandbox.servicenow.runJobs({ allJobs: true });
    const run = (await e.sn.call('GET', '/api/x_seam_bridge/seam/v1/reconcile')).body.run;
    expect(run).toMatchObject({ runId: started.runId, state: 'throttled', soql_calls: 3, links_checked: 600 });
    expect(e.sandbox.salesforce.apiUsage - usage0).toBe(3);
    const alerts = (await e.sandbox.servicenow.logs()).logs.filter((l: { level: string; message: string }) => l.level === 'error' && l.message.includes('passed the slow share'));
    expect(alerts).toHaveLength(1);
  });
});
