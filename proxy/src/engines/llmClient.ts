/**
 * One structured chat completion against any OpenAI-compatible endpoint, with our own retry loop
 * (the client's is switched off) so that every attempt is counted, backoff is configurable, and
 * Retry-After / retry-after-ms from the server are honoured.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { LlmConfig } from '../config.js';

export interface StructuredCall {
  readonly system: string;
  readonly user: string;
  /** Name for `response_format.json_schema.name` (letters, digits, _ and -). */
  readonly schemaName: string;
  readonly schema: Record<string, unknown>;
  /** Extra turns, used by the repair attempt (the previous answer and what was wrong with it). */
  readonly followUp?: ReadonlyArray<{ readonly role: 'assistant' | 'user'; readonly content: string }>;
}

export interface StructuredAnswer {
  /** The raw message content (expected to be JSON). */
  readonly content: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly attempts: number;
}

/** Why the LLM gave no usable answer; becomes `fallbackReason` in the response. */
export type LlmFailure = 'llm_timeout' | 'llm_rate_limited' | 'llm_server_error' | 'llm_unreachable' | 'llm_rejected' | 'llm_refused';

export class LlmCallError extends Error {
  constructor(readonly reason: LlmFailure, message: string, readonly attempts: number) {
    super(message);
    this.name = 'LlmCallError';
  }
}

export interface LlmClientDeps {
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Called once per HTTP attempt with its outcome, for metrics. */
  readonly onAttempt?: (outcome: 'ok' | LlmFailure) => void;
  readonly now?: () => number;
}

const MAX_RETRY_AFTER_MS = 30_000;

function retryAfterMs(err: APIError): number | undefined {
  const h = err.headers;
  if (!h) return undefined;
  const ms = Number(h.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0 && h.get('retry-after-ms') !== null) return ms;
  const ra = h.get('retry-after');
  if (ra === null) return undefined;
  const secs = Number(ra);
  if (Number.isFinite(secs)) return secs * 1000;
  const date = Date.parse(ra);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function classify(err: unknown): { reason: LlmFailure; retryable: boolean; waitMs?: number } {
  if (err instanceof APIConnectionTimeoutError) return { reason: 'llm_timeout', retryable: true };
  if (err instanceof APIConnectionError) return { reason: 'llm_unreachable', retryable: true };
  if (err instanceof APIError) {
    const status = err.status ?? 0;
    const waitMs = retryAfterMs(err);
    if (status === 429) return { reason: 'llm_rate_limited', retryable: true, ...(waitMs !== undefined ? { waitMs } : {}) };
    if (status >= 500) return { reason: 'llm_server_error', retryable: true, ...(waitMs !== undefined ? { waitMs } : {}) };
    return { reason: 'llm_rejected', retryable: false };
  }
  return { reason: 'llm_unreachable', retryable: false };
}

export class LlmClient {
  private readonly client: OpenAI;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(readonly config: LlmConfig, private readonly deps: LlmClientDeps = {}) {
    this.client = new OpenAI({ baseURL: config.baseURL, apiKey: config.apiKey, timeout: config.timeoutMs, maxRetries: 0 });
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = deps.random ?? Math.random;
  }

  async complete(call: StructuredCall): Promise<StructuredAnswer> {
    const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
      { role: 'system', content: call.system },
      { role: 'user', content: call.user },
      ...(call.followUp ?? []).map((m) => ({ role: m.role, content: m.content })),
    ];
    const now = this.deps.now ?? Date.now;
    const started = now();
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.client.chat.completions.create({
          model: this.config.model,
          messages,
          ...(this.config.temperature !== undefined ? { temperature: this.config.temperature } : {}),
          ...(this.config.maxOutputTokens !== undefined ? { max_tokens: this.config.maxOutputTokens } : {}),
          response_format: { type: 'json_schema', json_schema: { name: call.schemaName, schema: call.schema, strict: true } },
        });
        const choice = res.choices[0];
        const content = choice?.message?.content;
        if (choice?.message?.refusal || typeof content !== 'string') {
          this.deps.onAttempt?.('llm_refused');
          throw new LlmCallError('llm_refused', 'the model returned no content (refusal or empty message)', attempt);
        }
        this.deps.onAttempt?.('ok');
        return {
          content,
          promptTokens: res.usage?.prompt_tokens ?? 0,
          completionTokens: res.usage?.completion_tokens ?? 0,
          attempts: attempt,
        };
      } catch (err) {
        if (err instanceof LlmCallError) throw err;
        const c = classify(err);
        this.deps.onAttempt?.(c.reason);
        // Exponential backoff with jitter, unless the server said when to come back.
        const backoff = c.waitMs ?? this.config.backoffMs * 2 ** (attempt - 1) * (0.5 + this.random() / 2);
        const overrun = now() - started + backoff + this.config.timeoutMs > this.config.deadlineMs;
        if (!c.retryable || attempt > this.config.maxRetries || backoff > MAX_RETRY_AFTER_MS || overrun) {
          throw new LlmCallError(c.reason, (err as Error).message, attempt);
        }
        await this.sleep(backoff);
      }
    }
  }
}
