/**
 * Operations entry points: the reconciliation job (src/fluent/scheduled-jobs/reconcile.now.ts),
 * the hand-started run and its progress (POST/GET /v1/reconcile) and GET /v1/metrics.
 */
import { metricsText } from '../api/metrics';
import { activeRun, lastRun, runDue, runTick, startRun, RUN_FIELDS } from '../reconcile/sweep';
import type { Row } from '../ports';
import { testConnection } from '../ops/test-connection';
import { context } from './context';
import { respond, type RestResponseLike } from './rest-io';

/** Every few minutes: continue the active run, or start one when the interval has passed. */
export function reconcileJob(): void {
    const { ports, settings, ops } = context();
    let run = activeRun(ports);
    if (!run) {
        if (!ops.reconcileEnabled) return;
        if (!runDue(ports, ops.reconcileIntervalMinutes)) return;
        startRun(ports, 'schedule');
        run = activeRun(ports);
    }
    const result = run ? runTick(ports, settings, ops, run.sys_id) : null;
    if (result) ports.log.info(`Seam reconcile ${result.runId}: ${result.state}, ${result.detail}`);
}

const view = (row: Row | null): Record<string, unknown> | null =>
    row ? { runId: row.sys_id, ...Object.fromEntries(RUN_FIELDS.map((f) => [f, /^\d+$/.test(row[f] ?? '') && f !== 'cursor' ? Number(row[f]) : row[f]])) } : null;

/** POST /v1/reconcile: start a run by hand (or join the active one) and do its first tick now. */
export function startReconcileRoute(_request: unknown, response: RestResponseLike): void {
    const { ports, settings, ops } = context();
    const { runId, created } = startRun(ports, 'manual');
    runTick(ports, settings, ops, runId);
    respond(response, { status: created ? 201 : 200, body: { created, run: view(ports.records.get('x_seam_bridge_reconcile_run', runId, RUN_FIELDS)) } });
}

/** GET /v1/reconcile: the active run's progress, else the last run. */
export function reconcileStatusRoute(_request: unknown, response: RestResponseLike): void {
    const { ports } = context();
    respond(response, { status: 200, body: { run: view(activeRun(ports) ?? lastRun(ports)) } });
}

/** GET /v1/metrics (Prometheus text). */
export function metricsRoute(_request: unknown, response: RestResponseLike): void {
    const { ports, ops, governance } = context();
    response.setStatus(200);
    response.setContentType('text/plain; version=0.0.4');
    response.getStreamWriter().writeString(metricsText(ports, ops, governance));
}

/** UI action on the run list: "Run reconciliation now". */
export function startReconcileAction(): void {
    const { ports, settings, ops } = context();
    const { runId } = startRun(ports, 'manual');
    const result = runTick(ports, settings, ops, runId);
    ports.log.info(`Seam reconcile ${runId} started by hand: ${result ? result.detail : ''}`);
}

/** GET /v1/test-connection and the "Test connection" UI action: auth, endpoint, permissions, API budget. */
export function testConnectionRoute(_request: unknown, response: RestResponseLike): void {
    const { ports, settings } = context();
    const report = testConnection(ports, settings);
    respond(response, { status: 200, body: report });
}

export function testConnectionAction(): void {
    const { ports, settings } = context();
    const report = testConnection(ports, settings);
    for (const c of report.checks) {
        const line = `Seam test connection: ${c.name} ${c.ok ? 'OK' : 'FAILED'}: ${c.detail}${c.fix ? `; fix: ${c.fix}` : ''}`;
        if (c.ok) ports.log.info(line);
        else ports.log.error(line);
    }
}
