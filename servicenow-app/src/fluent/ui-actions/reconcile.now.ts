import '@servicenow/sdk/global'
import { UiAction } from '@servicenow/sdk/core'
import { startReconcileAction } from '../../server/entry/ops'
import { adminRole } from '../roles/roles.now'

export const startReconcileUiAction = UiAction({
    $id: Now.ID['ui_reconcile_start'],
    table: 'x_seam_bridge_reconcile_run',
    name: 'Run reconciliation now',
    actionName: 'x_seam_bridge_reconcile_now',
    hint: 'Start a drift sweep of every active link now (or continue the active one)',
    list: { showBannerButton: true, style: 'primary' },
    roles: [adminRole],
    script: startReconcileAction,
    order: 100,
})
