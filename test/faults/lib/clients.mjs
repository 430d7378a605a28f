// @ts-check
/**
 * The two platforms' public APIs as the campaign, the bad-input suite and the bench drive them:
 * Salesforce REST (OAuth client credentials; a 401 gets a new token once, as jsforce does) and the
 * ServiceNow Table / scripted REST APIs (basic auth as a named user). Plain fetch, no retries here:
 * callers decide what a failure means (the campaign's driver retries its own writes).
 */

export const SF_API = '/services/data/v62.0';
export const SN_API = '/api/x_seam_bridge/seam/v1';

/**
 * @param {{ url: string, clientId: string, clientSecret: string }} sf
 */
export function salesforceClient(sf) {
  /** @type {string | null} */
  let token = null;
  let calls = 0;
  const login = async () => {
    const res = await fetch(`${sf.url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sf.clientId, client_secret: sf.clientSecret }),
    });
    if (res.status !== 200) throw new Error(`Salesforce token request failed: HTTP ${res.status} ${await res.text()}`);
    token = /** @type {{ access_token: string }} */ (await res.json()).access_token;
  };
  /**
   * @param {string} method @param {string} path below /services/data/v62.0 @param {unknown} [body]
   * @returns {Promise<{ status: number, body: any }>}
   */
  const request = async (method, path, body) => {
    for (let attempt = 0; attempt < 2; attempt++) {
      if (!token) await login();
      calls++;
      const res = await fetch(`${sf.url}${SF_API}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status === 401 && attempt === 0) { token = null; continue; }
      let parsed;
      try { parsed = text ? JSON.parse(text) : null; } catch { parsed = text; }
      return { status: res.status, body: parsed };
    }
    throw new Error('unreachable');
  };
  return {
    request,
    get calls() { return calls; },
    /** @param {string} soql */
    async query(soql) {
      /** @type {any[]} */
      const out = [];
      let r = await request('GET', `/query?q=${encodeURIComponent(soql)}`);
      for (;;) {
        if (r.status !== 200) throw new Error(`SOQL failed: HTTP ${r.status} ${JSON.stringify(r.body)} for ${soql}`);
        out.push(...r.body.records);
        if (r.body.done || !r.body.nextRecordsUrl) return out;
        r = await request('GET', String(r.body.nextRecordsUrl).replace(SF_API, ''));
      }
    },
  };
}

/** @param {{ user: string, password: string }} u */
export const basicAuth = (u) => 'Basic ' + Buffer.from(`${u.user}:${u.password}`).toString('base64');

/**
 * @param {string} url the ServiceNow twin's base URL
 * @param {{ user: string, password: string }} user
 */
export function serviceNowClient(url, user) {
  const auth = basicAuth(user);
  /**
   * @param {string} method @param {string} path @param {unknown} [body] @param {Record<string, string>} [headers]
   * @returns {Promise<{ status: number, body: any, text: string }>}
   */
  const request = async (method, path, body, headers = {}) => {
    const res = await fetch(url + path, {
      method,
      headers: { authorization: auth, accept: 'application/json', 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed;
    try { parsed = text ? JSON.parse(text) : null; } catch { parsed = text; }
    return { status: res.status, body: parsed, text };
  };
  return {
    request,
    /** Every row of a table matching an encoded query (pages of 1000). @param {string} table @param {string} [query] @param {string} [fields] */
    async rows(table, query = '', fields = '') {
      /** @type {any[]} */
      const out = [];
      for (let offset = 0; ; offset += 1000) {
        const q = new URLSearchParams({ sysparm_query: query, sysparm_limit: '1000', sysparm_offset: String(offset) });
        if (fields) q.set('sysparm_fields', fields);
        const r = await request('GET', `/api/now/table/${table}?${q}`);
        if (r.status !== 200) throw new Error(`Table API ${table} failed: HTTP ${r.status} ${r.text.slice(0, 300)}`);
        out.push(...r.body.result);
        if (r.body.result.length < 1000) return out;
      }
    },
  };
}
