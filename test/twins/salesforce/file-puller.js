// @ts-check
/**
 * The package's SeamFilePuller, mirrored rule for rule: with delivery poll, ServiceNow offers each
 * file in the changes feed as metadata (`Seam_File`); the poller records it as a Seam_Outbox__c row
 * of kind `file_pull` (poller.js) and never fetches bytes in the page's transaction. A puller run
 * claims the oldest due row and saves the claim (Status Sending, the attempt counted, the next
 * attempt pushed back by the backoff) before anything risky; the pull job then, in its own
 * transaction, GETs the bytes from ServiceNow's Attachment API (`/api/now/attachment/{sys_id}/file`
 * through the named credential; the caller's `fetchFile` makes that call) and inserts one
 * ContentVersion on the Case (FirstPublishLocationId, the origin tag as Description, so the file is
 * never sent back). Content already on the Case (its sha256 in a linked version's tag) is a
 * duplicate: no callout, nothing written. A file whose declared size is over the cap is refused
 * before the callout (dead letter naming the size and the fix), never retried, and the next file is
 * pulled. The job's heap is modelled: the response body and its Blob (2× the file) past the 12 MB
 * async heap throw a LimitException that saves nothing, so the row stays claimed and not due, and
 * after MAX_ATTEMPTS claims it is dead-lettered with that reason.
 */
import { createHash } from 'node:crypto';
import { ASYNC_HEAP_BYTES, FILE_BATCH_SIZE, FILE_TIMEOUT_MS, MAX_ATTEMPTS, MAX_INLINE_BYTES, backoffMinutes } from './dispatcher.js';
import { callout, newTransaction } from './callouts.js';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME, sfDateTime } from './store.js';

/** Seam_Outbox__c.Kind__c of a file ServiceNow offered (SeamFilePuller.KIND). */
export const PULL_KIND = 'file_pull';
/** SeamFilePuller.HEAP_PER_PULLED_BYTE: the response body and the Blob it becomes are in memory at once. */
export const HEAP_PER_PULLED_BYTE = 2;
/**
 * SeamFilePuller.maxPullBytes(): the same cap as a file sent to ServiceNow (SeamAttachmentSender),
 * one number for both directions; the pull's own heap (2×) is within it.
 */
export const MAX_PULL_BYTES = MAX_INLINE_BYTES;
const JOB_DIED = 'The file pull ended before it recorded an outcome (an Apex limit such as heap or CPU time)';

/**
 * @typedef {(request: { sysAttachment: string, timeoutMs: number }) => Promise<{ status: number, bytes?: Buffer, body?: string }>} FetchFile
 *   GET /api/now/attachment/{sys_id}/file as the named credential's principal
 * @typedef {{ attempted: number, created: number, duplicate: number, retried: number, deadLettered: number, died: number }} PullSummary
 */

/** @param {number} bytes */
const megabytes = (bytes) => (bytes / 1_000_000).toFixed(1);

/**
 * SeamFilePuller.tooLarge: why a file is not pulled, with the numbers and what to do instead.
 * @param {number} size @param {string} fileName @param {string} sysAttachment
 */
export const tooLargeToPull = (size, fileName, sysAttachment) =>
  `File ${fileName} is ${megabytes(size)} MB, over the ${megabytes(MAX_PULL_BYTES)} MB Seam can pull into Apex (the 12 MB heap holds the file several times); attach it to the Case by hand (ServiceNow attachment ${sysAttachment})`;

/**
 * Hashes of the files already on a Case: the sha256 in the origin tag of each linked document's latest version.
 * @param {import('./store.js').Store} store @param {string} caseId
 */
function hashesOnCase(store, caseId) {
  const docs = new Set(store.all('ContentDocumentLink').filter((l) => l.LinkedEntityId === caseId).map((l) => String(l.ContentDocumentId)));
  /** @type {Set<string>} */
  const hashes = new Set();
  for (const v of store.all('ContentVersion')) {
    if (!v.IsLatest || !docs.has(String(v.ContentDocumentId))) continue;
    const m = /sha256:([0-9a-f]{64})/.exec(String(v.Description ?? ''));
    if (m) hashes.add(m[1]);
  }
  return hashes;
}

/** @returns {import('./store.js').WriteContext} */
const integration = () => ({ userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] });

/**
 * @param {import('./store.js').Store} store @param {import('./types.js').SRecord} row @param {string} result
 * @param {string | null} detail @param {import('./store.js').WriteContext} ctx @param {Record<string, unknown> | null} [written]
 */
function pullAudit(store, row, result, detail, ctx, written = null) {
  store.create('Seam_Audit__c', {
    Case__c: store.byId(String(row.Case__c)) ? row.Case__c : null, Direction__c: 'sn_to_sf', Actor__c: 'servicenow',
    Fields__c: written ? Object.keys(written).join(',') : null, New_Values__c: written ? JSON.stringify(written) : null,
    Message_Id__c: row.Message_Id__c, Result__c: result, Detail__c: detail ? detail.slice(0, 255) : null,
  }, ctx);
}

/**
 * SeamFilePuller: up to FILE_BATCH_SIZE claim + pull jobs, each file in its own transaction.
 * @param {import('./store.js').Store} store @param {FetchFile} fetchFile
 * @param {{ now?: () => number, jobLimit?: { remaining: number } }} [options]
 * @returns {Promise<PullSummary>}
 */
export async function pullFiles(store, fetchFile, options = {}) {
  const now = options.now ?? Date.now;
  /** @type {PullSummary} */
  const summary = { attempted: 0, created: 0, duplicate: 0, retried: 0, deadLettered: 0, died: 0 };
  /** @type {Set<string>} */
  const claimedNow = new Set();
  for (let job = 0; job < FILE_BATCH_SIZE; job++) {
    const row = claimNextPull(store, now, summary);
    if (!row) break;
    if (claimedNow.has(String(row.Id))) break;
    claimedNow.add(String(row.Id));
    summary.attempted++;
    if (options.jobLimit && options.jobLimit.remaining > 0) {
      options.jobLimit.remaining--;
      summary.died++;
      continue;
    }
    await runPullJob(store, fetchFile, String(row.Id), now, summary);
  }
  return summary;
}

/**
 * SeamFilePuller.claimNext: its own transaction, saved before the risky step.
 * @param {import('./store.js').Store} store @param {() => number} now @param {PullSummary} summary
 */
function claimNextPull(store, now, summary) {
  const t = now();
  const row = store.all('Seam_Outbox__c')
    .filter((r) => r.Kind__c === PULL_KIND && (r.Status__c === 'Pending' || r.Status__c === 'Retrying' || r.Status__c === 'Sending')
      && (r.Next_Attempt_At__c === null || r.Next_Attempt_At__c === undefined || Date.parse(String(r.Next_Attempt_At__c).replace(/\+0000$/, 'Z')) <= t))
    .sort((a, b) => String(a.CreatedDate).localeCompare(String(b.CreatedDate)) || String(a.Name).localeCompare(String(b.Name)))[0];
  if (!row) return null;
  const ctx = integration();
  const attempts = Number(row.Attempts__c ?? 0);
  const died = row.Status__c === 'Sending';
  if (died && attempts >= MAX_ATTEMPTS) {
    const error = `${JOB_DIED} ${attempts} times; check the file's size in ServiceNow, then replay the row or attach the file by hand`;
    store.update('Seam_Outbox__c', String(row.Id), { Status__c: 'Dead_Letter', Last_Error__c: error.slice(0, 255) }, ctx);
    pullAudit(store, row, 'dead_letter', error, ctx);
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
 * SeamFilePuller.pullClaimed: the callout first, then the DML (Apex allows no callout after uncommitted DML).
 * @param {import('./store.js').Store} store @param {FetchFile} fetchFile @param {string} rowId @param {() => number} now
 * @param {PullSummary} summary
 */
async function runPullJob(store, fetchFile, rowId, now, summary) {
  const row = store.all('Seam_Outbox__c').find((r) => r.Id === rowId && r.Status__c === 'Sending');
  if (!row) return;
  const ref = JSON.parse(String(row.Payload__c));
  const caseId = String(row.Case__c);
  const ctx = integration();
  const attempts = Number(row.Attempts__c ?? 1);
  /** @param {string} error */
  const deadLetter = (error) => {
    store.update('Seam_Outbox__c', rowId, { Status__c: 'Dead_Letter', Last_Error__c: error.slice(0, 255) }, ctx);
    pullAudit(store, row, 'dead_letter', error, ctx);
    summary.deadLettered++;
    store.commit(ctx);
  };
  /** @param {string} error */
  const retry = (error) => {
    if (attempts >= MAX_ATTEMPTS) return deadLetter(`${error} (gave up after ${attempts} attempts)`);
    store.update('Seam_Outbox__c', rowId, { Status__c: 'Retrying', Next_Attempt_At__c: sfDateTime(now() + backoffMinutes(attempts) * 60_000), Last_Error__c: error.slice(0, 255) }, ctx);
    pullAudit(store, row, 'retry', error, ctx);
    summary.retried++;
    store.commit(ctx);
  };
  if (hashesOnCase(store, caseId).has(String(ref.sha256))) {
    store.update('Seam_Outbox__c', rowId, { Status__c: 'Sent', Last_Error__c: null }, ctx);
    pullAudit(store, row, 'duplicate', `the Case already has this content (sha256 ${ref.sha256}); nothing pulled`, ctx);
    summary.duplicate++;
    store.commit(ctx);
    return;
  }
  if (Number(ref.sizeBytes) > MAX_PULL_BYTES) return deadLetter(tooLargeToPull(Number(ref.sizeBytes), String(ref.fileName), String(ref.sysAttachment)));
  /** @type {{ status: number, bytes?: Buffer, body?: string }} */
  let res;
  try {
    res = await callout(newTransaction(), FILE_TIMEOUT_MS, now, () => fetchFile({ sysAttachment: String(ref.sysAttachment), timeoutMs: FILE_TIMEOUT_MS }));
  } catch (e) {
    return retry(`ServiceNow could not be reached: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (res.status === 404) {
    return deadLetter(`ServiceNow has no attachment ${ref.sysAttachment} the integration user may read (HTTP 404): deleted there, or the user lacks read on the incident (itil, or the incident ACL); fix it, then replay the row`);
  }
  if (res.status === 401 || res.status === 403) return retry(`ServiceNow refused the file (HTTP ${res.status}): check the Seam_ServiceNow named credential and the integration user's read on the incident`);
  if (res.status !== 200 || !res.bytes) return retry(`ServiceNow answered HTTP ${res.status} for the file; will retry`);
  // The job's heap: the response body and the Blob made from it. Uncatchable: the job ends, saving nothing.
  if (res.bytes.length * HEAP_PER_PULLED_BYTE > ASYNC_HEAP_BYTES) {
    summary.died++;
    return;
  }
  const sha256 = createHash('sha256').update(res.bytes).digest('hex');
  if (sha256 !== String(ref.sha256)) return retry(`the file's content (sha256 ${sha256}) is not the one ServiceNow offered (${ref.sha256}); will retry`);
  const fileName = String(ref.fileName || 'file');
  const versionId = store.create('ContentVersion', {
    Title: fileName.lastIndexOf('.') > 0 ? fileName.slice(0, fileName.lastIndexOf('.')) : fileName, PathOnClient: fileName,
    VersionData: res.bytes.toString('base64'), FirstPublishLocationId: caseId, Description: String(ref.description ?? '') || null,
  }, ctx);
  store.update('Seam_Outbox__c', rowId, { Status__c: 'Sent', Last_Error__c: null }, ctx);
  pullAudit(store, row, 'created', null, ctx, { attachment: { file: fileName, sha256, contentVersionId: versionId } });
  summary.created++;
  store.commit(ctx);
}
