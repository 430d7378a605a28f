// @ts-check
/**
 * Scripted REST APIs from the app (sys_ws_definition + sys_ws_operation), served at
 * <base_uri><relative_path> with {param} path parameters, running the operation script with a
 * RESTAPIRequest/RESTAPIResponse as the calling user.
 */
import { sendError, readBody } from './http-util.js';
import { RESTAPIRequest, RESTAPIResponse, ServiceError } from './glide/sn-ws.js';
import { TransactionCancelledError } from './glide/host.js';

const CANCELLED = 'Transaction cancelled: maximum execution time exceeded';

/** @typedef {import('./glide/host.js').Host} Host */
/** @typedef {import('./glide/host.js').ScriptedRoute} ScriptedRoute */
/** @typedef {import('./glide/host.js').SessionUser} SessionUser */

/** The platform's default ACL for scripted REST operations ("Scripted REST External Default"): any authenticated user. */
export const DEFAULT_REST_ACL = 'cf9d01d3e73003009d6247e603f6a990';

/**
 * @param {ScriptedRoute} route @param {string} path
 * @returns {Record<string, string> | null}
 */
export function matchRoute(route, path) {
  const templates = route.paths?.length ? route.paths : [route.basePath.replace(/\/$/, '') + '/' + route.relativePath.replace(/^\//, '')];
  for (const t of templates) {
    const params = matchTemplate(t.replace(/\/$/, '') || '/', path);
    if (params) return params;
  }
  return null;
}

/** @param {string} template @param {string} path */
function matchTemplate(template, path) {
  /** @type {string[]} */
  const names = [];
  const pattern = template.split('/').map((seg) => {
    const m = /^\{(\w+)\}$/.exec(seg);
    if (m) { names.push(m[1]); return '([^/]+)'; }
    return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('/');
  const hit = new RegExp(`^${pattern}/?$`).exec(path);
  if (!hit) return null;
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(hit[i + 1])]));
}

/**
 * A scripted REST operation passes when the user satisfies every enforced ACL (admin overrides);
 * the platform's default ACL only asks for an authenticated user.
 * @param {Host} host @param {ScriptedRoute} route @param {SessionUser} user
 */
export function routeAllowed(host, route, user) {
  if (!route.requiresAclAuthorization) return true;
  for (const id of route.acls) {
    if (id === DEFAULT_REST_ACL) continue;
    const acl = host.acls.get(id);
    if (!acl || !acl.active) continue;
    if (acl.adminOverrides && user.roles.includes('admin')) continue;
    if (acl.roles.length && !acl.roles.some((r) => user.roles.includes(r))) return false;
  }
  return true;
}

/**
 * @param {Host} host
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {URL} url @param {() => SessionUser | null} authenticate
 * @returns {Promise<boolean>} false when no route matches the path
 */
export async function handleScriptedRest(host, req, res, url, authenticate) {
  const method = (req.method ?? 'GET').toUpperCase();
  const candidates = host.routes.map((route) => ({ route, params: matchRoute(route, url.pathname) })).filter((c) => c.params);
  if (candidates.length === 0) return false;
  const hit = candidates.find((c) => c.route.method === method);
  if (!hit) {
    sendError(res, 405, 'Method not Supported', `${method} is not supported on ${url.pathname}; allowed: ${candidates.map((c) => c.route.method).join(', ')}`);
    return true;
  }
  const { route } = hit;
  const user = authenticate();
  if (!user && route.requiresAuthentication) {
    sendError(res, 401, 'User Not Authenticated', 'Required to provide Auth information');
    return true;
  }
  const caller = user ?? { sys_id: '', user_name: 'guest', roles: [] };
  if (!routeAllowed(host, route, caller)) {
    sendError(res, 403, 'User Not Authorized', `User ${caller.user_name} lacks a role that the ACLs of ${route.name} require`);
    return true;
  }

  const text = await readBody(req);
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v ?? '';
  const request = new RESTAPIRequest({ body: text, pathParams: /** @type {Record<string, string>} */ (hit.params), query: url.searchParams, headers, url: url.toString(), uri: url.pathname });
  const response = new RESTAPIResponse();

  const transaction = { deadline: host.restQuotaMs > 0 ? Date.now() + host.restQuotaMs : Infinity, cancelled: false };
  host.restTransaction = transaction;
  try {
    host.runAs(caller, () => {
      if (typeof route.script === 'function') route.script(request, response);
      else host.runScript(route.script, { request, response });
    });
  } catch (e) {
    if (e instanceof TransactionCancelledError) transaction.cancelled = true;
    else if (e instanceof ServiceError) response.setError(e);
    else {
      host.log('error', `scripted REST ${route.name} threw: ${/** @type {Error} */ (e).stack ?? e}`, 'rest');
      const err = new ServiceError().setStatus(500).setMessage(String(/** @type {Error} */ (e)?.message ?? e)).setDetail('Script error in the operation script');
      response.setError(err);
    }
  } finally {
    host.restTransaction = null;
  }

  if (transaction.cancelled) {
    // KB1297438: a REST transaction the quota cancelled after it started answers HTTP 200 with this
    // error body, whatever the script had set or caught; the writes it made before stay.
    const text = JSON.stringify({ error: { message: CANCELLED, detail: `${CANCELLED} Check logs for error trace or enable glide.rest.debug property to verify REST request processing` }, status: 'failure' });
    res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8' });
    res.end(text);
    return true;
  }

  if (response.error) {
    const text = JSON.stringify({ error: { message: response.error.message, detail: response.error.detail || null }, status: 'failure' });
    res.writeHead(response.error.status, { ...response.headers, 'Content-Type': 'application/json;charset=UTF-8' });
    res.end(text);
    return true;
  }
  if (response.streamed) {
    res.writeHead(response.status, { 'Content-Type': response.contentType, ...response.headers });
    res.end(response.stream);
    return true;
  }
  if (!response.bodySet || response.status === 204) {
    res.writeHead(response.status, response.headers);
    res.end();
    return true;
  }
  // setBody output is wrapped in {"result": …}, as the platform serialises it.
  const out = JSON.stringify({ result: response.body });
  res.writeHead(response.status, { 'Content-Type': 'application/json;charset=UTF-8', ...response.headers });
  res.end(out);
  return true;
}
