import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newLink } from './decision';
import type { LinkState } from './decision';
import { fitText } from './fit';
import { hashValue } from './hash';
import { OWNERSHIP } from './ownership';
import { CASE_SYNC_STATUS_FIELD, RECONCILE_CHUNK, chunk, decideDrift, reconcileCaseFields, reconcileQuery, reconciledMappings } from './reconcile';
import { ownerFields, peerField, transformForPeer } from './transforms';
import type { FieldValue, RecordValues } from './types';

const INCIDENT_ID = '0123456789abcdef0123456789abcdef';
const CASE_ID = '500000000000001AAA';

const incident0: Record<string, FieldValue> = {
  sys_id: INCIDENT_ID,
  sys_mod_count: '4',
  state: '2',
  hold_reason: '',
  priority: '3',
  assigned_to: 'a1b2',
  assignment_group: 'g1',
  sla_due: '2026-01-31 09:30:00',
  cmdb_ci: '',
  rfc: '',
  close_code: '',
  close_notes: '',
  resolved_at: '',
};
const PROBLEM_ID = 'fedcba9876543210fedcba9876543210';
const problem0: Record<string, FieldValue> = {
  sys_id: PROBLEM_ID,
  sys_mod_count: '2',
  number: 'PRB0040001',
  state: '104',
  known_error: 'true',
  workaround: 'Sign in with the backup IdP.',
  fix_notes: '',
  x_seam_bridge_escalation_status: 'Problem created: escalated by Ana',
};
const case0: Record<string, FieldValue> = {
  Id: CASE_ID,
  [CASE_SYNC_STATUS_FIELD]: 'Synced',
  AccountId: '001000000000001AAA',
  ContactId: null,
  Subject: 'Printer on fire',
  Description: 'It is on fire',
  Priority: 'High',
  EntitlementId: null,
  'Account.Seam_Contract_Value__c': 120000,
};

/** Both sides in sync: every copy is the owner's transformed value; the snapshot holds it too. */
function inSync(): { incident: Record<string, FieldValue>; problem: Record<string, FieldValue>; kase: Record<string, FieldValue>; link: LinkState } {
  const incident = { ...incident0 };
  const problem = { ...problem0 };
  const kase = { ...case0 };
  const snapshot: Record<string, FieldValue> = {};
  for (const m of reconciledMappings()) {
    const sn = m.servicenow.table === 'problem' ? problem : incident;
    const owner = m.owner === 'salesforce' ? kase : sn;
    const copy = m.owner === 'salesforce' ? sn : kase;
    const v = transformForPeer(m, owner);
    if (!v.ok) throw new Error(JSON.stringify(v.error));
    copy[peerField(m) as string] = v.value;
    snapshot[m.key] = v.value;
  }
  // Salesforce answers date-times in its own format: the sweep must not call that drift.
  kase.Seam_SLA_Due__c = '2026-01-31T09:30:00.000+0000';
  const link: LinkState = { ...newLink({ caseId: CASE_ID, incidentSysId: INCIDENT_ID }), versions: { salesforce: 3, servicenow: 4 }, snapshot, snapshotHash: hashValue(snapshot) };
  return { incident, problem, kase, link };
}

describe('the sweep query', () => {
  it('selects Id, the sync status and every compared Case field, owned by either side', () => {
    const fields = reconcileCaseFields();
    expect(fields.slice(0, 2)).toEqual(['Id', CASE_SYNC_STATUS_FIELD]);
    expect(fields).toEqual(expect.arrayContaining(['Subject', 'Priority', 'Status', 'Seam_Assignee__c', 'Account.Seam_Contract_Value__c']));
    expect(fields).not.toContain('CaseComment'); // journal
    expect(fields).not.toContain('Seam_Incident_Sys_Id__c'); // identity
    // The case's problem: every ServiceNow-owned problem row of the ownership map, none by hand.
    const problemCopies = OWNERSHIP.filter((m) => m.servicenow.table === 'problem' && m.owner === 'servicenow' && m.salesforce).map((m) => m.salesforce!.field);
    expect(problemCopies).toHaveLength(7);
    expect(fields).toEqual(expect.arrayContaining(problemCopies));
    expect(new Set(fields).size).toBe(fields.length);
  });
  it('is one IN list of at most 200 quoted ids', () => {
    const q = reconcileQuery([CASE_ID, "50x'1"]);
    expect(q).toMatch(/^SELECT Id, Seam_Sync_Status__c, .* FROM Case WHERE Id IN \('500000000000001AAA', '50x\\'1'\)$/);
    expect(() => reconcileQuery([])).toThrow(RangeError);
    expect(() => reconcileQuery(Array.from({ length: RECONCILE_CHUNK + 1 }, () => CASE_ID))).toThrow(/chunk them/);
  });
  it('chunks ids by 200', () => {
    expect(chunk(Array.from({ length: 1000 }, (_, i) => i)).map((c) => c.length)).toEqual([200, 200, 200, 200, 200]);
    expect(chunk([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
    expect(chunk([], 200)).toEqual([]);
  });
});

describe('decideDrift', () => {
  it('finds nothing when both sides hold the owner values (date-times as instants)', () => {
    const { incident, kase, link } = inSync();
    const d = decideDrift({ link, incident, caseRecord: kase });
    expect(d.drift).toEqual([]);
    expect(d.outbound).toBeNull();
    expect(d.incidentWrites).toEqual({});
    expect(d.link).toBe(link);
  });

  it('repairs a ServiceNow-owned change that was never sent (setWorkflow(false)) with one outbound message', () => {
    const { incident, kase, link } = inSync();
    incident.priority = '1';
    incident.sys_mod_count = '5';
    const d = decideDrift({ link, incident, caseRecord: kase });
    expect(d.drift.map((f) => [f.key, f.owner, f.cause])).toEqual([['incidentPriority', 'servicenow', 'owner_changed']]);
    expect(d.outbound?.peerValues).toEqual({ Seam_Incident_Priority__c: d.drift[0].expected });
    expect(d.outbound?.version).toBe(5);
    expect(d.outbound?.idempotencyKey).toContain(INCIDENT_ID);
    expect(d.link.versions.servicenow).toBe(5);
    expect(d.link.snapshot.incidentPriority).toBe(d.drift[0].expected);
  });

  it('a Salesforce text ServiceNow cut to its column length (fitText) is not drift; a changed one is', () => {
    const { incident, kase, link } = inSync();
    kase.Description = 'Long story. '.repeat(600);
    incident.description = fitText(kase.Description as string, 4000, ' [full text attached]').value;
    expect(decideDrift({ link, incident, caseRecord: kase }).drift).toEqual([]);
    incident.description = 'Someone rewrote it…';
    expect(decideDrift({ link, incident, caseRecord: kase }).drift.map((f) => f.field)).toEqual(['description']);
  });

  it('puts back a ServiceNow-owned copy overwritten in Salesforce (a data load)', () => {
    const { incident, kase, link } = inSync();
    kase.Seam_Assignee__c = 'someone else';
    const d = decideDrift({ link, incident, caseRecord: kase });
    expect(d.drift.map((f) => [f.field, f.cause, f.actual])).toEqual([['Seam_Assignee__c', 'copy_changed', 'someone else']]);
    expect(d.outbound?.peerValues).toEqual({ Seam_Assignee__c: 'a1b2' });
  });

  it('writes Salesforce-owned drift to the incident and remembers it in the snapshot, without an outbound message', () => {
    const { incident, kase, link } = inSync();
    kase.Subject = 'Printer still on fire';
    const d = decideDrift({ link, incident, caseRecord: kase });
    expect(d.incidentWrites).toEqual({ short_description: 'Printer still on fire' });
    expect(d.outbound).toBeNull();
    expect(d.link.snapshot.subject).toBe('Printer still on fire');
    expect(d.link.snapshotHash).toBe(hashValue(d.link.snapshot));
    expect(d.link.versions).toEqual(link.versions);
  });

  it('leaves drift alone while a message for it is in flight on its side', () => {
    const { incident, kase, link } = inSync();
    incident.priority = '1';
    kase.Subject = 'changed';
    kase[CASE_SYNC_STATUS_FIELD] = 'Pending';
    const d = decideDrift({ link, incident, caseRecord: kase, outboxPending: true });
    expect(d.drift).toEqual([]);
    expect(d.inFlight.map((f) => f.key).sort()).toEqual(['incidentPriority', 'subject']);
    expect(d.outbound).toBeNull();
    expect(d.incidentWrites).toEqual({});
  });

  it('says never_synced for a field missing from the snapshot and reports untransformable values', () => {
    const { incident, kase, link } = inSync();
    const snapshot = { ...link.snapshot };
    delete snapshot.assignmentGroup;
    kase.Seam_Assignment_Group__c = null;
    incident.priority = 'nine';
    const d = decideDrift({ link: { ...link, snapshot }, incident, caseRecord: kase });
    expect(d.drift.map((f) => [f.key, f.cause])).toEqual([['assignmentGroup', 'never_synced']]);
    expect(d.problems.map((p) => p.field).join()).toMatch(/priority/);
  });

  it('compares the case\'s problem: its copies overwritten in Salesforce are put back with one problem message', () => {
    const { incident, problem, kase, link } = inSync();
    expect(decideDrift({ link, incident, problem, caseRecord: kase }).drift).toEqual([]);
    kase.Seam_Problem_State__c = 'Closed';
    kase.Seam_Known_Error__c = false;
    kase.Seam_Workaround__c = null;
    const d = decideDrift({ link, incident, problem, caseRecord: kase });
    expect(d.drift.map((f) => [f.key, f.table, f.cause])).toEqual([
      ['problemState', 'problem', 'copy_changed'],
      ['knownError', 'problem', 'copy_changed'],
      ['workaround', 'problem', 'copy_changed'],
    ]);
    expect(d.outbound).toBeNull();
    expect(d.problemOutbound?.peerValues).toEqual({ Seam_Problem_State__c: 'Fix in Progress', Seam_Known_Error__c: true, Seam_Workaround__c: 'Sign in with the backup IdP.' });
    // Keyed like the problem sync's message: the link's record id and its next ServiceNow version.
    expect(d.problemOutbound?.idempotencyKey).toBe(`servicenow:${INCIDENT_ID}:5`);
    expect(d.link.versions.servicenow).toBe(5);
    const again = decideDrift({ link: d.link, incident, problem, caseRecord: { ...kase, ...d.problemOutbound!.peerValues } });
    expect(again.drift).toEqual([]);
    expect(again.problemOutbound).toBeNull();
  });

  it('incident and problem drift together: two messages chained on the link (incident first)', () => {
    const { incident, problem, kase, link } = inSync();
    incident.priority = '1';
    incident.sys_mod_count = '5';
    problem.fix_notes = 'Fixed in 2.4.1'; // changed with setWorkflow(false): never sent
    const d = decideDrift({ link, incident, problem, caseRecord: kase });
    expect(d.drift.map((f) => [f.key, f.cause])).toEqual([['incidentPriority', 'owner_changed'], ['fixNotes', 'owner_changed']]);
    expect(d.outbound?.version).toBe(5);
    expect(d.problemOutbound?.version).toBe(6);
    expect(d.problemOutbound?.peerValues).toEqual({ Seam_Fix_Notes__c: 'Fixed in 2.4.1' });
    expect(d.link.versions.servicenow).toBe(6);
    expect(d.link.snapshot.fixNotes).toBe('Fixed in 2.4.1');
    expect(d.link.snapshot.incidentPriority).toBe(d.outbound?.peerValues.Seam_Incident_Priority__c);
  });

  it('a problem-only link (no incident) is keyed by the problem\'s sys_id; without a problem its copies are not compared', () => {
    const { problem, kase, link } = inSync();
    kase.Seam_Problem_Number__c = 'PRB0000000';
    const problemOnly: LinkState = { ...link, incidentSysId: null };
    const d = decideDrift({ link: problemOnly, incident: {}, problem, caseRecord: kase });
    expect(d.drift.map((f) => f.key)).toEqual(['problemNumber']);
    expect(d.problemOutbound?.idempotencyKey).toBe(`servicenow:${PROBLEM_ID}:5`);
    expect(decideDrift({ link, incident: incident0, caseRecord: kase }).drift).toEqual([]);
  });

  it('leaves problem drift alone while a message for the case is in flight', () => {
    const { incident, problem, kase, link } = inSync();
    kase.Seam_Workaround__c = 'stale';
    const d = decideDrift({ link, incident, problem, caseRecord: kase, outboxPending: true });
    expect(d.inFlight.map((f) => f.key)).toEqual(['workaround']);
    expect(d.problemOutbound).toBeNull();
    expect(d.link).toBe(link);
  });

  it('skips fields neither query read', () => {
    const { incident, link } = inSync();
    expect(decideDrift({ link, incident, caseRecord: { Id: CASE_ID } }).drift).toEqual([]);
  });

  it('property: applying the repairs leaves no drift, and each repair goes in the owner direction', () => {
    const { incident, kase, link } = inSync();
    const sfOwned = reconciledMappings().filter((m) => m.owner === 'salesforce');
    const snOwned = reconciledMappings().filter((m) => m.owner === 'servicenow' && m.transform === 'identity');
    const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== '');
    fc.assert(
      fc.property(
        fc.subarray(sfOwned.filter((m) => m.transform === 'identity' || m.transform === 'text255').map((m) => ownerFields(m)[0])),
        fc.subarray(snOwned.map((m) => m.servicenow.field)),
        fc.subarray(snOwned.map((m) => peerField(m) as string)),
        text,
        (sfFields, snFields, copies, value) => {
          const i: Record<string, FieldValue> = { ...incident, sys_mod_count: '9' };
          const c: Record<string, FieldValue> = { ...kase };
          for (const f of sfFields) c[f] = `${value}-sf`;
          for (const f of snFields) i[f] = `${value}-sn`;
          for (const f of copies) c[f] = `${value}-copy`;
          const d = decideDrift({ link, incident: i, caseRecord: c });
          for (const f of d.drift) expect(f.owner === 'salesforce' ? Object.keys(d.incidentWrites) : Object.keys(d.outbound?.peerValues ?? {})).toContain(f.field);
          const repairedIncident: RecordValues = { ...i, ...d.incidentWrites };
          const repairedCase: RecordValues = { ...c, ...(d.outbound?.peerValues ?? {}) };
          const again = decideDrift({ link: d.link, incident: repairedIncident, caseRecord: repairedCase });
          expect(again.drift).toEqual([]);
          expect(again.outbound).toBeNull();
        },
      ),
    );
  });
});
