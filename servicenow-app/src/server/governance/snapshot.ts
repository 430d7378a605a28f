/** The daily routing-metrics row (Seam Routing Metrics): the numbers GET /v1/metrics serves, kept over time. */
import { formatServiceNowDateTime } from '../generated/seam-core';
import { OPS_TABLE } from '../ops/state';
import type { Ports } from '../ports';
import { eq } from '../tables';
import { routingMetrics } from './routing-metrics';
import type { GovernanceSettings } from './settings';

export const SNAPSHOT_TABLE = 'x_seam_bridge_metric_snapshot';

const r4 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10000) / 10000);

export function takeMetricsSnapshot(ports: Pick<Ports, 'records' | 'clock'>, settings: GovernanceSettings): string {
    const m = routingMetrics(ports, settings.metricsWindowDays);
    const mean = (route: string): number | null => {
        const h = m.confidenceByRoute[route];
        return h && h.count ? h.sum / h.count : null;
    };
    const drift = ports.records.find(OPS_TABLE, eq('name', 'triage_drift'), { limit: 1, fields: ['status'] });
    return ports.records.insert(SNAPSHOT_TABLE, {
        taken_at: formatServiceNowDateTime(ports.clock.nowMs()),
        window_days: settings.metricsWindowDays,
        cases_routed: m.casesRouted,
        time_to_route_mean_s: r4(m.timeToRouteMeanSeconds),
        time_to_route_p90_s: r4(m.timeToRouteP90Seconds),
        manual_transfer_rate: r4(m.manualTransferRate),
        linkage_accuracy: r4(m.linkageAccuracy),
        review_queue_size: m.reviewQueueSize,
        review_queue_oldest_s: r4(m.reviewQueueOldestAgeSeconds),
        dead_letter_backlog: m.deadLetterBacklog,
        api_calls_per_change: r4(m.apiCallsPerChange),
        confidence_servicenow: r4(mean('servicenow')),
        confidence_salesforce: r4(mean('salesforce')),
        drift_status: drift.length ? drift[0].status : 'collecting',
    });
}
