// @ts-check
/**
 * sn_ws (outbound REST: RESTMessageV2 / RESTResponseV2), sn_ws_int (scripted REST request and
 * response) and sn_ws_err (ServiceError). Outbound calls are real HTTP, made synchronously.
 */
import { httpRequestSync } from './sync-http.js';

/** @typedef {import('./host.js').Host} Host */
/** @typedef {{ endpoint: string, method: string, headers: Record<string, string>, body?: string }} RestMethodDef */
/** @typedef {{ name: string, endpoint: string, headers: Record<string, string>, methods: Record<string, RestMethodDef>, basicAuth?: { user: string, password: string }, authType?: string, oauthTokenUrl?: string }} RestMessageDef */
/**
 * Credentials an admin would enter on the instance (they are never in the build), by REST message name.
 * @typedef {{ type: 'oauth2_client_credentials', clientId: string, clientSecret: string, tokenUrl?: string } | { type: 'basic', user: string, password: string }} OutboundAuth
 */

export class RESTResponseV2 {
  /** @param {import('./sync-http.js').SyncResponse} res @param {string} url */
  constructor(res, url) { this._res = res; this._url = url; }
  getStatusCode() { return this._res.ok ? this._res.status : 0; }
  getBody() { return this._res.ok ? this._res.body : ''; }
  /** @param {string} name */
  getHeader(name) { return this._res.ok ? this._res.headers[name.toLowerCase()] ?? null : null; }
  getHeaders() { return this._res.ok ? { ...this._res.headers } : {}; }
  getAllHeaders() { return Object.entries(this.getHeaders()).map(([name, value]) => ({ name, value })); }
  /** The platform reports an error for transport failures and for HTTP status >= 400. */
  haveError() { return !this._res.ok || this._res.status >= 400; }
  getErrorCode() { return this._res.ok ? (this._res.status >= 400 ? this._res.status : 0) : this._res.code; }
  getErrorMessage() {
    if (!this._res.ok) return this._res.error;
    return this._res.status >= 400 ? `Method failed: (${this._url}) with code: ${this._res.status}` : '';
  }
  /** @param {number} [_s] */
  waitForResponse(_s) {}
  getQueryString() { return new URL(this._url).search.slice(1); }
}

/** @param {Host} host */
export function createSnWs(host) {
  class RESTMessageV2 {
    /**
     * new RESTMessageV2() or new RESTMessageV2(messageName, methodName) for a REST message record.
     * @param {string} [name] @param {string} [methodName]
     */
    constructor(name, methodName) {
      this._endpoint = '';
      this._method = 'GET';
      /** @type {Record<string, string>} */
      this._headers = {};
      /** @type {Record<string, string>} */
      this._query = {};
      /** @type {Record<string, string>} */
      this._params = {};
      /** @type {string | undefined} */
      this._body = undefined;
      this._timeout = 60_000;
      if (name) {
        const def = host.restMessages.get(name);
        if (!def) throw new Error(`RESTMessageV2: REST message "${name}" is not defined in the twin; load the app (sys_rest_message) or use setEndpoint`);
        const fn = methodName ? def.methods[methodName] : undefined;
        if (methodName && !fn) throw new Error(`RESTMessageV2: REST message "${name}" has no HTTP method "${methodName}"; defined: ${Object.keys(def.methods).join(', ')}`);
        this._endpoint = fn?.endpoint || def.endpoint;
        this._method = fn?.method ?? 'GET';
        Object.assign(this._headers, def.headers, fn?.headers);
        if (fn?.body) this._body = fn.body;
        if (def.basicAuth) this.setBasicAuth(def.basicAuth.user, def.basicAuth.password);
        this._message = def;
      }
    }
    /** @param {string} url */
    setEndpoint(url) { this._endpoint = String(url); }
    getEndpoint() { return this._substitute(this._endpoint, true); }
    /** @param {string} m */
    setHttpMethod(m) { this._method = String(m).toUpperCase(); }
    /** @param {string} name @param {string} value */
    setRequestHeader(name, value) { this._headers[String(name)] = String(value); }
    /** @param {string} [name] */
    getRequestHeader(name) { return name ? this._headers[name] ?? '' : ''; }
    getRequestHeaders() { return { ...this._headers }; }
    /** @param {string} body */
    setRequestBody(body) { this._body = String(body); }
    getRequestBody() { return this._substitute(this._body ?? '', false); }
    /** @param {number} ms */
    setHttpTimeout(ms) { this._timeout = Number(ms); }
    /** @param {string} name @param {string} value */
    setQueryParameter(name, value) { this._query[name] = String(value); }
    /** @param {string} name @param {string} value */
    setStringParameter(name, value) { this._params[name] = escapeXml(String(value)); }
    /** @param {string} name @param {string} value */
    setStringParameterNoEscape(name, value) { this._params[name] = String(value); }
    /** @param {string} user @param {string} password */
    setBasicAuth(user, password) { this._headers.Authorization = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64'); }
    /** @param {string} _type @param {string} _profile credentials come from the alias the twin was given */
    setAuthenticationProfile(_type, _profile) {}
    /** @param {string} _level */
    setLogLevel(_level) {}
    /** @param {boolean} _f */
    setFollowRedirect(_f) {}
    /** @param {string} _m */
    setMIDServer(_m) { this._mid = String(_m ?? ''); }
    getMIDServer() { return this._mid ?? ''; }

    /** @param {string} text @param {boolean} encode */
    _substitute(text, encode) {
      return text.replace(/\$\{([^}]+)\}/g, (whole, k) => (k in this._params ? (encode ? encodeURIComponent(this._params[k]) : this._params[k]) : whole));
    }

    execute() {
      host.checkQuota();
      if (this._mid) {
        // Routed through the ECC queue to a MID Server: only a MID Server that is Up picks it up.
        const up = host.store.hasTable('ecc_agent') && [...host.store.rows('ecc_agent').values()].some((a) => a.name === this._mid && a.status === 'Up');
        if (!up) {
          const sysId = host.newSysId();
          host.log('warn', `RESTMessageV2: MID Server "${this._mid}" is not Up (ecc_agent); the ECC queue output ${sysId} was never picked up`, 'mid');
          host.outbound.push({ method: this._method, url: this.getEndpoint(), status: 0, error: `MID Server ${this._mid} not Up`, ms: 0, message: this._message?.name });
          return new RESTResponseV2({ ok: false, code: -1, error: `No response for ECC message request with sysid=${sysId} after waiting for 30 seconds in ECC Queue` }, this.getEndpoint());
        }
      }
      let url = this.getEndpoint();
      if (!/^https?:\/\//.test(url)) throw new Error(`RESTMessageV2.execute: endpoint "${url}" is not an http(s) URL; call setEndpoint with an absolute URL`);
      url = host.rewriteEndpoint(url);
      const u = new URL(url);
      for (const [k, v] of Object.entries(this._query)) u.searchParams.set(k, v);
      const started = Date.now();
      const headers = { ...this._headers };
      const auth = this._message ? host.outboundAuth[this._message.name] : undefined;
      const hasAuthHeader = Object.keys(headers).some((h) => h.toLowerCase() === 'authorization');
      if (auth && !hasAuthHeader) {
        if (auth.type === 'basic') headers.Authorization = 'Basic ' + Buffer.from(`${auth.user}:${auth.password}`).toString('base64');
        else {
          const token = oauthToken(host, /** @type {RestMessageDef} */ (this._message), auth, this._timeout);
          if ('error' in token) return new RESTResponseV2({ ok: false, code: -1, error: token.error }, u.toString());
          headers.Authorization = `Bearer ${token.accessToken}`;
        }
      }
      const send = () => httpRequestSync({ url: u.toString(), method: this._method, headers, body: this._body === undefined ? undefined : this.getRequestBody(), timeoutMs: this._timeout });
      let res = send();
      // The platform's OAuth profile refreshes an expired token; do the same once on a 401.
      if (auth?.type === 'oauth2_client_credentials' && res.ok && res.status === 401 && !hasAuthHeader) {
        host.oauthTokens.delete(/** @type {RestMessageDef} */ (this._message).name);
        const token = oauthToken(host, /** @type {RestMessageDef} */ (this._message), auth, this._timeout);
        if (!('error' in token)) { headers.Authorization = `Bearer ${token.accessToken}`; res = send(); }
      }
      host.outbound.push({ method: this._method, url: u.toString(), status: res.ok ? res.status : 0, error: res.ok ? undefined : res.error, ms: Date.now() - started, message: this._message?.name });
      // A transaction that passed its quota while waiting is cancelled when the call returns.
      host.checkQuota();
      return new RESTResponseV2(res, u.toString());
    }
    executeAsync() { return this.execute(); }
  }
  return { RESTMessageV2, RESTResponseV2 };
}

/**
 * A client-credentials token for a REST message, cached until shortly before it expires.
 * @param {Host} host @param {RestMessageDef} def @param {Extract<OutboundAuth, { type: 'oauth2_client_credentials' }>} auth @param {number} timeoutMs
 * @returns {{ accessToken: string } | { error: string }}
 */
function oauthToken(host, def, auth, timeoutMs) {
  const cached = host.oauthTokens.get(def.name);
  if (cached && cached.expires > Date.now()) return { accessToken: cached.token };
  const tokenUrl = auth.tokenUrl ?? def.oauthTokenUrl;
  if (!tokenUrl) return { error: `REST message "${def.name}" uses OAuth but no token URL is known; give outboundAuth["${def.name}"].tokenUrl` };
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: auth.clientId, client_secret: auth.clientSecret }).toString();
  const res = httpRequestSync({ url: host.rewriteEndpoint(tokenUrl), method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body, timeoutMs });
  if (!res.ok) return { error: `OAuth token request for "${def.name}" failed: ${res.error}` };
  if (res.status !== 200) return { error: `OAuth token request for "${def.name}" failed with HTTP ${res.status}: ${res.body.slice(0, 200)}` };
  try {
    const parsed = JSON.parse(res.body);
    const ttl = Number(parsed.expires_in) > 0 ? Number(parsed.expires_in) : 900;
    host.oauthTokens.set(def.name, { token: String(parsed.access_token), expires: Date.now() + (ttl - 30) * 1000 });
    return { accessToken: String(parsed.access_token) };
  } catch {
    return { error: `OAuth token response for "${def.name}" is not JSON` };
  }
}

/** @param {string} s */
const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** sn_ws_err.ServiceError: thrown or passed to response.setError to answer with an error body. */
export class ServiceError extends Error {
  constructor() { super(''); this.status = 500; this.detail = ''; }
  /** @param {number} code */
  setStatus(code) { this.status = Number(code); return this; }
  /** @param {string} m */
  setMessage(m) { this.message = String(m); return this; }
  /** @param {string} d */
  setDetail(d) { this.detail = String(d); return this; }
}

export class RESTAPIRequestBody {
  /** @param {string} text */
  constructor(text) {
    this.dataString = text;
    /** @type {any} */
    let data = text;
    if (text) { try { data = JSON.parse(text); } catch { data = text; } }
    this.data = text ? data : undefined;
    this._entries = Array.isArray(data) ? [...data] : data === undefined ? [] : [data];
  }
  hasNext() { return this._entries.length > 0; }
  nextEntry() { return this._entries.shift(); }
}

export class RESTAPIRequest {
  /**
   * @param {{ body: string, pathParams: Record<string, string>, query: URLSearchParams, headers: Record<string, string>, url: string, uri: string }} init
   */
  constructor(init) {
    this.body = new RESTAPIRequestBody(init.body);
    this.pathParams = { ...init.pathParams };
    /** @type {Record<string, string[]>} query values are arrays on the platform */
    this.queryParams = {};
    for (const [k, v] of init.query) (this.queryParams[k] ??= []).push(v);
    this.queryString = init.query.toString();
    this.headers = { ...init.headers };
    this.url = init.url;
    this.uri = init.uri;
  }
  /** @param {string} name */
  getHeader(name) { return this.headers[name.toLowerCase()] ?? ''; }
  getRequestedQueryCategory() { return ''; }
  getSupportedResponseContentTypes() { return ['application/json']; }
}

export class RESTAPIResponse {
  constructor() {
    this.status = 200;
    /** @type {Record<string, string>} */
    this.headers = {};
    /** @type {unknown} */
    this.body = undefined;
    this.bodySet = false;
    this.stream = '';
    this.streamed = false;
    this.contentType = 'application/json';
    /** @type {ServiceError | null} */
    this.error = null;
  }
  /** @param {number} code */
  setStatus(code) { this.status = Number(code); }
  /** @param {unknown} body */
  setBody(body) { this.body = body; this.bodySet = true; }
  /** @param {string} name @param {string} value */
  setHeader(name, value) { this.headers[name] = String(value); }
  /** @param {Record<string, string>} h */
  setHeaders(h) { for (const [k, v] of Object.entries(h)) this.setHeader(k, v); }
  /** @param {string} ct */
  setContentType(ct) { this.contentType = ct; }
  /** @param {string} loc */
  setLocation(loc) { this.setHeader('Location', loc); }
  /** @param {ServiceError} err */
  setError(err) { this.error = err; }
  getStreamWriter() {
    this.streamed = true;
    return {
      /** @param {string} s */
      writeString: (s) => { this.stream += String(s); },
      /** @param {unknown} s */
      writeStream: (s) => { this.stream += String(s); },
    };
  }
}
