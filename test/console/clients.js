// @ts-check
/**
 * The console's two clients. Both speak only the platforms' public wire contracts (Salesforce
 * REST v62.0 with a client-credentials token, the ServiceNow Table API with basic auth), so the
 * console shows what any integration user could see.
 */

export class UpstreamError extends Error {
  /** @param {string} message @param {number} status @param {unknown} body */
  constructor(message, status, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** @param {Response} res */
async function readJson(res) {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The first readable message of a Salesforce (`[{message}]`) or ServiceNow (`{error:{message}}`) error body. */
/** @param {unknown} body */
export function upstreamMessage(body) {
  if (Array.isArray(body) && body[0] && typeof body[0].message === 'string') return body.map((e) => `${e.message}${e.errorCode ? ` (${e.errorCode})` : ''}`).join('; ');
  if (body && typeof body === 'object') {
    const b = /** @type {any} */ (body);
    if (b.error && typeof b.error === 'object') return [b.error.message, b.error.detail].filter(Boolean).join(': ');
    if (typeof b.error === 'string') return b.error;
    if (typeof b.message === 'string') return b.message;
  }
  return typeof body === 'string' && body ? body.slice(0, 300) : 'no error body';
}

/**
 * @param {{ url: string, clientId: string, clientSecret: string, apiVersion?: string }} options
 */
export function salesforceClient({ url, clientId, clientSecret, apiVersion = 'v62.0' }) {
  /** @type {string | null} */
  let token = null;

  async function login() {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    const res = await fetch(`${url}/services/oauth2/token`, { method: 'POST', body: form });
    const body = await readJson(res);
    if (!res.ok) throw new UpstreamError(`Salesforce token request failed: HTTP ${res.status} ${upstreamMessage(body)}; check the sandbox's Salesforce client id/secret`, res.status, body);
    token = /** @type {any} */ (body).access_token;
    return token;
  }

  /** @param {string} method @param {string} path @param {unknown} [body] @returns {Promise<any>} */
  async function request(method, path, body, retried = false) {
    const auth = token ?? (await login());
    const res = await fetch(`${url}/services/data/${apiVersion}${path}`, {
      method,
      headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // A session can end (timeout, revoked); one fresh token, as any client would.
    if (res.status === 401 && !retried) {
      token = null;
      return request(method, path, body, true);
    }
    const parsed = await readJson(res);
    if (!res.ok) throw new UpstreamError(`Salesforce ${method} ${path.split('?')[0]}: HTTP ${res.status} ${upstreamMessage(parsed)}`, res.status, parsed);
    return parsed;
  }

  return {
    url,
    request,
    /** @param {string} soql @returns {Promise<any[]>} */
    async query(soql) {
      const result = await request('GET', `/query?q=${encodeURIComponent(soql)}`);
      return result.records;
    },
    /**
     * Several queries in one composite request, which the org counts as one API call (the
     * console refreshes often and must not eat the org's daily API allowance).
     * @param {Record<string, string>} named referenceId → SOQL
     * @returns {Promise<Record<string, { records: any[] } | { error: string }>>}
     */
    async queryMany(named) {
      const compositeRequest = Object.entries(named).map(([referenceId, soql]) => ({ method: 'GET', url: `/services/data/${apiVersion}/query?q=${encodeURIComponent(soql)}`, referenceId }));
      const result = await request('POST', '/composite', { allOrNone: false, compositeRequest });
      /** @type {Record<string, { records: any[] } | { error: string }>} */
      const out = {};
      for (const r of result.compositeResponse) {
        out[r.referenceId] = r.httpStatusCode < 300 ? { records: r.body.records } : { error: `Salesforce query ${r.referenceId}: HTTP ${r.httpStatusCode} ${upstreamMessage(r.body)}` };
      }
      return out;
    },
    /** @param {string} type @param {Record<string, unknown>} values @returns {Promise<string>} the new id */
    async create(type, values) {
      const result = await request('POST', `/sobjects/${type}`, values);
      return result.id;
    },
    /** @param {string} type @param {string} id @param {Record<string, unknown>} values */
    async update(type, id, values) {
      await request('PATCH', `/sobjects/${type}/${encodeURIComponent(id)}`, values);
    },
    /** Calls the twin's Aura endpoint behind `@salesforce/apex/<className>.<method>`. @param {string} className @param {string} method @param {unknown} params */
    async apex(className, method, params) {
      const res = await fetch(`${url}/seam-twin/apex/${encodeURIComponent(className)}/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params ?? {}),
      });
      return { status: res.status, body: await readJson(res) };
    },
  };
}

/**
 * @param {{ url: string, username: string, password: string }} options
 */
export function serviceNowClient({ url, username, password }) {
  const authorization = 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64');

  /** @param {string} method @param {string} path @param {unknown} [body] @returns {Promise<{ body: any, headers: Headers }>} */
  async function request(method, path, body) {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = await readJson(res);
    if (!res.ok) throw new UpstreamError(`ServiceNow ${method} ${path.split('?')[0]}: HTTP ${res.status} ${upstreamMessage(parsed)}`, res.status, parsed);
    return { body: parsed, headers: res.headers };
  }

  return {
    url,
    request,
    /**
     * @param {string} table
     * @param {{ query?: string, fields?: string[], limit?: number, display?: 'true' | 'false' | 'all' }} [options]
     * @returns {Promise<any[]>}
     */
    async list(table, { query = '', fields, limit = 100, display = 'all' } = {}) {
      const params = new URLSearchParams({ sysparm_query: query, sysparm_limit: String(limit), sysparm_display_value: display, sysparm_exclude_reference_link: 'true' });
      if (fields) params.set('sysparm_fields', fields.join(','));
      return (await request('GET', `/api/now/table/${table}?${params}`)).body.result;
    },
    /** @param {string} table @param {string} sysId @param {Record<string, unknown>} values */
    async patch(table, sysId, values) {
      return (await request('PATCH', `/api/now/table/${table}/${encodeURIComponent(sysId)}?sysparm_display_value=all&sysparm_exclude_reference_link=true`, values)).body.result;
    },
    /** @param {string} table @param {Record<string, unknown>} values */
    async insert(table, values) {
      return (await request('POST', `/api/now/table/${table}`, values)).body.result;
    },
  };
}
