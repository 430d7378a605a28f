/**
 * A create whose answer was lost: ServiceNow sent the collections call, Salesforce may have
 * committed it, and no answer came back (a timeout, a connection cut after the request was
 * processed, a gateway's 5xx). An Incident_Update__e is safe to send again (the trigger skips a
 * message id it applied); a CaseComment or a Task is a plain insert, so sending it again would make
 * a second public comment or a second Task. Before that, ServiceNow looks for the record the lost
 * attempt may have created and, if it is there, takes its id instead of sending.
 *
 * Why a lookup and not an upsert by external id: CaseComment has no custom fields at all, and a
 * Task upsert needs its own call per sObject type (`PATCH /composite/sobjects/Task/<field>`) plus a
 * new Activity field in the package; one lookup query per type, made only after a lost answer, is
 * cheaper and the same for both (docs/platform-fidelity.md).
 */
import { formatIso } from './transforms';

/** sObject types the drain creates as plain inserts: a retry after a lost answer looks first. */
export const LOOKUP_TYPES: readonly string[] = ['CaseComment', 'Task'];
/** Records read per lookup query (the REST query's first page holds 2,000). */
export const LOOKUP_LIMIT = 2000;
/**
 * How far before the lost attempt a found record may have been created: CreatedDate is
 * Salesforce's clock, the attempt time ServiceNow's; the two may differ by this much.
 */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/**
 * Whether a failed create may have been committed anyway, so its retry must look first.
 * - 0 (no HTTP answer: timeout, connection closed): the request may have been processed.
 * - 5xx: Salesforce's own 500/503 normally means rolled back, but a gateway on the way (the
 *   instance's proxy, a MID server, a load balancer) answers 502/503/504 after the org committed;
 *   a look costs one query, a wrong guess a duplicate the customer sees.
 * - 2xx whose body could not be read (not JSON, wrong number of save results): processed, results unknown.
 * - 408 (the server stopped waiting for the request body), 429 and other 4xx: refused before any
 *   work, nothing was created. A save result with success false: that record was not created.
 */
export function answerLost(httpStatus: number, answered: boolean): boolean {
  if (httpStatus === 0 || httpStatus >= 500) return true;
  return httpStatus >= 200 && httpStatus < 300 && !answered;
}

/** An outbox row about to be sent again after a lost answer. */
export interface LostCreate {
  /** The outbox row (sys_id). */
  readonly id: string;
  /** `CaseComment` or `Task`. */
  readonly type: string;
  /** The record as it was sent. */
  readonly record: Readonly<Record<string, unknown>>;
  /** Epoch ms of the first attempt whose answer was lost. */
  readonly lostAtMs: number;
}

export type LostAnswerQuery = { readonly type: string; readonly soql: string; readonly rows: readonly LostCreate[] };

/** The field that names a record's parent in the lookup: the Case of a comment, the Account of a Task. */
const PARENT: Record<string, string> = { CaseComment: 'ParentId', Task: 'WhatId' };
/** Fields compared in ServiceNow (long text areas and a 4,000-byte body stay out of the query's URL). */
const COMPARED: Record<string, readonly string[]> = { CaseComment: ['CommentBody', 'IsPublished'], Task: ['Subject', 'Description'] };

/**
 * One SOQL per sObject type for the rows of a batch: their parents' records of that type created
 * since the earliest lost attempt (less the clock skew). Only checked ids go into the query, so
 * nothing can leave its literal; the bodies are compared by `matchLostCreates`.
 */
export function lostAnswerQueries(rows: readonly LostCreate[]): LostAnswerQuery[] {
  const out: LostAnswerQuery[] = [];
  for (const type of LOOKUP_TYPES) {
    const mine = rows.filter((r) => r.type === type);
    if (mine.length === 0) continue;
    const parent = PARENT[type];
    const parents: string[] = [];
    for (const r of mine) {
      const id = r.record[parent];
      if (typeof id !== 'string' || !SALESFORCE_ID.test(id)) throw new TypeError(`lostAnswerQueries: ${type} ${parent} ${JSON.stringify(id)} is not a Salesforce id`);
      if (parents.indexOf(id) < 0) parents.push(id);
    }
    const since = formatIso(Math.min(...mine.map((r) => r.lostAtMs)) - CLOCK_SKEW_MS);
    const soql =
      `SELECT Id, ${parent}, ${COMPARED[type].join(', ')}, CreatedDate FROM ${type} ` +
      `WHERE ${parent} IN (${parents.map((p) => `'${p}'`).join(', ')}) AND CreatedDate >= ${since} ORDER BY CreatedDate LIMIT ${LOOKUP_LIMIT}`;
    out.push({ type, soql, rows: mine });
  }
  return out;
}

export type LostAnswerVerdict =
  | { readonly action: 'found'; readonly id: string; readonly recordId: string }
  | { readonly action: 'send'; readonly id: string };

const same = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null) || (typeof a === 'boolean' && String(a) === String(b));

/**
 * Per row: the record its lost attempt created (same parent, same compared fields, created no
 * earlier than the attempt less the skew), or send. Each found record answers one row only, so two
 * rows with the same text on one Case still make two comments when only one was created.
 */
export function matchLostCreates(rows: readonly LostCreate[], found: readonly Record<string, unknown>[]): LostAnswerVerdict[] {
  const taken = new Set<string>();
  return rows.map((row): LostAnswerVerdict => {
    const parent = PARENT[row.type];
    const fields = COMPARED[row.type] ?? [];
    const since = row.lostAtMs - CLOCK_SKEW_MS;
    const hit = found.find((f) => {
      const id = typeof f.Id === 'string' ? f.Id : '';
      if (!id || taken.has(id) || f[parent] !== row.record[parent]) return false;
      const created = Date.parse(String(f.CreatedDate ?? '').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      if (!Number.isFinite(created) || created < since) return false;
      return fields.every((k) => same(row.record[k], f[k]));
    });
    if (!hit) return { action: 'send', id: row.id };
    taken.add(String(hit.Id));
    return { action: 'found', id: row.id, recordId: String(hit.Id) };
  });
}
