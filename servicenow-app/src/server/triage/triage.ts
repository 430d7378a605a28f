/**
 * Triage of a new case: the proxy classifies it (the model's answer is validated against the
 * shared schema), then the shared triage policy decides what happens. When the proxy is down or
 * answers nonsense, the case goes to a person instead of being guessed.
 */
import {
    TRIAGE_RESULT_SCHEMA,
    decideTriage,
    idempotencyKey,
    responseSchema,
    validate,
    type CaseMessage,
    type TriageAction,
    type TriageResult,
} from '../generated/seam-core';
import { callProxy } from '../clients/proxy';
import type { Settings } from '../config';
import type { Ports } from '../ports';
import { checkTriageDrift } from '../governance/drift';
import { loadGovernanceSettings } from '../governance/settings';

export interface TriageOutcome {
    readonly action: TriageAction;
    readonly reason: string;
    /** Absent when the proxy gave no usable answer or triage is switched off. */
    readonly result?: TriageResult;
    readonly engine?: string;
}

const TRIAGE_RESPONSE_SCHEMA = responseSchema(TRIAGE_RESULT_SCHEMA);

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export function triageCase(ports: Ports, settings: Pick<Settings, 'triageEnabled' | 'triagePolicy' | 'proxyUrl' | 'proxyApiKey'> & Partial<Pick<Settings, 'proxyTimeoutMs'>>, message: CaseMessage): TriageOutcome {
    if (!settings.triageEnabled) return { action: 'create_incident', reason: 'triage is switched off (x_seam_bridge.triage.enabled)' };
    const priority = text(message.fields.Priority);
    const request: Record<string, unknown> = {
        caseId: message.caseId,
        subject: text(message.fields.Subject).slice(0, 255) || `Case ${message.caseNumber}`,
        description: text(message.fields.Description).slice(0, 32000),
        ...(priority === 'High' || priority === 'Medium' || priority === 'Low' ? { customerPriority: priority } : {}),
        // The proxy masks the contact's name (reversibly) before any text reaches the model.
        ...(message.contactName ? { contactName: message.contactName } : {}),
    };
    const key = idempotencyKey('salesforce', message.caseId, message.version, 'triage');
    // No incident yet, so the correlation id is the case half only; the full one is set on create.
    const answer = callProxy<unknown>(ports, settings, '/v1/triage', request, { idempotencyKey: key, correlationId: `SFDC-${message.caseId}`, caseId: message.caseId });
    if (!answer.ok) return { action: 'review', reason: `triage unavailable (${answer.error}); a person decides` };
    const checked = validate<TriageResult & { engine: string }>(TRIAGE_RESPONSE_SCHEMA, answer.value);
    if (!checked.ok) {
        const first = checked.error[0];
        return { action: 'review', reason: `the triage answer was invalid (${first ? `${first.field} ${first.problem}` : 'schema'}); a person decides` };
    }
    // Is the model getting worse? Alerts once per episode; never fails the case (problems are logged by context()).
    checkTriageDrift(ports, loadGovernanceSettings(ports.properties, settings.triagePolicy.reviewBelow).settings, { confidence: checked.value.confidence, route: checked.value.route });
    const decision = decideTriage(checked.value, settings.triagePolicy);
    return { action: decision.action, reason: decision.reason, result: checked.value, engine: checked.value.engine };
}
