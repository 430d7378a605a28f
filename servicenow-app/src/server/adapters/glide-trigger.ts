/**
 * DrainScheduler over a run-once scheduled job: a `sys_trigger` record (trigger_type 0 = run once)
 * whose `next_action` is the debounce time and whose script is the drain job's own script, so the
 * one-shot run is exactly the minute job's drain (same module, same version) a little early.
 */
import { GlideRecord } from '@servicenow/glide';
import { formatServiceNowDateTime } from '../generated/seam-core';
import { DRAIN_JOB_NAME } from '../outbox/debounce';
import type { DrainScheduler } from '../outbox/drain';

interface GlideRecordLike {
    addQuery(field: string, value: string): void;
    setLimit(limit: number): void;
    query(): void;
    next(): boolean;
    initialize(): void;
    setValue(field: string, value: unknown): void;
    getValue(field: string): string | null;
    insert(): string | null;
}
type GlideRecordCtor = new (table: string) => GlideRecordLike;
const open = (table: string): GlideRecordLike => new (GlideRecord as unknown as GlideRecordCtor)(table);

export const TRIGGER_NAME = 'Seam: debounced outbox drain';

function drainJobScript(): string | null {
    const job = open('sysauto_script');
    job.addQuery('name', DRAIN_JOB_NAME);
    job.setLimit(1);
    job.query();
    return job.next() ? job.getValue('script') : null;
}

export const glideDrainScheduler: DrainScheduler = {
    scheduleDrain(atMs: number): boolean {
        const script = drainJobScript();
        if (!script) return false;
        const trigger = open('sys_trigger');
        trigger.initialize();
        trigger.setValue('name', TRIGGER_NAME);
        trigger.setValue('trigger_type', '0');
        trigger.setValue('next_action', formatServiceNowDateTime(atMs));
        trigger.setValue('script', script);
        return Boolean(trigger.insert());
    },
};
