/**
 * POST /v1/knowledge/answer: Salesforce asks for a case's cited answer through its existing Named
 * Credential to this API; the app forwards it to the proxy with its own proxy credential, so no
 * new secret exists on the Salesforce side. The proxy's answer is passed through unchanged.
 */
import { KNOWLEDGE_ANSWER_RESULT_SCHEMA, responseSchema, toSalesforceId18, validate } from '../generated/seam-core';
import { callProxy } from '../clients/proxy';
import type { Settings } from '../config';
import type { Ports } from '../ports';
import { badRequest, type ApiRequest, type ApiResponse } from './http';

const RESPONSE_SCHEMA = responseSchema(KNOWLEDGE_ANSWER_RESULT_SCHEMA);

export function postKnowledgeAnswer(ports: Ports, settings: Pick<Settings, 'knowledgeEnabled' | 'proxyUrl' | 'proxyApiKey'>, request: ApiRequest): ApiResponse {
    if (!settings.knowledgeEnabled) {
        return { status: 503, body: { error: { message: 'Seam knowledge is switched off', detail: 'x_seam_bridge.knowledge.enabled is false', problems: [] } } };
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(request.bodyText);
    } catch {
        return badRequest('invalid JSON', 'the body is not JSON', [{ field: 'body', problem: 'is not valid JSON', fix: 'send { "caseId", "subject", "description" } as JSON' }]);
    }
    const body = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
    const id = toSalesforceId18(String(body.caseId ?? ''), 'caseId', '500');
    if (!id.ok) return badRequest('caseId is not a Case id', 'send the 15- or 18-character Case id', [id.error]);
    const pass: Record<string, unknown> = { caseId: id.value };
    for (const f of ['question', 'subject', 'description', 'k', 'platforms']) if (body[f] !== undefined && body[f] !== null && body[f] !== '') pass[f] = body[f];
    const key = typeof body.idempotencyKey === 'string' && body.idempotencyKey ? body.idempotencyKey : `salesforce:${id.value}:knowledge`;
    const answer = callProxy<unknown>(ports, settings, '/v1/knowledge/answer', pass, { idempotencyKey: key.slice(0, 128), correlationId: `SFDC-${id.value}`, caseId: id.value });
    if (!answer.ok) {
        // A request the proxy refused is the caller's to fix (4xx); anything else is ours or the proxy's.
        const status = answer.status >= 400 && answer.status < 500 ? answer.status : answer.status === 0 && answer.error.indexOf('schema') >= 0 ? 400 : 502;
        return { status, body: { error: { message: 'knowledge answer failed', detail: answer.error, problems: [] } } };
    }
    const checked = validate(RESPONSE_SCHEMA, answer.value);
    if (!checked.ok) return { status: 502, body: { error: { message: 'the proxy answer breaks the knowledge schema', detail: checked.error.map((p) => `${p.field} ${p.problem}`).join('; '), problems: [] } } };
    return { status: 200, body: checked.value };
}
