import '@servicenow/sdk/global'
import { Acl } from '@servicenow/sdk/core'
import { adminRole, reviewerRole } from '../roles/roles.now'

// Status and reconciliation runs are written by server modules only; people read them.
Acl({ $id: Now.ID['acl_ops_state_read'], type: 'record', table: 'x_seam_bridge_ops_state', operation: 'read',
    roles: [adminRole, reviewerRole], description: 'Read Seam status (API usage, credential).' })
Acl({ $id: Now.ID['acl_reconcile_run_read'], type: 'record', table: 'x_seam_bridge_reconcile_run', operation: 'read',
    roles: [adminRole, reviewerRole], description: 'Read drift reconciliation runs.' })
