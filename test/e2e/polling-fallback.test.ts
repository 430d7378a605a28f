// The egress-blocked path (issue 14): ServiceNow may not call out, so Salesforce pulls. With
// x_seam_bridge.salesforce.delivery=poll and Salesforce's composite endpoint refusing ServiceNow,
// 1,000 incident updates (many in the same second) reach their cases through the package's
// SeamChangesPoller (the Salesforce twin) reading GET /v1/changes: 0 lost, 0 duplicates, in
// ⌈1,000/200⌉ = 5 pages per cursor pass; a replayed pass applies nothing twice; a bad cursor is a
// 400 naming the field, and the poller keeps its cursor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsForCase, startE2E, type E2E } from './helpers.js';

const N = 1000;
let e: E2E;
let ids: string[] = [];
let incidents: Array<{ sys_id: string; caseId: string }> = [];

beforeAll(async () => {
  // Triage off: new cases become incidents directly, so 1,000 links take seconds, not minutes.
  e = await startE2E({ 'x_seam_bridge.triage.enabled': 'false', 'x_seam_bridge.reconcile.enabled': 'false', 'x_seam_bridge.sla_risk.enabled': 'false' });
  for (let b = 0; b < N / 200; b++) {
    const records = Array.from({ length: 200 }, (_, i) => ({ Subject: `Printer offline at branch ${b}-${i}`, Description: 'The branch printer does not answer.', Priority: 'Low' }));
    const created = (await e.sf.sobject('Case').create(records, { allOrNone: true })) as Array<{ id: string; success: boolean }>;
    ids.push(...created.map((r) => r.id));
  }
  await e.sandbox.settle();
  incidents = (await e.sn.query('incident', 'x_seam_bridge_sf_case_idISNOTEMPTY')).map((r) => ({ sys_id: r.sys_id, caseId: r.x_seam_bridge_sf_case_id }));
}, 600_000);
afterAll(async () => { await e?.close(); });

const changes = (query: string) => e.sn.call('GET', `/api/x_seam_bridge/seam/v1/changes${query}`, undefined, 'integration');
const pollRows = () => e.sn.query('x_seam_bridge_outbox', 'sobject_type=Incident_Update__e^statusINawaiting_pull,pulled');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('polling fallback: ServiceNow egress switched off', () => {
  it('1,000 incident updates reach their cases in 5 pages per pass, 0 lost, 0 duplicates, and ServiceNow sends nothing', async () => {
    expect(incidents).toHaveLength(N);
    const pushed = ids.reduce((n, id) => n + eventsForCase(e.sandbox, id).length, 0);
    expect(pushed).toBeGreaterThanOrEqual(N); // the links were made event-driven (the default)

    // The switch, on both sides; and Salesforce now refuses anything ServiceNow would publish.
    await e.sandbox.servicenow.setProperties({ 'x_seam_bridge.salesforce.delivery': 'poll' });
    e.sandbox.salesforce.polling.configure({ enabled: true });
    e.sandbox.salesforce.faults.next({ path: '/services/data/v62.0/composite', status: 503, times: Infinity });

    // 1,000 agent updates, ten at a time: many land in the same second.
    for (let i = 0; i < N; i += 10) {
      await Promise.all(incidents.slice(i, i + 10).map((inc) => e.sn.patch('incident', inc.sys_id, { state: '2' }, 'agent')));
    }
    await e.sandbox.servicenow.runJobs({ allJobs: true });
    const queued = await pollRows();
    expect(queued).toHaveLength(N);
    expect(queued.every((r) => r.status === 'awaiting_pull' && r.attempts === '0')).toBe(true);
    const perSecond = new Map<string, number>();
    for (const r of queued) perSecond.set(r.sys_created_on, (perSecond.get(r.sys_created_on) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeGreaterThan(1);

    await sleep(3000); // past x_seam_bridge.poll.settle_seconds (2)
    const usage0 = e.sandbox.salesforce.apiUsage;
    const pass = await e.sandbox.pollChanges();
    expect(pass).toMatchObject({ pages: Math.ceil(N / 200), calls: Math.ceil(N / 200), applied: N, duplicate: 0, stale: 0, rejected: 0, unreadable: [] });
    // No call from ServiceNow reached Salesforce: no new Incident_Update__e was published.
    expect(ids.reduce((n, id) => n + eventsForCase(e.sandbox, id).length, 0)).toBe(pushed);
    expect(e.sandbox.salesforce.apiUsage).toBe(usage0);

    // Every case got its update exactly once.
    const states = await e.sf.query<{ Seam_Incident_State__c: string }>(`SELECT Seam_Incident_State__c FROM Case WHERE Id IN ('${ids.slice(0, 3).join("','")}')`);
    const inProgress = states.records[0].Seam_Incident_State__c;
    expect(states.records.every((r) => r.Seam_Incident_State__c === inProgress)).toBe(true);
    expect((await e.sf.query(`SELECT COUNT() FROM Case WHERE Seam_Incident_State__c = '${inProgress}'`)).totalSize).toBe(N);
    const keys = new Set(queued.map((r) => r.message_id));
    const audits = e.sandbox.salesforce.store.all('Seam_Audit__c').filter((a) => keys.has(String(a.Message_Id__c)));
    expect(audits.filter((a) => a.Result__c === 'applied')).toHaveLength(N);
    expect(new Set(audits.map((a) => a.Message_Id__c)).size).toBe(N);

    // The next pass finds nothing new and acknowledges the last page: every row pulled, every link in sync.
    const second = await e.sandbox.pollChanges();
    expect(second).toMatchObject({ pages: 1, calls: 1, applied: 0 });
    expect((await pollRows()).every((r) => r.status === 'pulled')).toBe(true);
    expect(await e.sn.query('x_seam_bridge_link', 'sync_state!=in_sync')).toEqual([]);
  }, 600_000);

  it('a replayed pass applies nothing twice', async () => {
    const commentsBefore = e.sandbox.salesforce.store.all('CaseComment').length;
    e.sandbox.salesforce.polling.configure({ cursor: '' });
    const replay = await e.sandbox.pollChanges();
    expect(replay).toMatchObject({ pages: Math.ceil(N / 200), applied: 0, duplicate: N });
    expect(e.sandbox.salesforce.store.all('CaseComment').length).toBe(commentsBefore);
  }, 120_000);

  it('a bad cursor is a 400 naming the field; the poller keeps its cursor and says why', async () => {
    const bad = await changes('?cursor=2026-12-02%2018%3A00%3A00&limit=200');
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems[0]).toMatchObject({ field: 'cursor' });
    expect(bad.body.error.detail).toMatch(/nextCursor of the previous page/);
    expect((await changes('?limit=201')).body.error.problems[0]).toMatchObject({ field: 'limit' });

    e.sandbox.salesforce.polling.configure({ cursor: 'not-a-cursor' });
    const run = await e.sandbox.pollChanges();
    expect(run).toMatchObject({ pages: 0, calls: 1, cursor: 'not-a-cursor' });
    expect(run.lastResult).toMatch(/^HTTP 400: cursor is not valid/);
  });
});
