import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { applyReviewDecision } from '../../server/entry/business-rules'

export const reviewDecisionRule = BusinessRule({
    $id: Now.ID['br_review_decided'],
    name: 'Seam: apply triage review decision',
    table: 'x_seam_bridge_triage_review',
    when: 'async',
    action: ['update'],
    filterCondition: 'statusVALCHANGES^statusINapproved,rerouted,rejected',
    order: 100,
    active: true,
    description: 'Approved or rerouted reviews create the incident from the stored Salesforce message.',
    script: applyReviewDecision,
})
