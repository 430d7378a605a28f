import '@servicenow/sdk/global'
import { UiAction } from '@servicenow/sdk/core'
import { testConnectionAction } from '../../server/entry/ops'
import { adminRole } from '../roles/roles.now'

// "Test connection" on the Seam Status list: the result of each check (and its fix) goes to the system log.
export const testConnectionUiAction = UiAction({
    $id: Now.ID['ui_test_connection'],
    table: 'x_seam_bridge_ops_state',
    name: 'Test connection',
    actionName: 'x_seam_bridge_test_connection',
    hint: 'Check the Salesforce endpoint, the OAuth credential, the integration user permissions and the API budget',
    list: { showBannerButton: true, style: 'primary' },
    roles: [adminRole],
    script: testConnectionAction,
    order: 100,
})
