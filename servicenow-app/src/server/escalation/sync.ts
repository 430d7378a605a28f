/**
 * Problem → Case: the problem's state, known-error flag, workaround, fix notes (and the
 * escalation status) are ServiceNow-owned fields of the ownership map (table `problem`). A change
 * of the case's problem goes through the same shared decision as an incident change
 * (`decideOutbound` over the problem mappings only), the same link versions and the same outbox
 * as one `Incident_Update__e`, so Salesforce applies it once, in order, with retry, dead letter
 * and replay. A reviewer's decision without a problem row sends the escalation status alone.
 */
import { OWNERSHIP, decideOutbound, newLink, type FieldMapping, type FieldValue } from '../generated/seam-core';
import type { Settings } from '../config';
import type { Ports, Row } from '../ports';
import { findLinkByCase, saveLink, type StoredLink } from '../sync/link';
import { queueIncidentUpdate } from '../sync/outbound';

export type ProblemSyncOutcome =
    | { readonly status: 'disabled' | 'not_linked' | 'nothing_to_send' }
    | { readonly status: 'queued' | 'duplicate'; readonly idempotencyKey: string; readonly fields: readonly string[] };

/** Problem updates travel the incident's delivery: pushed, or pulled by Salesforce's poller. */
type ProblemSyncSettings = Pick<Settings, 'syncEnabled'> & Partial<Pick<Settings, 'salesforceDelivery'>>;

/** Only the escalation status: `sys_id` then keys the message and is not the problem's. */
const STATUS_ONLY: readonly FieldMapping[] = OWNERSHIP.filter((m) => m.key === 'escalationStatus');

function queueProblemFields(ports: Ports, settings: ProblemSyncSettings, link: StoredLink, current: Record<string, FieldValue>, what: string, mappings?: readonly FieldMapping[]): ProblemSyncOutcome {
    const decision = decideOutbound({ from: 'servicenow', table: 'problem', current, link: link.state, origin: 'local', ...(mappings ? { mappings } : {}) });
    for (const p of decision.problems) ports.log.info(`Seam: ${what} ${p.field} ${p.problem}; ${p.fix}`);
    if (!decision.send || decision.idempotencyKey === null) return { status: 'nothing_to_send' };
    const incidentSysId = link.state.incidentSysId || link.row.incident || '';
    return queueIncidentUpdate(ports, settings, link, decision, decision.idempotencyKey, { incidentSysId, detail: (at) => `${what} queued at ${at}` });
}

/** The case's problem changed (async rule on problem insert/update). */
export function onProblemChanged(ports: Ports, settings: ProblemSyncSettings, problem: Row): ProblemSyncOutcome {
    if (!settings.syncEnabled) return { status: 'disabled' };
    const caseId = problem.x_seam_bridge_sf_case_id || '';
    const link = caseId ? findLinkByCase(ports, caseId) : null;
    if (!link) return { status: 'not_linked' };
    return queueProblemFields(ports, settings, link, problem, `problem ${problem.number}`);
}

/**
 * Tells the Case where its escalation stands when there is no problem to read it from (in
 * review, approval pending, rejected). `recordId` keys the message when the case has no incident.
 */
export function sendEscalationStatus(ports: Ports, settings: ProblemSyncSettings, caseId: string, caseNumber: string, status: string, recordId: string): ProblemSyncOutcome {
    if (!settings.syncEnabled) return { status: 'disabled' };
    let link = findLinkByCase(ports, caseId);
    if (!link) {
        saveLink(ports, null, newLink({ caseId, correlationId: `SFDC-${caseId}` }), { syncState: 'linked', caseNumber });
        link = findLinkByCase(ports, caseId);
        if (!link) return { status: 'not_linked' };
    }
    return queueProblemFields(ports, settings, link, { sys_id: recordId, x_seam_bridge_escalation_status: status }, `escalation status of case ${caseNumber}`, STATUS_ONLY);
}
