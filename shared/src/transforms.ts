/**
 * Value transforms between Salesforce Case and ServiceNow incident.
 *
 * Every transform is total over its declared domain (the exported `*_DOMAIN` arrays, which the
 * property tests enumerate) and returns a `Result`: a value outside the domain is an explicit
 * problem naming the field, the value and the fix, never a silent default.
 */
import type { FieldMapping, TransformName } from './ownership';
import { err, ok } from './types';
import type { FieldProblem, FieldValue, RecordValues, Result } from './types';

// ---- domains ------------------------------------------------------------------------------

export const URGENCY_DOMAIN = [1, 2, 3] as const;
export const IMPACT_DOMAIN = [1, 2, 3] as const;
export const INCIDENT_PRIORITY_DOMAIN = [1, 2, 3, 4, 5] as const;
export const CASE_PRIORITY_DOMAIN = ['High', 'Medium', 'Low'] as const;
/** incident.state: 1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled. */
export const INCIDENT_STATE_DOMAIN = [1, 2, 3, 6, 7, 8] as const;
/** incident.hold_reason while On Hold: 1 Awaiting Caller, 3 Awaiting Problem, 4 Awaiting Vendor, 5 Awaiting Change. */
export const HOLD_REASON_DOMAIN = [1, 3, 4, 5] as const;
export const CASE_STATUS_DOMAIN = [
  'New',
  'Working',
  'Escalated',
  'Waiting on Customer',
  'On Hold',
  'Resolved',
  'Closed',
  'Canceled',
] as const;

export type Urgency = (typeof URGENCY_DOMAIN)[number];
export type Impact = (typeof IMPACT_DOMAIN)[number];
export type IncidentPriority = (typeof INCIDENT_PRIORITY_DOMAIN)[number];
export type CasePriority = (typeof CASE_PRIORITY_DOMAIN)[number];
export type IncidentState = (typeof INCIDENT_STATE_DOMAIN)[number];
export type HoldReason = (typeof HOLD_REASON_DOMAIN)[number];
export type CaseStatus = (typeof CASE_STATUS_DOMAIN)[number];

/** An incident state together with the hold reason it needs when On Hold. */
export interface IncidentStateValue {
  readonly state: IncidentState;
  readonly holdReason: HoldReason | null;
}

export const INCIDENT_STATE_LABELS: Readonly<Record<IncidentState, string>> = {
  1: 'New',
  2: 'In Progress',
  3: 'On Hold',
  6: 'Resolved',
  7: 'Closed',
  8: 'Canceled',
};
export const HOLD_REASON_LABELS: Readonly<Record<HoldReason, string>> = {
  1: 'Awaiting Caller',
  3: 'Awaiting Problem',
  4: 'Awaiting Vendor',
  5: 'Awaiting Change',
};

/** Salesforce Text(255) and ServiceNow short_description (160 by default, widened to 255 by the app). */
export const TEXT255_MAX = 255;

// ---- picklist parsing -------------------------------------------------------------------

const problem = (field: string, message: string, fix: string, value?: unknown): FieldProblem =>
  value === undefined ? { field, problem: message, fix } : { field, problem: message, fix, value };

/**
 * Reads a ServiceNow choice value. Glide returns choices as strings ("2"), JSON as numbers (2):
 * both are accepted, anything else is reported.
 */
export function parseChoice<T extends number>(field: string, value: unknown, domain: readonly T[]): Result<T> {
  let n: number | null = null;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) n = Number(value.trim());
  for (const member of domain) if (member === n) return ok(member);
  return err(notInDomain(field, value, `set ${field} to one of ${domain.join(', ')}`));
}

/** The one way a value outside a declared domain is reported: empty, or unknown, with the fix. */
function notInDomain(field: string, value: unknown, fix: string): FieldProblem {
  return problem(field, value === null || value === undefined || value === '' ? 'is empty' : `has the unknown value ${JSON.stringify(value)}`, fix, value);
}

function parsePicklist<T extends string>(field: string, value: unknown, domain: readonly T[]): Result<T> {
  for (const member of domain) if (member === value) return ok(member);
  return err(notInDomain(field, value, `set ${field} to one of ${domain.map((d) => `"${d}"`).join(', ')} (or add the value to the Seam transforms)`));
}

export const parseCasePriority = (value: unknown, field = 'Case.Priority'): Result<CasePriority> =>
  parsePicklist(field, value, CASE_PRIORITY_DOMAIN);
export const parseCaseStatus = (value: unknown, field = 'Case.Status'): Result<CaseStatus> =>
  parsePicklist(field, value, CASE_STATUS_DOMAIN);

// ---- priority -----------------------------------------------------------------------------

/** ServiceNow's standard priority lookup: rows are urgency, columns impact. */
const PRIORITY_MATRIX: readonly (readonly IncidentPriority[])[] = [
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
];

export function priorityFromUrgencyImpact(urgency: unknown, impact: unknown): Result<IncidentPriority> {
  const u = parseChoice('incident.urgency', urgency, URGENCY_DOMAIN);
  if (!u.ok) return u;
  const i = parseChoice('incident.impact', impact, IMPACT_DOMAIN);
  if (!i.ok) return i;
  return ok(PRIORITY_MATRIX[u.value - 1][i.value - 1]);
}

const CASE_PRIORITY_TO_URGENCY_IMPACT: Readonly<Record<CasePriority, { urgency: Urgency; impact: Impact }>> = {
  High: { urgency: 1, impact: 2 },
  Medium: { urgency: 2, impact: 2 },
  Low: { urgency: 3, impact: 3 },
};

/** Case priority → urgency and impact; their priority maps back to the same Case priority. */
export function casePriorityToUrgencyImpact(priority: unknown, field = 'Case.Priority'): Result<{ urgency: Urgency; impact: Impact }> {
  const p = parseCasePriority(priority, field);
  return p.ok ? ok(CASE_PRIORITY_TO_URGENCY_IMPACT[p.value]) : p;
}

/** The customer's priority sets urgency only; impact stays an IT assessment (see ownership). */
export function casePriorityToUrgency(priority: unknown, field = 'Case.Priority'): Result<Urgency> {
  const p = casePriorityToUrgencyImpact(priority, field);
  return p.ok ? ok(p.value.urgency) : p;
}

export function incidentPriorityToCasePriority(priority: unknown, field = 'incident.priority'): Result<CasePriority> {
  const p = parseChoice(field, priority, INCIDENT_PRIORITY_DOMAIN);
  if (!p.ok) return p;
  return ok(p.value <= 2 ? 'High' : p.value === 3 ? 'Medium' : 'Low');
}

// ---- state ↔ status ----------------------------------------------------------------------

const HOLD_REASON_TO_STATUS: Readonly<Record<HoldReason, CaseStatus>> = {
  1: 'Waiting on Customer',
  3: 'Escalated', // the incident waits on problem management: escalated beyond the first line
  4: 'On Hold',
  5: 'On Hold',
};

/** Reads state (+ hold_reason when On Hold) as ServiceNow stores them. */
export function parseIncidentState(state: unknown, holdReason: unknown): Result<IncidentStateValue> {
  const s = parseChoice('incident.state', state, INCIDENT_STATE_DOMAIN);
  if (!s.ok) return s;
  if (s.value !== 3) return ok({ state: s.value, holdReason: null });
  const h = parseChoice('incident.hold_reason', holdReason, HOLD_REASON_DOMAIN);
  if (!h.ok) {
    return err({ ...h.error, problem: `${h.error.problem} while state is 3 (On Hold)` });
  }
  return ok({ state: 3, holdReason: h.value });
}

export function incidentStateToCaseStatus(state: unknown, holdReason?: unknown): Result<CaseStatus> {
  const s = parseIncidentState(state, holdReason);
  if (!s.ok) return s;
  switch (s.value.state) {
    case 1:
      return ok('New');
    case 2:
      return ok('Working');
    case 3:
      return ok(HOLD_REASON_TO_STATUS[s.value.holdReason as HoldReason]);
    case 6:
      return ok('Resolved');
    case 7:
      return ok('Closed');
    case 8:
      return ok('Canceled');
  }
}

const STATUS_TO_STATE: Readonly<Record<CaseStatus, IncidentStateValue>> = {
  New: { state: 1, holdReason: null },
  Working: { state: 2, holdReason: null },
  Escalated: { state: 3, holdReason: 3 },
  'Waiting on Customer': { state: 3, holdReason: 1 },
  // Two hold reasons read as "On Hold"; Awaiting Vendor is the canonical one going back.
  'On Hold': { state: 3, holdReason: 4 },
  Resolved: { state: 6, holdReason: null },
  Closed: { state: 7, holdReason: null },
  Canceled: { state: 8, holdReason: null },
};

/** Case Status → incident state + hold reason. Status → state → Status is the identity. */
export function caseStatusToIncidentState(status: unknown): Result<IncidentStateValue> {
  const s = parseCaseStatus(status);
  return s.ok ? ok(STATUS_TO_STATE[s.value]) : s;
}

/** Human label, e.g. "On Hold (Awaiting Vendor)", shown on the Case. */
export function incidentStateLabel(state: unknown, holdReason?: unknown): Result<string> {
  const s = parseIncidentState(state, holdReason);
  if (!s.ok) return s;
  const label = INCIDENT_STATE_LABELS[s.value.state];
  return ok(s.value.holdReason === null ? label : `${label} (${HOLD_REASON_LABELS[s.value.holdReason]})`);
}

/** The problem states of the base problem lifecycle (problem.state choices). */
export const PROBLEM_STATE_LABELS: Readonly<Record<string, string>> = {
  '101': 'New',
  '102': 'Assess',
  '103': 'Root Cause Analysis',
  '104': 'Fix in Progress',
  '106': 'Resolved',
  '107': 'Closed',
};

/** problem.state (number or Glide string) → its label; an unknown state is a problem, never a guess. */
export function problemStateLabel(state: unknown, field = 'state'): Result<string> {
  const key = state === null || state === undefined ? '' : String(state).trim();
  const label = PROBLEM_STATE_LABELS[key];
  if (label) return ok(label);
  return err(problem(field, `${JSON.stringify(state)} is not a problem state`, `use one of ${Object.keys(PROBLEM_STATE_LABELS).join(', ')}`, key));
}

/** A Glide boolean ("true"/"false", "1"/"0", "" for empty) → a Salesforce checkbox value. */
export function glideBoolean(value: unknown, field = 'value'): Result<boolean> {
  if (value === true || value === false) return ok(value);
  const v = value === null || value === undefined ? '' : String(value).trim().toLowerCase();
  if (v === 'true' || v === '1') return ok(true);
  if (v === 'false' || v === '0' || v === '') return ok(false);
  return err(problem(field, `${JSON.stringify(value)} is not a boolean`, 'send true or false', v));
}

// ---- date-time ----------------------------------------------------------------------------

/** A UTC instant split into its parts; produced only by the parsers below. */
interface Instant {
  readonly ms: number;
}

const SN_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function toInstant(parts: readonly string[], fraction: string | undefined, offset: string): Instant | null {
  const [y, mo, d, h, mi, s] = parts.map(Number);
  if (mo < 1 || mo > 12) return null;
  const dim = mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1];
  if (d < 1 || d > dim || h > 23 || mi > 59 || s > 59) return null;
  let offsetMin = 0;
  if (offset !== 'Z') {
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offsetMin = (offset[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  // Date.UTC is plain arithmetic on the arguments: no clock, no time zone database.
  return { ms: Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60000 };
}

/**
 * Parses either a ServiceNow date-time (`YYYY-MM-DD HH:mm:ss`, always UTC at the API) or an
 * ISO-8601 date-time with `Z` or an offset. Returns epoch milliseconds.
 */
export function parseDateTime(value: unknown, field = 'dateTime'): Result<number> {
  if (typeof value === 'string') {
    const sn = SN_DATE_TIME.exec(value);
    const iso = sn ? null : ISO_DATE_TIME.exec(value);
    const instant = sn
      ? toInstant(sn.slice(1, 7), undefined, 'Z')
      : iso
        ? toInstant(iso.slice(1, 7), iso[7], iso[8])
        : null;
    if (instant) return ok(instant.ms);
  }
  return err(
    problem(
      field,
      `is not a valid date-time: ${JSON.stringify(value)}`,
      'send UTC as "YYYY-MM-DD HH:mm:ss" (ServiceNow) or ISO-8601 such as "2026-01-31T09:30:00Z"',
      value,
    ),
  );
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function formatParts(ms: number): { date: string; time: string } {
  const d = new Date(ms);
  return {
    date: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
  };
}

/** Epoch ms → ISO-8601 UTC with second precision, `2026-01-31T09:30:00Z` (what Salesforce stores). */
export function formatIso(ms: number): string {
  const p = formatParts(ms);
  return `${p.date}T${p.time}Z`;
}

/** Epoch ms → ServiceNow's `YYYY-MM-DD HH:mm:ss` (UTC). */
export function formatServiceNowDateTime(ms: number): string {
  const p = formatParts(ms);
  return `${p.date} ${p.time}`;
}

/** Either format → ISO-8601 `...Z`. Empty (null or "") stays empty: Glide returns "" for no value. */
export function toIsoDateTime(value: unknown, field = 'dateTime'): Result<string | null> {
  if (value === null || value === '') return ok(null);
  const ms = parseDateTime(value, field);
  return ms.ok ? ok(formatIso(ms.value)) : ms;
}

/** Either format → ServiceNow `YYYY-MM-DD HH:mm:ss` UTC. Empty stays empty. */
export function toServiceNowDateTime(value: unknown, field = 'dateTime'): Result<string | null> {
  if (value === null || value === '') return ok(null);
  const ms = parseDateTime(value, field);
  return ms.ok ? ok(formatServiceNowDateTime(ms.value)) : ms;
}

// ---- text ---------------------------------------------------------------------------------

/** Cuts to 255 UTF-16 units, ending in "…", never splitting a surrogate pair. */
export function text255(value: unknown, field = 'text'): Result<string | null> {
  if (value === null) return ok(null);
  if (typeof value !== 'string') {
    return err(problem(field, `is a ${typeof value}, not text`, `send ${field} as a string or null`, value));
  }
  if (value.length <= TEXT255_MAX) return ok(value);
  let cut = TEXT255_MAX - 1;
  const last = value.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return ok(`${value.slice(0, cut)}…`);
}

// ---- the mapping entry point ------------------------------------------------------------

/** A field's owner-side API name(s): Salesforce `Field` on Case, `Object.Field` otherwise. */
export function salesforcePath(mapping: FieldMapping): string | null {
  if (!mapping.salesforce) return null;
  return mapping.salesforce.object === 'Case'
    ? mapping.salesforce.field
    : `${mapping.salesforce.object}.${mapping.salesforce.field}`;
}

/** The field(s) a mapping reads on the owner's side, in the owner's API names. */
export function ownerFields(mapping: FieldMapping): readonly string[] {
  if (mapping.owner === 'salesforce') {
    const path = salesforcePath(mapping);
    return path ? [path] : [];
  }
  return [mapping.servicenow.field, ...(mapping.servicenow.extra ?? [])];
}

/** The field a mapping writes on the non-owner's side. */
export function peerField(mapping: FieldMapping): string | null {
  if (mapping.owner === 'salesforce') return mapping.servicenow.field;
  return salesforcePath(mapping);
}

const isFieldValue = (v: unknown): v is FieldValue =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

function applyTransform(name: TransformName, field: string, values: readonly unknown[], peer: 'salesforce' | 'servicenow'): Result<FieldValue> {
  const [v, extra] = values;
  switch (name) {
    case 'identity':
      return isFieldValue(v)
        ? ok(v)
        : err(problem(field, 'is not a JSON scalar', `send ${field} as text, number, boolean or null`, String(v)));
    // Problems name the field as the sender named it (`Priority`), not the object path.
    case 'casePriorityToUrgency':
      return casePriorityToUrgency(v, field);
    case 'incidentPriorityToCasePriority':
      return incidentPriorityToCasePriority(v, field);
    case 'incidentStateToCaseStatus':
      return incidentStateToCaseStatus(v, extra);
    case 'incidentStateLabel':
      return incidentStateLabel(v, extra);
    case 'dateTime':
      // Each side gets its own format: ISO-8601 for Salesforce, "YYYY-MM-DD HH:mm:ss" UTC for ServiceNow.
      return peer === 'salesforce' ? toIsoDateTime(v, field) : toServiceNowDateTime(v, field);
    case 'text255':
      return text255(v, field);
    case 'problemStateLabel':
      return problemStateLabel(v, field);
    case 'glideBoolean':
      return glideBoolean(v, field);
    case 'journal':
      return err(
        problem(field, 'is a journal field, not a value', 'send journal entries with the journal functions (decision.ts)'),
      );
  }
}

/** Names the transform applies to, for tests and docs. */
export const TRANSFORM_NAMES: readonly TransformName[] = [
  'identity',
  'casePriorityToUrgency',
  'incidentPriorityToCasePriority',
  'incidentStateToCaseStatus',
  'dateTime',
  'text255',
  'incidentStateLabel',
  'problemStateLabel',
  'glideBoolean',
  'journal',
];

/**
 * Reads the owner-side field(s) of `mapping` from `ownerRecord` (owner API names; state reads
 * hold_reason too) and returns the value the peer stores. `internal` and journal mappings are
 * reported, never sent.
 */
export function transformForPeer(mapping: FieldMapping, ownerRecord: RecordValues): Result<FieldValue> {
  if (mapping.direction === 'internal' || mapping.owner === 'entry_origin') {
    return err(
      problem(
        mapping.key,
        mapping.direction === 'internal' ? 'is internal to its owner and never leaves it' : 'is a journal field',
        mapping.direction === 'internal' ? 'do not send it' : 'send journal entries with decideOutbound',
      ),
    );
  }
  const fields = ownerFields(mapping);
  const values = fields.map((f) => (Object.prototype.hasOwnProperty.call(ownerRecord, f) ? ownerRecord[f] : null));
  return applyTransform(mapping.transform, fields[0], values, mapping.owner === 'salesforce' ? 'servicenow' : 'salesforce');
}
