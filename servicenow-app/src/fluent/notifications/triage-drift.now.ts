import '@servicenow/sdk/global'
import { EmailNotification, Record } from '@servicenow/sdk/core'

// Fired by src/server/governance/drift.ts once per drift episode, against the Seam Status row
// `triage_drift`: parm1 = the Seam admins (sys_user sys_ids), parm2 = the signal and the numbers.
export const triageDriftEvent = Record({
    $id: Now.ID['event_triage_drift'],
    table: 'sysevent_register',
    data: {
        suffix: 'triage.drift',
        event_name: 'x_seam_bridge.triage.drift',
        table: 'x_seam_bridge_ops_state',
        description: 'Triage confidence fell, or tickets close to no class rose, past the drift thresholds',
        fired_by: 'src/server/governance/drift.ts (checkTriageDrift, after each triage)',
        priority: 100,
    },
})

export const triageDriftNotification = EmailNotification({
    $id: Now.ID['notification_triage_drift'],
    table: 'x_seam_bridge_ops_state',
    name: 'Seam triage drift',
    description: 'Tells the Seam admins that triage confidence drifted or new issue types appeared (once per episode).',
    active: true,
    triggerConditions: {
        generationType: 'event',
        eventName: 'x_seam_bridge.triage.drift',
    },
    recipientDetails: {
        eventParm1WithRecipient: true,
        sendToCreator: false,
    },
    emailContent: {
        subject: 'Seam: triage drift detected',
        messageHtml: '<p>${event.parm2}</p><p>Current state: ${detail}</p><p>Seam Bridge → Status lists the numbers; the routing metrics are on GET /api/x_seam_bridge/seam/v1/metrics.</p>',
        importance: 'high',
    },
})
