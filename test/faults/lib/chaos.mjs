// @ts-check
/**
 * Faults on the delivery paths the sandbox wires, added from outside it (the sandbox is not ours
 * to edit): each wrapper replaces one method of a sandbox piece and passes everything through
 * unless a fault is armed. Faults are queued (`arm`) by the seeded campaign, so a run repeats.
 *
 * - Salesforce → ServiceNow cases: `salesforce.dispatchOutbox(send)` gets a `send` that may answer
 *   503 / 429 without delivering, deliver and then lose the answer (a timeout after the write),
 *   deliver twice, or deliver now and again later (a late duplicate, arriving out of order).
 * - Salesforce → ServiceNow comments: `salesforce.drainOutbound()` may duplicate, hold back (delay)
 *   and reorder comment items.
 * - Any node:http server (the proxy): `request` listeners wrapped to answer 5xx / 429 or stall.
 * - ServiceNow → Salesforce: platform events are re-published later (duplicates out of order).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServiceNowTwinProcess } from '../../twins/servicenow/process.js';
import { createSalesforceTwin } from '../../twins/salesforce/index.js';
import { PROXY_ORIGIN, SALESFORCE_ORIGIN } from '../../sandbox/sandbox.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @typedef {{ kind: 'status', status: number, retryAfter?: number }
 *   | { kind: 'lost_answer' } | { kind: 'duplicate' } | { kind: 'late_duplicate', afterDispatches: number }} DispatchFault
 */

/**
 * @param {import('../../sandbox/sandbox.js').Sandbox} sb
 * @param {(text: string) => void} note
 */
export function wrapCaseDelivery(sb, note) {
  const sf = sb.salesforce;
  const original = sf.dispatchOutbox.bind(sf);
  /** @type {DispatchFault[]} */
  const armed = [];
  /** @type {Array<{ due: number, request: { messages: Array<Record<string, unknown>> }, send: (r: any) => Promise<any> }>} */
  const late = [];
  const stats = { dispatches: 0, delivered: 0, faulted: 0, duplicated: 0, lateDuplicates: 0 };
  let dispatchNo = 0;
  /** @type {typeof sf.dispatchOutbox} */
  const wrapped = async (send) => {
    dispatchNo++;
    // Late duplicates whose time has come go first: they arrive after newer messages.
    for (const l of late.filter((x) => x.due <= dispatchNo)) {
      late.splice(late.indexOf(l), 1);
      stats.lateDuplicates++;
      await l.send(l.request).catch(() => undefined);
    }
    return original(async (request) => {
      stats.dispatches++;
      const fault = armed.shift();
      if (!fault) { stats.delivered++; return send(request); }
      stats.faulted++;
      note(`case delivery fault ${JSON.stringify(fault)} on ${request.messages.length} message(s)`);
      if (fault.kind === 'status') {
        return { status: fault.status, body: { error: { message: `injected ${fault.status}`, detail: fault.retryAfter ? `Retry-After ${fault.retryAfter}` : '', problems: [] } } };
      }
      if (fault.kind === 'lost_answer') {
        await send(request);
        throw new Error('timed out waiting for ServiceNow (the answer was lost; the write may have happened)');
      }
      if (fault.kind === 'duplicate') {
        stats.duplicated++;
        await send(request);
        return send(request);
      }
      late.push({ due: dispatchNo + fault.afterDispatches, request: structuredClone(request), send });
      return send(request);
    });
  };
  sf.dispatchOutbox = wrapped;
  return {
    stats,
    /** @param {DispatchFault} f */
    arm: (f) => armed.push(f),
    get pendingLate() { return late.length; },
    /** Delivers every held late duplicate now. */
    async flushLate() {
      for (const l of late.splice(0)) { stats.lateDuplicates++; await l.send(l.request).catch(() => undefined); }
    },
    clear() { armed.length = 0; },
  };
}

/**
 * @param {import('../../sandbox/sandbox.js').Sandbox} sb
 * @param {import('./prng.mjs').Random} rnd
 */
export function wrapCommentDelivery(sb, rnd) {
  const sf = sb.salesforce;
  const original = sf.drainOutbound.bind(sf);
  /** @type {import('../../twins/salesforce/index.js').OutboundItem[]} */
  const held = [];
  const stats = { duplicated: 0, delayed: 0, reordered: 0 };
  let mode = { duplicate: 0, delay: 0, reorder: 0 };
  sf.drainOutbound = () => {
    const items = original();
    /** @type {typeof items} */
    const out = held.splice(0);
    for (const item of items) {
      if (item.kind !== 'comment') { out.push(item); continue; }
      if (mode.delay > 0 && rnd.chance(0.5)) { mode.delay--; stats.delayed++; held.push(item); continue; }
      out.push(item);
      if (mode.duplicate > 0) { mode.duplicate--; stats.duplicated++; out.push(structuredClone(item)); }
    }
    if (mode.reorder > 0 && out.length > 1) { mode.reorder--; stats.reordered++; out.reverse(); }
    return out;
  };
  return {
    stats,
    /** @param {'duplicate' | 'delay' | 'reorder'} kind @param {number} n */
    arm: (kind, n) => { mode = { ...mode, [kind]: mode[kind] + n }; },
    get held() { return held.length; },
    clear() { mode = { duplicate: 0, delay: 0, reorder: 0 }; },
  };
}

/**
 * Wraps a node:http server's request handling: armed faults answer before the real handler.
 * @param {import('node:http').Server} server
 * @param {(text: string) => void} note
 */
export function wrapHttpServer(server, note) {
  const listeners = /** @type {Array<(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void>} */ (server.listeners('request'));
  server.removeAllListeners('request');
  /** @type {Array<{ status?: number, retryAfter?: number, delayMs?: number }>} */
  const armed = [];
  /** Requests to one path held longer than the caller waits (a slow model), counted down. @type {Array<{ path: string, remaining: number, delayMs: number }>} */
  const slow = [];
  const stats = { requests: 0, faulted: 0, slowed: 0 };
  server.on('request', (req, res) => {
    stats.requests++;
    const s = slow.find((x) => req.url?.startsWith(x.path));
    if (s) {
      if (--s.remaining <= 0) slow.splice(slow.indexOf(s), 1);
      stats.slowed++;
      note(`proxy slower than the REST quota: ${req.method} ${req.url} held ${s.delayMs} ms`);
      // The caller has given up by then; an answer into a closed socket is not sent.
      setTimeout(() => { if (!res.destroyed && !res.writableEnded) for (const l of listeners) l.call(server, req, res); }, s.delayMs).unref();
      return;
    }
    const f = req.url?.startsWith('/v1/') ? armed.shift() : undefined;
    const pass = () => { for (const l of listeners) l.call(server, req, res); };
    if (!f) return pass();
    stats.faulted++;
    note(`proxy fault ${JSON.stringify(f)} on ${req.method} ${req.url}`);
    if (f.status) {
      req.resume();
      const headers = { 'content-type': 'application/json', ...(f.retryAfter ? { 'retry-after': String(f.retryAfter) } : {}) };
      res.writeHead(f.status, headers).end(JSON.stringify({ error: { message: `injected ${f.status}`, detail: '', problems: [] } }));
      return;
    }
    setTimeout(pass, f.delayMs ?? 0);
  });
  return {
    stats,
    /** @param {{ status?: number, retryAfter?: number, delayMs?: number }} f */
    arm: (f) => armed.push(f),
    /** The next `times` requests to `path` are held `delayMs` before the real handler answers. @param {{ path: string, times: number, delayMs: number }} w */
    slowNext: (w) => slow.push({ path: w.path, remaining: w.times, delayMs: w.delayMs }),
    clear() { armed.length = 0; slow.length = 0; },
  };
}

/**
 * Stops the ServiceNow twin process (it saves its store on SIGTERM) and starts it again on the
 * same port with the same store and configuration, as the sandbox started it. The sandbox keeps
 * its handle: the new process's controls are copied onto it.
 * @param {import('../../sandbox/sandbox.js').Sandbox} sb
 * @param {Record<string, string>} properties the properties the sandbox was given
 * @param {number} downMs how long the instance stays away (requests meanwhile are refused)
 * @param {number} [restQuotaMs] the REST transaction quota the sandbox was given
 */
export async function restartServiceNow(sb, properties, downMs, restQuotaMs) {
  const port = Number(new URL(sb.urls.servicenow).port);
  await sb.servicenow.close();
  await sleep(downMs);
  const next = await startServiceNowTwinProcess({
    app: join(REPO, 'servicenow-app'),
    port,
    host: '127.0.0.1',
    storeFile: join(sb.stateDir, 'servicenow.json'),
    tickMs: 250,
    ...(restQuotaMs !== undefined ? { restQuotaMs } : {}),
    properties: {
      'x_seam_bridge.salesforce.instance_url': SALESFORCE_ORIGIN,
      'x_seam_bridge.proxy.url': PROXY_ORIGIN,
      'x_seam_bridge.proxy.api_key': sb.credentials.proxy.servicenow,
      ...properties,
    },
    outboundAuth: {
      'Seam Salesforce': { type: 'oauth2_client_credentials', clientId: sb.salesforce.clientId, clientSecret: sb.salesforce.clientSecret, tokenUrl: `${sb.urls.salesforce}/services/oauth2/token` },
    },
    endpointMap: {
      [SALESFORCE_ORIGIN]: sb.urls.salesforce,
      [PROXY_ORIGIN]: sb.urls.proxy,
      'https://example.my.salesforce.com': sb.urls.salesforce,
      'https://seam-proxy.example.com': sb.urls.proxy,
    },
  });
  Object.assign(sb.servicenow, next);
}

/**
 * Keeps copies of published Incident_Update__e events and publishes some again later, through the
 * public REST API: a platform event delivered twice, after newer ones.
 * @param {import('../../sandbox/sandbox.js').Sandbox} sb
 * @param {import('./prng.mjs').Random} rnd
 */
export function eventReplayer(sb, rnd) {
  /** @type {Array<Record<string, unknown>>} */
  const kept = [];
  const stats = { kept: 0, republished: 0 };
  const unsubscribe = sb.salesforce.events.subscribe((e) => {
    if (e.type !== 'Incident_Update__e' || !rnd.chance(0.05) || kept.length > 50) return;
    /** @type {Record<string, unknown>} */
    const record = { attributes: { type: 'Incident_Update__e' } };
    for (const [k, v] of Object.entries(e.payload)) if (k.endsWith('__c')) record[k] = v;
    kept.push(record);
    stats.kept++;
  });
  return {
    stats,
    /** @param {ReturnType<typeof import('./clients.mjs').salesforceClient>} client @param {number} n */
    async republish(client, n) {
      const batch = kept.splice(0, n);
      if (!batch.length) return;
      // The publish itself may meet an armed Salesforce fault; then the copies wait for the next try.
      const r = await client.request('POST', '/composite/sobjects', { allOrNone: false, records: batch }).catch(() => ({ status: 0 }));
      if (r.status === 200) stats.republished += batch.length;
      else kept.unshift(...batch);
    },
    stop: unsubscribe,
  };
}

/**
 * The Salesforce twin's dispatcher backs off in real minutes (1, 2, 4 … 60). The campaign moves
 * the org's clock instead of waiting: Retrying rows (and replayed rows still carrying their last
 * claim's next attempt time) become due now, as they would after the wait.
 * @param {import('../../sandbox/sandbox.js').Sandbox} sb
 */
export function advanceSalesforceClock(sb) {
  const rows = sb.salesforce.store.state.records.Seam_Outbox__c ?? {};
  let moved = 0;
  for (const row of Object.values(rows)) {
    // A replayed dead letter (Status__c back to Pending) keeps the Next_Attempt_At__c of its last claim.
    if (row.Status__c === 'Retrying' || (row.Status__c === 'Pending' && row.Next_Attempt_At__c)) { row.Next_Attempt_At__c = null; moved++; }
  }
  return moved;
}

/**
 * Stops the Salesforce twin's server (open connections are cut) and starts a new one on the same
 * port over the same store, the README's way to restart it. The sandbox keeps its handle: the
 * new server's controls (faults, close, counters) are copied onto it; the wrappers installed on
 * it (dispatchOutbox, drainOutbound) keep working, they act on the same store.
 * @param {import('../../sandbox/sandbox.js').Sandbox} sb
 * @param {number} downMs how long connections are refused
 */
export async function restartSalesforce(sb, downMs) {
  const old = sb.salesforce;
  await old.close();
  await sleep(downMs);
  const next = await createSalesforceTwin({
    port: old.port, store: old.store, clientId: old.clientId, clientSecret: old.clientSecret,
    serviceNowUrl: sb.urls.servicenow,
  });
  // The new server's event bus is the one the store now delivers to (pause/resume/limitExceptionAt act on it).
  for (const key of ['faults', 'close', 'apiUsage', 'issueToken', 'expireTokens', 'revokeTokens', 'save', 'load', 'apex', 'subscriber']) {
    const d = Object.getOwnPropertyDescriptor(next, key);
    if (d) Object.defineProperty(old, key, { ...d, configurable: true });
  }
}

/**
 * Closes the proxy's listening socket (cutting open connections) and listens again on the same
 * port: the network view of a proxy restart. Its in-memory cache and counters are kept.
 * @param {import('../../sandbox/sandbox.js').Sandbox} sb
 * @param {number} downMs
 */
export async function restartProxy(sb, downMs) {
  const server = /** @type {import('node:http').Server} */ (/** @type {any} */ (sb.proxy).server);
  const port = Number(new URL(sb.urls.proxy).port);
  await new Promise((resolve) => { server.close(() => resolve(undefined)); server.closeAllConnections?.(); });
  await sleep(downMs);
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(port, '127.0.0.1', () => { server.off('error', reject); resolve(undefined); }); });
}
