/**
 * Routing metrics from the seam's own tables: the rows are read here (bounded), the numbers are
 * the shared core's `computeRoutingMetrics`. Served as Prometheus text by GET /v1/metrics.
 */
import {
    CONFIDENCE_BUCKETS,
    computeRoutingMetrics,
    formatServiceNowDateTime,
    type MetricsInput,
    type RoutingMetrics,
} from '../generated/seam-core';
import type { Ports, Row } from '../ports';
import { TABLE } from '../tables';

/** Rows read per table; a count at this bound means the window holds more (shorten metrics.window_days). */
export const METRICS_ROW_LIMIT = 20000;
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD HH:MM:SS` (UTC, as GlideRecord returns it) → epoch ms; NaN when empty. */
export function glideTimeMs(value: string): number {
    return value ? Date.parse(`${value.replace(' ', 'T')}Z`) : NaN;
}

export function readMetricsInput(ports: Pick<Ports, 'records' | 'clock'>, windowDays: number): MetricsInput {
    const nowMs = ports.clock.nowMs();
    const from = formatServiceNowDateTime(nowMs - windowDays * DAY_MS);
    const audit = ports.records
        .find(TABLE.audit, `sys_created_on>=${from}`, {
            limit: METRICS_ROW_LIMIT,
            fields: ['sys_created_on', 'direction', 'operation', 'sf_case_id', 'target_id', 'result', 'idempotency_key', 'detail', 'new_values'],
        })
        .map((r) => ({
            atMs: glideTimeMs(r.sys_created_on),
            direction: r.direction,
            operation: r.operation,
            caseId: r.sf_case_id,
            targetId: r.target_id,
            result: r.result,
            idempotencyKey: r.idempotency_key,
            detail: r.detail,
            newValues: r.new_values,
        }));
    // A link routed in the window was written then (saveLink), so its update time is in the window too.
    const links = ports.records
        .find(TABLE.link, `sys_updated_on>=${from}`, { limit: METRICS_ROW_LIMIT, fields: ['sf_case_id', 'incident'] })
        .map((r) => ({ caseId: r.sf_case_id, incident: r.incident }));
    const reviewRows = new Map<string, Row>();
    const reviewFields = ['sys_created_on', 'sf_case_id', 'status', 'proposed_action'];
    for (const r of ports.records.find(TABLE.review, `sys_updated_on>=${from}`, { limit: METRICS_ROW_LIMIT, fields: reviewFields })) reviewRows.set(r.sys_id, r);
    // Open reviews count however old they are: age is the point.
    for (const r of ports.records.find(TABLE.review, 'statusINpending,approval_pending', { limit: METRICS_ROW_LIMIT, fields: reviewFields })) reviewRows.set(r.sys_id, r);
    const reviews = Array.from(reviewRows.values()).map((r) => ({ caseId: r.sf_case_id, status: r.status, proposedAction: r.proposed_action, createdAtMs: glideTimeMs(r.sys_created_on) }));
    const outbox = ports.records
        .find(TABLE.outbox, 'status=dead_letter', { limit: METRICS_ROW_LIMIT, fields: ['sys_created_on', 'status'] })
        .map((r) => ({ status: r.status, createdAtMs: glideTimeMs(r.sys_created_on) }));
    return { audit, links, reviews, outbox, nowMs };
}

type Metric = (name: string, help: string, type: 'gauge' | 'counter', samples: readonly [Record<string, string>, number][]) => void;

const round = (v: number): number => Math.round(v * 10000) / 10000;

/** Emits the routing metrics; a metric with no data (null) has no sample, rather than a false 0. */
export function emitRoutingMetrics(m: RoutingMetrics, windowDays: number, metric: Metric): void {
    const w = { window_days: String(windowDays) };
    const some = (v: number | null, labels: Record<string, string> = {}): [Record<string, string>, number][] => (v === null ? [] : [[{ ...w, ...labels }, round(v)]]);
    metric('seam_routing_cases_routed', 'Cases Seam created an incident for (case:create_incident) in the window', 'gauge', some(m.casesRouted));
    metric('seam_time_to_route_seconds', 'Case reached ServiceNow (its first audit row) to incident linked, mean and p90', 'gauge', [...some(m.timeToRouteMeanSeconds, { stat: 'mean' }), ...some(m.timeToRouteP90Seconds, { stat: 'p90' })]);
    metric('seam_manual_transfer_rate', 'Routed cases whose route a person decided (escalated by hand, rerouted, or reviewed because the model could not)', 'gauge', some(m.manualTransferRate));
    metric('seam_manual_transfers', 'Routed cases whose route a person decided', 'gauge', some(m.manualTransfers));
    metric('seam_linkage_accuracy', 'Share of routed cases whose link was not later cleared, re-pointed or unlinked', 'gauge', some(m.linkageAccuracy));
    metric('seam_links_corrected', 'Routed cases whose link was later cleared, re-pointed or unlinked', 'gauge', some(m.linksCorrected));
    metric('seam_review_queue_size', 'Triage reviews and approvals waiting for a person', 'gauge', [[{}, m.reviewQueueSize]]);
    metric('seam_review_queue_age_seconds', 'Age of the waiting reviews: oldest and mean', 'gauge', [
        ...(m.reviewQueueOldestAgeSeconds === null ? [] : [[{ stat: 'oldest' }, round(m.reviewQueueOldestAgeSeconds)] as [Record<string, string>, number]]),
        ...(m.reviewQueueMeanAgeSeconds === null ? [] : [[{ stat: 'mean' }, round(m.reviewQueueMeanAgeSeconds)] as [Record<string, string>, number]]),
    ]);
    metric('seam_dead_letter_backlog', 'Outbox messages in the dead letter', 'gauge', [[{}, m.deadLetterBacklog]]);
    metric('seam_dead_letter_oldest_age_seconds', 'Age of the oldest dead letter', 'gauge', m.deadLetterOldestAgeSeconds === null ? [] : [[{}, round(m.deadLetterOldestAgeSeconds)]]);
    metric('seam_outbound_api_calls', 'Salesforce collections calls the outbox drain made in the window', 'gauge', some(m.outboundApiCalls));
    metric('seam_outbound_changes_delivered', 'Distinct changes the drain delivered in the window', 'gauge', some(m.outboundChangesDelivered));
    metric('seam_api_calls_per_change', 'Salesforce calls per delivered change (batching makes it < 1)', 'gauge', some(m.apiCallsPerChange));
    const hist: [Record<string, string>, number][] = [];
    for (const route of Object.keys(m.confidenceByRoute).sort()) {
        const h = m.confidenceByRoute[route];
        CONFIDENCE_BUCKETS.forEach((b, i) => hist.push([{ route, le: String(b) }, h.buckets[i]]));
        hist.push([{ route, le: '+Inf' }, h.count]);
    }
    metric('seam_triage_confidence_cases', 'Triaged cases per route class with confidence at or below le (cumulative), from the proxy call audit', 'gauge', hist);
    metric('seam_triage_confidence_count', 'Triaged cases per route class in the window', 'gauge', Object.keys(m.confidenceByRoute).sort().map((route) => [{ route }, m.confidenceByRoute[route].count]));
}

export function routingMetrics(ports: Pick<Ports, 'records' | 'clock'>, windowDays: number): RoutingMetrics {
    return computeRoutingMetrics(readMetricsInput(ports, windowDays));
}
