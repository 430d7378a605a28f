import '@servicenow/sdk/global'
import { Acl } from '@servicenow/sdk/core'
import { adminRole, integrationRole, reviewerRole } from '../roles/roles.now'

// Server modules write through GlideRecord (no ACL check); these ACLs govern the UI and the
// Table API, so a person sees only what their role needs. The audit has no write ACL at all.

// ---- link ------------------------------------------------------------------------------
Acl({ $id: Now.ID['acl_link_read'], type: 'record', table: 'x_seam_bridge_link', operation: 'read',
    roles: [adminRole, integrationRole, reviewerRole], description: 'Read Case <-> incident links.' })
Acl({ $id: Now.ID['acl_link_write'], type: 'record', table: 'x_seam_bridge_link', operation: 'write',
    roles: [adminRole, integrationRole], description: 'Update links (integration and admin only).' })
Acl({ $id: Now.ID['acl_link_create'], type: 'record', table: 'x_seam_bridge_link', operation: 'create',
    roles: [adminRole, integrationRole], description: 'Create links (integration and admin only).' })
Acl({ $id: Now.ID['acl_link_delete'], type: 'record', table: 'x_seam_bridge_link', operation: 'delete',
    roles: [adminRole], description: 'Delete links (admin only).' })

// ---- outbox / dead letter -----------------------------------------------------------------
Acl({ $id: Now.ID['acl_outbox_read'], type: 'record', table: 'x_seam_bridge_outbox', operation: 'read',
    roles: [adminRole, integrationRole], description: 'Read outbound messages and dead letters.' })
Acl({ $id: Now.ID['acl_outbox_write'], type: 'record', table: 'x_seam_bridge_outbox', operation: 'write',
    roles: [adminRole], description: 'Replay or release outbound messages (admin only).' })
Acl({ $id: Now.ID['acl_outbox_create'], type: 'record', table: 'x_seam_bridge_outbox', operation: 'create',
    roles: [adminRole, integrationRole], description: 'Enqueue outbound messages.' })
Acl({ $id: Now.ID['acl_outbox_delete'], type: 'record', table: 'x_seam_bridge_outbox', operation: 'delete',
    roles: [adminRole], description: 'Purge outbound messages (admin only).' })

// ---- audit: append-only ---------------------------------------------------------------------
Acl({ $id: Now.ID['acl_audit_read'], type: 'record', table: 'x_seam_bridge_audit', operation: 'read',
    roles: [adminRole, reviewerRole], description: 'Read the cross-system write audit.' })
Acl({ $id: Now.ID['acl_audit_create'], type: 'record', table: 'x_seam_bridge_audit', operation: 'create',
    roles: [adminRole, integrationRole], description: 'Append audit rows.' })

// ---- triage review ------------------------------------------------------------------------------
Acl({ $id: Now.ID['acl_review_read'], type: 'record', table: 'x_seam_bridge_triage_review', operation: 'read',
    roles: [adminRole, reviewerRole, integrationRole], description: 'Read triage reviews.' })
Acl({ $id: Now.ID['acl_review_write'], type: 'record', table: 'x_seam_bridge_triage_review', operation: 'write',
    roles: [adminRole, reviewerRole], description: 'Approve, reroute or reject a triage review.' })
Acl({ $id: Now.ID['acl_review_create'], type: 'record', table: 'x_seam_bridge_triage_review', operation: 'create',
    roles: [adminRole, integrationRole], description: 'Queue a triage review.' })
Acl({ $id: Now.ID['acl_review_delete'], type: 'record', table: 'x_seam_bridge_triage_review', operation: 'delete',
    roles: [adminRole], description: 'Delete triage reviews (admin only).' })

// ---- routing metrics snapshots: written by the job only ------------------------------------
Acl({ $id: Now.ID['acl_metric_snapshot_read'], type: 'record', table: 'x_seam_bridge_metric_snapshot', operation: 'read',
    roles: [adminRole, reviewerRole], description: 'Read the daily routing metrics.' })

// ---- accuracy reviews: reviewers mark verdicts; the job samples ----------------------------
Acl({ $id: Now.ID['acl_accuracy_read'], type: 'record', table: 'x_seam_bridge_accuracy_review', operation: 'read',
    roles: [adminRole, reviewerRole], description: 'Read the weekly accuracy review sample.' })
Acl({ $id: Now.ID['acl_accuracy_write'], type: 'record', table: 'x_seam_bridge_accuracy_review', operation: 'write',
    roles: [adminRole, reviewerRole], description: 'Mark a sampled routing right or wrong, with a note.' })

// ---- knowledge suggestions: written by the "Suggest knowledge (AI)" action (server side); agents read them
Acl({ $id: Now.ID['acl_kb_suggestion_read'], type: 'record', table: 'x_seam_bridge_kb_suggestion', operation: 'read',
    roles: ['itil', adminRole], description: 'Read the knowledge suggestions shown for an incident.' })
Acl({ $id: Now.ID['acl_kb_suggestion_create'], type: 'record', table: 'x_seam_bridge_kb_suggestion', operation: 'create',
    roles: [adminRole], description: 'Suggestions are written by the server action; by hand, admin only.' })
Acl({ $id: Now.ID['acl_kb_suggestion_write'], type: 'record', table: 'x_seam_bridge_kb_suggestion', operation: 'write',
    roles: [adminRole], description: 'Suggestions are what the agent was shown; by hand, admin only.' })
Acl({ $id: Now.ID['acl_kb_suggestion_delete'], type: 'record', table: 'x_seam_bridge_kb_suggestion', operation: 'delete',
    roles: [adminRole], description: 'Delete knowledge suggestions (admin only).' })
