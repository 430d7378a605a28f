// @ts-check
/**
 * The package's polling fallback (`SeamChangesPoller`), mirrored rule for rule, for instances whose
 * ServiceNow may not call out: while the `Seam_Polling__c` custom setting is enabled, one run reads
 * ServiceNow's `GET /v1/changes` page by page (≤ 200 records, one Queueable each, at most
 * MAX_PAGES_PER_RUN chained), and applies each page through the SAME handler the Incident_Update__e
 * trigger runs (`store.applyIncidentUpdate`), saving the page and the new cursor in one transaction.
 * A non-200 answer keeps the cursor and records ServiceNow's reason, as `Last_Result__c` does.
 * The caller's `fetchPage` is the named-credential callout (the sandbox makes the HTTP call).
 *
 * The other Salesforce-bound records of the feed (a resolution summary's CaseComment, a Task, a
 * major-incident notice that becomes one Task per affected account) are applied once per outbox
 * message id: one with an applied Seam_Audit__c of that Message_Id__c is audited duplicate. A file
 * offer (`Seam_File`) becomes one Seam_Outbox__c row of kind `file_pull`; its bytes are fetched by
 * `pullFiles` (file-puller.js) in a transaction of their own, never in the page's.
 * Transaction semantics, as the docs give them for a Queueable: an uncaught exception while a page
 * is applied rolls back all of its DML, the cursor's upsert included, and ends the chain; the next
 * run reads the same page again. Overlapping runs (the Schedulable fires while the chained
 * Queueable runs) both call out with the same cursor; after its callout each locks the setting row
 * (SELECT … FOR UPDATE: a lock taken before a callout is released by it) and applies its page only
 * if the cursor is still the one it asked with. Simplification: the twin runs one page's apply
 * synchronously, so "the lock" is the apply itself and the compare is what it models.
 */
import { ApiError } from './errors.js';
import { normalizeId } from './ids.js';
import { PULL_KIND } from './file-puller.js';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME } from './store.js';

/** SeamChangesPoller.PAGE_SIZE: ServiceNow's page, and the handler's chunk. */
export const PAGE_SIZE = 200;
/** SeamChangesPoller.MAX_PAGES_PER_RUN. */
export const MAX_PAGES_PER_RUN = 50;

/**
 * @typedef {{ enabled: boolean, cursor: string, lastResult: string | null, lastPolledAt: number | null }} PollingSetting
 * @typedef {(request: { cursor: string, limit: number }) => Promise<{ status: number, body: any }>} FetchPage
 * @typedef {{ pages: number, calls: number, applied: number, duplicate: number, stale: number, rejected: number, unreadable: string[], cursor: string, lastResult: string | null, overlapped: number, failed: string | null }} PollSummary
 */

/** The record types of the feed the poller creates, and the fields it takes from each (least privilege: nothing else is written). */
export const RECORD_FIELDS = Object.freeze({
  CaseComment: ['ParentId', 'CommentBody', 'IsPublished'],
  Task: ['WhatId', 'OwnerId', 'Subject', 'Description', 'Priority', 'Status'],
});
/** ServiceNow's notice of a major incident (delivery poll): one Task per account with open cases on its services. */
export const IMPACT_NOTICE = 'Seam_Impact_Notice';
/** ServiceNow's offer of a file (delivery poll): metadata only; recorded for SeamFilePuller (file-puller.js), never fetched here. */
export const FILE_OFFER = 'Seam_File';
/** SeamChangesPoller.MAX_NOTICE_ACCOUNTS: accounts one notice notifies (ServiceNow's MAX_ACCOUNTS). */
export const MAX_NOTICE_ACCOUNTS = 200;

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

/** An error the platform returns as a failed save result (Database.insert with allOrNone false), not an exception. */
const isSaveError = (/** @type {unknown} */ e) => Array.isArray(e) || e instanceof ApiError;
const saveErrorText = (/** @type {unknown} */ e) => (Array.isArray(e) ? e : [e]).map((x) => (typeof x === 'object' && x !== null ? `${/** @type {any} */ (x).errorCode ?? ''}: ${/** @type {any} */ (x).message ?? String(x)}` : String(x))).join('; ');

/**
 * SeamChangesPoller.applyRecords: the page's non-event records, each once per message id.
 * @param {import('./store.js').Store} store
 * @param {Array<Record<string, any>>} records
 * @param {import('./store.js').WriteContext} ctx
 * @param {{ applied: number, duplicate: number, rejected: number }} summary
 * @param {() => void} beforeEach the fault hook of a test (an uncaught exception mid-page)
 */
function applyRecords(store, records, ctx, summary, beforeEach) {
  const done = new Set(store.all('Seam_Audit__c').filter((a) => a.Result__c === 'applied' && a.Message_Id__c).map((a) => String(a.Message_Id__c)));
  /** @param {string} messageId @param {string | null} caseId @param {string} result @param {string | null} detail @param {string | null} correlationId */
  const audit = (messageId, caseId, result, detail, correlationId) => store.create('Seam_Audit__c', {
    Case__c: caseId, Direction__c: 'sn_to_sf', Actor__c: 'servicenow', Message_Id__c: messageId, Correlation_Id__c: correlationId, Result__c: result, Detail__c: detail ? detail.slice(0, 255) : null,
  }, ctx);
  for (const r of records) {
    beforeEach();
    const type = String(r.attributes?.type ?? '');
    const messageId = String(r.attributes?.messageId ?? '');
    const caseId = type === 'CaseComment' ? normalizeId(r.ParentId) : null;
    if (done.has(messageId)) {
      audit(messageId, caseId, 'duplicate', 'message already applied', null);
      summary.duplicate += 1;
      continue;
    }
    if (type === FILE_OFFER) {
      // The bytes are not fetched in the page's transaction (one callout per file, its heap):
      // the file's work is recorded, and SeamFilePuller pulls it in a job of its own.
      const fileCase = normalizeId(r.Case_Id);
      try {
        store.create('Seam_Outbox__c', {
          Case__c: fileCase, Kind__c: PULL_KIND, Status__c: 'Pending', Attempts__c: 0, Idempotency_Key__c: String(r.attributes?.idempotencyKey ?? messageId).slice(0, 255),
          Message_Id__c: messageId, Version__c: 1, Reason__c: 'file_pull', Next_Attempt_At__c: null, Last_Error__c: null,
          Payload__c: JSON.stringify({ sysAttachment: r.Sys_Attachment, fileName: r.File_Name, contentType: r.Content_Type, sizeBytes: Number(r.Size_Bytes), sha256: r.Sha256, description: r.Description }),
        }, ctx);
      } catch (e) {
        if (!isSaveError(e)) throw e;
        audit(messageId, fileCase, 'error', saveErrorText(e), null);
        summary.rejected += 1;
        continue;
      }
      audit(messageId, fileCase, 'applied', `file ${String(r.File_Name ?? '')} queued for SeamFilePuller`, null);
      done.add(messageId);
      summary.applied += 1;
      continue;
    }
    /** @type {Array<Record<string, unknown>>} */
    let rows;
    if (type === IMPACT_NOTICE) {
      rows = noticeTasks(store, r);
    } else if (type in RECORD_FIELDS) {
      const fields = RECORD_FIELDS[/** @type {keyof typeof RECORD_FIELDS} */ (type)];
      rows = [Object.fromEntries(fields.filter((f) => r[f] !== undefined && r[f] !== null).map((f) => [f, r[f]]))];
    } else {
      audit(messageId, null, 'rejected', `${type || 'a record without attributes.type'} is not a record the poller applies (CaseComment, Task, ${IMPACT_NOTICE}, ${FILE_OFFER}); check the ServiceNow app's version`, null);
      summary.rejected += 1;
      continue;
    }
    const target = type === IMPACT_NOTICE ? 'Task' : type;
    /** @type {string[]} */
    const errors = [];
    for (const row of rows) {
      try {
        store.create(target, row, ctx);
      } catch (e) {
        if (!isSaveError(e)) throw e; // anything else is uncaught: the page rolls back
        errors.push(saveErrorText(e));
      }
    }
    const ok = errors.length === 0;
    audit(messageId, caseId, ok ? 'applied' : 'error', ok ? (type === IMPACT_NOTICE ? `${rows.length} account task(s)` : null) : errors.join('; '), null);
    if (ok) done.add(messageId);
    if (ok) summary.applied += 1;
    else summary.rejected += 1;
  }
}

/**
 * A notice's Tasks: the accounts of open Cases on its services (Seam_CI__c), at most
 * MAX_NOTICE_ACCOUNTS, each one Task owned by the account owner, as ServiceNow makes them when it may call out.
 * @param {import('./store.js').Store} store @param {Record<string, any>} notice
 */
function noticeTasks(store, notice) {
  const services = new Set(Array.isArray(notice.Services) ? notice.Services.map(String) : []);
  const task = typeof notice.Task === 'object' && notice.Task !== null ? notice.Task : {};
  const max = Math.min(MAX_NOTICE_ACCOUNTS, Number(notice.Max_Accounts) || MAX_NOTICE_ACCOUNTS);
  /** @type {Map<string, string>} */
  const accounts = new Map();
  for (const c of store.all('Case')) {
    if (c.IsClosed || !c.AccountId || !services.has(String(c.Seam_CI__c ?? '')) || accounts.has(String(c.AccountId))) continue;
    if (accounts.size >= max) break;
    const account = store.state.records.Account?.[String(c.AccountId)];
    accounts.set(String(c.AccountId), typeof account?.OwnerId === 'string' ? account.OwnerId : '');
  }
  return [...accounts].map(([accountId, ownerId]) => ({
    WhatId: accountId, ...(ownerId ? { OwnerId: ownerId } : {}),
    ...Object.fromEntries(RECORD_FIELDS.Task.filter((f) => f !== 'WhatId' && f !== 'OwnerId' && task[f] !== undefined).map((f) => [f, task[f]])),
  }));
}

/**
 * @param {import('./store.js').Store} store
 * @param {{ now: () => number }} options
 */
export function createChangesPoller(store, options) {
  /** A test's fault: the next page's apply throws after this many changes (an uncaught exception). @type {number | null} */
  let failAfter = null;
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
    const summary = { pages: 0, calls: 0, applied: 0, duplicate: 0, stale: 0, rejected: 0, unreadable: [], cursor: setting().cursor, lastResult: setting().lastResult, overlapped: 0, failed: null };
    for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
      const s = setting();
      if (!s.enabled) break;
      summary.calls += 1;
      const asked = s.cursor;
      const res = await fetchPage({ cursor: asked, limit: PAGE_SIZE });
      if (res.status !== 200) {
        s.lastPolledAt = options.now();
        const e = res.body && res.body.error ? res.body.error : null;
        s.lastResult = `HTTP ${res.status}: ${e ? `${e.message}: ${e.detail}` : 'no body'}`.slice(0, 255);
        break;
      }
      const changes = Array.isArray(res.body?.changes) ? res.body.changes : null;
      if (!changes) {
        s.lastPolledAt = options.now();
        s.lastResult = 'the changes page is not the JSON of docs/contracts.md: changes is not a list';
        break;
      }
      /** @type {Array<Record<string, import('./types.js').Scalar>>} */
      const events = [];
      /** @type {Array<Record<string, any>>} */
      const records = [];
      /** @type {string[]} */
      const unreadable = [];
      for (const c of changes) {
        const type = c?.attributes?.type ?? 'Incident_Update__e';
        if (type !== 'Incident_Update__e') {
          if (typeof c.attributes.messageId === 'string' && c.attributes.messageId !== '') records.push(c);
          else unreadable.push(String(c?.attributes?.idempotencyKey ?? type));
          continue;
        }
        const payload = toPayload(c);
        if (payload) events.push(payload);
        else unreadable.push(String(c?.Idempotency_Key__c));
      }
      /** @type {import('./store.js').WriteContext} */
      const ctx = { userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] };
      /** @type {Set<string>} */
      const changed = new Set();
      const hasMore = res.body.hasMore === true;
      const next = typeof res.body.nextCursor === 'string' && res.body.nextCursor !== '' ? res.body.nextCursor : asked;
      // After the callout: lock the setting row and re-read it. Another run moved the cursor while
      // this one waited for its page: that run applied it; applying it again would double its comments.
      if (s.cursor !== asked) {
        summary.overlapped += 1;
        break;
      }
      const fault = failAfter;
      failAfter = null;
      let applied = 0;
      const beforeEach = () => { if (fault !== null && applied++ >= fault) throw new Error('System.LimitException: simulated uncaught exception while applying the page'); };
      // Seam_Polling__c is a record of the same transaction: its upsert rolls back with the page.
      const saved = { ...s };
      const counts = { applied: 0, duplicate: 0, stale: 0, rejected: 0 };
      try {
        store.transaction(ctx, () => {
          for (const payload of events) {
            beforeEach();
            const r = store.applyIncidentUpdate({ replayId: 0, type: 'Incident_Update__e', payload }).result;
            counts[r] += 1;
            if (r === 'applied') changed.add(String(payload.Case_Id__c));
          }
          applyRecords(store, records, ctx, counts, beforeEach);
          s.cursor = next;
          s.lastPolledAt = options.now();
          s.lastResult = `applied a page of ${events.length + records.length} change(s)${unreadable.length ? `; unreadable: ${unreadable.join(', ')}` : ''}${hasMore ? '; more follow' : ''}`.slice(0, 255);
        });
      } catch (e) {
        // The Queueable fails (Setup > Apex Jobs shows the exception): nothing of the page, cursor
        // and Last_Result__c included, is saved, and the chain ends; the next scheduled run re-reads.
        Object.assign(s, saved);
        summary.failed = e instanceof Error ? e.message : String(e);
        break;
      }
      for (const k of /** @type {const} */ (['applied', 'duplicate', 'stale', 'rejected'])) summary[k] += counts[k];
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
    /** A test makes the next page's apply throw after `n` changes (an uncaught exception: the page rolls back). @param {number} n */
    failNextPageAfter(n) { failAfter = n; },
  };
}
