/**
 * "Test connection" (ServiceNow side): checks, in order, the configuration, the endpoint, the
 * OAuth credential, the integration user's permissions on the Case fields ServiceNow writes and on
 * Incident_Update__e, the org's API budget, and whether Salesforce's receipts are readable; each
 * check says what failed and how to fix it.
 * Three Salesforce calls (limits, Case describe, Incident_Update__e describe); the receipts check
 * reads this instance's own outbox only.
 */
import { OWNERSHIP, credentialVerdict } from '../generated/seam-core';
import type { Settings } from '../config';
import type { HttpResponse, Ports } from '../ports';
import { TABLE } from '../tables';

export type CheckName = 'configuration' | 'endpoint' | 'auth' | 'permissions' | 'api_budget' | 'receipts';
export interface ConnectionCheck {
    readonly name: CheckName;
    readonly ok: boolean;
    readonly detail: string;
    readonly fix?: string;
}
export interface ConnectionReport {
    readonly ok: boolean;
    readonly checks: readonly ConnectionCheck[];
}

/** Share of the daily API allocation above which the check fails (the sweep's stop share). */
export const BUDGET_FAIL_SHARE = 0.95;

/** Case fields ServiceNow writes (owned by ServiceNow, copied to the Case). */
export function caseFieldsServiceNowWrites(): string[] {
    return OWNERSHIP.filter((m) => m.owner === 'servicenow' && m.salesforce && m.salesforce.object === 'Case').map((m) => (m.salesforce as { field: string }).field);
}

type TestSettings = Pick<Settings, 'salesforceUrl' | 'salesforceApiVersion'> & Partial<Pick<Settings, 'receiptWindowSeconds'>>;

/** The latest receipt outcomes the receipts check reads. */
export const RECENT_RECEIPTS = 50;
/** Unanswered receipts, with none answered, from which the check fails. */
export const UNANSWERED_TO_FAIL = 3;

/**
 * Receipts (outbox/receipts.ts) are the trigger's Seam_Audit__c rows, read by the integration user.
 * Seam_Audit__c is Private: rows the trigger's running user owns are invisible to the integration
 * user unless it is that user or a sharing rule / View All grants them. Then every update looks lost:
 * republished three times and dead-lettered, which holds back the incident's later updates. The
 * query succeeds either way (sharing hides rows, it does not refuse), so the sign is local: recent
 * receipts that all came back empty while none came back answered.
 */
export function receiptsCheck(ports: Pick<Ports, 'records'>, windowSeconds: number): ConnectionCheck {
    if (windowSeconds === 0) return { name: 'receipts', ok: true, detail: 'off (x_seam_bridge.outbox.receipt_window_seconds is 0): a delivery Salesforce drops is not republished' };
    const recent = ports.records.find(TABLE.outbox, 'kind=incident_update^receiptISNOTEMPTY', { orderByDesc: 'sys_updated_on', limit: RECENT_RECEIPTS, fields: ['receipt'] });
    const unanswered = recent.filter((r) => r.receipt === 'none').length;
    const answered = recent.length - unanswered;
    const detail = `of the latest ${recent.length} receipt(s), ${answered} answered by Salesforce's audit, ${unanswered} not found`;
    if (answered === 0 && unanswered >= UNANSWERED_TO_FAIL) {
        return {
            name: 'receipts', ok: false, detail: `${detail}: the integration user most likely cannot see the Seam_Audit__c rows the Platform Event trigger writes`,
            fix: 'run the trigger as the integration user (salesforce-pkg scripts/configure-subscriber.sh <org> <integration username>), or share Seam_Audit__c rows with Direction = sn_to_sf read-only to it (criteria-based sharing rule); then Replay the dead-lettered updates',
        };
    }
    return { name: 'receipts', ok: true, detail: recent.length ? detail : 'no receipt checked yet' };
}

export function testConnection(ports: Ports, settings: TestSettings): ConnectionReport {
    const checks: ConnectionCheck[] = [];
    const done = (): ConnectionReport => ({ ok: checks.every((c) => c.ok), checks });
    if (!settings.salesforceUrl) {
        checks.push({ name: 'configuration', ok: false, detail: 'x_seam_bridge.salesforce.instance_url is empty (or not an https URL)', fix: 'set it to https://<my-domain>.my.salesforce.com' });
        return done();
    }
    checks.push({ name: 'configuration', ok: true, detail: `Salesforce at ${settings.salesforceUrl}, API ${settings.salesforceApiVersion}` });
    const base = `${settings.salesforceUrl}/services/data/${settings.salesforceApiVersion}`;
    const get = (path: string): HttpResponse => ports.http.send({ message: 'Seam Salesforce', fn: 'query', method: 'GET', endpoint: `${base}${path}`, headers: { Accept: 'application/json' } });

    const limits = get('/limits');
    if (limits.status === 0 && credentialVerdict(0, '', limits.error, true) !== 'broken') {
        checks.push({ name: 'endpoint', ok: false, detail: `no HTTP answer from ${settings.salesforceUrl}: ${limits.error ?? 'transport error'}`, fix: 'check the instance URL, the instance may call it (egress, or set x_seam_bridge.salesforce.mid_server to a MID Server that is Up)' });
        return done();
    }
    checks.push({ name: 'endpoint', ok: true, detail: `${settings.salesforceUrl} answered` });
    if (limits.status === 401 || limits.status === 403 || credentialVerdict(limits.status, limits.body, limits.error, true) === 'broken') {
        checks.push({ name: 'auth', ok: false, detail: `the OAuth credential was refused (${limits.status === 0 ? limits.error : `HTTP ${limits.status}`})`, fix: 'on the Application Registry entry "Seam Salesforce" set the connected app\'s Client ID/Secret, then Get OAuth Token on the profile "Seam Salesforce client credentials"' });
        return done();
    }
    if (limits.status !== 200) {
        checks.push({ name: 'auth', ok: false, detail: `GET /limits answered HTTP ${limits.status}: ${limits.body.slice(0, 200)}`, fix: 'check x_seam_bridge.salesforce.api_version and the connected app\'s api scope' });
        return done();
    }
    checks.push({ name: 'auth', ok: true, detail: 'the client-credentials token was accepted' });

    const missing: string[] = [];
    const caseDescribe = get('/sobjects/Case/describe');
    const eventDescribe = get('/sobjects/Incident_Update__e/describe');
    try {
        const fields = (JSON.parse(caseDescribe.body) as { fields?: { name: string; updateable?: boolean }[] }).fields ?? [];
        const updateable = new Set(fields.filter((f) => f.updateable).map((f) => f.name));
        for (const f of caseFieldsServiceNowWrites()) if (!updateable.has(f)) missing.push(`Case.${f} (edit)`);
    } catch {
        missing.push(`Case (describe answered HTTP ${caseDescribe.status})`);
    }
    try {
        const event = JSON.parse(eventDescribe.body) as { createable?: boolean };
        if (eventDescribe.status !== 200 || event.createable === false) missing.push('Incident_Update__e (create)');
    } catch {
        missing.push(`Incident_Update__e (describe answered HTTP ${eventDescribe.status})`);
    }
    checks.push(missing.length
        ? { name: 'permissions', ok: false, detail: `the integration user lacks: ${missing.join(', ')}`, fix: 'assign the permission set Seam_Integration to the connected app\'s Run As user (it grants these fields and the event)' }
        : { name: 'permissions', ok: true, detail: `edit on ${caseFieldsServiceNowWrites().length} Case fields and create on Incident_Update__e` });

    let daily: { Max?: number; Remaining?: number } | undefined;
    try {
        daily = (JSON.parse(limits.body) as { DailyApiRequests?: { Max?: number; Remaining?: number } }).DailyApiRequests;
    } catch {
        daily = undefined;
    }
    if (!daily || !(Number(daily.Max) > 0)) {
        checks.push({ name: 'api_budget', ok: false, detail: 'GET /limits has no DailyApiRequests', fix: 'check that the integration user may view org limits (API Enabled, View Setup)' });
    } else {
        const used = (Number(daily.Max) - Number(daily.Remaining ?? 0)) / Number(daily.Max);
        const detail = `${Number(daily.Max) - Number(daily.Remaining ?? 0)} of ${daily.Max} daily API requests used (${Math.round(used * 100)} %)`;
        checks.push(used >= BUDGET_FAIL_SHARE
            ? { name: 'api_budget', ok: false, detail, fix: 'find the other consumer of the org\'s API allocation, or wait for the 24-hour window; live sync stops at the org limit' }
            : { name: 'api_budget', ok: true, detail });
    }
    checks.push(receiptsCheck(ports, settings.receiptWindowSeconds ?? 0));
    return done();
}
