/**
 * PII masking around every engine call: the request's free-text fields are masked with the shared
 * `maskPii` (one token map per request, so "Jane" is [NAME_1] everywhere), the engine sees only
 * masked text, and the answer's strings are unmasked on the way out.
 */
import { maskPii, unmaskPii, type PiiTokens } from '@seam/shared';
import type { Endpoint, RequestByEndpoint } from './endpoints.js';

export interface Masked<T> {
  readonly request: T;
  readonly tokens: PiiTokens;
}

export function maskRequest<E extends Endpoint>(endpoint: E, request: RequestByEndpoint[E]): Masked<RequestByEndpoint[E]> {
  let tokens: PiiTokens = {};
  const names: string[] = [];
  const r = request as unknown as Record<string, unknown>;
  if (typeof r['contactName'] === 'string' && r['contactName']) names.push(r['contactName']);
  if (endpoint === 'summarize' || endpoint === 'escalation') {
    for (const e of (request as RequestByEndpoint['summarize']).entries) if (e.author) names.push(e.author);
  }
  const mask = (text: string): string => {
    const m = maskPii(text, { contactNames: names, tokens });
    tokens = m.tokens;
    return m.text;
  };
  const out: Record<string, unknown> = { ...r };
  // contactName itself never goes to a model: it exists only so the name can be masked.
  delete out['contactName'];
  const textFields: Record<Endpoint, readonly string[]> = {
    triage: ['subject', 'description'],
    summarize: ['subject'],
    'resolution-summary': ['subject', 'resolutionCode', 'resolutionNotes'],
    impact: ['shortDescription', 'affectedService', 'workaround'],
    // Numbers and two names (category, group) for the embedded SLA model; nothing reaches an LLM.
    'sla-risk': [],
    escalation: ['subject', 'description', 'configurationItem'],
  };
  for (const f of textFields[endpoint]) if (typeof out[f] === 'string') out[f] = mask(out[f] as string);
  if (endpoint === 'summarize' || endpoint === 'escalation') {
    out['entries'] = (request as RequestByEndpoint['summarize']).entries.map((e) => ({ ...e, author: mask(e.author), body: mask(e.body) }));
  }
  // Attachment text arrives masked by the caller; it is masked again here with the request's own
  // token map, so a caller that forgot (or masked with other names) still sends no PII to a model.
  const files = r['attachments'];
  if (Array.isArray(files)) {
    out['attachments'] = (files as { name: string; text: string }[]).map((a) => ({ name: mask(a.name), text: mask(a.text) }));
  }
  return { request: out as unknown as RequestByEndpoint[E], tokens };
}

/** Unmasks every string in a JSON value (the engine's answer). */
export function unmaskDeep<T>(value: T, tokens: PiiTokens): T {
  if (typeof value === 'string') return unmaskPii(value, tokens) as T;
  if (Array.isArray(value)) return value.map((v) => unmaskDeep(v, tokens)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unmaskDeep(v, tokens)])) as T;
  }
  return value;
}

/** Mask tokens carry no meaning for the classifier ("[EMAIL_1]" must not read as the word "email"). */
export function stripMaskTokens(text: string): string {
  return text.replace(/\[(EMAIL|PHONE|CARD|IBAN|IP|NAME)_\d+\]/g, ' ');
}
