// Bad input on the Salesforce inbound path: Incident_Update__e published through the REST API
// (sObject Collections, as ServiceNow publishes them) and applied by the twin's subscriber, which
// mirrors the package's SeamIncidentUpdateHandler. A publish-time problem is a 4xx / failed
// SaveResult naming the field; an apply-time problem is an audit row naming the field, and the
// Case is left exactly as it was (fields, link version, comments).
import { beforeAll, describe, expect } from 'vitest';
import { SF_API } from '../faults/lib/clients.mjs';
import { tallied, useSandbox } from './helpers';

const ctx = useSandbox();
const run = tallied('Salesforce inbound path');
let caseId = '';
let otherCaseId = '';
let sysId = '';
let version = 1000;

const SNAPSHOT_FIELDS = ['Subject', 'Description', 'Priority', 'Status', 'Seam_Incident_State__c', 'Seam_Resolution_Notes__c', 'Seam_Incident_Sys_Id__c', 'Seam_Link_Version__c', 'Seam_Last_Message_Id__c', 'Seam_Correlation_Id__c'];

async function snapshot(id = caseId) {
  const { sf } = ctx();
  const rows = await sf.query(`SELECT ${SNAPSHOT_FIELDS.join(', ')}, (SELECT CommentBody FROM CaseComments) FROM Case WHERE Id = '${id}'`);
  const r = rows[0];
  return { ...Object.fromEntries(SNAPSHOT_FIELDS.map((f) => [f, r[f]])), comments: (r.CaseComments?.records ?? []).length };
}
const event = (over: Record<string, unknown> = {}) => {
  version += 1;
  return {
    attributes: { type: 'Incident_Update__e' },
    Message_Id__c: `m-bad-sf-${version}`, Idempotency_Key__c: `servicenow:${sysId}:${version}`, Case_Id__c: caseId, Incident_Sys_Id__c: sysId,
    Correlation_Id__c: `SNOW-INC0010001|SFDC-${caseId}`, Link_Version__c: version, Origin__c: 'servicenow',
    Fields_Json__c: JSON.stringify({ Seam_Resolution_Notes__c: 'fine' }), Comments_Json__c: '[]', Sent_At__c: '2026-11-23T10:00:00.000Z',
    ...over,
  };
};
async function publish(record: Record<string, unknown>, token?: string) {
  const { sf, sb } = ctx();
  if (token === undefined) return sf.request('POST', '/composite/sobjects', { allOrNone: false, records: [record] });
  const res = await fetch(`${sb.urls.salesforce}${SF_API}/composite/sobjects`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ allOrNone: false, records: [record] }),
  });
  return { status: res.status, body: await res.json() };
}
async function lastAudit(messageId: string) {
  const rows = await ctx().sf.query(`SELECT Result__c, Detail__c FROM Seam_Audit__c WHERE Message_Id__c = '${messageId}'`);
  return rows[rows.length - 1] as { Result__c: string; Detail__c: string | null } | undefined;
}

beforeAll(async () => {
  const { sf, sb, admin } = ctx();
  // Unmistakable IT work, so triage links both without a review (a terse "VPN error 809" is a
  // ticket the embedded triage is rightly unsure about).
  for (const [s, d] of [
    ['VPN gateway down for every laptop in the office', 'The VPN gateway fails since the update this morning; no laptop can connect to the file server.'],
    ['File server down for every laptop in the office', 'The server fails since the update this morning; no laptop can connect to it.'],
  ]) {
    const r = await sf.request('POST', '/sobjects/Case', { Subject: s, Description: d, Priority: 'Low' });
    if (!caseId) caseId = r.body.id; else otherCaseId = r.body.id;
  }
  await sb.settle();
  sysId = (await admin.rows('incident', `x_seam_bridge_sf_case_id=${caseId}`, 'sys_id'))[0]?.sys_id;
  if (!sysId) throw new Error('set-up: the case was not linked');
});

interface PublishRefused { name: string; record: () => Record<string, unknown>; field: string }
const publishRefused: PublishRefused[] = [
  { name: 'publish: Link_Version__c not a number', record: () => event({ Link_Version__c: 'seven' }), field: 'Link_Version__c' },
  { name: 'publish: unknown event field', record: () => event({ Bogus__c: 'x' }), field: 'Bogus__c' },
  { name: 'publish: Message_Id__c longer than 64', record: () => event({ Message_Id__c: 'm'.repeat(65) }), field: 'Message_Id__c' },
  { name: 'publish: Case_Id__c longer than 18', record: () => event({ Case_Id__c: `${'5'.repeat(17)}' OR Id != '` }), field: 'Case_Id__c' },
  { name: 'publish: Fields_Json__c over 131,072 characters', record: () => event({ Fields_Json__c: JSON.stringify({ Seam_Resolution_Notes__c: 'x'.repeat(131_100) }) }), field: 'Fields_Json__c' },
];

describe('publish-time refusals name the field', () => {
  run(publishRefused, async (c) => {
    const before = await snapshot();
    const r = await publish(c.record());
    const text = JSON.stringify(r.body);
    const failed = r.status >= 400 || (Array.isArray(r.body) && r.body[0]?.success === false);
    expect(failed, text).toBe(true);
    expect(text).toContain(c.field);
    expect(await snapshot()).toEqual(before);
  });
});

interface ApplyRefused { name: string; record: () => Record<string, unknown>; result: string; detail: RegExp; id?: () => string }
const applyRefused: ApplyRefused[] = [
  { name: 'apply: Fields_Json__c is not JSON', record: () => event({ Fields_Json__c: '{"Status": ' }), result: 'rejected', detail: /Fields_Json__c/ },
  { name: 'apply: Comments_Json__c is an object, not an array', record: () => event({ Comments_Json__c: '{"body":"x"}' }), result: 'rejected', detail: /Comments_Json__c/ },
  { name: 'apply: SOQL quote in Case_Id__c matches no case', record: () => event({ Case_Id__c: "500' OR '1'='1" }), result: 'rejected', detail: /Case_Id__c/ },
  { name: 'apply: encoded-query text in Case_Id__c matches no case', record: () => event({ Case_Id__c: '500^ORactive=true' }), result: 'rejected', detail: /Case_Id__c/ },
  { name: 'apply: an old version is stale', record: () => event({ Link_Version__c: 1 }), result: 'stale', detail: /not newer/ },
  // The Case stays on its incident: an event naming another one is refused, not a relink.
  { name: 'apply: an event naming another incident is rejected and does not relink the Case', record: () => event({ Incident_Sys_Id__c: 'f'.repeat(32) }), result: 'rejected', detail: /Incident_Sys_Id__c .*not the incident this Case is linked to/ },
  // Only ServiceNow publishes Incident_Update__e.
  { name: 'apply: an event with Origin__c salesforce is rejected', record: () => event({ Origin__c: 'salesforce', Fields_Json__c: JSON.stringify({ Seam_Resolution_Notes__c: 'from salesforce?' }) }), result: 'rejected', detail: /Origin__c/ },
  { name: 'apply: an event without Origin__c is rejected', record: () => event({ Origin__c: null }), result: 'rejected', detail: /Origin__c/ },
];

describe('apply-time refusals leave the Case as it was and say why in the audit', () => {
  run(applyRefused, async (c) => {
    const before = await snapshot();
    const rec = c.record();
    const r = await publish(rec);
    expect(r.status).toBe(200);
    const audit = await lastAudit(String(rec.Message_Id__c));
    expect(audit?.Result__c, JSON.stringify(audit)).toBe(c.result);
    expect(audit?.Detail__c ?? '').toMatch(c.detail);
    expect(await snapshot()).toEqual(before);
  });
});

interface Skipped { name: string; fields: Record<string, unknown>; field: string; kept: string }
const skipped: Skipped[] = [
  { name: 'apply: a Salesforce-owned field (Subject) is not written', fields: { Subject: 'hijacked' }, field: 'Subject', kept: 'Subject' },
  { name: 'apply: Description with a SOQL quote is not written (Salesforce owns it)', fields: { Description: "x' OR Id != '" }, field: 'Description', kept: 'Description' },
  { name: 'apply: an unknown field is not written', fields: { Bogus__c: 1 }, field: 'Bogus__c', kept: 'Subject' },
  { name: 'apply: Status of the wrong type is not written', fields: { Status: { $set: 'Closed' } }, field: 'Status', kept: 'Status' },
  // Case.Status is not a restricted picklist: the org would store any text, so the subscriber checks.
  { name: 'apply: a Status outside the picklist is not written', fields: { Status: 'Exploded' }, field: 'Status', kept: 'Status' },
];

describe('fields the sender may not write are skipped, named in the audit, and the rest applies', () => {
  run(skipped, async (c) => {
    const before = await snapshot();
    const notes = `notes for ${c.name}`;
    const rec = event({ Fields_Json__c: JSON.stringify({ ...c.fields, Seam_Resolution_Notes__c: notes }) });
    expect((await publish(rec)).status).toBe(200);
    const audit = await lastAudit(String(rec.Message_Id__c));
    expect(audit?.Result__c).toBe('applied');
    expect(audit?.Detail__c ?? '').toContain(c.field);
    const after = await snapshot();
    expect((after as Record<string, unknown>)[c.kept]).toEqual((before as Record<string, unknown>)[c.kept]);
    expect(after.Seam_Resolution_Notes__c).toBe(notes);
  });
});

describe('a value the org cannot hold is reported where an agent sees it', () => {
  run([{ name: 'apply: a Status outside the picklist is named in the Case\'s Last Sync Error' }], async () => {
    const rec = event({ Fields_Json__c: JSON.stringify({ Status: 'Exploded' }) });
    expect((await publish(rec)).status).toBe(200);
    const row = (await ctx().sf.query(`SELECT Status, Seam_Last_Error__c FROM Case WHERE Id = '${caseId}'`))[0];
    expect(row.Status).not.toBe('Exploded');
    expect(row.Seam_Last_Error__c).toMatch(/Status value "Exploded" is not in the org's picklist/);
  });
});

describe('text that is odd but valid arrives exactly', () => {
  const texts = [
    { name: 'RTL and a direction override', value: 'מספר \u202eINC0010001\u202c تم الحل' },
    { name: 'zero-width characters', value: 'fixed\u200b\u200d\u2060 now' },
    { name: 'emoji', value: 'fixed 🎉👩🏽‍💻 🇯🇵' },
    { name: 'encoded-query operators', value: 'done ^ORactive=true^NQ' },
  ];
  run(texts.map((t) => ({ ...t, name: `apply: resolution notes with ${t.name}` })), async (t) => {
    const rec = event({ Fields_Json__c: JSON.stringify({ Seam_Resolution_Notes__c: t.value }) });
    expect((await publish(rec)).status).toBe(200);
    expect((await snapshot()).Seam_Resolution_Notes__c).toBe(t.value);
  });
});

describe('credentials', () => {
  const creds = [
    { name: 'publish without a token', token: '' },
    { name: 'publish with a forged token', token: '00DTw0000000001!forged' },
  ];
  run(creds, async (c) => {
    const before = await snapshot();
    const r = await publish(event(), c.token);
    expect(r.status).toBe(401);
    expect(JSON.stringify(r.body)).toContain('INVALID_SESSION_ID');
    expect(await snapshot()).toEqual(before);
  });
  run([{ name: 'publish with a revoked token' }], async () => {
    const { sb } = ctx();
    const { access_token } = sb.salesforce.issueToken();
    sb.salesforce.revokeTokens();
    const before = await snapshot();
    const r = await publish(event(), access_token);
    expect(r.status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });
});
