// Scenario: sev-1 on a high-value account. The incident's change to priority 1 is one
// Incident_Update__e that also makes Salesforce create a Task for the account owner, and one chat
// post through the incoming webhook (a local receiver on 127.0.0.1 plays Slack / Teams).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INTEGRATION_USER_ID } from '../twins/salesforce/store.js';
import { createCase, eventsForCase, incidentTriage, startE2E, type E2E } from './helpers.js';

interface Post { path: string; body: any }
const posts: Post[] = [];
/** Statuses the receiver answers next (then 200). */
const answers: number[] = [];
let receiver: Server;
let hookUrl = '';
let e: E2E;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => { text += c; });
    req.on('end', () => {
      const status = answers.shift() ?? 200;
      if (status === 200) posts.push({ path: req.url ?? '', body: JSON.parse(text) });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : status === 400 ? 'invalid_payload' : 'server_error');
    });
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', () => ok()));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/services/T000/B000/secret-token`;
  e = await startE2E({
    'x_seam_bridge.alerts.webhook_url': hookUrl,
    'x_seam_bridge.alerts.format': 'slack',
    'x_seam_bridge.alerts.high_value_from': '100000',
    'x_seam_bridge.outbox.max_attempts': '2',
  });
});
afterAll(async () => {
  await e?.close();
  await new Promise((ok) => receiver?.close(() => ok(undefined)));
});
beforeEach(() => { posts.length = 0; answers.length = 0; });

/** The sales team keeps the contract value (the integration user may not write it: field security). */
async function account(name: string, value: number | null): Promise<string> {
  const store = e.sandbox.salesforce.store as any;
  const ctx = { userId: INTEGRATION_USER_ID, userName: 'sales admin', inbound: true, after: [] as Array<() => void> };
  // The twin org has one user, so the account owner is it.
  const created = store.create('Account', { Name: name, Seam_Contract_Value__c: value, OwnerId: INTEGRATION_USER_ID }, ctx);
  store.commit(ctx);
  return typeof created === 'string' ? created : created.Id ?? created.id;
}

async function linkedIncident(accountId: string | null, subject: string) {
  const caseId = await createCase(e.sf, { ...incidentTriage, ...(accountId ? { AccountId: accountId } : {}) });
  await e.sandbox.settle();
  const incident = await e.sn.incidentForCase(caseId);
  expect(incident, `an incident for ${subject}`).toBeTruthy();
  // Triage may open it as a P1 already (that alerts too); start every scenario from P3.
  await e.sn.patch('incident', incident!.sys_id, { impact: '3', urgency: '3', priority: '3' }, 'agent');
  await e.sandbox.settle();
  posts.length = 0;
  answers.length = 0;
  return { caseId, incident: (await e.sn.incidentForCase(caseId))! };
}

const tasksOf = async (caseId: string) => (await e.sf.query(`SELECT Subject, Description, Priority, OwnerId FROM Task WHERE WhatId = '${caseId}'`)).records as any[];
/** The alert rows of the incident's latest change to P1 (an earlier one may exist when triage opened it as P1). */
const alertRows = async (incident: string) => {
  const rows = await e.sn.query('x_seam_bridge_outbox', `kind=critical_alert^incident=${incident}`);
  // Newest change first: the key's version (sys_created_on has one-second resolution).
  const version = (r: Record<string, string>) => Number(r.idempotency_key.split(':')[2]);
  return rows.sort((a, b) => version(b) - version(a)).slice(0, 1);
};
const audit = async (operation: string) => e.sn.query('x_seam_bridge_audit', `operationSTARTSWITH${operation}^ORDERBYsys_created_on`);
/** The console's ServiceNow dead-letter list reads exactly this (test/console/views.js). */
const deadLetters = async () => e.sn.query('x_seam_bridge_outbox', 'statusINdead_letter,held^ORDERBYDESCsys_updated_on');
/** The outbox Replay UI action (and the console's replay button): back to pending, fresh budget. */
const replay = async (sysId: string) => e.sn.patch('x_seam_bridge_outbox', sysId, { status: 'pending', attempts: '0', next_attempt_at: '', last_error: '' });
/** Makes a waiting retry due now (the twin's clock does not jump the backoff). */
const dueNow = async (sysId: string) => e.sn.patch('x_seam_bridge_outbox', sysId, { next_attempt_at: '' });

describe('sev-1 on a high-value account', () => {
  it('P1: one Task for the account owner and one Slack post, however often the event is delivered', async () => {
    const acme = await account('Acme Retail', 250000);
    const { caseId, incident } = await linkedIncident(acme, 'Checkout down for all users');
    expect(Number(incident.x_seam_bridge_contract_value)).toBe(250000);
    expect(incident.priority).not.toBe('1');
    const tasksBefore = (await tasksOf(caseId)).length;

    await e.sn.patch('incident', incident.sys_id, { impact: '1', urgency: '1', priority: '1' }, 'agent');
    await e.sandbox.settle();

    const tasks = (await tasksOf(caseId)).slice(tasksBefore);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].Subject).toBe(`[${incident.number}] Priority 1 incident on Acme Retail`);
    expect(tasks[0].Description).toContain('250,000');
    expect(tasks[0].Priority).toBe('High');
    const owner = (await e.sf.query(`SELECT OwnerId FROM Account WHERE Id = '${acme}'`)).records[0] as any;
    expect(owner.OwnerId).toBe(INTEGRATION_USER_ID);
    expect(tasks[0].OwnerId).toBe(owner.OwnerId);

    expect(posts).toHaveLength(1);
    expect(posts[0].path).toBe('/services/T000/B000/secret-token');
    expect(posts[0].body.text).toContain(`P1 incident ${incident.number} on`);
    expect(posts[0].body.blocks[0]).toMatchObject({ type: 'header' });

    // The platform delivers the same event again (three times): still one Task, no new post.
    const event = eventsForCase(e.sandbox, caseId).find((p) => p.Alert_Key__c);
    expect(event?.Alert_Key__c).toMatch(/^servicenow:[0-9a-f]{32}:\d+:critical-alert$/);
    const fields = Object.fromEntries(Object.entries(event!).filter(([k]) => k.endsWith('__c')));
    for (let i = 0; i < 3; i++) await e.sf.sobject('Incident_Update__e').create(fields);
    await e.sandbox.settle();
    expect(await tasksOf(caseId)).toHaveLength(tasksBefore + 1);
    expect(posts).toHaveLength(1);
    const rows = await alertRows(incident.sys_id);
    expect(rows.map((r) => r.status)).toEqual(['sent']);

    // Another update of the P1 incident is not a change to priority 1: nothing new.
    await e.sn.patch('incident', incident.sys_id, { short_description: 'Checkout down for all users (EU too)' }, 'agent');
    await e.sandbox.settle();
    expect(posts).toHaveLength(1);
    expect(await tasksOf(caseId)).toHaveLength(tasksBefore + 1);
    // The URL (the secret) is in no audit row.
    const all = await e.sn.query('x_seam_bridge_audit', 'operationSTARTSWITHcritical_alert^ORoperationSTARTSWITHqueue:critical_alert');
    expect(all.length).toBeGreaterThan(0);
    expect(JSON.stringify(all)).not.toContain('secret-token');
  });

  it('a webhook 500 is retried, dead-lettered after the retry budget, and one replay posts exactly once', async () => {
    const globex = await account('Globex Bank', 900000);
    const { incident } = await linkedIncident(globex, 'Payments failing');
    answers.push(500, 500);
    await e.sn.patch('incident', incident.sys_id, { impact: '1', urgency: '1', priority: '1' }, 'agent');
    await e.sandbox.settle();
    let [row] = await alertRows(incident.sys_id);
    // On a slow machine the backoff's second attempt can already have run within the settle.
    if (row.status !== 'dead_letter') {
      expect(row).toMatchObject({ status: 'failed', attempts: '1' });
      expect(row.last_error).toContain('HTTP 500');
      await dueNow(row.sys_id);
      await e.sandbox.settle();
      [row] = await alertRows(incident.sys_id);
    }
    expect(row).toMatchObject({ status: 'dead_letter', attempts: '2' });
    expect(row.last_error).toContain('retried 2 times');
    expect(row.last_error).not.toContain('secret-token');
    expect((await deadLetters()).map((r) => r.sys_id)).toContain(row.sys_id);
    expect(posts).toHaveLength(0);

    await replay(row.sys_id);
    await e.sandbox.settle();
    await e.sandbox.settle();
    expect(posts).toHaveLength(1);
    expect((await alertRows(incident.sys_id))[0].status).toBe('sent');
    const attempts = (await e.sn.query('x_seam_bridge_audit', `operation=critical_alert:post^idempotency_key=${row.idempotency_key}^ORDERBYsys_created_on`));
    expect(attempts.map((a) => a.result)).toEqual(['failed', 'failed', 'success']);
  });

  it('a webhook 400 is dead-lettered at once with the reason in the audit and the dead-letter list', async () => {
    const initech = await account('Initech', 500000);
    const { incident } = await linkedIncident(initech, 'Reports empty');
    answers.push(400);
    await e.sn.patch('incident', incident.sys_id, { impact: '1', urgency: '1', priority: '1' }, 'agent');
    await e.sandbox.settle();
    const [row] = await alertRows(incident.sys_id);
    expect(row).toMatchObject({ status: 'dead_letter', attempts: '1' });
    expect(row.last_error).toContain('HTTP 400: invalid_payload');
    expect(row.last_error).toContain('x_seam_bridge.alerts.webhook_url');
    const listed = (await deadLetters()).find((r) => r.sys_id === row.sys_id);
    expect(listed?.last_error).toContain('does not heal by retrying');
    const [entry] = await e.sn.query('x_seam_bridge_audit', `operation=critical_alert:post^idempotency_key=${row.idempotency_key}`);
    expect(entry).toMatchObject({ result: 'failed', http_status: '400' });
    expect(entry.detail).toContain('dead_letter');
    expect(posts).toHaveLength(0);
  });

  it('a case with no account: a clear audit row, no post, no Task, and the update itself still reaches the Case', async () => {
    const { caseId, incident } = await linkedIncident(null, 'No account on this one');
    await e.sn.patch('incident', incident.sys_id, { impact: '1', urgency: '1', priority: '1' }, 'agent');
    await e.sandbox.settle();
    // The last one: triage may have opened the incident as a P1 already (which was audited the same way).
    const skipped = (await audit('critical_alert:skip')).filter((a) => a.sf_case_id === caseId).slice(-1);
    expect(skipped).toHaveLength(1);
    expect(skipped[0].result).toBe('skipped');
    expect(skipped[0].detail).toContain('has no AccountId');
    expect(skipped[0].detail).toContain('fix: set the Account on the case');
    expect(posts).toHaveLength(0);
    expect(await e.sn.query('x_seam_bridge_outbox', `kind=critical_alert^incident=${incident.sys_id}`)).toEqual([]);
    expect(await tasksOf(caseId)).toEqual([]);
    const c = (await e.sf.query(`SELECT Seam_Incident_Priority__c FROM Case WHERE Id = '${caseId}'`)).records[0] as any;
    expect(c.Seam_Incident_Priority__c).toBe('High');
  });

  it('Teams format: one message with an Adaptive Card', async () => {
    await e.sandbox.servicenow.setProperties({ 'x_seam_bridge.alerts.format': 'teams' });
    const umbrella = await account('Umbrella Corp', 150000);
    const { incident } = await linkedIncident(umbrella, 'Warehouse scanners offline');
    await e.sn.patch('incident', incident.sys_id, { impact: '1', urgency: '1', priority: '1' }, 'agent');
    await e.sandbox.settle();
    expect(posts).toHaveLength(1);
    expect(posts[0].body.type).toBe('message');
    expect(posts[0].body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(posts[0].body.attachments[0].content.body[0].text).toContain(incident.number);
  });
});
