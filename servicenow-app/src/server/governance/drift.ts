/**
 * The triage drift alert. After each triage the latest baseline + window answers (from the proxy
 * call audit) go through the shared `evaluateTriageDrift`; a signal whose episode starts raises the
 * event `x_seam_bridge.triage.drift` (the notification "Seam triage drift" e-mails the Seam admins)
 * and one `gs.error`. The episode state lives in Seam Status (`triage_drift`), so it is once per episode.
 */
import { NO_EPISODES, evaluateTriageDrift, triageOutcomeOf, type DriftEpisodes, type DriftEvaluation, type TriageSample } from '../generated/seam-core';
import { readState, writeState, OPS_TABLE } from '../ops/state';
import type { Ports } from '../ports';
import { TABLE, eq } from '../tables';
import type { GovernanceSettings } from './settings';

export const DRIFT_EVENT = 'x_seam_bridge.triage.drift';
export const ADMIN_ROLE = 'x_seam_bridge.admin';

/** The latest triage answers, oldest first. */
export function recentTriageSamples(ports: Pick<Ports, 'records'>, n: number): TriageSample[] {
    const rows = ports.records.find(TABLE.audit, 'direction=proxy^operation=/v1/triage^result=success', { orderByDesc: 'sys_created_on', limit: n, fields: ['sys_created_on', 'new_values'] });
    const out: TriageSample[] = [];
    for (let i = rows.length - 1; i >= 0; i--) {
        const t = triageOutcomeOf({ newValues: rows[i].new_values });
        if (t) out.push({ confidence: t.confidence, route: t.route });
    }
    return out;
}

export function readEpisodes(ports: Pick<Ports, 'records'>): DriftEpisodes {
    const row = readState(ports, 'triage_drift');
    if (!row) return NO_EPISODES;
    try {
        const v = JSON.parse(row.value) as Partial<DriftEpisodes>;
        return { confidence: v.confidence === true, unknown_types: v.unknown_types === true };
    } catch {
        return NO_EPISODES;
    }
}

/** Runs the check; never throws (a failing check must not fail the case it follows). */
export function checkTriageDrift(ports: Ports, settings: GovernanceSettings): DriftEvaluation | null {
    if (!settings.driftEnabled) return null;
    try {
        const samples = recentTriageSamples(ports, settings.drift.baselineSize + settings.drift.windowSize);
        const previous = readEpisodes(ports);
        const result = evaluateTriageDrift(samples, settings.drift, previous);
        if (!result.judged) return result;
        const changed = result.episodes.confidence !== previous.confidence || result.episodes.unknown_types !== previous.unknown_types;
        if (changed || result.alerts.length) {
            const alerting = result.episodes.confidence || result.episodes.unknown_types;
            const detail = result.alerts.length ? result.alerts.map((a) => a.message).join(' ') : alerting ? (readState(ports, 'triage_drift')?.detail ?? '') : 'triage confidence is back within its thresholds';
            writeState(ports, 'triage_drift', { status: alerting ? 'alerting' : 'ok', value: JSON.stringify({ ...result.episodes, window: result.window, baseline: result.baseline }), detail: detail.slice(0, 4000) });
        }
        if (result.alerts.length) {
            const row = readState(ports, 'triage_drift');
            const admins = ports.records.find(TABLE.userRole, eq('role.name', ADMIN_ROLE), { limit: 100, fields: ['user'] }).map((r) => r.user).filter(Boolean);
            for (const a of result.alerts) {
                ports.log.error(a.message);
                // parm1: the recipients (the notification reads them from it), parm2: the signal and the numbers.
                ports.events?.queue(DRIFT_EVENT, OPS_TABLE, row ? row.sys_id : '', admins.join(','), `${a.signal}: ${a.message}`);
            }
        }
        return result;
    } catch (e) {
        ports.log.error(`Seam triage drift check failed (${String(e)}); triage itself is unaffected. Fix: check the x_seam_bridge.drift.* properties.`);
        return null;
    }
}
