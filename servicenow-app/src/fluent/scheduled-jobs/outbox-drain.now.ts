import '@servicenow/sdk/global'
import { ScheduledScript } from '@servicenow/sdk/core'
import { drainOutboxJob } from '../../server/entry/jobs'

// Every minute: send due outbox messages in sObject Collections batches, back off failures,
// dead-letter after x_seam_bridge.outbox.max_attempts.
export const outboxDrainJob = ScheduledScript({
    $id: Now.ID['job_outbox_drain'],
    name: 'Seam: drain outbox to Salesforce',
    active: true,
    frequency: 'periodically',
    executionInterval: { minutes: 1 },
    script: drainOutboxJob,
})
