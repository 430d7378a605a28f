/**
 * The LLM engine: shared prompt (ticket text fenced as data) → structured output bound to the
 * shared result schema → validation. One repair turn for an answer that breaks the schema; a
 * second bad answer, or a failed call, is an `LlmEngineError` and the embedded engine answers.
 */
import { validate, type FieldProblem } from '@seam/shared';
import { buildPrompt, ENDPOINT_SPECS, structuredOutputSchema, type Endpoint, type RequestByEndpoint } from '../endpoints.js';
import type { ResultByEndpoint } from './embedded.js';
import { LlmCallError, type LlmClient, type LlmFailure } from './llmClient.js';

export type LlmEngineFailure = LlmFailure | 'llm_invalid_output';

export class LlmEngineError extends Error {
  constructor(
    readonly reason: LlmEngineFailure,
    message: string,
    readonly promptTokens: number,
    readonly completionTokens: number,
  ) {
    super(message);
    this.name = 'LlmEngineError';
  }
}

export interface LlmAnswer<T> {
  readonly result: T;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly maskedPrompt: string;
  readonly repaired: boolean;
}

function check<T>(endpoint: Endpoint, content: string): { ok: true; value: T } | { ok: false; problems: FieldProblem[] } {
  let parsed: unknown;
  try {
    // Some servers wrap JSON in a code fence despite response_format; accept that, nothing looser.
    parsed = JSON.parse(content.trim().replace(/^```(?:json)?\s*\n([\s\S]*)\n```$/, '$1'));
  } catch (e) {
    return { ok: false, problems: [{ field: '(answer)', problem: `is not JSON (${(e as Error).message})`, fix: 'answer with one JSON object only' }] };
  }
  const r = validate<T>(ENDPOINT_SPECS[endpoint].resultSchema, parsed);
  return r.ok ? { ok: true, value: r.value } : { ok: false, problems: r.error };
}

export class LlmEngine {
  constructor(readonly client: LlmClient) {}

  get model(): string {
    return this.client.config.model;
  }

  async run<E extends Endpoint>(endpoint: E, request: RequestByEndpoint[E]): Promise<LlmAnswer<ResultByEndpoint[E]>> {
    const prompt = buildPrompt(endpoint, request);
    const call = { system: prompt.system, user: prompt.user, schemaName: prompt.schemaName, schema: structuredOutputSchema(prompt.schema) };
    let promptTokens = 0;
    let completionTokens = 0;
    const attempt = async (followUp?: { role: 'assistant' | 'user'; content: string }[]): Promise<string> => {
      try {
        const a = await this.client.complete(followUp ? { ...call, followUp } : call);
        promptTokens += a.promptTokens;
        completionTokens += a.completionTokens;
        return a.content;
      } catch (e) {
        if (e instanceof LlmCallError) throw new LlmEngineError(e.reason, e.message, promptTokens, completionTokens);
        throw e;
      }
    };
    const first = await attempt();
    const firstCheck = check<ResultByEndpoint[E]>(endpoint, first);
    if (firstCheck.ok) return { result: firstCheck.value, promptTokens, completionTokens, maskedPrompt: prompt.user, repaired: false };

    const complaint = firstCheck.problems.slice(0, 10).map((p) => `- ${p.field}: ${p.problem}; ${p.fix}`).join('\n');
    const second = await attempt([
      { role: 'assistant', content: first.slice(0, 8000) },
      { role: 'user', content: `Your answer does not match the required JSON Schema:\n${complaint}\nAnswer again with only the corrected JSON object.` },
    ]);
    const secondCheck = check<ResultByEndpoint[E]>(endpoint, second);
    if (secondCheck.ok) return { result: secondCheck.value, promptTokens, completionTokens, maskedPrompt: prompt.user, repaired: true };
    throw new LlmEngineError(
      'llm_invalid_output',
      `the model's answer broke the schema twice: ${secondCheck.problems.map((p) => `${p.field} ${p.problem}`).join('; ').slice(0, 300)}`,
      promptTokens,
      completionTokens,
    );
  }
}
