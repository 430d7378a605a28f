import '@servicenow/sdk/global'
import { Role } from '@servicenow/sdk/core'

// Least privilege: the integration user can call the API and write the seam's own records,
// a reviewer can decide triage reviews, the admin configures and replays.
export const integrationRole = Role({
    name: 'x_seam_bridge.integration',
    description: 'Integration user from Salesforce: calls the Seam REST API and writes links, outbox and audit rows.',
})

export const reviewerRole = Role({
    name: 'x_seam_bridge.reviewer',
    description: 'Decides low-confidence triage reviews and high-priority transfer approvals.',
})

export const adminRole = Role({
    name: 'x_seam_bridge.admin',
    description: 'Configures Seam Bridge (properties, credentials), replays dead letters, reads the audit.',
    containsRoles: [reviewerRole],
})

// Separation of duties: connecting and operating the integration (admin) is not deciding where
// customers' cases go. Only this role changes the routing thresholds and rules, and only through
// a Seam Routing Change with a reason (audited). Not contained by x_seam_bridge.admin on purpose.
export const routingAdminRole = Role({
    name: 'x_seam_bridge.routing_admin',
    description: 'Changes the triage routing thresholds and rules (x_seam_bridge.triage.*, approval group) through Seam Routing Changes, each with a reason; every change is audited.',
})
