import '@servicenow/sdk/global'
import { Table, StringColumn, IntegerColumn } from '@servicenow/sdk/core'

// One row per cross-system write, in either direction. Read-only for everyone but the app.
export const x_seam_bridge_audit = Table({
    name: 'x_seam_bridge_audit',
    label: 'Seam Audit',
    display: 'correlation_id',
    accessibleFrom: 'package_private',
    schema: {
        direction: StringColumn({
            label: 'Direction',
            maxLength: 20,
            choices: { inbound: 'Salesforce to ServiceNow', outbound: 'ServiceNow to Salesforce', proxy: 'ServiceNow to proxy', config: 'Configuration change' },
        }),
        operation: StringColumn({ label: 'Operation', maxLength: 80 }),
        target_table: StringColumn({ label: 'Target table / sObject', maxLength: 80 }),
        target_id: StringColumn({ label: 'Target id', maxLength: 32 }),
        sf_case_id: StringColumn({ label: 'Salesforce Case Id', maxLength: 18 }),
        fields: StringColumn({ label: 'Fields', maxLength: 1000 }),
        old_values: StringColumn({ label: 'Old values (JSON)', maxLength: 8000 }),
        new_values: StringColumn({ label: 'New values (JSON)', maxLength: 8000 }),
        actor: StringColumn({ label: 'Actor', maxLength: 100 }),
        correlation_id: StringColumn({ label: 'Correlation id', maxLength: 128 }),
        idempotency_key: StringColumn({ label: 'Idempotency key', maxLength: 128 }),
        result: StringColumn({
            label: 'Result',
            maxLength: 20,
            choices: { success: 'Success', failed: 'Failed', duplicate: 'Duplicate', skipped: 'Skipped' },
        }),
        http_status: IntegerColumn({ label: 'HTTP status' }),
        latency_ms: IntegerColumn({ label: 'Latency (ms)' }),
        detail: StringColumn({ label: 'Detail', maxLength: 4000 }),
    },
})
