/**
 * Small local fakes of the two read APIs the ingestion uses, speaking their documented envelopes:
 * ServiceNow Table API (`{ result: [...] }`, `X-Total-Count`, sysparm_query/limit/offset) and the
 * Salesforce REST query resource (`{ totalSize, done, records }`). They understand exactly the
 * queries the ingestion sends, and fail loudly on anything else.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Fake<R> {
  url: string;
  rows: R[];
  requests: string[];
  /** Answer the n-th request (1-based) with HTTP 500 once. */
  failAt?: number;
  /** Wait this long before each answer. */
  delayMs?: number;
  close(): Promise<void>;
}

async function serve<R>(rows: R[], handle: (url: URL, fake: Fake<R>) => { status: number; body: unknown; headers?: Record<string, string> }): Promise<Fake<R>> {
  const fake = { rows, requests: [] as string[] } as unknown as Fake<R>;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    fake.requests.push([...url.searchParams].map(([k, v]) => `${k}=${v}`).join('&'));
    if (fake.failAt === fake.requests.length) {
      fake.failAt = undefined;
      return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"injected"}');
    }
    const answer = (): void => {
      if (res.destroyed) return;
      try {
        const r = handle(url, fake);
        res.writeHead(r.status, { 'content-type': 'application/json', ...(r.headers ?? {}) }).end(JSON.stringify(r.body));
      } catch (e) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: (e as Error).message }));
      }
    };
    if (fake.delayMs) setTimeout(answer, fake.delayMs);
    else answer();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((r) => server.close(() => r()));
  return fake;
}

export interface SnRow {
  sys_id: string;
  number: string;
  short_description: string;
  text: string;
  workflow_state: 'draft' | 'review' | 'published' | 'outdated' | 'retired';
  active?: string;
  sys_updated_on: string;
}

export function fakeServiceNow(rows: SnRow[]): Promise<Fake<SnRow>> {
  return serve(rows, (url) => {
    if (url.pathname !== '/api/now/table/kb_knowledge') return { status: 404, body: { error: { message: 'no such table' } } };
    const q = url.searchParams.get('sysparm_query') ?? '';
    const m = /^sys_updated_on>=(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\^ORDERBYsys_updated_on\^ORDERBYsys_id$/.exec(q);
    if (!m) throw new Error(`fake ServiceNow does not understand sysparm_query "${q}"`);
    const limit = Number(url.searchParams.get('sysparm_limit'));
    const offset = Number(url.searchParams.get('sysparm_offset') ?? 0);
    const hit = rows.filter((r) => r.sys_updated_on >= m[1]).sort((a, b) => (a.sys_updated_on < b.sys_updated_on ? -1 : a.sys_updated_on > b.sys_updated_on ? 1 : a.sys_id < b.sys_id ? -1 : 1));
    return { status: 200, body: { result: hit.slice(offset, offset + limit) }, headers: { 'x-total-count': String(hit.length) } };
  });
}

export interface SfRow {
  Id: string;
  KnowledgeArticleId: string;
  ArticleNumber: string;
  Title: string;
  Summary?: string;
  Answer__c?: string;
  PublishStatus: 'Draft' | 'Online' | 'Archived';
  IsLatestVersion: boolean;
  LastModifiedDate: string;
}

export function fakeSalesforce(rows: SfRow[]): Promise<Fake<SfRow>> {
  return serve(rows, (url) => {
    if (url.pathname !== '/services/data/v62.0/query') return { status: 404, body: [{ errorCode: 'NOT_FOUND' }] };
    const soql = url.searchParams.get('q') ?? '';
    const m =
      /WHERE PublishStatus = '(\w+)'( AND IsLatestVersion = true)? AND (?:\(LastModifiedDate > (\S+) OR \(LastModifiedDate = \S+ AND Id > '(\w*)'\)\)|LastModifiedDate >= (\S+)) ORDER BY LastModifiedDate, Id LIMIT (\d+)$/.exec(soql);
    if (!m || !soql.startsWith('SELECT ') || !soql.includes(' FROM Knowledge__kav ')) throw new Error(`fake Salesforce does not understand "${soql}"`);
    const [, status, latest, date, id, from, limit] = m;
    const t = Date.parse(date ?? from);
    const after = (r: SfRow): boolean => (from ? Date.parse(r.LastModifiedDate) >= t : Date.parse(r.LastModifiedDate) > t || (Date.parse(r.LastModifiedDate) === t && r.Id > id));
    const hit = rows
      .filter((r) => r.PublishStatus === status && (!latest || r.IsLatestVersion) && after(r))
      .sort((a, b) => Date.parse(a.LastModifiedDate) - Date.parse(b.LastModifiedDate) || (a.Id < b.Id ? -1 : 1));
    const records = hit.slice(0, Number(limit)).map((r) => ({ attributes: { type: 'Knowledge__kav', url: `/services/data/v62.0/sobjects/Knowledge__kav/${r.Id}` }, ...r, LastModifiedDate: r.LastModifiedDate.replace(/Z$/, '+0000') }));
    return { status: 200, body: { totalSize: records.length, done: true, records } };
  });
}
