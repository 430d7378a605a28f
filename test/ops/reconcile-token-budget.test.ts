// Operations scenarios on the twins (issue 8): the drift sweep repairs changes that skipped the
// outbound path, a refused credential pauses the outbox and it resumes with nothing lost, and the
// API budget guard stops the sweep before the org's limit while live sync goes on.
// The ServiceNow twin runs the real built app (servicenow-app/dist); the Salesforce twin is in-process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseComments, createCase, getCase, incidentTriage, startE2E, type E2E, type Row } from '../e2e/helpers.js';

const API = '/api/x_seam_bridge/seam/v1';
let e: E2E;
beforeAll(async () => {
  e = await startE2E({ 'x_seam_bridge.outbox.backoff_base_seconds': '1', 'x_seam_bridge.outbox.backoff_max_seconds': '2' });
});
afterAll(async () => { await e?.close(); });

type SfRecord = Record<string, unknown>;
/** The Salesforce twin's stored Case, written directly: no trigger, no outbox, no API call counted. */
function storedCase(id: string): SfRecord {
  const cases = (e.sandbox.salesforce.store.state.records as Record<string, Record<string, SfRecord>>).Case;
  const hit = Object.values(cases).find((c) => c.Id === id);
  if (!hit) throw new Error(`no Case ${id} in the twin store`);
  return hit;
}
const apiUsage = (): number => e.sandbox.salesforce.apiUsage;
async function reconcileByHand(): Promise<Row & Record<string, any>> {
  const res = await e.sn.call('POST', `${API}/reconcile`, {});
  expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
  return res.body.run;
}
async function logs(): Promise<Array<{ level: string; message: string }>> {
  return (await e.sandbox.servicenow.logs()).logs;
}

/** GET /v1/metrics as the admin (Prometheus text). */
async function metricsText(): Promise<string> {
  const res = await fetch(`${e.sn.url}${API}/metrics`, { headers: { authorization: 'Basic ' + Buffer.from('admin:admin').toString('base64') } });
  expect(res.status).toBe(200);
  return res.text();
}

let caseIds: string[] = [];
let incidents: Row[] = [];

describe('drift reconciliation sweep', () => {
  it('repairs, in the owner direction, changes that never went through the outbound path, with one SOQL query', async () => {
    caseIds = [];
    for (let i = 0; i < 3; i++) caseIds.push(await createCase(e.sf, { ...incidentTriage, Subject: `${incidentTriage.Subject} #${i}` }));
    await e.sandbox.settle();
    incidents = [];
    for (const id of caseIds) incidents.push((await e.sn.incidentForCase(id))!);
    expect(incidents.every(Boolean)).toBe(true);
    const before = await getCase(e.sf, caseIds[1], ['Seam_Incident_Priority__c', 'Seam_Assignee__c']);

    // 1. A ServiceNow change whose event was lost: the rule ran with sync off and queued nothing.
    const lost = 'Root cause: an expired certificate on the identity provider.';
    await e.sandbox.servicenow.setProperties({ 'x_seam_bridge.sync.enabled': 'false' });
    await e.sn.patch('incident', incidents[0].sys_id, { close_notes: lost }, 'agent');
    await e.sandbox.settle();
    await e.sandbox.servicenow.setProperties({ 'x_seam_bridge.sync.enabled': 'true' });
    expect(await e.sn.query('x_seam_bridge_outbox', `incident=${incidents[0].sys_id}^status!=sent`)).toEqual([]);
    // 2. A Salesforce-owned field changed by a data load (no trigger ran).
    storedCase(caseIds[1]).Subject = 'Changed by a data load';
    // 3. A ServiceNow-owned copy on the case clobbered by the same data load.
    storedCase(caseIds[1]).Seam_Incident_Priority__c = before.Seam_Incident_Priority__c === 'Low' ? 'High' : 'Low';
    storedCase(caseIds[2]).Seam_Assignee__c = 'clobbered';

    const usage0 = apiUsage();
    const run = await reconcileByHand();
    expect(run).toMatchObject({ state: 'done', soql_calls: 1, repaired_to_servicenow: 1, repaired_to_salesforce: 3, drift_found: 4 });
    expect(run.links_checked).toBeGreaterThanOrEqual(3);
    await e.sandbox.settle();
    // One SOQL query for the links, one sObject Collections call for the three repairs: the floor.
    expect(apiUsage() - usage0).toBeLessThanOrEqual(2);

    expect((await e.sn.incidentForCase(caseIds[1]))?.short_description).toBe('Changed by a data load');
    expect((await getCase(e.sf, caseIds[0], ['Seam_Resolution_Notes__c'])).Seam_Resolution_Notes__c).toBe(lost);
    expect((await getCase(e.sf, caseIds[1], ['Seam_Incident_Priority__c'])).Seam_Incident_Priority__c).toBe(before.Seam_Incident_Priority__c);
    expect((await getCase(e.sf, caseIds[2], ['Seam_Assignee__c'])).Seam_Assignee__c ?? '').toBe(incidents[2].assigned_to ?? '');
    const audit = await e.sn.query('x_seam_bridge_audit', 'operationSTARTSWITHreconcile:');
    expect(audit.map((a) => a.operation).sort()).toEqual(['reconcile:queue_repair', 'reconcile:queue_repair', 'reconcile:queue_repair', 'reconcile:repair_incident']);

    // Repaired for good: the next sweep finds nothing and queues nothing; the repair did not echo.
    const again = await reconcileByHand();
    expect(again).toMatchObject({ state: 'done', drift_found: 0, soql_calls: 1 });
    await e.sandbox.settle();
    expect(await e.sn.query('x_seam_bridge_outbox', 'status!=sent')).toEqual([]);
  });
});

describe('token lifecycle', () => {
  it('an expired session token is renewed on the next call: no pause, no alert, nothing retried', async () => {
    e.sandbox.salesforce.expireTokens();
    const note = 'Expired token test: still syncing.';
    await e.sn.patch('incident', incidents[1].sys_id, { comments: note }, 'agent');
    await e.sandbox.settle({ maxRounds: 5 });
    await e.sf.authorize({ grant_type: 'client_credentials' }); // the test's own jsforce session expired too
    expect((await caseComments(e.sf, caseIds[1])).filter((c) => c.CommentBody.includes(note))).toHaveLength(1);
    expect(await e.sn.query('x_seam_bridge_outbox', 'status!=sent')).toEqual([]);
    expect((await e.sn.query('x_seam_bridge_outbox', `incident=${incidents[1].sys_id}^attempts>1`))).toEqual([]);
    expect((await e.sn.query('x_seam_bridge_ops_state', 'name=credential^status=paused'))).toEqual([]);
  });

  it('pauses the outbox on a refused grant with one alert, burns no attempts, and resumes with nothing lost', async () => {
    // The grant is revoked: sessions end and the token endpoint refuses the client.
    e.sandbox.salesforce.faults.next({ path: '/services/oauth2/token', status: 400, body: { error: 'invalid_grant', error_description: 'expired access/refresh token' }, times: Infinity });
    e.sandbox.salesforce.revokeTokens();
    const notes = incidents.map((_, i) => `Token test comment ${i}: we are on it.`);
    for (let i = 0; i < incidents.length; i++) await e.sn.patch('incident', incidents[i].sys_id, { comments: notes[i] }, 'agent');
    for (let i = 0; i < 3; i++) await e.sandbox.settle({ maxRounds: 3 });

    const queued = await e.sn.query('x_seam_bridge_outbox', 'status!=sent');
    expect(queued).toHaveLength(incidents.length);
    expect(queued.map((r) => `${r.status}/${r.attempts}`), JSON.stringify(queued.map((r) => r.last_error))).toEqual(incidents.map(() => "pending/0"));
    const credential = (await e.sn.query('x_seam_bridge_ops_state', 'name=credential'))[0];
    expect(credential.status).toBe('paused');
    expect(credential.detail).toMatch(/Get OAuth Token/);
    expect((await logs()).filter((l) => l.level === 'error' && l.message.includes('Seam paused sending'))).toHaveLength(1);
    expect(await metricsText()).toContain('seam_credential_paused 1');

    // The admin fixes the credential: the next drain's probe succeeds and everything goes out once.
    e.sandbox.salesforce.faults.clear();
    await e.sandbox.settle();
    await e.sf.authorize({ grant_type: 'client_credentials' }); // the test's own jsforce session was revoked too
    expect(await e.sn.query('x_seam_bridge_outbox', 'status!=sent')).toEqual([]);
    expect((await e.sn.query('x_seam_bridge_ops_state', 'name=credential'))[0].status).toBe('ok');
    for (let i = 0; i < caseIds.length; i++) {
      expect((await caseComments(e.sf, caseIds[i])).filter((c) => c.CommentBody.includes(notes[i]))).toHaveLength(1);
    }
    expect(await e.sn.query('x_seam_bridge_outbox', 'status=dead_letter')).toEqual([]);
  });
});

describe('API budget guard', () => {
  it('stops the sweep before the org limit, alerts once, shows usage in /metrics, and lets live sync through', async () => {
    // Someone else used most of today's allocation (15,000): 95.3 % is past the 0.95 stop share.
    e.sandbox.salesforce.store.state.apiUsage = 14_300;

    // Live sync is urgent: an agent's change still reaches the case, and its answer reports the usage.
    const note = 'Budget test: live sync goes on.';
    await e.sn.patch('incident', incidents[0].sys_id, { comments: note }, 'agent');
    await e.sandbox.settle({ maxRounds: 5 });
    expect((await caseComments(e.sf, caseIds[0])).filter((c) => c.CommentBody.includes(note))).toHaveLength(1);

    const usage0 = apiUsage();
    const run = await reconcileByHand();
    expect(run).toMatchObject({ state: 'throttled', soql_calls: 0, links_checked: 0 });
    expect(run.detail).toMatch(/stopped/);
    await e.sandbox.settle({ maxRounds: 3 }); // the job ticks the throttled run: still no query
    const again = await reconcileByHand();
    expect(again).toMatchObject({ runId: run.runId, state: 'throttled', soql_calls: 0 });
    expect(apiUsage()).toBe(usage0);
    expect((await logs()).filter((l) => l.level === 'error' && l.message.includes('reached the stop share'))).toHaveLength(1);

    const text = await metricsText();
    expect(text).toMatch(/seam_salesforce_api_used\{day="\d{4}-\d{2}-\d{2}"\} 143\d\d/);
    expect(text).toContain('seam_salesforce_api_max{day=');
    expect(text).toContain('seam_budget_mode{mode="stop"} 1');
  });
});
