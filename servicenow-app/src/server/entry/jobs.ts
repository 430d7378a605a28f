/** Scheduled job entry point: drain the outbox (src/fluent/scheduled-jobs). */
import { drainOutbox } from '../outbox/drain';
import { context } from './context';

export function drainOutboxJob(): void {
    const { ports, settings } = context();
    const summary = drainOutbox(ports, settings);
    ports.log.info(`Seam outbox drain: ${JSON.stringify(summary)}`);
}
