import '@servicenow/sdk/global'
import { UiAction } from '@servicenow/sdk/core'
import { approveReview, rejectReview, rerouteReview } from '../../server/entry/ui-actions'
import { adminRole, reviewerRole } from '../roles/roles.now'

export const approveReviewAction = UiAction({
    $id: Now.ID['ui_review_approve'], table: 'x_seam_bridge_triage_review', name: 'Approve', actionName: 'x_seam_bridge_review_approve',
    hint: 'Create the incident from the stored Salesforce message', condition: "current.status == 'pending'", showUpdate: true,
    form: { showButton: true, style: 'primary' }, roles: [reviewerRole, adminRole], script: approveReview, order: 100,
})

export const rerouteReviewAction = UiAction({
    $id: Now.ID['ui_review_reroute'], table: 'x_seam_bridge_triage_review', name: 'Reroute', actionName: 'x_seam_bridge_review_reroute',
    hint: 'Create the incident for the group in "Reroute to group"', condition: "current.status == 'pending' && !current.reroute_group.nil()", showUpdate: true,
    form: { showButton: true }, roles: [reviewerRole, adminRole], script: rerouteReview, order: 200,
})

export const rejectReviewAction = UiAction({
    $id: Now.ID['ui_review_reject'], table: 'x_seam_bridge_triage_review', name: 'Reject', actionName: 'x_seam_bridge_review_reject',
    hint: 'Keep the case in Salesforce', condition: "current.status == 'pending'", showUpdate: true,
    form: { showButton: true, style: 'destructive' }, roles: [reviewerRole, adminRole], script: rejectReview, order: 300,
})
