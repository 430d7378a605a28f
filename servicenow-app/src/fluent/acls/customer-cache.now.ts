import '@servicenow/sdk/global'
import { Acl } from '@servicenow/sdk/core'
import { adminRole } from '../roles/roles.now'

// The customer context cache is written by the server module only (GlideRecord); agents see the
// context through the incident button, so only admins may read the rows themselves.
Acl({ $id: Now.ID['acl_customer_cache_read'], type: 'record', table: 'x_seam_bridge_customer_cache', operation: 'read',
    roles: [adminRole], description: 'Read cached Salesforce customer context (admin only).' })
