import '@servicenow/sdk/global'
import { Table, StringColumn, IntegerColumn, ReferenceColumn, DateTimeColumn } from '@servicenow/sdk/core'

// Every outbound message waits here until Salesforce accepted it. The dead letter is a status,
// not a second table, so a replay is one field change and the history stays on one row.
export const x_seam_bridge_outbox = Table({
    name: 'x_seam_bridge_outbox',
    label: 'Seam Outbox',
    display: 'message_id',
    accessibleFrom: 'package_private',
    schema: {
        message_id: StringColumn({ label: 'Message id', maxLength: 64, mandatory: true }),
        idempotency_key: StringColumn({ label: 'Idempotency key', maxLength: 128, mandatory: true }),
        kind: StringColumn({
            label: 'Kind',
            maxLength: 40,
            choices: {
                incident_update: 'Incident update',
                resolution_summary: 'Resolution summary',
                impact_task: 'Major incident task',
                impact_notice: 'Major incident notice (delivery poll: Salesforce makes the tasks)',
                file_offer: 'File offer (delivery poll: Salesforce pulls the file)',
                critical_alert: 'Sev-1 chat alert (webhook)',
            },
        }),
        sobject_type: StringColumn({ label: 'Salesforce sObject', maxLength: 80 }),
        payload: StringColumn({ label: 'Payload (JSON)', maxLength: 65000 }),
        incident: ReferenceColumn({ label: 'Incident', referenceTable: 'incident' }),
        sf_case_id: StringColumn({ label: 'Salesforce Case Id', maxLength: 18 }),
        correlation_id: StringColumn({ label: 'Correlation id', maxLength: 128 }),
        status: StringColumn({
            label: 'Status',
            maxLength: 40,
            default: 'pending',
            choices: {
                pending: 'Pending',
                held: 'Held for approval',
                sent: 'Sent',
                failed: 'Failed (will retry)',
                dead_letter: 'Dead letter',
                awaiting_pull: 'Awaiting pull (delivery poll)',
                pulled: 'Pulled by Salesforce',
                withdrawn: 'Withdrawn (delivery push: sent another way)',
            },
        }),
        attempts: IntegerColumn({ label: 'Attempts', default: '0' }),
        next_attempt_at: DateTimeColumn({ label: 'Next attempt at' }),
        last_error: StringColumn({ label: 'Last error', maxLength: 4000 }),
        sent_at: DateTimeColumn({ label: 'Sent at' }),
        // Receipts (src/server/outbox/receipts.ts): a pushed incident update is confirmed when
        // Salesforce's audit shows the trigger processed it, and republished when it shows none.
        confirmed_at: DateTimeColumn({ label: 'Confirmed by Salesforce at' }),
        receipt: StringColumn({
            label: 'Salesforce receipt',
            maxLength: 40,
            choices: {
                applied: 'Applied',
                duplicate: 'Duplicate',
                stale: 'Stale (a newer update was applied)',
                rejected: 'Rejected (see the Salesforce audit)',
                none: 'None yet (republished or dead-lettered)',
            },
        }),
        republishes: IntegerColumn({ label: 'Republishes', default: '0' }),
        // Lost answers (src/server/outbox/lost-answer.ts): when the first attempt whose answer was lost
        // was sent; a CaseComment/Task retry looks for what it created before sending again.
        answer_lost_at: DateTimeColumn({ label: 'Answer lost at' }),
    },
    index: [
        { name: 'x_seam_bridge_outbox_key', unique: true, element: 'idempotency_key' },
        { name: 'x_seam_bridge_outbox_due', unique: false, element: ['status', 'next_attempt_at'] },
    ],
})
