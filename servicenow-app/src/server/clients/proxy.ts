/**
 * The Seam LLM proxy through the `Seam Proxy` REST message. The bearer secret comes from the
 * password2 property x_seam_bridge.proxy.api_key at call time, never from source. Every call is
 * audited (direction `proxy`) with its latency and the engine that answered.
 */
import {
    ESCALATION_REQUEST_SCHEMA,
    KNOWLEDGE_ANSWER_REQUEST_SCHEMA,
    KNOWLEDGE_DOCUMENTS_REQUEST_SCHEMA,
    KNOWLEDGE_GAPS_REQUEST_SCHEMA,
    validate,
    validateImpactRequest,
    validateSlaRiskRequest,
    validateResolutionSummaryRequest,
    validateSummarizeRequest,
    validateTriageRequest,
    type FieldProblem,
    type Result,
} from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import type { Settings } from '../config';
import type { Ports } from '../ports';

export type ProxyRoute = '/v1/triage' | '/v1/summarize' | '/v1/resolution-summary' | '/v1/impact' | '/v1/knowledge/answer' | '/v1/knowledge/documents' | '/v1/knowledge/gaps' | '/v1/sla-risk' | '/v1/escalation';

export type ProxyOutcome<T> =
    | { readonly ok: true; readonly value: T; readonly engine: string }
    | { readonly ok: false; readonly status: number; readonly error: string };

const FN: Readonly<Record<ProxyRoute, string>> = {
    '/v1/triage': 'triage',
    '/v1/summarize': 'summarize',
    '/v1/resolution-summary': 'resolutionSummary',
    '/v1/impact': 'impact',
    '/v1/knowledge/answer': 'knowledgeAnswer',
    '/v1/knowledge/documents': 'knowledgeDocuments',
    '/v1/knowledge/gaps': 'knowledgeGaps',
    '/v1/sla-risk': 'slaRisk',
    '/v1/escalation': 'escalation',
};

/** The proxy validates with the same schemas; checking here turns contract drift into a clear local error. */
const REQUEST_CHECK: Readonly<Record<ProxyRoute, (v: unknown) => Result<unknown, FieldProblem[]>>> = {
    '/v1/triage': validateTriageRequest,
    '/v1/summarize': validateSummarizeRequest,
    '/v1/resolution-summary': validateResolutionSummaryRequest,
    '/v1/impact': validateImpactRequest,
    '/v1/knowledge/answer': (v) => validate(KNOWLEDGE_ANSWER_REQUEST_SCHEMA, v),
    '/v1/knowledge/documents': (v) => validate(KNOWLEDGE_DOCUMENTS_REQUEST_SCHEMA, v),
    '/v1/knowledge/gaps': (v) => validate(KNOWLEDGE_GAPS_REQUEST_SCHEMA, v),
    '/v1/sla-risk': validateSlaRiskRequest,
    '/v1/escalation': (v) => validate(ESCALATION_REQUEST_SCHEMA, v),
};

export interface ProxyCallContext {
    /** Required by the proxy schemas (1..128 characters). */
    readonly correlationId: string;
    readonly idempotencyKey: string;
    readonly caseId?: string;
}

function triageOutcome(value: unknown): Record<string, unknown> {
    const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    return { route: v.route, category: v.category, confidence: v.confidence, priority: v.priority };
}

export function callProxy<T>(
    ports: Ports,
    settings: Pick<Settings, 'proxyUrl' | 'proxyApiKey'> & Partial<Pick<Settings, 'proxyTimeoutMs'>>,
    route: ProxyRoute,
    body: Readonly<Record<string, unknown>>,
    context: ProxyCallContext,
): ProxyOutcome<T> {
    if (!settings.proxyUrl) return { ok: false, status: 0, error: 'x_seam_bridge.proxy.url is empty: set it to the proxy base URL' };
    if (!settings.proxyApiKey) return { ok: false, status: 0, error: 'x_seam_bridge.proxy.api_key is empty: set the proxy secret on the instance' };
    const payload = { ...body, idempotencyKey: context.idempotencyKey, correlationId: context.correlationId };
    const checked = REQUEST_CHECK[route](payload);
    if (!checked.ok) {
        const first = checked.error[0];
        return { ok: false, status: 0, error: `request breaks the ${route} schema: ${first.field} ${first.problem}; ${first.fix}` };
    }
    const started = ports.clock.nowMs();
    const res = ports.http.send({
        message: 'Seam Proxy',
        fn: FN[route],
        method: 'POST',
        endpoint: `${settings.proxyUrl}${route}`,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${settings.proxyApiKey}` },
        body: JSON.stringify(payload),
        ...(settings.proxyTimeoutMs ? { timeoutMs: settings.proxyTimeoutMs } : {}),
    });
    const latencyMs = ports.clock.nowMs() - started;
    let outcome: ProxyOutcome<T>;
    if (res.status >= 200 && res.status < 300) {
        try {
            const parsed = JSON.parse(res.body) as T & { engine?: unknown };
            outcome = { ok: true, value: parsed, engine: typeof parsed.engine === 'string' ? parsed.engine : 'unknown' };
        } catch {
            outcome = { ok: false, status: res.status, error: 'proxy answer is not JSON' };
        }
    } else {
        outcome = { ok: false, status: res.status, error: res.status === 0 ? `no HTTP answer: ${res.error ?? 'transport error'}` : `HTTP ${res.status}: ${res.body.slice(0, 300)}` };
    }
    recordAudit(ports, {
        direction: 'proxy',
        operation: route,
        target: 'proxy',
        caseId: context.caseId,
        correlationId: context.correlationId,
        idempotencyKey: context.idempotencyKey,
        result: outcome.ok ? 'success' : 'failed',
        httpStatus: res.status,
        latencyMs,
        detail: outcome.ok ? `engine=${outcome.engine}` : outcome.error,
        // Triage keeps what the model said (no ticket text): the routing metrics and the drift check read it.
        ...(outcome.ok && route === '/v1/triage' ? { newValues: triageOutcome(outcome.value) } : {}),
    });
    return outcome;
}
