/**
 * Splits an article into passages that each carry the article's title and their section heading,
 * so a passage found on its own still says what it is about (and BM25 and the embedder see that).
 * Bodies are HTML (ServiceNow `text`, Salesforce rich text), markdown or plain text.
 */

export interface Section {
  heading?: string;
  text: string;
}

export interface Chunk {
  /** 0-based position in the document. */
  index: number;
  heading?: string;
  /** The passage as shown: section text only. */
  text: string;
  /** What is indexed and embedded: title, heading and text. */
  indexed: string;
}

/** Target passage size in characters; sections longer than this are split at sentence ends. */
export const CHUNK_CHARS = 900;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const looksLikeHtml = (s: string): boolean => /<\/?(p|div|h[1-6]|br|ul|ol|li|table|span|strong|em|a|pre|code)\b/i.test(s);

const clean = (s: string): string =>
  s
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '\n- ')
      .replace(/<\/(p|div|tr|table|ul|ol|pre|blockquote|h[1-6])\s*>/gi, '\n')
      .replace(/<(p|div|tr|table|ul|ol|pre|blockquote)\b[^>]*>/gi, '\n')
      .replace(/<\/t[dh]\s*>/gi, ' | ')
      .replace(/<[^>]+>/g, ''),
  );
}

/** Sections of an HTML body, split at h1–h4. */
function htmlSections(html: string): Section[] {
  const out: Section[] = [];
  const re = /<h([1-4])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi;
  let last = 0;
  let heading: string | undefined;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    out.push({ heading, text: clean(htmlToText(html.slice(last, m.index))) });
    heading = clean(htmlToText(m[2])).replace(/\n/g, ' ') || undefined;
    last = m.index + m[0].length;
  }
  out.push({ heading, text: clean(htmlToText(html.slice(last))) });
  return out.filter((s) => s.text !== '' || s.heading);
}

/** Sections of a markdown or plain body, split at `#`–`####` lines. */
function markdownSections(md: string): Section[] {
  const out: Section[] = [];
  let heading: string | undefined;
  let buf: string[] = [];
  const flush = (): void => {
    const text = clean(buf.join('\n'));
    if (text !== '' || heading) out.push({ heading, text });
    buf = [];
  };
  for (const line of md.split(/\r?\n/)) {
    const m = /^ {0,3}#{1,4}\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) {
      flush();
      heading = m[1];
    } else buf.push(line);
  }
  flush();
  return out;
}

export function sections(body: string): Section[] {
  return looksLikeHtml(body) ? htmlSections(body) : markdownSections(body);
}

/** Splits text at sentence or line ends into pieces of at most about `max` characters. */
function split(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const units = text.match(/[^.!?\n]+(?:[.!?]+|\n|$)\s*/g) ?? [text];
  const out: string[] = [];
  let cur = '';
  for (const u of units) {
    if (cur && cur.length + u.length > max) {
      out.push(cur.trim());
      cur = '';
    }
    // A single unit longer than max (no punctuation) is cut at word boundaries.
    if (u.length > max) {
      for (const w of u.split(/(?<=\s)/)) {
        if (cur && cur.length + w.length > max) {
          out.push(cur.trim());
          cur = '';
        }
        cur += w;
      }
    } else cur += u;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export function chunkDocument(title: string, body: string, max = CHUNK_CHARS): Chunk[] {
  const chunks: Chunk[] = [];
  let secs = sections(body);
  if (secs.length === 0) secs = [{ text: '' }];
  for (const s of secs) {
    for (const piece of s.text ? split(s.text, max) : ['']) {
      if (!piece && !s.heading && chunks.length > 0) continue;
      const indexed = [title, s.heading, piece].filter((x) => x).join('\n');
      chunks.push({ index: chunks.length, heading: s.heading, text: piece, indexed });
    }
  }
  return chunks;
}
