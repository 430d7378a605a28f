// @ts-check
/**
 * The REST API v62.0 resources, as a function from (method, path, query, body) to a response, so
 * composite subrequests run through exactly the same code as top-level calls.
 */
import { randomBytes } from 'node:crypto';
import { ApiError, notFound } from './errors.js';
import { normalizeId } from './ids.js';
import { findObject } from './schema.js';
import { executeSoql } from './soql.js';

export const API_VERSION = '62.0';
const MAX_COLLECTION = 200;
const MAX_COMPOSITE = 25;
const ROLLED_BACK = { statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] };
const HALTED = { errorCode: 'PROCESSING_HALTED', message: 'The transaction was rolled back since another operation in the same transaction failed.' };

/**
 * @typedef {import('./store.js').Store} Store
 * @typedef {import('./store.js').WriteContext} WriteContext
 * @typedef {{ status: number, body?: unknown, headers?: Record<string, string>, failed?: boolean }} Reply  `failed`: a 200 whose records failed (rolls back an allOrNone composite)
 * @typedef {{ method: string, path: string, query: URLSearchParams, body: unknown, headers: Record<string, string | string[] | undefined>, ctx: WriteContext, allOrNone?: boolean }} Call
 *   `allOrNone`: set by an allOrNone composite; it overrides the collection's own flag, as on the platform
 */

/** @param {unknown} e @returns {ApiError[]} */
const asErrors = (e) => {
  if (Array.isArray(e) && e.every((x) => x instanceof ApiError)) return e;
  if (e instanceof ApiError) return [e];
  throw e;
};

/** @param {unknown} e @returns {Reply} */
export function errorReply(e) {
  const errors = asErrors(e);
  return { status: errors[0].status, body: errors.flatMap((x) => x.toBody()) };
}

/**
 * @param {Store} store
 * @param {{ apiLimit: number, usage: () => number, identityUrl?: () => string, objects?: Map<string, import('./schema.js').ObjectDef> }} limits
 *   `identityUrl`: the session user's identity URL (the resources list names it); `objects`: the schema as the API user sees it (field-level security)
 */
export function createRestApi(store, limits) {
  const apiObjects = limits.objects ?? store.objects;
  /** @type {Map<string, { rows: unknown[], totalSize: number, batch: number }>} */
  const cursors = new Map();

  /** @param {string} type */
  const objectOf = (type) => {
    const o = findObject(apiObjects, type);
    if (!o) throw notFound();
    return o;
  };

  /** A record as the REST API returns it: attributes first, then fields. @param {string} type @param {import('./types.js').SRecord} r @param {string[] | null} fields */
  function shape(type, r, fields) {
    const object = objectOf(type);
    /** @type {Record<string, unknown>} */
    const out = { attributes: { type: object.name, url: store.recordUrl(object.name, String(r.Id)) } };
    const names = fields ?? [...object.fields.values()].map((f) => f.name);
    for (const n of names) {
      const f = object.fields.get(n.toLowerCase());
      if (!f) throw new ApiError(400, 'INVALID_FIELD', `No such column '${n}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`);
      // Blob fields answer with the URL of their content, as on the platform.
      out[f.name] = f.type === 'base64' && r[f.name] ? `${store.recordUrl(object.name, String(r.Id))}/${f.name}` : r[f.name] ?? null;
    }
    return out;
  }

  /** @param {import('./schema.js').ObjectDef} o */
  function describe(o) {
    return {
      name: o.name, label: o.label, keyPrefix: o.keyPrefix, custom: o.name.endsWith('__c') || o.name.endsWith('__e'),
      queryable: o.queryable, createable: true, updateable: !o.isEvent, deletable: !o.isEvent, retrieveable: !o.isEvent,
      urls: { sobject: `/services/data/v${API_VERSION}/sobjects/${o.name}`, describe: `/services/data/v${API_VERSION}/sobjects/${o.name}/describe`,
        rowTemplate: `/services/data/v${API_VERSION}/sobjects/${o.name}/{ID}` },
    };
  }

  /** @param {string} type @param {Record<string, unknown>} body @param {WriteContext} ctx */
  function saveResultCreate(type, body, ctx) {
    const id = store.create(type, body, ctx);
    const uuid = store.eventUuid(id);
    return { id, success: true, errors: uuid ? [{ statusCode: 'OPERATION_ENQUEUED', message: uuid, fields: [] }] : [] };
  }

  /** One batch of query results from `start`, with a nextRecordsUrl while more remain. @param {{ rows: unknown[], totalSize: number, batch: number }} all @param {number} start */
  function page(all, start) {
    const end = Math.min(all.rows.length, start + all.batch);
    /** @type {Record<string, unknown>} */
    const out = { totalSize: all.totalSize, done: end >= all.rows.length, records: all.rows.slice(start, end) };
    if (end < all.rows.length) {
      const locator = `01gTw${randomBytes(5).toString('hex').toUpperCase()}`;
      cursors.set(locator, all);
      out.nextRecordsUrl = `/services/data/v${API_VERSION}/query/${locator}-${end}`;
    }
    return out;
  }

  /** @param {Call} call */
  function query(call) {
    const q = call.query.get('q');
    if (q === null) throw new ApiError(400, 'MALFORMED_QUERY', 'A query string (q) is required');
    const opt = /batchSize=(\d+)/i.exec(String(call.headers['sforce-query-options'] ?? ''));
    const batch = opt ? Math.min(2000, Math.max(200, Number(opt[1]))) : 2000;
    // A named user's session (`twin.sessionFor`): object access and record sharing (sharing.js).
    const access = call.ctx.recordAccess ?? null;
    const objects = access ? new Map([...apiObjects].filter(([, o]) => !access.hidden(o.name))) : apiObjects;
    const all = access ? (/** @type {string} */ type) => store.all(type).filter((r) => access.visible(type, r)) : store.all;
    const byId = access ? (/** @type {string} */ id) => { const hit = store.byId(id); return hit && access.visible(hit.type, hit.record) ? hit : null; } : store.byId;
    const result = executeSoql(q, { objects, all, byId, recordUrl: store.recordUrl });
    return page({ rows: result.records, totalSize: result.totalSize, batch }, 0);
  }

  /**
   * sObject Collections create / update: per-record SaveResults, or all rolled back.
   * @param {Call} call @param {'create' | 'update'} mode
   */
  function collectionWrite(call, mode) {
    const body = /** @type {{ allOrNone?: boolean, records?: unknown }} */ (call.body ?? {});
    if (!Array.isArray(body.records)) throw new ApiError(400, 'JSON_PARSER_ERROR', 'records: expected an array of sObjects, each with attributes.type');
    if (body.records.length > MAX_COLLECTION) throw new ApiError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${MAX_COLLECTION} records into this call`);
    const allOrNone = body.allOrNone === true || call.allOrNone === true;
    const records = /** @type {unknown[]} */ (body.records);
    /** @param {unknown} raw */
    const one = (raw) => {
      const rec = /** @type {Record<string, any>} */ (raw ?? {});
      const type = rec.attributes?.type;
      if (typeof type !== 'string') throw new ApiError(400, 'INVALID_TYPE', 'Must send a concrete entity type.');
      if (!findObject(apiObjects, type)) throw new ApiError(400, 'INVALID_TYPE', `sObject type '${type}' is not supported.`);
      const { attributes, Id, id, ...fields } = rec;
      if (mode === 'create') {
        if (Id ?? id) throw new ApiError(400, 'INVALID_FIELD', 'cannot specify Id in an insert call', ['Id']);
        return saveResultCreate(type, fields, call.ctx);
      }
      const target = Id ?? id;
      if (!target) throw new ApiError(400, 'MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
      if (!normalizeId(target)) throw new ApiError(400, 'MALFORMED_ID', `id value of incorrect type: ${target}`, ['Id']);
      try {
        store.update(type, target, fields, call.ctx);
      } catch (e) {
        if (e instanceof ApiError && e.errorCode === 'NOT_FOUND') throw new ApiError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['Id']);
        throw e;
      }
      return { id: normalizeId(target), success: true, errors: [] };
    };
    /** @param {unknown} raw @param {unknown} e */
    const failure = (raw, e) => {
      /** @type {Record<string, unknown>} */
      const r = { success: false, errors: asErrors(e).map((x) => x.toSaveError()) };
      const target = /** @type {any} */ (raw)?.Id ?? /** @type {any} */ (raw)?.id;
      if (mode === 'update' && target) r.id = normalizeId(target) ?? target;
      return r;
    };
    if (!allOrNone) {
      return records.map((raw) => {
        try { return store.transaction(call.ctx, () => one(raw)); } catch (e) { return failure(raw, e); }
      });
    }
    /** @type {unknown[]} */
    const results = [];
    let failed = false;
    try {
      store.transaction(call.ctx, (rollback) => {
        for (const raw of records) {
          try { results.push(one(raw)); } catch (e) { results.push(failure(raw, e)); failed = true; }
        }
        if (failed) rollback();
      });
    } catch (e) {
      if (!failed) throw e;
    }
    if (!failed) return results;
    return results.map((r) => (/** @type {any} */ (r).success ? { ...(mode === 'update' ? { id: /** @type {any} */ (r).id } : {}), success: false, errors: [ROLLED_BACK] } : r));
  }

  /** @param {Call} call */
  function collectionDelete(call) {
    const ids = (call.query.get('ids') ?? '').split(',').filter((x) => x);
    if (ids.length === 0) throw new ApiError(400, 'MISSING_ARGUMENT', 'ids: give the ids to delete, comma-separated');
    if (ids.length > MAX_COLLECTION) throw new ApiError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${MAX_COLLECTION} records into this call`);
    const allOrNone = call.query.get('allOrNone') === 'true' || call.allOrNone === true;
    /** @param {string} raw */
    const one = (raw) => {
      const hit = store.byId(raw);
      if (!hit) throw new ApiError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
      store.remove(hit.type, raw);
      return { id: String(hit.record.Id), success: true, errors: [] };
    };
    /** @param {string} raw @param {unknown} e */
    const failure = (raw, e) => ({ id: raw, success: false, errors: asErrors(e).map((x) => x.toSaveError()) });
    if (!allOrNone) return ids.map((raw) => { try { return one(raw); } catch (e) { return failure(raw, e); } });
    /** @type {any[]} */
    const results = [];
    let failed = false;
    try {
      store.transaction(call.ctx, (rollback) => {
        for (const raw of ids) { try { results.push(one(raw)); } catch (e) { results.push(failure(raw, e)); failed = true; } }
        if (failed) rollback();
      });
    } catch (e) { if (!failed) throw e; }
    return failed ? results.map((r) => (r.success ? { id: r.id, success: false, errors: [ROLLED_BACK] } : r)) : results;
  }

  /** @param {Call} call @param {string} type */
  function collectionRetrieve(call, type) {
    const object = objectOf(type);
    const b = /** @type {{ ids?: string[], fields?: string[] }} */ (call.body ?? {});
    const ids = call.method === 'POST' ? b.ids ?? [] : (call.query.get('ids') ?? '').split(',').filter((x) => x);
    const fields = call.method === 'POST' ? b.fields ?? [] : (call.query.get('fields') ?? '').split(',').filter((x) => x);
    if (fields.length === 0) throw new ApiError(400, 'MISSING_ARGUMENT', 'fields: give the fields to return, comma-separated');
    if (ids.length > 2000) throw new ApiError(400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 2000 records into this call');
    return ids.map((raw) => {
      const id = normalizeId(raw);
      const r = id ? store.state.records[object.name]?.[id] : undefined;
      return r ? shape(object.name, r, fields) : null;
    });
  }

  /**
   * Composite: up to 25 subrequests in one call, later ones referring to earlier results with
   * `@{referenceId.path}`.
   * @param {Call} call
   * @returns {unknown}
   */
  function composite(call) {
    const body = /** @type {{ allOrNone?: boolean, compositeRequest?: unknown }} */ (call.body ?? {});
    const subs = body.compositeRequest;
    if (!Array.isArray(subs) || subs.length === 0) throw new ApiError(400, 'JSON_PARSER_ERROR', 'compositeRequest: expected a non-empty array of subrequests');
    if (subs.length > MAX_COMPOSITE) throw new ApiError(400, 'INVALID_BATCH_REQUEST', `Composite request can contain at most ${MAX_COMPOSITE} subrequests`);
    const seen = new Set();
    for (const s of subs) {
      const ref = s?.referenceId;
      if (typeof ref !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(ref)) throw new ApiError(400, 'INVALID_INPUT', `referenceId ${JSON.stringify(ref)}: must start with a letter and hold only letters, digits and underscores`);
      if (seen.has(ref)) throw new ApiError(400, 'INVALID_INPUT', `Duplicate referenceId provided in the request: ${ref}`);
      seen.add(ref);
      if (typeof s.url !== 'string' || !/^\/services\/data\/v\d+\.\d\//.test(s.url)) throw new ApiError(400, 'INVALID_INPUT', `${ref}: url must start with /services/data/vXX.X/`);
    }
    const allOrNone = body.allOrNone === true;
    /** @type {Map<string, Reply>} */
    const done = new Map();
    /** @type {Array<Record<string, unknown>>} */
    const responses = [];

    /** Substitutes `@{ref.path}` in text; throws PROCESSING_HALTED when a reference has no value. @param {string} text @param {boolean} inJson */
    const substitute = (text, inJson) => text.replace(/@\{([A-Za-z][A-Za-z0-9_]*)((?:\.[A-Za-z0-9_]+|\[\d+\])+)\}/g, (_m, ref, pathText) => {
      const reply = done.get(ref);
      /** @type {any} */
      let v = reply && reply.status < 300 ? reply.body : undefined;
      for (const seg of pathText.match(/\.[A-Za-z0-9_]+|\[\d+\]/g) ?? []) {
        if (v === undefined || v === null) break;
        v = seg.startsWith('[') ? v[Number(seg.slice(1, -1))] : v[seg.slice(1)];
      }
      if (v === undefined || v === null || typeof v === 'object') {
        const path = pathText.replace(/^\./, '');
        throw new ApiError(400, 'PROCESSING_HALTED', `Invalid reference specified. No value for ${ref}.${path} found in ${ref}. Provided referenceId ('${ref}') and path ('${path}') was not found in the response or the reference was used before it was defined.`);
      }
      return inJson ? JSON.stringify(String(v)).slice(1, -1) : encodeURIComponent(String(v));
    });

    /** @param {any} s @returns {Reply} */
    const runOne = (s) => {
      try {
        const url = new URL(substitute(s.url, false), 'http://twin');
        const rest = url.pathname.replace(/^\/services\/data\/v\d+\.\d/, '');
        const subBody = s.body === undefined ? undefined : JSON.parse(substitute(JSON.stringify(s.body), true));
        return route({ method: String(s.method ?? 'GET').toUpperCase(), path: rest, query: url.searchParams, body: subBody, headers: s.httpHeaders ?? {}, ctx: call.ctx, allOrNone });
      } catch (e) {
        return errorReply(e);
      }
    };
    /** @param {any} s @param {Reply} r */
    const record = (s, r) => {
      done.set(s.referenceId, r);
      /** @type {Record<string, string>} */
      const httpHeaders = { ...(r.headers ?? {}) };
      responses.push({ body: r.body ?? null, httpHeaders, httpStatusCode: r.status, referenceId: s.referenceId });
    };
    if (!allOrNone) {
      for (const s of subs) record(s, store.transaction(call.ctx, () => runOne(s)));
      return { compositeResponse: responses };
    }
    let failedAt = -1;
    try {
      store.transaction(call.ctx, (rollback) => {
        for (let i = 0; i < subs.length; i++) {
          const r = runOne(subs[i]);
          record(subs[i], r);
          if (r.status >= 400 || r.failed) { failedAt = i; rollback(); }
        }
      });
    } catch (e) {
      if (failedAt < 0) throw e;
    }
    if (failedAt < 0) return { compositeResponse: responses };
    return {
      compositeResponse: subs.map((s, i) => (i === failedAt ? responses[i] : { body: [HALTED], httpHeaders: {}, httpStatusCode: 400, referenceId: s.referenceId })),
    };
  }

  /**
   * @param {Call} call
   * @returns {Reply}
   */
  function route(call) {
    const { method } = call;
    let parts;
    try {
      parts = call.path.split('/').filter((x) => x).map(decodeURIComponent);
    } catch {
      throw notFound();
    }
    const [head, a, b, c] = parts;
    const base = `/services/data/v${API_VERSION}`;
    if (parts.length === 0 && method === 'GET') {
      // The resources of this version, as the platform lists them: relative URLs, except identity,
      // which is the absolute identity URL of the session's user (jsforce's identity() reads it).
      return { status: 200, body: { sobjects: `${base}/sobjects`, query: `${base}/query`, queryAll: `${base}/queryAll`, composite: `${base}/composite`, limits: `${base}/limits`,
        ...(limits.identityUrl ? { identity: limits.identityUrl() } : {}) } };
    }
    if (head === 'limits' && parts.length === 1 && method === 'GET') {
      const events = store.state.events.length;
      return { status: 200, body: {
        DailyApiRequests: { Max: limits.apiLimit, Remaining: Math.max(0, limits.apiLimit - limits.usage()) },
        HourlyPublishedPlatformEvents: { Max: 250000, Remaining: Math.max(0, 250000 - events) },
      } };
    }
    if ((head === 'query' || head === 'queryAll') && method === 'GET') {
      if (parts.length === 1) return { status: 200, body: query(call) };
      const m = /^(01g[A-Za-z0-9]+)-(\d+)$/.exec(a ?? '');
      const cursor = m ? cursors.get(m[1]) : undefined;
      if (!m || !cursor) throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      return { status: 200, body: page(cursor, Number(m[2])) };
    }
    if (head === 'composite') {
      if (parts.length === 1 && method === 'POST') return { status: 200, body: composite(call) };
      if (a === 'sobjects' && parts.length === 2) {
        /** @param {unknown[]} results */
        const reply = (results) => ({ status: 200, body: results, failed: results.some((r) => !(/** @type {any} */ (r).success)) });
        if (method === 'POST') return reply(collectionWrite(call, 'create'));
        if (method === 'PATCH') return reply(collectionWrite(call, 'update'));
        if (method === 'DELETE') return reply(collectionDelete(call));
      }
      if (a === 'sobjects' && parts.length === 3 && (method === 'GET' || method === 'POST')) return { status: 200, body: collectionRetrieve(call, b) };
      throw notFound();
    }
    if (head === 'sobjects') {
      if (parts.length === 1 && method === 'GET') {
        return { status: 200, body: { encoding: 'UTF-8', maxBatchSize: MAX_COLLECTION, sobjects: [...apiObjects.values()].map(describe) } };
      }
      const object = objectOf(a);
      if (parts.length === 2) {
        if (method === 'GET') return { status: 200, body: { objectDescribe: describe(object), recentItems: [] } };
        if (method === 'POST') {
          if (call.body === null || typeof call.body !== 'object' || Array.isArray(call.body)) throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object of field values');
          const result = saveResultCreate(object.name, /** @type {Record<string, unknown>} */ (call.body), call.ctx);
          return { status: 201, body: result, headers: { Location: `${base}/sobjects/${object.name}/${result.id}` } };
        }
        throw new ApiError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET,HEAD,POST`);
      }
      if (parts.length === 3 && b === 'describe' && method === 'GET') {
        return { status: 200, body: { ...describe(object), fields: [...object.fields.values()].map((f) => ({
          name: f.name, label: f.label, type: f.type, length: f.length ?? 0, precision: f.precision ?? 0, scale: f.scale ?? 0, custom: Boolean(f.custom),
          nillable: !f.required && f.type !== 'boolean', createable: f.createable, updateable: f.updateable, referenceTo: f.referenceTo ?? [],
          relationshipName: f.relationshipName ?? null, restrictedPicklist: Boolean(f.restricted), defaultValue: f.defaultValue ?? null,
          picklistValues: (f.picklist ?? []).map((v) => ({ value: v, label: v, active: true, defaultValue: v === f.defaultValue })),
        })) } };
      }
      if (object.isEvent) throw notFound();
      if (parts.length === 3) {
        if (method === 'GET') {
          const { record } = store.mustGet(object.name, b);
          const fields = call.query.get('fields');
          return { status: 200, body: shape(object.name, record, fields ? fields.split(',').map((x) => x.trim()).filter((x) => x) : null) };
        }
        if (method === 'PATCH') {
          if (call.body === null || typeof call.body !== 'object' || Array.isArray(call.body)) throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object of field values');
          store.update(object.name, b, /** @type {Record<string, unknown>} */ (call.body), call.ctx);
          return { status: 204 };
        }
        if (method === 'DELETE') { store.remove(object.name, b); return { status: 204 }; }
        throw new ApiError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET,HEAD,PATCH,DELETE`);
      }
      const blob = parts.length === 4 ? object.fields.get(c.toLowerCase()) : undefined;
      if (blob && blob.type === 'base64' && method === 'GET') {
        // GET /sobjects/ContentVersion/{id}/VersionData: the bytes themselves.
        const { record } = store.mustGet(object.name, b);
        return { status: 200, body: Buffer.from(String(record[blob.name] ?? ''), 'base64'), headers: { 'Content-Type': 'application/octet-stream' } };
      }
      if (parts.length === 4) {
        // Upsert / retrieve by an external id field.
        const field = object.fields.get(b.toLowerCase());
        if (!field) throw new ApiError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${b}`);
        const matches = store.all(object.name).filter((r) => r[field.name] !== null && String(r[field.name]) === c);
        if (matches.length > 1) throw new ApiError(300, 'MULTIPLE_CHOICES', `More than one record found for external id field ${field.name} with value ${c}`);
        if (method === 'GET') {
          if (!matches[0]) throw notFound();
          return { status: 200, body: shape(object.name, matches[0], null) };
        }
        if (method === 'PATCH') {
          const fields = /** @type {Record<string, unknown>} */ ({ ...(/** @type {object} */ (call.body ?? {})) });
          if (matches[0]) {
            store.update(object.name, String(matches[0].Id), fields, call.ctx);
            return { status: 200, body: { id: matches[0].Id, success: true, errors: [], created: false } };
          }
          const id = store.create(object.name, { ...fields, [field.name]: c }, call.ctx);
          return { status: 201, body: { id, success: true, errors: [], created: true }, headers: { Location: `${base}/sobjects/${object.name}/${id}` } };
        }
      }
    }
    throw notFound();
  }

  return { route };
}
