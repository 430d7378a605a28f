import '@servicenow/sdk/global'
import { Table, StringColumn, IntegerColumn, DateTimeColumn } from '@servicenow/sdk/core'

// "Seam Status": one row per operational state the admin watches (today's Salesforce API usage,
// the credential's health). The detail holds the alert text with its fix.
export const x_seam_bridge_ops_state = Table({
    name: 'x_seam_bridge_ops_state',
    label: 'Seam Status',
    display: 'name',
    accessibleFrom: 'package_private',
    schema: {
        name: StringColumn({ label: 'Name', maxLength: 40, mandatory: true, choices: { api_usage: 'Salesforce API usage today', credential: 'Salesforce credential', triage_drift: 'Triage confidence drift' } }),
        status: StringColumn({ label: 'Status', maxLength: 40 }),
        value: StringColumn({ label: 'Value (JSON)', maxLength: 1000 }),
        detail: StringColumn({ label: 'Alert and fix', maxLength: 4000 }),
        // triage_drift only: the last baseline + window triage answers (route initial + confidence).
        samples: StringColumn({ label: 'Recent triage answers', maxLength: 65000 }),
        updated_at: DateTimeColumn({ label: 'Updated at' }),
    },
    index: [{ name: 'x_seam_bridge_ops_state_name', unique: true, element: 'name' }],
})

// One row per drift reconciliation run, updated after every batch: its progress and what it found.
export const x_seam_bridge_reconcile_run = Table({
    name: 'x_seam_bridge_reconcile_run',
    label: 'Seam Reconciliation Run',
    display: 'started_at',
    accessibleFrom: 'package_private',
    schema: {
        state: StringColumn({
            label: 'State',
            maxLength: 20,
            default: 'queued',
            choices: { queued: 'Queued', running: 'Running', throttled: 'Throttled (continues later)', done: 'Done', failed: 'Failed' },
        }),
        trigger: StringColumn({ label: 'Started by', maxLength: 20, choices: { schedule: 'Schedule', manual: 'By hand' } }),
        requested_by: StringColumn({ label: 'Requested by', maxLength: 100 }),
        started_at: DateTimeColumn({ label: 'Started at' }),
        finished_at: DateTimeColumn({ label: 'Finished at' }),
        cursor: StringColumn({ label: 'Last link swept (sys_id)', maxLength: 32 }),
        links_checked: IntegerColumn({ label: 'Links checked', default: '0' }),
        drift_found: IntegerColumn({ label: 'Drifted fields', default: '0' }),
        repaired_to_salesforce: IntegerColumn({ label: 'Repairs queued to Salesforce', default: '0' }),
        repaired_to_servicenow: IntegerColumn({ label: 'Incidents repaired', default: '0' }),
        in_flight: IntegerColumn({ label: 'Left in flight', default: '0' }),
        missing_cases: IntegerColumn({ label: 'Cases missing', default: '0' }),
        soql_calls: IntegerColumn({ label: 'SOQL calls', default: '0' }),
        problems: IntegerColumn({ label: 'Values not repairable', default: '0' }),
        detail: StringColumn({ label: 'Detail', maxLength: 1000 }),
    },
    index: [{ name: 'x_seam_bridge_reconcile_run_state', unique: false, element: ['state', 'started_at'] }],
})
