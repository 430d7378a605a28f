// The receipts depend on a grant a real org can lack: Seam_Audit__c is Private, and without the
// subscriber config (post-install step 4) the PE trigger runs as the Automated Process user, who then
// owns its audit rows. The integration user's receipt query still succeeds but sees none of them, so
// every delivered update looks lost. This scenario runs the twin that way: nothing is applied twice,
// the updates are republished, dead-lettered after three, and Test connection names the cause and fix.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../sandbox/sandbox.js';
import { ServiceNowClient } from './helpers.js';
import { caseComments, createCase, incidentTriage } from './helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let sandbox: Awaited<ReturnType<typeof createSandbox>>;
let sf: jsforce.Connection;
let sn: ServiceNowClient;
let stateDir: string;

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'seam-e2e-'));
  sandbox = await createSandbox({ stateDir, reset: true, properties: { 'x_seam_bridge.outbox.receipt_window_seconds': '1' }, salesforceSubscriberRunsAs: 'automated_process' });
  const creds = sandbox.credentials.salesforce;
  sf = new jsforce.Connection({ oauth2: { loginUrl: creds.loginUrl, clientId: creds.clientId, clientSecret: creds.clientSecret }, version: '62.0' });
  await sf.authorize({ grant_type: 'client_credentials' });
  sn = new ServiceNowClient(sandbox.urls.servicenow);
});
afterAll(async () => { await sandbox?.close(); rmSync(stateDir, { recursive: true, force: true }); });

describe('receipts when the integration user cannot see the trigger\'s audit rows', () => {
  it('applies each update once, dead-letters after three republishes, and Test connection names the fix', async () => {
    const caseId = await createCase(sf, { ...incidentTriage, Description: `${incidentTriage.Description} (receipts unreadable)` });
    await sandbox.settle();
    const incident = (await sn.incidentForCase(caseId))!;
    expect(incident).toBeDefined();
    await sn.patch('incident', incident.sys_id, { state: '2', comments: 'Unreadable receipts: on it.' }, 'agent');
    await sandbox.settle();

    // The trigger did apply it, and its audit exists — but the integration user's query cannot see it.
    const visible = await sf.query(`SELECT Id FROM Seam_Audit__c WHERE Case__c = '${caseId}' AND Direction__c = 'sn_to_sf'`);
    expect(visible.records).toHaveLength(0);
    const applied = sandbox.salesforce.store.all('Seam_Audit__c').filter((a: any) => a.Case__c === caseId && a.Direction__c === 'sn_to_sf' && a.Result__c === 'applied');
    expect(applied.length).toBeGreaterThan(0);

    for (let i = 0; i < 5; i += 1) { await sleep(2100); await sandbox.settle(); }

    const rows = await sn.query('x_seam_bridge_outbox', `kind=incident_update^sf_case_id=${caseId}`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r: any) => r.status === 'dead_letter' && r.receipt === 'none' && r.republishes === '3')).toBe(true);
    expect(rows.every((r: any) => r.confirmed_at === '')).toBe(true);
    // Nothing was applied twice: the republished copies were duplicates of the applied original.
    expect((await caseComments(sf, caseId)).filter((c) => c.CommentBody.includes('Unreadable receipts: on it.'))).toHaveLength(1);

    const report = await sn.call('GET', '/api/x_seam_bridge/seam/v1/test-connection');
    const receipts = report.body.checks.find((c: { name: string }) => c.name === 'receipts');
    expect(receipts).toMatchObject({ ok: false, detail: expect.stringContaining('cannot see the Seam_Audit__c rows'), fix: expect.stringContaining('configure-subscriber.sh') });
    expect(report.body.ok).toBe(false);
  }, 60_000);
});
