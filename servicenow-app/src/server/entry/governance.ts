/** Governance entry points: the daily routing-metrics snapshot job (src/fluent/scheduled-jobs/metrics-snapshot.now.ts). */
import { sampleAccuracyReviews } from '../governance/accuracy';
import { takeMetricsSnapshot } from '../governance/snapshot';
import { context } from './context';

export function metricsSnapshotJob(): void {
    const { ports, governance } = context();
    const id = takeMetricsSnapshot(ports, governance);
    ports.log.info(`Seam routing metrics snapshot ${id} written (window ${governance.metricsWindowDays} days)`);
}

/** Weekly: a sample of last week's routed cases goes to the accuracy review list. */
export function accuracySampleJob(): void {
    const { ports, governance } = context();
    const { week, added } = sampleAccuracyReviews(ports, governance.accuracySampleSize);
    ports.log.info(`Seam accuracy review ${week}: ${added} routed case(s) sampled for review`);
}

