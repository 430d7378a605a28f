import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { syncAttachment } from '../../server/entry/business-rules'

// Files attached to incidents. The module skips unlinked incidents, files that came from
// Salesforce (their Seam attachment row) and content the link already has (SHA-256).
export const attachmentSyncRule = BusinessRule({
    $id: Now.ID['br_attachment_sync'],
    name: 'Seam: queue incident attachments for Salesforce',
    table: 'sys_attachment',
    when: 'async',
    action: ['insert'],
    filterCondition: 'table_name=incident',
    order: 200,
    active: true,
    description: 'Queues a file on a linked incident as a Salesforce ContentVersion; never sends back a file that came from Salesforce.',
    script: syncAttachment,
})
