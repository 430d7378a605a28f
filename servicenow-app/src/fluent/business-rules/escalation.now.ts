import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { assessEscalationOnEntry, syncProblemChange } from '../../server/entry/business-rules'

// Problem → Case: a change of an escalated problem (state, known error, workaround, fix notes,
// escalation status) becomes one Incident_Update__e through the ownership map and the outbox.
export const problemSyncRule = BusinessRule({
    $id: Now.ID['br_problem_sync'],
    name: 'Seam: sync escalated problem to Case',
    table: 'problem',
    when: 'async',
    action: ['insert', 'update'],
    filterCondition: 'x_seam_bridge_sf_case_idISNOTEMPTY',
    order: 200,
    active: true,
    description: 'Problems created by a Seam tier-3 escalation: the ServiceNow-owned problem fields go to the Case (shared ownership map).',
    script: syncProblemChange,
})

// Trigger B: a new comment or work note on a linked incident without a problem → the model
// reads the conversation and the attached logs (proxy /v1/escalation) and the shared policy decides.
export const escalationAssessRule = BusinessRule({
    $id: Now.ID['br_escalation_assess'],
    name: 'Seam: assess tier-3 escalation',
    table: 'sys_journal_field',
    when: 'async',
    action: ['insert'],
    filterCondition: 'name=incident^elementINcomments,work_notes',
    order: 300,
    active: true,
    description: 'Asks the model whether the linked case needs engineering (a problem); low confidence goes to the review queue, high risk to approval.',
    script: assessEscalationOnEntry,
})
