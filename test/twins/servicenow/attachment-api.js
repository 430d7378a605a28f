// @ts-check
/**
 * The Attachment API (`/api/now/attachment`), the subset documented for files on records:
 * list (`sysparm_query`, `sysparm_limit`, `sysparm_offset`), metadata, `…/{sys_id}/file` content,
 * `POST …/file?table_name=&table_sys_id=&file_name=` with the raw bytes as the body, and DELETE.
 * Uploads go through the Glide host, so business rules on sys_attachment run as on the platform.
 */
import { parseEncodedQuery } from './encoded-query.js';
import { sendError, sendJson } from './http-util.js';
import { tableAllowed } from './table-api.js';

/** @param {import('node:http').IncomingMessage} req @returns {Promise<Buffer>} */
async function readBytes(req) {
  const chunks = [];
  for await (const c of req) chunks.push(/** @type {Buffer} */ (c));
  return Buffer.concat(chunks);
}

/**
 * @param {import('./glide/host.js').Host} host @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {URL} url @param {import('./glide/host.js').SessionUser} user @param {string} baseUrl
 */
export async function handleAttachmentApi(host, req, res, url, user, baseUrl) {
  const store = host.store;
  const m = /^\/api\/now\/(?:v\d+\/)?attachment(?:\/([^/]+))?(?:\/(file))?\/?$/.exec(url.pathname);
  if (!m) return sendError(res, 400, 'Requested URI does not represent any resource', null);
  const [, id, file] = m;
  const meta = (/** @type {Record<string, string>} */ row) => ({
    sys_id: row.sys_id, table_name: row.table_name, table_sys_id: row.table_sys_id, file_name: row.file_name, content_type: row.content_type,
    size_bytes: row.size_bytes, sys_created_on: row.sys_created_on, sys_created_by: row.sys_created_by,
    download_link: `${baseUrl}/api/now/attachment/${row.sys_id}/file`,
  });
  const parentReadable = (/** @type {Record<string, string>} */ row) => tableAllowed(host, user, row.table_name, 'read');

  if (req.method === 'POST' && id === 'file') {
    const q = url.searchParams;
    const table = q.get('table_name') ?? '';
    const sysId = q.get('table_sys_id') ?? '';
    const fileName = q.get('file_name') ?? '';
    if (!table || !sysId || !fileName) return sendError(res, 400, 'Failed to create the attachment', 'table_name, table_sys_id and file_name are required query parameters');
    if (!store.get(table, sysId)) return sendError(res, 400, 'Failed to create the attachment', `no record ${sysId} in ${table}`);
    if (!tableAllowed(host, user, table, 'write')) return sendError(res, 403, 'User Not Authorized', `write access to ${table} is needed to attach files`);
    const bytes = await readBytes(req);
    const contentType = String(req.headers['content-type'] ?? 'application/octet-stream');
    const newId = host.runAs(user, () => host.addAttachment(table, sysId, fileName, contentType, bytes));
    if (!newId) return sendError(res, 400, 'Failed to create the attachment', 'a business rule aborted the insert');
    return sendJson(res, 201, { result: meta(/** @type {Record<string, string>} */ (store.get('sys_attachment', newId))) }, { Location: `${baseUrl}/api/now/attachment/${newId}` });
  }
  if (req.method === 'GET' && !id) {
    const q = url.searchParams;
    const rows = store.select('sys_attachment', parseEncodedQuery(q.get('sysparm_query') ?? '')).filter(parentReadable);
    const offset = Math.max(0, Number(q.get('sysparm_offset') ?? 0) || 0);
    const limit = Math.max(1, Number(q.get('sysparm_limit') ?? 1000) || 1000);
    return sendJson(res, 200, { result: rows.slice(offset, offset + limit).map(meta) }, { 'X-Total-Count': String(rows.length) });
  }
  const row = id ? store.get('sys_attachment', id) : null;
  if (!row || !parentReadable(row)) return sendError(res, 404, 'Record doesn\'t exist or ACL restricts the record retrieval', null);
  if (req.method === 'GET' && file) {
    const bytes = host.attachmentData.get(row.sys_id) ?? Buffer.alloc(0);
    res.writeHead(200, { 'Content-Type': row.content_type || 'application/octet-stream', 'Content-Length': bytes.length, 'X-Attachment-Metadata': JSON.stringify(meta(row)) });
    return res.end(bytes);
  }
  if (req.method === 'GET') return sendJson(res, 200, { result: meta(row) });
  if (req.method === 'DELETE') {
    store.delete('sys_attachment', row.sys_id);
    host.attachmentData.delete(row.sys_id);
    res.writeHead(204);
    return res.end();
  }
  return sendError(res, 405, 'Method not Supported', `${req.method} ${url.pathname}`);
}
