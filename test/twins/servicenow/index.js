// @ts-check
/**
 * The ServiceNow twin: a local server speaking the Table API, OAuth token endpoint and the app's
 * scripted REST APIs, over a Glide-compatible host that runs the app's real built modules.
 *
 *   const sn = await createServiceNowTwin({ app: 'servicenow-app' });
 *   sn.url; sn.glide.GlideRecord; sn.store; sn.runJobs(); await sn.close();
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { TableStore } from './store.js';
import { createHost } from './glide/host.js';
import { Authenticator, DEFAULT_USERS, DEFAULT_OAUTH_CLIENTS } from './auth.js';
import { handleTableApi } from './table-api.js';
import { handleScriptedRest } from './scripted-rest.js';
import { handleAttachmentApi } from './attachment-api.js';
import { loadApp } from './app-loader.js';
import { sendError, sendJson, readBody } from './http-util.js';

export { TableStore } from './store.js';
export { createHost } from './glide/host.js';
export { loadApp } from './app-loader.js';
export { parseEncodedQuery, matchGroups } from './encoded-query.js';
export { DEFAULT_USERS, DEFAULT_OAUTH_CLIENTS } from './auth.js';
export { stopSyncHttp } from './glide/sync-http.js';
export { startServiceNowTwinProcess } from './process.js';

/**
 * @typedef {{
 *   port?: number, host?: string,
 *   users?: import('./auth.js').TwinUser[], oauthClients?: import('./auth.js').OAuthClient[],
 *   properties?: Record<string, string>,
 *   app?: string,
 *   storeFile?: string,
 *   endpointMap?: Record<string, string>,
 *   outboundAuth?: Record<string, import('./glide/sn-ws.js').OutboundAuth>,
 *   tickMs?: number,
 *   now?: () => Date,
 *   restQuotaMs?: number,
 * }} ServiceNowTwinOptions
 */

/** @param {ServiceNowTwinOptions} [options] */
export async function createServiceNowTwin(options = {}) {
  const store = new TableStore({ now: options.now });
  const host = createHost({ store, properties: options.properties, now: options.now, endpointMap: options.endpointMap, outboundAuth: options.outboundAuth, restQuotaMs: options.restQuotaMs });
  const appSummary = options.app ? await loadApp(host, options.app) : null;
  if (options.storeFile) {
    // The build's job rows win over saved ones: a rebuilt app's job script names its new module version.
    const built = store.hasTable('sysauto_script') ? [...store.rows('sysauto_script').values()] : [];
    store.load(options.storeFile);
    for (const row of built) store.rows('sysauto_script').set(row.sys_id, row);
  }
  // Queued async rules survive a restart, as on the platform (they are sys_trigger rows there).
  const asyncFile = options.storeFile ? `${options.storeFile}.async.json` : null;
  if (asyncFile && existsSync(asyncFile)) {
    for (const item of JSON.parse(readFileSync(asyncFile, 'utf8'))) {
      const rule = host.rules.find((/** @type {any} */ r) => r.name === item.rule && r.table === item.table && r.when === 'async');
      if (rule) host.asyncQueue.push({ rule, table: item.table, sysId: item.sysId, action: item.action, user: item.user });
      else host.log('warn', `queued async rule "${item.rule}" on ${item.table} is not in the loaded app; dropped`, 'twin');
    }
    rmSync(asyncFile, { force: true });
  }
  const saveAsyncQueue = () => {
    if (!asyncFile) return;
    const items = host.asyncQueue.map((i) => ({ rule: i.rule.name, table: i.table, sysId: i.sysId, action: i.action, user: i.user }));
    if (items.length) writeFileSync(asyncFile, JSON.stringify(items));
    else rmSync(asyncFile, { force: true });
  };

  const auth = new Authenticator({ users: options.users ?? DEFAULT_USERS, clients: options.oauthClients ?? DEFAULT_OAUTH_CLIENTS, now: host.now }, (u) => {
    const existing = store.findBy('sys_user', { user_name: u.user_name })[0];
    const row = existing ?? store.insert('sys_user', { user_name: u.user_name, name: u.name ?? u.user_name }, 'system');
    for (const role of u.roles) {
      const r = store.findBy('sys_user_role', { name: role })[0] ?? store.insert('sys_user_role', { name: role }, 'system');
      if (!store.findBy('sys_user_has_role', { user: row.sys_id, role: r.sys_id }).length) store.insert('sys_user_has_role', { user: row.sys_id, role: r.sys_id }, 'system');
    }
    return row.sys_id;
  }, (roles) => host.expandRoles(roles));

  let baseUrl = '';
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', baseUrl);
      if (url.pathname === '/oauth_token.do' && req.method === 'POST') {
        const out = auth.token(new URLSearchParams(await readBody(req)));
        return sendJson(res, out.status, out.body);
      }
      if (url.pathname === '/health') return sendJson(res, 200, { ok: true });
      const authenticate = () => auth.authenticate(req.headers.authorization);
      // Twin controls (not a platform API), for a twin running in its own process: admin only.
      if (url.pathname.startsWith('/twin/')) {
        const user = authenticate();
        if (!user) return sendError(res, 401, 'User Not Authenticated', 'Required to provide Auth information');
        if (!user.roles.includes('admin')) return sendError(res, 403, 'User Not Authorized', 'twin controls need the admin role');
        if (url.pathname === '/twin/run-jobs' && req.method === 'POST') return sendJson(res, 200, runJobs({ allJobs: url.searchParams.get('all') === 'true' }));
        if (url.pathname === '/twin/logs' && req.method === 'GET') return sendJson(res, 200, { logs: host.logs, outbound: host.outbound, events: host.events });
        if (url.pathname === '/twin/properties' && req.method === 'PATCH') {
          const body = JSON.parse((await readBody(req)) || '{}');
          for (const [k, v] of Object.entries(body)) host.properties.set(k, String(v));
          return sendJson(res, 200, Object.fromEntries(host.properties));
        }
        if (url.pathname === '/twin/cross-scope' && req.method === 'PATCH') {
          // Which global tables the app's scope is refused create on (the table's cross-scope access
          // policy, "Can create" cleared), e.g. to see a problem the instance will not let it create.
          const body = JSON.parse((await readBody(req)) || '{}');
          if (Array.isArray(body.refusedCreate)) {
            host.refusedCrossScopeCreate.clear();
            for (const t of ['sys_trigger', ...body.refusedCreate.map(String)]) host.refusedCrossScopeCreate.add(t);
          }
          return sendJson(res, 200, { refusedCreate: [...host.refusedCrossScopeCreate] });
        }
        if (url.pathname === '/twin/ui-action' && req.method === 'POST') {
          // Presses a loaded form UI action on one record as the caller: condition, then script;
          // answers the form messages (gs.addInfoMessage / addErrorMessage) it produced.
          const body = JSON.parse((await readBody(req)) || '{}');
          const action = (/** @type {any} */ (host).uiActions ?? []).find((/** @type {any} */ a) => a.table === body.table && a.actionName === body.action);
          if (!action) return sendError(res, 404, 'No such UI action', `${body.table} ${body.action}`);
          return host.runAs(user, () => {
            const current = new (/** @type {any} */ (host).glide.GlideRecord)(body.table);
            if (!current.get(String(body.sysId))) return sendError(res, 404, 'No Record found', `${body.table} ${body.sysId}`);
            if (action.condition && !host.runScript(`return (${action.condition});`, { current })) return sendJson(res, 200, { shown: false, messages: [] });
            const from = host.logs.length;
            host.runScript(action.script, { current });
            const messages = host.logs.slice(from).filter((l) => l.source === 'ui').map((l) => ({ level: l.level, message: l.message }));
            return sendJson(res, 200, { shown: true, messages });
          });
        }
        if (url.pathname === '/twin/save' && req.method === 'POST' && options.storeFile) { store.save(options.storeFile); return sendJson(res, 200, { saved: options.storeFile }); }
        return sendError(res, 404, 'No such twin control', `${req.method} ${url.pathname}`);
      }
      if (url.pathname.startsWith('/api/now/')) {
        const user = authenticate();
        if (!user) return sendError(res, 401, 'User Not Authenticated', 'Required to provide Auth information');
        if (/^\/api\/now\/(v\d+\/)?table\//.test(url.pathname)) return await handleTableApi(host, req, res, url, user, baseUrl);
        if (/^\/api\/now\/(v\d+\/)?attachment(\/|$)/.test(url.pathname)) return await handleAttachmentApi(host, req, res, url, user, baseUrl);
        return sendError(res, 400, 'Requested URI does not represent any resource', null);
      }
      if (url.pathname.startsWith('/api/') && (await handleScriptedRest(host, req, res, url, authenticate))) return;
      return sendError(res, 400, 'Requested URI does not represent any resource', null);
    } catch (e) {
      host.log('error', `twin request ${req.method} ${req.url} failed: ${/** @type {Error} */ (e).stack ?? e}`, 'twin');
      if (!res.headersSent) sendError(res, 500, 'Internal server error', String(/** @type {Error} */ (e)?.message ?? e));
      else res.end();
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(undefined));
  });
  const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${addr.port}`;

  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const runJobs = (/** @type {{ allJobs?: boolean }} */ opts = {}) => host.runJobs(opts);
  if (options.tickMs) {
    timer = setInterval(() => {
      try { runJobs(); } catch (e) { host.log('error', `job tick failed: ${e}`, 'job'); }
    }, options.tickMs);
    timer.unref();
  }

  return {
    url: baseUrl,
    store,
    host,
    glide: host.glide,
    app: appSummary,
    runJobs,
    /** @param {string} [file] */
    save(file) {
      const target = file ?? options.storeFile;
      if (!target) throw new Error('save: no file given and the twin was started without storeFile');
      store.save(target);
    },
    async close() {
      if (timer) clearInterval(timer);
      if (options.storeFile) { store.save(options.storeFile); saveAsyncQueue(); }
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      // The app's modules are already imported; their temp copies are no longer needed.
      if (appSummary) rmSync(appSummary.dir, { recursive: true, force: true });
    },
  };
}
