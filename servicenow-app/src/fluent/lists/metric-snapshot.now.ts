import '@servicenow/sdk/global'
import { List, default_view } from '@servicenow/sdk/core'

// The list admins open from Seam Bridge → Routing metrics: one row per day, averages at the foot.
List({
    table: 'x_seam_bridge_metric_snapshot',
    view: default_view,
    columns: [
        { element: 'taken_at' },
        { element: 'cases_routed', sum: true },
        { element: 'time_to_route_mean_s', averageValue: true },
        { element: 'time_to_route_p90_s', maxValue: true },
        { element: 'manual_transfer_rate', averageValue: true },
        { element: 'linkage_accuracy', averageValue: true, minValue: true },
        { element: 'review_queue_size', maxValue: true },
        { element: 'dead_letter_backlog', maxValue: true },
        { element: 'api_calls_per_change', averageValue: true },
        { element: 'confidence_servicenow', averageValue: true },
        { element: 'confidence_salesforce', averageValue: true },
        { element: 'drift_status' },
    ],
})
