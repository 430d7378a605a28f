import '@servicenow/sdk/global'
import { ScheduledScript } from '@servicenow/sdk/core'
import { sendAttachmentsJob } from '../../server/entry/attachments'

// Every minute: send queued files as ContentVersions, one call each, with the outbox's backoff.
export const attachmentSendJob = ScheduledScript({
    $id: Now.ID['job_attachment_send'],
    name: 'Seam: send incident attachments to Salesforce',
    active: true,
    frequency: 'periodically',
    executionInterval: { minutes: 1 },
    script: sendAttachmentsJob,
})
