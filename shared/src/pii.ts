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
  const lastColon = body.lastIndexOf(':');
  if (body.indexOf('.') >= 0) {
    // An embedded IPv4 tail (::ffff:192.0.2.1) stands for the last two groups.
    if (lastColon < 0 || !ipv4Valid(body.slice(lastColon + 1))) return false;
    body = `${body.slice(0, lastColon + 1)}0:0`;
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
  const n = a.length + b.length;
  return halves.length === 2 ? n <= 7 : n === 8;
}

// ---- detectors ----------------------------------------------------------------------------

/**
 * Finds the candidates of `re` in `text`; `accept` validates one (returning the span inside it to
 * mask) and `boundaryOk` looks at its neighbours. A rejected candidate is skipped whole, so a
 * long number that is not PII never yields a shorter "phone number" from its middle.
 */
function scan(
  text: string,
  re: RegExp,
  accept: (m: string) => Span | null,
  boundaryOk: (text: string, start: number, end: number) => boolean,
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
    if (sub && boundaryOk(text, m.index + sub.start, m.index + sub.end)) {
      spans.push({ start: m.index + sub.start, end: m.index + sub.end });
      re.lastIndex = m.index + sub.end;
    }
  }
  return spans;
}

/** Not inside a word: the characters before and after are no letters, digits or "_". */
const wordBounded = (t: string, start: number, end: number): boolean => !isWordChar(t.charAt(start - 1)) && !isWordChar(t.charAt(end));

const EMAIL_LOCAL_CHAR = /[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/;
const EMAIL_DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const EMAIL_EXACT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/**
 * E-mail addresses, found from each "@" outwards: linear in the text, where a regex scan would
 * retry from every letter of a long word and go quadratic on a pasted blob.
 */
function emails(t: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (let at = t.indexOf('@'); at >= 0; at = t.indexOf('@', at + 1)) {
    let start = at;
    while (start > from && EMAIL_LOCAL_CHAR.test(t.charAt(start - 1))) start--;
    let end = at + 1;
    while (end < t.length && EMAIL_DOMAIN_CHAR.test(t.charAt(end))) end++;
    while (start < at && t.charAt(start) === '.') start++;
    while (end > at + 1 && (t.charAt(end - 1) === '.' || t.charAt(end - 1) === '-')) end--;
    if (EMAIL_EXACT.test(t.slice(start, end))) {
      spans.push({ start, end });
      from = end;
    }
  }
  return spans;
}

/** A card is the whole digit run (groups split by single spaces or hyphens), 13-19 digits, Luhn-valid. */
const CARD_RUN = /\d(?:[ -]?\d)+/g;
const cards = (t: string): Span[] =>
  scan(
    t,
    CARD_RUN,
    (m) => {
      const d = m.replace(/[ -]/g, '');
      return d.length >= 13 && d.length <= 19 && luhnValid(d) ? { start: 0, end: m.length } : null;
    },
    // "+49 …" is an international phone number, whatever its digits add up to.
    (t, start, end) => wordBounded(t, start, end) && t.charAt(start - 1) !== '+',
  );

/** IBAN length per country (ISO 13616 registry), so a span never swallows the word after it. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18,
  GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32,
  LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24,
  PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28,
  TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/**
 * An IBAN run may swallow the words after it ("… 0130 00 thanks"). For a registered country the
 * length is known; otherwise only a compact IBAN (one group) is taken, never a guess.
 */
const IBAN_RUN = /[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9])+/g;
function ibanSpan(run: string): Span | null {
  const groups: Span[] = [];
  const re = /[^ ]+/g;
  for (let g = re.exec(run); g !== null; g = re.exec(run)) groups.push({ start: g.index, end: g.index + g[0].length });
  for (let i = 0; i < groups.length; i++) {
    const first = run.slice(groups[i].start, groups[i].end);
    if (!/^[A-Za-z]{2}\d{2}/.test(first)) continue;
    const want = IBAN_LENGTHS[first.slice(0, 2).toUpperCase()];
    if (want === undefined) {
      if (ibanValid(first)) return groups[i];
      continue;
    }
    let length = 0;
    for (let j = i; j < groups.length && length < want; j++) {
      length += groups[j].end - groups[j].start;
      if (length === want) {
        const span = { start: groups[i].start, end: groups[j].end };
        if (ibanValid(run.slice(span.start, span.end))) return span;
      }
    }
  }
  return null;
}
const ibans = (t: string): Span[] => scan(t, IBAN_RUN, ibanSpan, wordBounded);

const IPV4 = /\d{1,3}(?:\.\d{1,3}){3}/g;
const ipv4s = (t: string): Span[] =>
  scan(
    t,
    IPV4,
    (m) => (ipv4Valid(m) ? { start: 0, end: m.length } : null),
    // "10.1.2.3." ends a sentence; "10.1.2.3.4" is something else.
    (t, start, end) => !isWordChar(t.charAt(start - 1)) && t.charAt(start - 1) !== '.' && !isWordChar(t.charAt(end)) && !(t.charAt(end) === '.' && isDigit(t.charAt(end + 1))),
  );

/** Maximal runs of hex digits, colons and dots: one pass, then validated as IPv6. */
const IPV6_RUN = /[0-9A-Fa-f:.]+/g;
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
    wordBounded,
  );

const PHONE_RUN = /\+?\(?\d[\d ().-]*\d/g;
/** Dates (and the date of a "date time") read like phone numbers to a regex; they are not PII. */
const DATE_LIKE = /^(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})( |$)/;
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
    (t, start, end) => wordBounded(t, start, end) && t.charAt(start - 1) !== '.' && t.charAt(start - 1) !== '+',
  );

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function nameDetector(names: readonly string[]): (t: string) => Span[] {
  if (names.length === 0) return () => [];
  // Longest first, so "Jane Doe" wins over "Jane".
  const sorted = names.slice().sort((a, b) => b.length - a.length);
  const re = new RegExp(sorted.map((n) => escapeRegExp(n).replace(/\s+/g, '\\s+')).join('|'), 'gi');
  return (t) => scan(t, re, (m) => ({ start: 0, end: m.length }), wordBounded);
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
  // A token-like literal already in the text must never collide with a new token.
  TOKEN.lastIndex = 0;
  for (let lit = TOKEN.exec(text); lit !== null; lit = TOKEN.exec(text)) {
    if (!Object.prototype.hasOwnProperty.call(tokens, lit[0])) counters[lit[1]] = Math.max(counters[lit[1]] ?? 0, Number(lit[2]));
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
