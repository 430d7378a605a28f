import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { applyReviewDecision, triageQueuedCase } from '../../server/entry/business-rules'

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

// Cases POST /v1/cases accepted after its triage budget was spent: the model call runs here, in
// the async rule's own transaction (the scheduler), never inside the REST transaction's quota.
export const queuedTriageRule = BusinessRule({
    $id: Now.ID['br_triage_queued'],
    name: 'Seam: triage an accepted case',
    table: 'x_seam_bridge_triage_review',
    when: 'async',
    action: ['insert'],
    filterCondition: 'status=queued',
    order: 100,
    active: true,
    description: 'Triages a case that POST /v1/cases accepted as triage_queued, then routes it (incident, keep, review, approval).',
    script: triageQueuedCase,
})
