import '@servicenow/sdk/global'
import { ScheduledScript } from '@servicenow/sdk/core'
import { slaRiskSweepJob } from '../../server/entry/jobs'

// Every 15 minutes: linked open incidents not updated for x_seam_bridge.sla_risk.sweep_stale_minutes
// are re-assessed (at most x_seam_bridge.sla_risk.sweep_batch per run), so a risk that grows while
// nobody touches the incident still reaches the work notes and the Case.
export const slaRiskSweep = ScheduledScript({
    $id: Now.ID['job_sla_risk_sweep'],
    name: 'Seam: re-assess SLA-breach risk of untouched incidents',
    active: true,
    frequency: 'periodically',
    executionInterval: { minutes: 15 },
    script: slaRiskSweepJob,
})
