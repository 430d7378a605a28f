// Knowledge end to end in the sandbox: both twins seeded with the public StackExchange FAQ
// articles, the real ingestion into the on-disk index, cited answers through the proxy and through
// the ServiceNow app's route for Salesforce; a retired article stops being cited; a resolved linked
// incident becomes a citable case summary.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './sandbox.js';
import { ingestFromTwins } from './knowledge.js';

let sb: Sandbox;
const stateDir = mkdtempSync(join(tmpdir(), 'seam-knowledge-'));
const basic = (u: { user: string; password: string }) => 'Basic ' + Buffer.from(`${u.user}:${u.password}`).toString('base64');

async function ask(question: string, extra: Record<string, unknown> = {}) {
  const res = await fetch(`${sb.urls.proxy}/v1/knowledge/answer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${sb.credentials.proxy.salesforce}` },
    body: JSON.stringify({ idempotencyKey: `k-${Math.random().toString(36).slice(2)}`, correlationId: 'test', question, ...extra }),
  });
  return { status: res.status, body: await res.json() };
}

const reingest = () =>
  ingestFromTwins({
    index: sb.knowledge!.index,
    checkpointFile: join(stateDir, 'knowledge-checkpoint.json'),
    serviceNowUrl: sb.urls.servicenow,
    integrationAuth: basic(sb.credentials.servicenow.integration),
    salesforceUrl: sb.urls.salesforce,
    clientId: sb.credentials.salesforce.clientId,
    clientSecret: sb.credentials.salesforce.clientSecret,
    progress: 'none',
  });

beforeAll(async () => {
  sb = await createSandbox({ stateDir, reset: true, knowledge: true });
}, 120_000);
afterAll(async () => {
  await sb?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('knowledge in the sandbox', () => {
  it('seeds both knowledge bases and ingests every published article once', async () => {
    const k = sb.knowledge!;
    expect(k.seeded).toMatchObject({ servicenow: 63, salesforce: 62, seeded: true });
    expect(k.report.servicenow).toMatchObject({ added: 63, removed: 0 });
    expect(k.report.salesforce).toMatchObject({ added: 62, removed: 0 });
    expect(await k.index.stats()).toMatchObject({ docs: 125, vectors: false });
    // A second run reads nothing new: the checkpoint holds.
    const again = await reingest();
    expect(again.servicenow?.added ?? 0).toBe(0);
    expect(again.salesforce?.added ?? 0).toBe(0);
  });

  it('answers a paraphrased question with citations from the twins, labelled AI-generated', async () => {
    const r = await ask('How can I delete my facebook account?');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ aiGenerated: true, noConfidentAnswer: false, retrieval: { vectors: false } });
    expect(r.body.citations.length).toBeGreaterThan(0);
    expect(r.body.citations[0].title.toLowerCase()).toContain('facebook');
    expect(r.body.citations[0].url).toMatch(/kb_view\.do|Knowledge__kav/);
  });

  it('says "no confident answer" for a question neither base answers', async () => {
    const r = await ask('What torque should the wheel nuts of a 1967 tractor have?');
    expect(r.body.noConfidentAnswer).toBe(true);
  });

  it('Salesforce asks through the ServiceNow app route (its Named Credential path) and gets the cited answer', async () => {
    const { access_token } = sb.salesforce.issueToken();
    const created = await fetch(`${sb.urls.salesforce}/services/data/v62.0/sobjects/Case`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ Subject: 'How do I delete my Facebook account?', Description: 'The customer wants the Facebook account removed for good.', Priority: 'Low' }),
    });
    const caseId = (await created.json()).id as string;
    const res = await fetch(`${sb.urls.servicenow}/api/x_seam_bridge/seam/v1/knowledge/answer`, {
      method: 'POST',
      headers: { authorization: basic(sb.credentials.servicenow.integration), 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ caseId, subject: 'How do I delete my Facebook account?', description: 'The customer wants it removed for good.' }),
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.noConfidentAnswer).toBe(false);
    expect(body.citations[0].title.toLowerCase()).toContain('facebook');
  });

  it('a retired ServiceNow article is removed by the next ingestion and is no longer cited', async () => {
    const first = await ask('How can I delete my facebook account?', { platforms: ['servicenow'] });
    const cited = first.body.citations[0];
    expect(cited.platform).toBe('servicenow');
    // Retire it on ServiceNow, as a knowledge manager would. One second later than the last
    // ingestion: a change within the same sys_updated_on second as the checkpoint's is skipped by
    // the (timestamp, ids) cursor (reported to the knowledge workspace; not this test's subject).
    await new Promise((r) => setTimeout(r, 1100));
    const list = await sb.serviceNowApi(`/api/now/table/kb_knowledge?sysparm_query=number=${cited.number}&sysparm_fields=sys_id`);
    const sysId = list.body.result[0].sys_id;
    expect((await sb.serviceNowApi(`/api/now/table/kb_knowledge/${sysId}`, { method: 'PATCH', body: { workflow_state: 'retired' } })).status).toBe(200);
    const report = await reingest();
    expect(report.servicenow?.removed, JSON.stringify({ report, cited, patched: (await sb.serviceNowApi(`/api/now/table/kb_knowledge/${sysId}?sysparm_fields=workflow_state,sys_updated_on,number`)).body })).toBe(1);
    const after = await ask('How can I delete my facebook account?', { platforms: ['servicenow'] });
    expect(after.body.citations.map((c: { docId: string }) => c.docId)).not.toContain(cited.docId);
  });

  it('recurring unanswered questions become one draft kb_knowledge for review (the app\'s daily job), never published', async () => {
    for (const q of ['The badge reader at the lobby door rejects my badge', 'lobby badge reader does not accept my badge', 'badge reader in the lobby blinks red when I badge in']) {
      expect((await ask(q)).body.noConfidentAnswer).toBe(true);
    }
    await sb.servicenow.runJobs({ allJobs: true });
    const drafts = await sb.serviceNowApi(`/api/now/table/kb_knowledge?sysparm_query=${encodeURIComponent('sourceSTARTSWITHseam-knowledge-gap:')}&sysparm_fields=short_description,workflow_state,text`);
    expect(drafts.status).toBe(200);
    expect(drafts.body.result).toHaveLength(1);
    expect(drafts.body.result[0].workflow_state).toBe('draft');
    expect(drafts.body.result[0].short_description).toMatch(/^Knowledge gap: .*badge/);
    // Drafts are not ingested: only published articles reach the index.
    const report = await reingest();
    expect(report.servicenow?.added ?? 0).toBe(0);
  });

  it('post-resolution learning: a resolved linked incident becomes a citable CASE_SUMMARY (masked)', async () => {
    const { access_token } = sb.salesforce.issueToken();
    const created = await fetch(`${sb.urls.salesforce}/services/data/v62.0/sobjects/Case`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ Subject: 'Login error after the SSO change', Description: 'Nobody can log in: SSO answers "authentication failed" after the password step.', Priority: 'Medium' }),
    });
    const caseId = (await created.json()).id as string;
    await sb.settle();
    const [incident] = (await sb.serviceNowApi(`/api/now/table/incident?sysparm_query=x_seam_bridge_sf_case_id=${caseId}&sysparm_fields=sys_id,number`)).body.result;
    expect(incident?.number).toMatch(/^INC/);
    const patched = await sb.serviceNowApi(`/api/now/table/incident/${incident.sys_id}`, {
      method: 'PATCH',
      body: { state: '6', close_code: 'Solved (Permanently)', close_notes: 'Renewed the expired SAML signing certificate on the identity provider; ask ada.lovelace@example.com to confirm.' },
    });
    expect(patched.status).toBe(200);
    await sb.settle();
    const r = await ask('SSO login fails with authentication failed after the SAML certificate expired');
    const cited = r.body.citations.find((c: { kind: string }) => c.kind === 'CASE_SUMMARY');
    expect(cited, JSON.stringify(r.body.citations)).toMatchObject({ platform: 'servicenow', number: incident.number, docId: `servicenow:case-summary:${incident.sys_id}` });
    // Masked before it was indexed: the e-mail address never reached the index.
    const hits = await sb.knowledge!.index.search('ada.lovelace example.com SAML certificate', { k: 10 });
    expect(JSON.stringify(hits.passages)).not.toContain('ada.lovelace@example.com');
  });
});
