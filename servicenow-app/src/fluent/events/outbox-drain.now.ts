import '@servicenow/sdk/global'
import { Record, ScriptAction } from '@servicenow/sdk/core'
import { drainOutboxEvent } from '../../server/entry/jobs'

// The debounced send's one-shot drain, in the app's own scope: the async rule queues this event
// with gs.eventQueueScheduled(…, at) and the script action below runs the drain when it is
// processed. (A run-once sys_trigger written from the app would be a cross-scope create.)
export const OUTBOX_DRAIN_EVENT = 'x_seam_bridge.outbox.drain' // = DRAIN_EVENT (adapters/glide-trigger.ts); ≤ 40 characters

export const outboxDrainEvent = Record({
    $id: Now.ID['event_outbox_drain'],
    table: 'sysevent_register',
    data: {
        suffix: 'outbox.drain',
        event_name: OUTBOX_DRAIN_EVENT,
        description: 'Runs the debounced outbox drain (sends queued Incident_Update__e messages)',
        table: 'x_seam_bridge_ops_state',
        fired_by: 'Seam async rules: adapters/glide-trigger.ts (gs.eventQueueScheduled)',
        priority: 100,
    },
})

export const outboxDrainAction = ScriptAction({
    $id: Now.ID['sa_outbox_drain'],
    name: 'Seam: debounced outbox drain',
    eventName: OUTBOX_DRAIN_EVENT,
    active: true,
    order: 100,
    description: 'The one-shot drain the debounced send schedules; the same drain as the minute job.',
    script: drainOutboxEvent,
})
