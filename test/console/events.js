// @ts-check
/**
 * The console's live feed: one Server-Sent Events stream per browser tab. It relays the
 * Salesforce twin's Platform Events (for the panel's empApi) and says "changed" when either
 * side's data moved. Watching ServiceNow by polling its Table API, and Salesforce by reading the
 * in-process twin's store, is a console convenience: the product itself is push-only.
 */

/** @typedef {import('node:http').ServerResponse} ServerResponse */

export function createEventHub() {
  /** @type {Set<ServerResponse>} */
  const clients = new Set();
  /** @type {Set<() => void>} */
  const listeners = new Set();
  let nextId = 1;

  return {
    get size() {
      return clients.size;
    },
    /** Called when the first client connects or the last one leaves. @param {() => void} fn */
    onClientsChanged(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    /** @param {import('node:http').IncomingMessage} req @param {ServerResponse} res */
    attach(req, res) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write('retry: 1000\n: connected\n\n');
      clients.add(res);
      for (const fn of listeners) fn();
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), 15_000);
      res.on('close', () => {
        clearInterval(heartbeat);
        clients.delete(res);
        for (const fn of listeners) fn();
      });
    },
    /** @param {string} event @param {unknown} data */
    send(event, data) {
      const frame = `id: ${nextId++}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const res of clients) res.write(frame);
    },
    close() {
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}

/**
 * Polls a fingerprint function and calls `onChange` when its value differs from the last one.
 * Runs only while `active()` says someone is watching.
 * @param {{ fingerprint: () => Promise<string> | string, onChange: () => void, intervalMs: number, active: () => boolean, onError?: (e: unknown) => void }} options
 */
export function createPoller({ fingerprint, onChange, intervalMs, active, onError }) {
  /** @type {string | null} */
  let last = null;
  let stopped = false;
  let running = false;
  const timer = setInterval(async () => {
    if (stopped || running || !active()) return;
    running = true;
    try {
      const value = await fingerprint();
      if (last !== null && value !== last) onChange();
      last = value;
    } catch (e) {
      onError?.(e);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref?.();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** ServiceNow tables whose changes the page shows. */
export const WATCHED_TABLES = ['incident', 'sys_journal_field', 'x_seam_bridge_link', 'x_seam_bridge_triage_review', 'sysapproval_approver', 'x_seam_bridge_audit', 'x_seam_bridge_outbox'];

/** @param {ReturnType<typeof import('./clients.js').serviceNowClient>} servicenow */
export function serviceNowFingerprint(servicenow) {
  return async () => {
    const parts = await Promise.all(
      WATCHED_TABLES.map(async (table) => {
        const params = new URLSearchParams({ sysparm_query: 'ORDERBYDESCsys_updated_on', sysparm_limit: '1', sysparm_fields: 'sys_id,sys_updated_on,sys_mod_count' });
        const { body, headers } = await servicenow.request('GET', `/api/now/table/${table}?${params}`);
        return [table, headers.get('x-total-count'), body.result[0] ?? null];
      }),
    );
    return JSON.stringify(parts);
  };
}

/** Salesforce objects whose changes the page shows. */
export const WATCHED_OBJECTS = ['Case', 'CaseComment', 'Seam_Audit__c', 'Seam_Outbox__c', 'Contact'];

/**
 * Reads the in-process twin's store (no API calls, so the org's API limit is not spent on polling).
 * @param {{ all(type: string): Array<Record<string, unknown>> }} store
 */
export function salesforceStoreFingerprint(store) {
  return () =>
    JSON.stringify(
      WATCHED_OBJECTS.map((type) => {
        const rows = store.all(type);
        let latest = '';
        for (const r of rows) {
          const stamp = String(r.SystemModstamp ?? r.LastModifiedDate ?? r.CreatedDate ?? '');
          if (stamp > latest) latest = stamp;
        }
        return [type, rows.length, latest];
      }),
    );
}

/**
 * Follows the Salesforce twin's Platform Event feed over HTTP (long-poll), for a twin in another
 * process. Resolves once it knows where the feed is, so no event published after that is missed.
 * @param {string} salesforceUrl @param {(event: { replayId: number, type: string, payload: Record<string, unknown> }) => void} onEvent
 * @returns {Promise<() => void>} stop
 */
export async function followSalesforceEvents(salesforceUrl, onEvent) {
  const controller = new AbortController();
  /** @param {number} replayId @param {number} wait */
  const read = async (replayId, wait) => {
    const res = await fetch(`${salesforceUrl}/seam-twin/events?replayId=${replayId}&wait=${wait}`, { signal: controller.signal });
    if (!res.ok) throw new Error(`Salesforce event feed: HTTP ${res.status}`);
    return /** @type {{ events: Array<{ replayId: number, type: string, payload: Record<string, unknown> }>, latestReplayId: number }} */ (await res.json());
  };
  let after = (await read(0, 0)).latestReplayId ?? 0;
  (async () => {
    while (!controller.signal.aborted) {
      try {
        const body = await read(after, 20_000);
        for (const e of body.events) if (e.replayId > after) onEvent(e);
        after = Math.max(after, ...body.events.map((e) => e.replayId));
      } catch {
        if (controller.signal.aborted) return;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  })();
  return () => controller.abort();
}
