/**
 * SLA-breach risk: the incident event log → prediction points and their features.
 *
 * A prediction point is one update of an incident that is still open (not Resolved, Closed or
 * Canceled), described only by what ServiceNow knows at that moment: the incident's fields as of
 * that update and the time since it was opened. The label is the incident's final `made_sla`.
 * Never read: `made_sla` of the row itself, `closed_code`, `resolved_by`, `resolved_at`,
 * `closed_at`, `caused_by`, `problem_id`, `rfc`, `vendor` (known only later, or the answer itself).
 * The same `SlaInput` is what `POST /v1/sla-risk` receives, so training and serving share
 * `slaFeatures`.
 */
import { csvRecords } from './csv.js';

/** ServiceNow incident state of an open incident: 1 New, 2 In Progress, 3 On Hold. */
export type OpenState = 1 | 2 | 3;

export interface SlaInput {
  readonly priority: number;
  readonly urgency?: number;
  readonly impact?: number;
  readonly state: OpenState;
  readonly category?: string;
  readonly assignmentGroup?: string;
  readonly reassignmentCount: number;
  readonly reopenCount: number;
  /** Updates so far (`sys_mod_count`). */
  readonly updateCount: number;
  /** ISO-8601 UTC. */
  readonly openedAt: string;
  /** The moment of the prediction (ISO-8601 UTC); the event's `sys_updated_at` in training. */
  readonly asOf: string;
}

export interface SlaExample {
  readonly incident: string;
  readonly openedAtMs: number;
  readonly input: SlaInput;
  /** 1 = the incident missed its SLA. */
  readonly breached: 0 | 1;
}

export type SlaDataResult =
  | { readonly ok: true; readonly examples: SlaExample[]; readonly incidents: number; readonly skipped: number }
  | { readonly ok: false; readonly problems: string[] };

const REQUIRED = ['number', 'incident_state', 'made_sla', 'priority', 'opened_at', 'sys_updated_at'] as const;
const CLOSED_STATES = new Set(['resolved', 'closed', 'canceled', 'cancelled', '6', '7', '8']);

/** `"3 - Moderate"`, `"3"` → 3; otherwise undefined. */
export function leadingNumber(value: string | undefined): number | undefined {
  const m = /^\s*(\d+)/.exec(value ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * ServiceNow exports: `29-02-2016 01:16` (the public log: day first), `2016-02-29 01:16:00`
 * (a list export in the system format) or ISO-8601; read as UTC. Undefined when unreadable.
 */
export function parseEventTime(value: string | undefined): number | undefined {
  const v = (value ?? '').trim();
  let m = /^(\d{1,2})-(\d{1,2})-(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (m) return Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z?$/.exec(v);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  return undefined;
}

/** Event-log state labels (and ServiceNow state numbers) of open incidents. */
export function openStateOf(label: string): OpenState | undefined {
  const s = label.trim().toLowerCase();
  if (s === 'new' || s === '1') return 1;
  if (s === 'active' || s === 'in progress' || s === '2') return 2;
  if (s.startsWith('awaiting') || s === 'on hold' || s === '3') return 3;
  return undefined;
}

const BOOL_TRUE = new Set(['true', '1', 'yes']);
const BOOL_FALSE = new Set(['false', '0', 'no']);
const named = (v: string | undefined): string | undefined => {
  const t = (v ?? '').trim();
  return t === '' || t === '?' ? undefined : t;
};

/**
 * Reads an incident event log export (one row per update). Problems name the column or line and
 * the fix; rows of closed incidents' final states are not prediction points and are skipped
 * silently, rows with unreadable values are counted in `skipped`.
 */
export function parseSlaEventLog(csvText: string, fileName = 'the CSV'): SlaDataResult {
  const { header, records } = csvRecords(csvText);
  if (header.length === 0 || records.length === 0) {
    return { ok: false, problems: [`${fileName}: no rows. Export the incident event log (one row per update) with a header line.`] };
  }
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: missing.map((c) => `${fileName}: column "${c}" is missing (found: ${header.join(', ')}). Add it: ${c === 'made_sla' ? 'true/false, whether the incident met its SLA when it closed' : 'the incident field of that name as of each update'}.`),
    };
  }
  const problems: string[] = [];
  const finalLabel = new Map<string, 0 | 1>();
  records.forEach((r, i) => {
    const made = (r['made_sla'] ?? '').trim().toLowerCase();
    if (!BOOL_TRUE.has(made) && !BOOL_FALSE.has(made)) {
      if (problems.length < 10) problems.push(`${fileName} line ${i + 2}: made_sla is "${r['made_sla']}"; use true or false.`);
      return;
    }
    // A breach is recorded once it happens (in this log: on the Closed event), so the incident's
    // label is "breached at any update".
    const number = (r['number'] ?? '').trim();
    finalLabel.set(number, (finalLabel.get(number) === 1 || BOOL_FALSE.has(made)) ? 1 : 0);
  });
  if (problems.length > 0) return { ok: false, problems };

  const examples: SlaExample[] = [];
  let skipped = 0;
  for (const r of records) {
    const number = (r['number'] ?? '').trim();
    const state = openStateOf(r['incident_state'] ?? '');
    if (state === undefined) {
      if (!CLOSED_STATES.has((r['incident_state'] ?? '').trim().toLowerCase())) skipped++;
      continue;
    }
    // Already breached at this update: nothing left to predict.
    if (BOOL_FALSE.has((r['made_sla'] ?? '').trim().toLowerCase())) continue;
    const opened = parseEventTime(r['opened_at']);
    const updated = parseEventTime(r['sys_updated_at']);
    const priority = leadingNumber(r['priority']);
    if (!number || opened === undefined || updated === undefined || priority === undefined) { skipped++; continue; }
    const num = (c: string): number => leadingNumber(r[c]) ?? 0;
    const urgency = leadingNumber(r['urgency']);
    const impact = leadingNumber(r['impact']);
    const category = named(r['category']);
    const assignmentGroup = named(r['assignment_group']);
    examples.push({
      incident: number,
      openedAtMs: opened,
      breached: finalLabel.get(number) ?? 0,
      input: {
        priority,
        ...(urgency !== undefined ? { urgency } : {}),
        ...(impact !== undefined ? { impact } : {}),
        state,
        ...(category ? { category } : {}),
        ...(assignmentGroup ? { assignmentGroup } : {}),
        reassignmentCount: num('reassignment_count'),
        reopenCount: num('reopen_count'),
        updateCount: num('sys_mod_count'),
        openedAt: new Date(opened).toISOString(),
        asOf: new Date(Math.max(updated, opened)).toISOString(),
      },
    });
  }
  return { ok: true, examples, incidents: new Set(examples.map((e) => e.incident)).size, skipped };
}

/**
 * Time-ordered split by incident: the earliest-opened `trainShare` of incidents train, the rest
 * test. Every prediction point of an incident stays on its incident's side.
 */
export function splitByOpenedAt(examples: readonly SlaExample[], trainShare = 0.7): { train: SlaExample[]; test: SlaExample[]; cutoff: string } {
  const opened = new Map<string, number>();
  for (const e of examples) opened.set(e.incident, Math.min(opened.get(e.incident) ?? Infinity, e.openedAtMs));
  const order = [...opened.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const cut = Math.max(1, Math.min(order.length - 1, Math.round(order.length * trainShare)));
  const trainIds = new Set(order.slice(0, cut).map(([id]) => id));
  const cutoffMs = order[cut]?.[1] ?? order[order.length - 1]?.[1] ?? 0;
  return {
    train: examples.filter((e) => trainIds.has(e.incident)),
    test: examples.filter((e) => !trainIds.has(e.incident)),
    cutoff: new Date(cutoffMs).toISOString(),
  };
}
