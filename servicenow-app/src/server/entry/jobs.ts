/** Scheduled job entry point: drain the outbox (src/fluent/scheduled-jobs; the one-shot debounce trigger runs it too). */
import { drainScheduled } from '../outbox/drain';
import { checkReceipts } from '../outbox/receipts';
import { draftKnowledgeGaps } from '../knowledge/knowledge';
import { sweepSlaRisk } from '../sync/sla-sweep';
import { context } from './context';

export function drainOutboxJob(): void {
    const { ports, settings } = context();
    // Receipts first: what they republish goes out with this drain.
    const receipts = checkReceipts(ports, settings);
    if (receipts.checked > 0 || (receipts.stopped && receipts.calls > 0)) ports.log.info(`Seam outbox receipts: ${JSON.stringify(receipts)}`);
    const summary = drainScheduled(ports, settings);
    ports.log.info(`Seam outbox drain: ${JSON.stringify(summary)}`);
}

/** Daily: draft kb_knowledge articles for recurring unanswered themes (src/server/knowledge). */
export function knowledgeGapsJob(): void {
    const { ports, settings } = context();
    ports.log.info(`Seam knowledge gaps: ${JSON.stringify(draftKnowledgeGaps(ports, settings))}`);
}
/** Every 15 minutes: re-assess the SLA-breach risk of linked open incidents nobody touched (src/server/sync/sla-sweep.ts). */
export function slaRiskSweepJob(): void {
    const { ports, settings } = context();
    ports.log.info(`Seam SLA risk sweep: ${JSON.stringify(sweepSlaRisk(ports, settings))}`);
}

/** Script action of the event x_seam_bridge.outbox.drain: the debounced one-shot drain (src/fluent/events). */
export function drainOutboxEvent(): void {
    drainOutboxJob();
}
