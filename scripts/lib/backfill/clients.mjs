/**
 * Thin REST clients for the backfill: Salesforce (OAuth 2.0 client credentials, SOQL with
 * nextRecordsUrl paging, sObject Collections) and ServiceNow (basic or OAuth client credentials,
 * Table API pages). Each counts its API calls; neither ever logs a secret or a token.
 */

/** An HTTP answer that is not what the caller needs: names the call, the status and the fix. */
export class ApiCallError extends Error {
  /** @param {string} what @param {number} status @param {string} body @param {string} fix */
  constructor(what, status, body, fix) {
    super(`${what} answered HTTP ${status}: ${body.slice(0, 300)}; ${fix}`);
    this.status = status;
  }
}

/** @param {Response} res */
async function readJson(res) {
  const text = await res.text();
  try { return text ? JSON.parse(text) : null; } catch { return text; }
}

/**
 * @param {{ url: string, clientId: string, clientSecret: string, apiVersion?: string, fetch?: typeof fetch }} options
 */
export function salesforceClient(options) {
  const base = options.url.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const version = options.apiVersion ?? '62.0';
  const stats = { calls: 0, tokenCalls: 0, queries: 0, collectionWrites: 0, lastLimitInfo: '', waitMs: 0 };
  /** @type {{ token: string, instanceUrl: string } | null} */
  let session = null;

  async function login() {
    stats.tokenCalls++;
    const res = await doFetch(`${base}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: options.clientId, client_secret: options.clientSecret }),
    });
    const body = await readJson(res);
    if (res.status !== 200 || !body?.access_token) {
      throw new ApiCallError('Salesforce token endpoint (client credentials)', res.status, JSON.stringify(body?.error ? { error: body.error, error_description: body.error_description } : body),
        'check --sf-client-id / SEAM_SF_CLIENT_ID and the secret, and that the connected app allows the client credentials flow with a Run As user');
    }
    session = { token: body.access_token, instanceUrl: String(body.instance_url || base).replace(/\/+$/, '') };
    return session;
  }

  /** @param {string} method @param {string} path under /services/data/vNN.0 or absolute /services/... @param {unknown} [body] */
  async function call(method, path, body, retried = false) {
    const s = session ?? (await login());
    const url = path.startsWith('/services/') ? `${s.instanceUrl}${path}` : `${s.instanceUrl}/services/data/v${version}${path}`;
    stats.calls++;
    const t0 = Date.now();
    const res = await doFetch(url, {
      method,
      headers: { authorization: `Bearer ${s.token}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    stats.lastLimitInfo = res.headers.get('sforce-limit-info') ?? stats.lastLimitInfo;
    stats.waitMs += Date.now() - t0;
    if (res.status === 401 && !retried) {
      session = null; // the session ended (timeout, revoked): one new token, then give up
      return call(method, path, body, true);
    }
    const out = await readJson(res);
    if (res.status >= 300) throw new ApiCallError(`Salesforce ${method} ${path.split('?')[0]}`, res.status, JSON.stringify(out), 'see the Salesforce error code above');
    return out;
  }

  return {
    stats,
    /** All records of a SOQL query, following nextRecordsUrl. @param {string} soql @returns {Promise<Record<string, any>[]>} */
    async queryAll(soql) {
      stats.queries++;
      let page = await call('GET', `/query?q=${encodeURIComponent(soql)}`);
      const records = [...page.records];
      while (!page.done && page.nextRecordsUrl) {
        page = await call('GET', page.nextRecordsUrl);
        records.push(...page.records);
      }
      return records;
    },
    /** Pages of a SOQL query, one nextRecordsUrl page at a time. @param {string} soql */
    async *queryPages(soql) {
      stats.queries++;
      let page = await call('GET', `/query?q=${encodeURIComponent(soql)}`);
      yield /** @type {Record<string, any>[]} */ (page.records);
      while (!page.done && page.nextRecordsUrl) {
        page = await call('GET', page.nextRecordsUrl);
        yield /** @type {Record<string, any>[]} */ (page.records);
      }
    },
    /** sObject Collections update, ≤ 200 records, allOrNone false. @param {Record<string, unknown>[]} records */
    async updateCollection(records) {
      if (records.length === 0) return [];
      if (records.length > 200) throw new Error(`updateCollection: ${records.length} records; sObject Collections take at most 200, chunk them`);
      stats.collectionWrites++;
      return /** @type {{ id: string, success: boolean, errors: { statusCode: string, message: string, fields: string[] }[] }[]} */ (
        await call('PATCH', '/composite/sobjects', { allOrNone: false, records })
      );
    },
  };
}

/**
 * @param {{ url: string, user?: string, password?: string, clientId?: string, clientSecret?: string, fetch?: typeof fetch }} options
 */
export function serviceNowClient(options) {
  const base = options.url.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const stats = { calls: 0, tokenCalls: 0, reads: 0, writes: 0, waitMs: 0 };
  /** @type {string | null} */
  let authHeader = options.user ? `Basic ${Buffer.from(`${options.user}:${options.password ?? ''}`).toString('base64')}` : null;
  const oauth = !options.user && options.clientId;
  if (!authHeader && !oauth) throw new Error('ServiceNow credentials: set --sn-user and SEAM_SN_PASSWORD (basic), or --sn-client-id and SEAM_SN_CLIENT_SECRET (OAuth client credentials)');

  async function login() {
    stats.tokenCalls++;
    const res = await doFetch(`${base}/oauth_token.do`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: String(options.clientId), client_secret: String(options.clientSecret ?? '') }),
    });
    const body = await readJson(res);
    if (res.status !== 200 || !body?.access_token) {
      throw new ApiCallError('ServiceNow /oauth_token.do (client credentials)', res.status, JSON.stringify(body?.error ?? body),
        'check --sn-client-id / SEAM_SN_CLIENT_SECRET and glide.oauth.inbound.client.credential.grant_type.enabled');
    }
    authHeader = `Bearer ${body.access_token}`;
    return authHeader;
  }

  /** @param {string} method @param {string} path @param {unknown} [body] @returns {Promise<{ status: number, body: any, headers: Headers }>} */
  async function call(method, path, body, retried = false) {
    const auth = authHeader ?? (await login());
    stats.calls++;
    if (method === 'GET') stats.reads++; else stats.writes++;
    const t0 = Date.now();
    const res = await doFetch(`${base}${path}`, {
      method,
      headers: { authorization: auth, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    stats.waitMs += Date.now() - t0;
    if (res.status === 401 && oauth && !retried) {
      authHeader = null;
      return call(method, path, body, true);
    }
    const out = await readJson(res);
    if (res.status >= 300) {
      throw new ApiCallError(`ServiceNow ${method} ${path.split('?')[0]}`, res.status, JSON.stringify(out?.error ?? out),
        res.status === 403 ? 'the backfill user needs x_seam_bridge.integration (links) and itil (incidents)' : 'see the ServiceNow error above');
    }
    return { status: res.status, body: out, headers: res.headers };
  }

  /** @param {Record<string, string | number | undefined>} params */
  const qs = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();

  return {
    stats,
    /**
     * One Table API page. Values are raw, except `display` fields, read as their display value
     * (reference fields whose Salesforce copy is for people, e.g. assigned_to → "Beth Anglin").
     * @param {string} table @param {{ query: string, fields: string[], limit: number, offset?: number, display?: string[] }} p
     * @returns {Promise<{ rows: Record<string, string>[], total: number | null }>}
     */
    async page(table, p) {
      const display = new Set(p.display ?? []);
      const r = await call('GET', `/api/now/table/${table}?${qs({
        sysparm_query: p.query, sysparm_fields: p.fields.join(','), sysparm_limit: p.limit, sysparm_offset: p.offset ?? 0,
        sysparm_exclude_reference_link: 'true', sysparm_display_value: display.size ? 'all' : 'false',
      })}`);
      const total = r.headers.get('x-total-count');
      /** @type {Record<string, any>[]} */
      const raw = r.body?.result ?? [];
      const rows = display.size
        ? raw.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => {
          const pair = v && typeof v === 'object' ? v : { value: v, display_value: v };
          return [k, String((display.has(k) ? pair.display_value : pair.value) ?? '')];
        })))
        : raw;
      return { rows, total: total === null ? null : Number(total) };
    },
    /**
     * The app's batch route for the backfill (≤ 200 pairs per call). Null when the installed app
     * has no such route (an older version): the caller falls back to the Table API.
     * @param {unknown[]} pairs
     * @returns {Promise<{ caseId: string, status: string, linkSysId?: string, linkCreated?: boolean, incidentUpdated?: boolean, detail?: string }[] | null>}
     */
    async backfillLinks(pairs) {
      try {
        return (await call('POST', '/api/x_seam_bridge/seam/v1/backfill/links', { pairs })).body.results;
      } catch (e) {
        if (e instanceof ApiCallError && (e.status === 400 || e.status === 404) && /does not represent any resource/.test(e.message)) return null;
        throw e;
      }
    },
    /** @param {string} table @param {Record<string, unknown>} values */
    async insert(table, values) {
      return /** @type {Record<string, string>} */ ((await call('POST', `/api/now/table/${table}?sysparm_exclude_reference_link=true`, values)).body.result);
    },
    /** @param {string} table @param {string} sysId @param {Record<string, unknown>} values */
    async update(table, sysId, values) {
      return /** @type {Record<string, string>} */ ((await call('PATCH', `/api/now/table/${table}/${sysId}?sysparm_exclude_reference_link=true`, values)).body.result);
    },
  };
}
