import '@servicenow/sdk/global'
import { Property } from '@servicenow/sdk/core'
import { adminRole } from '../roles/roles.now'

// The routing metrics window and the triage drift alert; read by src/server/governance/settings.ts.
const admin = { read: [adminRole], write: [adminRole] }

Property({ $id: Now.ID['prop_metrics_window'], name: 'x_seam_bridge.metrics.window_days', type: 'integer', value: 30, roles: admin,
    description: 'Days of audit, link and review rows the routing metrics on GET /v1/metrics are computed from (1..3650).' })
Property({ $id: Now.ID['prop_drift_enabled'], name: 'x_seam_bridge.drift.enabled', type: 'boolean', value: true, roles: admin,
    description: 'After each triage, compare the latest window of triage answers with the baseline window before it and alert once per episode.' })
Property({ $id: Now.ID['prop_drift_window'], name: 'x_seam_bridge.drift.window_size', type: 'integer', value: 50, roles: admin,
    description: 'Triaged tickets in the rolling window (5..5000).' })
Property({ $id: Now.ID['prop_drift_baseline'], name: 'x_seam_bridge.drift.baseline_size', type: 'integer', value: 200, roles: admin,
    description: 'Triaged tickets in the baseline window just before the rolling one (5..20000).' })
Property({ $id: Now.ID['prop_drift_confidence_drop'], name: 'x_seam_bridge.drift.confidence_drop', type: 'string', value: '0.15', roles: admin,
    description: 'Alert when the mean triage confidence of the window is this much below the baseline (0..1).' })
Property({ $id: Now.ID['prop_drift_review_rise'], name: 'x_seam_bridge.drift.review_share_rise', type: 'string', value: '0.2', roles: admin,
    description: 'Alert when the share of tickets sent to review rises by this much over the baseline (0..1).' })
Property({ $id: Now.ID['prop_drift_unknown_below'], name: 'x_seam_bridge.drift.unknown_below', type: 'string', value: '0.75', roles: admin,
    description: 'A ticket whose triage confidence is below this is close to no class (a new, unhandled issue type).' })
Property({ $id: Now.ID['prop_drift_unknown_rise'], name: 'x_seam_bridge.drift.unknown_share_rise', type: 'string', value: '0.25', roles: admin,
    description: 'Alert when the share of tickets close to no class rises by this much over the baseline (0..1).' })
Property({ $id: Now.ID['prop_accuracy_sample'], name: 'x_seam_bridge.accuracy.sample_size', type: 'integer', value: 20, roles: admin,
    description: 'Routed cases sampled each week into Seam Accuracy Reviews for a reviewer to mark right or wrong (0..1000; 0 stops sampling).' })
