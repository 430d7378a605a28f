import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { applyRoutingChangeRule } from '../../server/entry/business-rules'

// Before insert, so a refused change aborts the insert itself: no row, no property change.
export const routingChangeRule = BusinessRule({
    $id: Now.ID['br_routing_change'],
    name: 'Seam: apply routing change',
    table: 'x_seam_bridge_routing_change',
    when: 'before',
    action: ['insert'],
    order: 100,
    active: true,
    description: 'Validates the new routing value with the app\'s parser, sets the property, and audits who, old, new and why; a bad value aborts with the field and the fix.',
    script: applyRoutingChangeRule,
})
