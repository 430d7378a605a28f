import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { notifyMajorIncident } from '../../server/entry/business-rules'

export const majorIncidentRule = BusinessRule({
    $id: Now.ID['br_major_incident'],
    name: 'Seam: draft major incident notices',
    table: 'incident',
    when: 'async',
    action: ['insert', 'update'],
    filterCondition: 'priorityCHANGESTO1',
    order: 300,
    active: true,
    description: 'P1 on a customer-facing service: account notices drafted by the proxy, queued as Salesforce Tasks.',
    script: notifyMajorIncident,
})
