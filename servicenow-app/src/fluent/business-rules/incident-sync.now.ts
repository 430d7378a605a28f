import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { syncIncidentChange } from '../../server/entry/business-rules'

// Async: the agent's save never waits for the change decision or the outbox insert.
export const incidentSyncRule = BusinessRule({
    $id: Now.ID['br_incident_sync'],
    name: 'Seam: queue incident changes for Salesforce',
    table: 'incident',
    when: 'async',
    action: ['insert', 'update'],
    filterCondition: 'x_seam_bridge_sf_case_idISNOTEMPTY',
    order: 200,
    active: true,
    description: 'Linked incidents only. Runs the shared change decision and queues an Incident_Update__e in the outbox.',
    script: syncIncidentChange,
})
