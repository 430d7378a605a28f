/**
 * Incremental readers of the two knowledge bases. Each yields pages of changes in cursor order;
 * a change is an article to upsert or an id to remove. Thin: HTTP in, `KnowledgeDoc` out.
 *
 * ServiceNow: Table API `GET /api/now/table/kb_knowledge`, `sys_updated_on>=cursor` ordered by
 * `sys_updated_on, sys_id`, paged with sysparm_limit/sysparm_offset. Published → upsert; retired,
 * outdated, draft/review (unpublished) or inactive → remove.
 * Salesforce: SOQL on `Knowledge__kav` (a `PublishStatus` filter is mandatory on article
 * versions): `Online` → upsert (an article has one online version, even while a newer draft is
 * being written), then `Archived` with `IsLatestVersion = true` → remove (older archived versions
 * of an article that is online again must not remove it), each ordered by `LastModifiedDate, Id`
 * with a (date, id) keyset cursor within a run; each run starts by re-reading the checkpoint's
 * second (`>=`), because a record can change again within the second its checkpoint was taken.
 */
import type { KnowledgeDoc } from '../types.js';

export type Fetch = typeof fetch;

export interface Change {
  op: 'upsert' | 'remove';
  id: string;
  doc?: KnowledgeDoc;
}

export interface Page<C> {
  changes: Change[];
  /** The cursor after this page is applied; save it only once the page is in the index. */
  cursor: C;
  /** Records the source says match in total (for the progress bar), when it says. */
  total?: number;
}

export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

async function json(res: Response, what: string, fix: string): Promise<Record<string, unknown>> {
  const text = await res.text();
  if (res.status >= 300) throw new SourceError(`${what} answered HTTP ${res.status}: ${text.slice(0, 300)}; ${fix}`, res.status);
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new SourceError(`${what} answered HTTP ${res.status} with no JSON: ${text.slice(0, 200)}`, res.status);
  }
}

// ---- ServiceNow ---------------------------------------------------------------------------

export interface ServiceNowCursor {
  /** `sys_updated_on` of the last record taken (UTC, `YYYY-MM-DD HH:MM:SS`). */
  updatedOn: string;
  /**
   * The sys_ids already taken with exactly that timestamp. Within one run the next page asks for
   * `>=` the timestamp and skips these, so a second shared by more records than a page holds is
   * paged through. A new run ignores them and reads that whole second again: one of them may have
   * been edited again within the same second (timestamps have one-second precision), and the
   * idempotent upsert (content hash) skips the ones that did not change.
   */
  ids: string[];
}

export interface ServiceNowSourceOptions {
  url: string;
  /** `Basic …` or `Bearer …`. */
  authorization: string;
  pageSize?: number;
  fetch?: Fetch;
}

export const SN_FIELDS = ['sys_id', 'number', 'short_description', 'text', 'wiki', 'article_type', 'workflow_state', 'active', 'sys_updated_on', 'meta', 'kb_knowledge_base', 'kb_category'];

const SN_START: ServiceNowCursor = { updatedOn: '1970-01-01 00:00:00', ids: [] };

const str = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' && 'value' in v ? String((v as { value: unknown }).value ?? '') : v == null ? '' : String(v));

/** `2026-01-02 03:04:05` (the Table API's UTC form) → ISO 8601. */
const snIso = (s: string): string => (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(s) ? `${s.replace(' ', 'T')}Z` : s);

export function serviceNowDoc(r: Record<string, unknown>, base: string): Change {
  const sysId = str(r['sys_id']);
  const id = `servicenow:${sysId}`;
  const state = str(r['workflow_state']);
  const active = str(r['active']) !== 'false';
  if (state !== 'published' || !active) return { op: 'remove', id };
  const number = str(r['number']);
  const wiki = str(r['wiki']);
  const body = str(r['article_type']) === 'wiki' && wiki ? wiki : str(r['text']) || wiki;
  const tags = str(r['meta'])
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    op: 'upsert',
    id,
    doc: {
      id,
      platform: 'servicenow',
      kind: 'ARTICLE',
      number,
      title: str(r['short_description']) || number,
      url: `${base}/kb_view.do?sysparm_article=${encodeURIComponent(number)}`,
      body,
      updatedAt: snIso(str(r['sys_updated_on'])),
      ...(tags.length ? { tags } : {}),
    },
  };
}

export async function* serviceNowPages(o: ServiceNowSourceOptions, from: ServiceNowCursor | null): AsyncGenerator<Page<ServiceNowCursor>> {
  const base = o.url.replace(/\/+$/, '');
  const doFetch = o.fetch ?? fetch;
  const limit = o.pageSize ?? 100;
  // A new run re-reads the checkpoint's whole second (see ServiceNowCursor.ids).
  let cursor: ServiceNowCursor = { updatedOn: (from ?? SN_START).updatedOn, ids: [] };
  for (;;) {
    // Room for the records already taken at the cursor's second, so a full page of new ones fits.
    const want = limit + cursor.ids.length;
    const q = new URLSearchParams({
      sysparm_query: `sys_updated_on>=${cursor.updatedOn}^ORDERBYsys_updated_on^ORDERBYsys_id`,
      sysparm_fields: SN_FIELDS.join(','),
      sysparm_limit: String(want),
      sysparm_offset: '0',
      sysparm_display_value: 'false',
      sysparm_exclude_reference_link: 'true',
    });
    const res = await doFetch(`${base}/api/now/table/kb_knowledge?${q}`, { headers: { authorization: o.authorization, accept: 'application/json' } });
    const body = await json(res, 'ServiceNow GET /api/now/table/kb_knowledge', 'check the instance URL and that the integration user can read kb_knowledge (role knowledge, or a read ACL)');
    const rows = Array.isArray(body['result']) ? (body['result'] as Record<string, unknown>[]) : [];
    const totalHeader = res.headers.get('x-total-count');
    const changes: Change[] = [];
    const next: ServiceNowCursor = { updatedOn: cursor.updatedOn, ids: [...cursor.ids] };
    const seen = new Set(cursor.ids);
    for (const r of rows) {
      const on = str(r['sys_updated_on']);
      const sysId = str(r['sys_id']);
      if (on === cursor.updatedOn && seen.has(sysId)) continue;
      if (on === next.updatedOn) next.ids.push(sysId);
      else {
        next.updatedOn = on;
        next.ids = [sysId];
      }
      changes.push(serviceNowDoc(r, base));
    }
    cursor = next;
    yield { changes, cursor: { updatedOn: cursor.updatedOn, ids: [...cursor.ids] }, ...(totalHeader ? { total: Number(totalHeader) } : {}) };
    if (rows.length < want || changes.length === 0) return;
  }
}

// ---- Salesforce ---------------------------------------------------------------------------

export interface SalesforceCursor {
  /** `LastModifiedDate` of the last record taken, ISO (…Z), per status. */
  online: { date: string; id: string };
  archived: { date: string; id: string };
}

export interface SalesforceSourceOptions {
  /** The instance URL (My Domain). */
  url: string;
  /** `Bearer …` (a session from the OAuth client-credentials flow). */
  authorization: string;
  apiVersion?: string;
  /** Rich-text fields that hold the article body, in order (default: `Answer__c`). */
  bodyFields?: string[];
  pageSize?: number;
  fetch?: Fetch;
}

const SF_START = { date: '1970-01-01T00:00:00Z', id: '000000000000000' };

/** A SOQL datetime literal: no quotes, seconds precision, Z. */
const soqlDate = (iso: string): string => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

const FIELD = /^[A-Za-z][A-Za-z0-9_]*$/;

export function salesforceDoc(r: Record<string, unknown>, base: string, bodyFields: readonly string[]): Change {
  const articleId = str(r['KnowledgeArticleId']);
  const id = `salesforce:${articleId}`;
  if (str(r['PublishStatus']) !== 'Online') return { op: 'remove', id };
  const parts = [str(r['Summary']), ...bodyFields.map((f) => str(r[f]))].filter(Boolean);
  return {
    op: 'upsert',
    id,
    doc: {
      id,
      platform: 'salesforce',
      kind: 'ARTICLE',
      number: str(r['ArticleNumber']),
      title: str(r['Title']),
      url: `${base}/lightning/r/Knowledge__kav/${encodeURIComponent(str(r['Id']))}/view`,
      body: parts.join('\n\n'),
      updatedAt: str(r['LastModifiedDate']).replace(/\+0000$/, 'Z'),
    },
  };
}

export async function* salesforcePages(o: SalesforceSourceOptions, from: SalesforceCursor | null): AsyncGenerator<Page<SalesforceCursor>> {
  const base = o.url.replace(/\/+$/, '');
  const doFetch = o.fetch ?? fetch;
  const version = o.apiVersion ?? '62.0';
  const limit = o.pageSize ?? 200;
  const bodyFields = o.bodyFields ?? ['Answer__c'];
  for (const f of bodyFields) if (!FIELD.test(f)) throw new SourceError(`Salesforce body field "${f}" is not a field API name; use e.g. Answer__c`);
  const cursor: SalesforceCursor = from ? { online: { ...from.online }, archived: { ...from.archived } } : { online: { ...SF_START }, archived: { ...SF_START } };
  // The first query of a run asks for `LastModifiedDate >= c`, not the keyset: a version taken at
  // the checkpoint's second may have been modified again within that second (same date, same Id),
  // and the keyset would skip it. Re-reading that second is harmless (the upsert skips unchanged
  // documents); later pages of the run use the keyset, so a busy second is still paged through.
  const fields = ['Id', 'KnowledgeArticleId', 'ArticleNumber', 'Title', 'UrlName', 'Summary', 'PublishStatus', 'LastModifiedDate', ...bodyFields];
  for (const [status, key] of [['Online', 'online'], ['Archived', 'archived']] as const) {
    for (let first = true; ; first = false) {
      const c = cursor[key];
      const d = soqlDate(c.date);
      const after = first ? `LastModifiedDate >= ${d}` : `(LastModifiedDate > ${d} OR (LastModifiedDate = ${d} AND Id > '${c.id.replace(/[^A-Za-z0-9]/g, '')}'))`;
      const soql =
        `SELECT ${[...new Set(fields)].join(', ')} FROM Knowledge__kav ` +
        `WHERE PublishStatus = '${status}'${status === 'Archived' ? ' AND IsLatestVersion = true' : ''} AND ${after} ` +
        `ORDER BY LastModifiedDate, Id LIMIT ${limit}`;
      const res = await doFetch(`${base}/services/data/v${version}/query?q=${encodeURIComponent(soql)}`, { headers: { authorization: o.authorization, accept: 'application/json' } });
      const body = await json(res, 'Salesforce SOQL on Knowledge__kav', 'check the instance URL, that the integration user has a Knowledge User license with "View Articles" (or read on Knowledge__kav) and that the body fields exist');
      const rows = Array.isArray(body['records']) ? (body['records'] as Record<string, unknown>[]) : [];
      const changes = rows.map((r) => salesforceDoc(r, base, bodyFields));
      const last = rows[rows.length - 1];
      if (last) cursor[key] = { date: str(last['LastModifiedDate']).replace(/\+0000$/, 'Z'), id: str(last['Id']) };
      yield { changes, cursor: { online: { ...cursor.online }, archived: { ...cursor.archived } }, ...(typeof body['totalSize'] === 'number' ? { total: body['totalSize'] as number } : {}) };
      if (rows.length < limit) break;
    }
  }
}
