/**
 * Customer context on the incident form (UI action "Customer context (Salesforce)"), and on the
 * form of a problem a tier-3 escalation created from a case: the Salesforce side of the customer, read on demand with one SOQL query through the existing Salesforce client
 * (so the API budget guard sees it), cached per account for a few minutes in
 * x_seam_bridge_customer_cache and shown as a message. Salesforce owns all of it: nothing is
 * written to incident fields or to Salesforce. Every answer that is not a context is audited.
 */
import {
    budgetFor,
    customerContextSoql,
    customerTarget,
    formatCustomerContext,
    formatServiceNowDateTime,
    isContextFresh,
    parseCustomerContext,
    parseDateTime,
    usageDay,
    type BudgetPolicy,
    type CustomerContext,
} from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import { query } from '../clients/salesforce';
import type { Settings } from '../config';
import { readCredential, readUsage } from '../ops/state';
import type { Ports, Row } from '../ports';
import { findLinkByCase } from '../sync/link';
import { TABLE, eq } from '../tables';

export const CACHE_FIELDS = ['account_id', 'payload', 'fetched_at'];

export type ContextOutcome =
    | { readonly status: 'ok'; readonly context: CustomerContext; readonly fetchedAtMs: number; readonly source: 'salesforce' | 'cache' | 'stale_cache'; readonly note?: string }
    | { readonly status: 'no_case' | 'no_account' | 'refused' | 'failed'; readonly field: string; readonly problem: string; readonly fix: string };

type ContextSettings = Pick<Settings, 'salesforceUrl' | 'salesforceApiVersion' | 'customerContextCacheSeconds'>;

function readCache(ports: Pick<Ports, 'records'>, accountId: string): { row: Row; context: CustomerContext; fetchedAtMs: number } | null {
    const rows = ports.records.find(TABLE.customerCache, eq('account_id', accountId), { limit: 1, fields: CACHE_FIELDS });
    if (!rows.length) return null;
    const at = parseDateTime(rows[0].fetched_at, 'fetched_at');
    try {
        const context = JSON.parse(rows[0].payload) as CustomerContext;
        if (!at.ok || !context || context.accountId !== accountId) return null;
        return { row: rows[0], context, fetchedAtMs: at.value };
    } catch {
        return null; // a damaged row is refetched and overwritten
    }
}

/** The records the button is on: both carry the case's Seam fields (case id, number, account). */
export type ContextTable = 'incident' | 'problem';

/**
 * The account of the record's case. A problem's own copy is written once, when the escalation
 * creates it; the linked incident's copy follows Case.AccountId (Salesforce-owned, synced and
 * swept), so a problem whose case has an incident reads the account there, and only a problem
 * escalated without an incident falls back to its own copy.
 */
function accountOf(ports: Pick<Ports, 'records'>, record: Row, table: ContextTable): string {
    if (table === 'problem' && record.x_seam_bridge_sf_case_id) {
        const link = findLinkByCase(ports, record.x_seam_bridge_sf_case_id);
        const incidentId = link ? link.state.incidentSysId || link.row.incident : '';
        const incident = incidentId ? ports.records.get(TABLE.incident, incidentId, ['x_seam_bridge_sf_account_id']) : null;
        if (incident) return incident.x_seam_bridge_sf_account_id || '';
    }
    return record.x_seam_bridge_sf_account_id || '';
}

/**
 * The context of the customer of the record's case (`table`: the incident, or a problem escalated
 * from the case). `budget` is the ops budget policy: a context is a person's on-demand read, so it
 * counts as bulk traffic and stops at the stop share, where the calls left belong to live sync; a
 * cached answer (even a stale one, said so) is shown instead.
 */
export function customerContextFor(ports: Ports, settings: ContextSettings, budget: BudgetPolicy, record: Row, table: ContextTable = 'incident'): ContextOutcome {
    const accountOfCase = accountOf(ports, record, table);
    const target = customerTarget({
        caseId: record.x_seam_bridge_sf_case_id || '',
        caseNumber: record.x_seam_bridge_sf_case_number || '',
        accountId: accountOfCase,
    });
    const fail = (status: Exclude<ContextOutcome['status'], 'ok'>, field: string, problem: string, fix: string, httpStatus?: number): ContextOutcome => {
        recordAudit(ports, {
            direction: 'outbound',
            operation: `customer_context:${status}`,
            target: 'Account',
            targetId: accountOfCase || undefined,
            caseId: record.x_seam_bridge_sf_case_id || undefined,
            correlationId: record.x_seam_bridge_correlation_id || undefined,
            result: status === 'refused' ? 'skipped' : 'failed',
            httpStatus,
            latencyMs: 0,
            detail: `${table} ${record.number || record.sys_id}: ${field} ${problem}; fix: ${fix}`,
        });
        return { status, field, problem, fix };
    };
    if (!target.ok) return fail(target.error.reason, target.error.field, target.error.problem, target.error.fix);
    const accountId = target.value;
    const now = ports.clock.nowMs();
    const cached = readCache(ports, accountId);
    if (cached && isContextFresh(cached.fetchedAtMs, now, settings.customerContextCacheSeconds * 1000)) {
        return { status: 'ok', context: cached.context, fetchedAtMs: cached.fetchedAtMs, source: 'cache' };
    }
    const stale = (why: string): ContextOutcome | null =>
        cached ? { status: 'ok', context: cached.context, fetchedAtMs: cached.fetchedAtMs, source: 'stale_cache', note: `not refreshed: ${why}` } : null;

    if (readCredential(ports).status === 'paused') {
        const why = 'Seam paused calls to Salesforce: the OAuth credential was refused (see Seam Status)';
        return stale(why) ?? fail('refused', 'Seam Salesforce credential', why, 'fix the connected app and the Seam Salesforce Application Registry entry as Seam Status says; the pause clears with the next successful call');
    }
    const allowed = budgetFor(readUsage(ports, usageDay(now)), budget, 'bulk', 1);
    if (allowed.calls === 0) {
        return stale(allowed.reason) ?? fail('refused', 'x_seam_bridge.budget.stop_share', `API budget: ${allowed.reason}`, 'wait for the org\'s 24-hour window, or raise x_seam_bridge.budget.stop_share if the org can spare the calls; the Case in Salesforce shows the same account meanwhile');
    }

    const started = ports.clock.nowMs();
    const answer = query(ports.http, settings, customerContextSoql(accountId));
    if (!answer.ok) {
        const limit = answer.status === 403 && answer.error.indexOf('REQUEST_LIMIT_EXCEEDED') >= 0;
        const fix = limit
            ? 'the org\'s daily API limit is reached: wait for its 24-hour window'
            : answer.status === 400
              ? 'install the Seam package version that has Seam_Contract_Value__c, and grant the integration user read access to Entitlement and SlaProcess (Entitlement Management must be enabled)'
              : answer.status === 0 || answer.status >= 500
                ? 'Salesforce did not answer: try again in a minute'
                : 'check the Seam Salesforce credential and the integration user\'s access to Account, Entitlement and Case';
        return stale(answer.error) ?? fail(limit ? 'refused' : 'failed', 'Salesforce query', answer.error, fix, answer.status);
    }
    const parsed = parseCustomerContext(accountId, answer.records);
    if (!parsed.ok) return fail('failed', parsed.error.field, parsed.error.problem, parsed.error.fix, 200);
    const values = { account_id: accountId, payload: JSON.stringify(parsed.value), fetched_at: formatServiceNowDateTime(started) };
    if (cached) ports.records.update(TABLE.customerCache, cached.row.sys_id, values);
    else {
        const damaged = ports.records.find(TABLE.customerCache, eq('account_id', accountId), { limit: 1, fields: ['account_id'] });
        if (damaged.length) ports.records.update(TABLE.customerCache, damaged[0].sys_id, values);
        else ports.records.insert(TABLE.customerCache, values);
    }
    return { status: 'ok', context: parsed.value, fetchedAtMs: started, source: 'salesforce' };
}

/**
 * What the button shows: the context, or the problem and its fix. `highValueFrom` (the sev-1
 * alert's x_seam_bridge.alerts.high_value_from) names the tier; without it the tier line says so.
 */
export function customerContextMessage(outcome: ContextOutcome, highValueFrom?: number): { readonly level: 'info' | 'error'; readonly text: string } {
    if (outcome.status !== 'ok') return { level: 'error', text: `Seam could not show the customer context: ${outcome.field} ${outcome.problem}. Fix: ${outcome.fix}.` };
    const asOf = `${formatServiceNowDateTime(outcome.fetchedAtMs)} UTC${outcome.source === 'salesforce' ? '' : ', cached'}`;
    const text = formatCustomerContext(outcome.context, asOf, highValueFrom);
    return { level: 'info', text: outcome.note ? `${text}\n(${outcome.note})` : text };
}
