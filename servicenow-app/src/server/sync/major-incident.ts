/**
 * Major incident: a P1 on a customer-facing service. Salesforce is asked (SOQL through REST)
 * which accounts have open cases on the same CI/service, the proxy drafts the notice, and one
 * Salesforce Task per account is queued for the account team. A person sends the notice.
 * Delivery poll: one notice row instead, and Salesforce's poller finds the accounts (see below).
 */
import { IMPACT_RESULT_SCHEMA, formatIso, idempotencyKey, labelAiText, parseDateTime, responseSchema, validate, type ImpactResult } from '../generated/seam-core';
import { callProxy } from '../clients/proxy';
import { query, soqlString } from '../clients/salesforce';
import type { Settings } from '../config';
import { enqueue } from '../outbox/outbox';
import type { Ports, Row } from '../ports';
import { TABLE } from '../tables';

export type MajorIncidentOutcome =
    | { readonly status: 'disabled' | 'not_p1' | 'not_customer_facing' | 'no_accounts' }
    | { readonly status: 'query_failed' | 'proxy_failed'; readonly error: string }
    | { readonly status: 'queued'; readonly tasks: number; readonly duplicates: number }
    | { readonly status: 'notice_queued'; readonly duplicate: boolean };

const RESPONSE_SCHEMA = responseSchema(IMPACT_RESULT_SCHEMA);
/** The feed's record type of a notice Salesforce expands into account Tasks (delivery poll). */
export const IMPACT_NOTICE = 'Seam_Impact_Notice';
/** Accounts notified per major incident; more need a bulk communication, not tasks. */
export const MAX_ACCOUNTS = 200;

export function affectedServices(incident: Row): string[] {
    return [incident.cmdb_ci, incident.business_service].filter((s) => !!s);
}

const unique = (values: readonly string[]): string[] => values.filter((v, i) => values.indexOf(v) === i);

export function isCustomerFacing(incident: Row, settings: Pick<Settings, 'customerFacingServices'>): boolean {
    return affectedServices(incident).some((s) => settings.customerFacingServices.indexOf(s) >= 0);
}

interface AccountRow {
    readonly accountId: string;
    readonly ownerId: string;
}

export function accountsFromCases(records: readonly Record<string, unknown>[]): AccountRow[] {
    const byId = new Map<string, AccountRow>();
    for (const r of records) {
        const accountId = typeof r.AccountId === 'string' ? r.AccountId : '';
        if (!accountId || byId.has(accountId)) continue;
        const account = (r.Account ?? {}) as { OwnerId?: unknown };
        byId.set(accountId, { accountId, ownerId: typeof account.OwnerId === 'string' ? account.OwnerId : '' });
    }
    return Array.from(byId.values());
}

/** The one Task every account team gets (the same for each account; WhatId and OwnerId are the account's). */
function noticeTask(incident: Row, draft: ImpactResult): Record<string, string> {
    return {
        Subject: `[${incident.number}] ${draft.headline}`.slice(0, 255),
        Description: labelAiText(`${draft.body}\n\nWhat the customer can do: ${draft.customerAction || 'nothing yet'}\n\nDraft notice for the account team: review and send it yourself.`),
        Priority: 'High',
        Status: 'Not Started',
    };
}

/** One Task row per account; its key is per account and incident, so a second P1 update (or a re-expanded notice) never notifies twice. */
function queueTasks(ports: Ports, incidentSysId: string, correlationId: string | undefined, accounts: readonly AccountRow[], task: Record<string, string>): { tasks: number; duplicates: number } {
    let tasks = 0;
    let duplicates = 0;
    for (const account of accounts) {
        const queued = enqueue(ports, {
            kind: 'impact_task',
            idempotencyKey: idempotencyKey('servicenow', `${incidentSysId}.${account.accountId}`, 1, 'impact'),
            record: { attributes: { type: 'Task' }, WhatId: account.accountId, ...(account.ownerId ? { OwnerId: account.ownerId } : {}), ...task },
            incidentSysId,
            correlationId,
        });
        if (queued.status === 'queued') tasks += 1;
        else duplicates += 1;
    }
    return { tasks, duplicates };
}

/** Open cases' accounts on the services, asked of Salesforce (SOQL through REST). */
function affectedAccounts(ports: Ports, settings: Pick<Settings, 'salesforceUrl' | 'salesforceApiVersion'>, services: readonly string[]): { ok: true; accounts: AccountRow[] } | { ok: false; error: string } {
    const soql =
        `SELECT AccountId, Account.OwnerId FROM Case WHERE IsClosed = false AND AccountId != null ` +
        `AND Seam_CI__c IN (${services.map(soqlString).join(', ')}) LIMIT ${MAX_ACCOUNTS * 5}`;
    const cases = query(ports.http, settings, soql);
    if (!cases.ok) return { ok: false, error: cases.error };
    return { ok: true, accounts: accountsFromCases(cases.records).slice(0, MAX_ACCOUNTS) };
}

export function onMajorIncident(
    ports: Ports,
    settings: Pick<Settings, 'majorIncidentEnabled' | 'customerFacingServices' | 'proxyUrl' | 'proxyApiKey' | 'salesforceUrl' | 'salesforceApiVersion'> & Partial<Pick<Settings, 'salesforceDelivery'>>,
    incident: Row,
): MajorIncidentOutcome {
    if (!settings.majorIncidentEnabled) return { status: 'disabled' };
    if (incident.priority !== '1') return { status: 'not_p1' };
    if (!isCustomerFacing(incident, settings)) return { status: 'not_customer_facing' };

    // Cases carry the CI's display name (ownership `display: 'reference'`); sys_ids still match
    // cases synced before names were sent.
    const shown = ports.records.get(TABLE.incident, incident.sys_id, ['cmdb_ci', 'business_service'], ['cmdb_ci', 'business_service']);
    const services = unique(affectedServices(incident).concat(shown ? affectedServices(shown) : []));
    // Delivery poll: this instance may not call Salesforce, not even to ask which accounts are
    // affected. One notice waits for Salesforce's poller, which finds the accounts itself and makes
    // the same one Task per account (SeamChangesPoller), once per notice.
    const poll = settings.salesforceDelivery === 'poll';
    let accounts: AccountRow[] = [];
    if (!poll) {
        const found = affectedAccounts(ports, settings, services);
        if (!found.ok) return { status: 'query_failed', error: found.error };
        accounts = found.accounts;
        if (accounts.length === 0) return { status: 'no_accounts' };
    }

    const key = idempotencyKey('servicenow', incident.sys_id, 1, 'impact');
    const opened = parseDateTime(incident.opened_at);
    const answer = callProxy<unknown>(
        ports,
        settings,
        '/v1/impact',
        {
            incidentNumber: incident.number,
            shortDescription: (incident.short_description || incident.number).slice(0, 255),
            status: 'investigating',
            ...(opened.ok ? { startedAt: formatIso(opened.value) } : {}),
        },
        { idempotencyKey: key, correlationId: incident.x_seam_bridge_correlation_id || `SNOW-${incident.number}` },
    );
    if (!answer.ok) return { status: 'proxy_failed', error: answer.error };
    const checked = validate<ImpactResult>(RESPONSE_SCHEMA, answer.value);
    if (!checked.ok) return { status: 'proxy_failed', error: `invalid impact draft: ${checked.error.map((p) => `${p.field} ${p.problem}`).join('; ')}` };
    const task = noticeTask(incident, checked.value);
    const correlationId = incident.x_seam_bridge_correlation_id || undefined;

    if (poll) {
        const queued = enqueue(ports, {
            kind: 'impact_notice',
            idempotencyKey: key,
            record: { attributes: { type: IMPACT_NOTICE }, Services: services, Max_Accounts: MAX_ACCOUNTS, Task: task },
            incidentSysId: incident.sys_id,
            correlationId,
            pull: true,
        });
        return { status: 'notice_queued', duplicate: queued.status === 'duplicate' };
    }
    return { status: 'queued', ...queueTasks(ports, incident.sys_id, correlationId, accounts, task) };
}

export type NoticeExpansion = { readonly status: 'expanded'; readonly tasks: number; readonly duplicates: number } | { readonly status: 'query_failed' | 'invalid'; readonly error: string };

/**
 * Delivery switched back to push with a notice Salesforce never pulled (outbox/delivery.ts): the
 * instance may call out again, so it asks for the accounts as a pushed notice does and queues
 * their Tasks under the push keys (a re-expansion queues nothing new).
 */
export function expandNotice(ports: Ports, settings: Pick<Settings, 'salesforceUrl' | 'salesforceApiVersion'>, row: Row): NoticeExpansion {
    let notice: { Services?: unknown; Task?: unknown };
    try {
        notice = JSON.parse(row.payload) as typeof notice;
    } catch {
        return { status: 'invalid', error: 'payload: is not valid JSON' };
    }
    const services = Array.isArray(notice.Services) ? notice.Services.filter((s): s is string => typeof s === 'string' && s !== '') : [];
    if (services.length === 0 || !notice.Task || typeof notice.Task !== 'object') return { status: 'invalid', error: 'payload: has no Services or no Task' };
    const found = affectedAccounts(ports, settings, services);
    if (!found.ok) return { status: 'query_failed', error: found.error };
    return { status: 'expanded', ...queueTasks(ports, row.incident, row.correlation_id || undefined, found.accounts, notice.Task as Record<string, string>) };
}
