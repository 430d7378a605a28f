import '@servicenow/sdk/global'
import { Table, StringColumn, IntegerColumn, ReferenceColumn, DateTimeColumn } from '@servicenow/sdk/core'

// One row per Case <-> incident/problem pair. Versions are per link and per side, so a stale
// or echoed message is recognised without comparing timestamps across two clocks.
export const x_seam_bridge_link = Table({
    name: 'x_seam_bridge_link',
    label: 'Seam Link',
    display: 'correlation_id',
    accessibleFrom: 'package_private',
    audit: true,
    schema: {
        sf_case_id: StringColumn({ label: 'Salesforce Case Id', maxLength: 18, mandatory: true }),
        sf_case_number: StringColumn({ label: 'Salesforce Case Number', maxLength: 40 }),
        incident: ReferenceColumn({ label: 'Incident', referenceTable: 'incident' }),
        problem: ReferenceColumn({ label: 'Problem', referenceTable: 'problem' }),
        correlation_id: StringColumn({ label: 'Correlation id', maxLength: 128 }),
        link_version: IntegerColumn({ label: 'Salesforce version applied', default: '0' }),
        sn_version: IntegerColumn({ label: 'ServiceNow version sent', default: '0' }),
        snapshot_hash: StringColumn({ label: 'Last synced snapshot hash', maxLength: 64 }),
        // The shared core's LinkState (versions, last keys, snapshot, synced journal ids) as JSON.
        state: StringColumn({ label: 'Link state (JSON)', maxLength: 65000 }),
        sync_state: StringColumn({
            label: 'Sync state',
            maxLength: 40,
            default: 'linked',
            choices: {
                linked: 'Linked',
                pending: 'Pending',
                in_sync: 'In sync',
                review: 'In triage review',
                approval_pending: 'Approval pending',
                error: 'Error',
            },
        }),
        last_error: StringColumn({ label: 'Last error', maxLength: 1000 }),
        alert_priority: StringColumn({ label: 'Incident priority at the last sev-1 check', maxLength: 4 }),
        last_synced_at: DateTimeColumn({ label: 'Last synced at' }),
    },
    index: [
        { name: 'x_seam_bridge_link_case', unique: true, element: 'sf_case_id' },
        { name: 'x_seam_bridge_link_incident', unique: false, element: 'incident' },
    ],
})
