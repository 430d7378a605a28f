/**
 * ServiceNow -> Salesforce: an incident (or one of its customer-visible comments) changed.
 * The shared change decision picks the ServiceNow-owned fields that really changed, drops
 * echoes of what Salesforce itself sent, and the result is queued in the outbox as one
 * `Incident_Update__e` Platform Event (docs/contracts.md). The drain sends it.
 */
import { decideOutbound, displayFields, formatIso, formatServiceNowDateTime, messageId, type JournalEntry, type OutboundDecision } from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import type { Settings } from '../config';
import { enqueue } from '../outbox/outbox';
import type { Ports, Row } from '../ports';
import { TABLE, eq } from '../tables';
import { findLinkByIncident, saveLink, type StoredLink } from './link';
import { checkSev1, type Sev1Settings } from './sev1';

export const INTEGRATION_ROLE = 'x_seam_bridge.integration';

export type OutboundOutcome =
    | { readonly status: 'disabled' | 'not_linked' | 'nothing_to_send' }
    | { readonly status: 'queued' | 'duplicate'; readonly idempotencyKey: string; readonly fields: readonly string[]; readonly comments: number; readonly alertKey?: string }
    /** Only the sev-1 chat post was queued: no Case field changed (P2 and P1 are both High on the Case). */
    | { readonly status: 'queued'; readonly alertKey: string; readonly fields: readonly string[]; readonly comments: 0; readonly idempotencyKey: string };

/**
 * Was this change written by the seam's own inbound apply? The REST API runs as the
 * integration user, so a change by a user holding the integration role came from Salesforce.
 */
export function changedByIntegration(ports: Pick<Ports, 'records'>, userName: string): boolean {
    if (!userName) return false;
    const q = `${eq('user.user_name', userName)}^${eq('role.name', INTEGRATION_ROLE)}`;
    return ports.records.find(TABLE.userRole, q, { limit: 1, fields: ['user'] }).length > 0;
}

/** Reference fields whose display value is what Salesforce shows (ownership `display: 'reference'`). */
export const INCIDENT_DISPLAY_FIELDS: readonly string[] = displayFields('incident');

/**
 * The incident as the outbound decision compares and sends it: reference copies (assignee,
 * group, CI, change) as display values, so the case panel shows a name, never a sys_id.
 */
export function readIncident(ports: Pick<Ports, 'records'>, sysId: string): Row | null {
    return ports.records.get(TABLE.incident, sysId, undefined, INCIDENT_DISPLAY_FIELDS);
}

export function onIncidentChanged(
    ports: Ports,
    settings: Pick<Settings, 'syncEnabled'> & Partial<Pick<Settings, 'salesforceDelivery'>> & Partial<Sev1Settings>,
    incident: Row,
    journal: readonly JournalEntry[] = [],
    /** Who made the change: the incident's last updater, or the comment's author. */
    changedBy: string = incident.sys_updated_by,
): OutboundOutcome {
    if (!settings.syncEnabled) return { status: 'disabled' };
    const link = findLinkByIncident(ports, incident.sys_id);
    if (!link) return { status: 'not_linked' };

    const origin = changedByIntegration(ports, changedBy) ? 'peer' : 'local';
    const decision = decideOutbound({
        from: 'servicenow',
        current: incident,
        link: link.state,
        origin,
        recordVersion: Number(incident.sys_mod_count || '0'),
        journal,
    });
    for (const p of decision.problems) {
        ports.log.info(`Seam: ${incident.number} ${p.field} ${p.problem}; ${p.fix}`);
    }
    const sev1 = settings.alertsEnabled === undefined
        ? { alertKey: null, chatQueued: false }
        : checkSev1(ports, settings as Sev1Settings, incident, link);
    if (!decision.send || decision.idempotencyKey === null) {
        if (sev1.alertKey) {
            recordAudit(ports, {
                direction: 'outbound', operation: 'critical_alert:task', target: 'Task', caseId: link.state.caseId ?? link.row.sf_case_id,
                correlationId: link.state.correlationId ?? link.row.correlation_id, idempotencyKey: sev1.alertKey, result: 'skipped', latencyMs: 0,
                detail: `${incident.number} became priority 1 but no Case field changed (priorities 1 and 2 are both High on the Case), so no Incident_Update__e carries the alert and Salesforce creates no account Task; the chat post is queued. Fix: tell the account owner yourself`,
            });
        }
        if (sev1.alertKey && sev1.chatQueued) return { status: 'queued', alertKey: sev1.alertKey, idempotencyKey: sev1.alertKey, fields: [], comments: 0 };
        return { status: 'nothing_to_send' };
    }

    const queued = queueIncidentUpdate(ports, settings, link, decision, decision.idempotencyKey, {
        incidentSysId: incident.sys_id,
        // Sev-1 on a high-value account: Salesforce creates the account owner's Task when it applies this event.
        ...(sev1.alertKey ? { extra: { Alert_Key__c: sev1.alertKey } } : {}),
        detail: (at) => `queued at ${at}; ${decision.journal.length} comment(s)`,
    });
    return { status: sev1.chatQueued ? 'queued' : queued.status, idempotencyKey: queued.idempotencyKey, fields: queued.fields, comments: decision.journal.length, ...(sev1.alertKey ? { alertKey: sev1.alertKey } : {}) };
}

/**
 * Queues one decided change as an `Incident_Update__e` (the incident's own change, or its case's
 * problem): the outbox row keyed by the decision, the link's pending version, and the audit row.
 * The incident key keeps one link's versions in order in the drain; with polling delivery the row
 * waits for Salesforce to pull it (`GET /v1/changes`) and the drain never sends it.
 */
export function queueIncidentUpdate(
    ports: Ports,
    settings: Partial<Pick<Settings, 'salesforceDelivery'>>,
    link: StoredLink,
    decision: OutboundDecision,
    key: string,
    what: { readonly incidentSysId: string; readonly extra?: Readonly<Record<string, string>>; readonly detail: (queuedAt: string) => string },
): { readonly status: 'queued' | 'duplicate'; readonly idempotencyKey: string; readonly fields: readonly string[] } {
    const caseId = link.state.caseId ?? link.row.sf_case_id;
    const correlationId = link.state.correlationId ?? link.row.correlation_id;
    const record = {
        attributes: { type: 'Incident_Update__e' },
        Message_Id__c: messageId(key),
        Idempotency_Key__c: key,
        Case_Id__c: caseId,
        Incident_Sys_Id__c: what.incidentSysId,
        Correlation_Id__c: correlationId,
        Link_Version__c: decision.version,
        Origin__c: 'servicenow',
        Fields_Json__c: JSON.stringify(decision.peerValues),
        Comments_Json__c: JSON.stringify(decision.journal),
        Sent_At__c: formatIso(ports.clock.nowMs()),
        ...what.extra,
    };
    const queued = enqueue(ports, { kind: 'incident_update', idempotencyKey: key, record, incidentSysId: what.incidentSysId, caseId, correlationId, pull: settings.salesforceDelivery === 'poll' });
    saveLink(ports, link, decision.link, { syncState: 'pending' });

    const fields = decision.fields.map((f) => f.peerField);
    recordAudit(ports, {
        direction: 'outbound',
        operation: 'queue:Incident_Update__e',
        target: 'Case',
        targetId: caseId,
        caseId,
        fields: decision.journal.length ? fields.concat('CaseComment') : fields,
        oldValues: Object.fromEntries(decision.fields.map((f) => [f.peerField, f.old])),
        newValues: Object.fromEntries(decision.fields.map((f) => [f.peerField, f.new])),
        correlationId,
        idempotencyKey: key,
        result: queued.status === 'queued' ? 'success' : 'duplicate',
        latencyMs: 0,
        detail: what.detail(formatServiceNowDateTime(ports.clock.nowMs())),
    });
    return { status: queued.status, idempotencyKey: key, fields };
}

/** A customer-visible journal entry (`sys_journal_field`, element `comments`) of an incident. */
export function journalEntryFromRow(row: Row): JournalEntry {
    const created = row.sys_created_on ? formatIso(Date.parse(`${row.sys_created_on.replace(' ', 'T')}Z`)) : '';
    return { id: row.sys_id, body: row.value, author: row.sys_created_by, createdAt: created };
}

export function onJournalEntry(ports: Ports, settings: Pick<Settings, 'syncEnabled'> & Partial<Pick<Settings, 'salesforceDelivery'>>, entry: Row): OutboundOutcome {
    if (!settings.syncEnabled) return { status: 'disabled' };
    if (entry.name !== TABLE.incident || entry.element !== 'comments') return { status: 'nothing_to_send' };
    const incident = readIncident(ports, entry.element_id);
    if (!incident) return { status: 'not_linked' };
    return onIncidentChanged(ports, settings, incident, [journalEntryFromRow(entry)], entry.sys_created_by);
}
