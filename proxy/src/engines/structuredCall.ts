/**
 * One structured answer from the LLM for endpoints that post-process a draft (knowledge answers,
 * insight phrasing): the prompt with its schema as `response_format`, the answer parsed and
 * validated, one repair turn for an answer that breaks the schema. A failure is a value (its
 * reason becomes `fallbackReason`), never an exception, so the caller's embedded answer stands in.
 */
import { validate, type FieldProblem, type JsonSchema } from '@seam/shared';
import { structuredOutputSchema } from '../endpoints.js';
import { LlmCallError, type LlmClient, type LlmFailure } from './llmClient.js';

export interface StructuredPrompt {
  readonly system: string;
  readonly user: string;
  readonly schemaName: string;
  readonly schema: JsonSchema;
}

export type StructuredOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly promptTokens: number; readonly completionTokens: number; readonly maskedPrompt: string }
  | { readonly ok: false; readonly reason: LlmFailure | 'llm_invalid_output'; readonly promptTokens: number; readonly completionTokens: number; readonly maskedPrompt: string };

export function parseJsonAnswer<T>(schema: JsonSchema, content: string): { ok: true; value: T } | { ok: false; problems: FieldProblem[] } {
  let parsed: unknown;
  try {
    // Some servers wrap JSON in a code fence despite response_format; accept that, nothing looser.
    parsed = JSON.parse(content.trim().replace(/^```(?:json)?\s*\n([\s\S]*)\n```$/, '$1'));
  } catch (e) {
    return { ok: false, problems: [{ field: '(answer)', problem: `is not JSON (${(e as Error).message})`, fix: 'answer with one JSON object only' }] };
  }
  const r = validate<T>(schema, parsed);
  return r.ok ? { ok: true, value: r.value } : { ok: false, problems: [...r.error] };
}

export async function askForJson<T>(client: LlmClient, prompt: StructuredPrompt): Promise<StructuredOutcome<T>> {
  const call = { system: prompt.system, user: prompt.user, schemaName: prompt.schemaName, schema: structuredOutputSchema(prompt.schema) };
  let promptTokens = 0;
  let completionTokens = 0;
  const attempt = async (followUp?: { role: 'assistant' | 'user'; content: string }[]): Promise<string> => {
    const a = await client.complete(followUp ? { ...call, followUp } : call);
    promptTokens += a.promptTokens;
    completionTokens += a.completionTokens;
    return a.content;
  };
  const maskedPrompt = prompt.user;
  try {
    const first = await attempt();
    const one = parseJsonAnswer<T>(prompt.schema, first);
    if (one.ok) return { ok: true, value: one.value, promptTokens, completionTokens, maskedPrompt };
    const complaint = one.problems.slice(0, 10).map((p) => `- ${p.field}: ${p.problem}; ${p.fix}`).join('\n');
    const second = await attempt([
      { role: 'assistant', content: first.slice(0, 8000) },
      { role: 'user', content: `Your answer does not match the required JSON Schema:\n${complaint}\nAnswer again with only the corrected JSON object.` },
    ]);
    const two = parseJsonAnswer<T>(prompt.schema, second);
    if (two.ok) return { ok: true, value: two.value, promptTokens, completionTokens, maskedPrompt };
    return { ok: false, reason: 'llm_invalid_output', promptTokens, completionTokens, maskedPrompt };
  } catch (e) {
    if (e instanceof LlmCallError) return { ok: false, reason: e.reason, promptTokens, completionTokens, maskedPrompt };
    throw e;
  }
}
