import '@servicenow/sdk/global'
import { ScheduledScript } from '@servicenow/sdk/core'
import { reconcileJob } from '../../server/entry/ops'

// Every 5 minutes: continue the active drift reconciliation run, or start one when
// x_seam_bridge.reconcile.interval_minutes have passed since the last.
export const reconcileSweepJob = ScheduledScript({
    $id: Now.ID['job_reconcile'],
    name: 'Seam: drift reconciliation sweep',
    active: true,
    frequency: 'periodically',
    executionInterval: { minutes: 5 },
    script: reconcileJob,
})
