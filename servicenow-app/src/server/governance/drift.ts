/**
 * The triage drift alert. Each triage answer is appended to the recent-answers buffer of the Seam
 * Status row `triage_drift` (the last baseline + window answers, in arrival order), and the buffer
 * goes through the shared `evaluateTriageDrift`. A signal whose episode starts raises the event
 * `x_seam_bridge.triage.drift` (the notification "Seam triage drift" e-mails the Seam admins) and
 * one `gs.error`; the episode state lives on the same row, so it is once per episode.
 * Why a buffer and not the audit: audit times have whole seconds, so "the latest N" would be
 * ambiguous within a busy second. Two triages saving at the same instant may drop one sample
 * (last write wins), which a window of tens of answers does not notice.
 */
import { NO_EPISODES, evaluateTriageDrift, formatServiceNowDateTime, type DriftEpisodes, type DriftEvaluation, type TriageSample } from '../generated/seam-core';
import { OPS_TABLE } from '../ops/state';
import type { Ports, Row } from '../ports';
import { TABLE, eq } from '../tables';
import type { GovernanceSettings } from './settings';

export const DRIFT_EVENT = 'x_seam_bridge.triage.drift';
export const ADMIN_ROLE = 'x_seam_bridge.admin';
const STATE = 'triage_drift';
const FIELDS = ['name', 'status', 'value', 'detail', 'samples'];

const ROUTE_CODE: Readonly<Record<string, string>> = { servicenow: 's', salesforce: 'f', review: 'r' };
const CODE_ROUTE: Readonly<Record<string, string>> = { s: 'servicenow', f: 'salesforce', r: 'review' };

/** `s0.999 f0.666 r0.300`: route initial and confidence, oldest first. */
export function encodeSamples(samples: readonly TriageSample[]): string {
    return samples.map((x) => `${ROUTE_CODE[x.route] ?? 'r'}${Math.round(x.confidence * 1000) / 1000}`).join(' ');
}

export function decodeSamples(text: string): TriageSample[] {
    const out: TriageSample[] = [];
    for (const t of (text || '').split(' ')) {
        const route = CODE_ROUTE[t.charAt(0)];
        const confidence = Number(t.slice(1));
        if (route && t.length > 1 && Number.isFinite(confidence)) out.push({ route, confidence });
    }
    return out;
}

function episodesOf(row: Row | null): DriftEpisodes {
    if (!row || !row.value) return NO_EPISODES;
    try {
        const v = JSON.parse(row.value) as Partial<DriftEpisodes>;
        return { confidence: v.confidence === true, unknown_types: v.unknown_types === true };
    } catch {
        return NO_EPISODES;
    }
}

/** Records one triage answer and runs the check; never throws (a failing check must not fail the case). */
export function checkTriageDrift(ports: Ports, settings: GovernanceSettings, sample: TriageSample): DriftEvaluation | null {
    if (!settings.driftEnabled) return null;
    try {
        const rows = ports.records.find(OPS_TABLE, eq('name', STATE), { limit: 1, fields: FIELDS });
        const row = rows.length ? rows[0] : null;
        const need = settings.drift.baselineSize + settings.drift.windowSize;
        const samples = decodeSamples(row ? row.samples : '').concat([sample]);
        const recent = samples.slice(Math.max(0, samples.length - need));
        const previous = episodesOf(row);
        const result = evaluateTriageDrift(recent, settings.drift, previous);
        const alerting = result.episodes.confidence || result.episodes.unknown_types;
        const changed = result.episodes.confidence !== previous.confidence || result.episodes.unknown_types !== previous.unknown_types;
        const detail = result.alerts.length
            ? result.alerts.map((a) => a.message).join(' ')
            : changed && !alerting ? 'triage confidence is back within its drift thresholds' : row ? row.detail : 'collecting triage answers';
        const values = {
            status: alerting ? 'alerting' : 'ok',
            value: JSON.stringify({ confidence: result.episodes.confidence, unknown_types: result.episodes.unknown_types, window: result.window, baseline: result.baseline }).slice(0, 1000),
            detail: detail.slice(0, 4000),
            samples: encodeSamples(recent),
            updated_at: formatServiceNowDateTime(ports.clock.nowMs()),
        };
        const sysId = row ? row.sys_id : ports.records.insert(OPS_TABLE, { name: STATE, ...values });
        if (row) ports.records.update(OPS_TABLE, sysId, values);
        if (result.alerts.length) {
            const admins = ports.records.find(TABLE.userRole, eq('role.name', ADMIN_ROLE), { limit: 100, fields: ['user'] }).map((r) => r.user).filter(Boolean);
            for (const a of result.alerts) {
                ports.log.error(a.message);
                // parm1: the recipients (the notification reads them from it), parm2: the signal and the numbers.
                ports.events?.queue(DRIFT_EVENT, OPS_TABLE, sysId, admins.join(','), `${a.signal}: ${a.message}`);
            }
        }
        return result;
    } catch (e) {
        ports.log.error(`Seam triage drift check failed (${String(e)}); triage itself is unaffected. Fix: check the x_seam_bridge.drift.* properties.`);
        return null;
    }
}
