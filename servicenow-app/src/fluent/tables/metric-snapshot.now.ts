import '@servicenow/sdk/global'
import { Table, StringColumn, IntegerColumn, DecimalColumn, DateTimeColumn } from '@servicenow/sdk/core'

// "Seam Routing Metrics": one row per day, written by the job "Seam: routing metrics snapshot" from
// the same computation as GET /v1/metrics, so admins can list, chart and report on them over time.
export const x_seam_bridge_metric_snapshot = Table({
    name: 'x_seam_bridge_metric_snapshot',
    label: 'Seam Routing Metrics',
    display: 'taken_at',
    accessibleFrom: 'package_private',
    schema: {
        taken_at: DateTimeColumn({ label: 'Taken at' }),
        window_days: IntegerColumn({ label: 'Window (days)' }),
        cases_routed: IntegerColumn({ label: 'Cases routed' }),
        time_to_route_mean_s: DecimalColumn({ label: 'Time to route, mean (s)' }),
        time_to_route_p90_s: DecimalColumn({ label: 'Time to route, p90 (s)' }),
        manual_transfer_rate: DecimalColumn({ label: 'Manual transfer rate' }),
        linkage_accuracy: DecimalColumn({ label: 'Linkage accuracy' }),
        review_queue_size: IntegerColumn({ label: 'Review queue' }),
        review_queue_oldest_s: DecimalColumn({ label: 'Oldest review (s)' }),
        dead_letter_backlog: IntegerColumn({ label: 'Dead letters' }),
        api_calls_per_change: DecimalColumn({ label: 'API calls per change' }),
        confidence_servicenow: DecimalColumn({ label: 'Mean confidence, route servicenow' }),
        confidence_salesforce: DecimalColumn({ label: 'Mean confidence, route salesforce' }),
        drift_status: StringColumn({ label: 'Triage drift', maxLength: 20 }),
    },
    index: [{ name: 'x_seam_bridge_metric_snapshot_taken', unique: false, element: 'taken_at' }],
})
