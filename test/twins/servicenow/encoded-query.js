// @ts-check
/**
 * One encoded-query engine for the whole twin: the Table API's `sysparm_query`, GlideRecord's
 * addQuery/addEncodedQuery and business-rule filter conditions all compile to the same
 * structure and are matched by the same function, so they cannot disagree.
 *
 * Grammar (as documented for encoded query strings):
 *   query   := group ('^NQ' group)*           groups are OR'ed
 *   group   := term ('^' term | '^OR' term)*   '^OR' binds only to its neighbours
 *   term    := field OPERATOR value | 'ORDERBY' field | 'ORDERBYDESC' field | 'EQ'
 * The platform has no escape character for '^' inside a value, so values that come from data
 * must go through GlideRecord.addQuery (structured, never re-parsed), not string concatenation.
 */

/** @typedef {{ field: string, op: string, value: string }} Condition */
/** @typedef {Condition[][]} Group  AND of OR-clauses: every clause must have one matching condition */
/** @typedef {{ groups: Group[], orderBy: { field: string, desc: boolean }[] }} ParsedQuery */
/** @typedef {(record: Record<string, string>, field: string) => string} FieldReader */

// Longest first, so 'NOT IN' wins over 'IN' and '>=' over '>'.
export const OPERATORS = [
  'VALCHANGES', 'CHANGESFROM', 'CHANGESTO', 'ISNOTEMPTY', 'ISEMPTY', 'EMPTYSTRING', 'ANYTHING', 'STARTSWITH', 'ENDSWITH', 'NOTLIKE', 'NOT LIKE',
  'NOT IN', 'NOTIN', 'BETWEEN', 'LIKE', 'IN', '!=', '>=', '<=', '=', '>', '<',
];
const UNARY = new Set(['VALCHANGES', 'ISNOTEMPTY', 'ISEMPTY', 'EMPTYSTRING', 'ANYTHING']);

/** An error whose message names the offending term and how to fix it. */
export class EncodedQueryError extends Error {}

/**
 * Parses one term such as `priority<=2` or `short_descriptionLIKEvpn`.
 * Field names are lower-case (platform convention), which is what separates them from operators.
 * @param {string} term
 * @returns {Condition}
 */
export function parseTerm(term) {
  const m = /^[a-z0-9_.]+/.exec(term);
  if (!m) throw new EncodedQueryError(`encoded query term "${term}" does not start with a field name; write field + operator + value, e.g. "active=true"`);
  let field = m[0];
  let rest = term.slice(field.length);
  // A field name may legitimately end in digits/underscores only; operators are upper case or symbols.
  const op = OPERATORS.find((o) => rest.startsWith(o));
  if (!op) throw new EncodedQueryError(`encoded query term "${term}" has no known operator after "${field}"; use one of ${OPERATORS.join(', ')}`);
  const value = rest.slice(op.length);
  const norm = op === 'NOT LIKE' ? 'NOTLIKE' : op === 'NOTIN' ? 'NOT IN' : op;
  if (value.startsWith('javascript:')) throw new EncodedQueryError(`encoded query term "${term}": javascript: values are not evaluated by the twin; compute the value (e.g. with GlideDateTime) and pass it literally`);
  if (UNARY.has(norm) && value !== '') throw new EncodedQueryError(`encoded query term "${term}": ${norm} takes no value; remove "${value}"`);
  return { field, op: norm, value };
}

/**
 * @param {string} query
 * @returns {ParsedQuery}
 */
export function parseEncodedQuery(query) {
  /** @type {ParsedQuery} */
  const parsed = { groups: [], orderBy: [] };
  if (!query) return parsed;
  for (const groupText of query.split('^NQ')) {
    /** @type {Group} */
    const group = [];
    for (const rawTerm of groupText.split('^')) {
      if (rawTerm === '' || rawTerm === 'EQ') continue;
      if (rawTerm.startsWith('ORDERBYDESC')) { parsed.orderBy.push({ field: rawTerm.slice(11), desc: true }); continue; }
      if (rawTerm.startsWith('ORDERBY')) { parsed.orderBy.push({ field: rawTerm.slice(7), desc: false }); continue; }
      if (rawTerm.startsWith('OR') && !/^[a-z]/.test(rawTerm)) {
        const cond = parseTerm(rawTerm.slice(2));
        if (group.length === 0) throw new EncodedQueryError(`encoded query "${query}" starts a group with ^OR; put a condition before it`);
        group[group.length - 1].push(cond);
        continue;
      }
      group.push([parseTerm(rawTerm)]);
    }
    if (group.length) parsed.groups.push(group);
  }
  return parsed;
}

/** @param {string} s */
const isNumeric = (s) => s !== '' && /^-?\d+(\.\d+)?$/.test(s.trim());

/**
 * Compares as numbers when both sides are numeric, otherwise as strings (glide date-times
 * 'YYYY-MM-DD HH:mm:ss' sort correctly as strings).
 * @param {string} a @param {string} b
 */
export function compareValues(a, b) {
  if (isNumeric(a) && isNumeric(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * @param {Condition} c
 * @param {string} actual the record's stored value ('' when empty)
 * @param {string} [previous] the value before this write (business-rule filters only)
 */
export function matchCondition(c, actual, previous) {
  const v = actual ?? '';
  const low = v.toLowerCase();
  const want = c.value.toLowerCase();
  switch (c.op) {
    case '=': return v === c.value;
    case '!=': return v !== c.value;
    case '>': return v !== '' && compareValues(v, c.value) > 0;
    case '>=': return v !== '' && compareValues(v, c.value) >= 0;
    case '<': return v !== '' && compareValues(v, c.value) < 0;
    case '<=': return v !== '' && compareValues(v, c.value) <= 0;
    case 'IN': return c.value.split(',').includes(v);
    case 'NOT IN': return !c.value.split(',').includes(v);
    case 'STARTSWITH': return low.startsWith(want);
    case 'ENDSWITH': return low.endsWith(want);
    case 'LIKE': return low.includes(want);
    case 'NOTLIKE': return !low.includes(want);
    case 'ISEMPTY': return v === '';
    case 'ISNOTEMPTY': return v !== '';
    case 'EMPTYSTRING': return v === '';
    case 'ANYTHING': return true;
    // Change operators only mean something in a business-rule filter, where a previous value exists.
    case 'VALCHANGES': return previous !== undefined && previous !== v;
    case 'CHANGESTO': return previous !== undefined && previous !== v && v === c.value;
    case 'CHANGESFROM': return previous !== undefined && previous !== v && previous === c.value;
    case 'BETWEEN': {
      const [lo, hi] = c.value.split('@');
      return v !== '' && compareValues(v, lo) >= 0 && compareValues(v, hi) <= 0;
    }
    default: throw new EncodedQueryError(`operator "${c.op}" is not supported by the twin`);
  }
}

/**
 * @param {Group[]} groups
 * @param {Record<string, string>} record
 * @param {FieldReader} read resolves a (possibly dot-walked) field to its stored value
 * @param {(field: string) => string} [readPrevious] the value before the write, for VALCHANGES/CHANGESTO/CHANGESFROM
 */
export function matchGroups(groups, record, read, readPrevious) {
  if (groups.length === 0) return true;
  return groups.some((group) => group.every((clause) => clause.some((c) => matchCondition(c, read(record, c.field), readPrevious?.(c.field)))));
}

/**
 * @param {{ field: string, desc: boolean }[]} orderBy
 * @param {FieldReader} read
 * @returns {(a: Record<string, string>, b: Record<string, string>) => number}
 */
export function comparator(orderBy, read) {
  return (a, b) => {
    for (const { field, desc } of orderBy) {
      const d = compareValues(read(a, field), read(b, field));
      if (d !== 0) return desc ? -d : d;
    }
    return 0;
  };
}
