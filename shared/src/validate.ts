/**
 * A small JSON Schema validator for the subset `schemas.ts` uses. Pure and dependency-free, so
 * the ServiceNow REST API validates exactly as the proxy (which uses ajv on the same schemas).
 * Every problem names the JSON path (`messages[0].caseId`), what is wrong, and the fix.
 */
import type { JsonSchema, JsonType } from './schemas';
import {
  CASE_MESSAGE_BATCH_SCHEMA,
  COMMENT_MESSAGE_BATCH_SCHEMA,
  IMPACT_REQUEST_SCHEMA,
  IMPACT_RESULT_SCHEMA,
  SLA_RISK_REQUEST_SCHEMA,
  SLA_RISK_RESULT_SCHEMA,
  RESOLUTION_SUMMARY_REQUEST_SCHEMA,
  RESOLUTION_SUMMARY_RESULT_SCHEMA,
  SUMMARIZE_REQUEST_SCHEMA,
  SUMMARIZE_RESULT_SCHEMA,
  TRIAGE_REQUEST_SCHEMA,
  TRIAGE_RESULT_SCHEMA,
} from './schemas';
import type {
  CaseMessage,
  CommentMessage,
  ImpactRequest,
  ImpactResult,
  SlaRiskRequest,
  SlaRiskResult,
  ResolutionSummaryRequest,
  ResolutionSummaryResult,
  SummarizeRequest,
  SummarizeResult,
  TriageRequest,
  TriageResult,
} from './schemas';
import { err, ok } from './types';
import type { FieldProblem, Result } from './types';

/** Stop after this many problems: a broken body should not produce a megabyte of errors. */
export const MAX_PROBLEMS = 50;

function typeOf(v: unknown): JsonType | 'undefined' | 'other' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isFinite(v) ? (Number.isInteger(v) ? 'integer' : 'number') : 'other';
    case 'object':
      return 'object';
    case 'undefined':
      return 'undefined';
    default:
      return 'other';
  }
}

const matchesType = (actual: string, wanted: JsonType): boolean =>
  actual === wanted || (wanted === 'number' && actual === 'integer');

const childPath = (path: string, key: string): string =>
  /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

/** Characters count as Unicode code points, as JSON Schema says. */
const codePoints = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      n++;
      i++;
    }
  }
  return n;
};

/**
 * Index of the first UTF-16 surrogate without its partner, or -1. JSON can carry one (`"\ud800"`),
 * but no platform stores it faithfully (UTF-8 columns replace or reject it), so it is refused.
 */
export function unpairedSurrogateAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    else return i;
  }
  return -1;
}

function check(schema: JsonSchema, value: unknown, path: string, out: FieldProblem[]): void {
  if (out.length >= MAX_PROBLEMS) return;
  const at = path || '(body)';
  const add = (problem: string, fix: string): void => {
    if (out.length < MAX_PROBLEMS) out.push({ field: at, problem, fix, value: typeof value === 'object' ? undefined : value });
  };
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const types: readonly JsonType[] = typeof schema.type === 'string' ? [schema.type] : schema.type;
    if (!types.some((t) => matchesType(actual, t))) {
      add(`is ${actual === 'undefined' ? 'missing' : `${actual === 'integer' ? 'number' : actual} ${show(value)}`}, expected ${types.join(' or ')}`, `send ${at} as ${types.join(' or ')}`);
      return;
    }
  }
  if (schema.anyOf !== undefined) {
    const branches = schema.anyOf.map((sub) => {
      const inner: FieldProblem[] = [];
      check(sub, value, path, inner);
      return inner;
    });
    if (!branches.some((b) => b.length === 0)) {
      // One branch has the value's type: its own problem (too long, bad text) says more than the type list.
      const typed = schema.anyOf.filter((sub) => sub.type !== undefined && (typeof sub.type === 'string' ? [sub.type] : sub.type).some((t) => matchesType(actual, t)));
      if (typed.length === 1) {
        for (const p of branches[schema.anyOf.indexOf(typed[0])]) if (out.length < MAX_PROBLEMS) out.push(p);
        return;
      }
      const wanted = schema.anyOf.map((sub) => (sub.type !== undefined ? String(sub.type) : 'a matching value')).join(' or ');
      add(`is ${actual === 'undefined' ? 'missing' : show(value)}, expected ${wanted}`, `send ${at} as ${wanted}`);
      return;
    }
  }
  if (schema.const !== undefined && value !== schema.const) add(`is ${show(value)}`, `send ${show(schema.const)}`);
  if (schema.enum !== undefined && schema.enum.indexOf(value as never) < 0) {
    add(`is ${show(value)}, not an allowed value`, `use one of ${schema.enum.map(show).join(', ')}`);
  }
  if (typeof value === 'string') {
    const broken = unpairedSurrogateAt(value);
    if (broken >= 0) {
      add(
        `has an unpaired UTF-16 surrogate (\\u${value.charCodeAt(broken).toString(16)}) at index ${broken}, which is not valid Unicode text`,
        `send well-formed text: remove or replace the broken character (often a string cut inside an emoji)`,
      );
    }
    const len = codePoints(value);
    if (schema.minLength !== undefined && len < schema.minLength) {
      add(len === 0 ? 'is empty' : `is ${len} characters, shorter than ${schema.minLength}`, `send at least ${schema.minLength} character(s)`);
    }
    if (schema.maxLength !== undefined && len > schema.maxLength) {
      add(`is ${len} characters, longer than ${schema.maxLength}`, `shorten it to at most ${schema.maxLength} characters`);
    }
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
      add(`${show(value)} does not match ${schema.pattern}`, `send a value matching ${schema.pattern}${schema.description ? ` (${schema.description})` : ''}`);
    }
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) add(`is ${value}, below ${schema.minimum}`, `send a number ≥ ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) add(`is ${value}, above ${schema.maximum}`, `send a number ≤ ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) add(`has ${value.length} item(s), fewer than ${schema.minItems}`, `send at least ${schema.minItems} item(s)`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) add(`has ${value.length} items, more than ${schema.maxItems}`, `send at most ${schema.maxItems} items (split the batch)`);
    if (schema.items) for (let i = 0; i < value.length; i++) check(schema.items, value[i], `${path}[${i}]`, out);
  }
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    const props = schema.properties ?? {};
    for (const name of schema.required ?? []) {
      if (!Object.prototype.hasOwnProperty.call(obj, name) || obj[name] === undefined) {
        const p = childPath(path, name);
        if (out.length < MAX_PROBLEMS) out.push({ field: p, problem: 'is missing', fix: `add ${name}` + (props[name]?.type ? ` (${String(props[name].type)})` : '') });
      }
    }
    for (const name of Object.keys(obj)) {
      const p = childPath(path, name);
      if (obj[name] === undefined) continue;
      if (Object.prototype.hasOwnProperty.call(props, name)) check(props[name], obj[name], p, out);
      else if (schema.additionalProperties === false) {
        if (out.length < MAX_PROBLEMS) {
          out.push({ field: p, problem: 'is not a known field', fix: `remove it; allowed: ${Object.keys(props).join(', ')}` });
        }
      } else if (typeof schema.additionalProperties === 'object') check(schema.additionalProperties, obj[name], p, out);
    }
  }
}

/** Validates `value` against `schema`; on success returns it typed as `T`. */
export function validate<T>(schema: JsonSchema, value: unknown, path = ''): Result<T, FieldProblem[]> {
  const problems: FieldProblem[] = [];
  check(schema, value, path, problems);
  return problems.length === 0 ? ok(value as T) : err(problems);
}

/** Parses JSON text and validates it; a syntax error is reported as a problem of the body. */
export function parseAndValidate<T>(schema: JsonSchema, text: string): Result<T, FieldProblem[]> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return err([{ field: '(body)', problem: `is not valid JSON: ${(e as Error).message}`, fix: 'send a JSON document (Content-Type: application/json)' }]);
  }
  return validate<T>(schema, value);
}

export const validateTriageRequest = (v: unknown): Result<TriageRequest, FieldProblem[]> => validate(TRIAGE_REQUEST_SCHEMA, v);
export const validateTriageResult = (v: unknown): Result<TriageResult, FieldProblem[]> => validate(TRIAGE_RESULT_SCHEMA, v);
export const validateSummarizeRequest = (v: unknown): Result<SummarizeRequest, FieldProblem[]> => validate(SUMMARIZE_REQUEST_SCHEMA, v);
export const validateSummarizeResult = (v: unknown): Result<SummarizeResult, FieldProblem[]> => validate(SUMMARIZE_RESULT_SCHEMA, v);
export const validateResolutionSummaryRequest = (v: unknown): Result<ResolutionSummaryRequest, FieldProblem[]> =>
  validate(RESOLUTION_SUMMARY_REQUEST_SCHEMA, v);
export const validateResolutionSummaryResult = (v: unknown): Result<ResolutionSummaryResult, FieldProblem[]> =>
  validate(RESOLUTION_SUMMARY_RESULT_SCHEMA, v);
export const validateImpactRequest = (v: unknown): Result<ImpactRequest, FieldProblem[]> => validate(IMPACT_REQUEST_SCHEMA, v);
export const validateImpactResult = (v: unknown): Result<ImpactResult, FieldProblem[]> => validate(IMPACT_RESULT_SCHEMA, v);
export const validateSlaRiskRequest = (v: unknown): Result<SlaRiskRequest, FieldProblem[]> => validate(SLA_RISK_REQUEST_SCHEMA, v);
export const validateSlaRiskResult = (v: unknown): Result<SlaRiskResult, FieldProblem[]> => validate(SLA_RISK_RESULT_SCHEMA, v);
export const validateCaseMessageBatch = (v: unknown): Result<{ messages: CaseMessage[] }, FieldProblem[]> =>
  validate(CASE_MESSAGE_BATCH_SCHEMA, v);
export const validateCommentMessageBatch = (v: unknown): Result<{ messages: CommentMessage[] }, FieldProblem[]> =>
  validate(COMMENT_MESSAGE_BATCH_SCHEMA, v);
