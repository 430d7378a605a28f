/** The model endpoints, each with its request/result schemas, prompt and masked fields. */
import {
  ESCALATION_REQUEST_SCHEMA,
  ESCALATION_RESULT_SCHEMA,
  escalationPrompt,
  type EscalationRequest,
  IMPACT_REQUEST_SCHEMA,
  IMPACT_RESULT_SCHEMA,
  RESOLUTION_SUMMARY_REQUEST_SCHEMA,
  RESOLUTION_SUMMARY_RESULT_SCHEMA,
  SUMMARIZE_REQUEST_SCHEMA,
  SUMMARIZE_RESULT_SCHEMA,
  SLA_RISK_REQUEST_SCHEMA,
  SLA_RISK_RESULT_SCHEMA,
  TRIAGE_REQUEST_SCHEMA,
  TRIAGE_RESULT_SCHEMA,
  impactPrompt,
  resolutionSummaryPrompt,
  responseSchema,
  summarizePrompt,
  triagePrompt,
  type ImpactRequest,
  type JsonSchema,
  type Prompt,
  type ResolutionSummaryRequest,
  type SlaRiskRequest,
  type SummarizeRequest,
  type TriageRequest,
} from '@seam/shared';

export const ENDPOINTS = ['triage', 'summarize', 'resolution-summary', 'impact', 'sla-risk', 'escalation'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export interface RequestByEndpoint {
  triage: TriageRequest;
  summarize: SummarizeRequest;
  'resolution-summary': ResolutionSummaryRequest;
  impact: ImpactRequest;
  'sla-risk': SlaRiskRequest;
  escalation: EscalationRequest;
}

export interface EndpointSpec {
  readonly requestSchema: JsonSchema;
  readonly resultSchema: JsonSchema;
  /** The response: the result plus `engine` (and `fallbackReason` when the LLM could not answer). */
  readonly responseSchema: JsonSchema;
}

/**
 * The response schema is the shared one. Platforms validate answers with it (closed objects), so the
 * proxy puts `fallbackReason` in the body only once the shared schema allows it; until then the
 * reason travels in the `X-Seam-Fallback-Reason` header (and the audit log and metrics).
 */
function proxyResponseSchema(result: JsonSchema): JsonSchema {
  return responseSchema(result);
}

export function bodyMayCarryFallbackReason(endpoint: Endpoint): boolean {
  return Boolean(ENDPOINT_SPECS[endpoint].responseSchema.properties?.['fallbackReason']);
}

export const ENDPOINT_SPECS: Readonly<Record<Endpoint, EndpointSpec>> = {
  triage: { requestSchema: TRIAGE_REQUEST_SCHEMA, resultSchema: TRIAGE_RESULT_SCHEMA, responseSchema: proxyResponseSchema(TRIAGE_RESULT_SCHEMA) },
  summarize: { requestSchema: SUMMARIZE_REQUEST_SCHEMA, resultSchema: SUMMARIZE_RESULT_SCHEMA, responseSchema: proxyResponseSchema(SUMMARIZE_RESULT_SCHEMA) },
  'resolution-summary': {
    requestSchema: RESOLUTION_SUMMARY_REQUEST_SCHEMA,
    resultSchema: RESOLUTION_SUMMARY_RESULT_SCHEMA,
    responseSchema: proxyResponseSchema(RESOLUTION_SUMMARY_RESULT_SCHEMA),
  },
  impact: { requestSchema: IMPACT_REQUEST_SCHEMA, resultSchema: IMPACT_RESULT_SCHEMA, responseSchema: proxyResponseSchema(IMPACT_RESULT_SCHEMA) },
  'sla-risk': { requestSchema: SLA_RISK_REQUEST_SCHEMA, resultSchema: SLA_RISK_RESULT_SCHEMA, responseSchema: proxyResponseSchema(SLA_RISK_RESULT_SCHEMA) },
  escalation: { requestSchema: ESCALATION_REQUEST_SCHEMA, resultSchema: ESCALATION_RESULT_SCHEMA, responseSchema: proxyResponseSchema(ESCALATION_RESULT_SCHEMA) },
};

/** Endpoints answered by an embedded model only (a number from fields, no text for an LLM). */
export const EMBEDDED_ONLY: ReadonlySet<Endpoint> = new Set<Endpoint>(['sla-risk']);

export function buildPrompt<E extends Endpoint>(endpoint: E, request: RequestByEndpoint[E]): Prompt {
  switch (endpoint) {
    case 'triage': return triagePrompt(request as TriageRequest);
    case 'summarize': return summarizePrompt(request as SummarizeRequest);
    case 'resolution-summary': return resolutionSummaryPrompt(request as ResolutionSummaryRequest);
    case 'escalation': return escalationPrompt(request as EscalationRequest);
    case 'sla-risk': throw new Error('sla-risk has no prompt: it is answered by the embedded SLA model only (EMBEDDED_ONLY)');
    default: return impactPrompt(request as ImpactRequest);
  }
}

/**
 * The schema sent as `response_format`: the same shape without the length and range keywords
 * that several OpenAI-compatible servers reject in strict mode. The full schema still validates
 * the answer afterwards, so nothing is lost.
 */
export function structuredOutputSchema(schema: JsonSchema): Record<string, unknown> {
  const { $schema: _s, $id: _i, title: _t, minLength: _a, maxLength: _b, minimum: _c, maximum: _d, pattern: _p, minItems: _e, maxItems: _f, properties, items, ...rest } = schema;
  const out: Record<string, unknown> = { ...rest };
  if (properties) out['properties'] = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, structuredOutputSchema(v)]));
  if (items) out['items'] = structuredOutputSchema(items);
  return out;
}
