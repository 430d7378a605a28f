import '@servicenow/sdk/global'
import { Acl } from '@servicenow/sdk/core'
import { adminRole, routingAdminRole } from '../roles/roles.now'

// Only the routing admin proposes a routing change; admins read the history; nobody edits or
// deletes one (the platform admin role passes every ACL, as always).
Acl({ $id: Now.ID['acl_routing_change_create'], type: 'record', table: 'x_seam_bridge_routing_change', operation: 'create',
    roles: [routingAdminRole], description: 'Change a routing threshold or rule (with a reason).' })
Acl({ $id: Now.ID['acl_routing_change_read'], type: 'record', table: 'x_seam_bridge_routing_change', operation: 'read',
    roles: [routingAdminRole, adminRole], description: 'Read the routing change history.' })
Acl({ $id: Now.ID['acl_routing_change_write'], type: 'record', table: 'x_seam_bridge_routing_change', operation: 'write',
    roles: ['admin'], description: 'Routing changes are history: only the platform admin may edit one.' })
Acl({ $id: Now.ID['acl_routing_change_delete'], type: 'record', table: 'x_seam_bridge_routing_change', operation: 'delete',
    roles: ['admin'], description: 'Routing changes are history: only the platform admin may delete one.' })
