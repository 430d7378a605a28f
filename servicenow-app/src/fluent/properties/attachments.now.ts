import '@servicenow/sdk/global'
import { Property } from '@servicenow/sdk/core'
import { adminRole } from '../roles/roles.now'

// Read by src/server/attachments/attachments.ts (attachmentSettings), parsed by the shared
// parseAttachmentPolicy; a bad value is logged and the default used.
const admin = { read: [adminRole], write: [adminRole] }

Property({ $id: Now.ID['prop_attachments_enabled'], name: 'x_seam_bridge.attachments.enabled', type: 'boolean', value: true, roles: admin,
    description: 'Mirror files added to linked incidents and Cases (both ways).' })
Property({ $id: Now.ID['prop_attachments_max_bytes'], name: 'x_seam_bridge.attachments.max_bytes', type: 'integer', value: 5242880, roles: admin,
    description: 'Largest file mirrored, in bytes (default 5 MB; base64 makes the request a third larger, and ServiceNow REST bodies default to 10 MB).' })
Property({ $id: Now.ID['prop_attachments_types'], name: 'x_seam_bridge.attachments.allowed_types', type: 'string', value: '', roles: admin,
    description: 'Comma-separated file extensions to mirror, e.g. pdf,txt,log,png. Empty: every type except executables and scripts.' })
