// @ts-check
/**
 * The local sandbox: the proxy (embedded engine), the Salesforce twin and the ServiceNow twin
 * (running the real built app in its own process), wired to each other on 127.0.0.1 only.
 * `npm start` (scripts/start.mjs) and the end-to-end scenarios (test/e2e) both use it.
 *
 *   const sb = await createSandbox({ stateDir: '.seam-state', reset: false });
 *   sb.urls.salesforce; await sb.settle(); await sb.close();
 *
 * Wiring (test/twins/salesforce/README.md, "Wiring it into the sandbox"):
 * - Salesforce → ServiceNow: the package's own outbox path, `twin.dispatchOutbox(send)`, whenever a
 *   case or comment item is queued and on a timer (retries): case rows go to `/v1/cases`, comment rows
 *   (`Seam_Outbox__c` kind comment) to `/v1/comments`, with the package's retry, backoff and dead letter;
 *   the twin's outbound items are for display only; files go the package's own way too: `Seam_Outbox__c` rows of kind `attachment`, sent one per call
 *   to `/v1/attachments` by `twin.dispatchFiles(send)` on the same wake and timer, retried with the
 *   package's backoff; unless `forwardFiles: false` (a test that sends the files itself). The twin's
 *   `kind: 'attachment'` outbound items are not forwarded: that would send each file twice.
 * - ServiceNow → Salesforce: the app's RESTMessageV2 calls the Salesforce twin and the proxy
 *   directly; that is why the ServiceNow twin runs in a child process (execute() blocks its thread).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSalesforceTwin } from '../twins/salesforce/index.js';
import { startServiceNowTwinProcess } from '../twins/servicenow/process.js';
import { ingestFromTwins, missingKnowledgeOutputs, openSandboxIndex, seedKnowledgeArticles } from './knowledge.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const API = '/api/x_seam_bridge/seam/v1';
/** What the ServiceNow app is configured with; the twin's endpoint map points them at the local servers. */
export const SALESFORCE_ORIGIN = 'https://seam-sandbox.my.salesforce.com';
export const PROXY_ORIGIN = 'https://seam-proxy.sandbox.invalid';

/** The twins' default users (test/twins/servicenow/README.md, "Users"). */
export const SERVICENOW_USERS = Object.freeze({
  admin: { user: 'admin', password: 'admin' },
  integration: { user: 'seam.integration', password: 'integration' },
  agent: { user: 'itil.agent', password: 'itil' },
  seamAdmin: { user: 'seam.admin', password: 'seamadmin' },
  routingAdmin: { user: 'routing.admin', password: 'routing' },
});

/**
 * @typedef {{ proxy?: number, salesforce?: number, servicenow?: number }} SandboxPorts
 * @typedef {{
 *   stateDir?: string,
 *   reset?: boolean,
 *   app?: string,
 *   ports?: SandboxPorts,
 *   properties?: Record<string, string>,
 *   tickMs?: number,
 *   restQuotaMs?: number,
 *   pumpMs?: number,
 *   forwardFiles?: boolean,
 *   salesforceNow?: () => number,
 *   salesforceSubscriberRunsAs?: 'integration' | 'automated_process',
 *   knowledge?: boolean,
 *   log?: (line: string) => void,
 *   proxyRedisUrl?: string,
 *   proxyReplicas?: number,
 * }} SandboxOptions
 * @typedef {{ rounds: number, quiet: boolean, dispatched: number, comments: number, files: number, asyncRules: number }} SettleSummary
 * @typedef {{ path?: string, status?: number, body?: unknown, times?: number }} DeliveryFault
 */

/** Properties the sandbox sets on top of the app's defaults (a test may override any). */
/** The approval group the sandbox creates, with the admin as its only member. */
export const APPROVAL_GROUP = 'Seam Transfer Approvers';

const SANDBOX_PROPERTIES = {
  // Retries within seconds, not minutes: people watch the sandbox and tests wait for it.
  'x_seam_bridge.outbox.backoff_base_seconds': '1',
  'x_seam_bridge.outbox.backoff_max_seconds': '5',
  // High-priority transfers ask this group (the sandbox admin is its member), so the console
  // shows Approve/Reject on approvals; the app accepts the group's name or sys_id.
  'x_seam_bridge.approval.group': APPROVAL_GROUP,
};

/**
 * Creates the approval group and the admin's membership through the Table API, as an admin would
 * (once: the twin keeps them across restarts).
 * @param {string} url the ServiceNow twin
 */
async function ensureApprovalGroup(url) {
  const auth = basic(SERVICENOW_USERS.admin);
  /** @param {string} method @param {string} path @param {unknown} [body] */
  const call = async (method, path, body) => {
    const res = await fetch(url + path, {
      method,
      headers: { authorization: auth, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`sandbox: ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return /** @type {{ result: any }} */ (await res.json()).result;
  };
  /** @param {string} table @param {string} query */
  const first = async (table, query) => (await call('GET', `/api/now/table/${table}?sysparm_query=${encodeURIComponent(query)}&sysparm_limit=1`))[0];
  const group = (await first('sys_user_group', `name=${APPROVAL_GROUP}`)) ?? (await call('POST', '/api/now/table/sys_user_group', { name: APPROVAL_GROUP, description: 'Approves high-priority transfers from Salesforce (Seam sandbox)' }));
  const admin = await first('sys_user', `user_name=${SERVICENOW_USERS.admin.user}`);
  if (!admin) throw new Error(`sandbox: no sys_user ${SERVICENOW_USERS.admin.user} in the ServiceNow twin`);
  if (!(await first('sys_user_grmember', `group=${group.sys_id}^user=${admin.sys_id}`))) {
    await call('POST', '/api/now/table/sys_user_grmember', { group: group.sys_id, user: admin.sys_id });
  }
}

/** @param {number | undefined} wanted */
async function freePort(wanted) {
  if (wanted) return wanted;
  const server = createServer();
  await new Promise((res, rej) => { server.once('error', rej); server.listen(0, '127.0.0.1', () => res(undefined)); });
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  await new Promise((res) => server.close(() => res(undefined)));
  return port;
}

/** @param {{ user: string, password: string }} u */
const basic = (u) => 'Basic ' + Buffer.from(`${u.user}:${u.password}`).toString('base64');

/**
 * Builds output the sandbox needs; start.mjs builds it when missing.
 * @returns {string[]} the missing paths (empty when all are there)
 */
export function missingBuildOutputs(app = defaultApp()) {
  return [join(app, 'dist/app/update'), join(REPO, 'proxy/dist/index.js'), join(REPO, 'proxy/dist/model/triage-model.json'), join(REPO, 'shared/dist')]
    .filter((p) => !existsSync(p));
}

/** The ServiceNow project whose build the twin loads: SEAM_SANDBOX_APP (e.g. a CI build elsewhere), else servicenow-app. */
function defaultApp() {
  return resolve(process.env.SEAM_SANDBOX_APP || join(REPO, 'servicenow-app'));
}

/**
 * Starts the three pieces and wires them. Everything listens on 127.0.0.1.
 * @param {SandboxOptions} [options]
 */
export async function createSandbox(options = {}) {
  const app = options.app ? resolve(options.app) : defaultApp();
  const missing = missingBuildOutputs(app);
  if (options.knowledge) missing.push(...missingKnowledgeOutputs());
  if (missing.length) throw new Error(`sandbox: missing build output ${missing.join(', ')}; run "npm run build" at the repository root first`);
  const log = options.log ?? (() => {});
  const stateDir = resolve(options.stateDir ?? join(REPO, '.seam-state'));
  if (options.reset) {
    for (const f of ['salesforce.json', 'servicenow.json', 'proxy-audit.jsonl', 'knowledge.sqlite', 'knowledge.sqlite-wal', 'knowledge.sqlite-shm', 'knowledge-checkpoint.json']) rmSync(join(stateDir, f), { force: true });
  }
  mkdirSync(stateDir, { recursive: true });
  const ports = options.ports ?? {};
  /** @type {Array<() => Promise<void>>} closers, run in reverse order */
  const closers = [];
  const closeAll = async () => {
    for (const c of closers.splice(0).reverse()) {
      try { await c(); } catch (e) { log(`sandbox: close failed: ${/** @type {Error} */ (e).message}`); }
    }
  };

  try {
    // 1. The proxy, in-process, embedded engine only (no LLM variables are passed).
    const proxySecrets = { servicenow: randomBytes(32).toString('hex'), salesforce: randomBytes(32).toString('hex') };
    const proxyMod = /** @type {typeof import('../../proxy/dist/index.js')} */ (await import(pathToFileURL(join(REPO, 'proxy/dist/index.js')).href));
    const proxyConfig = proxyMod.loadConfig({
      SEAM_PROXY_CLIENT_SECRETS: `servicenow=${proxySecrets.servicenow},salesforce=${proxySecrets.salesforce}`,
      SEAM_PROXY_HOST: '127.0.0.1',
      SEAM_PROXY_AUDIT_LOG: join(stateDir, 'proxy-audit.jsonl'),
      // A person clicking around and the scenario tests both stay far below this.
      SEAM_PROXY_RATE_LIMIT_PER_MINUTE: '6000',
      SEAM_PROXY_RATE_LIMIT_BURST: '1000',
      SEAM_PROXY_MODEL_DIR: join(REPO, 'proxy/dist/model'),
      // `npm start -- --redis`: replicas share limits, cache and idempotency through Redis.
      ...(options.proxyRedisUrl ? { SEAM_PROXY_REDIS_URL: options.proxyRedisUrl } : {}),
      // The knowledge index lives with the rest of the sandbox's state (opened on first use).
      SEAM_KNOWLEDGE_PATH: join(stateDir, 'knowledge.sqlite'),
    });
    // With knowledge on, the sandbox owns the index: it ingests into it and the proxy answers from it
    // (every replica answers from the same index).
    const knowledgeIndex = options.knowledge ? await openSandboxIndex(join(stateDir, 'knowledge.sqlite')) : null;
    if (knowledgeIndex) closers.push(() => knowledgeIndex.close());
    const proxyOptions = knowledgeIndex ? { knowledgeIndex } : {};
    const proxy = proxyMod.createProxyServer(proxyConfig, proxyOptions);
    if (options.proxyRedisUrl && proxy.store?.kind !== 'redis') throw new Error('sandbox: proxy/dist predates the Redis store; run "npm run build -w proxy"');
    const { url: firstProxyUrl } = await proxy.listen((options.proxyReplicas ?? 1) > 1 ? 0 : ports.proxy ?? 0, '127.0.0.1');
    closers.push(async () => { proxy.server.closeAllConnections?.(); await proxy.close(); });
    let proxyUrl = firstProxyUrl;
    /** @type {string[]} */
    const proxyReplicaUrls = [firstProxyUrl];
    if ((options.proxyReplicas ?? 1) > 1) {
      for (let i = 1; i < /** @type {number} */ (options.proxyReplicas); i++) {
        const replica = proxyMod.createProxyServer(proxyConfig, proxyOptions);
        const { url } = await replica.listen(0, '127.0.0.1');
        closers.push(async () => { replica.server.closeAllConnections?.(); await replica.close(); });
        proxyReplicaUrls.push(url);
      }
      const { startRoundRobin } = await import('./balancer.js');
      const balancer = await startRoundRobin(proxyReplicaUrls);
      closers.push(() => balancer.close());
      proxyUrl = balancer.url;
      log(`sandbox: ${proxyReplicaUrls.length} proxy replicas (${proxyReplicaUrls.join(', ')}) behind ${proxyUrl}${options.proxyRedisUrl ? `, sharing ${options.proxyRedisUrl}` : ''}`);
    }

    // 2. The Salesforce twin, in-process. Its onOutbound wakes the pump (below).
    const serviceNowPort = await freePort(ports.servicenow);
    const serviceNowUrl = `http://127.0.0.1:${serviceNowPort}`;
    /** @type {() => void} */
    let wake = () => {};
    const salesforce = await createSalesforceTwin({
      port: ports.salesforce ?? 0,
      stateFile: join(stateDir, 'salesforce.json'),
      serviceNowUrl,
      onOutbound: () => wake(),
      // ServiceNow calls as the integration user: it reads and writes only what Seam_Integration grants.
      // The package's integration set plus the org's knowledge-ingestion set (org-setup/), as an admin assigns them.
      fieldSecurity: ['Seam_Integration', 'Seam_Knowledge_Ingestion'],
      // Who the Incident_Update__e trigger runs as; a test can model an org without the subscriber config.
      ...(options.salesforceSubscriberRunsAs ? { subscriberRunsAs: options.salesforceSubscriberRunsAs } : {}),
      // A test moves the package's clock past a file's or case's retry backoff (minutes, as in the package).
      ...(options.salesforceNow ? { now: options.salesforceNow } : {}),
    });
    closers.push(() => salesforce.close());

    // 3. The ServiceNow twin in its own process, loading the real built app.
    const servicenow = await startServiceNowTwinProcess({
      app,
      port: serviceNowPort,
      host: '127.0.0.1',
      storeFile: join(stateDir, 'servicenow.json'),
      tickMs: options.tickMs ?? 250,
      ...(options.restQuotaMs !== undefined ? { restQuotaMs: options.restQuotaMs } : {}),
      // The app accepts https URLs only (as an admin would enter them); the twin's endpoint map
      // turns these two origins into the local http servers.
      properties: {
        'x_seam_bridge.salesforce.instance_url': SALESFORCE_ORIGIN,
        'x_seam_bridge.proxy.url': PROXY_ORIGIN,
        'x_seam_bridge.proxy.api_key': proxySecrets.servicenow,
        ...SANDBOX_PROPERTIES,
        ...options.properties,
      },
      outboundAuth: {
        'Seam Salesforce': { type: 'oauth2_client_credentials', clientId: salesforce.clientId, clientSecret: salesforce.clientSecret, tokenUrl: `${salesforce.url}/services/oauth2/token` },
      },
      endpointMap: {
        [SALESFORCE_ORIGIN]: salesforce.url,
        [PROXY_ORIGIN]: proxyUrl,
        // The build's placeholder endpoints, in case a call uses the REST message's own URL.
        'https://example.my.salesforce.com': salesforce.url,
        'https://seam-proxy.example.com': proxyUrl,
      },
    });
    closers.push(() => servicenow.close());
    await ensureApprovalGroup(servicenow.url);
    log(`sandbox: salesforce ${salesforce.url}, servicenow ${servicenow.url}, proxy ${proxyUrl}`);

    /** @type {{ index: any, seeded: { servicenow: number, salesforce: number, seeded: boolean }, report: any } | null} */
    let knowledge = null;
    if (knowledgeIndex) {
      const seeded = await seedKnowledgeArticles({ serviceNowUrl: servicenow.url, adminAuth: basic(SERVICENOW_USERS.admin), salesforce });
      if (seeded.seeded) log(`sandbox: seeded ${seeded.servicenow} kb_knowledge and ${seeded.salesforce} Knowledge__kav articles (StackExchange FAQ, CC BY-SA)`);
      const report = await ingestFromTwins({
        index: knowledgeIndex,
        checkpointFile: join(stateDir, 'knowledge-checkpoint.json'),
        serviceNowUrl: servicenow.url,
        integrationAuth: basic(SERVICENOW_USERS.integration),
        salesforceUrl: salesforce.url,
        clientId: salesforce.clientId,
        clientSecret: salesforce.clientSecret,
        progress: process.stderr.isTTY ? 'bar' : 'plain',
      });
      const stats = await knowledgeIndex.stats();
      log(`sandbox: knowledge index ${stats.docs} documents, ${stats.chunks} passages (${stats.vectors ? 'hybrid' : 'lexical only: no embedding model'})`);
      knowledge = { index: knowledgeIndex, seeded, report };
    }

    const integrationAuth = basic(SERVICENOW_USERS.integration);
    /** @type {Array<{ path: string, at: string, status: number, messages: unknown[] }>} the last 100 deliveries to ServiceNow (console, tests) */
    const delivered = [];
    /** @type {Array<DeliveryFault & { remaining: number }>} answers to play instead of ServiceNow's (tests: an outage of one route) */
    const faults = [];
    /** @param {string} path @param {{ messages: unknown[] }} body */
    const postToServiceNow = async (path, body) => {
      const i = faults.findIndex((f) => !f.path || path.startsWith(f.path));
      let out;
      if (i >= 0) {
        const f = faults[i];
        if (--f.remaining <= 0) faults.splice(i, 1);
        out = { status: f.status ?? 503, body: f.body ?? 'Service Unavailable (sandbox fault)' };
      } else {
        out = await postJson(path, body);
      }
      delivered.push({ path, at: new Date().toISOString(), status: out.status, messages: body.messages });
      if (delivered.length > 100) delivered.shift();
      return out;
    };
    /** @param {string} path @param {unknown} body */
    const postJson = async (path, body) => {
      const res = await fetch(`${servicenow.url}${API}${path}`, {
        method: 'POST',
        headers: { authorization: integrationAuth, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      let parsed;
      try { parsed = JSON.parse(text); } catch { parsed = text; }
      return { status: res.status, body: parsed };
    };

    /**
     * The polling fallback: one run of the package's SeamChangesPoller (the Salesforce twin), its
     * callout being GET /v1/changes as the integration user (the named credential's principal).
     * Not part of the pump: the package runs it on its schedule, and tests count its pages.
     */
    const pollChanges = () => salesforce.pollChanges(async ({ cursor, limit }) => {
      const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
      const res = await fetch(`${servicenow.url}${API}/changes?${q}`, { headers: { authorization: integrationAuth, accept: 'application/json' } });
      const text = await res.text();
      let parsed;
      try { parsed = JSON.parse(text); } catch { parsed = text; }
      return { status: res.status, body: parsed };
    });

    /**
     * The package's SeamFilePuller (delivery poll): the files the poller recorded, their bytes fetched
     * from ServiceNow's Attachment API as the integration user (the named credential's principal).
     */
    const pullFiles = () => salesforce.pullFiles(async ({ sysAttachment }) => {
      const res = await fetch(`${servicenow.url}/api/now/attachment/${encodeURIComponent(sysAttachment)}/file`, { headers: { authorization: integrationAuth, accept: '*/*' } });
      const bytes = Buffer.from(await res.arrayBuffer());
      return res.status === 200 ? { status: 200, bytes } : { status: res.status, body: bytes.toString('utf8') };
    });

    // Salesforce → ServiceNow. One pump at a time; a wake during a pump runs it once more.
    const stats = { dispatched: 0, comments: 0, files: 0, errors: 0 };
    /** @typedef {{ dispatched: number, comments: number, files: number }} PumpSummary */
    /** @type {Promise<PumpSummary> | null} */
    let running = null;
    let again = false;
    const pumpOnce = async () => {
      let dispatched = 0;
      let comments = 0;
      // Rows that fail stay Retrying with a backoff, so this loop ends once nothing is due.
      for (let i = 0; i < 20; i++) {
        const r = await salesforce.dispatchOutbox((request) => postToServiceNow(request.path.replace('/v1', ''), { messages: request.messages })
          .catch((e) => ({ status: 0, body: String(e) })));
        dispatched += r.attempted - r.comments;
        comments += r.comments;
        if (r.deadLettered) log(`sandbox: ${r.deadLettered} message(s) dead-lettered in Seam_Outbox__c; see Last_Error__c`);
        if (r.attempted === 0 || r.sent + r.deadLettered === 0) break;
      }
      // Files: the package's outbox rows of kind attachment, one file per call (a file can be
      // megabytes); the twin marks them Sent, Retrying with backoff or Dead_Letter.
      let files = 0;
      for (let i = 0; options.forwardFiles !== false && i < 20; i++) {
        const r = await salesforce.dispatchFiles((request) => postToServiceNow('/attachments', request).catch((e) => ({ status: 0, body: String(e) })));
        files += r.attempted;
        stats.errors += r.retried + r.deadLettered;
        if (r.deadLettered) log(`sandbox: ${r.deadLettered} file(s) dead-lettered in Seam_Outbox__c; see Last_Error__c`);
        if (r.attempted === 0 || r.sent + r.deadLettered === 0) break;
      }
      // The twin's outbound items (cases, comments, files) are for display: the outbox rows above are
      // what is sent, so the queue is only emptied here.
      salesforce.drainOutbound();
      stats.dispatched += dispatched;
      stats.comments += comments;
      stats.files += files;
      return { dispatched, comments, files };
    };
    /** @returns {Promise<PumpSummary>} */
    const pump = () => {
      if (running) { again = true; return running; }
      running = (async () => {
        const total = { dispatched: 0, comments: 0, files: 0 };
        try {
          do {
            again = false;
            const r = await pumpOnce();
            total.dispatched += r.dispatched;
            total.comments += r.comments;
            total.files += r.files;
          } while (again);
        } finally {
          running = null;
        }
        return total;
      })();
      return running;
    };
    let closed = false;
    wake = () => { if (!closed) setImmediate(() => { pump().catch((e) => log(`sandbox: pump failed: ${e}`)); }); };
    const timer = setInterval(wake, options.pumpMs ?? 1000);
    timer.unref();
    closers.push(async () => { closed = true; clearInterval(timer); if (running) await running.catch(() => undefined); });

    /**
     * Runs the Salesforce dispatcher (cases and files), comment forwarding and the ServiceNow jobs (async rules and the
     * outbox drain) until two rounds in a row change nothing, at most `maxRounds` rounds.
     * @param {{ maxRounds?: number }} [opts]
     * @returns {Promise<SettleSummary>}
     */
    const settle = async (opts = {}) => {
      const maxRounds = opts.maxRounds ?? 25;
      const summary = { rounds: 0, quiet: false, dispatched: 0, comments: 0, files: 0, asyncRules: 0 };
      let quietRounds = 0;
      while (summary.rounds < maxRounds) {
        summary.rounds += 1;
        const events = salesforce.store.state.events.length;
        const p = await pump();
        const jobs = await servicenow.runJobs({ allJobs: true });
        const p2 = await pump();
        const changed = p.dispatched + p.comments + p.files + p2.dispatched + p2.comments + p2.files + jobs.asyncRules > 0 || salesforce.store.state.events.length !== events;
        summary.dispatched += p.dispatched + p2.dispatched;
        summary.comments += p.comments + p2.comments;
        summary.files += p.files + p2.files;
        summary.asyncRules += jobs.asyncRules;
        quietRounds = changed ? 0 : quietRounds + 1;
        if (quietRounds >= 2) { summary.quiet = true; break; }
      }
      return summary;
    };

    return {
      urls: { salesforce: salesforce.url, servicenow: servicenow.url, proxy: proxyUrl, proxyReplicas: proxyReplicaUrls },
      credentials: {
        salesforce: { loginUrl: salesforce.url, clientId: salesforce.clientId, clientSecret: salesforce.clientSecret },
        servicenow: SERVICENOW_USERS,
        proxy: proxySecrets,
      },
      stateDir,
      salesforce,
      servicenow,
      proxy,
      /** Present when started with `knowledge: true`: the index, what was seeded and the ingestion report. */
      knowledge,
      stats,
      delivered,
      /** Comment rows (Seam_Outbox__c kind comment) waiting for ServiceNow to accept them. */
      get pendingComments() {
        return salesforce.store.all('Seam_Outbox__c').filter((r) => r.Kind__c === 'comment' && (r.Status__c === 'Pending' || r.Status__c === 'Retrying')).length;
      },
      /**
       * Answers the sandbox plays instead of ServiceNow's for its deliveries (`path` under
       * `/api/x_seam_bridge/seam/v1`, e.g. `/attachments`; default status 503, `times` 1).
       */
      faults: {
        /** @param {DeliveryFault} spec */
        next(spec) { faults.push({ ...spec, remaining: spec.times ?? 1 }); },
        clear() { faults.length = 0; },
        get pending() { return faults.length; },
      },
      pump,
      settle,
      pollChanges,
      pullFiles,
      /**
       * A Table API call to ServiceNow as `user` (default admin).
       * @param {string} path e.g. `/api/now/table/incident?sysparm_query=…`
       * @param {{ method?: string, body?: unknown, as?: keyof typeof SERVICENOW_USERS }} [opts]
       */
      async serviceNowApi(path, opts = {}) {
        const res = await fetch(servicenow.url + path, {
          method: opts.method ?? 'GET',
          headers: { authorization: basic(SERVICENOW_USERS[opts.as ?? 'admin']), accept: 'application/json', 'content-type': 'application/json' },
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        });
        const text = await res.text();
        let body;
        try { body = JSON.parse(text); } catch { body = text; }
        return { status: res.status, body };
      },
      /** Stops the pump, the ServiceNow process (saving its store), the Salesforce twin (saving its state) and the proxy. */
      close: closeAll,
    };
  } catch (e) {
    await closeAll();
    throw e;
  }
}

/** @typedef {Awaited<ReturnType<typeof createSandbox>>} Sandbox */
