/**
 * The triage review queue: low-confidence decisions and high-priority transfers wait for a
 * person with the model's rationale and the original message. Approving (or an approved
 * approval) replays the stored message through the normal create path.
 */
import type { CaseMessage } from '../generated/seam-core';
import type { Ports, Row } from '../ports';
import { TABLE, eq } from '../tables';
import type { TriageOutcome } from './triage';

export type ReviewStatus = 'pending' | 'approval_pending' | 'approved' | 'rerouted' | 'rejected';

/** An open review for this case (pending or waiting for approval), if any. */
export function openReview(ports: Pick<Ports, 'records'>, caseId: string): Row | null {
    const rows = ports.records.find(TABLE.review, `${eq('sf_case_id', caseId)}^statusINpending,approval_pending`, { limit: 1 });
    return rows.length ? rows[0] : null;
}

export function queueReview(ports: Pick<Ports, 'records'>, message: CaseMessage, triage: TriageOutcome, status: 'pending' | 'approval_pending'): string {
    const r = triage.result;
    return ports.records.insert(TABLE.review, {
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
    });
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
