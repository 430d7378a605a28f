// The egress-blocked path carries every Salesforce-bound write (issue 14): with ServiceNow's calls
// to Salesforce refused (connection refused) and x_seam_bridge.salesforce.delivery=poll, a sev-1 on
// a high-value account (account-owner Task), a major incident (one Task per affected account, the
// accounts found by Salesforce) and a resolution summary (CaseComment) each reach Salesforce once
// through SeamChangesPoller; a replayed pass applies nothing new; switching back to push mid-flight
// loses nothing and applies nothing twice. A file added to the incident reaches the Case once: the
// feed offers it, Salesforce's SeamFilePuller GETs its bytes from the Attachment API. The chat webhook
// stays pushed (it is not Salesforce).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SALESFORCE_ORIGIN } from '../sandbox/sandbox.js';
import { INTEGRATION_USER_ID } from '../twins/salesforce/store.js';
import { caseComments, createCase, incidentTriage, startE2E, type E2E } from './helpers.js';

const AI_LABEL = '[AI-generated — review before relying on it]';
const PORTAL = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'; // the customer-facing service (a CI sys_id)
/** Nothing listens on port 1: every call ServiceNow makes to Salesforce is refused, as behind a closed egress. */
const REFUSED = 'http://127.0.0.1:1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let e: E2E;
const ids = { acme: '', globex: '', caseA: '', caseB: '', incA: '', incB: '' };

beforeAll(async () => {
  e = await startE2E({
    'x_seam_bridge.major_incident.customer_facing_services': PORTAL,
    'x_seam_bridge.alerts.high_value_from': '100000',
    'x_seam_bridge.resolution.require_approval': 'false',
    'x_seam_bridge.reconcile.enabled': 'false',
    'x_seam_bridge.sla_risk.enabled': 'false',
  });
  const store = e.sandbox.salesforce.store as any;
  const ctx = { userId: INTEGRATION_USER_ID, userName: 'sales admin', inbound: true, after: [] as Array<() => void> };
  const account = (Name: string, value: number) => { const r = store.create('Account', { Name, Seam_Contract_Value__c: value, OwnerId: INTEGRATION_USER_ID }, ctx); store.commit(ctx); return typeof r === 'string' ? r : r.Id; };
  ids.acme = account('Acme Retail', 250000);
  ids.globex = account('Globex Bank', 5000);
  ids.caseA = await createCase(e.sf, { ...incidentTriage, AccountId: ids.acme });
  ids.caseB = await createCase(e.sf, { ...incidentTriage, Subject: 'Login error on the customer portal', AccountId: ids.globex });
  await e.sandbox.settle();
  ids.incA = (await e.sn.incidentForCase(ids.caseA))!.sys_id;
  ids.incB = (await e.sn.incidentForCase(ids.caseB))!.sys_id;
  // Both on the customer-facing service, from P3 (push still: the links are made event-driven).
  for (const inc of [ids.incA, ids.incB]) await e.sn.patch('incident', inc, { cmdb_ci: PORTAL, impact: '3', urgency: '3', priority: '3' }, 'agent');
  await e.sandbox.settle();
}, 300_000);
afterAll(async () => { await e?.close(); });

const tasksOn = async (whatId: string) => (await e.sf.query(`SELECT Subject, OwnerId FROM Task WHERE WhatId = '${whatId}'`)).records as any[];
const summaries = async (caseId: string) => (await caseComments(e.sf, caseId)).filter((c) => c.CommentBody.includes(AI_LABEL));
const outbox = (q: string) => e.sn.query('x_seam_bridge_outbox', q);
/** The ServiceNow jobs run, then the feed's settle window passes, then one poller run. */
async function pollAfterJobs() {
  await e.sandbox.servicenow.runJobs({ allJobs: true });
  await sleep(3200); // past x_seam_bridge.poll.settle_seconds (2), counted in whole seconds
  return e.sandbox.pollChanges();
}

describe('polling fallback: every Salesforce-bound write, with ServiceNow egress refused', () => {
  it('sev-1 account-owner Task, major-incident Tasks per account and the resolution summary reach Salesforce once each', async () => {
    await e.sandbox.servicenow.setProperties({ 'x_seam_bridge.salesforce.delivery': 'poll', 'x_seam_bridge.salesforce.instance_url': REFUSED });
    e.sandbox.salesforce.polling.configure({ enabled: true });
    const before = { a: (await tasksOn(ids.caseA)).length, acme: (await tasksOn(ids.acme)).length, globex: (await tasksOn(ids.globex)).length };

    await e.sn.patch('incident', ids.incA, { impact: '1', urgency: '1', priority: '1' }, 'agent');
    await e.sn.patch('incident', ids.incB, { state: '6', close_code: 'Solved (Permanently)', close_notes: 'Restarted the portal login service.' }, 'agent');
    const pass = await pollAfterJobs();
    expect(pass.failed).toBeNull();
    expect(pass.rejected).toBe(0);

    // Nothing was pushed or asked of Salesforce: every row waited for the poller.
    const rows = await outbox('kindINresolution_summary,impact_task,impact_notice');
    expect(rows.map((r) => r.kind).sort()).toEqual(['impact_notice', 'resolution_summary']);
    expect(rows.every((r) => r.attempts === '0')).toBe(true);

    const sev1 = (await tasksOn(ids.caseA)).slice(before.a);
    expect(sev1.map((t) => t.Subject)).toEqual([expect.stringMatching(/Priority 1 incident on Acme Retail$/)]);
    // The major incident: Salesforce found both accounts with open cases on the service.
    expect((await tasksOn(ids.acme)).length - before.acme).toBe(1);
    expect((await tasksOn(ids.globex)).length - before.globex).toBe(1);
    expect((await tasksOn(ids.globex)).at(-1).Subject).toMatch(/^\[INC\d+\] /);
    expect(await summaries(ids.caseB)).toHaveLength(1);

    // The next run acknowledges: every Salesforce-bound row is pulled.
    await e.sandbox.pollChanges();
    expect((await outbox('kindINresolution_summary,impact_notice')).map((r) => r.status)).toEqual(['pulled', 'pulled']);
  }, 120_000);

  it('a file added to the incident reaches the Case once: offered in the feed, its bytes pulled by Salesforce, ServiceNow calling nothing', async () => {
    const bytes = Buffer.from('VPN gateway trace\n'.repeat(200));
    const up = await fetch(`${e.sandbox.urls.servicenow}/api/now/attachment/file?table_name=incident&table_sys_id=${ids.incA}&file_name=vpn-trace.log`, {
      method: 'POST', headers: { authorization: `Basic ${Buffer.from('itil.agent:itil').toString('base64')}`, 'content-type': 'text/plain' }, body: bytes,
    });
    expect(up.status).toBe(201);
    const pass = await pollAfterJobs();
    expect(pass.failed).toBeNull();
    const [row] = await e.sn.query('x_seam_bridge_attachment', `incident=${ids.incA}^direction=outbound`);
    expect(row).toMatchObject({ file_name: 'vpn-trace.log', status: 'awaiting_pull', attempts: '0' }); // never pushed
    const onCase = () => e.sandbox.salesforce.store.all('ContentVersion').filter((v) => v.FirstPublishLocationId === ids.caseA && v.PathOnClient === 'vpn-trace.log');
    expect(onCase()).toEqual([]); // the page recorded the file; it fetched no bytes

    expect(await e.sandbox.pullFiles()).toMatchObject({ created: 1, deadLettered: 0 });
    const [v] = onCase();
    expect(Buffer.from(String(v.VersionData), 'base64').equals(bytes)).toBe(true);
    expect(v.Description).toBe(`[Seam: from ServiceNow · sha256:${row.sha256}]`);
    // The poller's next request acknowledges the page: the file row is delivered.
    await e.sandbox.pollChanges();
    expect((await e.sn.query('x_seam_bridge_attachment', `sys_id=${row.sys_id}`))[0].status).toBe('sent');
    expect((await outbox('kind=file_offer')).map((r) => r.status)).toEqual(['pulled']);
    // Mirrored from ServiceNow: Salesforce does not send it back.
    expect(e.sandbox.salesforce.store.all('Seam_Outbox__c').filter((r) => r.Kind__c === 'attachment')).toEqual([]);
    // A replayed pass records nothing new and pulls nothing again.
    const cursor = e.sandbox.salesforce.polling.setting.cursor;
    e.sandbox.salesforce.polling.configure({ cursor: '' });
    await e.sandbox.pollChanges();
    e.sandbox.salesforce.polling.configure({ cursor });
    expect(await e.sandbox.pullFiles()).toMatchObject({ attempted: 0 });
    expect(onCase()).toHaveLength(1);
  }, 120_000);

  it('a replayed pass applies nothing new', async () => {
    const tasks = e.sandbox.salesforce.store.all('Task').length;
    const comments = e.sandbox.salesforce.store.all('CaseComment').length;
    e.sandbox.salesforce.polling.configure({ cursor: '' });
    const replay = await e.sandbox.pollChanges();
    expect(replay.applied).toBe(0);
    expect(replay.duplicate + replay.stale).toBeGreaterThan(0);
    expect(e.sandbox.salesforce.store.all('Task').length).toBe(tasks);
    expect(e.sandbox.salesforce.store.all('CaseComment').length).toBe(comments);
  }, 60_000);

  it('poll → push mid-flight: the applied-but-unacknowledged page is not doubled, the unpulled rows are pushed, nothing is lost', async () => {
    // A page Salesforce applies but has not acknowledged yet: A's customer-visible comment.
    await e.sn.patch('incident', ids.incA, { comments: 'We are failing over to the standby site.' }, 'agent');
    const served = await pollAfterJobs();
    expect(served, JSON.stringify(served)).toMatchObject({ applied: 1 });
    // Then A is resolved: its update and its summary are queued and never served.
    await e.sn.patch('incident', ids.incA, { state: '6', close_code: 'Solved (Permanently)', close_notes: 'Failed over; primary repaired.' }, 'agent');
    await e.sandbox.servicenow.runJobs({ allJobs: true });
    const waiting = await outbox(`incident=${ids.incA}^status=awaiting_pull`);
    expect(waiting.map((r) => r.kind).sort()).toEqual(['incident_update', 'incident_update', 'resolution_summary']);

    // Egress opens again; the admin switches ServiceNow back to push. The drain sends what was waiting.
    await e.sandbox.servicenow.setProperties({ 'x_seam_bridge.salesforce.delivery': 'push', 'x_seam_bridge.salesforce.instance_url': SALESFORCE_ORIGIN });
    await e.sandbox.servicenow.runJobs({ allJobs: true });
    await e.sandbox.settle();
    // The poller's next run (still enabled) acknowledges and finds nothing new.
    const after = await e.sandbox.pollChanges();
    expect(after.applied).toBe(0);
    await e.sandbox.servicenow.runJobs({ allJobs: true });
    await e.sandbox.settle();

    expect(await outbox(`incident=${ids.incA}^statusINawaiting_pull,pending,failed,dead_letter`)).toEqual([]);
    const failover = (await caseComments(e.sf, ids.caseA)).filter((c) => c.CommentBody.includes('failing over to the standby site'));
    expect(failover).toHaveLength(1);
    expect(await summaries(ids.caseA)).toHaveLength(1);
    const c = (await e.sf.query(`SELECT Status FROM Case WHERE Id = '${ids.caseA}'`)).records[0] as any;
    expect(c.Status).toBe('Resolved');
    // Every incident update of A was applied exactly once (by the poller or by the push).
    const sent = await outbox(`incident=${ids.incA}^kind=incident_update`);
    const applied = e.sandbox.salesforce.store.all('Seam_Audit__c').filter((a) => a.Result__c === 'applied' && sent.some((r) => r.message_id === a.Message_Id__c));
    expect(new Set(applied.map((a) => a.Message_Id__c)).size).toBe(applied.length);
  }, 120_000);
});
