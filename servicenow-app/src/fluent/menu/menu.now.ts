import '@servicenow/sdk/global'
import { ApplicationMenu, Record } from '@servicenow/sdk/core'
import { adminRole, reviewerRole, routingAdminRole } from '../roles/roles.now'

export const seamMenu = ApplicationMenu({
    $id: Now.ID['menu_seam_bridge'],
    title: 'Seam Bridge',
    hint: 'Salesforce <-> ServiceNow sync: links, outbox, reviews, audit, settings',
    description: 'Administration of the Seam Bridge integration.',
    roles: [adminRole, reviewerRole, routingAdminRole],
    active: true,
})

Record({
    $id: Now.ID['menu_reviews'],
    table: 'sys_app_module',
    data: { title: 'Triage reviews (open)', application: seamMenu, active: true, order: 100, link_type: 'FILTER', name: 'x_seam_bridge_triage_review', filter: 'statusINpending,approval_pending', roles: [reviewerRole, adminRole] },
})

Record({
    $id: Now.ID['menu_links'],
    table: 'sys_app_module',
    data: { title: 'Links', application: seamMenu, active: true, order: 200, link_type: 'LIST', name: 'x_seam_bridge_link', roles: [reviewerRole, adminRole] },
})

Record({
    $id: Now.ID['menu_outbox'],
    table: 'sys_app_module',
    data: { title: 'Outbox', application: seamMenu, active: true, order: 300, link_type: 'LIST', name: 'x_seam_bridge_outbox', roles: [adminRole] },
})

Record({
    $id: Now.ID['menu_dead_letters'],
    table: 'sys_app_module',
    data: { title: 'Dead letters', application: seamMenu, active: true, order: 400, link_type: 'FILTER', name: 'x_seam_bridge_outbox', filter: 'status=dead_letter', roles: [adminRole] },
})

Record({
    $id: Now.ID['menu_held'],
    table: 'sys_app_module',
    data: { title: 'Held for approval', application: seamMenu, active: true, order: 450, link_type: 'FILTER', name: 'x_seam_bridge_outbox', filter: 'status=held', roles: [adminRole] },
})

Record({
    $id: Now.ID['menu_audit'],
    table: 'sys_app_module',
    data: { title: 'Audit', application: seamMenu, active: true, order: 500, link_type: 'LIST', name: 'x_seam_bridge_audit', roles: [adminRole, reviewerRole] },
})

Record({
    $id: Now.ID['menu_properties'],
    table: 'sys_app_module',
    data: { title: 'Properties', application: seamMenu, active: true, order: 600, link_type: 'FILTER', name: 'sys_properties', filter: 'nameSTARTSWITHx_seam_bridge.', roles: [adminRole] },
})
