/**
 * Trigger B of the tier-3 escalation: the model reads a linked incident's conversation (customer
 * comments and work notes) and its attached logs through the proxy (`POST /v1/escalation`:
 * masked, schema-checked, logged there), and the shared policy decides: nothing, a review, an
 * approval or the problem. Asked when a comment or work note is added to a linked incident that
 * has no problem yet; an unusable answer never escalates (it is logged, the next entry asks again).
 */
import { ESCALATION_RESULT_SCHEMA, idempotencyKey, responseSchema, validate, type EscalationResult } from '../generated/seam-core';
import { callProxy } from '../clients/proxy';
import type { Settings } from '../config';
import type { Ports, Row } from '../ports';
import { findLinkByIncident } from '../sync/link';
import { changedByIntegration } from '../sync/outbound';
import { conversationOf, escalateCase, openEscalationReview, problemOfCase, type ContextSource, type EscalationOutcome, type EscalationSettings } from './problem';

const RESPONSE_SCHEMA = responseSchema(ESCALATION_RESULT_SCHEMA);

export type AssessOutcome =
    | EscalationOutcome
    | { readonly status: 'not_linked' | 'has_problem' | 'in_review' | 'model_off' | 'own_note' }
    | { readonly status: 'proxy_failed'; readonly error: string };

type AssessSettings = EscalationSettings & Pick<Settings, 'escalationModelEnabled' | 'proxyUrl' | 'proxyApiKey'> & Partial<Pick<Settings, 'proxyTimeoutMs'>>;

/**
 * `entry`: the journal entry that triggered the assessment. Seam's own work notes (triage,
 * SLA risk, knowledge: written by the integration user) are not news about the case.
 */
export function assessEscalation(ports: Ports, settings: AssessSettings, incident: Row, source: ContextSource = {}, entry?: Row): AssessOutcome {
    if (!settings.escalationEnabled) return { status: 'disabled', reason: 'x_seam_bridge.escalation.enabled is false' };
    if (!settings.escalationModelEnabled) return { status: 'model_off' };
    if (entry && entry.element === 'work_notes' && changedByIntegration(ports, entry.sys_created_by)) return { status: 'own_note' };
    const link = findLinkByIncident(ports, incident.sys_id);
    const caseId = link ? link.state.caseId || link.row.sf_case_id : '';
    if (!link || !caseId) return { status: 'not_linked' };
    if (incident.problem_id || problemOfCase(ports, caseId, link)) return { status: 'has_problem' };
    if (openEscalationReview(ports, caseId)) return { status: 'in_review' };

    const entries = conversationOf(ports, incident.sys_id);
    const attachments = source.attachments ? source.attachments(incident.sys_id) : [];
    const key = idempotencyKey('servicenow', incident.sys_id, Number(incident.sys_mod_count || '0') + entries.length, 'escalation');
    const correlationId = link.state.correlationId || link.row.correlation_id || `SNOW-${incident.number}`;
    const answer = callProxy<unknown>(
        ports,
        settings,
        '/v1/escalation',
        {
            caseId,
            subject: (incident.short_description || incident.number).slice(0, 255),
            description: (incident.description || '').slice(0, 32000),
            entries,
            ...(attachments.length ? { attachments } : {}),
            ...(incident.cmdb_ci ? { configurationItem: incident.cmdb_ci.slice(0, 255) } : {}),
        },
        { idempotencyKey: key, correlationId, caseId },
    );
    if (!answer.ok) return { status: 'proxy_failed', error: answer.error };
    const checked = validate<EscalationResult & { engine: string }>(RESPONSE_SCHEMA, answer.value);
    if (!checked.ok) return { status: 'proxy_failed', error: `invalid escalation answer: ${checked.error.map((p) => `${p.field} ${p.problem}`).join('; ')}` };
    const { engine, ...model } = checked.value;
    return escalateCase(ports, settings, {
        caseId,
        caseNumber: incident.x_seam_bridge_sf_case_number || link.row.sf_case_number || '',
        subject: incident.short_description || '',
        description: incident.description || '',
        accountId: incident.x_seam_bridge_sf_account_id || '',
        requestedBy: 'Seam model',
        trigger: 'model',
        requestKey: key,
        model,
        engine,
    }, source);
}
