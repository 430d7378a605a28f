/**
 * Customer context for IT agents: the Salesforce side of an incident's customer (account, value,
 * entitlements and their SLA process, open cases), read on demand and shown, never stored in
 * incident fields. One SOQL query on the Account with two parent-to-child subqueries; this module
 * builds it, reads its answer, decides whether a cached answer is still fresh and formats it.
 */
import { ACCOUNT_KEY_PREFIX, toSalesforceId18 } from './identity';
import { err, ok, type FieldProblem, type Result } from './types';

/** Open cases read per call: the count is exact below this and shown as "at least" at it. */
export const OPEN_CASES_LIMIT = 200;
/** Subjects of the latest open cases shown. */
export const LATEST_CASES_SHOWN = 5;
/** Entitlements read per account (newest end date first). */
export const ENTITLEMENTS_LIMIT = 5;

export interface CustomerEntitlement {
  readonly id: string;
  readonly name: string;
  /** Salesforce computes it from the dates: Active, Expired or Inactive. */
  readonly status: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  /** The entitlement process (SLA) name; null when none is attached. */
  readonly slaProcess: string | null;
}

export interface CustomerCase {
  readonly caseNumber: string;
  readonly subject: string;
  readonly status: string;
  readonly createdDate: string;
}

export interface CustomerContext {
  readonly accountId: string;
  readonly accountName: string;
  /** Account.Seam_Contract_Value__c; null when empty. */
  readonly contractValue: number | null;
  readonly entitlements: readonly CustomerEntitlement[];
  /** The latest end date of the account's active entitlements (the package has no Contract mapping). */
  readonly contractEnd: string | null;
  readonly openCases: number;
  /** True when `openCases` hit OPEN_CASES_LIMIT: there may be more. */
  readonly openCasesCapped: boolean;
  readonly latestCases: readonly CustomerCase[];
}

/** What the incident says about its customer (the link fields, Salesforce-owned). */
export interface CustomerTarget {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly accountId: string;
}

export type TargetProblem = FieldProblem & { readonly reason: 'no_case' | 'no_account' };

/** The account to read, or why there is none (with the fix). */
export function customerTarget(t: CustomerTarget): Result<string, TargetProblem> {
  if (!t.caseId) {
    return err({ reason: 'no_case', field: 'x_seam_bridge_sf_case_id', problem: 'the incident is not linked to a Salesforce case', fix: 'customer context exists only for incidents created from or linked to a case (Escalate to IT on the Case, or the link API)' });
  }
  if (!t.accountId) {
    return err({ reason: 'no_account', field: 'Case.AccountId', problem: `Case ${t.caseNumber || t.caseId} has no account in Salesforce`, fix: 'set the Account on the Case in Salesforce; the next case sync brings it to the incident, then ask again' });
  }
  const id = toSalesforceId18(t.accountId, 'x_seam_bridge_sf_account_id', ACCOUNT_KEY_PREFIX);
  if (!id.ok) return err({ ...id.error, reason: 'no_account' });
  return ok(id.value);
}

/**
 * The one query: the account, its entitlements with their SLA process, and its open cases newest
 * first. `accountId` must be a checked id (customerTarget), so it cannot leave its literal.
 */
export function customerContextSoql(accountId: string): string {
  return (
    'SELECT Id, Name, Seam_Contract_Value__c, ' +
    `(SELECT Id, Name, Status, StartDate, EndDate, SlaProcess.Name FROM Entitlements ORDER BY EndDate DESC NULLS LAST LIMIT ${ENTITLEMENTS_LIMIT}), ` +
    `(SELECT CaseNumber, Subject, Status, CreatedDate FROM Cases WHERE IsClosed = false ORDER BY CreatedDate DESC LIMIT ${OPEN_CASES_LIMIT}) ` +
    `FROM Account WHERE Id = '${accountId}' LIMIT 1`
  );
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const orNull = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** Child rows of a subquery: `{ totalSize, done, records }` or null when there are none. */
function children(v: unknown): Record<string, unknown>[] {
  const records = v && typeof v === 'object' ? (v as { records?: unknown }).records : undefined;
  return Array.isArray(records) ? (records.filter((r) => r && typeof r === 'object') as Record<string, unknown>[]) : [];
}

/** Reads the query's answer; no row means the account is gone or the integration user cannot see it. */
export function parseCustomerContext(accountId: string, records: readonly Record<string, unknown>[]): Result<CustomerContext> {
  const a = records[0];
  if (!a) {
    return err({ field: 'Account', problem: `Account ${accountId} was not found in Salesforce (deleted, merged, or not shared with the integration user)`, fix: 'check the Account on the Case in Salesforce and the Seam integration user\'s access to it', value: accountId });
  }
  const raw = a.Seam_Contract_Value__c;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() && Number.isFinite(Number(raw)) ? Number(raw) : null;
  const entitlements = children(a.Entitlements).map((e): CustomerEntitlement => ({
    id: text(e.Id),
    name: text(e.Name),
    status: text(e.Status),
    startDate: orNull(e.StartDate),
    endDate: orNull(e.EndDate),
    slaProcess: orNull(((e.SlaProcess ?? {}) as { Name?: unknown }).Name),
  }));
  const activeEnds = entitlements.filter((e) => e.status === 'Active' && e.endDate).map((e) => e.endDate as string).sort();
  const open = children(a.Cases);
  return ok({
    accountId,
    accountName: text(a.Name),
    contractValue: value,
    entitlements,
    contractEnd: activeEnds.length ? activeEnds[activeEnds.length - 1] : null,
    openCases: open.length,
    openCasesCapped: open.length >= OPEN_CASES_LIMIT,
    latestCases: open.slice(0, LATEST_CASES_SHOWN).map((c) => ({ caseNumber: text(c.CaseNumber), subject: text(c.Subject), status: text(c.Status), createdDate: text(c.CreatedDate) })),
  });
}

/**
 * A cached context is used while younger than `ttlMs`. A fetch time in the future (a clock set
 * back) or a ttl of 0 never counts as fresh: the agent gets Salesforce's answer.
 */
export function isContextFresh(fetchedAtMs: number, nowMs: number, ttlMs: number): boolean {
  if (!Number.isFinite(fetchedAtMs) || !Number.isFinite(nowMs) || ttlMs <= 0) return false;
  const age = nowMs - fetchedAtMs;
  return age >= 0 && age < ttlMs;
}

// No Intl on the ServiceNow engine: group thousands by hand.
const money = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * What the agent reads. `highValueFrom` (the sev-1 alert's contract value threshold) names the
 * tier; the package has no tier field, so the tier is "high value" or "standard" by that value.
 */
export function formatCustomerContext(ctx: CustomerContext, asOf: string, highValueFrom?: number): string {
  const tier =
    ctx.contractValue === null
      ? 'no contract value on the account'
      : highValueFrom === undefined
        ? 'not set (the package has no tier field and no high-value threshold is configured)'
        : ctx.contractValue >= highValueFrom
          ? 'high value'
          : 'standard';
  const lines = [
    `Salesforce customer context (read-only, owned by Salesforce; as of ${asOf})`,
    `Account: ${ctx.accountName || '(no name)'} (${ctx.accountId})`,
    `Contract value: ${ctx.contractValue === null ? '—' : money(ctx.contractValue)}; tier: ${tier}`,
  ];
  if (ctx.entitlements.length === 0) lines.push('Entitlements: none');
  for (const e of ctx.entitlements) {
    lines.push(`Entitlement: ${e.name || e.id} — ${e.status || 'status unknown'}, ${e.startDate ?? '?'} to ${e.endDate ?? 'open-ended'}; SLA: ${e.slaProcess ?? 'no entitlement process'}`);
  }
  lines.push(`Contract end (latest active entitlement end): ${ctx.contractEnd ?? '—'}`);
  lines.push(`Open cases: ${ctx.openCasesCapped ? `at least ${ctx.openCases}` : ctx.openCases}`);
  for (const c of ctx.latestCases) lines.push(`  ${c.caseNumber} [${c.status}] ${c.subject || '(no subject)'}`);
  return lines.join('\n');
}
