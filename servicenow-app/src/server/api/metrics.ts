/**
 * GET /v1/metrics: the seam's health in Prometheus text format (version 0.0.4), for the
 * admin's monitoring: today's Salesforce API usage and budget mode, the credential pause, the
 * outbox by status and the last reconciliation run; and the routing metrics (time to route, manual
 * transfers, linkage accuracy, review queue, dead letters, API calls per change, confidence per class).
 */
import { usageDay } from '../generated/seam-core';
import type { Ports } from '../ports';
import { readCredential, readUsage } from '../ops/state';
import type { OpsSettings } from '../ops/settings';
import { lastRun } from '../reconcile/sweep';
import { TABLE } from '../tables';
import { emitRoutingMetrics, routingMetrics } from '../governance/routing-metrics';
import { accuracyByWeek } from '../governance/accuracy';
import { GOVERNANCE_DEFAULTS, type GovernanceSettings } from '../governance/settings';

const OUTBOX_STATUSES = ['pending', 'held', 'failed', 'dead_letter'] as const;
/** Rows counted per status; a count at this bound reads "at least". */
export const OUTBOX_COUNT_LIMIT = 10000;

const esc = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function metricsText(ports: Pick<Ports, 'records' | 'clock'>, ops: OpsSettings, governance: GovernanceSettings = GOVERNANCE_DEFAULTS): string {
    const lines: string[] = [];
    const metric = (name: string, help: string, type: 'gauge' | 'counter', samples: readonly [Record<string, string>, number][]): void => {
        lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
        for (const [labels, value] of samples) {
            const l = Object.keys(labels).map((k) => `${k}="${esc(labels[k])}"`).join(',');
            lines.push(`${name}${l ? `{${l}}` : ''} ${value}`);
        }
    };
    const day = usageDay(ports.clock.nowMs());
    const usage = readUsage(ports, day);
    metric('seam_salesforce_api_used', 'Salesforce API requests used today (Sforce-Limit-Info), as last reported', 'gauge', usage ? [[{ day }, usage.used]] : []);
    metric('seam_salesforce_api_max', 'Salesforce daily API request allocation', 'gauge', usage ? [[{ day }, usage.max]] : []);
    metric('seam_salesforce_api_share', 'Share of the daily allocation used', 'gauge', usage ? [[{ day }, Math.round((usage.used / usage.max) * 10000) / 10000]] : []);
    metric('seam_budget_slow_share', 'x_seam_bridge.budget.slow_share', 'gauge', [[{}, ops.budget.slowAt]]);
    metric('seam_budget_stop_share', 'x_seam_bridge.budget.stop_share', 'gauge', [[{}, ops.budget.stopAt]]);
    metric('seam_budget_mode', 'Budget mode for bulk traffic (1 = current)', 'gauge', (['normal', 'slow', 'stop'] as const).map((m) => [{ mode: m }, (usage ? usage.mode : 'normal') === m ? 1 : 0]));
    metric('seam_credential_paused', '1 while the Salesforce credential is refused and the outbox is paused', 'gauge', [[{}, readCredential(ports).status === 'paused' ? 1 : 0]]);
    metric('seam_outbox_messages', 'Outbox messages by status', 'gauge',
        OUTBOX_STATUSES.map((s) => [{ status: s }, ports.records.find(TABLE.outbox, `status=${s}`, { limit: OUTBOX_COUNT_LIMIT, fields: ['status'] }).length]));
    const run = lastRun(ports);
    if (run) {
        const n = (f: string): number => Number(run[f] || '0');
        metric('seam_reconcile_links_checked', 'Links checked by the last reconciliation run', 'gauge', [[{ state: run.state }, n('links_checked')]]);
        metric('seam_reconcile_drift_found', 'Drifted fields found by the last run', 'gauge', [[{ state: run.state }, n('drift_found')]]);
        metric('seam_reconcile_repaired', 'Links repaired by the last run, by direction', 'gauge', [[{ to: 'salesforce' }, n('repaired_to_salesforce')], [{ to: 'servicenow' }, n('repaired_to_servicenow')]]);
        metric('seam_reconcile_soql_calls', 'SOQL calls made by the last run', 'gauge', [[{}, n('soql_calls')]]);
    }
    // Routing: computed by the shared core from the link, audit, review and outbox rows.
    emitRoutingMetrics(routingMetrics(ports, governance.metricsWindowDays), governance.metricsWindowDays, metric);
    // Accuracy reviews: the last 8 weeks, each with its 95 % Wilson interval.
    const weeks = accuracyByWeek(ports, 8);
    metric('seam_routing_accuracy', 'Reviewed routing accuracy per ISO week (estimate) and its 95% Wilson interval (low, high)', 'gauge',
        weeks.flatMap((w) => (w.estimate === null ? [] : (['estimate', 'low', 'high'] as const).map((stat): [Record<string, string>, number] => [{ week: w.week, stat }, Math.round((w[stat] as number) * 10000) / 10000]))));
    metric('seam_routing_accuracy_reviews', 'Sampled cases per ISO week by verdict', 'gauge',
        weeks.flatMap((w): [Record<string, string>, number][] => [[{ week: w.week, verdict: 'right' }, w.right], [{ week: w.week, verdict: 'wrong' }, w.n - w.right], [{ week: w.week, verdict: 'pending' }, w.pending]]));
    return `${lines.join('\n')}\n`;
}
