/**
 * The triage review queue: low-confidence decisions and high-priority transfers wait for a
 * person with the model's rationale and the original message. Approving (or an approved
 * approval) replays the stored message through the normal create path.
 */
import type { CaseMessage } from '../generated/seam-core';
import type { Ports, Row } from '../ports';
import { TABLE, eq } from '../tables';
import type { TriageOutcome } from './triage';

/** `queued`: accepted, triage not run yet (an async rule runs it); `triaged`: triage routed it without a person. */
export type ReviewStatus = 'queued' | 'triaged' | 'pending' | 'approval_pending' | 'approved' | 'rerouted' | 'rejected';

/** An open review for this case (waiting for triage, a reviewer or an approval), if any. */
export function openReview(ports: Pick<Ports, 'records'>, caseId: string): Row | null {
    // Escalation reviews (kind escalation) decide a problem, not this case's routing.
    const rows = ports.records.find(TABLE.review, `${eq('sf_case_id', caseId)}^statusINqueued,pending,approval_pending^kind!=escalation^ORkindISEMPTY`, { limit: 1 });
    return rows.length ? rows[0] : null;
}

/** Accepts a new case whose triage runs later, outside the REST transaction (entry: triageQueuedCase). */
export function queueTriage(ports: Pick<Ports, 'records'>, message: CaseMessage, reason: string): string {
    return ports.records.insert(TABLE.review, {
        sf_case_id: message.caseId,
        sf_case_number: message.caseNumber,
        message_id: message.messageId,
        idempotency_key: message.idempotencyKey,
        message: JSON.stringify(message),
        reason,
        status: 'queued',
    });
}

/**
 * Stores the triage outcome on a review: a new row, or the queued row `existing` when triage ran
 * asynchronously (the same row then waits for the person).
 */
export function queueReview(ports: Pick<Ports, 'records'>, message: CaseMessage, triage: TriageOutcome, status: 'pending' | 'approval_pending' | 'triaged', existing?: string): string {
    const r = triage.result;
    const values = {
        sf_case_id: message.caseId,
        sf_case_number: message.caseNumber,
        message_id: message.messageId,
        idempotency_key: message.idempotencyKey,
        message: JSON.stringify(message),
        proposed_action: triage.action === 'approval_required' ? 'approval' : triage.action,
        confidence: r ? r.confidence : null,
        category: r ? r.category : '',
        suggested_priority: r ? String(r.priority) : '',
        suggested_group: r ? r.suggestedAssignmentGroup : '',
        rationale: r ? r.rationale : '',
        engine: triage.engine ?? '',
        reason: triage.reason,
        status,
    };
    if (existing) {
        ports.records.update(TABLE.review, existing, values);
        return existing;
    }
    return ports.records.insert(TABLE.review, values);
}

/** A newer message for a case under review replaces the stored one (the person decides on the latest). */
export function refreshReview(ports: Pick<Ports, 'records'>, review: Row, message: CaseMessage): void {
    ports.records.update(TABLE.review, review.sys_id, {
        message_id: message.messageId,
        idempotency_key: message.idempotencyKey,
        message: JSON.stringify(message),
        sf_case_number: message.caseNumber,
    });
}

export function storedMessage(review: Row): CaseMessage | null {
    try {
        return JSON.parse(review.message) as CaseMessage;
    } catch {
        return null;
    }
}
