/**
 * Display logic of the Salesforce side panel (LWC `seamPanel`), kept here so it is tested once
 * and reads the same everywhere. `now` is passed in: this module never reads a clock.
 */
import { parseDateTime } from './transforms';

export type SlaBadge = 'breached' | 'at_risk' | 'on_track' | 'none';

export interface SlaView {
  readonly badge: SlaBadge;
  /** Milliseconds to the due time; negative when breached; null without a due time. */
  readonly msLeft: number | null;
  /** "2 h 5 min left", "overdue by 3 min", "No SLA". */
  readonly text: string;
}

export interface SlaOptions {
  /** Under this many minutes left the badge reads "at risk". Default 60. */
  readonly atRiskMinutes?: number;
}

const MINUTE = 60000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A time as epoch ms, or as ISO-8601 / ServiceNow text; null when absent or unreadable. */
export function toEpochMs(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const r = parseDateTime(value);
  return r.ok ? r.value : null;
}

/** Two largest units, rounded down: "2 d 3 h", "5 h 12 min", "45 min", "less than 1 min". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return 'less than 1 min';
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  const m = Math.floor((abs % HOUR) / MINUTE);
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}

export function slaView(due: string | number | null | undefined, now: string | number, options: SlaOptions = {}): SlaView {
  const dueMs = toEpochMs(due);
  const nowMs = toEpochMs(now);
  if (dueMs === null || nowMs === null) return { badge: 'none', msLeft: null, text: 'No SLA' };
  const left = dueMs - nowMs;
  if (left <= 0) return { badge: 'breached', msLeft: left, text: left === 0 ? 'due now' : `overdue by ${formatDuration(left)}` };
  const atRisk = (options.atRiskMinutes ?? 60) * MINUTE;
  return { badge: left < atRisk ? 'at_risk' : 'on_track', msLeft: left, text: `${formatDuration(left)} left` };
}

export type SyncHealthStatus = 'ok' | 'pending' | 'error';

export interface SyncHealthInput {
  readonly lastSyncAt: string | number | null | undefined;
  /** Messages queued in the outbox for this link. */
  readonly pending: number;
  readonly lastError: string | null | undefined;
}

export interface SyncHealth {
  readonly status: SyncHealthStatus;
  /** Short badge text. */
  readonly label: string;
  /** One sentence for the tooltip. */
  readonly detail: string;
}

/** An error wins over pending, pending over ok: the panel shows the worst thing first. */
export function syncHealth(input: SyncHealthInput, now: string | number): SyncHealth {
  const last = toEpochMs(input.lastSyncAt);
  const nowMs = toEpochMs(now);
  const ago = last !== null && nowMs !== null ? `last synced ${formatDuration(nowMs - last)} ago` : 'never synced';
  if (input.lastError) {
    return { status: 'error', label: 'Sync error', detail: `${input.lastError.slice(0, 200)} (${ago})` };
  }
  if (input.pending > 0 || last === null) {
    const n = input.pending;
    return { status: 'pending', label: 'Sync pending', detail: `${n} change${n === 1 ? '' : 's'} waiting to sync (${ago})` };
  }
  return { status: 'ok', label: 'In sync', detail: ago.charAt(0).toUpperCase() + ago.slice(1) };
}
