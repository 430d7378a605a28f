// The console server's routes against a real sandbox (both twins running Seam's code + the proxy).
// Each test states the write the console must make and checks it on the platform it targets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox } from '../sandbox/sandbox.js';
import { createConsole } from './index.js';
import { flatten, soqlString } from './views.js';

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
type Console = Awaited<ReturnType<typeof createConsole>>;

let sandbox: Sandbox;
let web: Console;
let stateDir: string;

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; type: string | null }> {
  const res = await fetch(web.url + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, body: parsed, type: res.headers.get('content-type') };
}

/** A raw request, so `..` reaches the server unnormalised (fetch would resolve it first) and any Host header can be sent. */
function rawGet(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<number> {
  const { port } = new URL(web.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end(method === 'GET' ? undefined : '{"subject":"from another site"}');
  });
}

const sn = async (path: string, method = 'GET', body?: unknown) => {
  const r = await sandbox.serviceNowApi(path, { method, body });
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { result: any }).result;
};
const sfRecords = (type: string) => sandbox.salesforce.store.all(type);

/** Reads SSE frames until `match` accepts one or the time is up. */
async function nextEvent(match: (event: string, data: any) => boolean, trigger: () => Promise<unknown>, timeoutMs = 8000) {
  const controller = new AbortController();
  const res = await fetch(`${web.url}/api/events`, { signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    await trigger();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('event stream ended');
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (event && data && match(event, JSON.parse(data))) return { event, data: JSON.parse(data) };
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

const loginError = {
  subject: 'Customer reports a login error: SSO says "authentication failed"',
  description: 'Since this morning none of our users can log in. The single sign-on page shows "authentication failed" after the password step, and the VPN client rejects the same credentials. Password reset did not help.',
  priority: 'Medium',
  contact: 'Ada Lovelace',
};

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'seam-console-test-'));
  sandbox = await createSandbox({ stateDir, reset: true });
  web = await createConsole({ sandbox, port: 0, pollMs: 200 });
});

afterAll(async () => {
  await web?.close();
  await sandbox?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('static files', () => {
  it('serves the page, the SLDS stylesheet and icons, and refuses paths outside their folders', async () => {
    const page = await call('GET', '/');
    expect(page.type).toContain('text/html');
    expect(page.body).toContain('/lwc/panel.js');
    const css = await call('GET', '/slds/styles/salesforce-lightning-design-system.min.css');
    expect(css.status).toBe(200);
    expect(css.type).toContain('text/css');
    expect(css.body).toContain('.slds-card');
    expect((await call('GET', '/slds/icons/standard-sprite/svg/symbols.svg')).body).toContain('id="incident"');
    expect(await rawGet('/slds/../../package.json')).toBe(404);
    expect(await rawGet('/slds/%2e%2e/%2e%2e/%2e%2e/package.json')).toBe(404);
    expect(await rawGet('/..%2f..%2fpackage.json')).toBe(404);
  });

  it('serves the package\'s linkedIncidentPanel compiled by the LWC compiler, with the stand-ins wired in', async () => {
    const bundle = await call('GET', '/lwc/panel.js');
    expect(bundle.type).toContain('javascript');
    // Text from the real component's template and module, compiled (not copied) into the bundle.
    expect(bundle.body).toContain('This case is not linked to a ServiceNow incident.');
    expect(bundle.body).toContain('/event/Seam_Case_Signal__e');
    expect(bundle.body).not.toContain('/event/Incident_Update__e');
    expect(bundle.body).toContain('c-linked-incident-panel');
    // The Apex import goes through the console's proxy; empApi through its event stream.
    expect(bundle.body).toContain('/api/apex/');
    expect(bundle.body).toContain('/api/events');
    // Synthetic shadow is in, so the page's SLDS stylesheet reaches the component.
    expect(bundle.body).toMatch(/syntheticShadow|\$\$ShadowResolverKey\$\$|attachShadow/);
  });
});

describe('Salesforce side', () => {
  let caseId: string;

  it('creates a case with a new contact, and reuses that contact by name', async () => {
    const created = await call('POST', '/api/cases', loginError);
    expect(created.status).toBe(201);
    caseId = created.body.id;
    const record = sfRecords('Case').find((c) => c.Id === caseId)!;
    expect(record).toMatchObject({ Subject: loginError.subject, Priority: 'Medium', Origin: 'Web' });
    const contact = sfRecords('Contact').find((c) => c.Id === record.ContactId)!;
    expect(contact).toMatchObject({ FirstName: 'Ada', LastName: 'Lovelace' });

    const second = await call('POST', '/api/cases', { subject: 'Second question', contact: 'Ada Lovelace', priority: 'Low' });
    expect(sfRecords('Case').find((c) => c.Id === second.body.id)!.ContactId).toBe(record.ContactId);
    expect(sfRecords('Contact').filter((c) => c.LastName === 'Lovelace')).toHaveLength(1);
  });

  it('refuses a case without a subject or with an unknown priority, naming the field', async () => {
    const before = sfRecords('Case').length;
    const noSubject = await call('POST', '/api/cases', { subject: '  ', priority: 'Low' });
    expect(noSubject.status).toBe(400);
    expect(noSubject.body.error).toMatchObject({ field: 'subject' });
    const badPriority = await call('POST', '/api/cases', { subject: 'x', priority: 'Urgent' });
    expect(badPriority.status).toBe(400);
    expect(badPriority.body.error.field).toBe('priority');
    expect(badPriority.body.error.message).toContain('High, Medium, Low');
    expect((await call('POST', '/api/cases', 'not an object')).status).toBe(400);
    expect(sfRecords('Case')).toHaveLength(before);
  });

  it('adds a public case comment', async () => {
    const res = await call('POST', `/api/cases/${caseId}/comments`, { body: 'Tried again, still failing.' });
    expect(res.status).toBe(201);
    const comment = sfRecords('CaseComment').find((c) => c.Id === res.body.id)!;
    expect(comment).toMatchObject({ ParentId: caseId, CommentBody: 'Tried again, still failing.', IsPublished: true });
    expect((await call('POST', `/api/cases/not-an-id/comments`, { body: 'x' })).body.error.field).toBe('caseId');
  });

  it('forwards the panel\'s Apex calls to the twin\'s SeamPanelController', async () => {
    const link = await call('POST', '/api/apex/SeamPanelController/getLink', { caseId });
    expect(link.status).toBe(200);
    expect(link.body).toMatchObject({ caseId, accessDenied: false });
    expect((await call('GET', '/api/apex/SeamPanelController/getLink')).status).toBe(405);
    // An AuraHandledException comes back as the twin's 400 {error}, which the Apex stand-in turns into {body:{message}}.
    const refused = await call('POST', '/api/apex/SeamPanelController/escalate', { caseId: '500000000000000AAA' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toContain('edit access');
    expect((await call('POST', '/api/apex/SeamPanelController/noSuchMethod', {})).status).toBe(404);
  });

  it('shows the case, its comments and (after the sync) its incident with the journal in one state answer', async () => {
    await sandbox.settle();
    const state = await call('GET', `/api/state?caseId=${caseId}`);
    expect(state.status).toBe(200);
    expect(state.body.errors).toEqual({});
    expect(state.body.cases.map((c: any) => c.Id)).toContain(caseId);
    expect(state.body.case.record.Subject).toBe(loginError.subject);
    expect(state.body.case.comments.map((c: any) => c.CommentBody)).toContain('Tried again, still failing.');
    const incident = state.body.incident.incident;
    expect(incident.number).toMatch(/^INC\d{7}$/);
    expect(state.body.case.record.Seam_Incident_Number__c).toBe(incident.number);
    expect(state.body.incident.link.raw.sf_case_id).toBe(caseId);
    expect((await call('GET', '/api/state?caseId=bad')).status).toBe(400);
  });

  it('reads the whole Salesforce side of a refresh with one API call (a composite request)', async () => {
    await call('GET', `/api/state?caseId=${caseId}`); // a token is fetched once, not per refresh
    await sandbox.settle(); // nothing else is calling Salesforce while we count
    const before = sandbox.salesforce.apiUsage;
    const state = await call('GET', `/api/state?caseId=${caseId}`);
    expect(state.body.errors).toEqual({});
    expect(state.body.case.record.Id).toBe(caseId);
    expect(sandbox.salesforce.apiUsage - before).toBe(1);
  });
});

describe('ServiceNow side', () => {
  let incidentSysId: string;

  beforeAll(async () => {
    const created = await call('POST', '/api/cases', { ...loginError, subject: 'Login error on the reporting portal: "authentication failed"' });
    await sandbox.settle();
    const state = await call('GET', `/api/state?caseId=${created.body.id}`);
    incidentSysId = state.body.incident.incident.sys_id;
  });

  it('changes state and assignee and posts comments and work notes through the Table API', async () => {
    const agent = (await sn('/api/now/table/sys_user?sysparm_query=user_name=itil.agent'))[0];
    const saved = await call('PATCH', `/api/incidents/${incidentSysId}`, { state: '2', assigned_to: agent.sys_id });
    expect(saved.status).toBe(200);
    await call('PATCH', `/api/incidents/${incidentSysId}`, { work_notes: 'Checking the IdP logs' });
    await call('PATCH', `/api/incidents/${incidentSysId}`, { comments: 'We are looking into it.' });
    const incident = (await sn(`/api/now/table/incident/${incidentSysId}`));
    expect(incident).toMatchObject({ state: '2', assigned_to: { value: agent.sys_id } });
    const journal = await sn(`/api/now/table/sys_journal_field?sysparm_query=element_id=${incidentSysId}`);
    expect(journal.map((j: any) => [j.element, j.value])).toEqual(expect.arrayContaining([['work_notes', 'Checking the IdP logs'], ['comments', 'We are looking into it.']]));
  });

  it('fills the resolution fields an agent must give when resolving', async () => {
    await call('PATCH', `/api/incidents/${incidentSysId}`, { state: '6', close_notes: 'Reset the IdP signing key.' });
    expect(await sn(`/api/now/table/incident/${incidentSysId}`)).toMatchObject({ state: '6', close_notes: 'Reset the IdP signing key.', close_code: 'Solved (Permanently)' });
  });

  it('refuses an unknown state, a malformed sys_id or an empty change, naming the field', async () => {
    const badState = await call('PATCH', `/api/incidents/${incidentSysId}`, { state: '42' });
    expect(badState.status).toBe(400);
    expect(badState.body.error.field).toBe('state');
    expect((await call('PATCH', '/api/incidents/nope', { state: '2' })).body.error.field).toBe('sysId');
    expect((await call('PATCH', `/api/incidents/${incidentSysId}`, {})).status).toBe(400);
  });

  it('review buttons set the review status as the UI actions do; reroute needs a group', async () => {
    const review = await sn('/api/now/table/x_seam_bridge_triage_review', 'POST', { sf_case_number: '00009999', status: 'pending', proposed_action: 'review' });
    const noGroup = await call('POST', `/api/reviews/${review.sys_id}/reroute`, {});
    expect(noGroup.status).toBe(400);
    expect(noGroup.body.error.field).toBe('group');
    const rejected = await call('POST', `/api/reviews/${review.sys_id}/reject`);
    expect(rejected.status).toBe(201);
    expect((await sn(`/api/now/table/x_seam_bridge_triage_review/${review.sys_id}`)).status).toBe('rejected');

    const group = await sn('/api/now/table/sys_user_group', 'POST', { name: 'Identity and Access Management' });
    const second = await sn('/api/now/table/x_seam_bridge_triage_review', 'POST', { sf_case_number: '00009998', status: 'pending', proposed_action: 'review' });
    await call('POST', `/api/reviews/${second.sys_id}/reroute`, { group: group.sys_id });
    expect(await sn(`/api/now/table/x_seam_bridge_triage_review/${second.sys_id}`)).toMatchObject({ status: 'rerouted', reroute_group: { value: group.sys_id } });
  });

  it('an approver\'s Approve reaches the review through the app\'s approval rule', async () => {
    const review = await sn('/api/now/table/x_seam_bridge_triage_review', 'POST', { sf_case_number: '00009997', status: 'approval_pending', proposed_action: 'approval' });
    const admin = (await sn('/api/now/table/sys_user?sysparm_query=user_name=admin'))[0];
    const approval = await sn('/api/now/table/sysapproval_approver', 'POST', { approver: admin.sys_id, state: 'requested', source_table: 'x_seam_bridge_triage_review', document_id: review.sys_id, sysapproval: review.sys_id });
    const res = await call('POST', `/api/approvals/${approval.sys_id}/approve`);
    expect(res.status).toBe(201);
    expect((await sn(`/api/now/table/sysapproval_approver/${approval.sys_id}`)).state).toBe('approved');
    expect((await sn(`/api/now/table/x_seam_bridge_triage_review/${review.sys_id}`)).status).toBe('approved');
  });

  it('replays a ServiceNow dead letter with a fresh attempt budget, and refuses to replay a sent message', async () => {
    const rows = await sn('/api/now/table/x_seam_bridge_outbox?sysparm_limit=1');
    const row = rows[0];
    await sn(`/api/now/table/x_seam_bridge_outbox/${row.sys_id}`, 'PATCH', { status: 'dead_letter', attempts: '8', last_error: 'HTTP 503' });
    const state = await call('GET', '/api/state');
    expect(state.body.servicenowDeadLetters.map((r: any) => r.sys_id)).toContain(row.sys_id);
    expect((await call('POST', `/api/dead-letters/servicenow/${row.sys_id}/replay`)).status).toBe(201);
    expect(await sn(`/api/now/table/x_seam_bridge_outbox/${row.sys_id}`)).toMatchObject({ status: 'pending', attempts: '0', last_error: '' });
    await sn(`/api/now/table/x_seam_bridge_outbox/${row.sys_id}`, 'PATCH', { status: 'sent' });
    const refused = await call('POST', `/api/dead-letters/servicenow/${row.sys_id}/replay`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('only dead letters');
  });

  it('replays a Salesforce dead letter by putting it back to Pending', async () => {
    const row = sfRecords('Seam_Outbox__c')[0];
    const token = sandbox.salesforce.issueToken();
    const patched = await fetch(`${sandbox.urls.salesforce}/services/data/v62.0/sobjects/Seam_Outbox__c/${row.Id}`, {
      method: 'PATCH', headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' }, body: JSON.stringify({ Status__c: 'Dead_Letter' }),
    });
    expect(patched.status).toBe(204);
    const state = await call('GET', '/api/state');
    expect(state.body.salesforceDeadLetters.map((r: any) => r.Id)).toContain(row.Id);
    expect((await call('POST', `/api/dead-letters/salesforce/${row.Id}/replay`)).status).toBe(201);
    expect(sfRecords('Seam_Outbox__c').find((r) => r.Id === row.Id)!.Status__c).toBe('Pending');
  });
});

describe('live feed', () => {
  it('relays the Salesforce twin\'s platform events as the panel\'s empApi expects them', async () => {
    const caseId = sfRecords('Case')[0].Id as string;
    const { data } = await nextEvent(
      (event) => event === 'platform-event',
      async () => {
        const token = sandbox.salesforce.issueToken();
        const res = await fetch(`${sandbox.urls.salesforce}/services/data/v62.0/sobjects/Incident_Update__e`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ Case_Id__c: caseId, Message_Id__c: 'console-test-1', Link_Version__c: 0 }),
        });
        expect(res.status).toBe(201);
      },
    );
    expect(data).toMatchObject({ type: 'Incident_Update__e', payload: { Case_Id__c: caseId } });
    expect(data.replayId).toBeGreaterThan(0);
  });

  it('follows the event feed over HTTP when the Salesforce twin runs in another process', async () => {
    const remote = await createConsole({ sandbox: { urls: sandbox.urls, credentials: sandbox.credentials }, port: 0 });
    try {
      const caseId = sfRecords('Case')[0].Id as string;
      const res = await fetch(`${remote.url}/api/events`);
      const reader = res.body!.getReader();
      let text = '';
      const token = sandbox.salesforce.issueToken();
      await fetch(`${sandbox.urls.salesforce}/services/data/v62.0/sobjects/Incident_Update__e`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ Case_Id__c: caseId, Message_Id__c: 'console-test-remote', Link_Version__c: 0 }),
      });
      const until = Date.now() + 8000;
      while (!text.includes('console-test-remote') && Date.now() < until) {
        const { value, done } = await Promise.race([reader.read(), new Promise<{ value: undefined; done: true }>((r) => setTimeout(() => r({ value: undefined, done: true }), until - Date.now()))]);
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      await reader.cancel();
      expect(text).toMatch(/event: platform-event\ndata: .*console-test-remote/);
    } finally {
      await remote.close();
    }
  });

  it('says "changed" when ServiceNow data moves, found by polling its Table API', async () => {
    const incident = (await sn('/api/now/table/incident?sysparm_limit=1'))[0];
    // Change something behind the console's back, again and again until the poller (which needs
    // a first fingerprint to compare with) has seen one of the changes.
    let changing = true;
    const { data } = await nextEvent(
      (event, d) => event === 'changed' && d.source === 'servicenow',
      async () => {
        void (async () => {
          for (let i = 0; changing && i < 20; i++) {
            await new Promise((r) => setTimeout(r, 300));
            await sn(`/api/now/table/incident/${incident.sys_id}`, 'PATCH', { short_description: `changed ${i}` });
          }
        })().catch(() => undefined);
      },
    ).finally(() => { changing = false; });
    expect(data.source).toBe('servicenow');
  });
});

describe('routing', () => {
  it('refuses requests for another host name and writes that are not JSON (another site\'s page cannot press its buttons)', async () => {
    const before = sfRecords('Case').length;
    expect(await rawGet('/api/state', { host: 'attacker.example:80' })).toBe(403);
    expect(await rawGet('/api/cases', { host: new URL(web.url).host, 'content-type': 'text/plain' }, 'POST')).toBe(415);
    expect(await rawGet('/api/cases', { host: 'attacker.example', 'content-type': 'application/json' }, 'POST')).toBe(403);
    expect(sfRecords('Case')).toHaveLength(before);
    expect(await rawGet('/api/state', { host: `localhost:${new URL(web.url).port}` })).toBe(200);
  });

  it('answers 404 for unknown API routes and 405 for the wrong method, naming the allowed one', async () => {
    expect((await call('GET', '/api/nothing')).status).toBe(404);
    const wrong = await call('DELETE', '/api/cases');
    expect(wrong.status).toBe(405);
    expect(wrong.body.error.message).toContain('GET or POST');
  });

  it('runs the scheduled jobs on request (a twin control)', async () => {
    const res = await call('POST', '/api/twin/run-jobs');
    expect(res.status).toBe(201);
    expect(res.body.settled).toMatchObject({ quiet: true });
  });
});

describe('helpers', () => {
  it('quotes SOQL strings so a value cannot leave its literal', () => {
    expect(soqlString("O'Brien \\ x")).toBe("'O\\'Brien \\\\ x'");
  });

  it('flattens Table API display-value rows and keeps the raw values', () => {
    expect(flatten({ state: { display_value: 'New', value: '1' }, number: 'INC1' })).toEqual({ state: 'New', number: 'INC1', raw: { state: '1', number: 'INC1' } });
  });
});

describe('governance dashboard and alerts', () => {
  it('serves the routing metrics per time bucket from the rows, with the queries that read them', async () => {
    await sandbox.settle();
    const d = await call('GET', '/api/dashboard?buckets=6');
    expect(d.status).toBe(200);
    const created = await sn('/api/now/table/x_seam_bridge_audit?sysparm_query=operation%3Dcase%3Acreate_incident%5Eresult%3Dsuccess&sysparm_fields=sf_case_id');
    expect(created.length).toBeGreaterThan(0);
    expect(d.body.current.casesRouted).toBe(new Set(created.map((r: any) => r.sf_case_id)).size);
    expect(d.body.points.reduce((a: number, p: any) => a + p.casesRouted, 0)).toBe(d.body.current.casesRouted);
    expect(d.body.points.length).toBeGreaterThanOrEqual(1);
    expect(d.body.queries.join('\n')).toMatch(/x_seam_bridge_audit[\s\S]*x_seam_bridge_link[\s\S]*x_seam_bridge_triage_review[\s\S]*x_seam_bridge_outbox/);
  });

  it('serves cross-platform insights computed from both sides, each with the queries it read', async () => {
    const phraseCalls = () => sandbox.proxy.metrics.requests.get({ endpoint: 'insights/phrase', status: '200', engine: 'embedded' });
    const before = phraseCalls();
    const r = await call('GET', '/api/insights');
    expect(r.status).toBe(200);
    // Phrased through the proxy's /v1/insights/phrase; the sandbox's proxy has no LLM, so the template sentences stand.
    expect(r.body.phrasing).toEqual({ engine: 'embedded' });
    expect(phraseCalls()).toBe(before + 1);
    for (const i of r.body.insights) expect([i.phrasedBy, i.text]).toEqual(['template', i.template]);
    const ids = r.body.insights.map((i: any) => i.id);
    expect(ids).toEqual(['high_priority_waiting_on_servicenow', 'top_cis_behind_cases', 'stalled_handoffs_by_group', 'routing_split']);
    const split = r.body.insights.find((i: any) => i.id === 'routing_split');
    // Cross-check the split against Salesforce's own rows.
    const cases = sfRecords('Case').filter((c: any) => c.Seam_Triage_Route__c);
    expect(Object.values(split.counts).reduce((a: number, b: any) => a + Number(b), 0)).toBe(cases.length);
    expect(split.queries[0]).toMatch(/^SOQL \(Salesforce\): SELECT Id, Priority/);
    expect(r.body.insights.find((i: any) => i.id === 'stalled_handoffs_by_group').queries[0]).toMatch(/\/api\/now\/table\/incident\?sysparm_query=x_seam_bridge_sf_case_idISNOTEMPTY/);
  });

  it('shows Seam\'s own alerts from Seam Status in the state answer', async () => {
    // The row exists once triage ran (the drift check's buffer); the name is unique.
    const detail = 'Seam triage confidence drift: mean confidence 0.60 over the last 50 triaged tickets vs 0.98';
    const existing = (await sn('/api/now/table/x_seam_bridge_ops_state?sysparm_query=name%3Dtriage_drift&sysparm_fields=sys_id,status,detail'))[0];
    const row = existing
      ? await sn(`/api/now/table/x_seam_bridge_ops_state/${existing.sys_id}`, 'PATCH', { status: 'alerting', detail })
      : await sn('/api/now/table/x_seam_bridge_ops_state', 'POST', { name: 'triage_drift', status: 'alerting', detail });
    try {
      const state = await call('GET', '/api/state');
      expect(state.body.alerts.map((a: any) => [a.raw.name, a.status])).toEqual([['triage_drift', 'alerting']]);
      expect(state.body.alerts[0].detail).toContain('mean confidence 0.60');
    } finally {
      if (existing) await sn(`/api/now/table/x_seam_bridge_ops_state/${existing.sys_id}`, 'PATCH', { status: existing.status, detail: existing.detail });
      else await sn(`/api/now/table/x_seam_bridge_ops_state/${row.sys_id}`, 'DELETE');
    }
  });
});
