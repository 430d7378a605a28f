import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { syncJournalEntry } from '../../server/entry/business-rules'

// Customer-visible comments of incidents; work notes (element work_notes) never leave ServiceNow.
export const journalSyncRule = BusinessRule({
    $id: Now.ID['br_journal_sync'],
    name: 'Seam: queue customer comments for Salesforce',
    table: 'sys_journal_field',
    when: 'async',
    action: ['insert'],
    filterCondition: 'name=incident^element=comments',
    order: 200,
    active: true,
    description: 'Comments tagged as coming from Salesforce are skipped by the shared decision (no echo).',
    script: syncJournalEntry,
})
