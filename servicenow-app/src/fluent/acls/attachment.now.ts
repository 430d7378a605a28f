import '@servicenow/sdk/global'
import { Acl } from '@servicenow/sdk/core'
import { adminRole, integrationRole, reviewerRole } from '../roles/roles.now'

// Files that crossed the seam: reviewers may look, the integration and admins may write.
Acl({ $id: Now.ID['acl_attachment_read'], type: 'record', table: 'x_seam_bridge_attachment', operation: 'read',
    roles: [adminRole, integrationRole, reviewerRole], description: 'Read the files that crossed the seam.' })
Acl({ $id: Now.ID['acl_attachment_write'], type: 'record', table: 'x_seam_bridge_attachment', operation: 'write',
    roles: [adminRole, integrationRole], description: 'Update file delivery rows (replay a dead letter).' })
Acl({ $id: Now.ID['acl_attachment_create'], type: 'record', table: 'x_seam_bridge_attachment', operation: 'create',
    roles: [adminRole, integrationRole], description: 'Record a file that crossed the seam.' })
