import '@servicenow/sdk/global'
import { ScheduledScript } from '@servicenow/sdk/core'
import { accuracySampleJob } from '../../server/entry/governance'

// Weekly (Monday 06:00): x_seam_bridge.accuracy.sample_size routed cases of the past 7 days go to
// the accuracy review list.
export const accuracySample = ScheduledScript({
    $id: Now.ID['job_accuracy_sample'],
    name: 'Seam: sample routed cases for accuracy review',
    active: true,
    frequency: 'weekly',
    daysOfWeek: ['monday'],
    executionTime: { hours: 6, minutes: 0, seconds: 0 },
    script: accuracySampleJob,
})
