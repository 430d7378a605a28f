import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyInbound, decideOutbound, JOURNAL_MEMORY, localField, newLink, sameValue, toInboundMessage } from './decision';
import type { InboundMessage, LinkState, OutboundDecision } from './decision';
import { hashValue } from './hash';
import { idempotencyKey } from './idempotency';
import { parseOriginTag, tagOrigin } from './journal';
import type { JournalEntry } from './journal';
import { OWNERSHIP } from './ownership';
import type { FieldValue, RecordValues, System } from './types';

const CASE_ID = '500Aa00000AbCdEIAV';
const SYS_ID = '0123456789abcdef0123456789abcdef';
const ids = { caseId: CASE_ID, incidentSysId: SYS_ID };

const sfCase = (over: Record<string, FieldValue> = {}): RecordValues => ({
  Id: CASE_ID,
  CaseNumber: '00001026',
  AccountId: '001Aa00000AbCdEIAV',
  ContactId: null,
  Subject: 'VPN down',
  Description: 'Nobody can connect',
  Priority: 'High',
  EntitlementId: null,
  'Account.Seam_Contract_Value__c': 120000,
  ...over,
});

const snIncident = (over: Record<string, FieldValue> = {}): RecordValues => ({
  sys_id: SYS_ID,
  number: 'INC0012345',
  x_seam_bridge_correlation_id: `SNOW-INC0012345|SFDC-${CASE_ID}`,
  state: '2',
  hold_reason: '',
  priority: '2',
  assigned_to: 'beth.anglin',
  assignment_group: 'Network',
  sla_due: '2026-01-02 10:00:00',
  cmdb_ci: 'vpn-gw-01',
  rfc: '',
  close_code: '',
  close_notes: '',
  resolved_at: '',
  ...over,
});

let seq = 0;
const send = (from: System, d: OutboundDecision): InboundMessage => {
  const m = toInboundMessage(from, d, `m-${++seq}`);
  if (!m) throw new Error('nothing to send');
  return m;
};

describe('decideOutbound', () => {
  it('sends only owned, changed fields, transformed and named for the peer', () => {
    const d = decideOutbound({ from: 'salesforce', current: sfCase(), link: newLink(ids), origin: 'local' });
    expect(d.send).toBe(true);
    const keys = d.fields.map((f) => f.key).sort();
    expect(keys).toEqual(['accountId', 'caseId', 'caseNumber', 'contactId', 'contractValue', 'customerPriority', 'description', 'entitlementId', 'subject', 'urgency']);
    expect(d.peerValues.urgency).toBe(1);
    expect(d.peerValues.x_seam_bridge_customer_priority).toBe('High');
    expect(d.peerValues.x_seam_bridge_contract_value).toBe(120000);
    expect(d.sourceValues.Priority).toBe('High');
    expect(d.sourceValues['Account.Seam_Contract_Value__c']).toBe(120000);
    expect(d.fields.find((f) => f.key === 'urgency')).toMatchObject({ old: null, new: 1, peerField: 'urgency', sourceFields: ['Priority'] });
    expect(d.version).toBe(1);
    expect(d.idempotencyKey).toBe(idempotencyKey('salesforce', CASE_ID, 1));
    expect(d.link.versions.salesforce).toBe(1);
    expect(d.link.snapshot.urgency).toBe(1);
    expect(d.link.snapshotHash).toBe(hashValue(d.link.snapshot));

    const again = decideOutbound({ from: 'salesforce', current: sfCase(), link: d.link, origin: 'local' });
    expect(again.send).toBe(false);
    expect(again.idempotencyKey).toBeNull();
    expect(again.link).toBe(d.link);

    const changed = decideOutbound({ from: 'salesforce', current: sfCase({ Priority: 'Low', Subject: 'VPN down' }), link: d.link, origin: 'local' });
    expect(changed.fields.map((f) => f.key).sort()).toEqual(['customerPriority', 'urgency']);
    expect(changed.fields.find((f) => f.key === 'urgency')).toMatchObject({ old: 1, new: 3 });
    expect(changed.version).toBe(2);
  });

  it('compares what the peer sees: a change beyond 255 characters of Subject is not sent', () => {
    const long = 'a'.repeat(300);
    const first = decideOutbound({ from: 'salesforce', current: sfCase({ Subject: long }), link: newLink(ids), origin: 'local' });
    const second = decideOutbound({ from: 'salesforce', current: sfCase({ Subject: `${long}more` }), link: first.link, origin: 'local' });
    expect(second.send).toBe(false);
  });

  it('never sends a field the sender does not own, and reports local edits of read-only copies', () => {
    const link: LinkState = { ...newLink(ids), snapshot: { state: 'Working' } };
    const d = decideOutbound({ from: 'salesforce', current: { Id: CASE_ID, Status: 'Closed', Seam_Assignee__c: 'me' }, link, origin: 'local' });
    expect(d.fields.map((f) => f.key)).toEqual(['caseId']);
    expect(d.peerValues).not.toHaveProperty('state');
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0]).toMatchObject({ field: 'Status', value: 'Closed' });
    expect(d.problems[0].problem).toContain('ServiceNow owns it');
    // The same record written by our own inbound apply is not a violation worth reporting.
    expect(decideOutbound({ from: 'salesforce', current: { Status: 'Closed' }, link, origin: 'peer' }).problems).toEqual([]);
  });

  it('never sends internal fields (work notes)', () => {
    const d = decideOutbound({ from: 'servicenow', current: snIncident({ work_notes: 'rebooted gw' }), link: newLink(ids), origin: 'local' });
    expect(d.fields.map((f) => f.key)).not.toContain('workNotes');
    expect(Object.values(d.peerValues)).not.toContain('rebooted gw');
  });

  it('reports an unknown picklist value, sends the rest, and retries it later', () => {
    const d = decideOutbound({ from: 'servicenow', current: snIncident({ state: '9' }), link: newLink(ids), origin: 'local' });
    expect(d.problems.map((p) => p.field)).toEqual(['incident.state', 'incident.state']);
    expect(d.fields.map((f) => f.key)).not.toContain('state');
    expect(d.fields.map((f) => f.key)).toContain('assignedTo');
    expect(d.link.snapshot).not.toHaveProperty('state');
    const fixed = decideOutbound({ from: 'servicenow', current: snIncident({ state: '6' }), link: d.link, origin: 'local' });
    expect(fixed.fields.map((f) => f.key).sort()).toEqual(['incidentState', 'state']);
    expect(fixed.peerValues.Status).toBe('Resolved');
  });

  it('uses the record version when it is ahead, and skips fields the adapter did not read', () => {
    const d = decideOutbound({ from: 'servicenow', current: { sys_id: SYS_ID, assigned_to: 'x' }, link: newLink(ids), origin: 'local', recordVersion: 17 });
    expect(d.fields.map((f) => f.key).sort()).toEqual(['assignedTo', 'incidentSysId']);
    expect(d.version).toBe(17);
    expect(d.idempotencyKey).toBe(`servicenow:${SYS_ID}:17`);
  });

  it('reports a missing record id instead of inventing a key', () => {
    const link = newLink();
    const d = decideOutbound({ from: 'servicenow', current: { assigned_to: 'x' }, link, origin: 'local' });
    expect(d.send).toBe(false);
    expect(d.fields.map((f) => f.key)).toEqual(['assignedTo']);
    expect(d.idempotencyKey).toBeNull();
    expect(d.problems[0].field).toBe('incident.sys_id');
    expect(d.link).toBe(link);
    expect(toInboundMessage('servicenow', d, 'm')).toBeNull();
    const bad = decideOutbound({ from: 'salesforce', current: { Id: 'not an id!', Subject: 's' }, link, origin: 'local' });
    expect(bad.problems[0]).toMatchObject({ field: 'Case.Id', value: 'not an id!' });
  });

  it('sends new local journal entries once, never peer entries, never when the change came from the peer', () => {
    const mine: JournalEntry = { id: 'c1', body: 'Any update?', author: 'Jane', createdAt: '2026-01-01T00:00:00Z' };
    const fromPeer: JournalEntry = { id: 'c2', body: tagOrigin('We are on it', 'servicenow', 'Beth'), author: 'integration', createdAt: '2026-01-01T00:01:00Z' };
    const marked: JournalEntry = { id: 'c3', body: 'x', author: 'y', createdAt: '2026-01-01T00:02:00Z', origin: 'servicenow' };
    const link = newLink(ids);
    const d = decideOutbound({ from: 'salesforce', current: {}, link, origin: 'local', journal: [mine, fromPeer, marked] });
    expect(d.journal).toEqual([{ ...mine, origin: 'salesforce' }]);
    expect(d.link.journalIds).toEqual(['c1']);
    expect(decideOutbound({ from: 'salesforce', current: {}, link: d.link, origin: 'local', journal: [mine] }).send).toBe(false);
    expect(decideOutbound({ from: 'salesforce', current: {}, link, origin: 'peer', journal: [mine] }).send).toBe(false);
  });
});

describe('applyInbound', () => {
  const first = (): InboundMessage => send('salesforce', decideOutbound({ from: 'salesforce', current: sfCase(), link: newLink(ids), origin: 'local' }));

  it('applies owned fields in local names and updates the snapshot so the write does not come back', () => {
    const r = applyInbound({ to: 'servicenow', message: first(), link: newLink(ids), current: { urgency: '3' } });
    expect(r.status).toBe('applied');
    expect(r.writes).toMatchObject({ urgency: 1, short_description: 'VPN down', x_seam_bridge_sf_case_id: CASE_ID, x_seam_bridge_contract_value: 120000 });
    expect(r.fields.find((f) => f.key === 'urgency')).toEqual({ key: 'urgency', field: 'urgency', old: '3', new: 1 });
    expect(r.link.versions.salesforce).toBe(1);
    expect(r.link.snapshot.urgency).toBe(1);
    expect(r.problems).toEqual([]);
  });

  it('detects duplicates by idempotency key and by version, and stale versions', () => {
    const m = first();
    const once = applyInbound({ to: 'servicenow', message: m, link: newLink(ids) });
    const twice = applyInbound({ to: 'servicenow', message: m, link: once.link });
    expect(twice.status).toBe('duplicate');
    expect(twice.writes).toEqual({});
    expect(twice.link).toBe(once.link);
    expect(applyInbound({ to: 'servicenow', message: { ...m, messageId: 'other', idempotencyKey: 'other' }, link: once.link }).status).toBe('duplicate');
    const newer = { ...m, idempotencyKey: idempotencyKey('salesforce', CASE_ID, 5), version: 5, fields: { Priority: 'Low' } };
    const afterNewer = applyInbound({ to: 'servicenow', message: newer, link: once.link });
    expect(afterNewer.writes).toEqual({ urgency: 3, x_seam_bridge_customer_priority: 'Low' });
    const older = { ...m, idempotencyKey: idempotencyKey('salesforce', CASE_ID, 3), version: 3, fields: { Priority: 'Medium' } };
    const stale = applyInbound({ to: 'servicenow', message: older, link: afterNewer.link });
    expect(stale.status).toBe('stale');
    expect(stale.writes).toEqual({});
    expect(stale.reason).toContain('older than the applied version 5');
  });

  it('rejects fields the sender does not own, and unknown fields, naming them', () => {
    const m: InboundMessage = { ...first(), fields: { Priority: 'Low', Status: 'Closed', state: '7', Bogus__c: 1 } };
    const r = applyInbound({ to: 'servicenow', message: m, link: newLink(ids) });
    expect(r.status).toBe('applied');
    expect(Object.keys(r.writes).sort()).toEqual(['urgency', 'x_seam_bridge_customer_priority']);
    expect(r.problems.map((p) => p.field).sort()).toEqual(['Bogus__c', 'Status', 'state']);
    expect(r.problems.find((p) => p.field === 'state')?.problem).toContain('owned by ServiceNow');
    const sn = applyInbound({
      to: 'salesforce',
      message: { messageId: 'm', idempotencyKey: 'k', origin: 'servicenow', version: 2, fields: { work_notes: 'x', comments: 'y', sys_id: SYS_ID } },
      link: newLink(ids),
    });
    expect(sn.writes).toEqual({ Seam_Incident_Sys_Id__c: SYS_ID });
    expect(sn.problems.map((p) => p.problem)).toEqual([
      'is internal to ServiceNow (Work notes) and never synced',
      'is a journal field (Customer-visible comments)',
    ]);
    const onlyBad = applyInbound({ to: 'servicenow', message: { ...m, fields: { state: '7' } }, link: newLink(ids) });
    expect(onlyBad.status).toBe('rejected');
    expect(onlyBad.link.versions.salesforce).toBe(0);
  });

  it('rejects a bad picklist value from the sender as a problem, applying the rest', () => {
    const m: InboundMessage = { ...first(), fields: { Priority: 'Urgent', Subject: 'x' } };
    const r = applyInbound({ to: 'servicenow', message: m, link: newLink(ids) });
    // customerPriority is a plain copy; urgency needs a known priority.
    expect(r.writes).toEqual({ short_description: 'x', x_seam_bridge_customer_priority: 'Urgent' });
    // Named as the sender named it, so the API can answer messages[0].fields.Priority.
    expect(r.problems.map((p) => p.field)).toEqual(['Priority']);
  });

  it('accepts receiver-named, already transformed values (Incident_Update__e)', () => {
    const d = decideOutbound({ from: 'servicenow', current: snIncident({ state: '3', hold_reason: '1' }), link: newLink(ids), origin: 'local' });
    const m = send('servicenow', d);
    expect(m.names).toBe('receiver');
    const r = applyInbound({ to: 'salesforce', message: m, link: newLink(ids) });
    expect(r.writes).toMatchObject({ Status: 'Waiting on Customer', Seam_Incident_State__c: 'On Hold (Awaiting Caller)', Seam_SLA_Due__c: '2026-01-02T10:00:00Z', Seam_Incident_Priority__c: 'High' });
    expect(r.link.snapshotHash).toBe(d.link.snapshotHash);
    const wrong = applyInbound({ to: 'salesforce', message: { ...m, idempotencyKey: 'k2', version: 99, fields: { Priority: 'Low' } }, link: r.link });
    expect(wrong.status).toBe('rejected');
    expect(wrong.problems[0].problem).toContain('owned by Salesforce');
  });

  it('rejects its own messages, bad versions, unknown origins and other links', () => {
    const m = first();
    expect(applyInbound({ to: 'salesforce', message: m, link: newLink(ids) }).status).toBe('rejected');
    expect(applyInbound({ to: 'servicenow', message: { ...m, version: 0 }, link: newLink(ids) }).status).toBe('rejected');
    expect(applyInbound({ to: 'servicenow', message: { ...m, version: 1.5 }, link: newLink(ids) }).status).toBe('rejected');
    expect(applyInbound({ to: 'servicenow', message: { ...m, origin: 'jira' as System }, link: newLink(ids) }).status).toBe('rejected');
    const other = applyInbound({ to: 'servicenow', message: { ...m, caseId: '500Aa00000ZZZZZIA5' }, link: newLink(ids) });
    expect(other.status).toBe('rejected');
    expect(other.problems[0].field).toBe('caseId');
    // A 15-character id of the same Case is the same Case.
    expect(applyInbound({ to: 'servicenow', message: { ...m, caseId: CASE_ID.slice(0, 15) }, link: newLink(ids) }).status).toBe('applied');
  });

  it('fills the link ids from the first message', () => {
    const r = applyInbound({ to: 'servicenow', message: first(), link: newLink({ incidentSysId: SYS_ID }) });
    expect(r.link.caseId).toBe(CASE_ID);
  });

  it('tags journal entries with their origin, applies each once and drops our own coming back', () => {
    const entries: JournalEntry[] = [
      { id: 'c1', body: 'Still broken', author: 'Jane Doe', createdAt: '2026-01-01T00:00:00Z', origin: 'salesforce' },
      { id: 'c1', body: 'Still broken', author: 'Jane Doe', createdAt: '2026-01-01T00:00:00Z', origin: 'salesforce' },
      { id: 'c9', body: tagOrigin('echo', 'servicenow', 'Beth'), author: 'x', createdAt: '2026-01-01T00:00:00Z' },
    ];
    const m: InboundMessage = { ...first(), fields: {}, journal: entries };
    const r = applyInbound({ to: 'servicenow', message: m, link: newLink(ids) });
    expect(r.status).toBe('applied');
    expect(r.journal).toHaveLength(1);
    expect(parseOriginTag(r.journal[0].body)).toEqual({ origin: 'salesforce', author: 'Jane Doe', body: 'Still broken' });
    expect(r.link.journalIds).toEqual(['c1', 'c9']);
    const replay = applyInbound({ to: 'servicenow', message: { ...m, idempotencyKey: 'k', version: 2 }, link: r.link });
    expect(replay.journal).toEqual([]);
  });

  it('remembers a bounded number of journal ids', () => {
    const many: JournalEntry[] = Array.from({ length: JOURNAL_MEMORY + 10 }, (_, i) => ({ id: `c${i}`, body: 'b', author: 'a', createdAt: '2026-01-01T00:00:00Z' }));
    const d = decideOutbound({ from: 'salesforce', current: {}, link: newLink(ids), origin: 'local', journal: many });
    expect(d.link.journalIds).toHaveLength(JOURNAL_MEMORY);
    expect(d.link.journalIds[JOURNAL_MEMORY - 1]).toBe(`c${JOURNAL_MEMORY + 9}`);
  });

  it('checks receiver-named values against the receiver domain', () => {
    const m = (fields: Record<string, FieldValue>): InboundMessage => ({ messageId: 'm', idempotencyKey: 'k', origin: 'servicenow', version: 3, names: 'receiver', fields });
    const r = applyInbound({
      to: 'salesforce',
      message: m({ Status: 'Bogus', Seam_Incident_Priority__c: 'Urgent', Seam_SLA_Due__c: '2026-01-02 10:00:00', Seam_Resolved_At__c: null, Seam_Assignee__c: 'Beth' }),
      link: newLink(ids),
    });
    expect(r.writes).toEqual({ Seam_Resolved_At__c: null, Seam_Assignee__c: 'Beth' });
    expect(r.problems.map((p) => p.field).sort()).toEqual(['Seam_Incident_Priority__c', 'Seam_SLA_Due__c', 'Status']);
    const toSn = applyInbound({
      to: 'servicenow',
      message: { ...m({ urgency: '2', short_description: 'x'.repeat(256) }), origin: 'salesforce' },
      link: newLink(ids),
    });
    expect(toSn.writes).toEqual({ urgency: '2' });
    expect(toSn.problems.map((p) => p.field)).toEqual(['short_description']);
    expect(applyInbound({ to: 'servicenow', message: { ...m({ urgency: 7 }), origin: 'salesforce' }, link: newLink(ids) }).status).toBe('rejected');
  });

  it('checks receiver-named date-times in the receiver format (custom mappings)', () => {
    const slaDue = OWNERSHIP.find((x) => x.key === 'slaDue')!;
    const followUp = { ...slaDue, key: 'followUp', owner: 'salesforce' as const, direction: 'sf_to_sn' as const, salesforce: { object: 'Case' as const, field: 'Follow_Up__c' }, servicenow: { table: 'incident' as const, field: 'x_follow_up' } };
    const msg = (v: FieldValue): InboundMessage => ({ messageId: 'm', idempotencyKey: 'k', origin: 'salesforce', version: 1, names: 'receiver', fields: { x_follow_up: v } });
    expect(applyInbound({ to: 'servicenow', message: msg('2026-01-02 03:04:05'), link: newLink(ids), mappings: [followUp] }).writes).toEqual({ x_follow_up: '2026-01-02 03:04:05' });
    const bad = applyInbound({ to: 'servicenow', message: msg('2026-01-02T03:04:05Z'), link: newLink(ids), mappings: [followUp] });
    expect(bad.status).toBe('rejected');
    expect(bad.problems[0].fix).toContain('"2026-01-31 09:30:00"');
  });

  it('sameValue compares as the platforms store values', () => {
    expect(sameValue(1, '1')).toBe(true);
    expect(sameValue(null, '')).toBe(true);
    expect(sameValue(true, 'true')).toBe(true);
    expect(sameValue(1, 2)).toBe(false);
    expect(sameValue('a', 'A')).toBe(false);
  });

  it('a Glide read-back ("1" for 1, "" for null) is not a local edit', () => {
    const r = applyInbound({ to: 'servicenow', message: first(), link: newLink(ids) });
    const glide = Object.fromEntries(Object.entries(r.writes).map(([k, v]) => [k, v === null ? '' : String(v)]));
    const back = decideOutbound({ from: 'servicenow', current: glide, link: r.link, origin: 'local' });
    expect(back.problems).toEqual([]);
  });

  it('localField names the field each side holds', () => {
    const state = OWNERSHIP.find((m) => m.key === 'state')!;
    expect(localField(state, 'servicenow')).toBe('state');
    expect(localField(state, 'salesforce')).toBe('Status');
  });
});

// ---- properties ------------------------------------------------------------------------------

const text = fc.string({ maxLength: 40 });
const sfRecordArb = fc.record({
  Id: fc.constant(CASE_ID),
  CaseNumber: fc.stringMatching(/^\d{8}$/),
  AccountId: fc.oneof(fc.constant(null), fc.constant('001Aa00000AbCdEIAV'), fc.constant('001Aa00000XyZwVIAV')),
  ContactId: fc.oneof(fc.constant(null), fc.constant('003Aa00000AbCdEIAV')),
  Subject: fc.oneof(text, fc.string({ minLength: 250, maxLength: 300 })),
  Description: fc.oneof(fc.constant(null), text),
  Priority: fc.constantFrom('High', 'Medium', 'Low'),
  EntitlementId: fc.oneof(fc.constant(null), fc.constant('550Aa00000AbCdEIAV')),
  'Account.Seam_Contract_Value__c': fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 10_000_000 })),
});
const snDate = fc.integer({ min: 0, max: 4_000_000_000 }).map((s) => new Date(s * 1000).toISOString().replace('T', ' ').slice(0, 19));
const snRecordArb = fc
  .record({
    sys_id: fc.constant(SYS_ID),
    number: fc.constant('INC0012345'),
    x_seam_bridge_correlation_id: fc.constant(`SNOW-INC0012345|SFDC-${CASE_ID}`),
    state: fc.constantFrom('1', '2', '3', '6', '7', '8'),
    hold_reason: fc.constantFrom('1', '3', '4', '5'),
    priority: fc.constantFrom('1', '2', '3', '4', '5'),
    assigned_to: fc.oneof(fc.constant(''), text),
    assignment_group: fc.oneof(fc.constant(''), text),
    sla_due: fc.oneof(fc.constant(''), snDate),
    cmdb_ci: text,
    rfc: text,
    close_code: text,
    close_notes: text,
    resolved_at: fc.oneof(fc.constant(''), snDate),
  })
  .map((r) => (r.state === '3' ? r : { ...r, hold_reason: '' }));
const recordArb = (s: System) => (s === 'salesforce' ? sfRecordArb : snRecordArb) as fc.Arbitrary<Record<string, FieldValue>>;
const entriesArb = fc.array(fc.record({ body: fc.string({ minLength: 1, maxLength: 30 }), author: fc.string({ maxLength: 10 }) }), { maxLength: 3 });

interface Side {
  readonly system: System;
  record: Record<string, FieldValue>;
  link: LinkState;
  journal: JournalEntry[];
}

/** What GlideRecord.getValue gives back: text for everything, "" for empty. */
const asGlide = (r: Record<string, FieldValue>): Record<string, FieldValue> =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)]));

let entrySeq = 0;
/** Sends whatever `a` has to say to `b`; returns what happened. */
function flow(a: Side, b: Side, origin: 'local' | 'peer' = 'local', glide = false) {
  const d = decideOutbound({ from: a.system, current: a.record, link: a.link, origin, journal: a.journal });
  a.link = d.link;
  const m = toInboundMessage(a.system, d, `m-${++seq}`);
  if (!m) return { d, m, r: null };
  const r = applyInbound({ to: b.system, message: m, link: b.link, current: b.record });
  b.link = r.link;
  b.record = { ...b.record, ...r.writes };
  // A ServiceNow adapter reads the record back through Glide: every value as text.
  if (glide && b.system === 'servicenow') b.record = asGlide(b.record);
  // The receiver's platform gives the written entries its own ids.
  for (const e of r.journal) b.journal.push({ id: `local-${++entrySeq}`, body: e.body, author: 'integration', createdAt: e.createdAt });
  return { d, m, r };
}

describe('properties', () => {
  it('a field the sender does not own is never sent, whatever the record holds', () => {
    const anyValue = fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('1', '3', 'High', 'Closed', '2026-01-01 00:00:00'), fc.integer(), fc.constant(null));
    const allFields = Array.from(new Set(OWNERSHIP.flatMap((m) => [...(m.salesforce ? [m.salesforce.object === 'Case' ? m.salesforce.field : `${m.salesforce.object}.${m.salesforce.field}`] : []), m.servicenow.field, ...(m.servicenow.extra ?? [])])));
    fc.assert(
      fc.property(fc.constantFrom('salesforce' as const, 'servicenow' as const), fc.dictionary(fc.constantFrom(...allFields), anyValue), fc.constantFrom('local' as const, 'peer' as const), (from, record, origin) => {
        const d = decideOutbound({ from, current: { Id: CASE_ID, sys_id: SYS_ID, ...record }, link: newLink(ids), origin });
        for (const f of d.fields) {
          const m = OWNERSHIP.find((x) => x.key === f.key)!;
          expect(m.owner).toBe(from);
          expect(m.direction).not.toBe('internal');
        }
        const allowedPeer = new Set(OWNERSHIP.filter((m) => m.owner === from && m.direction !== 'internal').map((m) => localField(m, from === 'salesforce' ? 'servicenow' : 'salesforce')));
        for (const k of Object.keys(d.peerValues)) expect(allowedPeer.has(k)).toBe(true);
      }),
    );
  });

  for (const from of ['salesforce', 'servicenow'] as const) {
    const to: System = from === 'salesforce' ? 'servicenow' : 'salesforce';

    it(`A→B→A never writes (A = ${from})`, () => {
      fc.assert(
        fc.property(recordArb(from), recordArb(to), recordArb(from), entriesArb, fc.boolean(), (aStart, bStart, aChanged, newEntries, glide) => {
          const a: Side = { system: from, record: aStart, link: newLink(ids), journal: [] };
          const b: Side = { system: to, record: bStart, link: newLink(ids), journal: [] };
          flow(b, a, 'local', glide); // B's first sync
          flow(a, b, 'local', glide); // A's first sync: both sides are now in sync
          expect(a.link.snapshotHash).toBe(b.link.snapshotHash);

          // A changes: some fields, some comments.
          a.record = { ...a.record, ...aChanged };
          for (const e of newEntries) a.journal.push({ id: `a-${++entrySeq}`, body: e.body, author: e.author, createdAt: '2026-01-01T00:00:00Z' });
          const sent = flow(a, b, 'local', glide);
          if (sent.r) expect(sent.r.status).toBe('applied');

          // B's decision on the applied record writes nothing back, whatever origin the adapter reports.
          for (const origin of ['peer', 'local'] as const) {
            const back = decideOutbound({ from: to, current: b.record, link: b.link, origin, journal: b.journal });
            expect(back.fields).toEqual([]);
            expect(back.journal).toEqual([]);
            expect(back.send).toBe(false);
            expect(back.problems).toEqual([]);
          }
          // And A has nothing left to say either.
          expect(decideOutbound({ from, current: a.record, link: a.link, origin: 'local', journal: a.journal }).send).toBe(false);
          expect(a.link.snapshotHash).toBe(b.link.snapshotHash);
        }),
        { numRuns: 150 },
      );
    });

    it(`applying a message twice equals applying it once (A = ${from})`, () => {
      fc.assert(
        fc.property(recordArb(from), recordArb(to), entriesArb, (aRec, bRec, entries) => {
          const journal = entries.map((e, i) => ({ id: `e${i}`, body: e.body, author: e.author, createdAt: '2026-01-01T00:00:00Z' }));
          const d = decideOutbound({ from, current: aRec, link: newLink(ids), origin: 'local', journal });
          const m = send(from, d);
          const once = applyInbound({ to, message: m, link: newLink(ids), current: bRec });
          const twice = applyInbound({ to, message: m, link: once.link, current: { ...bRec, ...once.writes } });
          expect(twice.status).toBe('duplicate');
          expect(twice.writes).toEqual({});
          expect(twice.journal).toEqual([]);
          expect(twice.link).toEqual(once.link);
        }),
      );
    });

    it(`only a strictly newer version applies, whatever the delivery order (A = ${from})`, () => {
      fc.assert(
        fc.property(fc.array(recordArb(from), { minLength: 2, maxLength: 4 }), fc.func(fc.integer()), (records, rank) => {
          let link = newLink(ids);
          const messages: InboundMessage[] = [];
          for (const rec of records) {
            const d = decideOutbound({ from, current: rec, link, origin: 'local' });
            link = d.link;
            const m = toInboundMessage(from, d, `m-${++seq}`);
            if (m) messages.push(m);
          }
          const shuffled = messages.slice().sort((x, y) => rank(x.version) - rank(y.version) || x.version - y.version);
          let bLink = newLink(ids);
          let highest = 0;
          for (const m of shuffled) {
            const r = applyInbound({ to, message: m, link: bLink });
            expect(r.status).toBe(m.version > highest ? 'applied' : m.version === highest ? 'duplicate' : 'stale');
            if (r.status !== 'applied') expect(r.writes).toEqual({});
            highest = Math.max(highest, m.version);
            bLink = r.link;
          }
          expect(bLink.versions[from]).toBe(highest);
        }),
      );
    });
  }
});
