import '@servicenow/sdk/global'
import { Table, StringColumn, DecimalColumn, ReferenceColumn } from '@servicenow/sdk/core'

// Low-confidence triage decisions and high-priority transfers wait here for a person.
// The original message is kept so approving it replays exactly what Salesforce sent.
export const x_seam_bridge_triage_review = Table({
    name: 'x_seam_bridge_triage_review',
    label: 'Seam Triage Review',
    display: 'sf_case_number',
    accessibleFrom: 'package_private',
    audit: true,
    schema: {
        // triage: a case's routing (incident or not); escalation: a tier-3 escalation to a problem.
        kind: StringColumn({ label: 'Kind', maxLength: 40, default: 'triage', choices: { triage: 'Triage', escalation: 'Engineering escalation' } }),
        sf_case_id: StringColumn({ label: 'Salesforce Case Id', maxLength: 18 }),
        sf_case_number: StringColumn({ label: 'Salesforce Case Number', maxLength: 40 }),
        message_id: StringColumn({ label: 'Message id', maxLength: 64 }),
        idempotency_key: StringColumn({ label: 'Idempotency key', maxLength: 128 }),
        message: StringColumn({ label: 'Case message (JSON)', maxLength: 65000 }),
        proposed_action: StringColumn({
            label: 'Proposed action',
            maxLength: 40,
            choices: {
                create_incident: 'Create incident',
                keep_in_salesforce: 'Keep in Salesforce',
                review: 'Review',
                approval: 'Approval',
                create_problem: 'Create problem',
            },
        }),
        confidence: DecimalColumn({ label: 'Model confidence' }),
        category: StringColumn({ label: 'Category', maxLength: 100 }),
        suggested_priority: StringColumn({ label: 'Suggested priority', maxLength: 10 }),
        suggested_group: StringColumn({ label: 'Suggested assignment group', maxLength: 100 }),
        rationale: StringColumn({ label: 'Model rationale', maxLength: 4000 }),
        engine: StringColumn({ label: 'Engine', maxLength: 20 }),
        reason: StringColumn({ label: 'Why a person must decide', maxLength: 1000 }),
        status: StringColumn({
            label: 'Status',
            maxLength: 40,
            default: 'pending',
            choices: {
                queued: 'Triage queued',
                triaged: 'Triaged (no person needed)',
                pending: 'Pending review',
                approval_pending: 'Approval pending',
                approved: 'Approved',
                rerouted: 'Rerouted',
                rejected: 'Rejected',
            },
        }),
        reroute_group: ReferenceColumn({ label: 'Reroute to group', referenceTable: 'sys_user_group' }),
        incident: ReferenceColumn({ label: 'Incident', referenceTable: 'incident' }),
        correlation_id: StringColumn({ label: 'Correlation id', maxLength: 128 }),
        problem: ReferenceColumn({ label: 'Problem', referenceTable: 'problem' }),
        decision_note: StringColumn({ label: 'Reviewer\'s note (sent to the Case on a rejected escalation)', maxLength: 1000 }),
    },
})
