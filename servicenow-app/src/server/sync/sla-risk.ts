/**
 * SLA-breach risk of a linked open incident: the proxy's embedded model predicts it from what the
 * incident is now (shared `slaRiskRequestFor`: no resolution field, no text). The prediction is
 * written to the incident field `x_seam_bridge_sla_risk` ("72% high (predicted)"), which the
 * ownership map copies to `Case.Seam_SLA_Risk__c` through the normal outbound rule and outbox.
 * Above the threshold a work note labelled as a prediction is added, once per crossing.
 */
import {
    SLA_RISK_RESULT_SCHEMA,
    decideSlaAlert,
    formatSlaRisk,
    idempotencyKey,
    responseSchema,
    slaRiskRequestFor,
    slaSweepAsOf,
    slaSweepIdempotencyKey,
    slaRiskWorkNote,
    validate,
    type SlaRiskBand,
    type SlaRiskResult,
} from '../generated/seam-core';
import { callProxy } from '../clients/proxy';
import type { Settings } from '../config';
import type { Ports, Row, RowValues } from '../ports';
import { TABLE } from '../tables';

export type SlaRiskOutcome =
    | { readonly status: 'disabled' | 'not_linked' | 'not_open' }
    | { readonly status: 'invalid' | 'proxy_failed'; readonly error: string }
    | { readonly status: 'unchanged' | 'updated'; readonly value: string; readonly alert: boolean };

const RESPONSE_SCHEMA = responseSchema(SLA_RISK_RESULT_SCHEMA);
/** Band medium starts this far below the alert threshold (as in the proxy's model). */
const MEDIUM_BELOW = 0.2;

export const SLA_RISK_FIELD = 'x_seam_bridge_sla_risk';
export const SLA_ALERTED_FIELD = 'x_seam_bridge_sla_risk_alerted';

/** What the prediction reads (the adapter's default incident fields are the synced ones only). */
export const SLA_READ_FIELDS: readonly string[] = [
    'sys_id', 'number', 'state', 'priority', 'urgency', 'impact', 'category', 'assignment_group', 'reassignment_count', 'reopen_count',
    'sys_mod_count', 'opened_at', 'sys_created_on', 'x_seam_bridge_sf_case_id', 'x_seam_bridge_correlation_id', SLA_RISK_FIELD, SLA_ALERTED_FIELD,
];

function bandFor(risk: number, threshold: number): SlaRiskBand {
    return risk >= threshold ? 'high' : risk >= threshold - MEDIUM_BELOW ? 'medium' : 'low';
}

/**
 * `sweep`: the re-assess sweep's call (sync/sla-sweep.ts), as of the run's minute and keyed by it,
 * so an untouched incident (same version) is asked again as its clock runs, and a replayed run
 * sends the same request. Without it: the change rule's call, keyed by the incident version.
 */
export function assessSlaRisk(
    ports: Ports,
    settings: Pick<Settings, 'slaRiskEnabled' | 'slaRiskThreshold' | 'proxyUrl' | 'proxyApiKey'>,
    row: Row,
    sweep?: { readonly nowMs: number },
): SlaRiskOutcome {
    if (!settings.slaRiskEnabled) return { status: 'disabled' };
    // The model was trained on group names (a list export's display values), not sys_ids.
    const read = ports.records.get(TABLE.incident, row.sys_id, SLA_READ_FIELDS, ['assignment_group']);
    const incident: Row = { ...(read ?? {}), ...row };
    if (!incident.x_seam_bridge_sf_case_id) return { status: 'not_linked' };
    const shown = read && read.assignment_group ? read : null;
    const version = Number(incident.sys_mod_count) || 0;
    const correlationId = incident.x_seam_bridge_correlation_id || `SNOW-${incident.number}`;
    const request = slaRiskRequestFor(
        incident,
        sweep ? slaSweepAsOf(sweep.nowMs) : ports.clock.nowMs(),
        { idempotencyKey: sweep ? slaSweepIdempotencyKey(incident.sys_id, version, sweep.nowMs) : idempotencyKey('servicenow', incident.sys_id, version, 'sla-risk'), correlationId },
        shown ? shown.assignment_group : undefined,
    );
    if (!request.ok) return request.error.indexOf('not_open') === 0 ? { status: 'not_open' } : { status: 'invalid', error: request.error };
    const { idempotencyKey: key, correlationId: _c, ...body } = request.value;
    const answer = callProxy<unknown>(ports, settings, '/v1/sla-risk', body, { idempotencyKey: key, correlationId, caseId: incident.x_seam_bridge_sf_case_id });
    if (!answer.ok) return { status: 'proxy_failed', error: answer.error };
    const checked = validate<SlaRiskResult>(RESPONSE_SCHEMA, answer.value);
    if (!checked.ok) return { status: 'proxy_failed', error: `invalid sla-risk answer: ${checked.error.map((p) => `${p.field} ${p.problem}`).join('; ')}` };

    const threshold = settings.slaRiskThreshold ?? checked.value.threshold;
    const risk = checked.value.risk;
    const band = bandFor(risk, threshold);
    const value = formatSlaRisk(risk, band);
    const decision = decideSlaAlert(risk, threshold, incident[SLA_ALERTED_FIELD] === 'true' || incident[SLA_ALERTED_FIELD] === '1');
    const values: Record<string, string | boolean> = {};
    if (incident[SLA_RISK_FIELD] !== value) values[SLA_RISK_FIELD] = value;
    if (decision.alerted !== (incident[SLA_ALERTED_FIELD] === 'true' || incident[SLA_ALERTED_FIELD] === '1')) values[SLA_ALERTED_FIELD] = decision.alerted;
    if (decision.alert) values.work_notes = slaRiskWorkNote(incident.number, risk, band, threshold, checked.value.model);
    if (Object.keys(values).length === 0) return { status: 'unchanged', value, alert: false };
    // A local write: the outbound rule sees the field change and queues it for the Case.
    ports.records.update(TABLE.incident, incident.sys_id, values as RowValues);
    return { status: 'updated', value, alert: decision.alert };
}
