// @ts-check
/**
 * The package's polling fallback (`SeamChangesPoller`), mirrored rule for rule, for instances whose
 * ServiceNow may not call out: while the `Seam_Polling__c` custom setting is enabled, one run reads
 * ServiceNow's `GET /v1/changes` page by page (≤ 200 records, one Queueable each, at most
 * MAX_PAGES_PER_RUN chained), and applies each page through the SAME handler the Incident_Update__e
 * trigger runs (`store.applyIncidentUpdate`), saving the page and the new cursor in one transaction.
 * A non-200 answer keeps the cursor and records ServiceNow's reason, as `Last_Result__c` does.
 * The caller's `fetchPage` is the named-credential callout (the sandbox makes the HTTP call).
 */
import { normalizeId } from './ids.js';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME } from './store.js';

/** SeamChangesPoller.PAGE_SIZE: ServiceNow's page, and the handler's chunk. */
export const PAGE_SIZE = 200;
/** SeamChangesPoller.MAX_PAGES_PER_RUN. */
export const MAX_PAGES_PER_RUN = 50;

/**
 * @typedef {{ enabled: boolean, cursor: string, lastResult: string | null, lastPolledAt: number | null }} PollingSetting
 * @typedef {(request: { cursor: string, limit: number }) => Promise<{ status: number, body: any }>} FetchPage
 * @typedef {{ pages: number, calls: number, applied: number, duplicate: number, stale: number, rejected: number, unreadable: string[], cursor: string, lastResult: string | null }} PollSummary
 */

/** @returns {PollingSetting} */
export const defaultPolling = () => ({ enabled: false, cursor: '', lastResult: null, lastPolledAt: null });

/**
 * SeamChangesPoller.toEvent: the trigger's event from one record; a number or date-time field that
 * does not convert makes the record unreadable (named, not dropped silently).
 * @param {Record<string, unknown>} change
 * @returns {Record<string, import('./types.js').Scalar> | null}
 */
function toPayload(change) {
  /** @type {Record<string, import('./types.js').Scalar>} */
  const payload = {};
  for (const [k, v] of Object.entries(change)) {
    if (k === 'attributes' || v === null || v === undefined) continue;
    if (k === 'Link_Version__c') {
      const n = Number(v);
      if (typeof v === 'boolean' || !Number.isFinite(n)) return null;
      payload[k] = n;
    } else {
      payload[k] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
    }
  }
  return payload;
}

/**
 * @param {import('./store.js').Store} store
 * @param {{ now: () => number }} options
 */
export function createChangesPoller(store, options) {
  /** @returns {PollingSetting} */
  const setting = () => {
    const s = /** @type {{ polling?: PollingSetting }} */ (store.state);
    if (!s.polling) s.polling = defaultPolling();
    return s.polling;
  };

  /**
   * One run: pollOnce, chained while ServiceNow says more pages follow.
   * @param {FetchPage} fetchPage
   * @returns {Promise<PollSummary>}
   */
  async function run(fetchPage) {
    /** @type {PollSummary} */
    const summary = { pages: 0, calls: 0, applied: 0, duplicate: 0, stale: 0, rejected: 0, unreadable: [], cursor: setting().cursor, lastResult: setting().lastResult };
    for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
      const s = setting();
      if (!s.enabled) break;
      summary.calls += 1;
      const res = await fetchPage({ cursor: s.cursor, limit: PAGE_SIZE });
      s.lastPolledAt = options.now();
      if (res.status !== 200) {
        const e = res.body && res.body.error ? res.body.error : null;
        s.lastResult = `HTTP ${res.status}: ${e ? `${e.message}: ${e.detail}` : 'no body'}`.slice(0, 255);
        break;
      }
      const changes = Array.isArray(res.body?.changes) ? res.body.changes : null;
      if (!changes) {
        s.lastResult = 'the changes page is not the JSON of docs/contracts.md: changes is not a list';
        break;
      }
      /** @type {Array<Record<string, import('./types.js').Scalar>>} */
      const events = [];
      /** @type {string[]} */
      const unreadable = [];
      for (const c of changes) {
        const payload = toPayload(c);
        if (payload) events.push(payload);
        else unreadable.push(String(c?.Idempotency_Key__c));
      }
      /** @type {import('./store.js').WriteContext} */
      const ctx = { userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] };
      /** @type {Set<string>} */
      const changed = new Set();
      const hasMore = res.body.hasMore === true;
      const next = typeof res.body.nextCursor === 'string' && res.body.nextCursor !== '' ? res.body.nextCursor : s.cursor;
      // The page's Cases, comments, audits and the cursor: one transaction (applyPolled, then the setting's upsert).
      store.transaction(ctx, () => {
        for (const payload of events) {
          const r = store.applyIncidentUpdate({ replayId: 0, type: 'Incident_Update__e', payload }).result;
          summary[r] += 1;
          if (r === 'applied') changed.add(String(payload.Case_Id__c));
        }
        s.cursor = next;
        s.lastResult = `applied a page of ${events.length} change(s)${unreadable.length ? `; unreadable: ${unreadable.join(', ')}` : ''}${hasMore ? '; more follow' : ''}`.slice(0, 255);
      });
      // The handler's Seam_Case_Signal__e after the save, as from the trigger.
      for (const id of changed) store.create('Seam_Case_Signal__e', { Case_Id__c: normalizeId(id) ?? id }, ctx);
      store.commit(ctx);
      summary.pages += 1;
      summary.unreadable.push(...unreadable);
      if (!hasMore) break;
    }
    summary.cursor = setting().cursor;
    summary.lastResult = setting().lastResult;
    return summary;
  }

  return {
    run,
    /** The org default of Seam_Polling__c (live object). */
    get setting() { return setting(); },
    /** An admin edits the custom setting (Setup > Custom Settings > Seam Polling > Manage). @param {Partial<PollingSetting>} values */
    configure(values) { Object.assign(setting(), values); },
  };
}
