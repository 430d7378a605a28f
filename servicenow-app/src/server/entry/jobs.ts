/** Scheduled job entry point: drain the outbox (src/fluent/scheduled-jobs; the one-shot debounce trigger runs it too). */
import { drainScheduled } from '../outbox/drain';
import { context } from './context';

export function drainOutboxJob(): void {
    const { ports, settings } = context();
    const summary = drainScheduled(ports, settings);
    ports.log.info(`Seam outbox drain: ${JSON.stringify(summary)}`);
}

/** Script action of the event x_seam_bridge.outbox.drain: the debounced one-shot drain (src/fluent/events). */
export function drainOutboxEvent(): void {
    drainOutboxJob();
}
