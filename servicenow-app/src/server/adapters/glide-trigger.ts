/**
 * DrainScheduler over the app's own event: `gs.eventQueueScheduled('x_seam_bridge.outbox.drain',
 * <ops state row>, '', '', <GlideDateTime>)` queues the event to be processed at the debounce time,
 * and the script action of that event (src/fluent/events/outbox-drain.now.ts) runs the drain.
 * Both are scoped APIs in the app's scope; a run-once `sys_trigger` would be a cross-scope create.
 */
import { GlideDateTime, GlideRecord, gs } from '@servicenow/glide';
import { formatServiceNowDateTime } from '../generated/seam-core';
import { OPS_TABLE } from '../ops/state';
import type { DrainScheduler } from '../outbox/drain';

/** The registered event (sysevent_register); the script action listens to it. */
export const DRAIN_EVENT = 'x_seam_bridge.outbox.drain';

interface GlideRecordLike {
    addQuery(field: string, value: string): void;
    setLimit(limit: number): void;
    query(): void;
    next(): boolean;
}
type GlideRecordCtor = new (table: string) => GlideRecordLike;
type GlideDateTimeCtor = new (value?: string) => unknown;
interface EventQueue {
    eventQueueScheduled(name: string, instance: unknown, parm1: string, parm2: string, when: unknown): void;
}

export const glideDrainScheduler: DrainScheduler = {
    scheduleDrain(atMs: number): boolean {
        // The event's record: the pending mark (ops state outbox_drain), written just before.
        const mark = new (GlideRecord as unknown as GlideRecordCtor)(OPS_TABLE);
        mark.addQuery('name', 'outbox_drain');
        mark.setLimit(1);
        mark.query();
        if (!mark.next()) return false;
        const when = new (GlideDateTime as unknown as GlideDateTimeCtor)(formatServiceNowDateTime(atMs));
        (gs as unknown as EventQueue).eventQueueScheduled(DRAIN_EVENT, mark, String(atMs), '', when);
        return true;
    },
};
