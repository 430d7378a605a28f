/**
 * Reversible PII masking before any text reaches a model. Values become tokens such as
 * `[EMAIL_1]`; the token map stays with the caller so the model's answer can be unmasked.
 *
 * Numbers are checked, not guessed: a card is masked only when Luhn-valid, an IBAN only when its
 * mod-97 check holds, so ticket numbers and amounts stay readable for the model.
 * No lookbehind and no Unicode property escapes: this runs in ServiceNow's engine too.
 */

export type PiiKind = 'EMAIL' | 'PHONE' | 'CARD' | 'IBAN' | 'IP' | 'NAME';

/** Token → original value. */
export type PiiTokens = Readonly<Record<string, string>>;

export interface MaskOptions {
  /** Names of the case's contact ("Jane Doe"); the full name and each part are masked. */
  readonly contactNames?: readonly string[];
  /** Tokens from masking an earlier text of the same request, so equal values share a token. */
  readonly tokens?: PiiTokens;
}

export interface MaskResult {
  readonly text: string;
  readonly tokens: PiiTokens;
}

interface Segment {
  readonly text: string;
  readonly masked: boolean;
}

/** A match found by a detector: where it starts and ends in the segment. */
interface Span {
  readonly start: number;
  readonly end: number;
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
/** A letter in any cased script, a digit or "_": adjacent ones mean we are inside a word. */
const isWordChar = (c: string): boolean =>
  c !== '' && (isDigit(c) || c === '_' || c.toLowerCase() !== c.toUpperCase());

// ---- checks -------------------------------------------------------------------------------

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function ibanValid(iban: string): boolean {
  const s = iban.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < moved.length; i++) {
    const c = moved.charCodeAt(i);
    const v = c >= 65 ? c - 55 : c - 48;
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1;
}

function ipv4Valid(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export function ipv6Valid(s: string): boolean {
  let body = s;
  let groupsFromV4 = 0;
  const lastColon = body.lastIndexOf(':');
  if (lastColon >= 0 && body.indexOf('.', lastColon) > lastColon) {
    if (!ipv4Valid(body.slice(lastColon + 1))) return false;
    body = body.slice(0, lastColon + 1) + '0:0';
    groupsFromV4 = 0;
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string): string[] | null => {
    if (h === '') return [];
    const g = h.split(':');
    return g.every((x) => /^[0-9A-Fa-f]{1,4}$/.test(x)) ? g : null;
  };
  const a = groups(halves[0]);
  const b = halves.length === 2 ? groups(halves[1]) : [];
  if (!a || !b) return false;
  const n = a.length + b.length + groupsFromV4;
  return halves.length === 2 ? n <= 7 : n === 8;
}

// ---- detectors ----------------------------------------------------------------------------

/** Finds all candidates of `re` in `text` whose neighbours pass `boundary`, validated by `accept`. */
function scan(
  text: string,
  re: RegExp,
  accept: (m: string) => Span | null,
  boundaryOk: (before: string, after: string) => boolean,
): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    const sub = accept(m[0]);
    if (sub) {
      const start = m.index + sub.start;
      const end = m.index + sub.end;
      if (boundaryOk(text.charAt(start - 1), text.charAt(end))) {
        spans.push({ start, end });
        re.lastIndex = end;
        continue;
      }
    }
    re.lastIndex = m.index + 1;
  }
  return spans;
}

const EMAIL = /[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/g;
const emails = (t: string): Span[] => scan(t, EMAIL, (m) => ({ start: 0, end: m.length }), () => true);

/** Digit groups separated by single spaces or hyphens: try the longest Luhn-valid span of whole groups. */
function bestGroupSpan(run: string, sep: RegExp, valid: (compact: string) => boolean, min: number, max: number): Span | null {
  const groups: Span[] = [];
  const re = new RegExp(`[^${sep.source}]+`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(run)) !== null) groups.push({ start: m.index, end: m.index + m[0].length });
  for (let i = 0; i < groups.length; i++) {
    let best: Span | null = null;
    for (let j = i; j < groups.length; j++) {
      const span = run.slice(groups[i].start, groups[j].end);
      const compact = span.replace(new RegExp(`[${sep.source}]`, 'g'), '');
      if (compact.length > max) break;
      if (compact.length >= min && valid(compact)) best = { start: groups[i].start, end: groups[j].end };
    }
    if (best) return best;
  }
  return null;
}

const CARD_RUN = /\d(?:[ -]?\d)+/g;
const cards = (t: string): Span[] =>
  scan(
    t,
    CARD_RUN,
    (m) => bestGroupSpan(m, / -/, (d) => /^\d+$/.test(d) && luhnValid(d), 13, 19),
    (b, a) => !isWordChar(b) && !isWordChar(a),
  );

const IBAN_RUN = /[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9])+/g;
const ibans = (t: string): Span[] =>
  scan(
    t,
    IBAN_RUN,
    (m) => {
      // Groups after the country+check digits; the first group always starts the IBAN.
      const s = bestGroupSpan(m, / /, ibanValid, 15, 34);
      return s && s.start === 0 ? s : null;
    },
    (b, a) => !isWordChar(b) && !isWordChar(a),
  );

const IPV4 = /\d{1,3}(?:\.\d{1,3}){3}/g;
const ipv4s = (t: string): Span[] =>
  scan(
    t,
    IPV4,
    (m) => (ipv4Valid(m) ? { start: 0, end: m.length } : null),
    (b, a) => !isDigit(b) && b !== '.' && !isDigit(a) && !(a === '.' && false),
  );

const IPV6_RUN = /[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/g;
const ipv6s = (t: string): Span[] =>
  scan(
    t,
    IPV6_RUN,
    (m) => {
      // Trailing sentence punctuation is not part of the address.
      let end = m.length;
      while (end > 0 && (m.charAt(end - 1) === '.' || (m.charAt(end - 1) === ':' && m.charAt(end - 2) !== ':'))) end--;
      const s = m.slice(0, end);
      return (s.match(/:/g) || []).length >= 2 && ipv6Valid(s) ? { start: 0, end } : null;
    },
    (b, a) => !isWordChar(b) && b !== ':' && !isWordChar(a),
  );

const PHONE_RUN = /\+?\(?\d[\d ().-]*\d/g;
const DATE_LIKE = /^(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const phones = (t: string): Span[] =>
  scan(
    t,
    PHONE_RUN,
    (m) => {
      const digits = m.replace(/\D/g, '').length;
      const separated = /[ ().-]/.test(m) || m.charAt(0) === '+';
      if (digits < (separated ? 7 : 10) || digits > 15 || DATE_LIKE.test(m) || /\s{2,}|\.\./.test(m)) return null;
      return { start: 0, end: m.length };
    },
    (b, a) => !isWordChar(b) && b !== '.' && b !== '+' && !isWordChar(a),
  );

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function nameDetector(names: readonly string[]): (t: string) => Span[] {
  if (names.length === 0) return () => [];
  // Longest first, so "Jane Doe" wins over "Jane".
  const sorted = names.slice().sort((a, b) => b.length - a.length);
  const re = new RegExp(sorted.map((n) => escapeRegExp(n).replace(/\s+/g, '\\s+')).join('|'), 'gi');
  return (t) => scan(t, re, (m) => ({ start: 0, end: m.length }), (b, a) => !isWordChar(b) && !isWordChar(a));
}

/** Full names and each of their parts (≥ 2 letters), without duplicates (case-insensitive). */
export function contactNameVariants(contactNames: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (n: string): void => {
    const k = n.toLowerCase();
    if (n.length >= 2 && !seen.has(k)) {
      seen.add(k);
      out.push(n);
    }
  };
  for (const full of contactNames) {
    const clean = full.replace(/\s+/g, ' ').trim();
    if (!clean) continue;
    add(clean);
    for (const part of clean.split(/[ ,]+/)) add(part.replace(/^[.'-]+|[.'-]+$/g, ''));
  }
  return out;
}

// ---- masking ------------------------------------------------------------------------------

const TOKEN = /\[(EMAIL|PHONE|CARD|IBAN|IP|NAME)_(\d+)\]/g;

export function maskPii(text: string, options: MaskOptions = {}): MaskResult {
  const tokens: Record<string, string> = { ...(options.tokens ?? {}) };
  const byValue = new Map<string, string>();
  const counters: Record<string, number> = {};
  for (const token of Object.keys(tokens)) {
    const m = /^\[([A-Z]+)_(\d+)\]$/.exec(token);
    if (!m) continue;
    counters[m[1]] = Math.max(counters[m[1]] ?? 0, Number(m[2]));
    byValue.set(`${m[1]}:${m[1] === 'NAME' ? tokens[token].toLowerCase() : tokens[token]}`, token);
  }
  const canonicalName = new Map<string, string>();
  const variants = contactNameVariants(options.contactNames ?? []);
  for (const v of variants) canonicalName.set(v.toLowerCase().replace(/\s+/g, ' '), v);

  const tokenFor = (kind: PiiKind, value: string): string => {
    let original = value;
    let key = `${kind}:${value}`;
    if (kind === 'NAME') {
      const norm = value.toLowerCase().replace(/\s+/g, ' ');
      original = canonicalName.get(norm) ?? value;
      key = `NAME:${original.toLowerCase()}`;
    }
    const existing = byValue.get(key);
    if (existing) return existing;
    counters[kind] = (counters[kind] ?? 0) + 1;
    const token = `[${kind}_${counters[kind]}]`;
    tokens[token] = original;
    byValue.set(key, token);
    return token;
  };

  // Existing tokens in the input are kept as they are, never masked again.
  let segments: Segment[] = [];
  let last = 0;
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    if (m.index > last) segments.push({ text: text.slice(last, m.index), masked: false });
    segments.push({ text: m[0], masked: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), masked: false });

  const passes: [PiiKind, (t: string) => Span[]][] = [
    ['EMAIL', emails],
    ['IBAN', ibans],
    ['CARD', cards],
    ['IP', ipv6s],
    ['IP', ipv4s],
    ['PHONE', phones],
    ['NAME', nameDetector(variants)],
  ];
  for (const [kind, detect] of passes) {
    const next: Segment[] = [];
    for (const seg of segments) {
      if (seg.masked) {
        next.push(seg);
        continue;
      }
      let at = 0;
      for (const span of detect(seg.text)) {
        if (span.start > at) next.push({ text: seg.text.slice(at, span.start), masked: false });
        next.push({ text: tokenFor(kind, seg.text.slice(span.start, span.end)), masked: true });
        at = span.end;
      }
      if (at < seg.text.length) next.push({ text: seg.text.slice(at), masked: false });
    }
    segments = next;
  }
  return { text: segments.map((s) => s.text).join(''), tokens };
}

/** Puts the original values back; tokens the map does not know are left as they are. */
export function unmaskPii(text: string, tokens: PiiTokens): string {
  return text.replace(TOKEN, (token: string) => (Object.prototype.hasOwnProperty.call(tokens, token) ? tokens[token] : token));
}
