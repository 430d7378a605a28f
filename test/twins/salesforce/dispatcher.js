// @ts-check
/**
 * What the package's SeamOutboxDispatcher (Queueable) does with the Seam_Outbox__c rows, minus
 * the callout itself: the caller passes `send`, which delivers `{ messages }` to ServiceNow's
 * `POST /api/x_seam_bridge/seam/v1/cases` (the sandbox makes that HTTP call; the twin never does).
 * Outcomes follow the Apex rule for rule: done statuses mark the row Sent and the case Synced
 * (with the identity fields ServiceNow returns), `rejected` and HTTP 400 dead-letter, anything
 * else retries with exponential backoff and dead-letters after MAX_ATTEMPTS.
 */
import { createHash } from 'node:crypto';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME, sfDateTime } from './store.js';

export const BATCH_SIZE = 200;
export const MAX_ATTEMPTS = 6;
export const MAX_BACKOFF_MINUTES = 60;
const DONE = new Set(['created', 'updated', 'duplicate', 'stale', 'kept_in_salesforce', 'review', 'approval_pending', 'triage_queued']);
const TRIAGE_ROUTES = new Set(['kept_in_salesforce', 'review', 'approval_pending', 'triage_queued']);

/** @param {number} attempts */
export function backoffMinutes(attempts) {
  let minutes = 1;
  for (let i = 1; i < attempts && minutes < MAX_BACKOFF_MINUTES; i++) minutes *= 2;
  return Math.min(minutes, MAX_BACKOFF_MINUTES);
}

/**
 * @typedef {{ status: number, body: unknown }} SendResponse  body: parsed JSON or the raw text
 * @typedef {(request: { messages: Array<Record<string, unknown>> }) => Promise<SendResponse>} Send
 * @typedef {{ attempted: number, sent: number, retried: number, deadLettered: number }} DispatchSummary
 */

/**
 * Sends one batch of due case messages.
 * @param {import('./store.js').Store} store
 * @param {Send} send
 * @param {{ now?: () => number }} [options]
 * @returns {Promise<DispatchSummary>}
 */
export async function dispatchOutbox(store, send, options = {}) {
  const now = options.now ?? Date.now;
  const t = now();
  const due = (/** @type {import('./types.js').SRecord} */ r) => r.Kind__c === 'case' && (r.Status__c === 'Pending' || r.Status__c === 'Retrying')
    && (r.Next_Attempt_At__c === null || r.Next_Attempt_At__c === undefined || Date.parse(String(r.Next_Attempt_At__c).replace(/\+0000$/, 'Z')) <= t);
  const rows = store.all('Seam_Outbox__c').filter(due)
    .sort((a, b) => String(a.CreatedDate).localeCompare(String(b.CreatedDate)) || Number(a.Version__c) - Number(b.Version__c))
    .slice(0, BATCH_SIZE);
  /** @type {DispatchSummary} */
  const summary = { attempted: rows.length, sent: 0, retried: 0, deadLettered: 0 };
  if (rows.length === 0) return summary;

  const sentAt = new Date(t).toISOString();
  const messages = rows.map((r) => ({ ...JSON.parse(String(r.Payload__c)), sentAt }));
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
    response = await send({ messages });
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
        if (DONE.has(status)) sent(row, result, /** @type {Record<string, unknown>} */ (messages[i].fields ?? {}));
        else if (status === 'rejected') deadLetter(row, `ServiceNow rejected the case: ${problemsText(result)}`);
        else retry(row, `ServiceNow could not apply the case (${status}): ${problemsText(result)}`);
      });
    }
  }
  store.commit(ctx);
  return summary;
}

export const FILE_BATCH_SIZE = 10;
const FILE_DONE = new Set(['created', 'duplicate', 'mirrored', 'skipped']);

/**
 * What SeamOutboxDispatcher.sendFiles and SeamAttachmentSender do with Seam_Outbox__c rows of kind
 * `attachment`: the oldest due rows (at most FILE_BATCH_SIZE), one `send` each with the
 * AttachmentMessage built from the referenced ContentVersion's bytes at send time. A file's outcome
 * is on its outbox row and in the audit; it never changes the Case's sync status. Done statuses
 * mark the row Sent; `rejected`, HTTP 400 and a deleted version dead-letter; anything else retries
 * with the case messages' backoff and dead-letters after MAX_ATTEMPTS.
 * @param {import('./store.js').Store} store
 * @param {Send} send  delivers `{ messages: [one AttachmentMessage] }` to `POST /v1/attachments`
 * @param {{ now?: () => number }} [options]
 * @returns {Promise<DispatchSummary>}
 */
export async function dispatchFiles(store, send, options = {}) {
  const now = options.now ?? Date.now;
  const t = now();
  const rows = store.all('Seam_Outbox__c')
    .filter((r) => r.Kind__c === 'attachment' && (r.Status__c === 'Pending' || r.Status__c === 'Retrying')
      && (r.Next_Attempt_At__c === null || r.Next_Attempt_At__c === undefined || Date.parse(String(r.Next_Attempt_At__c).replace(/\+0000$/, 'Z')) <= t))
    .sort((a, b) => String(a.CreatedDate).localeCompare(String(b.CreatedDate)))
    .slice(0, FILE_BATCH_SIZE);
  /** @type {DispatchSummary} */
  const summary = { attempted: rows.length, sent: 0, retried: 0, deadLettered: 0 };
  /** @type {import('./store.js').WriteContext} */
  const ctx = { userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] };

  /** @param {import('./types.js').SRecord} row @param {string} result @param {Record<string, unknown> | null} fields @param {string | null} detail @param {number} latencyMs */
  const audit = (row, result, fields, detail, latencyMs) => {
    store.create('Seam_Audit__c', {
      Case__c: store.byId(String(row.Case__c)) ? row.Case__c : null, Direction__c: 'sf_to_sn', Actor__c: String(row.CreatedById ?? ''),
      Fields__c: fields ? Object.keys(fields).join(',') : null, New_Values__c: fields ? JSON.stringify(fields) : null,
      Correlation_Id__c: null, Message_Id__c: row.Message_Id__c, Result__c: result, Latency_Ms__c: latencyMs,
      Detail__c: detail === null ? row.Reason__c : detail.slice(0, 255),
    }, ctx);
  };

  for (const row of rows) {
    const ref = JSON.parse(String(row.Payload__c));
    const version = store.byId(String(ref.contentVersionId))?.record;
    const started = now();
    /** @type {{ outcome: 'sent' | 'retry' | 'dead_letter', error?: string, result?: Record<string, any> }} */
    let r;
    /** @type {Record<string, unknown> | null} */
    let written = null;
    if (!version) {
      r = { outcome: 'dead_letter', error: `The file (ContentVersion ${ref.contentVersionId}) was deleted before it was sent` };
    } else {
      const bytes = Buffer.from(String(version.VersionData ?? ''), 'base64');
      const message = {
        messageId: String(row.Message_Id__c), caseId: String(ref.caseId), contentVersionId: String(version.Id), fileName: String(version.PathOnClient ?? version.Title),
        contentType: 'application/octet-stream', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'),
        description: version.Description ?? '', versionData: bytes.toString('base64'), origin: 'salesforce',
      };
      written = { attachment: { file: message.fileName, sha256: message.sha256 } };
      r = await sendOne(send, message);
    }
    const latencyMs = now() - started;
    if (r.outcome === 'sent') {
      store.update('Seam_Outbox__c', String(row.Id), { Status__c: 'Sent', Attempts__c: Number(row.Attempts__c ?? 0) + 1, Last_Error__c: null }, ctx);
      audit(row, String(r.result?.status), written, null, latencyMs);
      summary.sent++;
      continue;
    }
    const attempts = Number(row.Attempts__c ?? 0) + 1;
    const error = String(r.error);
    if (r.outcome === 'retry' && attempts < MAX_ATTEMPTS) {
      store.update('Seam_Outbox__c', String(row.Id), { Status__c: 'Retrying', Attempts__c: attempts, Next_Attempt_At__c: sfDateTime(now() + backoffMinutes(attempts) * 60_000), Last_Error__c: error.slice(0, 255) }, ctx);
      audit(row, 'retry', null, error, latencyMs);
      summary.retried++;
      continue;
    }
    const final = r.outcome === 'retry' ? `${error} (gave up after ${attempts} attempts)` : error;
    store.update('Seam_Outbox__c', String(row.Id), { Status__c: 'Dead_Letter', Attempts__c: r.outcome === 'retry' ? attempts : Math.max(Number(row.Attempts__c ?? 0), 1), Last_Error__c: final.slice(0, 255) }, ctx);
    audit(row, 'dead_letter', null, final, latencyMs);
    summary.deadLettered++;
  }
  if (rows.length) store.commit(ctx);
  return summary;
}

/**
 * SeamAttachmentSender.send and interpret: one callout, its outcome.
 * @param {Send} send @param {Record<string, unknown>} message
 * @returns {Promise<{ outcome: 'sent' | 'retry' | 'dead_letter', error?: string, result?: Record<string, any> }>}
 */
async function sendOne(send, message) {
  /** @type {SendResponse} */
  let response;
  try {
    response = await send({ messages: [message] });
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
