// The Seam package's behaviour on the twin: Platform Events with replay ids, the Incident_Update__e
// subscriber (driven by Seam_Field_Mapping__mdt) and the Case trigger's outbound messages.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OWNERSHIP, idempotencyKey, messageId, parseOriginTag } from '@seam/shared';
// The build's own renderer of the custom metadata records (plain ESM, typed by inference).
import { mappingRecordXml, recordFileName } from '../../../scripts/lib/custom-metadata.mjs';
import { DEFAULT_PACKAGE_DIR, createSalesforceTwin, loadMappingRecords, loadSchema, type OutboundItem, type PlatformEvent, type SalesforceTwin } from './index.js';
import { client, q, realMappings, startTwin, type Client } from './helpers';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sf-twin-'));

/** Writes the custom metadata records the way the root build does, optionally with edits. */
function writeMetadata(dir: string, edit: (m: any) => any = (m) => m) {
  for (const m of OWNERSHIP) fs.writeFileSync(path.join(dir, recordFileName(m.key)), mappingRecordXml(edit(m)));
}

interface Update { messageId: string; version: number; fields?: Record<string, unknown>; comments?: unknown[]; caseId?: string; sentAt?: string }

let twin: SalesforceTwin;
let c: Client;

async function newCase(body: Record<string, unknown> = { Subject: 'Login error', Priority: 'High' }): Promise<string> {
  const r = await c.call('POST', '/sobjects/Case', body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}
const getCase = async (id: string) => (await c.call('GET', `/sobjects/Case/${id}`)).body;
const publish = (caseId: string, u: Update) => c.call('POST', '/sobjects/Incident_Update__e', {
  Message_Id__c: u.messageId, Idempotency_Key__c: `servicenow:a1b2c3:${u.version}`, Case_Id__c: u.caseId ?? caseId, Incident_Sys_Id__c: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  Correlation_Id__c: `SNOW-INC0010001|SFDC-${caseId}`, Link_Version__c: u.version, Origin__c: 'servicenow',
  Fields_Json__c: JSON.stringify(u.fields ?? {}), Comments_Json__c: JSON.stringify(u.comments ?? []), Sent_At__c: u.sentAt ?? new Date().toISOString(),
});
const comments = async (caseId: string) => (await c.call('GET', q(`SELECT CommentBody, IsPublished FROM CaseComment WHERE ParentId = '${caseId}' ORDER BY CreatedDate`))).body.records;
const audits = async (caseId: string) => (await c.call('GET', q(`SELECT Result__c, Detail__c, Fields__c, Old_Values__c, New_Values__c, Message_Id__c, Direction__c FROM Seam_Audit__c WHERE Case__c = '${caseId}' ORDER BY Name`))).body.records;

beforeAll(async () => {
  twin = await startTwin();
  c = await client(twin);
});
afterAll(() => twin.close());

describe('Platform Events', () => {
  it('publishes through sobjects and collections with increasing replay ids, to in-process subscribers', async () => {
    const seen: PlatformEvent[] = [];
    const stop = twin.events.subscribe((e) => seen.push(e));
    const caseId = await newCase();
    const one = await publish(caseId, { messageId: 'pe-1', version: 1 });
    expect(one.status).toBe(201);
    expect(one.body).toEqual({ id: expect.stringMatching(/^e00/), success: true, errors: [{ statusCode: 'OPERATION_ENQUEUED', message: expect.stringMatching(/^[0-9a-f-]{36}$/), fields: [] }] });
    const many = await c.call('POST', '/composite/sobjects', { allOrNone: false, records: [
      { attributes: { type: 'Incident_Update__e' }, Message_Id__c: 'pe-2', Case_Id__c: caseId, Link_Version__c: 2 },
      { attributes: { type: 'Incident_Update__e' }, Message_Id__c: 'pe-3', Case_Id__c: caseId, Link_Version__c: 'three' },
      { attributes: { type: 'Incident_Update__e' }, Message_Id__c: 'pe-4', Case_Id__c: caseId, Link_Version__c: 4 },
    ] });
    expect(many.body.map((r: any) => r.success)).toEqual([true, false, true]);
    expect(many.body[1].errors[0]).toMatchObject({ statusCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD', fields: ['Link_Version__c'] });
    stop();
    // The subscriber also publishes an id-only Seam_Case_Signal__e per applied update (the panel's live refresh).
    const updates = seen.filter((e) => e.type === 'Incident_Update__e');
    expect(updates.map((e) => e.payload.Message_Id__c)).toEqual(['pe-1', 'pe-2', 'pe-4']);
    expect(seen.filter((e) => e.type === 'Seam_Case_Signal__e').map((e) => Object.keys(e.payload).filter((k) => k.endsWith('__c')))).toContainEqual(['Case_Id__c']);
    const ids = updates.map((e) => e.replayId);
    expect(ids[1]).toBeGreaterThan(ids[0]);
    expect(ids[2]).toBeGreaterThan(ids[1]);
    expect(updates[0].payload.ReplayId).toBe(String(ids[0]));
    expect(updates[0].payload.EventUuid).toBe(one.body.errors[0].message);
    // Events cannot be read back or changed like records.
    expect((await c.call('GET', `/sobjects/Incident_Update__e/${one.body.id}`)).status).toBe(404);
  });

  it('keeps delivering when a subscriber throws', async () => {
    const caseId = await newCase();
    const stop = twin.events.subscribe(() => { throw new Error('listener bug'); });
    const quiet = console.error;
    console.error = () => {};
    try {
      await publish(caseId, { messageId: 'throwing-listener', version: 1, fields: { Seam_CI__c: 'still applied' } });
    } finally {
      console.error = quiet;
      stop();
    }
    expect((await getCase(caseId)).Seam_CI__c).toBe('still applied');
  });

  it('does not deliver events of a rolled-back allOrNone call', async () => {
    const before = twin.events.list().length;
    const r = await c.call('POST', '/composite/sobjects', { allOrNone: true, records: [
      { attributes: { type: 'Incident_Update__e' }, Message_Id__c: 'rb-1', Link_Version__c: 1 },
      { attributes: { type: 'Incident_Update__e' }, Message_Id__c: 'x'.repeat(65) },
    ] });
    expect(r.body[0].errors[0].statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
    expect(twin.events.list().length).toBe(before);
  });

  it('serves the twin-only feed: JSON after a replay id, long-poll, and server-sent events', async () => {
    const caseId = await newCase();
    const last = twin.events.list().at(-1)!.replayId;
    await publish(caseId, { messageId: 'feed-1', version: 1 });
    const feed = await (await fetch(`${twin.url}/seam-twin/events?replayId=${last}&type=Incident_Update__e`)).json();
    expect(feed.events.map((e: any) => e.payload.Message_Id__c)).toEqual(['feed-1']);
    expect(feed.latestReplayId).toBe(twin.events.list().at(-1)!.replayId);
    const first = feed.events[0].replayId;

    const waiting = fetch(`${twin.url}/seam-twin/events?replayId=${first}&type=Incident_Update__e&wait=5000`).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 20));
    await publish(caseId, { messageId: 'feed-2', version: 2 });
    const second = (await waiting).events;
    expect(second.map((e: any) => e.payload.Message_Id__c)).toEqual(['feed-2']);

    const controller = new AbortController();
    const sse = await fetch(`${twin.url}/seam-twin/events?replayId=${first}`, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
    expect(sse.headers.get('content-type')).toBe('text/event-stream');
    const reader = sse.body!.getReader();
    let text = '';
    while (!text.includes('feed-2')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(`id: ${second[0].replayId}\nevent: Incident_Update__e\ndata: `);
    controller.abort();
  });
});

describe('Incident_Update__e subscriber (the package\'s inbound apply)', () => {
  it('applies ServiceNow-owned fields, skips Salesforce-owned ones, tags comments and audits', async () => {
    const caseId = await newCase({ Subject: 'Login error', Priority: 'High', Status: 'New' });
    const sentAt = new Date(Date.now() - 1500).toISOString();
    await publish(caseId, {
      messageId: 'in-1', version: 3, sentAt,
      fields: { Status: 'Working', Seam_Assignee__c: 'Beth Anglin', Seam_Incident_Number__c: 'INC0010001', Seam_SLA_Due__c: '2026-11-24T10:00:00.000Z', Subject: 'changed by ServiceNow', Priority: 'Low' },
      comments: [
        { id: 'j1', body: 'We are looking into it', author: 'Beth Anglin', createdAt: sentAt, origin: 'servicenow' },
        { id: 'j0', body: 'customer wrote this', author: 'Ann', createdAt: sentAt, origin: 'salesforce' },
        { id: 'j2', body: '[Seam: from Salesforce · Ann]\nalso ours', author: 'Ann', createdAt: sentAt },
      ],
    });
    const after = await getCase(caseId);
    expect(after).toMatchObject({
      Status: 'Working', Seam_Assignee__c: 'Beth Anglin', Seam_Incident_Number__c: 'INC0010001', Seam_SLA_Due__c: '2026-11-24T10:00:00.000+0000',
      Subject: 'Login error', Priority: 'High', Seam_Link_Version__c: 3, Seam_Last_Message_Id__c: 'in-1',
      Seam_Incident_Sys_Id__c: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', Seam_Correlation_Id__c: `SNOW-INC0010001|SFDC-${caseId}`, Seam_Latest_Update__c: 'We are looking into it',
    });
    expect(after.Seam_Last_Sync__c).not.toBeNull();
    const cs = await comments(caseId);
    expect(cs).toHaveLength(1);
    expect(cs[0].IsPublished).toBe(true);
    expect(parseOriginTag(cs[0].CommentBody)).toEqual({ origin: 'servicenow', author: 'Beth Anglin', body: 'We are looking into it' });
    const [a] = await audits(caseId);
    expect(a).toMatchObject({ Result__c: 'applied', Direction__c: 'sn_to_sf', Message_Id__c: 'in-1' });
    expect(a.Fields__c.split(',').sort()).toEqual(['Seam_Assignee__c', 'Seam_Incident_Number__c', 'Seam_SLA_Due__c', 'Status']);
    expect(a.Detail__c).toContain('Subject is not ServiceNow-owned (Seam_Field_Mapping__mdt), skipped');
    expect(a.Detail__c).toContain('Priority is not ServiceNow-owned');
    expect(JSON.parse(a.Old_Values__c)).toMatchObject({ Status: 'New', Seam_Assignee__c: null });
  });

  it('applying the same message twice is applying it once; an older or equal version is ignored', async () => {
    const caseId = await newCase();
    const msg: Update = { messageId: 'dup-1', version: 5, fields: { Seam_Assignee__c: 'Fred' }, comments: [{ id: 'c1', body: 'first', author: 'Fred', createdAt: '', origin: 'servicenow' }] };
    await publish(caseId, msg);
    const once = await getCase(caseId);
    await publish(caseId, msg);
    await publish(caseId, { messageId: 'dup-older', version: 4, fields: { Seam_Assignee__c: 'Old value' }, comments: [{ id: 'c0', body: 'old', author: 'x', createdAt: '', origin: 'servicenow' }] });
    await publish(caseId, { messageId: 'dup-same-version', version: 5, fields: { Seam_Assignee__c: 'Same version' } });
    const twice = await getCase(caseId);
    expect(twice.Seam_Assignee__c).toBe('Fred');
    expect(twice.LastModifiedDate).toBe(once.LastModifiedDate);
    expect(await comments(caseId)).toHaveLength(1);
    expect((await audits(caseId)).map((a: any) => a.Result__c)).toEqual(['applied', 'duplicate', 'stale', 'stale']);

    await publish(caseId, { messageId: 'dup-2', version: 6, fields: { Seam_Assignee__c: 'Newer' } });
    expect((await getCase(caseId)).Seam_Assignee__c).toBe('Newer');
  });

  it('records values that do not fit and events for unknown cases or bad JSON as such', async () => {
    const caseId = await newCase();
    await publish(caseId, { messageId: 'bad-1', version: 1, fields: { Seam_SLA_Due__c: 'tomorrow-ish', Seam_CI__c: 'db01' } });
    const c1 = await getCase(caseId);
    expect(c1).toMatchObject({ Seam_SLA_Due__c: null, Seam_CI__c: 'db01' });
    expect((await audits(caseId))[0].Detail__c).toContain('Seam_SLA_Due__c value "tomorrow-ish" does not fit');

    const ghost = '500Tw00000000zzIAA'.slice(0, 15);
    await publish(caseId, { messageId: 'bad-2', version: 2, caseId: ghost });
    const orphan = await c.call('GET', q("SELECT Result__c, Detail__c, Case__c FROM Seam_Audit__c WHERE Message_Id__c = 'bad-2'"));
    expect(orphan.body.records[0]).toMatchObject({ Result__c: 'rejected', Case__c: null, Detail__c: expect.stringContaining('is not a case in this org') });

    await c.call('POST', '/sobjects/Incident_Update__e', { Message_Id__c: 'bad-3', Case_Id__c: caseId, Origin__c: 'servicenow', Link_Version__c: 3, Fields_Json__c: '{not json' });
    expect((await audits(caseId)).at(-1)).toMatchObject({ Result__c: 'rejected', Detail__c: expect.stringContaining('is not the JSON of docs/contracts.md') });
    expect((await getCase(caseId)).Seam_Link_Version__c).toBe(1);
  });

  it('never turns its own writes into outbound messages', async () => {
    const caseId = await newCase();
    twin.drainOutbound();
    await publish(caseId, { messageId: 'quiet-1', version: 1, fields: { Status: 'Escalated', Seam_Assignee__c: 'Beth' }, comments: [{ id: 'q1', body: 'hello', author: 'Beth', createdAt: '', origin: 'servicenow' }] });
    expect((await getCase(caseId)).Status).toBe('Escalated');
    expect(twin.outbound).toEqual([]);
    expect((await getCase(caseId)).Seam_Local_Version__c).toBe(1);
  });

  it('follows the ownership in the custom metadata files, not a copy of the map', async () => {
    const dir = tmp();
    // The generated records, with the assignee's owner flipped: the subscriber must follow the file.
    writeMetadata(dir, (m: any) => (m.key === 'assignedTo' ? { ...m, owner: 'salesforce' } : m));
    const records = loadMappingRecords(dir)!;
    expect(records).toHaveLength(OWNERSHIP.length);
    expect(records.find((r) => r.Key__c === 'state')).toMatchObject({ Owner__c: 'servicenow', Salesforce_Object__c: 'Case', Salesforce_Field__c: 'Status', ServiceNow_Field__c: 'state,hold_reason' });
    const other = await createSalesforceTwin({ metadataDir: dir });
    try {
      const oc = await client(other);
      const caseId = (await oc.call('POST', '/sobjects/Case', { Subject: 'x' })).body.id;
      await oc.call('POST', '/sobjects/Incident_Update__e', { Message_Id__c: 'md-1', Case_Id__c: caseId, Origin__c: 'servicenow', Link_Version__c: 1, Fields_Json__c: JSON.stringify({ Seam_Assignee__c: 'Beth', Status: 'Working' }) });
      const got = (await oc.call('GET', `/sobjects/Case/${caseId}`)).body;
      expect(got).toMatchObject({ Seam_Assignee__c: null, Status: 'Working' });
    } finally {
      await other.close();
    }
  });

  it('refuses to start without mapping records, saying how to get them', async () => {
    await expect(createSalesforceTwin({ metadataDir: tmp() })).rejects.toThrow(/no Seam_Field_Mapping__mdt records in .* Run the root "npm run build"/);
  });

  it('reads the generated metadata of the package by default', async () => {
    const records = loadMappingRecords();
    expect(records, 'run the root "npm run build" to generate salesforce-pkg/.../customMetadata').not.toBeNull();
    expect(records!.map((r) => r.Key__c).sort()).toEqual(OWNERSHIP.map((m) => m.key).sort());
    for (const m of OWNERSHIP) expect(records!.find((r) => r.Key__c === m.key)!.Owner__c).toBe(m.owner);
  });
});

describe('Case trigger (the package\'s outbound path)', () => {
  let seen: OutboundItem[] = [];
  let stop: () => void;
  beforeEach(() => { twin.drainOutbound(); seen = []; stop = twin.onOutbound((i) => seen.push(i)); });
  afterEach(() => stop());

  it('queues a CaseMessage with the Salesforce-owned fields on create, with shared keys', async () => {
    const account = (await c.call('POST', '/sobjects/Account', { Name: 'Acme', Seam_Contract_Value__c: 250000 })).body.id;
    const contact = (await c.call('POST', '/sobjects/Contact', { FirstName: 'Ada', LastName: 'Lovelace', AccountId: account })).body.id;
    const caseId = await newCase({ Subject: 'Login error', Description: 'cannot sign in', Priority: 'High', AccountId: account, ContactId: contact });
    const stored = await getCase(caseId);
    expect(stored).toMatchObject({ Seam_Local_Version__c: 1, Seam_Sync_Status__c: 'Pending' });
    expect(twin.outbound).toHaveLength(1);
    expect(seen).toEqual(twin.outbound);
    const item = twin.outbound[0];
    expect(item.kind).toBe('case');
    const m = item.message as any;
    const key = idempotencyKey('salesforce', caseId, 1);
    expect(m).toMatchObject({ caseId, caseNumber: stored.CaseNumber, version: 1, origin: 'salesforce', idempotencyKey: key, messageId: messageId(key), contactName: 'Ada Lovelace' });
    expect(Number.isNaN(Date.parse(m.sentAt))).toBe(false);
    const owned = OWNERSHIP.filter((o) => o.owner === 'salesforce' && o.salesforce && o.direction !== 'internal')
      .map((o) => (o.salesforce!.object === 'Case' ? o.salesforce!.field : `${o.salesforce!.object}.${o.salesforce!.field}`));
    expect(Object.keys(m.fields).sort()).toEqual([...new Set(owned)].sort());
    expect(m.fields).toMatchObject({ Id: caseId, Subject: 'Login error', Priority: 'High', AccountId: account, ContactId: contact, 'Account.Seam_Contract_Value__c': 250000 });
    expect(Object.keys(m.fields)).not.toContain('Status');
  });

  it('bumps the version only when a Salesforce-owned field really changes', async () => {
    const caseId = await newCase();
    twin.drainOutbound();
    await c.call('PATCH', `/sobjects/Case/${caseId}`, { Subject: 'Login error (VPN)' });
    await c.call('PATCH', `/sobjects/Case/${caseId}`, { Subject: 'Login error (VPN)' });
    await c.call('PATCH', `/sobjects/Case/${caseId}`, { Seam_AI_Summary__c: 'summary', Status: 'Working' });
    expect((await getCase(caseId)).Seam_Local_Version__c).toBe(2);
    expect(twin.outbound.map((i) => (i.message as any).version)).toEqual([2]);
    expect((twin.outbound[0].message as any).fields.Subject).toBe('Login error (VPN)');
    expect(twin.drainOutbound()).toHaveLength(1);
    expect(twin.outbound).toHaveLength(0);
  });

  it('queues public CaseComments of linked cases as CommentMessages, never private, ServiceNow-tagged or unlinked ones', async () => {
    const unlinked = await newCase();
    await c.call('POST', '/sobjects/CaseComment', { ParentId: unlinked, CommentBody: 'before the link', IsPublished: true });
    const caseId = await newCase();
    await c.call('PATCH', `/sobjects/Case/${caseId}`, { Seam_Incident_Sys_Id__c: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' });
    twin.drainOutbound();
    const pub = (await c.call('POST', '/sobjects/CaseComment', { ParentId: caseId, CommentBody: 'Any news?', IsPublished: true })).body.id;
    await c.call('POST', '/sobjects/CaseComment', { ParentId: caseId, CommentBody: 'internal note', IsPublished: false });
    await c.call('POST', '/sobjects/CaseComment', { ParentId: caseId, CommentBody: '[Seam: from ServiceNow · Beth]\ncopied', IsPublished: true });
    expect(twin.outbound).toHaveLength(1);
    expect(twin.outbound[0]).toMatchObject({ kind: 'comment', message: { caseId, commentId: pub, body: 'Any news?', origin: 'salesforce', idempotencyKey: idempotencyKey('salesforce', pub, 1, 'comment') } });
  });

  it('queues nothing for a rolled-back allOrNone call', async () => {
    await c.call('POST', '/composite/sobjects', { allOrNone: true, records: [
      { attributes: { type: 'Case' }, Subject: 'rolled back' },
      { attributes: { type: 'Case' }, Subject: 'x'.repeat(300) },
    ] });
    expect(twin.outbound).toHaveLength(0);
    expect(seen).toHaveLength(0);
  });
});

describe('schema and persistence', () => {
  it('enforces the custom fields the package defines', () => {
    const { objects, sources } = loadSchema();
    const caseFields = fs.readdirSync(path.join(DEFAULT_PACKAGE_DIR, 'objects/Case/fields')).map((f) => f.replace('.field-meta.xml', ''));
    expect(sources.Case).toBe('package');
    for (const f of caseFields) expect(objects.get('Case')!.fields.has(f.toLowerCase()), f).toBe(true);

    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'objects/Case/fields'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'objects/Case/fields/Only_This__c.field-meta.xml'),
      '<CustomField><fullName>Only_This__c</fullName><label>Only</label><length>5</length><type>Text</type></CustomField>');
    const custom = loadSchema({ packageDir: dir }).objects.get('Case')!;
    expect(custom.fields.has('only_this__c')).toBe(true);
    expect(custom.fields.has('seam_assignee__c')).toBe(false);

    // Without the package the built-in copy of the Seam fields stands in, matching the package.
    const fallback = loadSchema({ packageDir: tmp() });
    expect(fallback.sources.Case).toBe('built-in');
    for (const f of caseFields) expect(fallback.objects.get('Case')!.fields.has(f.toLowerCase()), f).toBe(true);
  });

  it('can go down (connection refused) and come back on the same port with the same store', async () => {
    const first = await startTwin();
    const fc = await client(first);
    const id = (await fc.call('POST', '/sobjects/Account', { Name: 'Still here' })).body.id;
    const { port, store } = first;
    await first.close();
    await expect(fc.call('GET', '/limits')).rejects.toThrow();
    const back = await createSalesforceTwin({ port, store });
    try {
      expect(back.url).toBe(first.url);
      expect((await fc.call('GET', `/sobjects/Account/${id}`)).body.Name).toBe('Still here');
    } finally {
      await back.close();
    }
  });

  it('answers 503 for as long as a fault with times: Infinity stays', async () => {
    const down = await startTwin();
    const dc = await client(down);
    try {
      down.faults.next({ status: 503, times: Infinity });
      for (let i = 0; i < 5; i++) expect((await dc.call('GET', '/limits')).status).toBe(503);
      down.faults.clear();
      expect((await dc.call('GET', '/limits')).status).toBe(200);
    } finally {
      await down.close();
    }
  });

  it('keeps its state in a stateFile across restarts', async () => {
    const file = path.join(tmp(), 'nested', 'salesforce.json');
    const first = await startTwin({ stateFile: file });
    const token = (await client(first)).token;
    const made = await fetch(`${first.url}/services/data/v62.0/sobjects/Account`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ Name: 'Survives restarts' }),
    });
    const id = (await made.json()).id;
    await first.close();
    expect(fs.existsSync(file)).toBe(true);
    const second = await startTwin({ stateFile: file });
    try {
      // Records and sessions survive, as they do on an org when a client restarts.
      const r = await fetch(`${second.url}/services/data/v62.0/sobjects/Account/${id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(r.status).toBe(200);
      expect((await r.json()).Name).toBe('Survives restarts');
    } finally {
      await second.close();
    }
  });

  it('saves and loads its state: records, events, replay ids, applied versions and tokens', async () => {
    const caseId = await newCase({ Subject: 'persist me' });
    await publish(caseId, { messageId: 'persist-1', version: 1, fields: { Seam_Assignee__c: 'Kim' } });
    const file = path.join(tmp(), 'state.json');
    twin.save(file);
    const lastReplay = twin.events.list().at(-1)!.replayId;

    const again = await createSalesforceTwin({ mappings: realMappings() });
    try {
      again.load(file);
      const ac = { ...c, token: c.token };
      const r = await fetch(`${again.url}/services/data/v62.0/sobjects/Case/${caseId}`, { headers: { authorization: `Bearer ${ac.token}` } });
      expect(r.status).toBe(200);
      expect((await r.json()).Seam_Assignee__c).toBe('Kim');
      const next = await fetch(`${again.url}/services/data/v62.0/sobjects/Incident_Update__e`, {
        method: 'POST', headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ Message_Id__c: 'persist-1', Case_Id__c: caseId, Link_Version__c: 1, Fields_Json__c: '{"Seam_Assignee__c":"Again"}' }),
      });
      expect(next.status).toBe(201);
      expect(again.events.list().at(-1)!.replayId).toBe(lastReplay + 1);
      expect(again.store.byId(caseId)!.record.Seam_Assignee__c).toBe('Kim');
      expect(() => again.load(path.join(os.tmpdir(), 'missing-seam-state.json'))).toThrow();
      fs.writeFileSync(file, '{"hello":1}');
      expect(() => again.load(file)).toThrow(/not a Salesforce twin state file/);
    } finally {
      await again.close();
    }
  });
});
