import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { predictSlaRisk } from '../../server/entry/business-rules'

// Only when a field the model reads changes: the rule's own write (the prediction field) does
// not match, so it never re-triggers itself; the outbound rule copies the prediction to the Case.
export const slaRiskRule = BusinessRule({
    $id: Now.ID['br_sla_risk'],
    name: 'Seam: predict SLA-breach risk',
    table: 'incident',
    when: 'async',
    action: ['update'],
    filterCondition:
        'x_seam_bridge_sf_case_idISNOTEMPTY^active=true^priorityVALCHANGES^ORstateVALCHANGES^ORurgencyVALCHANGES^ORimpactVALCHANGES^ORcategoryVALCHANGES^ORassignment_groupVALCHANGES^ORreassignment_countVALCHANGES',
    order: 250,
    active: true,
    description: 'Linked open incidents: the proxy predicts the SLA-breach risk; the prediction goes to the incident (and so the Case), with a work note once per threshold crossing.',
    script: predictSlaRisk,
})
