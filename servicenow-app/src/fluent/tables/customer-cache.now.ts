import '@servicenow/sdk/global'
import { Table, StringColumn, DateTimeColumn } from '@servicenow/sdk/core'

// A short cache of the Salesforce customer context, one row per Account id (never per incident,
// never on the incident): the "Customer context (Salesforce)" button reads it while it is younger
// than x_seam_bridge.customer_context.cache_seconds, else asks Salesforce and overwrites it.
// Salesforce owns every value here; the row is a copy with its fetch time, shown as "cached".
export const x_seam_bridge_customer_cache = Table({
    name: 'x_seam_bridge_customer_cache',
    label: 'Seam Customer Context Cache',
    display: 'account_id',
    accessibleFrom: 'package_private',
    schema: {
        account_id: StringColumn({ label: 'Salesforce Account Id', maxLength: 18, mandatory: true }),
        payload: StringColumn({ label: 'Context (JSON)', maxLength: 16000 }),
        fetched_at: DateTimeColumn({ label: 'Fetched at' }),
    },
    index: [{ name: 'x_seam_bridge_customer_cache_account', unique: true, element: 'account_id' }],
})
