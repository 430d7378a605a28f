import '@servicenow/sdk/global'
import { UiAction } from '@servicenow/sdk/core'
import { showCustomerContext, showProblemCustomerContext } from '../../server/entry/ui-actions'

// On demand, read-only: the Salesforce side of the incident's customer as a form message. A
// button, not a related list: the context is one SOQL call that the agent asks for, not a read
// every form load would make against the org's API allocation.
export const customerContextAction = UiAction({
    $id: Now.ID['ui_incident_customer_context'],
    table: 'incident',
    name: 'Customer context (Salesforce)',
    actionName: 'x_seam_bridge_customer_context',
    hint: 'Account, contract value, entitlements and SLA, open cases of the linked case\'s customer, read from Salesforce',
    condition: "!current.x_seam_bridge_sf_case_id.nil()",
    showUpdate: true,
    form: { showButton: true },
    roles: ['itil'],
    script: showCustomerContext,
    order: 420,
})

// The same context on a problem a tier-3 escalation created from a case (its Seam case fields).
export const problemCustomerContextAction = UiAction({
    $id: Now.ID['ui_problem_customer_context'],
    table: 'problem',
    name: 'Customer context (Salesforce)',
    actionName: 'x_seam_bridge_problem_customer_context',
    hint: 'Account, contract value, entitlements and SLA, open cases of the escalated case\'s customer, read from Salesforce',
    condition: "!current.x_seam_bridge_sf_case_id.nil()",
    showUpdate: true,
    form: { showButton: true },
    roles: ['itil'],
    script: showProblemCustomerContext,
    order: 420,
})
