import '@servicenow/sdk/global'
import { Property } from '@servicenow/sdk/core'
import { adminRole } from '../roles/roles.now'

// Tier-3 escalation to a problem (src/server/escalation); read by src/server/config.ts.
const admin = { read: [adminRole], write: [adminRole] }

Property({ $id: Now.ID['prop_escalation_enabled'], name: 'x_seam_bridge.escalation.enabled', type: 'boolean', value: true, roles: admin,
    description: 'Tier-3 escalation: "Escalate to engineering" on the Case (and the model, see model_enabled) creates a ServiceNow problem, one per case.' })
Property({ $id: Now.ID['prop_escalation_model'], name: 'x_seam_bridge.escalation.model_enabled', type: 'boolean', value: false, roles: admin,
    description: 'Off by default (an admin opts in): when a comment or work note is added to a linked incident without a problem, the proxy model may propose the escalation from the conversation and attached logs (one proxy call per entry).' })
Property({ $id: Now.ID['prop_escalation_auto'], name: 'x_seam_bridge.escalation.auto_create_above', type: 'string', value: '0.8', roles: admin,
    description: 'A model escalation with confidence strictly above this creates the problem without a person (0..1).' })
Property({ $id: Now.ID['prop_escalation_review'], name: 'x_seam_bridge.escalation.review_from', type: 'string', value: '0.5', roles: admin,
    description: 'A model escalation from this confidence up to auto_create_above goes to the review queue; below it nothing happens (0..1, at most auto_create_above).' })
Property({ $id: Now.ID['prop_escalation_approval'], name: 'x_seam_bridge.escalation.approval_priorities', type: 'string', value: '1', roles: admin,
    description: 'Comma-separated incident priorities (1-5) whose escalation needs an approval, whoever asked (the approvers are those of x_seam_bridge.approval.group).' })
Property({ $id: Now.ID['prop_escalation_groups'], name: 'x_seam_bridge.escalation.engineering_groups', type: 'string', value: '', roles: admin,
    description: 'JSON: triage category → engineering group name for the problem, with "default" (empty: the shared routing rules, e.g. defect → Application Engineering, outage → Infrastructure Engineering).' })
