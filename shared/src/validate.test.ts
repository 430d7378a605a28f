import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idempotencyKey, messageId } from './idempotency';
import {
  CASE_DESCRIPTION_MAX,
  CASE_MESSAGE_BATCH_SCHEMA,
  CASE_SUBJECT_MAX,
  IMPACT_RESULT_SCHEMA,
  SCHEMAS,
  TRIAGE_RESULT_SCHEMA,
  responseSchema,
} from './schemas';
import type { JsonSchema } from './schemas';
import { PROMPT_ATTACHMENTS_MAX, PROMPT_ATTACHMENT_TEXT_MAX } from './schemas';
import {
  MAX_PROBLEMS,
  parseAndValidate,
  validate,
  validateCaseMessageBatch,
  validateCommentMessageBatch,
  validateImpactRequest,
  validateImpactResult,
  validateResolutionSummaryRequest,
  validateResolutionSummaryResult,
  validateSummarizeRequest,
  validateSummarizeResult,
  validateTriageRequest,
  validateTriageResult,
  unpairedSurrogateAt,
} from './validate';

const CASE_ID = '500Aa00000AbCdEIAV';
const caseMessage = (over: Record<string, unknown> = {}) => ({
  messageId: messageId(idempotencyKey('salesforce', CASE_ID, 3)),
  idempotencyKey: idempotencyKey('salesforce', CASE_ID, 3),
  caseId: CASE_ID,
  caseNumber: '00001026',
  version: 3,
  sentAt: '2026-01-10T12:00:00.000Z',
  origin: 'salesforce',
  fields: { Subject: 'VPN down', Priority: 'High', 'Account.Seam_Contract_Value__c': 100, ContactId: null, IsEscalated: false },
  ...over,
});
const triage = { route: 'servicenow', category: 'outage', priority: 2, suggestedAssignmentGroup: 'Network', confidence: 0.91, rationale: 'VPN outage for all users.' };

describe('validate: sync batches', () => {
  it('accepts a valid CaseMessage batch and returns it typed', () => {
    const r = validateCaseMessageBatch({ messages: [caseMessage()] });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.messages[0].caseId).toBe(CASE_ID);
  });

  it('names the JSON path, the problem and the fix of every problem', () => {
    const r = validateCaseMessageBatch({
      messages: [caseMessage(), caseMessage({ caseId: '500short', version: 0, origin: 'servicenow', extra: 1, fields: { Subject: { nested: true } } })],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byField = Object.fromEntries(r.error.map((p) => [p.field, p]));
    expect(Object.keys(byField).sort()).toEqual([
      'messages[1].caseId',
      'messages[1].extra',
      'messages[1].fields.Subject',
      'messages[1].origin',
      'messages[1].version',
    ]);
    expect(byField['messages[1].extra'].problem).toBe('is not a known field');
    expect(byField['messages[1].extra'].fix).toContain('allowed: messageId');
    expect(byField['messages[1].version'].problem).toBe('is 0, below 1');
    expect(byField['messages[1].origin'].fix).toContain('"salesforce"');
    expect(byField['messages[1].fields.Subject'].problem).toContain('expected string or null');
    for (const p of r.error) expect(p.fix.length).toBeGreaterThan(0);
  });

  it('reports missing fields and batch sizes', () => {
    const missing = validateCaseMessageBatch({ messages: [{ ...caseMessage(), caseId: undefined }] });
    expect(!missing.ok && missing.error[0]).toMatchObject({ field: 'messages[0].caseId', problem: 'is missing' });
    const empty = validateCaseMessageBatch({ messages: [] });
    expect(!empty.ok && empty.error[0].field).toBe('messages');
    const big = validateCaseMessageBatch({ messages: Array.from({ length: 201 }, () => caseMessage()) });
    expect(!big.ok && big.error[0].fix).toContain('split the batch');
    expect(validateCaseMessageBatch([]).ok).toBe(false);
    expect(validateCaseMessageBatch(null).ok).toBe(false);
  });

  it('quotes keys that are not identifiers in the path', () => {
    const r = validate({ type: 'object', properties: {}, additionalProperties: { type: 'string' } }, { 'Account.X': 1 });
    expect(!r.ok && r.error[0].field).toBe('["Account.X"]');
  });

  it('accepts a human escalation (escalate: true, who escalated) and nothing else in its place', () => {
    const one = (over: Record<string, unknown>) => validateCaseMessageBatch({ messages: [caseMessage(over)] });
    expect(one({ escalate: true, escalatedBy: 'Jane Agent' }).ok).toBe(true);
    const bad = one({ escalate: false, escalatedBy: '' });
    expect(!bad.ok && bad.error.map((p) => p.field)).toEqual(['messages[0].escalate', 'messages[0].escalatedBy']);
    const wrongType = one({ escalate: 'yes' });
    expect(!wrongType.ok && wrongType.error[0].field).toBe('messages[0].escalate');
  });

  it('validates CommentMessage batches', () => {
    const c = { messageId: 'm1', idempotencyKey: 'salesforce:00aAa00000AbCdEIAV:1:comment', caseId: CASE_ID, commentId: '00aAa00000AbCdEIAV', body: 'hi', author: 'Jane', createdAt: '2026-01-10T12:00:00Z', origin: 'salesforce' };
    expect(validateCommentMessageBatch({ messages: [c] }).ok).toBe(true);
    const r = validateCommentMessageBatch({ messages: [{ ...c, body: '', createdAt: '2026-01-10 12:00:00' }] });
    expect(!r.ok && r.error.map((p) => p.field)).toEqual(['messages[0].body', 'messages[0].createdAt']);
  });

  it('parses JSON text and reports syntax errors as a body problem', () => {
    expect(parseAndValidate(CASE_MESSAGE_BATCH_SCHEMA, JSON.stringify({ messages: [caseMessage()] })).ok).toBe(true);
    const r = parseAndValidate(CASE_MESSAGE_BATCH_SCHEMA, '{"messages": [');
    expect(!r.ok && r.error[0]).toMatchObject({ field: '(body)' });
  });

  it('refuses Case text longer than the Case field holds, naming the field and the limit', () => {
    const at = (fields: Record<string, unknown>) => validateCaseMessageBatch({ messages: [caseMessage({ fields })] });
    expect(at({ Subject: 's'.repeat(CASE_SUBJECT_MAX), Description: 'd'.repeat(CASE_DESCRIPTION_MAX) }).ok).toBe(true);
    expect(at({ Subject: null, Description: null }).ok).toBe(true);
    // Emoji count as one character each (code points), as Salesforce counts them.
    expect(at({ Subject: '🔥'.repeat(CASE_SUBJECT_MAX) }).ok).toBe(true);
    const long = at({ Subject: 's'.repeat(CASE_SUBJECT_MAX + 1), Description: 'x'.repeat(140_000) });
    expect(!long.ok && long.error.map((p) => [p.field, p.problem, p.fix])).toEqual([
      ['messages[0].fields.Subject', 'is 256 characters, longer than 255', 'shorten it to at most 255 characters'],
      ['messages[0].fields.Description', 'is 140000 characters, longer than 32000', 'shorten it to at most 32000 characters'],
    ]);
  });

  it('refuses text with an unpaired surrogate anywhere, naming the field and the fix', () => {
    const r = validateCaseMessageBatch({ messages: [caseMessage({ fields: { Description: 'broken \ud800 text', Other__c: '\udc00' } })] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => p.field)).toEqual(['messages[0].fields.Description', 'messages[0].fields.Other__c']);
    expect(r.error[0].problem).toContain('unpaired UTF-16 surrogate (\\ud800) at index 7');
    expect(r.error[0].fix).toContain('remove or replace the broken character');
    const c = { messageId: 'm1', idempotencyKey: 'k', caseId: CASE_ID, commentId: '00aAa00000AbCdEIAV', body: 'cut 🔥'.slice(0, 5), author: 'Jane', createdAt: '2026-01-10T12:00:00Z', origin: 'salesforce' };
    expect(!validateCommentMessageBatch({ messages: [c] }).ok && 'refused').toBe('refused');
  });

  it('finds unpaired surrogates and passes well-formed text', () => {
    expect(unpairedSurrogateAt('')).toBe(-1);
    expect(unpairedSurrogateAt('plain, RTL مرحبا, emoji 🔥🇩🇪 👩🏽‍💻')).toBe(-1);
    expect(unpairedSurrogateAt('a\ud800')).toBe(1); // high at the end
    expect(unpairedSurrogateAt('a\ud800b')).toBe(1); // high before a non-surrogate
    expect(unpairedSurrogateAt('ab\udc00')).toBe(2); // low without a high
    expect(unpairedSurrogateAt('\udc00\ud800')).toBe(0); // reversed pair
    expect(unpairedSurrogateAt('🔥\ud83d')).toBe(2);
  });

  it('stops after MAX_PROBLEMS', () => {
    const r = validateCaseMessageBatch({ messages: Array.from({ length: 200 }, () => ({})) });
    expect(!r.ok && r.error.length).toBe(MAX_PROBLEMS);
  });
});

describe('validate: AI requests and results', () => {
  it('accepts valid triage results and rejects each broken rule', () => {
    expect(validateTriageResult(triage).ok).toBe(true);
    const bad = validateTriageResult({ ...triage, route: 'jira', priority: 2.5, confidence: 1.2, rationale: 'x'.repeat(501), category: 'misc' });
    expect(!bad.ok && bad.error.map((p) => p.field).sort()).toEqual(['category', 'confidence', 'priority', 'rationale', 'route']);
    const missing = validateTriageResult({ route: 'review' });
    expect(!missing.ok && missing.error.length).toBe(5);
  });

  it('counts code points for lengths', () => {
    expect(validateTriageResult({ ...triage, rationale: '😀'.repeat(500) }).ok).toBe(true);
    expect(validateTriageResult({ ...triage, rationale: '😀'.repeat(501) }).ok).toBe(false);
  });

  it('validates the other requests and results', () => {
    const ids = { idempotencyKey: 'k', correlationId: 'c' };
    expect(validateTriageRequest({ ...ids, caseId: CASE_ID, subject: 's', description: '', customerPriority: 'High', contactName: 'Jane' }).ok).toBe(true);
    expect(validateTriageRequest({ ...ids, caseId: CASE_ID, subject: 's', description: '', customerPriority: 'Urgent' }).ok).toBe(false);
    expect(validateSummarizeRequest({ ...ids, audience: 'servicenow', subject: 's', entries: [{ author: 'a', body: 'b', createdAt: '2026-01-10T12:00:00Z' }] }).ok).toBe(true);
    expect(validateSummarizeRequest({ ...ids, audience: 'servicenow', subject: 's', entries: [] }).ok).toBe(false);
    expect(validateSummarizeResult({ summary: 's', keyPoints: ['a'], openQuestions: [] }).ok).toBe(true);
    expect(validateSummarizeResult({ summary: 's', keyPoints: Array(11).fill('a'), openQuestions: [] }).ok).toBe(false);
    expect(validateResolutionSummaryRequest({ ...ids, subject: 's', resolutionNotes: 'restarted' }).ok).toBe(true);
    expect(validateResolutionSummaryResult({ summary: 's', nextSteps: [] }).ok).toBe(true);
    expect(validateResolutionSummaryResult({ summary: '', nextSteps: [] }).ok).toBe(false);
    expect(validateImpactRequest({ ...ids, incidentNumber: 'INC0012345', shortDescription: 'Email down', status: 'investigating', startedAt: '2026-01-10T12:00:00Z' }).ok).toBe(true);
    expect(validateImpactRequest({ ...ids, incidentNumber: 'INC1', shortDescription: 'Email down', status: 'investigating' }).ok).toBe(false);
    expect(validateImpactResult({ headline: 'h', body: 'b', severity: 'major', customerAction: '' }).ok).toBe(true);
    expect(validateImpactResult({ headline: 'h', body: 'b', severity: 'sev1', customerAction: '' }).ok).toBe(false);
  });

  it('accepts a few capped attachments on triage, summarize and resolution-summary, and refuses more or longer', () => {
    const ids = { idempotencyKey: 'k', correlationId: 'c' };
    const one = { name: 'vpn.log', text: 'ERROR tunnel down' };
    const entries = [{ author: 'a', body: 'b', createdAt: '2026-01-10T12:00:00Z' }];
    const make = (attachments: unknown) => [
      validateTriageRequest({ ...ids, caseId: CASE_ID, subject: 's', description: '', attachments }),
      validateSummarizeRequest({ ...ids, audience: 'servicenow', subject: 's', entries, attachments }),
      validateResolutionSummaryRequest({ ...ids, subject: 's', resolutionNotes: 'restarted', attachments }),
    ];
    for (const r of make([one])) expect(r.ok).toBe(true);
    for (const r of make(Array(PROMPT_ATTACHMENTS_MAX).fill(one))) expect(r.ok).toBe(true);
    for (const r of make(Array(PROMPT_ATTACHMENTS_MAX + 1).fill(one))) expect(r.ok).toBe(false);
    for (const r of make([{ ...one, text: 'x'.repeat(PROMPT_ATTACHMENT_TEXT_MAX + 1) }])) expect(r.ok).toBe(false);
    for (const r of make([{ name: 'vpn.log' }])) expect(r.ok).toBe(false);
    for (const r of make([{ ...one, bytes: 'AAAA' }])) expect(r.ok).toBe(false);
  });

  it('response schemas add the engine', () => {
    const s = responseSchema(TRIAGE_RESULT_SCHEMA);
    expect(s.$id).toBe('seam/triage-response');
    expect(validate(s, { ...triage, engine: 'embedded' }).ok).toBe(true);
    expect(validate(s, triage).ok).toBe(false);
    expect(responseSchema({ type: 'object', properties: {} })).not.toHaveProperty('$id');
  });

  it('response schemas let the proxy say why the embedded engine answered, and nothing else extra', () => {
    const s = responseSchema(TRIAGE_RESULT_SCHEMA);
    expect(validate(s, { ...triage, engine: 'embedded', fallbackReason: 'model output failed the schema twice' }).ok).toBe(true);
    expect(validate(s, { ...triage, engine: 'embedded', fallbackReason: '' }).ok).toBe(false);
    expect(validate(s, { ...triage, engine: 'embedded', debug: true }).ok).toBe(false);
  });

  it('supports const and type lists', () => {
    const s: JsonSchema = { type: ['string', 'null'], const: 'x' };
    expect(validate(s, 'x').ok).toBe(true);
    expect(validate(s, 'y').ok).toBe(false);
    expect(validate(s, 1).ok).toBe(false);
    expect(validate({ type: 'number' }, Number.NaN).ok).toBe(false);
    expect(validate({ type: 'integer' }, 2).ok).toBe(true);
    const any: JsonSchema = { anyOf: [{ type: 'string', maxLength: 2 }, { type: 'null' }] };
    expect(validate(any, 'ab').ok).toBe(true);
    expect(validate(any, null).ok).toBe(true);
    const r = validate(any, 'abc');
    // The one branch of the value's type says what is wrong with it.
    expect(!r.ok && r.error[0].problem).toBe('is 3 characters, longer than 2');
    const neither = validate(any, 3);
    expect(!neither.ok && neither.error[0].problem).toBe('is 3, expected string or null');
    expect(validate({ type: 'number' }, 2).ok).toBe(true);
  });
});

describe('schemas are standard JSON Schema (the proxy feeds them to ajv)', () => {
  const KNOWN = new Set(['$schema', '$id', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties', 'enum', 'const', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'items', 'minItems', 'maxItems', 'anyOf']);
  const walk = (s: JsonSchema, path: string, out: string[]): void => {
    for (const k of Object.keys(s)) if (!KNOWN.has(k)) out.push(`${path}.${k}`);
    for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${path}.properties.${k}`, out);
    if (s.items) walk(s.items, `${path}.items`, out);
    if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${path}.additionalProperties`, out);
    (s.anyOf ?? []).forEach((sub, i) => walk(sub, `${path}.anyOf[${i}]`, out));
    if (Array.isArray(s.type)) out.push(`${path}.type (a list: ajv strict mode rejects union types)`);
    for (const r of s.required ?? []) if (!s.properties || !(r in s.properties)) out.push(`${path}.required.${r}`);
    if (s.pattern) new RegExp(s.pattern, 'u');
  };

  it('uses only the implemented keywords, requires only declared properties, and survives JSON', () => {
    for (const [name, schema] of Object.entries(SCHEMAS)) {
      const unknown: string[] = [];
      walk(schema, name, unknown);
      expect(unknown).toEqual([]);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    }
  });

  it('never throws on any input, and every problem names a field, a problem and a fix', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(SCHEMAS)), fc.anything(), (schema, value) => {
        const r = validate(schema, value);
        if (!r.ok) for (const p of r.error) expect(p.field.length * p.problem.length * p.fix.length).toBeGreaterThan(0);
      }),
    );
  });

  it('every valid triage result the property generates passes, every mutation fails', () => {
    const arb = fc.record({
      route: fc.constantFrom('servicenow', 'salesforce', 'review'),
      category: fc.constantFrom('outage', 'how_to', 'other'),
      priority: fc.integer({ min: 1, max: 5 }),
      suggestedAssignmentGroup: fc.string({ maxLength: 100 }),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }),
      rationale: fc.string({ minLength: 1, maxLength: 500 }),
    });
    fc.assert(
      fc.property(arb, fc.constantFrom('route', 'priority', 'confidence', 'extra'), (r, mutate) => {
        expect(validate(TRIAGE_RESULT_SCHEMA, r).ok).toBe(true);
        const broken = { ...r, [mutate]: mutate === 'priority' ? 6 : mutate === 'confidence' ? -0.1 : 'nope' };
        const v = validate(TRIAGE_RESULT_SCHEMA, broken);
        expect(!v.ok && v.error[0].field).toBe(mutate);
      }),
    );
    expect(validate(IMPACT_RESULT_SCHEMA, {}).ok).toBe(false);
  });
});
