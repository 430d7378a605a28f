import '@servicenow/sdk/global'
import { Table, StringColumn, IntegerColumn, ReferenceColumn, DateTimeColumn } from '@servicenow/sdk/core'

// One row per file that crossed (or was refused at) the seam: its content hash (the same content
// is sent once), its origin (a mirrored file is never sent back) and, outbound, its delivery
// state. File bodies are too large for the outbox payload, so these rows are the queue for files.
export const x_seam_bridge_attachment = Table({
    name: 'x_seam_bridge_attachment',
    label: 'Seam Attachment',
    display: 'file_name',
    accessibleFrom: 'package_private',
    schema: {
        incident: ReferenceColumn({ label: 'Incident', referenceTable: 'incident' }),
        sf_case_id: StringColumn({ label: 'Salesforce Case Id', maxLength: 18 }),
        sys_attachment: StringColumn({ label: 'Attachment sys_id', maxLength: 32 }),
        sf_content_version_id: StringColumn({ label: 'Salesforce ContentVersion Id', maxLength: 18 }),
        file_name: StringColumn({ label: 'File name', maxLength: 255 }),
        content_type: StringColumn({ label: 'Content type', maxLength: 100 }),
        size_bytes: IntegerColumn({ label: 'Size (bytes)', default: '0' }),
        sha256: StringColumn({ label: 'SHA-256 of the content', maxLength: 64 }),
        origin: StringColumn({ label: 'Origin', maxLength: 20, choices: { salesforce: 'Salesforce', servicenow: 'ServiceNow' } }),
        direction: StringColumn({ label: 'Direction', maxLength: 20, choices: { inbound: 'Inbound', outbound: 'Outbound' } }),
        status: StringColumn({
            label: 'Status',
            maxLength: 20,
            default: 'queued',
            choices: { queued: 'Queued', awaiting_pull: 'Awaiting pull (delivery poll)', sent: 'Sent', received: 'Received', skipped: 'Skipped', failed: 'Failed (retrying)', dead_letter: 'Dead letter' },
        }),
        reason: StringColumn({ label: 'Skip reason', maxLength: 40 }),
        attempts: IntegerColumn({ label: 'Attempts', default: '0' }),
        next_attempt_at: DateTimeColumn({ label: 'Next attempt at' }),
        last_error: StringColumn({ label: 'Last error / detail', maxLength: 1000 }),
    },
    index: [
        { name: 'x_seam_bridge_attachment_incident', unique: false, element: 'incident' },
        { name: 'x_seam_bridge_attachment_att', unique: false, element: 'sys_attachment' },
    ],
})
