/**
 * Journal entries (customer-visible comments) carry their origin so they are never echoed back,
 * and AI-written text carries a label so nobody mistakes it for a person's words.
 */
import type { System } from './types';

/** A customer-visible comment as it crosses the seam. */
export interface JournalEntry {
  /** Stable id on the side that wrote it (CaseComment Id, sys_journal_field sys_id). */
  readonly id: string;
  readonly body: string;
  readonly author: string;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
  /** The side that wrote the entry first; absent means "written here". */
  readonly origin?: System;
}

const SYSTEM_LABEL: Readonly<Record<System, string>> = { salesforce: 'Salesforce', servicenow: 'ServiceNow' };

/**
 * `[Seam: from Salesforce · Jane Doe]` on the first line. Read leniently (CRLF, a trimmed trailing
 * newline, leading blanks) because each platform may normalise the text it stores.
 */
const TAG = /^[ \t]*\[Seam: from (Salesforce|ServiceNow) · ([^\]\r\n]*)\](?:\r?\n|$)/;

export interface OriginTag {
  readonly origin: System;
  readonly author: string;
  /** The body without the tag. */
  readonly body: string;
}

/** Authors go inside the brackets: no "]" or line breaks, at most 80 characters. */
const cleanAuthor = (author: string): string =>
  author.replace(/[\]\r\n]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'unknown';

/** Prefixes the body with the origin tag. Already-tagged bodies are returned unchanged. */
export function tagOrigin(body: string, origin: System, author: string): string {
  if (TAG.test(body)) return body;
  return `[Seam: from ${SYSTEM_LABEL[origin]} · ${cleanAuthor(author)}]\n${body}`;
}

export function parseOriginTag(body: string): OriginTag | null {
  const m = TAG.exec(body);
  if (!m) return null;
  return { origin: m[1] === 'Salesforce' ? 'salesforce' : 'servicenow', author: m[2], body: body.slice(m[0].length) };
}

export function stripOriginTag(body: string): string {
  const t = parseOriginTag(body);
  return t ? t.body : body;
}

/** The side an entry really came from: its origin field, else its tag, else `here`. */
export function entryOrigin(entry: JournalEntry, here: System): System {
  if (entry.origin) return entry.origin;
  const tag = parseOriginTag(entry.body);
  return tag ? tag.origin : here;
}

export const AI_LABEL = '[AI-generated — review before relying on it]';

/** Appends the AI label on its own line (once). */
export function labelAiText(text: string): string {
  return isAiLabelled(text) ? text : `${text}\n\n${AI_LABEL}`;
}

export const isAiLabelled = (text: string): boolean => text.indexOf(AI_LABEL) >= 0;
