import '@servicenow/sdk/global'
import { Property } from '@servicenow/sdk/core'
import { adminRole } from '../roles/roles.now'

// The incident button "Customer context (Salesforce)"; read by src/server/config.ts.
const admin = { read: [adminRole], write: [adminRole] }

Property({ $id: Now.ID['prop_customer_context_cache'], name: 'x_seam_bridge.customer_context.cache_seconds', type: 'integer', value: 300, roles: admin,
    description: 'Seconds a fetched Salesforce customer context (account, value, entitlements, open cases) is shown from the cache before Salesforce is asked again (0..3600; 0 = ask every time, one API call per press).' })
