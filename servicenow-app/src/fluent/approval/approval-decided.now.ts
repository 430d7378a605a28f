import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { applyApprovalDecision } from '../../server/entry/business-rules'

// High-priority transfers are approved through sysapproval_approver rows (one per approver),
// created by src/server/triage/approval.ts; the first decision sets the triage review's status.
export const approvalDecidedRule = BusinessRule({
    $id: Now.ID['br_approval_decided'],
    name: 'Seam: apply transfer approval',
    table: 'sysapproval_approver',
    when: 'after',
    action: ['update'],
    filterCondition: 'source_table=x_seam_bridge_triage_review^stateVALCHANGES',
    order: 100,
    active: true,
    description: 'Approved: the triage review becomes approved and the incident is created. Rejected: the review is rejected.',
    script: applyApprovalDecision,
})
