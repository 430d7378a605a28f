// @ts-check
/**
 * The Salesforce twin: a local server speaking the wire contract of Salesforce's REST API v62.0
 * (the subset Seam uses), plus the behaviour of the Seam package's triggers. See README.md for
 * what it simplifies.
 *
 *   const twin = await createSalesforceTwin({ port: 0 });
 *   const { access_token } = await (await fetch(`${twin.url}/services/oauth2/token`, { method: 'POST', body: … })).json();
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ApiError, notFound } from './errors.js';
import { makeId } from './ids.js';
import { DEFAULT_METADATA_DIR, loadMappingRecords, ownershipIndex } from './mapping.js';
export { loadMappingRecords, parseMappingRecord, DEFAULT_METADATA_DIR } from './mapping.js';
export { loadSchema, parseFieldMeta, DEFAULT_PACKAGE_DIR } from './schema.js';
import { API_VERSION, createRestApi, errorReply } from './rest.js';
import { DEFAULT_PACKAGE_DIR, loadSchema } from './schema.js';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME, createStore, sfDateTime } from './store.js';
import { dispatchFiles, dispatchOutbox } from './dispatcher.js';
import { AuraHandledException, createPanelController, serviceNowUrlLabel } from './apex.js';
import { createEventBus } from './subscriber.js';
import { createChangesPoller } from './poller.js';
import { pullFiles } from './file-puller.js';
import { createFieldSecurity, loadFieldPermissions, mergeFieldPermissions } from './fieldSecurity.js';
import { createRecordAccess, loadObjectPermissions, loadSharingModels, mergeObjectPermissions } from './sharing.js';
export { CHUNK_SIZE, FIRST_CHUNK_SIZE, MAX_RETRIES, PLATFORM_MAX_RETRIES, MAX_BATCH_SIZE, LimitException, RetryableException } from './subscriber.js';
export { HEAP_PER_PULLED_BYTE, MAX_PULL_BYTES, PULL_KIND } from './file-puller.js';
export { backoffMinutes, FILE_BATCH_SIZE, MAX_ATTEMPTS, MAX_INLINE_BYTES, ASYNC_HEAP_BYTES, BATCH_TIMEOUT_MS, MIN_CALLOUT_MS, FILE_TIMEOUT_MS } from './dispatcher.js';
export { CalloutException, TRANSACTION_CALLOUT_MS, MAX_CALLOUTS } from './callouts.js';

export { normalizeId, idSuffix, makeId } from './ids.js';
export { parseSoql, executeSoql, soqlQuote } from './soql.js';
export { API_VERSION } from './rest.js';

/** Org metadata an admin deploys beside the package (`salesforce-pkg/org-setup`). */
const ORG_SETUP_DIR = fileURLToPath(new URL('../../../salesforce-pkg/org-setup/main/default', import.meta.url));

const ORG_ID = makeId('00D', 1);
/** The Automated Process user (`subscriberRunsAs: 'automated_process'`); a counter no named user reaches. */
export const AUTOMATED_PROCESS_USER_ID = makeId('005', 999_999);

const SHARED_DIST = fileURLToPath(new URL('../../../shared/dist/seam-core.mjs', import.meta.url));

/**
 * @typedef {import('./store.js').OutboundItem} OutboundItem
 * @typedef {import('./store.js').PlatformEvent} PlatformEvent
 * @typedef {import('./mapping.js').FieldMappingRecord} FieldMappingRecord
 * @typedef {{ status?: number, retryAfter?: number, delayMs?: number, times?: number, drop?: boolean, dropAfter?: boolean, body?: unknown, path?: string | RegExp }} FaultSpec
 */

/**
 * The Seam_Field_Mapping__mdt records: from the generated metadata files, else from the built
 * shared core (same ownership map), else an error telling the caller to build.
 * @param {{ mappings?: FieldMappingRecord[], metadataDir?: string }} options
 * @returns {Promise<FieldMappingRecord[]>}
 */
async function resolveMappings(options) {
  if (options.mappings) return options.mappings;
  const fromFiles = loadMappingRecords(options.metadataDir ?? DEFAULT_METADATA_DIR);
  if (fromFiles) return fromFiles;
  if (!options.metadataDir && existsSync(SHARED_DIST)) {
    const core = await import(pathToFileURL(SHARED_DIST).href);
    if (Array.isArray(core.OWNERSHIP)) return mappingsFromOwnership(core.OWNERSHIP);
  }
  throw new Error(`Salesforce twin: no Seam_Field_Mapping__mdt records in ${options.metadataDir ?? DEFAULT_METADATA_DIR}. Run the root "npm run build" to generate them from shared/src/ownership.ts, or pass { mappings }.`);
}

/**
 * Mapping records from ownership-map entries, the way the build renders them.
 * @param {ReadonlyArray<{ key: string, owner: string, direction: string, kind?: string, conflict?: string, transform?: string,
 *   salesforce: { object: string, field: string } | null, servicenow?: { table: string, field: string, extra?: readonly string[] } }>} ownership
 * @returns {FieldMappingRecord[]}
 */
export function mappingsFromOwnership(ownership) {
  return ownership.map((m) => ({
    DeveloperName: m.key, Key__c: m.key, Owner__c: m.owner, Direction__c: m.direction, Kind__c: m.kind ?? null, Conflict__c: m.conflict ?? null,
    Transform__c: m.transform ?? null, Salesforce_Object__c: m.salesforce ? m.salesforce.object : null, Salesforce_Field__c: m.salesforce ? m.salesforce.field : null,
    ServiceNow_Table__c: m.servicenow?.table ?? null, ServiceNow_Field__c: m.servicenow ? [m.servicenow.field, ...(m.servicenow.extra ?? [])].join(',') : null,
  }));
}

/** @param {import('node:http').IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Starts a Salesforce twin on loopback.
 * @param {object} [options]
 * @param {number} [options.port] 0 picks a free port
 * @param {string} [options.host]
 * @param {import('./store.js').Store | import('./store.js').State} [options.store] an existing store (or saved state) to serve
 * @param {string} [options.clientId] the connected app's consumer key accepted by the token endpoint
 * @param {string} [options.clientSecret]
 * @param {number} [options.apiLimit] DailyApiRequests maximum
 * @param {string} [options.packageDir] `force-app/main/default` of the package (custom fields)
 * @param {string} [options.metadataDir] where the Seam_Field_Mapping records are
 * @param {FieldMappingRecord[]} [options.mappings] mapping records given directly (tests)
 * @param {(item: OutboundItem) => void} [options.onOutbound] called for each CaseMessage / CommentMessage the package would send
 * @param {() => number} [options.now]
 * @param {string} [options.stateFile] load state from this file at start (if it exists) and keep it saved there
 * @param {number} [options.sessionTimeoutMs] sessions end this long after the token was issued (the org's session timeout); default never
 * @param {string | null} [options.serviceNowUrl] the `Seam_ServiceNow_Url` label (panel links); default: the package's label
 * @param {string | string[] | null} [options.fieldSecurity] the permission set(s) whose field permissions the API user has, e.g. `Seam_Integration` (from the package) and `Seam_Knowledge_Ingestion` (from `salesforce-pkg/org-setup`); default none
 * @param {number} [options.eventBatchSize] the Incident_Update__e trigger's batch size (PlatformEventSubscriberConfig.batchSize; default 2000)
 * @param {Record<string, string>} [options.orgSharing] organization-wide defaults of standard objects for named users' queries, e.g. `{ Case: 'Private' }`; default ReadWrite
 * @param {'integration' | 'automated_process'} [options.subscriberRunsAs] who the Incident_Update__e trigger runs as
 *   (PlatformEventSubscriberConfig.user). Default `integration`: the recommended set-up (post-install step 4), the
 *   integration user owns the trigger's rows and its queries see every row, as before. `automated_process`: no
 *   subscriber config deployed; the trigger's rows belong to the Automated Process user, and the integration user's
 *   queries get the record sharing of its permission sets (`fieldSecurity`), so Private objects show only its own rows.
 */
export async function createSalesforceTwin(options = {}) {
  const {
    port = 0, host = '127.0.0.1', clientId = 'seam-twin-client', clientSecret = 'seam-twin-secret', apiLimit = 15000, now = Date.now,
  } = options;
  /** @type {import('./store.js').Store} */
  let store;
  if (options.store && 'transaction' in options.store) {
    store = /** @type {import('./store.js').Store} */ (options.store);
  } else {
    const { objects } = loadSchema({ packageDir: options.packageDir });
    const ownership = ownershipIndex(await resolveMappings(options));
    store = createStore({ objects, ownership, now, state: /** @type {import('./store.js').State | undefined} */ (options.store) });
  }
  if (options.stateFile && existsSync(options.stateFile)) store.load(options.stateFile);
  const automatedProcess = options.subscriberRunsAs === 'automated_process';
  if (options.subscriberRunsAs !== undefined && options.subscriberRunsAs !== 'integration' && !automatedProcess) {
    throw new Error(`Salesforce twin: subscriberRunsAs is "${options.subscriberRunsAs}"; use integration or automated_process`);
  }
  if (automatedProcess) {
    const users = (store.state.records.User ??= {});
    if (!users[AUTOMATED_PROCESS_USER_ID]) {
      const ts = sfDateTime(now());
      users[AUTOMATED_PROCESS_USER_ID] = { Id: AUTOMATED_PROCESS_USER_ID, IsDeleted: false, Name: 'Automated Process', Username: 'autoproc@twin.invalid', CreatedDate: ts,
        CreatedById: AUTOMATED_PROCESS_USER_ID, LastModifiedDate: ts, LastModifiedById: AUTOMATED_PROCESS_USER_ID, SystemModstamp: ts };
    }
  }
  const eventBus = createEventBus(store, { batchSize: options.eventBatchSize, ...(automatedProcess ? { runAs: { userId: AUTOMATED_PROCESS_USER_ID, userName: 'Automated Process' } } : {}) });
  const poller = createChangesPoller(store, { now });
  store.setEventDelivery((event) => eventBus.publish(event));
  // The integration user's field-level security, from the package's permission set (null: none).
  // Several sets add up, as on the platform: e.g. the package's `Seam_Integration` plus the org's own
  // `Seam_Knowledge_Ingestion` (salesforce-pkg/org-setup), which grants the org-defined article body field.
  const permissionSets = options.fieldSecurity ? [options.fieldSecurity].flat() : [];
  const perms = permissionSets.length ? mergeFieldPermissions(permissionSets.map((name) => loadFieldPermissions(options.packageDir ?? DEFAULT_PACKAGE_DIR, name) ?? loadFieldPermissions(ORG_SETUP_DIR, name))) : null;
  const security = perms ? createFieldSecurity(store.objects, perms) : null;
  if (security) store.setFieldAccess(security.accessOf);
  // Named users (`sessionFor`): their permission sets' object access and the package's sharing models.
  const sharingModels = loadSharingModels(options.packageDir ?? DEFAULT_PACKAGE_DIR);
  /** @type {Map<string, ReturnType<typeof createRecordAccess>>} */
  const accessCache = new Map();
  /** @param {string} userId @param {string[]} sets */
  const recordAccessOf = (userId, sets) => {
    const key = `${userId}|${sets.join(',')}`;
    let a = accessCache.get(key);
    if (!a) {
      const found = sets.map((name) => loadObjectPermissions([options.packageDir ?? DEFAULT_PACKAGE_DIR, ORG_SETUP_DIR], name));
      const missing = sets.filter((_, i) => found[i] === null);
      if (missing.length) throw new Error(`Salesforce twin: no permission set ${missing.join(', ')} in the package or salesforce-pkg/org-setup`);
      a = createRecordAccess({ userId, models: sharingModels, access: mergeObjectPermissions(found), orgSharing: options.orgSharing, byId: store.byId });
      accessCache.set(key, a);
    }
    return a;
  };
  const rest = createRestApi(store, { apiLimit, usage: () => store.state.apiUsage, identityUrl: () => `${baseUrl}/id/${ORG_ID}/${INTEGRATION_USER_ID}`, objects: security?.objects });
  const panel = createPanelController(store, {
    serviceNowUrl: options.serviceNowUrl !== undefined ? options.serviceNowUrl : serviceNowUrlLabel(options.packageDir ?? DEFAULT_PACKAGE_DIR), now,
  });
  /** @type {NodeJS.Timeout | null} */
  let saveTimer = null;
  /** With `stateFile`, writes the state shortly after each request (batched), and on close. */
  const scheduleSave = () => {
    if (!options.stateFile || saveTimer) return;
    saveTimer = setTimeout(() => { saveTimer = null; store.save(/** @type {string} */ (options.stateFile)); }, 200);
    saveTimer.unref();
  };
  if (options.onOutbound) store.onOutbound(options.onOutbound);

  /** @type {Array<FaultSpec & { remaining: number }>} */
  const faults = [];
  /** File jobs that hit a governor limit next (`twin.faults.fileJobLimitException`). */
  const fileJobLimit = { remaining: 0 };
  /** @type {Set<import('node:http').ServerResponse>} */
  const streams = new Set();
  /** @type {Set<() => void>} */
  const waiters = new Set();
  store.onEvent(() => { for (const w of [...waiters]) w(); });

  let baseUrl = '';

  /** @param {string} path */
  const takeFault = (path) => {
    const i = faults.findIndex((f) => !f.path || (typeof f.path === 'string' ? path.startsWith(f.path) : f.path.test(path)));
    if (i < 0) return null;
    const f = faults[i];
    if (--f.remaining <= 0) faults.splice(i, 1);
    return f;
  };

  /** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
  const send = (res, status, body, headers = {}) => {
    if (Buffer.isBuffer(body)) {
      res.writeHead(status, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.length), ...headers });
      return res.end(body);
    }
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { ...(text ? { 'Content-Type': 'application/json;charset=UTF-8' } : {}), ...headers });
    res.end(text);
  };

  /** OAuth 2.0 client credentials flow. @param {string} text */
  function token(text) {
    const p = new URLSearchParams(text);
    const grant = p.get('grant_type');
    if (grant !== 'client_credentials' && grant !== 'password' && grant !== 'refresh_token') {
      return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'grant type not supported' } };
    }
    if (p.get('client_id') !== clientId) return { status: 400, body: { error: 'invalid_client_id', error_description: 'client identifier invalid' } };
    if (p.get('client_secret') !== clientSecret) return { status: 400, body: { error: 'invalid_client', error_description: 'invalid client credentials' } };
    if (grant !== 'client_credentials') {
      // The twin's connected app runs as one integration user; it has no passwords or refresh tokens.
      return { status: 400, body: { error: 'invalid_grant', error_description: grant === 'password' ? 'authentication failure' : 'expired access/refresh token' } };
    }
    const issuedAt = now();
    const accessToken = `${ORG_ID.slice(0, 15)}!${randomBytes(24).toString('base64url')}`;
    store.state.tokens[accessToken] = { clientId, issuedAt };
    const id = `${baseUrl}/id/${ORG_ID}/${INTEGRATION_USER_ID}`;
    const signature = createHmac('sha256', clientSecret).update(id + String(issuedAt)).digest('base64');
    return { status: 200, body: { access_token: accessToken, signature, scope: 'api', instance_url: baseUrl, id, token_type: 'Bearer', issued_at: String(issuedAt) } };
  }

  /** Twin-only: the Platform Event feed. @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {URL} url */
  async function eventFeed(req, res, url) {
    const after = Number(url.searchParams.get('replayId') ?? req.headers['last-event-id'] ?? 0) || 0;
    const type = url.searchParams.get('type');
    const list = () => store.state.events.filter((e) => e.replayId > after && (!type || e.type === type));
    if (String(req.headers.accept ?? '').includes('text/event-stream')) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      let last = after;
      const push = () => {
        for (const e of store.state.events) {
          if (e.replayId <= last || (type && e.type !== type)) continue;
          res.write(`id: ${e.replayId}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
          last = e.replayId;
        }
      };
      push();
      waiters.add(push);
      streams.add(res);
      res.on('close', () => { waiters.delete(push); streams.delete(res); });
      return;
    }
    const wait = Math.min(30_000, Math.max(0, Number(url.searchParams.get('wait') ?? 0) || 0));
    if (list().length === 0 && wait > 0) {
      await new Promise((resolve) => {
        const done = () => { clearTimeout(timer); waiters.delete(done); resolve(undefined); };
        const timer = setTimeout(done, wait);
        waiters.add(done);
        res.on('close', done);
      });
    }
    const events = list();
    send(res, 200, { events, latestReplayId: store.state.nextReplayId - 1 });
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;

    if (path === '/seam-twin/events' && method === 'GET') return eventFeed(req, res, url);
    if (path === '/seam-twin/outbound' && method === 'GET') return send(res, 200, { outbound: store.state.outbound });
    const apex = /^\/seam-twin\/apex\/SeamPanelController\/(getLink|escalate|escalateToEngineering|resync)$/.exec(path);
    if (apex && method === 'POST') {
      // Twin-only: the @AuraEnabled methods of the panel's controller, for the console's LWC.
      let caseId;
      try { caseId = JSON.parse((await readBody(req)) || '{}').caseId; } catch { return send(res, 400, { error: 'The body must be JSON: {"caseId": "500…"}' }); }
      try {
        const view = panel[/** @type {'getLink' | 'escalate' | 'escalateToEngineering' | 'resync'} */ (apex[1])](caseId);
        scheduleSave();
        return send(res, 200, view);
      } catch (e) {
        if (e instanceof AuraHandledException) return send(res, 400, { error: e.message });
        throw e;
      }
    }

    /** `dropAfter`: the request is processed and committed, then the answer is lost (socket closed). */
    let loseAnswer = false;
    if (path.startsWith('/services/')) {
      const fault = takeFault(path);
      if (fault?.dropAfter) loseAnswer = true;
      else if (fault) {
        if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
        if (fault.drop) { req.socket.destroy(); return; }
        if (fault.status) {
          const code = fault.status === 429 || fault.status === 403 ? 'REQUEST_LIMIT_EXCEEDED' : fault.status === 503 ? 'SERVER_UNAVAILABLE' : 'UNKNOWN_EXCEPTION';
          const body = fault.body ?? [{ message: code === 'UNKNOWN_EXCEPTION' ? `An unexpected error occurred. Please include this ErrorId if you contact support: ${randomBytes(6).toString('hex')}` : `Injected by the twin: ${code}`, errorCode: code }];
          return send(res, fault.status, body, fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {});
        }
      }
    }

    const text = await readBody(req);
    if (path === '/services/oauth2/token') {
      if (method !== 'POST') return send(res, 405, { error: 'invalid_request', error_description: 'must use HTTP POST' });
      const r = token(text);
      scheduleSave();
      return send(res, r.status, r.body);
    }
    if (path === '/services/oauth2/revoke') {
      const t = new URLSearchParams(text).get('token') ?? url.searchParams.get('token') ?? '';
      if (!store.state.tokens[t]) return send(res, 400, { error: 'unsupported_token_type', error_description: 'this token type is not supported' });
      delete store.state.tokens[t];
      scheduleSave();
      return send(res, 200, undefined);
    }
    const idUrl = /^\/id\/([A-Za-z0-9]{15,18})\/([A-Za-z0-9]{15,18})$/.exec(path);
    if (idUrl && method === 'GET') {
      // The identity URL that the token response's `id` names.
      // The token comes as a Bearer header or, as the platform also accepts, ?oauth_token= (jsforce sends both).
      const bearer = /^Bearer (.+)$/i.exec(String(req.headers.authorization ?? ''));
      const presented = bearer ? bearer[1] : url.searchParams.get('oauth_token');
      const s = presented ? store.state.tokens[presented] : undefined;
      if (!s || s.expired) return send(res, 403, 'Bad_OAuth_Token');
      if (idUrl[1] !== ORG_ID || idUrl[2] !== INTEGRATION_USER_ID) return send(res, 404, 'Bad_Id');
      return send(res, 200, { id: `${baseUrl}/id/${ORG_ID}/${INTEGRATION_USER_ID}`, asserted_user: true, user_id: INTEGRATION_USER_ID, organization_id: ORG_ID,
        username: 'seam-integration@twin.invalid', nick_name: 'seam-integration', display_name: INTEGRATION_USER_NAME, user_type: 'STANDARD', active: true,
        urls: { rest: `${baseUrl}/services/data/v{version}/`, sobjects: `${baseUrl}/services/data/v{version}/sobjects/`, query: `${baseUrl}/services/data/v{version}/query/` } });
    }
    if (path === '/services/data' || path === '/services/data/') {
      return send(res, 200, [{ label: "Winter '25", url: `/services/data/v${API_VERSION}`, version: API_VERSION }]);
    }
    const m = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(path);
    if (!m || Number(m[1]) > Number(API_VERSION) || Number(m[1]) < 31) return send(res, 404, notFound().toBody());

    const auth = /^Bearer (.+)$/i.exec(String(req.headers.authorization ?? ''));
    const session = auth ? store.state.tokens[auth[1]] : undefined;
    if (session && options.sessionTimeoutMs && now() - session.issuedAt > options.sessionTimeoutMs) session.expired = true;
    if (!session || session.expired) {
      return send(res, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], { 'WWW-Authenticate': 'Token' });
    }
    store.state.apiUsage++;
    const limitHeader = { 'Sforce-Limit-Info': `api-usage=${store.state.apiUsage}/${apiLimit}` };
    if (store.state.apiUsage > apiLimit) {
      return send(res, 403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], limitHeader);
    }
    /** @type {unknown} */
    let body;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch (e) {
        return send(res, 400, [{ message: `Unexpected character in request body: ${e instanceof Error ? e.message : String(e)}`, errorCode: 'JSON_PARSER_ERROR' }], limitHeader);
      }
    }
    /** @type {import('./store.js').WriteContext} */
    const named = session.userId && session.userId !== INTEGRATION_USER_ID ? store.state.records.User?.[session.userId] : undefined;
    const ctx = named
      ? { userId: String(named.Id), userName: String(named.Name), after: [], recordAccess: recordAccessOf(String(named.Id), session.permissionSets ?? []) }
      : { userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, after: [],
        // Not the trigger's user: the integration user's queries see what its sets and sharing allow.
        ...(automatedProcess ? { recordAccess: recordAccessOf(INTEGRATION_USER_ID, permissionSets) } : {}) };
    let reply;
    try {
      reply = store.transaction(ctx, () => rest.route({ method, path: m[2] ?? '/', query: url.searchParams, body, headers: req.headers, ctx }));
    } catch (e) {
      reply = errorReply(e);
    }
    store.commit(ctx);
    scheduleSave();
    // The platform committed the work; the client never learns it (a timeout, a connection cut after processing).
    if (loseAnswer) { req.socket.destroy(); return; }
    return send(res, reply.status, reply.body, { ...limitHeader, ...(reply.headers ?? {}) });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) send(res, 500, [{ message: `Salesforce twin bug: ${e instanceof Error ? e.stack : String(e)}`, errorCode: 'UNKNOWN_EXCEPTION' }]);
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  baseUrl = `http://${host}:${address.port}`;

  return {
    url: baseUrl,
    port: address.port,
    store,
    clientId,
    clientSecret,
    /** Platform Event feed in-process: `subscribe(fn)` returns an unsubscribe function. */
    events: {
      /** @param {(e: PlatformEvent) => void} fn */
      subscribe: (fn) => store.onEvent(fn),
      /** Events after a replay id (exclusive), oldest first. @param {number} [afterReplayId] */
      list: (afterReplayId = 0) => store.state.events.filter((e) => e.replayId > afterReplayId),
    },
    /**
     * The event bus's delivery to SeamIncidentUpdateTrigger: batches, resume-after-checkpoint,
     * `pause()`/`resume()` to gather a batch, `limitExceptionAt({ messageId })` for a DML failure mid-batch.
     */
    subscriber: eventBus,
    /** CaseMessages / CommentMessages the package would send to ServiceNow, oldest first (live array). */
    get outbound() { return store.state.outbound; },
    /** Takes every queued outbound item, leaving the queue empty. */
    drainOutbound() { return store.state.outbound.splice(0); },
    /** @param {(item: OutboundItem) => void} fn */
    onOutbound: (fn) => store.onOutbound(fn),
    /**
     * Runs the package's outbox dispatcher once: due Seam_Outbox__c case rows go to `send`
     * (the caller's HTTP call to ServiceNow), and the response is applied as the Apex does.
     * One Apex transaction: the callouts share 120 s and each waits at most its timeout (`callouts.js`).
     * @param {import('./dispatcher.js').Send} send
     * @param {{ calloutMsUsed?: number }} [options] callout time the transaction has already used (tests)
     */
    dispatchOutbox: async (send, options = {}) => { const r = await dispatchOutbox(store, send, { now, calloutMsUsed: options.calloutMsUsed }); scheduleSave(); return r; },
    /**
     * Runs the dispatcher's file step once: due Seam_Outbox__c rows of kind `attachment` go to
     * `send` one file each (the caller's `POST /v1/attachments`), with retry, backoff and dead letter.
     * @param {import('./dispatcher.js').Send} send
     */
    dispatchFiles: async (send) => { const r = await dispatchFiles(store, send, { now, jobLimit: fileJobLimit }); scheduleSave(); return r; },
    /**
     * Runs the package's SeamChangesPoller once (the polling fallback): while Seam_Polling__c is
     * enabled (`polling.configure({ enabled: true })`), reads pages through `fetchPage` (the caller's
     * GET /v1/changes) and applies each through the Incident_Update__e handler, moving the cursor.
     * @param {import('./poller.js').FetchPage} fetchPage
     */
    pollChanges: async (fetchPage) => { const r = await poller.run(fetchPage); scheduleSave(); return r; },
    /**
     * Runs the package's SeamFilePuller (the poller chains it after a page that offered files): due
     * Seam_Outbox__c rows of kind `file_pull` are fetched one per job through `fetchFile` (the caller's
     * GET /api/now/attachment/{sys_id}/file) and inserted as ContentVersions on their Cases.
     * @param {import('./file-puller.js').FetchFile} fetchFile
     */
    pullFiles: async (fetchFile) => { const r = await pullFiles(store, fetchFile, { now, jobLimit: fileJobLimit }); scheduleSave(); return r; },
    /** The Seam_Polling__c custom setting (org default): `setting`, `configure(values)`. */
    polling: { get setting() { return poller.setting; }, configure: (/** @type {Partial<import('./poller.js').PollingSetting>} */ v) => { poller.configure(v); scheduleSave(); },
      /** A test's fault: the next page throws after `n` changes, as an uncaught Apex exception. @param {number} n */
      failNextPageAfter: (n) => poller.failNextPageAfter(n) },
    /** The package's Apex controllers that the console's LWC calls. */
    apex: { SeamPanelController: panel },
    /** Fault injection for the next matching `/services/…` requests. */
    faults: {
      /** @param {FaultSpec} spec */
      next(spec) { faults.push({ ...spec, remaining: spec.times ?? 1 }); },
      /** The next `times` file jobs of `dispatchFiles` end in a System.LimitException (nothing of the job is saved). @param {{ times?: number }} [spec] */
      fileJobLimitException(spec = {}) { fileJobLimit.remaining += spec.times ?? 1; },
      clear() { faults.length = 0; fileJobLimit.remaining = 0; },
      get pending() { return faults.length; },
    },
    /** A token without the HTTP round trip (tests, the sandbox's own forwarding). */
    issueToken() {
      const r = token(new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString());
      return /** @type {{ access_token: string, instance_url: string }} */ (r.body);
    },
    /**
     * Twin-only: a session for another user of the org (created on first use), whose queries see only
     * what that user may: the package custom objects their permission sets grant Read on, and the rows
     * the objects' sharing models let them see (sharing.js). Writes are made as that user (owner).
     * @param {{ username: string, permissionSets?: string[] }} spec
     * @returns {{ access_token: string, instance_url: string, userId: string }}
     */
    sessionFor(spec) {
      const users = (store.state.records.User ??= {});
      let user = Object.values(users).find((u) => u.Username === spec.username);
      if (!user) {
        const id = makeId('005', Object.keys(users).length + 1);
        const ts = sfDateTime(now());
        user = { Id: id, IsDeleted: false, Name: spec.username.split('@')[0], Username: spec.username, CreatedDate: ts, CreatedById: INTEGRATION_USER_ID,
          LastModifiedDate: ts, LastModifiedById: INTEGRATION_USER_ID, SystemModstamp: ts };
        users[id] = user;
      }
      const permissionSets = spec.permissionSets ?? [];
      recordAccessOf(String(user.Id), permissionSets); // fails now on an unknown set
      const accessToken = `${ORG_ID.slice(0, 15)}!${randomBytes(24).toString('base64url')}`;
      store.state.tokens[accessToken] = { clientId, issuedAt: now(), userId: String(user.Id), permissionSets };
      return { access_token: accessToken, instance_url: baseUrl, userId: String(user.Id) };
    },
    /** Every issued token stops working (the connected app's sessions were revoked). */
    revokeTokens() { store.state.tokens = {}; },
    /** Every issued token is expired; new ones can be requested. */
    expireTokens() { for (const t of Object.values(store.state.tokens)) t.expired = true; },
    get apiUsage() { return store.state.apiUsage; },
    /** @param {string} file */
    save: (file) => store.save(file),
    /** @param {string} file */
    load: (file) => store.load(file),
    close() {
      if (saveTimer) { clearTimeout(saveTimer); saveTimer = null; }
      if (options.stateFile) store.save(options.stateFile);
      for (const s of streams) s.end();
      for (const w of [...waiters]) w();
      return new Promise((resolve) => { server.close(() => resolve(undefined)); server.closeAllConnections(); });
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof createSalesforceTwin>>} SalesforceTwin */

export { ApiError };
