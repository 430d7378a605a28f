/**
 * The knowledge endpoints: `knowledge/answer` (a grounded, cited answer or an explicit "no confident
 * answer"), `knowledge/search` (passages only) and `knowledge/documents` (case summaries from the
 * resolution flow, stored masked and citable). Same pipeline as the model endpoints — the HTTP edge
 * authenticates, rate-limits, validates, caches — and here: mask → search → (LLM draft | extractive)
 * → ground (uncited sentences removed) → schema check → unmask → audit.
 */
import {
  KNOWLEDGE_ANSWER_REQUEST_SCHEMA,
  KNOWLEDGE_ANSWER_RESULT_SCHEMA,
  KNOWLEDGE_DOCUMENTS_REQUEST_SCHEMA,
  KNOWLEDGE_GAPS_REQUEST_SCHEMA,
  KNOWLEDGE_GAPS_RESULT_SCHEMA,
  DEFAULT_GAP_POLICY,
  groupKnowledgeGaps,
  type GapCandidate,
  KNOWLEDGE_K_DEFAULT,
  KNOWLEDGE_SEARCH_REQUEST_SCHEMA,
  caseSummaryDocId,
  composeKnowledgeAnswer,
  decideConfidence,
  knowledgeAnswerPrompt,
  knowledgeQuestion,
  maskPii,
  rankPassages,
  responseSchema,
  validate,
  type FieldProblem,
  type JsonSchema,
  type KnowledgeAnswerRequest,
  type KnowledgeDocumentInput,
  type KnowledgeDraft,
  type KnowledgePassage,
  type KnowledgePlatform,
  type KnowledgePolicy,
  type PiiTokens,
  type RankedPassage,
} from '@seam/shared';
import type { AuditSink } from './auditLog.js';
import type { LlmClient } from './engines/llmClient.js';
import { askForJson, type StructuredOutcome } from './engines/structuredCall.js';
import { unmaskDeep } from './masking.js';
import type { ProxyMetrics } from './metrics.js';

export const KNOWLEDGE_ENDPOINTS = ['knowledge/answer', 'knowledge/search', 'knowledge/documents', 'knowledge/gaps'] as const;
export type KnowledgeEndpoint = (typeof KNOWLEDGE_ENDPOINTS)[number];

export function isKnowledgeEndpoint(e: string): e is KnowledgeEndpoint {
  return (KNOWLEDGE_ENDPOINTS as readonly string[]).includes(e);
}

/** Search response: the passages, how they were found, and whether vectors took part. */
export const KNOWLEDGE_SEARCH_RESPONSE_SCHEMA: JsonSchema = {
  $id: 'seam/knowledge-search-response',
  title: 'KnowledgeSearchResponse',
  type: 'object',
  properties: {
    passages: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          docId: { type: 'string' }, chunkId: { type: 'string' }, platform: { type: 'string', enum: ['servicenow', 'salesforce'] }, kind: { type: 'string', enum: ['ARTICLE', 'CASE_SUMMARY'] },
          number: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' }, heading: { type: 'string' }, text: { type: 'string' }, score: { type: 'number' }, relevance: { type: 'number', minimum: 0, maximum: 1 },
        },
        required: ['docId', 'chunkId', 'platform', 'kind', 'number', 'title', 'url', 'text', 'score', 'relevance'],
      },
    },
    mode: { type: 'string', enum: ['hybrid', 'lexical', 'vector'] },
    vectors: { type: 'boolean' },
  },
  required: ['passages', 'mode', 'vectors'],
};

export const KNOWLEDGE_DOCUMENTS_RESPONSE_SCHEMA: JsonSchema = {
  $id: 'seam/knowledge-documents-response',
  title: 'KnowledgeDocumentsResponse',
  type: 'object',
  properties: { added: { type: 'integer', minimum: 0 }, updated: { type: 'integer', minimum: 0 }, unchanged: { type: 'integer', minimum: 0 } },
  required: ['added', 'updated', 'unchanged'],
  additionalProperties: false,
};

export const KNOWLEDGE_SPECS: Readonly<Record<KnowledgeEndpoint, { requestSchema: JsonSchema; responseSchema: JsonSchema }>> = {
  'knowledge/answer': { requestSchema: KNOWLEDGE_ANSWER_REQUEST_SCHEMA, responseSchema: responseSchema(KNOWLEDGE_ANSWER_RESULT_SCHEMA) },
  'knowledge/search': { requestSchema: KNOWLEDGE_SEARCH_REQUEST_SCHEMA, responseSchema: KNOWLEDGE_SEARCH_RESPONSE_SCHEMA },
  'knowledge/documents': { requestSchema: KNOWLEDGE_DOCUMENTS_REQUEST_SCHEMA, responseSchema: KNOWLEDGE_DOCUMENTS_RESPONSE_SCHEMA },
  'knowledge/gaps': { requestSchema: KNOWLEDGE_GAPS_REQUEST_SCHEMA, responseSchema: KNOWLEDGE_GAPS_RESULT_SCHEMA },
};

/**
 * Unanswered questions kept for gap grouping: in the knowledge index when it can keep them (the
 * embedded SQLite file, or PostgreSQL shared by replicas), so gaps survive a restart; else in memory.
 */
export const GAP_CANDIDATES_MAX = 5000;

/** The part of `@seam/knowledge`'s `KnowledgeIndex` the proxy uses. */
export interface KnowledgeIndexLike {
  upsert(docs: readonly KnowledgeDocumentInput[]): Promise<{ added: number; updated: number; unchanged: number }>;
  search(query: string, opts?: { k?: number; mode?: 'hybrid' | 'lexical' | 'vector'; platforms?: readonly KnowledgePlatform[] }): Promise<{ passages: readonly KnowledgePassage[]; mode: 'hybrid' | 'lexical' | 'vector'; vectors: boolean }>;
  close(): Promise<void>;
  /** Optional: an index that keeps unanswered questions, so gaps survive a restart and are shared by replicas. */
  recordGap?(gap: GapCandidate, max?: number): Promise<void>;
  gapRecords?(limit?: number): Promise<GapCandidate[]>;
}

/** An answer other than 200 (the index is off, a record is unknown): the edge sends it as an error. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail: string,
    readonly problems: readonly FieldProblem[],
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

export interface KnowledgeDeps {
  /** Opens (once) the configured index; rejects with an `HttpProblem` (503) when there is none. */
  readonly index: () => Promise<KnowledgeIndexLike>;
  readonly llm?: LlmClient;
  readonly audit: AuditSink;
  readonly metrics: ProxyMetrics;
  readonly policy?: KnowledgePolicy;
  readonly now?: () => number;
}

export interface KnowledgeRunContext {
  readonly client: string;
  readonly correlationId: string;
  readonly idempotencyKey: string;
}

export interface KnowledgeOutcome {
  readonly body: Record<string, unknown>;
  readonly engine: 'llm' | 'embedded';
  readonly fallbackReason?: string;
}

export { caseSummaryDocId };

export class KnowledgeService {
  private readonly now: () => number;
  /** Masked questions that got no confident answer, newest last: the material of knowledge gaps. */
  readonly gapCandidates: GapCandidate[] = [];

  constructor(private readonly deps: KnowledgeDeps) {
    this.now = deps.now ?? Date.now;
  }

  validateRequest(endpoint: KnowledgeEndpoint, body: unknown): FieldProblem[] {
    const r = validate(KNOWLEDGE_SPECS[endpoint].requestSchema, body);
    return r.ok ? [] : [...r.error];
  }

  run(endpoint: KnowledgeEndpoint, request: Record<string, unknown>, ctx: KnowledgeRunContext): Promise<KnowledgeOutcome> {
    if (endpoint === 'knowledge/answer') return this.answer(request as unknown as KnowledgeAnswerRequest, ctx);
    if (endpoint === 'knowledge/gaps') return this.gaps(request as unknown as { minMembers?: number }, ctx);
    if (endpoint === 'knowledge/search') return this.search(request as unknown as { question: string; k?: number; platforms?: KnowledgePlatform[]; mode?: 'hybrid' | 'lexical' | 'vector' }, ctx);
    return this.documents(request as unknown as { documents: KnowledgeDocumentInput[] }, ctx);
  }

  private audit(endpoint: KnowledgeEndpoint, ctx: KnowledgeRunContext, started: number, rest: { engine: 'llm' | 'embedded'; fallbackReason?: string; maskedPrompt: string; maskedOutput: unknown; promptTokens?: number; completionTokens?: number }): void {
    this.deps.audit.write({
      at: new Date(this.now()).toISOString(),
      correlationId: ctx.correlationId,
      idempotencyKey: ctx.idempotencyKey,
      client: ctx.client,
      endpoint,
      engine: rest.engine,
      ...(rest.fallbackReason ? { fallbackReason: rest.fallbackReason } : {}),
      cached: false,
      maskedPrompt: rest.maskedPrompt,
      maskedOutput: rest.maskedOutput,
      tokens: { prompt: rest.promptTokens ?? 0, completion: rest.completionTokens ?? 0 },
      latencyMs: this.now() - started,
    });
  }

  private async answer(request: KnowledgeAnswerRequest, ctx: KnowledgeRunContext): Promise<KnowledgeOutcome> {
    const started = this.now();
    const index = await this.deps.index();
    let q = knowledgeQuestion(request);
    if (!q.ok && 'needsLookup' in q) {
      // An id without its text: the record's case summary, if the resolution flow stored one.
      const id = q.needsLookup;
      const platform: KnowledgePlatform = request.caseId ? 'salesforce' : 'servicenow';
      const docId = caseSummaryDocId(platform, id);
      const found = (await index.search(id, { k: KNOWLEDGE_K_DEFAULT * 2, mode: 'lexical', platforms: [platform] })).passages.find((p) => p.docId === docId);
      const field = request.caseId ? 'caseId' : 'incidentId';
      if (!found) {
        throw new HttpProblem(404, 'unknown record', `${field} ${id} has no case summary in the knowledge index`, [
          { field, problem: `${id} is not in the knowledge index (the proxy reads no platform records)`, fix: 'send the record\'s "subject" and "description" with the id, or a "question"' },
        ]);
      }
      q = { ok: true, text: `${found.title}\n${found.text}`, recordId: id };
    }
    if (!q.ok) {
      const p = 'problem' in q ? q.problem : { field: 'question', problem: 'is missing', fix: 'send a question' };
      throw new HttpProblem(400, 'invalid request', `1 problem(s) in the knowledge/answer request`, [p]);
    }
    const masked = maskPii(q.text);
    const tokens: PiiTokens = masked.tokens;
    const found = await index.search(masked.text, { k: request.k ?? KNOWLEDGE_K_DEFAULT, ...(request.platforms ? { platforms: request.platforms } : {}) });
    // A record's own case summary is not an answer to itself.
    const ownDoc = q.recordId ? [caseSummaryDocId('salesforce', q.recordId), caseSummaryDocId('servicenow', q.recordId)] : [];
    const passages = found.passages.filter((p) => !ownDoc.includes(p.docId));
    const retrieval = { mode: found.mode, vectors: found.vectors };

    let engine: 'llm' | 'embedded' = 'embedded';
    let fallbackReason: string | undefined;
    let draft: KnowledgeDraft | undefined;
    let maskedPrompt = JSON.stringify({ question: masked.text, passages: passages.map((p) => p.chunkId) });
    let promptTokens = 0;
    let completionTokens = 0;
    const decision = decideConfidence(rankPassages(masked.text, passages), this.deps.policy, found.mode);
    if (this.deps.llm && decision.confident) {
      const d = await this.llmDraft(masked.text, decision.usable);
      promptTokens = d.promptTokens;
      completionTokens = d.completionTokens;
      maskedPrompt = d.maskedPrompt;
      if (d.ok) {
        draft = d.value;
        engine = 'llm';
      } else {
        fallbackReason = d.reason;
        this.deps.metrics.fallbacks.inc({ endpoint: 'knowledge/answer', reason: d.reason });
      }
    }
    const composed = composeKnowledgeAnswer({ question: masked.text, passages, retrieval, ...(draft ? { draft } : {}), ...(this.deps.policy ? { policy: this.deps.policy } : {}) });
    const { removedSentences, ...result } = composed;
    // A model draft whose every sentence was uncited failed; the extractive answer stands in. (A
    // model that declines — no sentences, noConfidentAnswer — is honoured.)
    let final: typeof result = result;
    if (engine === 'llm' && result.noConfidentAnswer && removedSentences > 0) {
      const { removedSentences: _r, ...extractive } = composeKnowledgeAnswer({ question: masked.text, passages, retrieval, ...(this.deps.policy ? { policy: this.deps.policy } : {}) });
      final = extractive;
      engine = 'embedded';
      fallbackReason = 'llm_invalid_output';
      this.deps.metrics.fallbacks.inc({ endpoint: 'knowledge/answer', reason: 'llm_invalid_output' });
    }
    if (final.noConfidentAnswer) {
      // One candidate per record (its latest text), else per question.
      const id = q.recordId ?? `question:${ctx.client}:${masked.text.slice(0, 120)}`;
      const gap: GapCandidate = { id, platform: request.caseId || ctx.client === 'salesforce' ? 'salesforce' : 'servicenow', number: q.recordId ?? 'question', text: masked.text };
      if (index.recordGap) await index.recordGap(gap, GAP_CANDIDATES_MAX);
      else {
        const at = this.gapCandidates.findIndex((g) => g.id === id);
        if (at >= 0) this.gapCandidates.splice(at, 1);
        this.gapCandidates.push(gap);
        if (this.gapCandidates.length > GAP_CANDIDATES_MAX) this.gapCandidates.shift();
      }
    }
    const check = validate(KNOWLEDGE_ANSWER_RESULT_SCHEMA, final);
    if (!check.ok) throw new Error(`knowledge answer breaks its schema: ${check.error.map((p) => `${p.field} ${p.problem}`).join('; ')}`);
    if (promptTokens || completionTokens) {
      this.deps.metrics.tokens.inc({ endpoint: 'knowledge/answer', kind: 'prompt' }, promptTokens);
      this.deps.metrics.tokens.inc({ endpoint: 'knowledge/answer', kind: 'completion' }, completionTokens);
    }
    this.audit('knowledge/answer', ctx, started, { engine, ...(fallbackReason ? { fallbackReason } : {}), maskedPrompt, maskedOutput: { ...final, removedSentences }, promptTokens, completionTokens });
    const body = { ...unmaskDeep(final, tokens), engine, ...(fallbackReason ? { fallbackReason } : {}) };
    return { body, engine, ...(fallbackReason ? { fallbackReason } : {}) };
  }

  /** The model writes from the usable passages only; one repair turn; any failure → extractive. */
  private async llmDraft(question: string, usable: readonly RankedPassage[]): Promise<StructuredOutcome<KnowledgeDraft>> {
    return askForJson<KnowledgeDraft>(this.deps.llm as LlmClient, knowledgeAnswerPrompt(question, usable));
  }

  private async search(request: { question: string; k?: number; platforms?: KnowledgePlatform[]; mode?: 'hybrid' | 'lexical' | 'vector' }, ctx: KnowledgeRunContext): Promise<KnowledgeOutcome> {
    const started = this.now();
    const index = await this.deps.index();
    const masked = maskPii(request.question);
    const found = await index.search(masked.text, { k: request.k ?? KNOWLEDGE_K_DEFAULT, ...(request.platforms ? { platforms: request.platforms } : {}), ...(request.mode ? { mode: request.mode } : {}) });
    const passages = found.passages.map((p) => ({ ...p, relevance: rankPassages(masked.text, [p])[0].relevance }));
    const out = { passages, mode: found.mode, vectors: found.vectors };
    this.audit('knowledge/search', ctx, started, { engine: 'embedded', maskedPrompt: masked.text, maskedOutput: { chunks: passages.map((p) => p.chunkId) } });
    return { body: { ...unmaskDeep(out, masked.tokens) }, engine: 'embedded' };
  }

  /** Recurring unanswered themes, each with a draft article for a person to write and publish. */
  private async gaps(request: { minMembers?: number }, ctx: KnowledgeRunContext): Promise<KnowledgeOutcome> {
    const started = this.now();
    const policy = request.minMembers ? { ...DEFAULT_GAP_POLICY, minMembers: request.minMembers } : DEFAULT_GAP_POLICY;
    // No index configured: the in-memory candidates (there are none without an index either).
    const index = await this.deps.index().catch(() => null);
    const candidates = index?.gapRecords ? await index.gapRecords(GAP_CANDIDATES_MAX) : this.gapCandidates;
    const gaps = groupKnowledgeGaps(candidates, policy).slice(0, 100);
    this.audit('knowledge/gaps', ctx, started, { engine: 'embedded', maskedPrompt: '', maskedOutput: { gaps: gaps.map((g) => ({ key: g.key, members: g.members.length })) } });
    return { body: { gaps }, engine: 'embedded' };
  }

  /** Case summaries are masked here, before the index sees them (the caller may have masked already). */
  private async documents(request: { documents: KnowledgeDocumentInput[] }, ctx: KnowledgeRunContext): Promise<KnowledgeOutcome> {
    const started = this.now();
    const index = await this.deps.index();
    const docs = request.documents.map((d) => ({
      ...d,
      title: maskPii(d.title).text,
      body: maskPii(d.body).text,
      ...(d.tags ? { tags: d.tags.map((t) => maskPii(t).text) } : {}),
    }));
    const counts = await index.upsert(docs);
    const body = { added: counts.added, updated: counts.updated, unchanged: counts.unchanged };
    this.audit('knowledge/documents', ctx, started, { engine: 'embedded', maskedPrompt: '', maskedOutput: { ids: docs.map((d) => d.id), ...body } });
    return { body, engine: 'embedded' };
  }
}
