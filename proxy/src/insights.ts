/**
 * `insights/phrase`: cross-platform insights said in plain words, every number from the data.
 * Same pipeline as the other endpoints — the HTTP edge authenticates, rate-limits, validates and
 * caches — and here: mask → (LLM sentences | template sentences) → the numbers check of every
 * model sentence (`choosePhrasing`: a sentence that adds, drops or changes a number is replaced
 * by the template sentence, with the reason) → schema check → unmask → audit.
 * Without an LLM the answer is the template sentences (the embedded default).
 */
import {
  INSIGHT_PHRASE_REQUEST_SCHEMA,
  INSIGHT_PHRASE_RESULT_SCHEMA,
  INSIGHT_TEXT_MAX,
  choosePhrasing,
  insightPhrasingPrompt,
  maskPii,
  responseSchema,
  unmaskPii,
  validate,
  type FieldProblem,
  type InsightPhraseRequest,
  type InsightPhraseResult,
  type InsightPhrasingDraft,
  type JsonSchema,
  type PhrasedInsight,
  type PiiTokens,
} from '@seam/shared';
import type { AuditSink } from './auditLog.js';
import type { LlmClient } from './engines/llmClient.js';
import { askForJson } from './engines/structuredCall.js';
import type { ProxyMetrics } from './metrics.js';

export const INSIGHT_ENDPOINTS = ['insights/phrase'] as const;
export type InsightEndpoint = (typeof INSIGHT_ENDPOINTS)[number];

export function isInsightEndpoint(e: string): e is InsightEndpoint {
  return (INSIGHT_ENDPOINTS as readonly string[]).includes(e);
}

export const INSIGHT_SPECS: Readonly<Record<InsightEndpoint, { requestSchema: JsonSchema; responseSchema: JsonSchema }>> = {
  'insights/phrase': { requestSchema: INSIGHT_PHRASE_REQUEST_SCHEMA, responseSchema: responseSchema(INSIGHT_PHRASE_RESULT_SCHEMA) },
};

export interface InsightDeps {
  readonly llm?: LlmClient;
  readonly audit: AuditSink;
  readonly metrics: ProxyMetrics;
  readonly now?: () => number;
}

export interface InsightRunContext {
  readonly client: string;
  readonly correlationId: string;
  readonly idempotencyKey: string;
}

export interface InsightOutcome {
  readonly body: Record<string, unknown>;
  readonly engine: 'llm' | 'embedded';
  readonly fallbackReason?: string;
}

const ENDPOINT: InsightEndpoint = 'insights/phrase';

export class InsightPhrasingService {
  private readonly now: () => number;

  constructor(private readonly deps: InsightDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The schema, then one rule it cannot say: each insight id once (a phrasing is matched by id). */
  validateRequest(body: unknown): FieldProblem[] {
    const r = validate<InsightPhraseRequest>(INSIGHT_PHRASE_REQUEST_SCHEMA, body);
    if (!r.ok) return [...r.error];
    const seen = new Set<string>();
    const problems: FieldProblem[] = [];
    r.value.insights.forEach((insight, i) => {
      if (seen.has(insight.id)) problems.push({ field: `insights[${i}].id`, problem: `"${insight.id}" is listed twice`, fix: 'send each insight once' });
      seen.add(insight.id);
    });
    return problems;
  }

  async run(request: InsightPhraseRequest, ctx: InsightRunContext): Promise<InsightOutcome> {
    const started = this.now();
    const { metrics } = this.deps;
    // One token map for every sentence, so a name is the same token everywhere; the numbers
    // check runs on the masked sentences (tokens carry digits, and both sides carry the same).
    let tokens: PiiTokens = {};
    const masked = request.insights.map((i) => {
      const m = maskPii(i.text, { tokens });
      tokens = m.tokens;
      return { id: i.id, text: m.text };
    });

    let engine: 'llm' | 'embedded' = 'embedded';
    let fallbackReason: string | undefined;
    let maskedPrompt = JSON.stringify(masked);
    let promptTokens = 0;
    let completionTokens = 0;
    let phrased: PhrasedInsight[];
    if (this.deps.llm) {
      const d = await askForJson<InsightPhrasingDraft>(this.deps.llm, insightPhrasingPrompt({ insights: masked }));
      promptTokens = d.promptTokens;
      completionTokens = d.completionTokens;
      maskedPrompt = d.maskedPrompt;
      if (d.ok) {
        const byId: Record<string, string> = {};
        for (const s of d.value.sentences) if (!(s.id in byId)) byId[s.id] = s.text;
        phrased = choosePhrasing(masked, byId);
        const rejected = phrased.filter((p) => p.phrasedBy === 'template').length;
        if (rejected) metrics.fallbacks.inc({ endpoint: ENDPOINT, reason: 'numbers_check' }, rejected);
        if (rejected < phrased.length) engine = 'llm';
        else {
          // Not one model sentence kept the data's numbers: the answer is the template's.
          fallbackReason = 'llm_invalid_output';
          metrics.fallbacks.inc({ endpoint: ENDPOINT, reason: fallbackReason });
        }
      } else {
        fallbackReason = d.reason;
        metrics.fallbacks.inc({ endpoint: ENDPOINT, reason: d.reason });
        phrased = choosePhrasing(masked, undefined).map((p) => ({ ...p, fallbackReason: `the model gave no usable answer (${d.reason})` }));
      }
    } else {
      phrased = choosePhrasing(masked, undefined);
    }

    const insights = phrased.map((p, i) => {
      const text = unmaskPii(p.text, tokens);
      // Unmasking can lengthen a sentence; a cut could drop a number, so the template stands instead.
      if (text.length <= INSIGHT_TEXT_MAX) return { ...p, text };
      return { id: p.id, text: request.insights[i]!.text, phrasedBy: 'template' as const, fallbackReason: `the phrased sentence is longer than ${INSIGHT_TEXT_MAX} characters` };
    });
    const result: InsightPhraseResult = { insights };
    if (promptTokens || completionTokens) {
      metrics.tokens.inc({ endpoint: ENDPOINT, kind: 'prompt' }, promptTokens);
      metrics.tokens.inc({ endpoint: ENDPOINT, kind: 'completion' }, completionTokens);
    }
    this.deps.audit.write({
      at: new Date(this.now()).toISOString(),
      correlationId: ctx.correlationId,
      idempotencyKey: ctx.idempotencyKey,
      client: ctx.client,
      endpoint: ENDPOINT,
      engine,
      ...(fallbackReason ? { fallbackReason } : {}),
      cached: false,
      maskedPrompt,
      maskedOutput: { insights: phrased },
      tokens: { prompt: promptTokens, completion: completionTokens },
      latencyMs: this.now() - started,
    });
    const body: Record<string, unknown> = { ...result, engine, ...(fallbackReason ? { fallbackReason } : {}) };
    // The response schema is the result schema plus the engine fields: one check covers both.
    const final = validate(INSIGHT_SPECS[ENDPOINT].responseSchema, body);
    if (!final.ok) throw new Error(`the insights/phrase response breaks its schema: ${final.error.map((p) => `${p.field} ${p.problem}`).join('; ')}`);
    return { body, engine, ...(fallbackReason ? { fallbackReason } : {}) };
  }
}
