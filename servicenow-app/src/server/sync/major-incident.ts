/**
 * Major incident: a P1 on a customer-facing service. Salesforce is asked (SOQL through REST)
 * which accounts have open cases on the same CI/service, the proxy drafts the notice, and one
 * Salesforce Task per account is queued for the account team. A person sends the notice.
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
    | { readonly status: 'queued'; readonly tasks: number; readonly duplicates: number };

const RESPONSE_SCHEMA = responseSchema(IMPACT_RESULT_SCHEMA);
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

export function onMajorIncident(
    ports: Ports,
    settings: Pick<Settings, 'majorIncidentEnabled' | 'customerFacingServices' | 'proxyUrl' | 'proxyApiKey' | 'salesforceUrl' | 'salesforceApiVersion'>,
    incident: Row,
): MajorIncidentOutcome {
    if (!settings.majorIncidentEnabled) return { status: 'disabled' };
    if (incident.priority !== '1') return { status: 'not_p1' };
    if (!isCustomerFacing(incident, settings)) return { status: 'not_customer_facing' };

    // Cases carry the CI's display name (ownership `display: 'reference'`); sys_ids still match
    // cases synced before names were sent.
    const shown = ports.records.get(TABLE.incident, incident.sys_id, ['cmdb_ci', 'business_service'], ['cmdb_ci', 'business_service']);
    const services = unique(affectedServices(incident).concat(shown ? affectedServices(shown) : []));
    const soql =
        `SELECT AccountId, Account.OwnerId FROM Case WHERE IsClosed = false AND AccountId != null ` +
        `AND Seam_CI__c IN (${services.map(soqlString).join(', ')}) LIMIT ${MAX_ACCOUNTS * 5}`;
    const cases = query(ports.http, settings, soql);
    if (!cases.ok) return { status: 'query_failed', error: cases.error };
    const accounts = accountsFromCases(cases.records).slice(0, MAX_ACCOUNTS);
    if (accounts.length === 0) return { status: 'no_accounts' };

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
    const draft = checked.value;

    let tasks = 0;
    let duplicates = 0;
    for (const account of accounts) {
        // One task per account and incident: a second P1 update must not notify twice.
        const taskKey = idempotencyKey('servicenow', `${incident.sys_id}.${account.accountId}`, 1, 'impact');
        const queued = enqueue(ports, {
            kind: 'impact_task',
            idempotencyKey: taskKey,
            record: {
                attributes: { type: 'Task' },
                WhatId: account.accountId,
                ...(account.ownerId ? { OwnerId: account.ownerId } : {}),
                Subject: `[${incident.number}] ${draft.headline}`.slice(0, 255),
                Description: labelAiText(`${draft.body}\n\nWhat the customer can do: ${draft.customerAction || 'nothing yet'}\n\nDraft notice for the account team: review and send it yourself.`),
                Priority: 'High',
                Status: 'Not Started',
            },
            incidentSysId: incident.sys_id,
            correlationId: incident.x_seam_bridge_correlation_id || undefined,
        });
        if (queued.status === 'queued') tasks += 1;
        else duplicates += 1;
    }
    return { status: 'queued', tasks, duplicates };
}
