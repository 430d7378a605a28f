import '@servicenow/sdk/global'
import { Record } from '@servicenow/sdk/core'
import { adminRole, reviewerRole, routingAdminRole } from '../roles/roles.now'
import { seamMenu } from './menu.now'

Record({
    $id: Now.ID['menu_status'],
    table: 'sys_app_module',
    data: { title: 'Status (API usage, credential)', application: seamMenu, active: true, order: 150, link_type: 'LIST', name: 'x_seam_bridge_ops_state', roles: [adminRole, reviewerRole] },
})

Record({
    $id: Now.ID['menu_reconcile_runs'],
    table: 'sys_app_module',
    data: { title: 'Reconciliation runs', application: seamMenu, active: true, order: 550, link_type: 'LIST', name: 'x_seam_bridge_reconcile_run', roles: [adminRole, reviewerRole] },
})

Record({
    $id: Now.ID['menu_metric_snapshots'],
    table: 'sys_app_module',
    data: { title: 'Routing metrics (daily)', application: seamMenu, active: true, order: 160, link_type: 'LIST', name: 'x_seam_bridge_metric_snapshot', filter: 'ORDERBYDESCtaken_at', roles: [adminRole, reviewerRole] },
})

Record({
    $id: Now.ID['menu_accuracy_reviews'],
    table: 'sys_app_module',
    data: { title: 'Accuracy reviews (to mark)', application: seamMenu, active: true, order: 170, link_type: 'FILTER', name: 'x_seam_bridge_accuracy_review', filter: 'verdict=pending^ORDERBYDESCweek', roles: [adminRole, reviewerRole] },
})

// Routing admins create a change here (New); everyone with read access sees the history.
Record({
    $id: Now.ID['menu_routing_changes'],
    table: 'sys_app_module',
    data: { title: 'Routing changes', application: seamMenu, active: true, order: 180, link_type: 'LIST', name: 'x_seam_bridge_routing_change', filter: 'ORDERBYDESCsys_created_on', roles: [routingAdminRole, adminRole] },
})
