/**
 * What a model request means, independent of HTTP: validate → mask → engine (LLM, else embedded)
 * → check the answer against the schema → label AI text → unmask → audit and meter.
 */
import { isAiLabelled, labelAiText, validate, type FieldProblem, type InsightPhraseRequest, type JsonSchema } from '@seam/shared';
import type { AuditSink } from './auditLog.js';
import { bodyMayCarryFallbackReason, EMBEDDED_ONLY, ENDPOINT_SPECS, ENDPOINTS, type Endpoint, type RequestByEndpoint } from './endpoints.js';
import type { EmbeddedEngine, ResultByEndpoint } from './engines/embedded.js';
import { LlmEngineError, type LlmEngine } from './engines/llm.js';
import { INJECTION_CONFIDENCE_CAP, scanForInjection } from './injection.js';
import { HttpProblem, isKnowledgeEndpoint, KNOWLEDGE_ENDPOINTS, KNOWLEDGE_SPECS, type KnowledgeEndpoint, type KnowledgeService } from './knowledge.js';
import { INSIGHT_ENDPOINTS, InsightPhrasingService, isInsightEndpoint, type InsightEndpoint } from './insights.js';
import { maskRequest, unmaskDeep } from './masking.js';
import type { ProxyMetrics } from './metrics.js';

export { ENDPOINTS, type Endpoint };

/** Every routed endpoint: the model endpoints, the knowledge ones and insight phrasing. */
export const ROUTES: readonly AnyEndpoint[] = [...ENDPOINTS, ...KNOWLEDGE_ENDPOINTS, ...INSIGHT_ENDPOINTS];
export type AnyEndpoint = Endpoint | KnowledgeEndpoint | InsightEndpoint;

export interface RunContext {
  readonly client: string;
  readonly correlationId: string;
  readonly idempotencyKey: string;
}

export interface ServiceOutcome {
  /** The response body: the result and `engine` (validated against the shared response schema). */
  readonly body: Record<string, unknown>;
  readonly engine: 'llm' | 'embedded';
  /** Why the embedded engine answered although an LLM is configured. */
  readonly fallbackReason?: string;
}

export interface HealthReport {
  readonly status: 'ok';
  readonly engines: {
    readonly embedded: { readonly model: string; readonly trainedAt: string; readonly heads: readonly string[] };
    readonly slaRisk: { readonly model: string; readonly trainedAt: string; readonly threshold: number } | { readonly model: null };
    readonly llm: { readonly configured: boolean; readonly model?: string };
  };
}

export interface ProxyService {
  validateRequest(endpoint: AnyEndpoint, body: unknown): FieldProblem[];
  /** Rejects with an `HttpProblem` for answers other than 200 (knowledge index off, unknown record). */
  run(endpoint: AnyEndpoint, request: Record<string, unknown>, ctx: RunContext): Promise<ServiceOutcome>;
  health(): HealthReport;
}

export interface ServiceDeps {
  readonly embedded: EmbeddedEngine;
  readonly llm?: LlmEngine;
  readonly audit: AuditSink;
  readonly metrics: ProxyMetrics;
  /** The knowledge endpoints; absent → they answer 503. */
  readonly knowledge?: KnowledgeService;
  /** `insights/phrase`; absent → the template sentences, audited (as with no LLM). */
  readonly insights?: InsightPhrasingService;
  readonly prices?: { readonly inputPerMTok: number; readonly outputPerMTok: number };
  readonly now?: () => number;
}

/** Fields holding AI-written text that a person may read, with their schema length limit. */
const LABELLED_FIELDS: Partial<Record<Endpoint, readonly [field: string, max: number]>> = {
  summarize: ['summary', 2000],
  'resolution-summary': ['summary', 1500],
  impact: ['body', 1500],
  escalation: ['summary', 2000],
};

function withAiLabel(endpoint: Endpoint, result: Record<string, unknown>): Record<string, unknown> {
  const spec = LABELLED_FIELDS[endpoint];
  if (!spec) return result;
  const [field, max] = spec;
  const text = result[field];
  if (typeof text !== 'string' || isAiLabelled(text)) return result;
  const room = max - labelAiText('').length;
  const body = text.length <= room ? text : `${text.slice(0, room - 1).trimEnd()}…`;
  return { ...result, [field]: labelAiText(body) };
}

/**
 * Unmasking can lengthen a string past its schema limit (a token is shorter than the e-mail it
 * stands for). Clip such strings so the response still honours the contract; the AI label, when
 * present, is kept.
 */
function fitLengths(result: Record<string, unknown>, schema: JsonSchema): Record<string, unknown> {
  const fit = (value: unknown, s: JsonSchema | undefined): unknown => {
    if (typeof value === 'string' && s?.maxLength !== undefined && value.length > s.maxLength) {
      const label = isAiLabelled(value) ? labelAiText('') : '';
      const text = label ? value.slice(0, value.lastIndexOf(label)) : value;
      return `${text.slice(0, s.maxLength - label.length - 1).trimEnd()}…${label}`;
    }
    if (Array.isArray(value)) return value.map((v) => fit(v, s?.items));
    return value;
  };
  return Object.fromEntries(Object.entries(result).map(([k, v]) => [k, fit(v, schema.properties?.[k])]));
}

/**
 * A ticket whose text gives orders to the triage keeps the route its content supports, but the
 * answer says so and its confidence is capped below the policy's review threshold: a person
 * decides. Applied to either engine's answer (an LLM can be talked into a route).
 */
export function guardTriage(request: { readonly subject: string; readonly description: string }, result: Record<string, unknown>): Record<string, unknown> {
  const scan = scanForInjection(`${request.subject}\n${request.description}`);
  if (!scan.flagged) return result;
  const confidence = typeof result['confidence'] === 'number' ? Math.min(result['confidence'], INJECTION_CONFIDENCE_CAP) : INJECTION_CONFIDENCE_CAP;
  const note = `Ticket text reads like instructions to the triage (${scan.signals.join(', ')}); ignored as evidence, confidence capped at ${INJECTION_CONFIDENCE_CAP} for human review. `;
  const rationale = `${note}${typeof result['rationale'] === 'string' ? result['rationale'] : ''}`;
  return { ...result, confidence, rationale: rationale.length <= 500 ? rationale : `${rationale.slice(0, 499).trimEnd()}…` };
}

export class ModelService implements ProxyService {
  private readonly now: () => number;
  private readonly insights: InsightPhrasingService;

  constructor(private readonly deps: ServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.insights = deps.insights ?? new InsightPhrasingService({ audit: deps.audit, metrics: deps.metrics, ...(deps.now ? { now: deps.now } : {}) });
  }

  validateRequest(endpoint: AnyEndpoint, body: unknown): FieldProblem[] {
    if (isInsightEndpoint(endpoint)) return this.insights.validateRequest(body);
    if (isKnowledgeEndpoint(endpoint)) {
      // Validated even when knowledge is off: a bad request is 400 whatever the configuration.
      const k = validate(KNOWLEDGE_SPECS[endpoint].requestSchema, body);
      return k.ok ? [] : [...k.error];
    }
    const r = validate(ENDPOINT_SPECS[endpoint].requestSchema, body);
    return r.ok ? [] : [...r.error];
  }

  private knowledge(endpoint: KnowledgeEndpoint): KnowledgeService {
    if (this.deps.knowledge) return this.deps.knowledge;
    throw new HttpProblem(503, 'knowledge is not configured', `${endpoint} needs a knowledge index`, [
      { field: 'SEAM_KNOWLEDGE_BACKEND', problem: 'is off', fix: 'set SEAM_KNOWLEDGE_BACKEND=sqlite (on-disk, the default) or postgres with SEAM_KNOWLEDGE_POSTGRES_URL, then restart the proxy' },
    ]);
  }

  async run(endpoint: AnyEndpoint, request: Record<string, unknown>, ctx: RunContext): Promise<ServiceOutcome> {
    if (isKnowledgeEndpoint(endpoint)) return this.knowledge(endpoint).run(endpoint, request, ctx);
    if (isInsightEndpoint(endpoint)) return this.insights.run(request as unknown as InsightPhraseRequest, ctx);
    const started = this.now();
    const { metrics } = this.deps;
    const masked = maskRequest(endpoint, request as unknown as RequestByEndpoint[typeof endpoint]);
    let engine: 'llm' | 'embedded' = 'embedded';
    let fallbackReason: string | undefined;
    let result: Record<string, unknown> | undefined;
    let maskedPrompt = '';
    let promptTokens = 0;
    let completionTokens = 0;

    if (this.deps.llm && !EMBEDDED_ONLY.has(endpoint)) {
      try {
        const a = await this.deps.llm.run(endpoint, masked.request);
        result = a.result as unknown as Record<string, unknown>;
        engine = 'llm';
        maskedPrompt = a.maskedPrompt;
        promptTokens = a.promptTokens;
        completionTokens = a.completionTokens;
      } catch (e) {
        if (!(e instanceof LlmEngineError)) throw e;
        fallbackReason = e.reason;
        promptTokens = e.promptTokens;
        completionTokens = e.completionTokens;
        metrics.fallbacks.inc({ endpoint, reason: e.reason });
      }
    }
    if (!result) {
      result = this.deps.embedded.run(endpoint, masked.request) as unknown as Record<string, unknown>;
      maskedPrompt = JSON.stringify(masked.request);
    }
    if (endpoint === 'triage') result = guardTriage(masked.request as unknown as { subject: string; description: string }, result);
    result = withAiLabel(endpoint, result);
    const check = validate<ResultByEndpoint[typeof endpoint]>(ENDPOINT_SPECS[endpoint].resultSchema, result);
    if (!check.ok) {
      // The LLM's answer was validated already, so this is an embedded-engine bug: fail loudly.
      throw new Error(`${engine} engine produced an invalid ${endpoint} result: ${check.error.map((p) => `${p.field} ${p.problem}`).join('; ')}`);
    }

    if (promptTokens || completionTokens) {
      metrics.tokens.inc({ endpoint, kind: 'prompt' }, promptTokens);
      metrics.tokens.inc({ endpoint, kind: 'completion' }, completionTokens);
      const prices = this.deps.prices;
      if (prices) metrics.cost.inc({ endpoint }, (promptTokens * prices.inputPerMTok + completionTokens * prices.outputPerMTok) / 1e6);
    }
    const unmasked = fitLengths(unmaskDeep(result, masked.tokens), ENDPOINT_SPECS[endpoint].resultSchema);
    const body: Record<string, unknown> = { ...unmasked, engine, ...(fallbackReason && bodyMayCarryFallbackReason(endpoint) ? { fallbackReason } : {}) };
    this.deps.audit.write({
      at: new Date(this.now()).toISOString(),
      correlationId: ctx.correlationId,
      idempotencyKey: ctx.idempotencyKey,
      client: ctx.client,
      endpoint,
      engine,
      ...(fallbackReason ? { fallbackReason } : {}),
      cached: false,
      maskedPrompt,
      maskedOutput: result,
      tokens: { prompt: promptTokens, completion: completionTokens },
      latencyMs: this.now() - started,
    });
    const final = validate(ENDPOINT_SPECS[endpoint].responseSchema, body);
    if (!final.ok) throw new Error(`the ${endpoint} response breaks its schema: ${final.error.map((p) => `${p.field} ${p.problem}`).join('; ')}`);
    if (endpoint === 'triage' && typeof body['confidence'] === 'number') {
      this.deps.metrics.triageConfidence.observe({ route: String(body['route']), engine }, body['confidence']);
    }
    return { body, engine, ...(fallbackReason ? { fallbackReason } : {}) };
  }

  health(): HealthReport {
    const m = this.deps.embedded.model;
    const sla = this.deps.embedded.sla?.model;
    return {
      status: 'ok',
      engines: {
        embedded: { model: m.source, trainedAt: m.trainedAt, heads: Object.keys(m.heads) },
        slaRisk: sla ? { model: sla.source, trainedAt: sla.trainedAt, threshold: sla.threshold } : { model: null },
        llm: this.deps.llm ? { configured: true, model: this.deps.llm.model } : { configured: false },
      },
    };
  }
}
