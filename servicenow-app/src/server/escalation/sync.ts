/**
 * Problem → Case: the problem's state, known-error flag, workaround, fix notes (and the
 * escalation status) are ServiceNow-owned fields of the ownership map (table `problem`). A change
 * of the case's problem goes through the same shared decision as an incident change
 * (`decideOutbound` over the problem mappings only), the same link versions and the same outbox
 * as one `Incident_Update__e`, so Salesforce applies it once, in order, with retry, dead letter
 * and replay. A reviewer's decision without a problem row sends the escalation status alone.
 */
import { OWNERSHIP, decideOutbound, formatIso, formatServiceNowDateTime, messageId, newLink, type FieldMapping, type FieldValue } from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import type { Settings } from '../config';
import { enqueue } from '../outbox/outbox';
import type { Ports, Row } from '../ports';
import { findLinkByCase, saveLink, type StoredLink } from '../sync/link';

export type ProblemSyncOutcome =
    | { readonly status: 'disabled' | 'not_linked' | 'nothing_to_send' }
    | { readonly status: 'queued' | 'duplicate'; readonly idempotencyKey: string; readonly fields: readonly string[] };

/** Only the escalation status: `sys_id` then keys the message and is not the problem's. */
const STATUS_ONLY: readonly FieldMapping[] = OWNERSHIP.filter((m) => m.key === 'escalationStatus');

function queueProblemFields(ports: Ports, link: StoredLink, current: Record<string, FieldValue>, what: string, mappings?: readonly FieldMapping[]): ProblemSyncOutcome {
    const decision = decideOutbound({ from: 'servicenow', table: 'problem', current, link: link.state, origin: 'local', ...(mappings ? { mappings } : {}) });
    for (const p of decision.problems) ports.log.info(`Seam: ${what} ${p.field} ${p.problem}; ${p.fix}`);
    if (!decision.send || decision.idempotencyKey === null) return { status: 'nothing_to_send' };
    const key = decision.idempotencyKey;
    const caseId = link.state.caseId ?? link.row.sf_case_id;
    const correlationId = link.state.correlationId ?? link.row.correlation_id;
    const incidentSysId = link.state.incidentSysId || link.row.incident || '';
    const record = {
        attributes: { type: 'Incident_Update__e' },
        Message_Id__c: messageId(key),
        Idempotency_Key__c: key,
        Case_Id__c: caseId,
        Incident_Sys_Id__c: incidentSysId,
        Correlation_Id__c: correlationId,
        Link_Version__c: decision.version,
        Origin__c: 'servicenow',
        Fields_Json__c: JSON.stringify(decision.peerValues),
        Comments_Json__c: '[]',
        Sent_At__c: formatIso(ports.clock.nowMs()),
    };
    // Same incident key as the incident's own updates: the drain keeps one link's versions in order.
    const queued = enqueue(ports, { kind: 'incident_update', idempotencyKey: key, record, incidentSysId, caseId, correlationId });
    saveLink(ports, link, decision.link, { syncState: 'pending' });
    const fields = decision.fields.map((f) => f.peerField);
    recordAudit(ports, {
        direction: 'outbound',
        operation: 'queue:Incident_Update__e',
        target: 'Case',
        targetId: caseId,
        caseId,
        fields,
        oldValues: Object.fromEntries(decision.fields.map((f) => [f.peerField, f.old])),
        newValues: Object.fromEntries(decision.fields.map((f) => [f.peerField, f.new])),
        correlationId,
        idempotencyKey: key,
        result: queued.status === 'queued' ? 'success' : 'duplicate',
        latencyMs: 0,
        detail: `${what} queued at ${formatServiceNowDateTime(ports.clock.nowMs())}`,
    });
    return { status: queued.status, idempotencyKey: key, fields };
}

/** The case's problem changed (async rule on problem insert/update). */
export function onProblemChanged(ports: Ports, settings: Pick<Settings, 'syncEnabled'>, problem: Row): ProblemSyncOutcome {
    if (!settings.syncEnabled) return { status: 'disabled' };
    const caseId = problem.x_seam_bridge_sf_case_id || '';
    const link = caseId ? findLinkByCase(ports, caseId) : null;
    if (!link) return { status: 'not_linked' };
    return queueProblemFields(ports, link, problem, `problem ${problem.number}`);
}

/**
 * Tells the Case where its escalation stands when there is no problem to read it from (in
 * review, approval pending, rejected). `recordId` keys the message when the case has no incident.
 */
export function sendEscalationStatus(ports: Ports, settings: Pick<Settings, 'syncEnabled'>, caseId: string, caseNumber: string, status: string, recordId: string): ProblemSyncOutcome {
    if (!settings.syncEnabled) return { status: 'disabled' };
    let link = findLinkByCase(ports, caseId);
    if (!link) {
        saveLink(ports, null, newLink({ caseId, correlationId: `SFDC-${caseId}` }), { syncState: 'linked', caseNumber });
        link = findLinkByCase(ports, caseId);
        if (!link) return { status: 'not_linked' };
    }
    return queueProblemFields(ports, link, { sys_id: recordId, x_seam_bridge_escalation_status: status }, `escalation status of case ${caseNumber}`, STATUS_ONLY);
}
