/**
 * The change decision, the heart of Seam.
 *
 * Each side keeps a `LinkState` per linked Case/incident pair. Its snapshot holds, per mapping
 * key, the value the non-owner side holds (the transformed value), so both sides' snapshots are
 * equal when they are in sync and a value that arrived from the peer can never look like news.
 *
 * Invariants (property-tested in decision.test.ts):
 * - only fields owned by the sender travel; the receiver rejects anything else;
 * - unchanged fields are not sent; a write that came from the peer is never sent back (A→B→A
 *   never writes), and neither is a journal entry that came from the peer;
 * - a message applies once: a repeated idempotency key or version is a duplicate, an older
 *   version is stale; only a strictly newer version from the owner applies.
 */
import { hashValue } from './hash';
import { idempotencyKey } from './idempotency';
import { entryOrigin, parseOriginTag, tagOrigin } from './journal';
import type { JournalEntry } from './journal';
import { OWNERSHIP } from './ownership';
import type { FieldMapping, ServiceNowTable } from './ownership';
import {
  CASE_PRIORITY_DOMAIN,
  CASE_STATUS_DOMAIN,
  TEXT255_MAX,
  URGENCY_DOMAIN,
  ownerFields,
  parseCasePriority,
  parseCaseStatus,
  parseChoice,
  parseDateTime,
  peerField,
  transformForPeer,
} from './transforms';
import type { FieldProblem, FieldValue, RecordValues, System } from './types';
import { sameSalesforceId } from './identity';

/** How many synced journal entry ids a link remembers (enough to drop any replay in practice). */
export const JOURNAL_MEMORY = 500;

export interface LinkState {
  readonly correlationId: string | null;
  readonly caseId: string | null;
  readonly incidentSysId: string | null;
  /** Per source system: the last version sent (own side) or applied (peer side). */
  readonly versions: Readonly<Record<System, number>>;
  /** Per source system: the idempotency key of that last version. */
  readonly lastKeys: Readonly<Record<System, string | null>>;
  /** Per mapping key: the value last synced, in the non-owner's terms. */
  readonly snapshot: Readonly<Record<string, FieldValue>>;
  /** `hashValue(snapshot)`: equal on both sides when they are in sync. */
  readonly snapshotHash: string;
  /** Ids of journal entries already sent or applied (most recent last). */
  readonly journalIds: readonly string[];
}

export interface NewLink {
  readonly correlationId?: string | null;
  readonly caseId?: string | null;
  readonly incidentSysId?: string | null;
}

export function newLink(ids: NewLink = {}): LinkState {
  return {
    correlationId: ids.correlationId ?? null,
    caseId: ids.caseId ?? null,
    incidentSysId: ids.incidentSysId ?? null,
    versions: { salesforce: 0, servicenow: 0 },
    lastKeys: { salesforce: null, servicenow: null },
    snapshot: {},
    snapshotHash: hashValue({}),
    journalIds: [],
  };
}

const other = (s: System): System => (s === 'salesforce' ? 'servicenow' : 'salesforce');
const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Does this mapping carry values from `sender` to the other side? */
function travelsFrom(m: FieldMapping, sender: System): boolean {
  if (m.owner !== sender || m.salesforce === null) return false;
  return m.direction === 'both' || m.direction === (sender === 'salesforce' ? 'sf_to_sn' : 'sn_to_sf');
}

/** The API name `side` uses for a mapping (its own field if it owns it, else the peer copy). */
export function localField(m: FieldMapping, side: System): string | null {
  return m.owner === side ? ownerFields(m)[0] ?? null : peerField(m);
}

/**
 * Equal as the platforms store them: Glide returns every value as text ("1", "" for empty,
 * "true"), Salesforce and JSON keep types. 1 and "1", null and "" are the same value here.
 */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  const norm = (v: FieldValue | undefined): string => (v === null || v === undefined ? '' : String(v));
  return norm(a) === norm(b);
}

/** A receiver-named value must already be in the receiver's domain (a bad Status would fail the DML). */
function checkPeerValue(m: FieldMapping, field: string, value: FieldValue): FieldProblem | null {
  const bad = (what: string, fix: string): FieldProblem => ({ field, problem: `${JSON.stringify(value)} is not ${what}`, fix, value });
  switch (m.transform) {
    case 'incidentStateToCaseStatus':
      return parseCaseStatus(value, field).ok ? null : bad('a Case Status', `send one of ${CASE_STATUS_DOMAIN.join(', ')}`);
    case 'incidentPriorityToCasePriority':
      return parseCasePriority(value, field).ok ? null : bad('a Case priority', `send one of ${CASE_PRIORITY_DOMAIN.join(', ')}`);
    case 'casePriorityToUrgency':
      return parseChoice(field, value, URGENCY_DOMAIN).ok ? null : bad('an urgency', 'send 1, 2 or 3');
    case 'dateTime': {
      const toSalesforce = m.owner !== 'salesforce';
      const shape = toSalesforce ? ISO_DATE_TIME_UTC : SN_DATE_TIME;
      return value === null || (typeof value === 'string' && shape.test(value) && parseDateTime(value).ok)
        ? null
        : toSalesforce
          ? bad('an ISO-8601 UTC date-time', 'send e.g. "2026-01-31T09:30:00Z" or null')
          : bad('a ServiceNow UTC date-time', 'send e.g. "2026-01-31 09:30:00" or null');
    }
    case 'text255':
      return value === null || (typeof value === 'string' && value.length <= TEXT255_MAX) ? null : bad('text of at most 255 characters', 'truncate it with text255');
    default:
      return null;
  }
}
const ISO_DATE_TIME_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const SN_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function withSnapshot(link: LinkState, snapshot: Record<string, FieldValue>): Pick<LinkState, 'snapshot' | 'snapshotHash'> {
  return { snapshot, snapshotHash: hashValue(snapshot) };
}

function rememberJournal(ids: readonly string[], added: readonly string[]): readonly string[] {
  if (added.length === 0) return ids;
  const all = ids.concat(added);
  return all.length > JOURNAL_MEMORY ? all.slice(all.length - JOURNAL_MEMORY) : all;
}

// ---- outbound -----------------------------------------------------------------------------

/** `local`: a user or script changed the record; `peer`: our own inbound apply wrote it. */
export type ChangeOrigin = 'local' | 'peer';

export interface OutboundInput {
  readonly from: System;
  /** The record on `from`, keyed by `from`'s API names (Salesforce: `Field`, or `Account.Field`). */
  readonly current: RecordValues;
  readonly link: LinkState;
  readonly origin: ChangeOrigin;
  /** The record's own change counter (incident sys_mod_count, Case.Seam_Local_Version__c). */
  readonly recordVersion?: number;
  /** Journal entries on the record that may be new; already-synced and peer entries are skipped. */
  readonly journal?: readonly JournalEntry[];
  /** Defaults to `OWNERSHIP`. */
  readonly mappings?: readonly FieldMapping[];
  /**
   * From ServiceNow: which table `current` is (default `incident`); only that table's mappings
   * are decided, so a problem's `state` is never read as an incident state.
   */
  readonly table?: ServiceNowTable;
}

export interface OutboundField {
  readonly key: string;
  readonly label: string;
  /** The field(s) read on `from`. */
  readonly sourceFields: readonly string[];
  /** The field written on the peer. */
  readonly peerField: string;
  /** The peer's value before (the snapshot; null when never synced). */
  readonly old: FieldValue;
  /** The peer's value after (transformed). */
  readonly new: FieldValue;
}

export interface OutboundDecision {
  /** True when there is at least one field or journal entry to send (and a record id to key it). */
  readonly send: boolean;
  readonly fields: readonly OutboundField[];
  /** Transformed values by the peer's API names (ServiceNow → `Fields_Json__c`). */
  readonly peerValues: Readonly<Record<string, FieldValue>>;
  /** Untransformed values by `from`'s API names (Salesforce → `CaseMessage.fields`). */
  readonly sourceValues: Readonly<Record<string, FieldValue>>;
  /** Journal entries to send, with `origin` set to `from`. */
  readonly journal: readonly JournalEntry[];
  /** Fields that could not be sent (unknown picklist values) and local edits of read-only fields. */
  readonly problems: readonly FieldProblem[];
  /** The version this message carries (unchanged when nothing is sent). */
  readonly version: number;
  /** `idempotencyKey(from, recordId, version)`; null when nothing is sent (also when the record id is unknown). */
  readonly idempotencyKey: string | null;
  /** The link state to store once the message is queued in the outbox. */
  readonly link: LinkState;
}

/** What `idempotencyKey` accepts as a record id (Salesforce id, sys_id). */
const RECORD_ID = /^[A-Za-z0-9_.-]{1,64}$/;

const label = (s: System): string => (s === 'salesforce' ? 'Salesforce' : 'ServiceNow');

export function decideOutbound(input: OutboundInput): OutboundDecision {
  const { from, current, link, origin } = input;
  const all = input.mappings ?? OWNERSHIP;
  const mappings = from === 'servicenow' ? all.filter((m) => m.servicenow.table === (input.table ?? 'incident')) : all;
  const peer = other(from);
  const fields: OutboundField[] = [];
  const peerValues: Record<string, FieldValue> = {};
  const sourceValues: Record<string, FieldValue> = {};
  const problems: FieldProblem[] = [];
  const snapshot: Record<string, FieldValue> = { ...link.snapshot };

  for (const m of mappings) {
    if (travelsFrom(m, from)) {
      const read = ownerFields(m);
      if (!has(current, read[0])) continue; // not read by the adapter: nothing to decide
      const value = transformForPeer(m, current);
      if (!value.ok) {
        problems.push(value.error);
        continue;
      }
      const before = has(link.snapshot, m.key) ? link.snapshot[m.key] : undefined;
      if (before !== undefined && sameValue(before, value.value)) continue;
      const target = peerField(m) as string;
      fields.push({ key: m.key, label: m.label, sourceFields: read, peerField: target, old: before ?? null, new: value.value });
      peerValues[target] = value.value;
      for (const f of read) sourceValues[f] = has(current, f) ? current[f] : null;
      snapshot[m.key] = value.value;
    } else if (travelsFrom(m, peer) && origin === 'local') {
      // A local edit of a field the peer owns: read-only here, reported, never sent.
      const f = peerField(m) as string;
      if (has(current, f) && has(link.snapshot, m.key) && !sameValue(current[f], link.snapshot[m.key])) {
        problems.push({
          field: f,
          problem: `was changed in ${label(from)} but ${label(peer)} owns it (${m.label})`,
          fix: `change it in ${label(peer)}; its next update overwrites the ${label(from)} copy`,
          value: current[f],
        });
      }
    }
  }

  const known = new Set(link.journalIds);
  const journal: JournalEntry[] = [];
  if (origin === 'local') {
    for (const e of input.journal ?? []) {
      if (known.has(e.id) || entryOrigin(e, from) !== from) continue;
      known.add(e.id);
      journal.push({ id: e.id, body: e.body, author: e.author, createdAt: e.createdAt, origin: from });
    }
  }

  const send = fields.length > 0 || journal.length > 0;
  if (!send) {
    return { send, fields, peerValues, sourceValues, journal, problems, version: link.versions[from], idempotencyKey: null, link };
  }
  const version = Math.max(link.versions[from] + 1, input.recordVersion ?? 0);
  const recordId = from === 'salesforce' ? link.caseId ?? current.Id : link.incidentSysId ?? current.sys_id;
  if (typeof recordId !== 'string' || !RECORD_ID.test(recordId)) {
    // Without a key the message cannot be sent safely: keep the link as it was, so nothing is lost.
    problems.push({
      field: from === 'salesforce' ? 'Case.Id' : 'incident.sys_id',
      problem: recordId ? `${JSON.stringify(recordId)} is not a record id` : 'is unknown, so the message has no idempotency key',
      fix: 'store the record id on the link (caseId / incidentSysId) or pass it in `current`',
      value: recordId,
    });
    return { send: false, fields, peerValues, sourceValues, journal, problems, version: link.versions[from], idempotencyKey: null, link };
  }
  const key = idempotencyKey(from, recordId, version);
  const next: LinkState = {
    ...link,
    ...withSnapshot(link, snapshot),
    versions: { ...link.versions, [from]: version },
    lastKeys: { ...link.lastKeys, [from]: key },
    journalIds: rememberJournal(link.journalIds, journal.map((e) => e.id)),
  };
  return { send, fields, peerValues, sourceValues, journal, problems, version, idempotencyKey: key, link: next };
}

// ---- inbound ------------------------------------------------------------------------------

export interface InboundMessage {
  readonly messageId: string;
  readonly idempotencyKey: string;
  readonly origin: System;
  readonly version: number;
  /**
   * `sender` (default): untransformed, by the sender's API names (CaseMessage.fields).
   * `receiver`: already transformed, by the receiver's API names (Incident_Update__e Fields_Json__c).
   */
  readonly names?: 'sender' | 'receiver';
  readonly fields: RecordValues;
  readonly journal?: readonly JournalEntry[];
  readonly caseId?: string | null;
  readonly incidentSysId?: string | null;
}

export interface InboundInput {
  readonly to: System;
  readonly message: InboundMessage;
  readonly link: LinkState;
  /** The receiver's record, for old values in the audit; optional. */
  readonly current?: RecordValues;
  readonly mappings?: readonly FieldMapping[];
  /** A ServiceNow message in ServiceNow's own names: which table its fields are (default `incident`). */
  readonly table?: ServiceNowTable;
}

export type InboundStatus = 'applied' | 'duplicate' | 'stale' | 'rejected';

export interface AppliedField {
  readonly key: string;
  /** The receiver's API name written. */
  readonly field: string;
  readonly old: FieldValue;
  readonly new: FieldValue;
}

export interface InboundDecision {
  readonly status: InboundStatus;
  /** One sentence for the audit row. */
  readonly reason: string;
  /** Field writes by the receiver's API names. Empty unless `applied`. */
  readonly writes: Readonly<Record<string, FieldValue>>;
  readonly fields: readonly AppliedField[];
  /** Entries to add to the receiver's journal; bodies carry the origin tag. */
  readonly journal: readonly JournalEntry[];
  /** Fields rejected (not owned by the sender, unknown, bad values). */
  readonly problems: readonly FieldProblem[];
  readonly link: LinkState;
}

export function applyInbound(input: InboundInput): InboundDecision {
  const { to, message, link } = input;
  const all = input.mappings ?? OWNERSHIP;
  const sender = message.origin;
  // ServiceNow names are per table (a problem also has `state`, `sys_id`); Case names are unique.
  const mappings = sender === 'servicenow' && (message.names ?? 'sender') === 'sender' ? all.filter((m) => m.servicenow.table === (input.table ?? 'incident')) : all;
  const none = (status: InboundStatus, reason: string, problems: FieldProblem[] = []): InboundDecision => ({
    status,
    reason,
    writes: {},
    fields: [],
    journal: [],
    problems,
    link,
  });

  if (sender !== 'salesforce' && sender !== 'servicenow') {
    return none('rejected', 'unknown origin', [
      { field: 'origin', problem: `is ${JSON.stringify(sender)}`, fix: 'send "salesforce" or "servicenow"', value: sender },
    ]);
  }
  if (sender === to) {
    return none('rejected', `a ${label(to)} message came back to ${label(to)}`, [
      { field: 'origin', problem: `is ${to}, the receiver itself`, fix: 'never deliver a side its own messages', value: sender },
    ]);
  }
  if (!Number.isSafeInteger(message.version) || message.version < 1) {
    return none('rejected', 'the version is not a positive integer', [
      { field: 'version', problem: `is ${String(message.version)}`, fix: 'send the record version as an integer ≥ 1', value: message.version },
    ]);
  }
  const linkMismatch =
    (message.caseId && link.caseId && !sameSalesforceId(message.caseId, link.caseId)) ||
    (message.incidentSysId && link.incidentSysId && message.incidentSysId !== link.incidentSysId);
  if (linkMismatch) {
    return none('rejected', 'the message names another Case or incident than this link', [
      { field: 'caseId', problem: 'does not match the link', fix: 'look the link up by caseId / incidentSysId before applying', value: message.caseId ?? message.incidentSysId },
    ]);
  }
  const last = link.versions[sender];
  if (message.idempotencyKey === link.lastKeys[sender] || message.version === last) {
    return none('duplicate', `version ${message.version} from ${label(sender)} was already applied`);
  }
  if (message.version < last) {
    return none('stale', `version ${message.version} from ${label(sender)} is older than the applied version ${last}`);
  }

  const problems: FieldProblem[] = [];
  const writes: Record<string, FieldValue> = {};
  const fields: AppliedField[] = [];
  const snapshot: Record<string, FieldValue> = { ...link.snapshot };
  const consumed = new Set<string>();
  const current = input.current ?? {};

  const write = (m: FieldMapping, value: FieldValue): void => {
    const target = localField(m, to) as string;
    const old = has(current, target) ? current[target] : has(link.snapshot, m.key) ? link.snapshot[m.key] : null;
    writes[target] = value;
    fields.push({ key: m.key, field: target, old, new: value });
    snapshot[m.key] = value;
  };

  if ((message.names ?? 'sender') === 'sender') {
    for (const m of mappings) {
      if (!travelsFrom(m, sender)) continue;
      const read = ownerFields(m);
      if (!has(message.fields, read[0])) continue;
      for (const f of read) consumed.add(f);
      const value = transformForPeer(m, message.fields);
      if (value.ok) write(m, value.value);
      else problems.push(value.error);
    }
  } else {
    for (const m of mappings) {
      const target = travelsFrom(m, sender) ? peerField(m) : null;
      if (target === null || !has(message.fields, target)) continue;
      consumed.add(target);
      const value = message.fields[target];
      const bad = checkPeerValue(m, target, value);
      if (bad) problems.push(bad);
      else write(m, value);
    }
  }
  for (const name of Object.keys(message.fields)) {
    if (!consumed.has(name)) problems.push(unacceptedField(mappings, sender, name, message.fields[name]));
  }

  const { journal, journalIds } = receiveJournal(message.journal ?? [], sender, to, link);

  if (fields.length === 0 && journal.length === 0 && problems.length > 0) {
    return none('rejected', `nothing in version ${message.version} from ${label(sender)} could be applied`, problems);
  }
  const next: LinkState = {
    ...link,
    ...withSnapshot(link, snapshot),
    caseId: link.caseId ?? message.caseId ?? null,
    incidentSysId: link.incidentSysId ?? message.incidentSysId ?? null,
    versions: { ...link.versions, [sender]: message.version },
    lastKeys: { ...link.lastKeys, [sender]: message.idempotencyKey },
    journalIds,
  };
  return {
    status: 'applied',
    reason: `applied ${fields.length} field(s) and ${journal.length} journal entr${journal.length === 1 ? 'y' : 'ies'} from ${label(sender)} version ${message.version}`,
    writes,
    fields,
    journal,
    problems,
    link: next,
  };
}

/** Why a field in a message was not applied, in words for whoever maintains the sender. */
function unacceptedField(mappings: readonly FieldMapping[], sender: System, name: string, value: FieldValue): FieldProblem {
  const m = mappings.find((x) => ownerFields(x).indexOf(name) >= 0 || peerField(x) === name);
  if (m && m.owner === 'entry_origin') {
    return { field: name, problem: `is a journal field (${m.label})`, fix: 'send comments as journal entries, not as a field value', value };
  }
  if (m && m.direction === 'internal') {
    return { field: name, problem: `is internal to ${label(m.owner as System)} (${m.label}) and never synced`, fix: `drop ${name} from the message`, value };
  }
  if (m && m.owner !== sender) {
    return {
      field: name,
      problem: `is owned by ${label(m.owner as System)} (${m.label}); ${label(sender)} may not write it`,
      fix: `drop ${name} from ${label(sender)}'s messages; change it where it is owned`,
      value,
    };
  }
  return {
    field: name,
    problem: `is not a synced field from ${label(sender)}`,
    fix: 'send only fields of the ownership map (shared/src/ownership.ts) owned by the sender',
    value,
  };
}

// ---- journal entries on their own (CommentMessage) --------------------------------------------

/** New entries to write (tagged with their origin) and the ids the link must remember. */
function receiveJournal(
  entries: readonly JournalEntry[],
  sender: System,
  to: System,
  link: LinkState,
): { journal: JournalEntry[]; journalIds: readonly string[] } {
  const known = new Set(link.journalIds);
  const added: string[] = [];
  const journal: JournalEntry[] = [];
  for (const e of entries) {
    if (known.has(e.id)) continue;
    known.add(e.id);
    added.push(e.id);
    const tag = parseOriginTag(e.body);
    if ((e.origin && e.origin !== sender) || (tag && tag.origin === to)) continue; // our own entry came back
    journal.push({ id: e.id, body: tagOrigin(e.body, sender, e.author), author: e.author, createdAt: e.createdAt, origin: sender });
  }
  return { journal, journalIds: rememberJournal(link.journalIds, added) };
}

export interface JournalInput {
  readonly to: System;
  readonly from: System;
  readonly entries: readonly JournalEntry[];
  readonly link: LinkState;
}

export interface JournalDecision {
  /** Entries to add to the receiver's journal; bodies carry the origin tag. */
  readonly journal: readonly JournalEntry[];
  /** How many entries were dropped as already applied or as our own coming back. */
  readonly skipped: number;
  readonly link: LinkState;
}

/**
 * Applies journal entries that travel without a record version (`POST /v1/comments`): each entry
 * is deduplicated by its id, so comments never race with the field versions of the same link.
 */
export function applyInboundJournal(input: JournalInput): JournalDecision {
  const { journal, journalIds } = receiveJournal(input.entries, input.from, input.to, input.link);
  const link = journalIds === input.link.journalIds ? input.link : { ...input.link, journalIds };
  return { journal, skipped: input.entries.length - journal.length, link };
}

// ---- messages ------------------------------------------------------------------------------

/**
 * The message a decision becomes, in the contract's encoding: Salesforce sends its own fields
 * untransformed by Salesforce API name (CaseMessage.fields); ServiceNow sends transformed values
 * by Case API name (Incident_Update__e Fields_Json__c). Returns null when there is nothing to send.
 */
export function toInboundMessage(from: System, decision: OutboundDecision, messageIdValue: string): InboundMessage | null {
  if (!decision.send || decision.idempotencyKey === null) return null;
  return {
    messageId: messageIdValue,
    idempotencyKey: decision.idempotencyKey,
    origin: from,
    version: decision.version,
    names: from === 'salesforce' ? 'sender' : 'receiver',
    fields: from === 'salesforce' ? decision.sourceValues : decision.peerValues,
    journal: decision.journal,
    caseId: decision.link.caseId,
    incidentSysId: decision.link.incidentSysId,
  };
}
