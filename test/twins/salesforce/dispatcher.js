// @ts-check
/**
 * What the package's SeamOutboxDispatcher (Queueable) does with the Seam_Outbox__c rows, minus
 * the callout itself: the caller passes `send`, which delivers `{ messages }` to ServiceNow's
 * `POST /api/x_seam_bridge/seam{path}` (`/v1/cases` or `/v1/comments`; the sandbox makes that HTTP
 * call; the twin never does).
 * Outcomes follow the Apex rule for rule: done statuses mark the row Sent and the case Synced
 * (with the identity fields ServiceNow returns), `rejected` and HTTP 400 dead-letter, anything
 * else retries with exponential backoff and dead-letters after MAX_ATTEMPTS.
 */
import { createHash } from 'node:crypto';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME, sfDateTime } from './store.js';
import { callout, newTransaction, MAX_CALLOUTS, TRANSACTION_CALLOUT_MS } from './callouts.js';

export const BATCH_SIZE = 200;
export const MAX_ATTEMPTS = 6;
export const MAX_BACKOFF_MINUTES = 60;
const DONE = new Set(['created', 'updated', 'duplicate', 'stale', 'kept_in_salesforce', 'review', 'approval_pending', 'triage_queued']);
const TRIAGE_ROUTES = new Set(['kept_in_salesforce', 'review', 'approval_pending', 'triage_queued']);
/** SeamOutboxDispatcher.BATCH_TIMEOUT_MS: the longest a batch callout waits for ServiceNow. */
export const BATCH_TIMEOUT_MS = 60_000;
/** SeamOutboxDispatcher.MIN_CALLOUT_MS: below this much callout time left, a kind waits for the next run. */
export const MIN_CALLOUT_MS = 10_000;
/** SeamAttachmentSender's callout timeout (the file job's one callout). */
export const FILE_TIMEOUT_MS = 120_000;

/**
 * SeamOutboxDispatcher.calloutTimeout: the wanted timeout, or what is left of the transaction's
 * 120 s, or 0 when less than MIN_CALLOUT_MS is left.
 * @param {import('./callouts.js').CalloutMeter} meter @param {number} wantedMs
 */
export function calloutTimeout(meter, wantedMs) {
  const left = TRANSACTION_CALLOUT_MS - meter.usedMs;
  return left < MIN_CALLOUT_MS ? 0 : Math.min(wantedMs, left);
}

/** @param {number} attempts */
export function backoffMinutes(attempts) {
  let minutes = 1;
  for (let i = 1; i < attempts && minutes < MAX_BACKOFF_MINUTES; i++) minutes *= 2;
  return Math.min(minutes, MAX_BACKOFF_MINUTES);
}

/**
 * @typedef {{ status: number, body: unknown }} SendResponse  body: parsed JSON or the raw text
 * @typedef {(request: { messages: Array<Record<string, unknown>>, path: '/v1/cases' | '/v1/comments', timeoutMs: number }) => Promise<SendResponse>} Send
 *   `path`: the scripted REST resource under /api/x_seam_bridge/seam the package's callout names
 *   (SeamOutboxDispatcher.ENDPOINT or COMMENTS_ENDPOINT); `timeoutMs`: the callout's setTimeout (an
 *   answer later than that is discarded as a CalloutException; a caller may abort then)
 * @typedef {{ attempted: number, sent: number, retried: number, deadLettered: number, comments: number, deferred: number }} DispatchSummary
 *   `comments`: how many of the attempted rows were comments; `deferred`: kinds left for the next run
 *   because the transaction's callout time or count ran out (their rows untouched)
 * @typedef {(request: { messages: Array<Record<string, unknown>>, timeoutMs: number }) => Promise<SendResponse>} FileSend  one AttachmentMessage to POST /v1/attachments
 * @typedef {{ attempted: number, sent: number, retried: number, deadLettered: number, died: number }} FileSummary  `died`: file jobs that ended in a LimitException
 */

/** SeamOutboxDispatcher.KINDS, in the order one run sends them, and where each goes. */
const KINDS = /** @type {const} */ ([['case', '/v1/cases'], ['comment', '/v1/comments']]);

/**
 * SeamOutboxDispatcher.sendBatch: one callout per kind (the oldest ≤ 200 due case rows to /v1/cases,
 * then the oldest ≤ 200 due comment rows to /v1/comments), then every outcome. One Apex transaction:
 * both callouts share its 120 s of callout time (`callouts.js`); each gets `min(60 s, what is left)`,
 * and with less than 10 s or no callout left the kind waits for the next run, untouched.
 * @param {import('./store.js').Store} store
 * @param {Send} send
 * @param {{ now?: () => number, calloutMsUsed?: number }} [options] `calloutMsUsed`: callout time the transaction
 *   has already used (the Apex tests' @TestVisible calloutMsUsed)
 * @returns {Promise<DispatchSummary>}
 */
export async function dispatchOutbox(store, send, options = {}) {
  /** @type {DispatchSummary} */
  const summary = { attempted: 0, sent: 0, retried: 0, deadLettered: 0, comments: 0, deferred: 0 };
  const meter = newTransaction(options.calloutMsUsed ?? 0);
  for (const [kind, path] of KINDS) {
    const r = await dispatchKind(store, send, kind, path, meter, options);
    if (r === 'deferred') { summary.deferred++; continue; }
    summary.attempted += r.attempted;
    summary.sent += r.sent;
    summary.retried += r.retried;
    summary.deadLettered += r.deadLettered;
    if (kind === 'comment') summary.comments += r.attempted;
  }
  return summary;
}

/**
 * @param {import('./store.js').Store} store @param {Send} send @param {'case' | 'comment'} kind
 * @param {'/v1/cases' | '/v1/comments'} path @param {import('./callouts.js').CalloutMeter} meter @param {{ now?: () => number }} options
 * @returns {Promise<Omit<DispatchSummary, 'comments' | 'deferred'> | 'deferred'>}
 */
async function dispatchKind(store, send, kind, path, meter, options) {
  const now = options.now ?? Date.now;
  const t = now();
  const due = (/** @type {import('./types.js').SRecord} */ r) => r.Kind__c === kind && (r.Status__c === 'Pending' || r.Status__c === 'Retrying')
    && (r.Next_Attempt_At__c === null || r.Next_Attempt_At__c === undefined || Date.parse(String(r.Next_Attempt_At__c).replace(/\+0000$/, 'Z')) <= t);
  const rows = store.all('Seam_Outbox__c').filter(due)
    .sort((a, b) => String(a.CreatedDate).localeCompare(String(b.CreatedDate)) || Number(a.Version__c) - Number(b.Version__c))
    .slice(0, BATCH_SIZE);
  const summary = { attempted: rows.length, sent: 0, retried: 0, deadLettered: 0 };
  if (rows.length === 0) return summary;
  const timeoutMs = calloutTimeout(meter, BATCH_TIMEOUT_MS);
  if (timeoutMs === 0 || meter.callouts >= MAX_CALLOUTS) return 'deferred';

  const sentAt = new Date(t).toISOString();
  // Only case messages carry sentAt (the CommentMessage of docs/contracts.md has createdAt).
  const messages = rows.map((r) => (kind === 'case' ? { ...JSON.parse(String(r.Payload__c)), sentAt } : JSON.parse(String(r.Payload__c))));
  /** @type {import('./store.js').WriteContext} */
  const ctx = { userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] };
  const started = now();
  let latencyMs = 0;

  /** @param {import('./types.js').SRecord} row @param {string} result @param {Record<string, unknown> | null} fields @param {string | null} correlationId @param {string | null} detail */
  const audit = (row, result, fields, correlationId, detail) => {
    store.create('Seam_Audit__c', {
      Case__c: store.byId(String(row.Case__c)) ? row.Case__c : null, Direction__c: 'sf_to_sn', Actor__c: String(row.CreatedById ?? ''),
      Fields__c: fields ? Object.keys(fields).join(',') : null, New_Values__c: fields ? JSON.stringify(fields) : null,
      Correlation_Id__c: correlationId, Message_Id__c: row.Message_Id__c, Result__c: result, Latency_Ms__c: latencyMs,
      Detail__c: detail === null ? row.Reason__c : detail.slice(0, 255),
    }, ctx);
  };
  /** @param {import('./types.js').SRecord} row @param {Record<string, unknown>} values */
  const updateCase = (row, values) => {
    if (row.Case__c && store.byId(String(row.Case__c))) store.update('Case', String(row.Case__c), values, ctx);
  };
  /** @param {import('./types.js').SRecord} row @param {string} error */
  const deadLetter = (row, error) => {
    store.update('Seam_Outbox__c', String(row.Id), { Status__c: 'Dead_Letter', Attempts__c: Math.max(Number(row.Attempts__c ?? 0), 1), Last_Error__c: error.slice(0, 255) }, ctx);
    updateCase(row, { Seam_Sync_Status__c: 'Error', Seam_Last_Error__c: error.slice(0, 255) });
    audit(row, 'dead_letter', null, null, error);
    summary.deadLettered++;
  };
  /** @param {import('./types.js').SRecord} row @param {string} error */
  const retry = (row, error) => {
    const attempts = Number(row.Attempts__c ?? 0) + 1;
    if (attempts >= MAX_ATTEMPTS) { deadLetter({ ...row, Attempts__c: attempts }, `${error} (gave up after ${attempts} attempts)`); return; }
    store.update('Seam_Outbox__c', String(row.Id), { Status__c: 'Retrying', Attempts__c: attempts, Next_Attempt_At__c: sfDateTime(now() + backoffMinutes(attempts) * 60_000), Last_Error__c: error.slice(0, 255) }, ctx);
    updateCase(row, { Seam_Sync_Status__c: 'Retrying', Seam_Last_Error__c: error.slice(0, 255) });
    audit(row, 'retry', null, null, error);
    summary.retried++;
  };
  /** @param {import('./types.js').SRecord} row @param {Record<string, any>} result @param {Record<string, unknown>} fields */
  const sent = (row, result, fields) => {
    store.update('Seam_Outbox__c', String(row.Id), { Status__c: 'Sent', Attempts__c: Number(row.Attempts__c ?? 0) + 1, Last_Error__c: null }, ctx);
    /** @type {Record<string, unknown>} */
    const c = { Seam_Sync_Status__c: 'Synced', Seam_Last_Sync__c: sfDateTime(now()), Seam_Last_Error__c: null };
    // Identity fields come back from ServiceNow when it creates the incident.
    if (result.incidentNumber != null) c.Seam_Incident_Number__c = String(result.incidentNumber);
    if (result.incidentSysId != null) c.Seam_Incident_Sys_Id__c = String(result.incidentSysId);
    if (result.correlationId != null) c.Seam_Correlation_Id__c = String(result.correlationId);
    if (TRIAGE_ROUTES.has(String(result.status))) c.Seam_Triage_Route__c = String(result.status);
    updateCase(row, c);
    audit(row, String(result.status), fields, result.correlationId == null ? null : String(result.correlationId), null);
    summary.sent++;
  };
  /** @param {Record<string, any>} result */
  const problemsText = (result) => {
    const parts = Array.isArray(result.problems) ? result.problems.map((p) => `${p.field}: ${p.problem} (fix: ${p.fix})`) : [];
    return parts.length === 0 ? 'no detail given' : parts.join('; ');
  };

  /** @type {SendResponse} */
  let response;
  try {
    response = await callout(meter, timeoutMs, now, () => send({ messages, path, timeoutMs }));
    latencyMs = now() - started;
  } catch (e) {
    latencyMs = now() - started;
    for (const row of rows) retry(row, `ServiceNow could not be reached: ${e instanceof Error ? e.message : String(e)}`);
    store.commit(ctx);
    return summary;
  }
  const bodyText = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  if (response.status === 400) {
    for (const row of rows) deadLetter(row, `ServiceNow rejected the batch (400): ${bodyText}`);
  } else if (response.status !== 200) {
    for (const row of rows) retry(row, `ServiceNow answered HTTP ${response.status}; will retry`);
  } else {
    /** @type {Map<string, Record<string, any>>} */
    const byMessageId = new Map();
    let parsed = true;
    try {
      const body = typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
      for (const r of /** @type {any} */ (body).results) byMessageId.set(r.messageId, r);
    } catch (e) {
      parsed = false;
      for (const row of rows) retry(row, `ServiceNow answered 200 without a results list: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (parsed) {
      rows.forEach((row, i) => {
        const result = byMessageId.get(String(row.Message_Id__c));
        if (!result) { retry(row, `ServiceNow sent no result for message ${row.Message_Id__c}`); return; }
        const status = String(result.status);
        const written = kind === 'comment' ? { comments: messages[i].body } : /** @type {Record<string, unknown>} */ (messages[i].fields ?? {});
        if (DONE.has(status)) sent(row, result, written);
        else if (status === 'rejected') deadLetter(row, `ServiceNow rejected the ${kind}: ${problemsText(result)}`);
        else retry(row, `ServiceNow could not apply the ${kind} (${status}): ${problemsText(result)}`);
      });
    }
  }
  store.commit(ctx);
  return summary;
}

/** File jobs one `dispatchFiles` call runs (the twin's; the package chains one job per claim until none is due). */
export const FILE_BATCH_SIZE = 10;
const FILE_DONE = new Set(['created', 'duplicate', 'mirrored', 'skipped']);
/** Limits.getLimitHeapSize() in a Queueable. */
export const ASYNC_HEAP_BYTES = 12_000_000;
/** SeamAttachmentSender.HEAP_PER_FILE_BYTE and HEAP_MARGIN_BYTES. */
export const HEAP_PER_FILE_BYTE = 3.7;
export const HEAP_MARGIN_BYTES = 1_000_000;
/** SeamAttachmentSender.maxInlineBytes() in a fresh file job. */
export const MAX_INLINE_BYTES = Math.floor((ASYNC_HEAP_BYTES - HEAP_MARGIN_BYTES) / HEAP_PER_FILE_BYTE);
const JOB_DIED = 'The file job ended before it recorded an outcome (an Apex limit such as heap or CPU time)';

/** @param {number} bytes */
const megabytes = (bytes) => (bytes / 1_000_000).toFixed(1);

/**
 * What SeamOutboxDispatcher.claimNextFile / sendClaimedFile and SeamAttachmentSender do with
 * Seam_Outbox__c rows of kind `attachment`, up to FILE_BATCH_SIZE times: a dispatcher run claims the
 * oldest due row and saves the claim (Status Sending, the attempt counted, Next_Attempt_At pushed back by
 * the backoff) before anything risky; the file job then sends that one row (one `send`, the bytes read at
 * send time) and saves the outcome. A file over MAX_INLINE_BYTES is dead-lettered with the heap
 * arithmetic, never loaded. The job's heap is modelled: the bytes, their base64 copy and the JSON body
 * together past ASYNC_HEAP_BYTES throw a LimitException that ends the job without saving anything, so its
 * row stays claimed and not due; a claimed row whose claim expired is claimed again, and dead-lettered
 * after MAX_ATTEMPTS claims. A file's outcome never changes the Case's sync status.
 * @param {import('./store.js').Store} store
 * @param {FileSend} send  delivers `{ messages: [one AttachmentMessage] }` to `POST /v1/attachments`
 * @param {{ now?: () => number, jobLimit?: { remaining: number } }} [options] `jobLimit`: the next `remaining` file jobs hit a governor limit (test control)
 * @returns {Promise<FileSummary>}
 */
export async function dispatchFiles(store, send, options = {}) {
  const now = options.now ?? Date.now;
  /** @type {FileSummary} */
  const summary = { attempted: 0, sent: 0, retried: 0, deadLettered: 0, died: 0 };
  /** @type {Set<string>} */
  const claimedNow = new Set();
  for (let job = 0; job < FILE_BATCH_SIZE; job++) {
    const row = claimNextFile(store, now, summary);
    if (!row) break;
    // Each job once per call: a claim whose backoff is 0 would otherwise be taken again at once.
    if (claimedNow.has(String(row.Id))) break;
    claimedNow.add(String(row.Id));
    summary.attempted++;
    if (options.jobLimit && options.jobLimit.remaining > 0) {
      // e.g. System.LimitException: Apex CPU time limit exceeded: the job saves nothing.
      options.jobLimit.remaining--;
      summary.died++;
      continue;
    }
    await runFileJob(store, send, String(row.Id), now, summary);
  }
  return summary;
}

/**
 * SeamOutboxDispatcher.claimNextFile: its own transaction, saved. Like the Apex, a run that
 * dead-letters a row whose jobs kept dying claims nothing else.
 * @param {import('./store.js').Store} store @param {() => number} now @param {FileSummary} summary
 */
function claimNextFile(store, now, summary) {
  const t = now();
  const row = store.all('Seam_Outbox__c')
    .filter((r) => r.Kind__c === 'attachment' && (r.Status__c === 'Pending' || r.Status__c === 'Retrying' || r.Status__c === 'Sending')
      && (r.Next_Attempt_At__c === null || r.Next_Attempt_At__c === undefined || Date.parse(String(r.Next_Attempt_At__c).replace(/\+0000$/, 'Z')) <= t))
    .sort((a, b) => String(a.CreatedDate).localeCompare(String(b.CreatedDate)) || String(a.Name).localeCompare(String(b.Name)))[0];
  if (!row) return null;
  /** @type {import('./store.js').WriteContext} */
  const ctx = { userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] };
  const attempts = Number(row.Attempts__c ?? 0);
  const died = row.Status__c === 'Sending';
  if (died && attempts >= MAX_ATTEMPTS) {
    const error = `${JOB_DIED} ${attempts} times; check the file, then replay the row`;
    store.update('Seam_Outbox__c', String(row.Id), { Status__c: 'Dead_Letter', Last_Error__c: error.slice(0, 255) }, ctx);
    fileAudit(store, row, 'dead_letter', null, error, 0, ctx);
    store.commit(ctx);
    summary.deadLettered++;
    return null;
  }
  /** @type {Record<string, unknown>} */
  const claim = { Status__c: 'Sending', Attempts__c: attempts + 1, Next_Attempt_At__c: sfDateTime(t + backoffMinutes(attempts + 1) * 60_000) };
  if (died) claim.Last_Error__c = JOB_DIED;
  store.update('Seam_Outbox__c', String(row.Id), claim, ctx);
  store.commit(ctx);
  return row;
}

/**
 * @param {import('./store.js').Store} store @param {import('./types.js').SRecord} row @param {string} result
 * @param {Record<string, unknown> | null} fields @param {string | null} detail @param {number} latencyMs
 * @param {import('./store.js').WriteContext} ctx
 */
function fileAudit(store, row, result, fields, detail, latencyMs, ctx) {
  store.create('Seam_Audit__c', {
    Case__c: store.byId(String(row.Case__c)) ? row.Case__c : null, Direction__c: 'sf_to_sn', Actor__c: String(row.CreatedById ?? ''),
    Fields__c: fields ? Object.keys(fields).join(',') : null, New_Values__c: fields ? JSON.stringify(fields) : null,
    Correlation_Id__c: null, Message_Id__c: row.Message_Id__c, Result__c: result, Latency_Ms__c: latencyMs,
    Detail__c: detail === null ? row.Reason__c : detail.slice(0, 255),
  }, ctx);
}

/**
 * SeamOutboxDispatcher.sendClaimedFile with SeamAttachmentSender.send: one transaction whose heap is
 * modelled; a LimitException rolls it back (nothing saved) and the row stays claimed.
 * @param {import('./store.js').Store} store @param {FileSend} send @param {string} rowId @param {() => number} now
 * @param {FileSummary} summary
 */
async function runFileJob(store, send, rowId, now, summary) {
  const row = store.all('Seam_Outbox__c').find((r) => r.Id === rowId && r.Status__c === 'Sending');
  if (!row) return;
  const ref = JSON.parse(String(row.Payload__c));
  const version = store.byId(String(ref.contentVersionId))?.record;
  const started = now();
  /** @type {{ outcome: 'sent' | 'retry' | 'dead_letter', error?: string, result?: Record<string, any> }} */
  let r;
  /** @type {Record<string, unknown> | null} */
  let written = null;
  if (!version) {
    r = { outcome: 'dead_letter', error: `The file (ContentVersion ${ref.contentVersionId}) was deleted before it was sent` };
  } else if (Number(version.ContentSize ?? 0) > MAX_INLINE_BYTES) {
    r = { outcome: 'dead_letter', error: `File is ${megabytes(Number(version.ContentSize))} MB, over the ${megabytes(MAX_INLINE_BYTES)} MB Seam can send from Apex (bytes + base64 + JSON, about 3.7x the file, must fit the 12 MB heap); attach it in ServiceNow by hand` };
  } else {
    const bytes = Buffer.from(String(version.VersionData ?? ''), 'base64');
    const message = {
      messageId: String(row.Message_Id__c), caseId: String(ref.caseId), contentVersionId: String(version.Id), fileName: String(version.PathOnClient ?? version.Title),
      contentType: 'application/octet-stream', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'),
      description: version.Description ?? '', versionData: bytes.toString('base64'), origin: 'salesforce',
    };
    // The job's heap at the callout: the Blob, its base64 copy (in the message) and the JSON request body.
    const body = JSON.stringify({ messages: [message] });
    const heap = bytes.length + message.versionData.length + body.length;
    if (heap > ASYNC_HEAP_BYTES) {
      // System.LimitException: Apex heap size too large. Uncatchable: the job ends, saving nothing.
      summary.died++;
      return;
    }
    written = { attachment: { file: message.fileName, sha256: message.sha256 } };
    // The file job is its own transaction: its one callout has the 120 s to itself.
    r = await sendOne(send, message, newTransaction(), now);
  }
  /** @type {import('./store.js').WriteContext} */
  const ctx = { userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] };
  const latencyMs = now() - started;
  // The claim counted this attempt.
  const attempts = Number(row.Attempts__c ?? 1);
  if (r.outcome === 'sent') {
    store.update('Seam_Outbox__c', rowId, { Status__c: 'Sent', Attempts__c: attempts, Last_Error__c: null }, ctx);
    fileAudit(store, row, String(r.result?.status), written, null, latencyMs, ctx);
    summary.sent++;
  } else if (r.outcome === 'retry' && attempts < MAX_ATTEMPTS) {
    const error = String(r.error);
    store.update('Seam_Outbox__c', rowId, { Status__c: 'Retrying', Attempts__c: attempts, Next_Attempt_At__c: sfDateTime(now() + backoffMinutes(attempts) * 60_000), Last_Error__c: error.slice(0, 255) }, ctx);
    fileAudit(store, row, 'retry', null, error, latencyMs, ctx);
    summary.retried++;
  } else {
    const final = r.outcome === 'retry' ? `${r.error} (gave up after ${attempts} attempts)` : String(r.error);
    store.update('Seam_Outbox__c', rowId, { Status__c: 'Dead_Letter', Attempts__c: Math.max(attempts, 1), Last_Error__c: final.slice(0, 255) }, ctx);
    fileAudit(store, row, 'dead_letter', null, final, latencyMs, ctx);
    summary.deadLettered++;
  }
  store.commit(ctx);
}

/**
 * SeamAttachmentSender.send and interpret: one callout, its outcome.
 * @param {FileSend} send @param {Record<string, unknown>} message
 * @param {import('./callouts.js').CalloutMeter} meter @param {() => number} now
 * @returns {Promise<{ outcome: 'sent' | 'retry' | 'dead_letter', error?: string, result?: Record<string, any> }>}
 */
async function sendOne(send, message, meter, now) {
  /** @type {SendResponse} */
  let response;
  try {
    response = await callout(meter, FILE_TIMEOUT_MS, now, () => send({ messages: [message], timeoutMs: FILE_TIMEOUT_MS }));
  } catch (e) {
    return { outcome: 'retry', error: `ServiceNow could not be reached: ${e instanceof Error ? e.message : String(e)}` };
  }
  const bodyText = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  if (response.status === 400) return { outcome: 'dead_letter', error: `ServiceNow rejected the file (400): ${bodyText}` };
  if (response.status !== 200) return { outcome: 'retry', error: `ServiceNow answered HTTP ${response.status}; will retry` };
  /** @type {Record<string, any>} */
  let first;
  try {
    const body = typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
    first = /** @type {any} */ (body).results[0];
    if (!first) throw new Error('empty results');
  } catch (e) {
    return { outcome: 'retry', error: `ServiceNow answered 200 without a result for the file: ${e instanceof Error ? e.message : String(e)}` };
  }
  const status = String(first.status);
  if (FILE_DONE.has(status)) return { outcome: 'sent', result: first };
  if (status === 'rejected') return { outcome: 'dead_letter', error: `ServiceNow rejected the file: ${first.detail}`, result: first };
  return { outcome: 'retry', error: `ServiceNow could not attach the file (${status}): ${first.detail}`, result: first };
}
