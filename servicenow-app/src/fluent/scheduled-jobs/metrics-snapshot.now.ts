import '@servicenow/sdk/global'
import { ScheduledScript } from '@servicenow/sdk/core'
import { metricsSnapshotJob } from '../../server/entry/governance'

// Daily: one row of routing metrics in Seam Routing Metrics (list view and reports read it).
export const metricsSnapshot = ScheduledScript({
    $id: Now.ID['job_metrics_snapshot'],
    name: 'Seam: routing metrics snapshot',
    active: true,
    frequency: 'daily',
    executionTime: { hours: 0, minutes: 15, seconds: 0 },
    script: metricsSnapshotJob,
})
