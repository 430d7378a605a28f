import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { draftResolutionSummary } from '../../server/entry/business-rules'

export const resolutionRule = BusinessRule({
    $id: Now.ID['br_resolution_summary'],
    name: 'Seam: draft resolution summary for the case',
    table: 'incident',
    when: 'async',
    action: ['update'],
    filterCondition: 'stateCHANGESTO6^x_seam_bridge_sf_case_idISNOTEMPTY',
    order: 300,
    active: true,
    description: 'On resolve, the proxy drafts a customer-facing summary (AI-labelled), queued or held in the outbox.',
    script: draftResolutionSummary,
})
