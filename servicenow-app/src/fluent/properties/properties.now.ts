import '@servicenow/sdk/global'
import { Property } from '@servicenow/sdk/core'
import { adminRole, routingAdminRole } from '../roles/roles.now'

// Every knob an admin may turn. Names are read by src/server/config.ts (PROPERTY), which
// parses and validates them once per transaction.
const admin = { read: [adminRole], write: [adminRole] }
// The routing properties (triage.*, approval.group) change only through a Seam Routing Change
// (reason + audit, src/fluent/tables/routing-change.now.ts): no app role writes them directly;
// the platform admin keeps the platform's break-glass access, as on every property.
const routing = { read: [adminRole, routingAdminRole], write: ['admin'] }

Property({ $id: Now.ID['prop_sync_enabled'], name: 'x_seam_bridge.sync.enabled', type: 'boolean', value: true, roles: admin,
    description: 'Master switch: when false, incident changes are not queued for Salesforce and the outbox is not drained.' })
Property({ $id: Now.ID['prop_inbound_enabled'], name: 'x_seam_bridge.inbound.enabled', type: 'boolean', value: true, roles: admin,
    description: 'When false, the REST API answers 503 and writes nothing.' })
Property({ $id: Now.ID['prop_triage_enabled'], name: 'x_seam_bridge.triage.enabled', type: 'boolean', value: true, roles: routing,
    description: 'Send new cases to the proxy for triage before creating an incident.' })
Property({ $id: Now.ID['prop_resolution_enabled'], name: 'x_seam_bridge.resolution.enabled', type: 'boolean', value: true, roles: admin,
    description: 'Draft a customer-facing resolution summary when a linked incident is resolved.' })
Property({ $id: Now.ID['prop_resolution_approval'], name: 'x_seam_bridge.resolution.require_approval', type: 'boolean', value: true, roles: admin,
    description: 'Hold AI resolution summaries in the outbox (status Held) until an admin releases them.' })
Property({ $id: Now.ID['prop_major_enabled'], name: 'x_seam_bridge.major_incident.enabled', type: 'boolean', value: true, roles: admin,
    description: 'On a P1 incident on a customer-facing service, draft account notices as Salesforce tasks.' })
Property({ $id: Now.ID['prop_major_services'], name: 'x_seam_bridge.major_incident.customer_facing_services', type: 'string', value: '', roles: admin,
    description: 'Comma-separated sys_ids of customer-facing services/CIs (cmdb_ci or business_service). Empty: no incident counts as customer-facing.' })
Property({ $id: Now.ID['prop_sla_risk_enabled'], name: 'x_seam_bridge.sla_risk.enabled', type: 'boolean', value: true, roles: admin,
    description: 'Ask the proxy for the predicted SLA-breach risk of a linked open incident when its priority, state, urgency, impact, category, assignment group or reassignment count changes; the prediction goes to the Case.' })
Property({ $id: Now.ID['prop_sla_risk_threshold'], name: 'x_seam_bridge.sla_risk.alert_threshold', type: 'string', value: '', roles: admin,
    description: 'Predicted risk (0..1) from which a work note is added, once per crossing, and the band is high. Empty: the model\'s own threshold (chosen when it was trained).' })
Property({ $id: Now.ID['prop_sla_risk_sweep_stale'], name: 'x_seam_bridge.sla_risk.sweep_stale_minutes', type: 'integer', value: 60, roles: admin,
    description: 'The SLA-risk re-assess sweep (every 15 minutes) asks again for linked open incidents not updated for this many minutes, whose risk grows while nobody touches them (0..10080; 0 = every linked open incident each run).' })
Property({ $id: Now.ID['prop_sla_risk_sweep_batch'], name: 'x_seam_bridge.sla_risk.sweep_batch', type: 'integer', value: 100, roles: admin,
    description: 'At most this many incidents (one proxy call each) per sweep run, oldest update first; the next run continues where this one stopped (1..500).' })

Property({ $id: Now.ID['prop_alerts_enabled'], name: 'x_seam_bridge.alerts.enabled', type: 'boolean', value: true, roles: admin,
    description: 'Sev-1 on a high-value account: when a linked incident changes to priority 1 and the account contract value is at least alerts.high_value_from, the Incident_Update__e tells Salesforce to create a Task for the account owner, and one chat message is posted to alerts.webhook_url.' })
Property({ $id: Now.ID['prop_alerts_high_value'], name: 'x_seam_bridge.alerts.high_value_from', type: 'string', value: '100000', roles: admin,
    description: 'Account contract value (Account.Seam_Contract_Value__c, synced to x_seam_bridge_contract_value) from which a P1 alerts the account team.' })
Property({ $id: Now.ID['prop_alerts_webhook_url'], name: 'x_seam_bridge.alerts.webhook_url', type: 'password2', value: '', roles: admin,
    description: 'Incoming-webhook URL of the chat channel (Slack incoming webhook or Teams Workflows/incoming webhook). A secret: stored encrypted, never logged or audited. Empty: no chat post.' })
Property({ $id: Now.ID['prop_alerts_format'], name: 'x_seam_bridge.alerts.format', type: 'string', value: 'slack', roles: admin,
    description: 'Payload format of the webhook: slack (text + Block Kit blocks) or teams (message with an Adaptive Card).' })

Property({ $id: Now.ID['prop_proxy_url'], name: 'x_seam_bridge.proxy.url', type: 'string', value: 'https://seam-proxy.example.com', roles: admin,
    description: 'Base URL of the Seam LLM proxy (no trailing slash).' })
Property({ $id: Now.ID['prop_proxy_key'], name: 'x_seam_bridge.proxy.api_key', type: 'password2', value: '', roles: admin,
    description: 'Bearer secret for the proxy (the ServiceNow per-platform secret). Set on the instance, never in source.' })
Property({ $id: Now.ID['prop_sf_url'], name: 'x_seam_bridge.salesforce.instance_url', type: 'string', value: 'https://example.my.salesforce.com', roles: admin,
    description: 'Salesforce My Domain URL, e.g. https://acme.my.salesforce.com (no trailing slash).' })
Property({ $id: Now.ID['prop_sf_version'], name: 'x_seam_bridge.salesforce.api_version', type: 'string', value: 'v62.0', roles: admin,
    description: 'Salesforce REST API version used for composite, query and sObject calls.' })

Property({ $id: Now.ID['prop_triage_review_below'], name: 'x_seam_bridge.triage.review_below', type: 'string', value: '0.5', roles: routing,
    description: 'Triage results with model confidence below this (0..1) always go to the triage review queue.' })
Property({ $id: Now.ID['prop_triage_auto_create'], name: 'x_seam_bridge.triage.auto_create_above', type: 'string', value: '0.8', roles: routing,
    description: 'A "route to ServiceNow" result creates the incident automatically only above this confidence (0..1).' })
Property({ $id: Now.ID['prop_triage_approval_prios'], name: 'x_seam_bridge.triage.approval_priorities', type: 'string', value: '1,2', roles: routing,
    description: 'Comma-separated incident priorities (1 = Critical .. 5 = Planning) whose transfer always needs an approval.' })
Property({ $id: Now.ID['prop_approval_group'], name: 'x_seam_bridge.approval.group', type: 'string', value: '', roles: routing,
    description: 'Group (sys_id or name) whose members approve high-priority transfers. Empty: users holding x_seam_bridge.reviewer. With nobody to ask, transfers wait in the review queue as pending.' })

Property({ $id: Now.ID['prop_batch_size'], name: 'x_seam_bridge.outbox.batch_size', type: 'integer', value: 200, roles: admin,
    description: 'Messages sent per Salesforce sObject Collections call (1..200).' })
Property({ $id: Now.ID['prop_batches_per_run'], name: 'x_seam_bridge.outbox.batches_per_run', type: 'integer', value: 5, roles: admin,
    description: 'Collections calls per scheduled run, so one run stays short.' })
Property({ $id: Now.ID['prop_outbox_debounce'], name: 'x_seam_bridge.outbox.debounce_ms', type: 'integer', value: 1000, roles: admin,
    description: 'Event-driven send: the first queued message schedules a one-time drain this many ms later (0..300000); it sends everything queued by then, up to 200 per call. A burst of 1,000 updates costs about 5 calls instead of 1,000, and no update waits longer than this plus one drain. 0 = send at once, one call per update.' })
Property({ $id: Now.ID['prop_outbox_receipt_window'], name: 'x_seam_bridge.outbox.receipt_window_seconds', type: 'integer', value: 600, roles: admin,
    description: 'Receipts: a pushed incident update whose message id Salesforce has not audited this many seconds after it was sent is republished (same message id, newer version, current values, its comments), up to 3 times, then dead-lettered (0..86400; 0 = off). The integration user must be able to read the Seam_Audit__c rows the Incident_Update__e trigger writes.' })
Property({ $id: Now.ID['prop_max_attempts'], name: 'x_seam_bridge.outbox.max_attempts', type: 'integer', value: 8, roles: admin,
    description: 'After this many failed attempts a message becomes a dead letter.' })
Property({ $id: Now.ID['prop_backoff_base'], name: 'x_seam_bridge.outbox.backoff_base_seconds', type: 'integer', value: 30, roles: admin,
    description: 'First retry delay; doubles on every attempt (with jitter).' })
Property({ $id: Now.ID['prop_backoff_max'], name: 'x_seam_bridge.outbox.backoff_max_seconds', type: 'integer', value: 3600, roles: admin,
    description: 'Upper bound of the retry delay.' })

Property({ $id: Now.ID['prop_knowledge_enabled'], name: 'x_seam_bridge.knowledge.enabled', type: 'boolean', value: true, roles: admin,
    description: 'Show the "Suggest knowledge (AI)" and "Add knowledge answer to work notes (AI)" buttons on the incident (answers from the proxy\'s knowledge index).' })
Property({ $id: Now.ID['prop_knowledge_learn'], name: 'x_seam_bridge.knowledge.learn_from_resolutions', type: 'boolean', value: true, roles: admin,
    description: 'When a linked incident is resolved, store its resolution as a CASE_SUMMARY document in the knowledge index (masked by the proxy).' })
Property({ $id: Now.ID['prop_inbound_triage_budget'], name: 'x_seam_bridge.inbound.triage_budget_ms', type: 'integer', value: 20000, roles: admin,
    description: 'Milliseconds one POST /v1/cases may spend on triage calls (0..40000). Cases left when it is spent are answered triage_queued and triaged by an async rule, so a slow model never runs the request past the REST transaction quota (60 s) or the Salesforce callout timeout (60 s). 0 = triage every new case asynchronously.' })
Property({ $id: Now.ID['prop_proxy_timeout'], name: 'x_seam_bridge.proxy.timeout_ms', type: 'integer', value: 20000, roles: admin,
    description: 'HTTP timeout of one proxy call in milliseconds (1000..120000). With inbound.triage_budget_ms it bounds a POST /v1/cases to budget + one call.' })
Property({ $id: Now.ID['prop_salesforce_delivery'], name: 'x_seam_bridge.salesforce.delivery', type: 'string', value: 'push', roles: admin,
    description: 'How incident updates reach Salesforce: push (default: the outbox drain publishes Incident_Update__e) or poll (for instances that may not call out: updates wait in the outbox as Awaiting pull and the Salesforce package\'s SeamChangesPoller reads them from GET /api/x_seam_bridge/seam/v1/changes; the drain never sends them, so nothing travels twice). Turn on the poller in Salesforce (Seam Polling custom setting) in the same change.' })
Property({ $id: Now.ID['prop_poll_settle'], name: 'x_seam_bridge.poll.settle_seconds', type: 'integer', value: 2, roles: admin,
    description: 'Delivery poll: the changes feed serves only rows older than this many seconds (0..300), so a row written late in a second (or by a node whose clock is a little behind) is never left behind the cursor.' })
Property({ $id: Now.ID['prop_salesforce_mid'], name: 'x_seam_bridge.salesforce.mid_server', type: 'string', value: '', roles: admin,
    description: 'Name of the MID Server that calls Salesforce for this instance (RESTMessageV2.setMIDServer), for instances that may not call the internet directly. Empty = call directly. The MID Server must be Up and reach https://<my-domain>.my.salesforce.com.' })
Property({ $id: Now.ID['prop_proxy_mid'], name: 'x_seam_bridge.proxy.mid_server', type: 'string', value: '', roles: admin,
    description: 'Name of the MID Server that calls the Seam proxy (RESTMessageV2.setMIDServer). Empty = call directly.' })
