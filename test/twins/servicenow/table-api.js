// @ts-check
/**
 * The Table API, /api/now/table/{table}[/{sys_id}]. Writes go through GlideRecord, so business
 * rules fire for REST writes exactly as for script writes, as on the platform.
 */
import { parseEncodedQuery, EncodedQueryError } from './encoded-query.js';
import { SYS_FIELDS } from './store.js';
import { sendError, sendJson, readBody } from './http-util.js';

/** @typedef {import('./glide/host.js').Host} Host */
/** @typedef {import('./glide/host.js').SessionUser} SessionUser */
/** @typedef {import('./store.js').Row} Row */
/** @typedef {'read' | 'write' | 'create' | 'delete'} AclOperation */

/** Platform ACLs for base tables the twin knows; app tables use the app's own ACL records. */
const BASE_ACLS = /** @type {Record<string, Partial<Record<AclOperation, string[]>>>} */ ({
  incident: { read: ['itil'], write: ['itil'], create: ['itil'], delete: ['admin'] },
  problem: { read: ['itil'], write: ['itil'], create: ['itil'], delete: ['admin'] },
  sys_user: { read: ['itil'], write: ['admin'], create: ['admin'], delete: ['admin'] },
  sys_user_group: { read: ['itil'], write: ['admin'], create: ['admin'], delete: ['admin'] },
  // The platform gates articles by knowledge-base user criteria ("Can read" / "Can contribute"); the
  // twin simplifies that to roles: itil/knowledge read, knowledge contributes drafts, admin deletes.
  kb_knowledge: { read: ['itil', 'knowledge'], write: ['knowledge'], create: ['knowledge'], delete: ['admin'] },
  kb_knowledge_base: { read: ['itil', 'knowledge'], write: ['admin'], create: ['admin'], delete: ['admin'] },
  sys_properties: { read: ['admin'], write: ['admin'], create: ['admin'], delete: ['admin'] },
  sys_user_has_role: { read: ['admin'], write: ['admin'], create: ['admin'], delete: ['admin'] },
});

/**
 * Table-level ACL check: admin passes; otherwise the user needs a role of one of the matching ACLs.
 * @param {Host} host @param {SessionUser} user @param {string} table @param {AclOperation} op
 */
export function tableAllowed(host, user, table, op) {
  if (user.roles.includes('admin')) return true;
  const acls = [...host.acls.values()].filter((a) => a.active && a.type === 'record' && a.name === table && a.operation === op);
  const required = acls.length ? acls : BASE_ACLS[table]?.[op] ? [{ roles: /** @type {string[]} */ (BASE_ACLS[table][op]) }] : [];
  if (required.length === 0) return true;
  return required.some((a) => a.roles.length === 0 || a.roles.some((r) => user.roles.includes(r)));
}

/**
 * Renders one row the way the Table API does for the requested display mode.
 * @param {Host} host @param {string} table @param {Row} row @param {string[] | null} fields
 * @param {'true' | 'false' | 'all'} mode @param {boolean} excludeLinks @param {string} baseUrl
 */
export function renderRow(host, table, row, fields, mode, excludeLinks, baseUrl) {
  const { store } = host;
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const f of fields ?? store.fieldNames(table)) {
    const head = f.split('.')[0];
    const def = store.fieldDef(table, head);
    if (!def && !f.includes('.')) continue;
    const value = store.read(table, row, f);
    // Journal fields store nothing on the record; their display value is the journal itself.
    const display = def?.type?.startsWith('journal') && !f.includes('.') ? store.journalText(table, row.sys_id, f) : store.displayValue(table, row, f);
    if (def?.reference && !f.includes('.')) {
      const link = `${baseUrl}/api/now/table/${def.reference}/${value}`;
      if (!value) out[f] = mode === 'all' ? { display_value: '', value: '' } : '';
      else if (mode === 'false') out[f] = excludeLinks ? value : { link, value };
      else if (mode === 'true') out[f] = excludeLinks ? display : { display_value: display, link };
      else out[f] = excludeLinks ? { display_value: display, value } : { display_value: display, link, value };
    } else {
      out[f] = mode === 'false' ? value : mode === 'true' ? display : { display_value: display, value };
    }
  }
  return out;
}

/**
 * @param {Host} host
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {URL} url @param {SessionUser} user @param {string} baseUrl
 */
export async function handleTableApi(host, req, res, url, user, baseUrl) {
  const m = /^\/api\/now\/(?:v\d+\/)?table\/([^/]+)(?:\/([^/]+))?\/?$/.exec(url.pathname);
  if (!m) return sendError(res, 400, 'Requested URI does not represent any resource', null);
  const table = decodeURIComponent(m[1]);
  const sysId = m[2] ? decodeURIComponent(m[2]) : undefined;
  const { store, glide } = host;
  if (!store.hasTable(table)) return sendError(res, 400, `Invalid table ${table}`, null);

  const q = url.searchParams;
  const modeParam = (q.get('sysparm_display_value') ?? 'false').toLowerCase();
  const mode = /** @type {'true' | 'false' | 'all'} */ (modeParam === 'true' || modeParam === 'all' ? modeParam : 'false');
  const excludeLinks = q.get('sysparm_exclude_reference_link') === 'true';
  const fields = q.get('sysparm_fields') ? /** @type {string} */ (q.get('sysparm_fields')).split(',').map((s) => s.trim()).filter(Boolean) : null;
  /** @param {Row} row */
  const render = (row) => renderRow(host, table, row, fields, mode, excludeLinks, baseUrl);
  const method = (req.method ?? 'GET').toUpperCase();

  /** @param {AclOperation} op */
  const deny = (op) => {
    const what = { read: 'Insufficient rights to query records', write: 'ACL Exception Update Failed due to security constraints', create: 'ACL Exception Insert Failed due to security constraints', delete: 'ACL Exception Delete Failed due to security constraints' }[op];
    return op === 'read' ? sendError(res, 403, what, `Read access to ${table} is denied for the user's roles`) : sendError(res, 403, 'Operation Failed', what);
  };

  // The body is read first: the Glide engine is synchronous and the session user is set only
  // for the synchronous part below.
  /** @type {Record<string, unknown>} */
  let body = {};
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const text = await readBody(req);
    try {
      body = text.trim() ? JSON.parse(text) : {};
    } catch {
      return sendError(res, 400, 'Exception while reading request', 'The payload is not valid json');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return sendError(res, 400, 'Exception while reading request', 'The payload must be a JSON object of field names to values');
  }

  return host.runAs(user, () => {
    if (method === 'GET' && !sysId) {
      if (!tableAllowed(host, user, table, 'read')) return deny('read');
      let parsed;
      try {
        parsed = parseEncodedQuery(q.get('sysparm_query') ?? '');
      } catch (e) {
        if (e instanceof EncodedQueryError) return sendError(res, 400, 'Invalid query', e.message);
        throw e;
      }
      // An unknown field returns no rows (the safe setting of glide.invalid_query.returns_no_rows).
      const known = new Set(store.fieldNames(table));
      const invalid = parsed.groups.flat(2).some((c) => !known.has(c.field.split('.')[0])) || parsed.orderBy.some((o) => !known.has(o.field.split('.')[0]));
      const rows = invalid ? [] : store.select(table, parsed);
      const limit = Math.max(0, Number(q.get('sysparm_limit') ?? 10000) || 0) || 10000;
      const offset = Math.max(0, Number(q.get('sysparm_offset') ?? 0) || 0);
      const page = rows.slice(offset, offset + limit);
      /** @type {Record<string, string>} */
      const headers = { 'X-Total-Count': String(rows.length) };
      const links = [];
      const link = (/** @type {number} */ off, /** @type {string} */ rel) => {
        const u = new URL(url.toString());
        u.searchParams.set('sysparm_offset', String(off));
        u.searchParams.set('sysparm_limit', String(limit));
        return `<${baseUrl}${u.pathname}${u.search}>;rel="${rel}"`;
      };
      links.push(link(0, 'first'));
      if (offset > 0) links.push(link(Math.max(0, offset - limit), 'prev'));
      if (offset + limit < rows.length) links.push(link(offset + limit, 'next'));
      links.push(link(Math.max(0, Math.floor(Math.max(0, rows.length - 1) / limit) * limit), 'last'));
      headers.Link = links.join(',');
      return sendJson(res, 200, { result: page.map(render) }, headers);
    }

    if (method === 'GET') {
      const row = store.get(table, /** @type {string} */ (sysId));
      if (!row || !tableAllowed(host, user, table, 'read')) return sendError(res, 404, 'No Record found', "Record doesn't exist or ACL restricts the record retrieval");
      return sendJson(res, 200, { result: render(row) });
    }

    /** @param {any} gr */
    const apply = (gr) => {
      for (const [k, v] of Object.entries(body)) {
        if (SYS_FIELDS.includes(k) && k !== 'sys_id') continue;
        if (!gr.isValidField(k)) continue; // the Table API ignores unknown fields
        gr.setValue(k, v !== null && typeof v === 'object' && 'value' in v ? /** @type {any} */ (v).value : v);
      }
    };

    if (method === 'POST' && !sysId) {
      if (!tableAllowed(host, user, table, 'create')) return deny('create');
      const gr = new glide.GlideRecord(table);
      gr.initialize();
      apply(gr);
      const id = gr.insert();
      if (!id) return sendError(res, 403, 'Operation Failed', 'Error during insert of ' + table + ' (a business rule aborted the insert)');
      const row = /** @type {Row} */ (store.get(table, id));
      return sendJson(res, 201, { result: render(row) }, { Location: `${baseUrl}/api/now/table/${table}/${id}` });
    }

    if ((method === 'PUT' || method === 'PATCH') && sysId) {
      const gr = new glide.GlideRecord(table);
      if (!gr.get(sysId)) return sendError(res, 404, 'No Record found', "Record doesn't exist or ACL restricts the record retrieval");
      if (!tableAllowed(host, user, table, 'write')) return deny('write');
      apply(gr);
      const id = gr.update();
      if (!id) return sendError(res, 403, 'Operation Failed', 'Error during update of ' + table + ' (a business rule aborted the update)');
      return sendJson(res, 200, { result: render(/** @type {Row} */ (store.get(table, sysId))) });
    }

    if (method === 'DELETE' && sysId) {
      const gr = new glide.GlideRecord(table);
      if (!gr.get(sysId)) return sendError(res, 404, 'No Record found', "Record doesn't exist or ACL restricts the record retrieval");
      if (!tableAllowed(host, user, table, 'delete')) return deny('delete');
      gr.deleteRecord();
      res.writeHead(204);
      return res.end();
    }

    return sendError(res, 405, 'Method not Supported', `${method} is not supported on ${url.pathname}`);
  });
}
