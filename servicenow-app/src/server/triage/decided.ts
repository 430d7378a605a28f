/**
 * A person decided a triage review (directly, or through an approval): approve or reroute
 * replays the stored Salesforce message through the normal create path; reject records why.
 */
import { recordAudit } from '../audit/audit';
import type { Ports, Row } from '../ports';
import { createIncident, type CaseResult } from '../sync/inbound';
import { TABLE } from '../tables';
import { storedMessage } from './review';
import { ESCALATION_KIND, onEscalationReviewDecided, type ContextSource, type EscalationReviewOutcome, type EscalationSettings } from '../escalation/problem';

export type ReviewOutcome = CaseResult | EscalationReviewOutcome | { readonly status: 'rejected_by_reviewer' | 'ignored'; readonly reason: string };

export function onReviewDecided(ports: Ports, review: Row, escalation?: { readonly settings: EscalationSettings; readonly source?: ContextSource }): ReviewOutcome {
    // A tier-3 escalation review decides a problem, not an incident.
    if (review.kind === ESCALATION_KIND) {
        return escalation ? onEscalationReviewDecided(ports, escalation.settings, review, escalation.source) : { status: 'ignored', reason: 'an escalation review needs the escalation settings' };
    }
    if (review.incident) return { status: 'ignored', reason: 'the review already has an incident' };
    const message = storedMessage(review);
    if (review.status === 'rejected') {
        recordAudit(ports, {
            direction: 'inbound', operation: 'case:review_rejected', target: TABLE.review, targetId: review.sys_id, caseId: review.sf_case_id,
            idempotencyKey: review.idempotency_key, result: 'success', latencyMs: 0, detail: 'rejected by a reviewer; the case stays in Salesforce',
        });
        return { status: 'rejected_by_reviewer', reason: 'rejected by a reviewer' };
    }
    if (review.status !== 'approved' && review.status !== 'rerouted') return { status: 'ignored', reason: `status ${review.status} needs no action` };
    if (!message) return { status: 'ignored', reason: 'the stored message is not valid JSON; Salesforce must resend the case' };
    if (review.status === 'rerouted' && !review.reroute_group) {
        return { status: 'ignored', reason: 'reroute_group: is empty; fix: choose the group to reroute to, then set the status again' };
    }
    const result = createIncident(ports, message, { assignmentGroup: review.status === 'rerouted' ? review.reroute_group : undefined });
    if (result.incidentSysId) {
        ports.records.update(TABLE.review, review.sys_id, { incident: result.incidentSysId, correlation_id: result.correlationId ?? '' });
    }
    return result;
}
