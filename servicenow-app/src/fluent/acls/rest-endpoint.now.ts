import '@servicenow/sdk/global'
import { Acl } from '@servicenow/sdk/core'
import { adminRole, integrationRole } from '../roles/roles.now'

// The scripted REST API is callable only with the integration role (or by an admin testing it);
// no snc_internal requirement, so the integration user can be a least-privilege external user.
export const seamApiAcl = Acl({
    $id: Now.ID['acl_rest_seam_api'],
    type: 'rest_endpoint',
    name: 'x_seam_bridge.seam_api',
    operation: 'execute',
    roles: [integrationRole, adminRole],
    description: 'Execute the Seam scripted REST API (/api/x_seam_bridge/seam).',
})
