import '@servicenow/sdk/global'
import { Property } from '@servicenow/sdk/core'
import { adminRole } from '../roles/roles.now'

// The drift sweep and the API budget guard; read by src/server/ops/settings.ts.
const admin = { read: [adminRole], write: [adminRole] }

Property({ $id: Now.ID['prop_reconcile_enabled'], name: 'x_seam_bridge.reconcile.enabled', type: 'boolean', value: true, roles: admin,
    description: 'Run the drift reconciliation sweep on its schedule (a run started by hand always runs).' })
Property({ $id: Now.ID['prop_reconcile_interval'], name: 'x_seam_bridge.reconcile.interval_minutes', type: 'integer', value: 360, roles: admin,
    description: 'Minutes between scheduled sweeps (5..10080). The job ticks every 5 minutes and continues an unfinished run.' })
Property({ $id: Now.ID['prop_reconcile_window'], name: 'x_seam_bridge.reconcile.window_days', type: 'integer', value: 30, roles: admin,
    description: 'Sweep only links synced within this many days (0 = every active link).' })
Property({ $id: Now.ID['prop_reconcile_batches'], name: 'x_seam_bridge.reconcile.batches_per_run', type: 'integer', value: 5, roles: admin,
    description: 'Batches of up to 200 links (one SOQL query each) per job tick (1..50).' })
Property({ $id: Now.ID['prop_budget_slow'], name: 'x_seam_bridge.budget.slow_share', type: 'string', value: '0.8', roles: admin,
    description: 'Share of the daily Salesforce API allocation (0..1) above which reconciliation and backfill slow down, with an alert.' })
Property({ $id: Now.ID['prop_budget_stop'], name: 'x_seam_bridge.budget.stop_share', type: 'string', value: '0.95', roles: admin,
    description: 'Share above which reconciliation and backfill stop; only live sync continues (never past the org limit).' })
Property({ $id: Now.ID['prop_budget_slow_calls'], name: 'x_seam_bridge.budget.slow_calls_per_run', type: 'integer', value: 1, roles: admin,
    description: 'Calls a bulk job (sweep, backfill) may make per run while slowed.' })
