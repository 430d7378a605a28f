// @ts-check
/**
 * SOQL: a tokenizer and recursive-descent parser for the subset Seam uses, and an evaluator over
 * the twin's records. String literals are tokenized with their escapes, so a value can never
 * leave its literal: an unescaped quote ends the literal and the rest must still parse as SOQL.
 *
 * Grammar (keywords case-insensitive):
 *   query   := SELECT select FROM name [alias] [WHERE or] [ORDER BY order {, order}] [LIMIT int] [OFFSET int]
 *   select  := COUNT() | item {, item}        item := path | COUNT(path) [alias] | ( query )  (children, one level)
 *   or      := and {OR and}   and := not {AND not}   (AND and OR may not be mixed without parentheses)
 *   not     := NOT not | ( or ) | path op value | path [NOT] IN ( value {, value} ) | path LIKE string
 *   value   := string | number | NULL | TRUE | FALSE | date | datetime | TODAY | LAST_N_DAYS:n | …
 */
import { ApiError, malformedQuery } from './errors.js';
import { normalizeId } from './ids.js';
import { findObject } from './schema.js';

/**
 * @typedef {{ kind: 'ident'|'string'|'number'|'date'|'datetime'|'op'|'punct'|'eof', value: string, pos: number, like?: RegExp }} Token
 * @typedef {{ kind: 'string', value: string, like: RegExp } | { kind: 'number', value: number } | { kind: 'null' } | { kind: 'boolean', value: boolean }
 *   | { kind: 'date', value: string } | { kind: 'datetime', value: number } | { kind: 'range', name: string, start: number, end: number }} Value
 * @typedef {{ type: 'cmp', path: string, op: string, value: Value, pos: number }
 *   | { type: 'in', path: string, negate: boolean, values: Value[], pos: number }
 *   | { type: 'and' | 'or', items: Cond[] } | { type: 'not', expr: Cond }} Cond
 * @typedef {{ path: string, desc: boolean, nullsLast: boolean }} Order
 * @typedef {{ kind: 'field', path: string, pos: number } | { kind: 'count', path: string | null, alias: string | null, pos: number } | { kind: 'subquery', query: Query, pos: number }} SelectItem
 * @typedef {{ select: SelectItem[], countOnly: boolean, from: string, fromPos: number, alias: string | null, where: Cond | null,
 *   orderBy: Order[], limit: number | null, offset: number | null, text: string }} Query
 */

const KEYWORDS = new Set(['SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'IN', 'LIKE', 'ORDER', 'BY', 'ASC', 'DESC', 'NULLS', 'FIRST', 'LAST',
  'LIMIT', 'OFFSET', 'NULL', 'TRUE', 'FALSE', 'GROUP', 'HAVING', 'WITH', 'FOR', 'USING', 'INCLUDES', 'EXCLUDES']);

/**
 * A MALFORMED_QUERY error pointing at a position, laid out as the platform does.
 * @param {string} text @param {number} pos @param {string} problem
 */
function errorAt(text, pos, problem) {
  const before = text.slice(0, pos);
  const row = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  const line = text.split('\n')[row - 1] ?? '';
  return malformedQuery(`\n${line}\n${' '.repeat(Math.max(0, col - 1))}^\nERROR at Row:${row}:Column:${col}\n${problem}`);
}

const ESCAPES = /** @type {Record<string, string>} */ ({ "'": "'", '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' });
const reEscape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits SOQL text into tokens.
 * @param {string} text
 * @returns {Token[]}
 */
export function tokenize(text) {
  /** @type {Token[]} */
  const out = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    const start = i;
    if (c === "'") {
      let value = '';
      let like = '';
      i++;
      for (;;) {
        if (i >= text.length) throw errorAt(text, start, `line 1:${start} mismatched character '<EOF>' expecting '''`);
        const ch = text[i];
        if (ch === "'") { i++; break; }
        if (ch === '\\') {
          const e = text[i + 1];
          if (e === '_' || e === '%') { value += '\\' + e; like += reEscape(e); i += 2; continue; }
          if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            const u = String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
            value += u; like += reEscape(u); i += 6; continue;
          }
          if (e === undefined || !(e in ESCAPES)) throw errorAt(text, i, `Invalid string literal '${text.slice(start, i + 2)}'. Illegal character sequence '\\${e ?? ''}' in string literal.`);
          value += ESCAPES[e]; like += reEscape(ESCAPES[e]); i += 2; continue;
        }
        value += ch;
        like += ch === '%' ? '.*' : ch === '_' ? '.' : reEscape(ch);
        i++;
      }
      out.push({ kind: 'string', value, pos: start, like: new RegExp(`^${like}$`, 'is') });
      continue;
    }
    const dt = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2}))?/.exec(text.slice(i));
    if (dt && !/[A-Za-z0-9_]/.test(text[i + dt[0].length] ?? '')) {
      out.push({ kind: dt[0].length > 10 ? 'datetime' : 'date', value: dt[0], pos: start });
      i += dt[0].length;
      continue;
    }
    const num = /^\d+(?:\.\d+)?/.exec(text.slice(i));
    if (num) { out.push({ kind: 'number', value: num[0], pos: start }); i += num[0].length; continue; }
    const id = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(text.slice(i));
    if (id) { out.push({ kind: 'ident', value: id[0], pos: start }); i += id[0].length; continue; }
    const op = /^(?:!=|<>|<=|>=|=|<|>)/.exec(text.slice(i));
    if (op) { out.push({ kind: 'op', value: op[0], pos: start }); i += op[0].length; continue; }
    if ('(),:-'.includes(c)) { out.push({ kind: 'punct', value: c, pos: start }); i++; continue; }
    throw errorAt(text, i, `line 1:${i} no viable alternative at character '${c}'`);
  }
  out.push({ kind: 'eof', value: '<EOF>', pos: text.length });
  return out;
}

const DAY = 86_400_000;

/**
 * A date literal such as TODAY or LAST_N_DAYS:7 as a half-open UTC range [start, end).
 * @param {string} name @param {number | null} n @param {number} now
 * @returns {{ start: number, end: number } | null}
 */
function dateRange(name, n, now) {
  const today = Math.floor(now / DAY) * DAY;
  switch (name) {
    case 'TODAY': return { start: today, end: today + DAY };
    case 'YESTERDAY': return { start: today - DAY, end: today };
    case 'TOMORROW': return { start: today + DAY, end: today + 2 * DAY };
    case 'LAST_N_DAYS': return n === null ? null : { start: today - n * DAY, end: today + DAY };
    case 'NEXT_N_DAYS': return n === null ? null : { start: today + DAY, end: today + (n + 1) * DAY };
    default: return null;
  }
}

/**
 * Parses SOQL text into a query tree; throws MALFORMED_QUERY with the position of the problem.
 * @param {string} text
 * @param {{ now?: number }} [options]
 * @returns {Query}
 */
export function parseSoql(text, options = {}) {
  if (typeof text !== 'string' || text.trim() === '') throw malformedQuery('A query string (q) is required');
  const now = options.now ?? Date.now();
  const tokens = tokenize(text);
  let p = 0;
  const peek = () => tokens[p];
  const isKw = (/** @type {string} */ kw, t = peek()) => t.kind === 'ident' && t.value.toUpperCase() === kw;
  const unexpected = (t = peek()) => errorAt(text, t.pos, `unexpected token: '${t.value}'`);
  const expectKw = (/** @type {string} */ kw) => { if (!isKw(kw)) throw unexpected(); return tokens[p++]; };
  const expectPunct = (/** @type {string} */ v) => { const t = peek(); if (t.kind !== 'punct' || t.value !== v) throw unexpected(); p++; return t; };
  const isPunct = (/** @type {string} */ v) => peek().kind === 'punct' && peek().value === v;
  const path = () => {
    const t = peek();
    if (t.kind !== 'ident' || KEYWORDS.has(t.value.toUpperCase())) throw unexpected();
    p++;
    return t;
  };
  const integer = () => {
    const t = peek();
    if (t.kind !== 'number' || t.value.includes('.')) throw unexpected();
    p++;
    return Number(t.value);
  };

  /** @returns {Value} */
  const value = () => {
    const t = peek();
    if (t.kind === 'string') { p++; return { kind: 'string', value: t.value, like: /** @type {RegExp} */ (t.like) }; }
    if (t.kind === 'number') { p++; return { kind: 'number', value: Number(t.value) }; }
    if (t.kind === 'punct' && t.value === '-' && tokens[p + 1].kind === 'number') { p += 2; return { kind: 'number', value: -Number(tokens[p - 1].value) }; }
    if (t.kind === 'date') { p++; return { kind: 'date', value: t.value }; }
    if (t.kind === 'datetime') {
      p++;
      const ms = Date.parse(t.value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      if (Number.isNaN(ms)) throw errorAt(text, t.pos, `line 1:${t.pos} invalid datetime literal '${t.value}'`);
      return { kind: 'datetime', value: ms };
    }
    if (isKw('NULL')) { p++; return { kind: 'null' }; }
    if (isKw('TRUE') || isKw('FALSE')) { p++; return { kind: 'boolean', value: t.value.toUpperCase() === 'TRUE' }; }
    if (t.kind === 'ident') {
      const name = t.value.toUpperCase();
      p++;
      let n = null;
      if (isPunct(':')) { p++; n = integer(); }
      const range = dateRange(name, n, now);
      if (range) return { kind: 'range', name: n === null ? name : `${name}:${n}`, ...range };
      p--;
      throw unexpected(t);
    }
    throw unexpected(t);
  };

  /** @returns {Cond} */
  const comparison = () => {
    const f = path();
    const t = peek();
    if (t.kind === 'op') {
      p++;
      return { type: 'cmp', path: f.value, op: t.value === '<>' ? '!=' : t.value, value: value(), pos: f.pos };
    }
    if (isKw('LIKE')) {
      p++;
      const v = value();
      if (v.kind !== 'string') throw errorAt(text, tokens[p - 1].pos, `LIKE needs a quoted string pattern, found ${v.kind}`);
      return { type: 'cmp', path: f.value, op: 'LIKE', value: v, pos: f.pos };
    }
    let negate = false;
    if (isKw('NOT') && isKw('IN', tokens[p + 1])) { negate = true; p++; }
    if (isKw('IN')) {
      p++;
      expectPunct('(');
      if (isKw('SELECT')) throw errorAt(text, peek().pos, 'semi-join subqueries are not supported by the Salesforce twin');
      const values = [value()];
      while (isPunct(',')) { p++; values.push(value()); }
      expectPunct(')');
      return { type: 'in', path: f.value, negate, values, pos: f.pos };
    }
    throw unexpected();
  };

  /** @returns {Cond} */
  const unary = () => {
    if (isKw('NOT')) { p++; return { type: 'not', expr: unary() }; }
    if (isPunct('(')) { p++; const c = orExpr(); expectPunct(')'); return c; }
    return comparison();
  };

  /** @returns {Cond} */
  const orExpr = () => {
    const first = unary();
    /** @type {'and' | 'or' | null} */
    let joiner = null;
    const items = [first];
    while (isKw('AND') || isKw('OR')) {
      const kw = /** @type {'and' | 'or'} */ (peek().value.toLowerCase());
      // SOQL refuses `a AND b OR c`: the reader must say which binds first.
      if (joiner && kw !== joiner) throw unexpected();
      joiner = kw;
      p++;
      items.push(unary());
    }
    return joiner ? { type: joiner, items } : first;
  };

  /**
   * One SELECT; `nested` for a parent-to-child subquery, which ends at its closing parenthesis.
   * @param {boolean} nested
   * @returns {Query}
   */
  const query = (nested) => {
    expectKw('SELECT');
    /** @type {SelectItem[]} */
    const select = [];
    let countOnly = false;
    do {
      if (select.length > 0) p++;
      const t = peek();
      if (isKw('COUNT') && tokens[p + 1].kind === 'punct' && tokens[p + 1].value === '(') {
        if (nested) throw errorAt(text, t.pos, 'aggregate functions are not allowed in a relationship subquery');
        p += 2;
        if (isPunct(')')) {
          p++;
          if (select.length > 0 || isPunct(',')) throw errorAt(text, t.pos, 'COUNT() must be the only element in the SELECT list');
          countOnly = true;
          break;
        }
        const arg = path();
        expectPunct(')');
        let alias = null;
        if (peek().kind === 'ident' && !KEYWORDS.has(peek().value.toUpperCase())) alias = tokens[p++].value;
        select.push({ kind: 'count', path: arg.value, alias, pos: t.pos });
        continue;
      }
      if (isPunct('(')) {
        if (nested) throw errorAt(text, t.pos, 'unexpected token: \'(\': subqueries cannot be nested');
        p++;
        if (!isKw('SELECT')) throw unexpected();
        select.push({ kind: 'subquery', query: query(true), pos: t.pos });
        expectPunct(')');
        continue;
      }
      const f = path();
      select.push({ kind: 'field', path: f.value, pos: f.pos });
    } while (isPunct(','));
    expectKw('FROM');
    const fromTok = path();
    if (fromTok.value.includes('.')) throw unexpected(fromTok);
    let alias = null;
    if (peek().kind === 'ident' && !KEYWORDS.has(peek().value.toUpperCase())) alias = tokens[p++].value;
    /** @type {Cond | null} */
    let where = null;
    if (isKw('WHERE')) { p++; where = orExpr(); }
    /** @type {Order[]} */
    const orderBy = [];
    if (isKw('ORDER')) {
      p++;
      expectKw('BY');
      do {
        if (orderBy.length > 0) p++;
        const f = path();
        let desc = false;
        if (isKw('ASC')) p++;
        else if (isKw('DESC')) { p++; desc = true; }
        let nullsLast = desc;
        if (isKw('NULLS')) {
          p++;
          if (isKw('FIRST')) nullsLast = false;
          else if (isKw('LAST')) nullsLast = true;
          else throw unexpected();
          p++;
        }
        orderBy.push({ path: f.value, desc, nullsLast });
      } while (isPunct(','));
    }
    let limit = null;
    let offset = null;
    if (isKw('LIMIT')) { p++; limit = integer(); }
    if (isKw('OFFSET')) {
      p++;
      offset = integer();
      if (offset > 2000) throw new ApiError(400, 'NUMBER_OUTSIDE_VALID_RANGE', 'Maximum SOQL offset allowed is 2000');
    }
    if (!nested && peek().kind !== 'eof') throw unexpected();
    return { select, countOnly, from: fromTok.value, fromPos: fromTok.pos, alias, where, orderBy, limit, offset, text };
  };
  return query(false);
}

/**
 * Quotes a value as a SOQL string literal. Clients must build queries this way (or the platform's
 * bind variables); the twin's tests use it to show that an escaped value stays a value.
 * @param {string} value
 */
export function soqlQuote(value) {
  return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/* ------------------------------------------------------------------------------------------ */
/* Evaluation                                                                                  */

/**
 * @typedef {import('./schema.js').ObjectDef} ObjectDef
 * @typedef {import('./schema.js').FieldDef} FieldDef
 * @typedef {import('./types.js').SRecord} SRecord
 * @typedef {{ objects: Map<string, ObjectDef>, all: (type: string) => SRecord[], byId: (id: string) => { type: string, record: SRecord } | null, recordUrl: (type: string, id: string) => string }} QueryContext
 * @typedef {{ steps: Array<{ field: FieldDef, object: ObjectDef }>, leaf: FieldDef, leafObject: ObjectDef }} ResolvedPath
 */

/** @param {ObjectDef} object @param {string} name */
const noSuchColumn = (object, name) => new ApiError(400, 'INVALID_FIELD',
  `No such column '${name}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`);

/**
 * Resolves `Account.Name` from Case into the relationship steps and the leaf field.
 * @param {Map<string, ObjectDef>} objects @param {ObjectDef} root @param {string | null} alias @param {string} path
 * @returns {ResolvedPath}
 */
function resolvePath(objects, root, alias, path) {
  let parts = path.split('.');
  if (parts.length > 1 && (parts[0].toLowerCase() === root.name.toLowerCase() || (alias && parts[0].toLowerCase() === alias.toLowerCase()))) parts = parts.slice(1);
  let object = root;
  /** @type {Array<{ field: FieldDef, object: ObjectDef }>} */
  const steps = [];
  for (const rel of parts.slice(0, -1)) {
    const ref = [...object.fields.values()].find((d) => d.relationshipName && d.relationshipName.toLowerCase() === rel.toLowerCase());
    if (!ref) {
      throw new ApiError(400, 'INVALID_FIELD', `Didn't understand relationship '${rel}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`);
    }
    steps.push({ field: ref, object });
    const leafName = parts[parts.length - 1].toLowerCase();
    const targets = (ref.referenceTo ?? []).map((n) => findObject(objects, n)).filter((o) => o !== undefined);
    const target = targets.find((o) => o.fields.has(leafName)) ?? targets[0];
    if (!target) throw new ApiError(400, 'INVALID_FIELD', `The Salesforce twin does not model ${ref.referenceTo?.join(', ')}, so '${path}' cannot be queried`);
    object = target;
  }
  const leaf = object.fields.get(parts[parts.length - 1].toLowerCase());
  if (!leaf) throw noSuchColumn(object, parts[parts.length - 1]);
  return { steps, leaf, leafObject: object };
}

/**
 * Reads a resolved path from a record, following lookups.
 * @param {QueryContext} ctx @param {SRecord} record @param {ResolvedPath} rp
 * @returns {import('./types.js').Scalar}
 */
function readPath(ctx, record, rp) {
  let current = record;
  for (const step of rp.steps) {
    const id = current[step.field.name];
    if (typeof id !== 'string') return null;
    const hit = ctx.byId(id);
    if (!hit) return null;
    current = hit.record;
  }
  const v = current[rp.leaf.name];
  return v === undefined ? null : v;
}

/** `Id IN (…200 ids)` compares every row with every literal; the checksum is worth computing once. */
const idCache = new Map();
/** @param {string} s */
function normalizeIdCached(s) {
  let r = idCache.get(s);
  if (r === undefined) {
    if (idCache.size > 50_000) idCache.clear();
    r = normalizeId(s);
    idCache.set(s, r);
  }
  return r;
}

const NUMERIC = new Set(['double', 'currency', 'percent', 'int']);
const TEXTUAL = new Set(['string', 'textarea', 'picklist', 'email', 'phone', 'url']);

/**
 * Checks a literal against the field's type, as the platform does before running the query.
 * @param {FieldDef} field @param {Value} v @param {string} op
 */
function checkLiteral(field, v, op) {
  if (v.kind === 'null') return;
  const mustBe = (/** @type {string} */ t, quoted = false) => new ApiError(400, 'INVALID_FIELD',
    `value of filter criterion for field '${field.name}' must be of type ${t} and should ${quoted ? '' : 'not '}be enclosed in quotes`);
  if (field.type === 'id' || field.type === 'reference') {
    if (v.kind !== 'string') throw mustBe('id', true);
    if (op !== 'LIKE' && !normalizeId(v.value)) throw new ApiError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${v.value}`);
    return;
  }
  if (TEXTUAL.has(field.type)) { if (v.kind !== 'string') throw mustBe('string', true); return; }
  if (op === 'LIKE') throw new ApiError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid operator on ${field.type} field '${field.name}': LIKE works on text fields only`);
  if (NUMERIC.has(field.type)) { if (v.kind !== 'number') throw mustBe(field.type === 'currency' ? 'currency' : 'double'); return; }
  if (field.type === 'boolean') { if (v.kind !== 'boolean') throw mustBe('boolean'); return; }
  if (field.type === 'datetime') { if (v.kind !== 'datetime' && v.kind !== 'range') throw mustBe('dateTime'); return; }
  if (field.type === 'date') { if (v.kind !== 'date' && v.kind !== 'range') throw mustBe('date'); }
}

/**
 * Compares a stored value with a literal: negative, zero or positive, or `null` when unordered.
 * @param {FieldDef} field @param {import('./types.js').Scalar} a @param {Value} v
 * @returns {number | null}
 */
function compare(field, a, v) {
  if (a === null || v.kind === 'null') return null;
  switch (v.kind) {
    case 'string':
      if (field.type === 'id' || field.type === 'reference') {
        const b = normalizeIdCached(v.value);
        return a === b ? 0 : String(a) < String(b) ? -1 : 1;
      }
      return String(a).toLowerCase().localeCompare(v.value.toLowerCase());
    case 'number': return Number(a) - v.value;
    case 'boolean': return a === v.value ? 0 : a ? 1 : -1;
    case 'date': return String(a).slice(0, 10).localeCompare(v.value);
    case 'datetime': return Date.parse(String(a).replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) - v.value;
    default: return null;
  }
}

/** @param {import('./types.js').Scalar} a */
const toMs = (a) => Date.parse(String(a).length === 10 ? `${a}T00:00:00Z` : String(a).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

/**
 * @param {FieldDef} field @param {import('./types.js').Scalar} a @param {string} op @param {Value} v
 * @returns {boolean}
 */
function test(field, a, op, v) {
  if (v.kind === 'null') {
    if (op === '=') return a === null;
    if (op === '!=') return a !== null;
    return false;
  }
  if (op === 'LIKE') return a !== null && v.kind === 'string' && v.like.test(String(a));
  if (v.kind === 'range') {
    if (a === null) return op === '!=';
    const ms = toMs(a);
    switch (op) {
      case '=': return ms >= v.start && ms < v.end;
      case '!=': return !(ms >= v.start && ms < v.end);
      case '<': return ms < v.start;
      case '<=': return ms < v.end;
      case '>': return ms >= v.end;
      case '>=': return ms >= v.start;
      default: return false;
    }
  }
  const c = compare(field, a, v);
  switch (op) {
    case '=': return c === 0;
    case '!=': return c !== 0;
    case '<': return c !== null && c < 0;
    case '<=': return c !== null && c <= 0;
    case '>': return c !== null && c > 0;
    case '>=': return c !== null && c >= 0;
    default: return false;
  }
}

/**
 * Runs a query against the twin's records.
 * @param {string} text SOQL
 * @param {QueryContext} ctx
 * @param {{ now?: number }} [options]
 * @returns {{ totalSize: number, records: Array<Record<string, unknown>> }}
 */
export function executeSoql(text, ctx, options = {}) {
  const q = parseSoql(text, options);
  const object = findObject(ctx.objects, q.from);
  if (!object || !object.queryable) {
    throw new ApiError(400, 'INVALID_TYPE', `\n${q.text}\n${' '.repeat(q.fromPos)}^\nERROR at Row:1:Column:${q.fromPos + 1}\nsObject type '${q.from}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`);
  }
  return compileQuery(q, object, ctx)(ctx.all(object.name));
}

/**
 * The child relationship `name` of `parent` (e.g. Case.CaseComments): the child object and its lookup.
 * @param {Map<string, ObjectDef>} objects @param {ObjectDef} parent @param {string} name
 */
function childRelationship(objects, parent, name) {
  for (const child of objects.values()) {
    for (const f of child.fields.values()) {
      if (f.childRelationshipName && f.childRelationshipName.toLowerCase() === name.toLowerCase() && (f.referenceTo ?? []).includes(parent.name)) return { child, field: f };
    }
  }
  return null;
}

/**
 * Checks a parsed query against the schema once and returns the function that runs it over rows.
 * @param {Query} q @param {ObjectDef} object @param {QueryContext} ctx
 * @returns {(source: SRecord[]) => { totalSize: number, records: Array<Record<string, unknown>> }}
 */
function compileQuery(q, object, ctx) {
  const resolve = (/** @type {string} */ p) => resolvePath(ctx.objects, object, q.alias, p);

  /** @param {Cond} c @returns {(r: SRecord) => boolean} */
  const compile = (c) => {
    switch (c.type) {
      case 'and': { const fs = c.items.map(compile); return (r) => fs.every((fn) => fn(r)); }
      case 'or': { const fs = c.items.map(compile); return (r) => fs.some((fn) => fn(r)); }
      case 'not': { const fn = compile(c.expr); return (r) => !fn(r); }
      case 'cmp': {
        const rp = resolve(c.path);
        checkLiteral(rp.leaf, c.value, c.op);
        return (r) => test(rp.leaf, readPath(ctx, r, rp), c.op, c.value);
      }
      case 'in': {
        const rp = resolve(c.path);
        for (const v of c.values) checkLiteral(rp.leaf, v, '=');
        return (r) => {
          const a = readPath(ctx, r, rp);
          const hit = c.values.some((v) => test(rp.leaf, a, '=', v));
          return c.negate ? !hit : hit;
        };
      }
      default: throw new Error('unreachable');
    }
  };

  const selected = q.select.map((s) => (s.kind === 'field' ? { item: s, rp: resolve(s.path) } : s.kind === 'count' ? { item: s, rp: s.path ? resolve(s.path) : null } : { item: s, rp: null }));
  /** Parent-to-child subqueries: `(SELECT CommentBody FROM CaseComments)`. */
  const children = q.select.flatMap((s) => {
    if (s.kind !== 'subquery') return [];
    const rel = childRelationship(ctx.objects, object, s.query.from);
    if (!rel) {
      throw new ApiError(400, 'INVALID_TYPE', `Didn't understand relationship '${s.query.from}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`);
    }
    const run = compileQuery(s.query, rel.child, ctx);
    return [{ name: /** @type {string} */ (rel.field.childRelationshipName), run, child: rel.child, fk: rel.field.name }];
  });
  const aggregates = selected.filter((s) => s.item.kind === 'count');
  if (aggregates.length > 0) {
    const plain = q.select.find((s) => s.kind === 'field');
    if (plain && plain.kind === 'field') throw malformedQuery(`Field must be grouped or aggregated: ${plain.path}`);
  }
  const where = q.where ? compile(q.where) : () => true;
  const order = q.orderBy.map((o) => ({ ...o, rp: resolve(o.path) }));

  return (source) => {
    let rows = source.filter(where);
    if (order.length > 0) {
      rows = [...rows].sort((a, b) => {
        for (const o of order) {
          const va = readPath(ctx, a, o.rp);
          const vb = readPath(ctx, b, o.rp);
          if (va === null && vb === null) continue;
          if (va === null) return o.nullsLast ? 1 : -1;
          if (vb === null) return o.nullsLast ? -1 : 1;
          // Ids order as they compare in WHERE (case-sensitive), so `Id > :last ORDER BY Id` pages
          // through a table without skipping a record, as on the platform.
          const isId = o.rp.leaf && (o.rp.leaf.type === 'id' || o.rp.leaf.type === 'reference');
          const c = typeof va === 'number' && typeof vb === 'number' ? va - vb
            : isId ? (String(va) < String(vb) ? -1 : String(va) > String(vb) ? 1 : 0)
              : String(va).toLowerCase().localeCompare(String(vb).toLowerCase());
          if (c !== 0) return o.desc ? -c : c;
        }
        return 0;
      });
    }
    if (q.offset) rows = rows.slice(q.offset);
    if (q.limit !== null) rows = rows.slice(0, q.limit);

    if (q.countOnly) return { totalSize: rows.length, records: [] };
    if (aggregates.length > 0) {
      /** @type {Record<string, unknown>} */
      const agg = { attributes: { type: 'AggregateResult' } };
      aggregates.forEach((s, i) => {
        const item = /** @type {{ kind: 'count', alias: string | null }} */ (s.item);
        const rp = s.rp;
        agg[item.alias ?? `expr${i}`] = rp ? rows.filter((r) => readPath(ctx, r, rp) !== null).length : rows.length;
      });
      return { totalSize: 1, records: [agg] };
    }

    const records = rows.map((r) => {
      /** @type {Record<string, unknown>} */
      const out = { attributes: { type: object.name, url: ctx.recordUrl(object.name, String(r.Id)) } };
      for (const { rp } of selected) {
        if (!rp) continue;
        if (rp.steps.length === 0) { out[rp.leaf.name] = r[rp.leaf.name] ?? null; continue; }
        // Nested relationship objects, as the platform returns them: { Account: { attributes, Name } }.
        /** @type {Record<string, unknown>} */
        let target = out;
        /** @type {SRecord | null} */
        let current = r;
        for (const step of rp.steps) {
          const key = /** @type {string} */ (step.field.relationshipName);
          /** @type {import('./types.js').Scalar} */
          const id = current ? current[step.field.name] : null;
          /** @type {{ type: string, record: SRecord } | null} */
          const hit = typeof id === 'string' ? ctx.byId(id) : null;
          if (!hit) { if (!(key in target)) target[key] = null; current = null; break; }
          if (!target[key]) target[key] = { attributes: { type: hit.type, url: ctx.recordUrl(hit.type, String(hit.record.Id)) } };
          target = /** @type {Record<string, unknown>} */ (target[key]);
          current = hit.record;
        }
        if (current) target[rp.leaf.name] = current[rp.leaf.name] ?? null;
      }
      for (const c of children) {
        const result = c.run(ctx.all(c.child.name).filter((x) => x[c.fk] === r.Id));
        out[c.name] = result.records.length > 0 ? { totalSize: result.totalSize, done: true, records: result.records } : null;
      }
      return out;
    });
    return { totalSize: records.length, records };
  };
}
