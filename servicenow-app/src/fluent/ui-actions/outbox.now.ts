import '@servicenow/sdk/global'
import { UiAction } from '@servicenow/sdk/core'
import { replayAllDeadLetters, replayMessage } from '../../server/entry/ui-actions'
import { adminRole } from '../roles/roles.now'

export const replayAction = UiAction({
    $id: Now.ID['ui_outbox_replay'],
    table: 'x_seam_bridge_outbox',
    name: 'Replay',
    actionName: 'x_seam_bridge_replay',
    hint: 'Send this message again with a fresh attempt budget (also releases a held message)',
    condition: "current.status == 'dead_letter' || current.status == 'failed' || current.status == 'held'",
    showUpdate: true,
    form: { showButton: true, style: 'primary' },
    list: { showListChoice: true },
    roles: [adminRole],
    script: replayMessage,
    order: 100,
})

export const bulkReplayAction = UiAction({
    $id: Now.ID['ui_outbox_replay_all'],
    table: 'x_seam_bridge_outbox',
    name: 'Replay all dead letters',
    actionName: 'x_seam_bridge_replay_all',
    hint: 'Put every dead letter back to pending',
    list: { showBannerButton: true, style: 'destructive' },
    roles: [adminRole],
    script: replayAllDeadLetters,
    order: 200,
})
