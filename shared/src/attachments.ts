/**
 * Attachments on linked records: which file crosses the seam (size, type, content-hash dedupe, no
 * echo of a mirrored file), how a mirrored file is tagged, and the text a prompt may see of it.
 * Adapters pass bytes (or base64) and the link's known hashes in; nothing here reads a file.
 */
import { sha256HexOfBytes } from './hash';
import { parseOriginTag, tagOrigin } from './journal';
import { maskPii, type MaskOptions, type PiiTokens } from './pii';
import type { FieldProblem, System } from './types';

export interface AttachmentPolicy {
  /** Largest file sent, in bytes (the base64 body is a third larger). */
  readonly maxBytes: number;
  /** Lower-case extensions without the dot; empty means every type not blocked. */
  readonly allowedExtensions: readonly string[];
  /** Never sent, whatever `allowedExtensions` says: executables and scripts. */
  readonly blockedExtensions: readonly string[];
}

/** 5 MB: under ServiceNow's default 10 MB REST body limit once base64-encoded. */
export const DEFAULT_ATTACHMENT_POLICY: AttachmentPolicy = {
  maxBytes: 5 * 1024 * 1024,
  allowedExtensions: [],
  blockedExtensions: ['exe', 'dll', 'bat', 'cmd', 'com', 'msi', 'scr', 'ps1', 'vbs', 'js', 'jar', 'sh'],
};

/** An attachment as an adapter reads it (sys_attachment row, ContentVersion). */
export interface AttachmentFile {
  readonly fileName: string;
  readonly sizeBytes: number;
  /** SHA-256 of the bytes, 64 lower-case hex characters (`contentSha256`). */
  readonly sha256: string;
  /** ContentVersion.Description (ServiceNow attachments have none). */
  readonly description?: string;
  /** The side that wrote the file first, when the adapter knows it (a Seam attachment record). */
  readonly origin?: System;
}

export interface AttachmentInput {
  /** The side deciding whether to send. */
  readonly here: System;
  readonly file: AttachmentFile;
  /** Hashes of the files already on both sides of this link (sent or received). */
  readonly knownHashes: readonly string[];
  readonly policy: AttachmentPolicy;
}

export type AttachmentSkipReason = 'mirrored' | 'duplicate' | 'too_large' | 'empty' | 'type_not_allowed' | 'bad_hash';

export type AttachmentDecision =
  | { readonly send: true; readonly sha256: string; readonly description: string }
  | { readonly send: false; readonly reason: AttachmentSkipReason; readonly detail: string };

const HEX64 = /^[0-9a-f]{64}$/;

/** `report.PDF` → `pdf`; no dot → ''. */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/**
 * The description a mirrored file carries on the peer: `[Seam: from ServiceNow · sha256:<hex>]`
 * on the first line (the journal tag, so Apex's one prefix check covers comments and files).
 * Salesforce's ContentVersion.Description holds 1000 characters; the tag always survives.
 */
export function tagAttachmentOrigin(description: string, origin: System, sha256: string): string {
  return tagOrigin(description, origin, `sha256:${sha256}`).slice(0, 1000).replace(/\n$/, '');
}

/** The origin and hash in a file's description tag, or null for a file written by a person. */
export function parseAttachmentTag(description: string | undefined): { origin: System; sha256: string | null } | null {
  const tag = description ? parseOriginTag(description) : null;
  if (!tag) return null;
  const m = /^sha256:([0-9a-f]{64})$/.exec(tag.author.trim());
  return { origin: tag.origin, sha256: m ? m[1] : null };
}

/** Where a file really came from: the adapter's record, else its tag, else `here`. */
export function attachmentOrigin(file: AttachmentFile, here: System): System {
  if (file.origin) return file.origin;
  const tag = parseAttachmentTag(file.description);
  return tag ? tag.origin : here;
}

/**
 * Should this file be sent to the peer? In order: a bad hash is a bug upstream; a file that came
 * from the peer is never sent back (the echo); content the link already has is sent once; then
 * size and type. The description to send is tagged with this side and the hash.
 */
export function decideAttachment(input: AttachmentInput): AttachmentDecision {
  const { file, here, policy } = input;
  const hash = file.sha256.toLowerCase();
  if (!HEX64.test(hash)) {
    return { send: false, reason: 'bad_hash', detail: `sha256 "${file.sha256}" is not 64 hex characters; hash the file's bytes with contentSha256` };
  }
  const origin = attachmentOrigin(file, here);
  if (origin !== here) return { send: false, reason: 'mirrored', detail: `${file.fileName} came from ${origin}; a mirrored file is never sent back` };
  if (input.knownHashes.some((h) => h.toLowerCase() === hash)) {
    return { send: false, reason: 'duplicate', detail: `${file.fileName}: the link already has this content (sha256 ${hash.slice(0, 12)}…)` };
  }
  if (file.sizeBytes <= 0) return { send: false, reason: 'empty', detail: `${file.fileName} is empty` };
  if (file.sizeBytes > policy.maxBytes) {
    return { send: false, reason: 'too_large', detail: `${file.fileName} has ${file.sizeBytes} bytes, over the ${policy.maxBytes}-byte limit; raise attachments.max_bytes to send it` };
  }
  const ext = fileExtension(file.fileName);
  if (policy.blockedExtensions.indexOf(ext) >= 0 || (policy.allowedExtensions.length > 0 && policy.allowedExtensions.indexOf(ext) < 0)) {
    return { send: false, reason: 'type_not_allowed', detail: `${file.fileName}: type "${ext || '(none)'}" is not allowed; add it to attachments.allowed_types` };
  }
  return { send: true, sha256: hash, description: tagAttachmentOrigin(file.description ?? '', here, hash) };
}

/**
 * Reads the policy from property text: `maxBytes` a positive integer, `allowedExtensions` a
 * comma-separated list (`pdf, .TXT` → `pdf`, `txt`). A bad value is a problem and the default stays.
 */
export function parseAttachmentPolicy(raw: { maxBytes?: string; allowedExtensions?: string }): { policy: AttachmentPolicy; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let maxBytes = DEFAULT_ATTACHMENT_POLICY.maxBytes;
  if (raw.maxBytes !== undefined && raw.maxBytes.trim() !== '') {
    const n = Number(raw.maxBytes.trim());
    if (Number.isInteger(n) && n > 0) maxBytes = n;
    else problems.push({ field: 'attachments.max_bytes', problem: 'is not a positive whole number of bytes', fix: 'set e.g. 5242880 (5 MB)', value: raw.maxBytes });
  }
  const allowedExtensions = (raw.allowedExtensions ?? '')
    .split(',')
    .map((e) => e.trim().replace(/^\./, '').toLowerCase())
    .filter((e) => e !== '');
  return { policy: { ...DEFAULT_ATTACHMENT_POLICY, maxBytes, allowedExtensions }, problems };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (padding and whitespace tolerated) → bytes; null when it is not base64. */
export function base64ToBytes(text: string): number[] | null {
  const clean = text.replace(/[\s]/g, '').replace(/=+$/, '');
  if (clean.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(clean)) return null;
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < clean.length; i++) {
    buffer = (buffer << 6) | B64.indexOf(clean[i]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return out;
}

export function bytesToBase64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

/** The content hash both sides compare: SHA-256 over the file's bytes (Apex: `Crypto.generateDigest('SHA-256', VersionData)`). */
export function contentSha256(bytes: readonly number[]): string {
  return sha256HexOfBytes(bytes);
}

/** Bytes as UTF-8 text, decoded as the WHATWG decoder (and Node) do: each invalid sequence → U+FFFD. */
export function utf8Decode(bytes: readonly number[]): string {
  let out = '';
  let needed = 0;
  let seen = 0;
  let cp = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (needed === 0) {
      if (b <= 0x7f) out += String.fromCharCode(b);
      else if (b >= 0xc2 && b <= 0xdf) [needed, cp] = [1, b & 0x1f];
      else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f; // no surrogates
        [needed, cp] = [2, b & 0x0f];
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f; // nothing past U+10FFFF
        [needed, cp] = [3, b & 0x07];
      } else out += '\ufffd';
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence so far is one error; this byte starts afresh.
      [needed, seen, cp, lower, upper] = [0, 0, 0, 0x80, 0xbf];
      out += '\ufffd';
      i--;
      continue;
    }
    [lower, upper] = [0x80, 0xbf];
    cp = (cp << 6) | (b & 0x3f);
    if (++seen === needed) {
      out += String.fromCodePoint(cp);
      [needed, seen, cp] = [0, 0, 0];
    }
  }
  return needed ? out + '\ufffd' : out;
}

/** Types whose text goes into triage and summary prompts. */
export const TEXT_ATTACHMENT_TYPES: readonly string[] = ['txt', 'log', 'csv', 'json'];

export type ExtractedText =
  | { readonly status: 'extracted'; readonly text: string; readonly truncated: boolean }
  | { readonly status: 'not_extracted'; readonly reason: string };

const PDF_STRING = /\(((?:\\[\s\S]|[^\\)])*)\)\s*(?:Tj|'|")|\[((?:\((?:\\[\s\S]|[^\\)])*\)|[^\]])*)\]\s*TJ/g;

function unescapePdf(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3}|\r?\n)/g, (_m, e: string) => {
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    if (map[e] !== undefined) return map[e];
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return '';
  });
}

/**
 * Text of a PDF whose content streams are uncompressed (the `Tj`/`TJ` string operators). Real
 * PDFs almost always compress their streams (`/FlateDecode`), and no PDF library is installed,
 * so those are reported as not extracted rather than guessed at.
 */
function pdfText(content: string): ExtractedText {
  if (!/^%PDF-/.test(content)) return { status: 'not_extracted', reason: 'not a PDF file (no %PDF- header)' };
  if (/\/Filter\s*\[?\s*\/(FlateDecode|LZWDecode|ASCII85Decode|DCTDecode|JBIG2Decode|JPXDecode)/.test(content)) {
    return { status: 'not_extracted', reason: 'the PDF compresses its text streams; extracting them needs a PDF library, which Seam does not ship' };
  }
  const parts: string[] = [];
  for (const m of content.matchAll(PDF_STRING)) {
    if (m[1] !== undefined) parts.push(unescapePdf(m[1]));
    else if (m[2] !== undefined) parts.push([...m[2].matchAll(/\(((?:\\[\s\S]|[^\\)])*)\)/g)].map((x) => unescapePdf(x[1])).join(''));
  }
  return parts.length ? { status: 'extracted', text: parts.join('\n'), truncated: false } : { status: 'not_extracted', reason: 'the PDF has no text operators (scanned image?)' };
}

/**
 * The plain text of an attachment, capped at `maxChars`: txt, log, csv and json as they are
 * (content already decoded from UTF-8), pdf only when its streams are uncompressed. Other types
 * are `not_extracted` with the reason.
 */
export function extractAttachmentText(input: { fileName: string; content: string; maxChars: number }): ExtractedText {
  const ext = fileExtension(input.fileName);
  let result: ExtractedText;
  if (TEXT_ATTACHMENT_TYPES.indexOf(ext) >= 0) result = { status: 'extracted', text: input.content.replace(/^\ufeff/, ''), truncated: false };
  else if (ext === 'pdf') result = pdfText(input.content);
  else return { status: 'not_extracted', reason: `no text extraction for type "${ext || '(none)'}"` };
  if (result.status !== 'extracted') return result;
  const max = Math.max(0, Math.floor(input.maxChars));
  return result.text.length > max ? { status: 'extracted', text: result.text.slice(0, max), truncated: true } : result;
}

/** Extracted text as a prompt may see it: capped, then masked like any other ticket text. */
export function attachmentTextForPrompt(
  input: { fileName: string; content: string; maxChars: number },
  mask: MaskOptions = {},
): { status: 'extracted'; text: string; truncated: boolean; tokens: PiiTokens } | { status: 'not_extracted'; reason: string } {
  const extracted = extractAttachmentText(input);
  if (extracted.status !== 'extracted') return extracted;
  const masked = maskPii(extracted.text, mask);
  return { status: 'extracted', text: masked.text, truncated: extracted.truncated, tokens: masked.tokens };
}
