// @ts-check
/**
 * The sandbox's web console: one page showing the Salesforce Case (with the real
 * linkedIncidentPanel LWC) beside the ServiceNow incident, the triage review queue, approvals,
 * both audit logs and both dead letters. Plain `node:http`, loopback only.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { salesforceClient, serviceNowClient, UpstreamError } from './clients.js';
import { createViews, InputError } from './views.js';
import { createDashboard } from './dashboard.js';
import { buildPanelBundle } from './lwc-bundle.js';
import { createEventHub, createPoller, followSalesforceEvents, salesforceStoreFingerprint, serviceNowFingerprint } from './events.js';

const here = dirname(fileURLToPath(import.meta.url));
const PUBLIC_DIR = join(here, 'public');
const MAX_BODY_BYTES = 64 * 1024;

/** The SLDS package: the root workspace's node_modules, else the test workspace's. */
export function sldsAssetsDir() {
  for (const base of [join(here, '../../node_modules'), join(here, '../node_modules')]) {
    const dir = join(base, '@salesforce-ux/design-system/assets');
    if (existsSync(dir)) return dir;
  }
  throw new Error('@salesforce-ux/design-system is not installed; run `npm install` at the repo root (it is a devDependency of test/)');
}

const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.json': 'application/json',
});

/**
 * @typedef {object} SandboxLike
 * @property {{ salesforce: string, servicenow: string, proxy?: string }} urls
 * @property {{ salesforce?: { clientId?: string, clientSecret?: string }, servicenow?: { admin?: { user: string, password: string } }, proxy?: { salesforce?: string, servicenow?: string } }} [credentials]
 * @property {() => Promise<unknown>} [settle]
 * @property {{ clientId?: string, clientSecret?: string, store?: { all(type: string): Array<Record<string, unknown>> }, events?: { subscribe(fn: (e: any) => void): () => void } }} [salesforce]
 */

/**
 * @param {{ sandbox: SandboxLike, port?: number, host?: string, pollMs?: number, cacheDir?: string, log?: (line: string) => void }} options
 * @returns {Promise<{ url: string, port: number, close(): Promise<void>, bundle: { file: string, cached: boolean, ms: number } }>}
 */
export async function createConsole({ sandbox, port = 0, host = '127.0.0.1', pollMs = 1000, cacheDir, log = () => {} }) {
  if (!sandbox?.urls?.salesforce || !sandbox.urls.servicenow) {
    throw new Error('createConsole: sandbox.urls.salesforce and sandbox.urls.servicenow are required; pass the object createSandbox() returns');
  }
  const sfCreds = sandbox.credentials?.salesforce ?? {};
  const salesforce = salesforceClient({
    url: sandbox.urls.salesforce,
    clientId: sfCreds.clientId ?? sandbox.salesforce?.clientId ?? 'seam-twin-client',
    clientSecret: sfCreds.clientSecret ?? sandbox.salesforce?.clientSecret ?? 'seam-twin-secret',
  });
  // The console acts as a person (the twin's admin), never as Seam's integration user, so the
  // app treats its edits as a human's and syncs them.
  const admin = sandbox.credentials?.servicenow?.admin ?? { user: 'admin', password: 'admin' };
  const servicenow = serviceNowClient({ url: sandbox.urls.servicenow, username: admin.user, password: admin.password });
  const views = createViews({ salesforce, servicenow });
  // The console phrases insights through the proxy as the ServiceNow client (the governance side).
  const proxySecret = sandbox.credentials?.proxy?.servicenow;
  const dashboard = createDashboard(servicenow, salesforce, sandbox.urls?.proxy && proxySecret ? { url: sandbox.urls.proxy, secret: proxySecret } : undefined);
  const bundle = await buildPanelBundle({ cacheDir });
  const slds = sldsAssetsDir();
  const hub = createEventHub();
  const changed = (/** @type {string} */ source) => hub.send('changed', { source });

  // ---- live feeds --------------------------------------------------------------------------
  /** @type {Array<() => void>} */
  const stops = [];
  const relay = (/** @type {any} */ e) => {
    hub.send('platform-event', { replayId: e.replayId, type: e.type, payload: e.payload });
    changed('salesforce');
  };
  if (sandbox.salesforce?.events?.subscribe) stops.push(sandbox.salesforce.events.subscribe(relay));
  else stops.push(await followSalesforceEvents(sandbox.urls.salesforce, relay));
  const watching = () => hub.size > 0;
  const onPollError = (/** @type {unknown} */ e) => log(`console: polling failed: ${e instanceof Error ? e.message : String(e)}`);
  const pollers = [createPoller({ fingerprint: serviceNowFingerprint(servicenow), onChange: () => changed('servicenow'), intervalMs: pollMs, active: watching, onError: onPollError })];
  const store = sandbox.salesforce?.store;
  if (store && typeof store.all === 'function') {
    pollers.push(createPoller({ fingerprint: salesforceStoreFingerprint(store), onChange: () => changed('salesforce'), intervalMs: pollMs, active: watching, onError: onPollError }));
  }

  // ---- routes ------------------------------------------------------------------------------
  /** @type {Array<[string, RegExp, (m: RegExpMatchArray, body: any, url: URL) => Promise<unknown>, string?]>} */
  const routes = [
    ['GET', /^\/api\/insights$/, async (_m, _b, url) => dashboard.insights({ stallHours: Math.min(24 * 365, Math.max(0, Number(url.searchParams.get('stallHours') ?? 24) || 0)) })],
    ['GET', /^\/api\/dashboard$/, async (_m, _b, url) => dashboard.data({ buckets: Math.min(100, Math.max(2, Number(url.searchParams.get('buckets')) || 12)) })],
    ['GET', /^\/api\/state$/, async (_m, _b, url) => views.state(url.searchParams.get('caseId') || null)],
    ['GET', /^\/api\/cases$/, async () => views.listCases()],
    ['POST', /^\/api\/cases$/, async (_m, body) => views.createCase(body), 'salesforce'],
    ['GET', /^\/api\/cases\/([^/]+)$/, async (m) => (await views.getCase(m[1])) ?? notFound(`case ${m[1]}`)],
    ['POST', /^\/api\/cases\/([^/]+)\/comments$/, async (m, body) => views.addCaseComment(m[1], body), 'salesforce'],
    ['GET', /^\/api\/cases\/([^/]+)\/incident$/, async (m) => views.getIncident(m[1])],
    ['PATCH', /^\/api\/incidents\/([^/]+)$/, async (m, body) => views.updateIncident(m[1], body), 'servicenow'],
    ['POST', /^\/api\/reviews\/([^/]+)\/(approve|reroute|reject)$/, async (m, body) => views.decideReview(m[1], m[2], body), 'servicenow'],
    ['POST', /^\/api\/approvals\/([^/]+)\/(approve|reject)$/, async (m) => views.decideApproval(m[1], m[2]), 'servicenow'],
    ['POST', /^\/api\/dead-letters\/salesforce\/([^/]+)\/replay$/, async (m) => views.replaySalesforce(m[1]), 'salesforce'],
    ['POST', /^\/api\/dead-letters\/servicenow\/([^/]+)\/replay$/, async (m) => views.replayServiceNow(m[1]), 'servicenow'],
    // A twin control, not a product feature: run what the platforms' schedulers would run soon
    // (ServiceNow's minute job draining its outbox, the package's dispatcher) right now.
    ['POST', /^\/api\/twin\/run-jobs$/, async () => runJobsNow(), 'servicenow'],
    // The incident form button "Customer context (Salesforce)" of the app, pressed on the ServiceNow twin.
    ['POST', /^\/api\/incidents\/([^/]+)\/customer-context$/, async (m) => (await servicenow.request('POST', '/twin/ui-action', { table: 'incident', action: 'x_seam_bridge_customer_context', sysId: m[1] })).body],
    // Ask the knowledge bases: the proxy's /v1/knowledge/answer, as the Salesforce client.
    ['POST', /^\/api\/knowledge\/answer$/, async (_m, body) => askKnowledge(body)],
  ];

  /** @param {any} body */
  async function askKnowledge(body) {
    const question = typeof body?.question === 'string' ? body.question.trim() : '';
    if (!question) throw new InputError('question', 'question is empty; type what you want to know');
    if (question.length > 4000) throw new InputError('question', `question has ${question.length} characters; keep it under 4000`);
    const secret = sandbox.credentials?.proxy?.salesforce;
    if (!sandbox.urls?.proxy || !secret) throw Object.assign(new Error('this sandbox has no proxy credentials; start the console with the object createSandbox() returns'), { status: 501 });
    const res = await fetch(`${sandbox.urls.proxy}/v1/knowledge/answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ idempotencyKey: `console-${randomUUID()}`, correlationId: 'console', question }),
    });
    const answer = await res.json().catch(() => null);
    if (!res.ok) throw new UpstreamError(`the proxy answered HTTP ${res.status}: ${answer?.error?.message ?? 'no body'}`, res.status, answer);
    return answer;
  }

  async function runJobsNow() {
    if (typeof sandbox.settle === 'function') return { settled: await sandbox.settle() };
    throw Object.assign(new Error('this sandbox has no settle(); start the console with the object createSandbox() returns'), { status: 501 });
  }

  /** @param {string} what @returns {never} */
  function notFound(what) {
    throw Object.assign(new Error(`${what} was not found`), { status: 404 });
  }

  /** @param {import('node:http').IncomingMessage} req */
  async function readBody(req) {
    let size = 0;
    /** @type {Buffer[]} */
    const chunks = [];
    for await (const chunk of req) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) throw Object.assign(new Error(`request body is over ${MAX_BODY_BYTES} bytes; send less text`), { status: 413 });
      chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return {};
    try {
      return JSON.parse(text);
    } catch {
      throw new InputError('body', 'body is not JSON; send a JSON object with content-type application/json');
    }
  }

  /** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body */
  function sendJson(res, status, body) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  }

  /** @param {import('node:http').ServerResponse} res @param {string} root @param {string} relative */
  function sendFile(res, root, relative) {
    const file = normalize(join(root, relative));
    if (file !== root && !file.startsWith(root + sep)) return sendJson(res, 404, { error: { message: 'not found' } });
    if (!existsSync(file) || !statSync(file).isFile()) return sendJson(res, 404, { error: { message: `${relative} was not found` } });
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  }

  /** Forwards the panel's Apex calls to the twin's Aura endpoint (same origin for the browser). @param {string} className @param {string} method @param {unknown} body */
  async function apex(className, method, body) {
    const answer = await salesforce.apex(className, method, body);
    if (method !== 'getLink' && answer.status < 300) changed('salesforce');
    return answer;
  }

  /** @type {Set<string>} */
  const allowedHosts = new Set();
  let consoleUrl = '';
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://console.invalid');
    try {
      const path = decodeURIComponent(url.pathname);
      // Loopback only, and only for pages served from here: another site's page (or a DNS name
      // rebound to 127.0.0.1) cannot drive the console's buttons.
      if (!allowedHosts.has(String(req.headers.host))) {
        return sendJson(res, 403, { error: { message: `host "${req.headers.host}" is not this console; open ${consoleUrl}` } });
      }
      if (req.method !== 'GET' && req.method !== 'HEAD' && !String(req.headers['content-type']).startsWith('application/json')) {
        return sendJson(res, 415, { error: { message: `content-type must be application/json for ${req.method}; send a JSON body with that header` } });
      }
      if (req.method === 'GET' && path === '/api/events') return hub.attach(req, res);
      if (req.method === 'GET' && path === '/lwc/panel.js') {
        res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-cache' });
        return res.end(bundle.code);
      }
      if (path === '/favicon.ico') return res.writeHead(204).end();
      if (req.method === 'GET' && path.startsWith('/slds/')) return sendFile(res, slds, path.slice('/slds/'.length));
      const apexMatch = path.match(/^\/api\/apex\/(\w+)\/(\w+)$/);
      if (apexMatch) {
        if (req.method !== 'POST') return sendJson(res, 405, { error: { message: `${req.method} is not allowed on ${path}; use POST` } });
        const answer = await apex(apexMatch[1], apexMatch[2], await readBody(req));
        return sendJson(res, answer.status, answer.body);
      }
      if (path.startsWith('/api/')) {
        const candidates = routes.filter(([, pattern]) => pattern.test(path));
        if (!candidates.length) return sendJson(res, 404, { error: { message: `no console route ${path}` } });
        const route = candidates.find(([method]) => method === req.method);
        if (!route) return sendJson(res, 405, { error: { message: `${req.method} is not allowed on ${path}; use ${candidates.map(([m]) => m).join(' or ')}` } });
        const [, pattern, handler, side] = route;
        const body = req.method === 'GET' ? {} : await readBody(req);
        const result = await handler(/** @type {RegExpMatchArray} */ (path.match(pattern)), body, url);
        if (side) changed(side);
        return sendJson(res, req.method === 'POST' ? 201 : 200, result);
      }
      if (req.method !== 'GET') return sendJson(res, 405, { error: { message: `${req.method} is not allowed on ${path}` } });
      return sendFile(res, PUBLIC_DIR, path === '/' ? 'index.html' : path.slice(1));
    } catch (e) {
      const err = /** @type {any} */ (e);
      if (err instanceof InputError) return sendJson(res, 400, { error: { message: err.message, field: err.field } });
      if (err instanceof UpstreamError) return sendJson(res, err.status >= 400 && err.status < 500 ? err.status : 502, { error: { message: err.message, upstream: err.body } });
      if (typeof err?.status === 'number') return sendJson(res, err.status, { error: { message: err.message } });
      log(`console: ${req.method} ${url.pathname} failed: ${err?.stack ?? err}`);
      return sendJson(res, 500, { error: { message: `console error: ${err?.message ?? String(err)}` } });
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  consoleUrl = `http://${host}:${address.port}`;
  for (const name of [host, 'localhost', '127.0.0.1']) allowedHosts.add(`${name}:${address.port}`);
  return {
    url: consoleUrl,
    port: address.port,
    bundle: { file: bundle.file, cached: bundle.cached, ms: bundle.ms },
    async close() {
      for (const p of pollers) p.stop();
      for (const stop of stops) stop();
      hub.close();
      server.closeAllConnections?.();
      await new Promise((ok) => server.close(() => ok(undefined)));
    },
  };
}

