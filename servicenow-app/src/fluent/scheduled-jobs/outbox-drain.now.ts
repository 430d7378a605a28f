import '@servicenow/sdk/global'
import { ScheduledScript } from '@servicenow/sdk/core'
import { drainOutboxJob } from '../../server/entry/jobs'

// Every minute: send due outbox messages in sObject Collections batches, back off failures,
// dead-letter after x_seam_bridge.outbox.max_attempts. The debounced send's one-shot trigger
// runs this job's script (found by this name), so both are the same drain.
export const outboxDrainJob = ScheduledScript({
    $id: Now.ID['job_outbox_drain'],
    name: 'Seam: drain outbox to Salesforce', // = DRAIN_JOB_NAME (outbox/debounce.ts)
    active: true,
    frequency: 'periodically',
    executionInterval: { minutes: 1 },
    script: drainOutboxJob,
})
