/**
 * The drift reconciliation decision. Events get lost (a script with setWorkflow(false), an
 * expired Platform Event, a data load), so a sweep compares both sides of a link now and then.
 * The owner's value always wins: drift in a ServiceNow-owned field becomes a normal outbound
 * message, drift in a Salesforce-owned field an inbound write to the incident. The link
 * snapshot (the value last synced) tells which side moved, for the audit. A case escalated to a
 * problem is compared with its problem too (the ownership map's `problem` rows): that drift is a
 * second outbound message, decided over the problem like the problem sync decides it.
 */
import { decideOutbound, sameValue } from './decision';
import type { LinkState, OutboundDecision } from './decision';
import { hashValue } from './hash';
import { OWNERSHIP } from './ownership';
import type { FieldMapping, ServiceNowTable } from './ownership';
import { isFittedCopy } from './fit';
import { ownerFields, parseDateTime, peerField, transformForPeer } from './transforms';
import type { FieldProblem, FieldValue, RecordValues, System } from './types';

/** Most ids one SOQL `IN (...)` of the sweep carries (and one sObject Collections call writes). */
export const RECONCILE_CHUNK = 200;

/** The Case field whose value says the package still has a message in flight for the case. */
export const CASE_SYNC_STATUS_FIELD = 'Seam_Sync_Status__c';
const CASE_IN_FLIGHT = ['Pending', 'Retrying'];

/** Which side moved away from the value last synced (the snapshot). */
export type DriftCause = 'owner_changed' | 'copy_changed' | 'both_changed' | 'never_synced';

export interface DriftField {
  readonly key: string;
  readonly label: string;
  readonly owner: System;
  /** The ServiceNow record the field belongs to: the incident or the case's problem. */
  readonly table: ServiceNowTable;
  /** The non-owner's field that is repaired. */
  readonly field: string;
  /** The owner's value, in the non-owner's terms: what the copy must become. */
  readonly expected: FieldValue;
  /** What the copy holds now. */
  readonly actual: FieldValue;
  readonly cause: DriftCause;
}

export interface DriftInput {
  readonly link: LinkState;
  /** The incident, by ServiceNow field names (Glide strings). */
  readonly incident: RecordValues;
  /** The Case, by Salesforce paths (`Subject`, `Account.Seam_Contract_Value__c`), flattened. */
  readonly caseRecord: RecordValues;
  /**
   * The case's problem (tier-3 escalation), by ServiceNow field names; absent when the case has
   * none, and then the problem fields are not compared (a Case without a problem has no copies).
   */
  readonly problem?: RecordValues;
  /** True when the outbox still holds an unsent message for this incident (or its case's problem). */
  readonly outboxPending?: boolean;
  readonly mappings?: readonly FieldMapping[];
}

export interface DriftDecision {
  /** Every owned field whose copy differs from the owner. */
  readonly drift: readonly DriftField[];
  /** Drift left alone because a message for it is still on its way (the next sweep looks again). */
  readonly inFlight: readonly DriftField[];
  /** Salesforce-owned repairs, by incident field name. */
  readonly incidentWrites: Readonly<Record<string, FieldValue>>;
  /** The outbound message repairing ServiceNow-owned drift of the incident; null when there is none. */
  readonly outbound: OutboundDecision | null;
  /** The outbound message repairing drift of the case's problem fields; null when there is none. */
  readonly problemOutbound: OutboundDecision | null;
  /** Values that no transform accepts (reported, not repaired). */
  readonly problems: readonly FieldProblem[];
  /** The link to store after the repairs are written and queued. */
  readonly link: LinkState;
}

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Mappings the sweep compares: plain owned fields on the Case or its Account, of the incident
 * and of the case's problem. Problem rows are compared when ServiceNow owns them (every problem
 * row of the map does): the sweep repairs a problem only towards Salesforce, so a Salesforce-owned
 * problem row, were one added, would need a problem write path here first.
 */
export function reconciledMappings(mappings: readonly FieldMapping[] = OWNERSHIP): FieldMapping[] {
  return mappings.filter(
    (m) =>
      m.salesforce !== null &&
      (m.servicenow.table === 'incident' || (m.servicenow.table === 'problem' && m.owner === 'servicenow')) &&
      m.kind !== 'identity' && // written once at link time; the link itself pairs the records
      m.kind !== 'journal' &&
      m.direction !== 'internal' &&
      (m.owner === 'salesforce' || m.owner === 'servicenow'),
  );
}

/** The Case fields one sweep query selects: `Id`, the sync status, every compared field. */
export function reconcileCaseFields(mappings: readonly FieldMapping[] = OWNERSHIP): string[] {
  const fields = ['Id', CASE_SYNC_STATUS_FIELD];
  for (const m of reconciledMappings(mappings)) {
    const f = m.owner === 'salesforce' ? ownerFields(m)[0] : peerField(m);
    if (f && fields.indexOf(f) < 0) fields.push(f);
  }
  return fields;
}

/** Ids in chunks of at most `size` (the sweep's SOQL and collections batches). */
export function chunk<T>(items: readonly T[], size: number = RECONCILE_CHUNK): T[][] {
  const n = Math.max(1, Math.floor(size));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

const quote = (v: string): string => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** One SOQL query for up to RECONCILE_CHUNK cases. */
export function reconcileQuery(caseIds: readonly string[], mappings: readonly FieldMapping[] = OWNERSHIP): string {
  if (caseIds.length === 0 || caseIds.length > RECONCILE_CHUNK) {
    throw new RangeError(`reconcileQuery: ${caseIds.length} ids; pass 1..${RECONCILE_CHUNK} (chunk them first)`);
  }
  return `SELECT ${reconcileCaseFields(mappings).join(', ')} FROM Case WHERE Id IN (${caseIds.map(quote).join(', ')})`;
}

/** Salesforce's REST answers write the offset without a colon (`+0000`); ISO-8601 parsers want `+00:00`. */
const colonOffset = (v: FieldValue | undefined): FieldValue | undefined =>
  typeof v === 'string' ? v.replace(/T(.*)([+-]\d{2})(\d{2})$/, 'T$1$2:$3') : v;

/** Equal as synced values: date-times compare as instants (Salesforce answers `...000+0000`). */
function sameSynced(m: FieldMapping, a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (sameValue(a, b)) return true;
  // ServiceNow keeps a Salesforce text cut to its column's dictionary length (fit.ts): not drift.
  if (m.owner === 'salesforce' && typeof a === 'string' && typeof b === 'string') return isFittedCopy(a, b) || isFittedCopy(b, a);
  if (m.transform !== 'dateTime') return false;
  const x = parseDateTime(colonOffset(a));
  const y = parseDateTime(colonOffset(b));
  return x.ok && y.ok && x.value === y.value;
}

function causeOf(m: FieldMapping, link: LinkState, expected: FieldValue, actual: FieldValue): DriftCause {
  if (!has(link.snapshot, m.key)) return 'never_synced';
  const snap = link.snapshot[m.key];
  const ownerMoved = !sameSynced(m, expected, snap);
  const copyMoved = !sameSynced(m, actual, snap);
  return ownerMoved && copyMoved ? 'both_changed' : ownerMoved ? 'owner_changed' : 'copy_changed';
}

export function decideDrift(input: DriftInput): DriftDecision {
  const { link, incident, caseRecord } = input;
  const mappings = input.mappings ?? OWNERSHIP;
  const caseInFlight = CASE_IN_FLIGHT.indexOf(String(caseRecord[CASE_SYNC_STATUS_FIELD] ?? '')) >= 0;
  const drift: DriftField[] = [];
  const inFlight: DriftField[] = [];
  const problems: FieldProblem[] = [];
  const incidentWrites: Record<string, FieldValue> = {};
  const snapshot: Record<string, FieldValue> = { ...link.snapshot };
  const resend: string[] = [];

  const resendProblem: string[] = [];

  for (const m of reconciledMappings(mappings)) {
    const owner = m.owner as System;
    const table = m.servicenow.table;
    // No problem: its fields are not read, so nothing of it is compared (the has() checks below).
    const snRecord = table === 'problem' ? input.problem ?? {} : incident;
    const ownerRecord = owner === 'salesforce' ? caseRecord : snRecord;
    const copyRecord = owner === 'salesforce' ? snRecord : caseRecord;
    const copyField = peerField(m) as string;
    if (!has(ownerRecord, ownerFields(m)[0]) || !has(copyRecord, copyField)) continue; // not read: nothing to compare
    const expected = transformForPeer(m, ownerRecord);
    if (!expected.ok) {
      problems.push(expected.error);
      continue;
    }
    const actual = copyRecord[copyField];
    if (sameSynced(m, expected.value, actual)) continue;
    const found: DriftField = { key: m.key, label: m.label, owner, table, field: copyField, expected: expected.value, actual, cause: causeOf(m, link, expected.value, actual) };
    if (owner === 'servicenow' ? input.outboxPending === true : caseInFlight) {
      inFlight.push(found);
      continue;
    }
    drift.push(found);
    if (owner === 'salesforce') {
      incidentWrites[copyField] = expected.value;
      snapshot[m.key] = expected.value;
    } else {
      (table === 'problem' ? resendProblem : resend).push(m.key);
    }
  }

  const afterInbound: LinkState = Object.keys(incidentWrites).length ? { ...link, snapshot, snapshotHash: hashValue(snapshot) } : link;
  // One message per ServiceNow record, chained on the link: the incident's repair first, then the
  // problem's with the next version (each the normal outbound decision over its own table).
  const incidentRepair = resend.length
    ? resendOver(afterInbound, resend, 'incident', { ...incident, ...incidentWrites }, mappings, Number(incident.sys_mod_count ?? 0) || 0, problems)
    : null;
  const afterIncident = incidentRepair ? incidentRepair.link : afterInbound;
  // The problem's own sys_mod_count is not the link's counter (the problem sync never passes it).
  const problemRepair = resendProblem.length && input.problem ? resendOver(afterIncident, resendProblem, 'problem', input.problem, mappings, 0, problems) : null;
  return {
    drift,
    inFlight,
    incidentWrites,
    outbound: incidentRepair,
    problemOutbound: problemRepair,
    problems,
    link: problemRepair ? problemRepair.link : afterIncident,
  };
}

/**
 * Forgets the drifted keys and decides over them only, so the normal outbound decision sends
 * exactly what the copy lacks, with a new version and idempotency key. Null when nothing is sent.
 */
function resendOver(
  link: LinkState,
  keys: readonly string[],
  table: ServiceNowTable,
  current: RecordValues,
  mappings: readonly FieldMapping[],
  recordVersion: number,
  problems: FieldProblem[],
): OutboundDecision | null {
  const forgotten: Record<string, FieldValue> = { ...link.snapshot };
  for (const k of keys) delete forgotten[k];
  const outbound = decideOutbound({
    from: 'servicenow',
    table,
    current,
    link: { ...link, snapshot: forgotten, snapshotHash: hashValue(forgotten) },
    origin: 'peer', // the sweep's own reading: no journal, no read-only warnings
    recordVersion,
    mappings: mappings.filter((m) => keys.indexOf(m.key) >= 0),
  });
  for (const p of outbound.problems) problems.push(p);
  return outbound.send ? outbound : null;
}
