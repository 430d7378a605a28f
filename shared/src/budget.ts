/**
 * The API budget guard: Salesforce reports the org's daily API usage on every response
 * (`Sforce-Limit-Info: api-usage=N/M`). Seam must never be the reason an org runs out, so bulk
 * traffic (reconciliation, backfill) slows first and stops well before the limit, while urgent
 * traffic (a person's change being synced) keeps going until the org's own limit.
 */
import type { FieldProblem, Result } from './types';
import { err, ok } from './types';
import { formatServiceNowDateTime } from './transforms';

export interface ApiUsage {
  readonly used: number;
  readonly max: number;
}

/** Shares of the daily allocation (0..1) at which bulk traffic slows and stops. */
export interface BudgetPolicy {
  readonly slowAt: number;
  readonly stopAt: number;
  /** Calls a bulk job may make per run while slowed. */
  readonly slowCallsPerRun: number;
}

export const DEFAULT_BUDGET_POLICY: BudgetPolicy = { slowAt: 0.8, stopAt: 0.95, slowCallsPerRun: 1 };

/** `normal` below slowAt, `slow` from slowAt, `stop` from stopAt (of the daily maximum). */
export type BudgetMode = 'normal' | 'slow' | 'stop';

/** `urgent`: a live change a person is waiting for; `bulk`: a sweep or a backfill. */
export type TrafficClass = 'urgent' | 'bulk';

export interface BudgetDecision {
  readonly mode: BudgetMode;
  /** How many calls this traffic may make now (≤ the calls asked for). */
  readonly calls: number;
  /** One sentence for the log and the admin view. */
  readonly reason: string;
}

// The org-wide entry, not `per-app-api-usage` (which may come first).
const LIMIT_INFO = /(?:^|[\s,;])api-usage\s*=\s*(\d+)\s*\/\s*(\d+)/i;

/** Reads `api-usage=N/M` from a `Sforce-Limit-Info` header; null when absent or malformed. */
export function parseLimitInfo(header: string | null | undefined): ApiUsage | null {
  if (typeof header !== 'string') return null;
  const m = LIMIT_INFO.exec(header);
  if (!m) return null;
  const used = Number(m[1]);
  const max = Number(m[2]);
  return Number.isSafeInteger(used) && Number.isSafeInteger(max) && max > 0 ? { used, max } : null;
}

/** Checks a policy once, at the edge (the admin types the shares into properties). */
export function parseBudgetPolicy(input: { slowAt: unknown; stopAt: unknown; slowCallsPerRun?: unknown }): Result<BudgetPolicy, FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const share = (field: string, v: unknown): number => {
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0 || n > 1) {
      problems.push({ field, problem: `is ${JSON.stringify(v)}, not a share above 0 and at most 1`, fix: 'set a number such as 0.8', value: v });
      return NaN;
    }
    return n;
  };
  const slowAt = share('budget.slowAt', input.slowAt);
  const stopAt = share('budget.stopAt', input.stopAt);
  const rawCalls = input.slowCallsPerRun ?? DEFAULT_BUDGET_POLICY.slowCallsPerRun;
  const calls = typeof rawCalls === 'string' ? Number(rawCalls) : rawCalls;
  if (typeof calls !== 'number' || !Number.isInteger(calls) || calls < 0) {
    problems.push({ field: 'budget.slowCallsPerRun', problem: `is ${JSON.stringify(rawCalls)}, not a whole number ≥ 0`, fix: 'set e.g. 1', value: rawCalls });
  }
  if (problems.length === 0 && slowAt > stopAt) {
    problems.push({ field: 'budget.slowAt', problem: `(${slowAt}) is above budget.stopAt (${stopAt})`, fix: 'slow down before stopping: set slowAt ≤ stopAt', value: slowAt });
  }
  return problems.length ? err(problems) : ok({ slowAt, stopAt, slowCallsPerRun: calls as number });
}

export function budgetMode(usage: ApiUsage | null, policy: BudgetPolicy): BudgetMode {
  if (usage === null) return 'normal';
  const share = usage.used / usage.max;
  return share >= policy.stopAt ? 'stop' : share >= policy.slowAt ? 'slow' : 'normal';
}

/**
 * How many of `wanted` calls a traffic class may make now. Unknown usage (no response seen
 * today) allows the call: the first answer reports the usage. Bulk never crosses the stop line,
 * even within a run; urgent traffic never asks past the org's maximum.
 */
export function budgetFor(usage: ApiUsage | null, policy: BudgetPolicy, traffic: TrafficClass, wanted: number): BudgetDecision {
  const want = Math.max(0, Math.floor(wanted));
  const mode = budgetMode(usage, policy);
  if (usage === null) return { mode, calls: want, reason: 'no API usage known yet today' };
  const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
  const now = `${usage.used}/${usage.max} (${pct(usage.used / usage.max)})`;
  if (traffic === 'urgent') {
    const left = Math.max(0, usage.max - usage.used);
    return { mode, calls: Math.min(want, left), reason: left > 0 ? `urgent sync allowed at ${now}` : `the org's daily API limit is reached at ${now}` };
  }
  const stopLine = Math.floor(usage.max * policy.stopAt);
  const beforeStop = Math.max(0, stopLine - usage.used);
  if (mode === 'stop') return { mode, calls: 0, reason: `bulk traffic stopped: usage ${now} is at or above the stop share ${pct(policy.stopAt)}` };
  if (mode === 'slow') {
    return { mode, calls: Math.min(want, policy.slowCallsPerRun, beforeStop), reason: `bulk traffic slowed to ${policy.slowCallsPerRun} call(s) per run: usage ${now} is above ${pct(policy.slowAt)}` };
  }
  return { mode, calls: Math.min(want, beforeStop), reason: `usage ${now}` };
}

/** Usage is per day (UTC, as Salesforce counts a rolling 24 hours; the day is the admin's view). */
export function usageDay(nowMs: number): string {
  return formatServiceNowDateTime(nowMs).slice(0, 10);
}
