// @ts-check
/**
 * The event bus's side of an Apex platform-event trigger, as the Platform Events Developer Guide
 * documents it, and the package's `SeamIncidentUpdateTrigger` on it:
 *
 * - Delivery is in batches of up to the trigger's batch size (2,000 by default; a
 *   `PlatformEventSubscriberConfig` can lower it), oldest replay id first.
 * - The trigger may call `setResumeCheckpoint(replayId)`. When it ends early (returns with a
 *   checkpoint before the batch's last event) or with an uncaught exception such as a
 *   `System.LimitException`, the next batch starts with the event after the checkpoint; work saved up
 *   to the checkpoint stays, work after it is rolled back.
 * - An uncaught exception with no checkpoint set rolls the whole batch back, and its events are not
 *   delivered again ("the current batch of events is no longer available"): they are lost.
 *
 * - `EventBus.RetryableException` ("Comparing setResumeCheckpoint() and EventBus.RetryableException"):
 *   every DML of the invocation is rolled back, checkpointed chunks included, and the whole batch is
 *   delivered again (with any newer events) with `retries` + 1; the trigger may be retried nine times
 *   after the first run, then the subscription goes to the error state and stops.
 *
 * The trigger mirrors `SeamIncidentUpdateHandler`: it applies and saves the batch in chunks (the first
 * of FIRST_CHUNK_SIZE events, then CHUNK_SIZE) and checkpoints after each saved chunk, so a limit
 * exception after the first event loses nothing; a Case row locked while a chunk is saved throws
 * RetryableException while `retries` < MAX_RETRIES, and after that the events of that Case in the chunk
 * are audited `error` (not applied), as the handler's markFailed does.
 */

import { normalizeId } from './ids.js';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME } from './store.js';

/** Events the handler applies and saves together before it checkpoints (SeamIncidentUpdateHandler.CHUNK_SIZE). */
export const CHUNK_SIZE = 200;
/** SeamIncidentUpdateHandler.FIRST_CHUNK_SIZE: the first chunk of a delivery, checkpointed before any other. */
export const FIRST_CHUNK_SIZE = 1;
/** SeamIncidentUpdateHandler.MAX_RETRIES: RetryableExceptions the handler throws for locked rows before it gives up. */
export const MAX_RETRIES = 8;
/** The platform: a trigger may be retried nine times after its first run, then it goes to the error state. */
export const PLATFORM_MAX_RETRIES = 9;
/** The platform's default (and largest) batch size of a platform-event trigger. */
export const MAX_BATCH_SIZE = 2000;

/** What Apex throws when a governor limit is hit; it cannot be caught. */
export class LimitException extends Error {}
/** EventBus.RetryableException, thrown by the handler: roll the invocation back, deliver the batch again. */
export class RetryableException extends Error {}

/**
 * @typedef {import('./store.js').PlatformEvent} PlatformEvent
 * @typedef {{ messageId: string, remaining: number }} LimitFault
 * @typedef {{ replayIds: number[], checkpoint: number | null, outcome: 'completed' | 'limit_exception' | 'retry', error?: string, retries: number }} BatchRecord
 *   `retries`: EventBus.TriggerContext.retries of that invocation
 */

/**
 * @param {import('./store.js').Store} store
 * @param {{ batchSize?: number, chunkSize?: number, firstChunkSize?: number, runAs?: { userId: string, userName: string } }} [options] `chunkSize` / `firstChunkSize`:
 *   the handler's (tests set them to show what an older handler did); `runAs`: the trigger's running
 *   user (PlatformEventSubscriberConfig.user), who owns what the handler writes (default: the
 *   integration user, store.applyIncidentUpdate)
 */
export function createEventBus(store, options = {}) {
  const batchSize = options.batchSize ?? MAX_BATCH_SIZE;
  const chunkSize = options.chunkSize ?? CHUNK_SIZE;
  const firstChunkSize = options.firstChunkSize ?? FIRST_CHUNK_SIZE;
  if (!(batchSize >= 1 && batchSize <= MAX_BATCH_SIZE)) throw new Error(`Salesforce twin: batchSize ${batchSize} is out of range; PlatformEventSubscriberConfig allows 1 through 2000`);
  /** Published, not yet delivered to the trigger. @type {PlatformEvent[]} */
  const pending = [];
  /** Events the platform gave up on (an uncaught exception with no checkpoint). @type {PlatformEvent[]} */
  const dropped = [];
  /** Every trigger invocation, for tests. @type {BatchRecord[]} */
  const batches = [];
  /** @type {LimitFault[]} */
  const limitFaults = [];
  /** Case rows locked by another transaction while a chunk holding this event is saved. @type {LimitFault[]} */
  const lockFaults = [];
  let paused = false;
  let delivering = false;
  /** EventBus.TriggerContext.retries of the next invocation (RetryableExceptions since the batch last moved on). */
  let retries = 0;
  let errorState = false;

  /**
   * The Case ids whose row is locked while this chunk is saved (injected), consuming the faults.
   * @param {PlatformEvent[]} chunk
   */
  function lockedCases(chunk) {
    /** @type {Set<string>} */
    const out = new Set();
    for (const f of [...lockFaults]) {
      const hit = chunk.find((e) => e.payload.Message_Id__c === f.messageId);
      if (!hit) continue;
      out.add(String(normalizeId(hit.payload.Case_Id__c) ?? hit.payload.Case_Id__c));
      if (--f.remaining <= 0) lockFaults.splice(lockFaults.indexOf(f), 1);
    }
    return out;
  }

  /**
   * One trigger invocation: SeamIncidentUpdateHandler.run, chunk by chunk, in one Apex transaction
   * (`outer`): a RetryableException rolls all of it back, a LimitException only the unsaved chunk.
   * @param {PlatformEvent[]} batch
   * @returns {BatchRecord}
   */
  function invokeTrigger(batch) {
    /** @type {BatchRecord} */
    const record = { replayIds: batch.map((e) => e.replayId), checkpoint: null, outcome: 'completed', retries };
    /** Signals to publish after the transaction commits (none if it is rolled back). @type {Set<string>[]} */
    const signals = [];
    const outer = { userId: '', userName: '', inbound: true, after: [] };
    try {
      store.transaction(outer, () => {
        for (let i = 0; i < batch.length;) {
          const chunk = batch.slice(i, i + (i === 0 ? firstChunkSize : chunkSize));
          i += chunk.length;
          const ctx = { userId: '', userName: '', inbound: true, after: [] };
          /** @type {Set<string>} */
          const changed = new Set();
          try {
            store.transaction(ctx, () => {
              const locked = lockedCases(chunk);
              if (locked.size > 0 && retries < MAX_RETRIES) {
                // SeamIncidentUpdateHandler.save: a locked row and retries left.
                throw new RetryableException('Case rows locked by another transaction; Seam retries the batch');
              }
              for (const event of chunk) {
                const caseId = String(normalizeId(event.payload.Case_Id__c) ?? event.payload.Case_Id__c);
                if (locked.has(caseId)) {
                  // Out of retries: markFailed audits the Case's events of this chunk as errors, not applied.
                  store.create('Seam_Audit__c', { Case__c: caseId, Direction__c: 'sn_to_sf', Actor__c: 'servicenow', Correlation_Id__c: event.payload.Correlation_Id__c ?? null,
                    Message_Id__c: event.payload.Message_Id__c ?? null, Result__c: 'error', Detail__c: 'UNABLE_TO_LOCK_ROW: unable to obtain exclusive access to this record' }, ctx);
                  continue;
                }
                if (store.applyIncidentUpdate(event, options.runAs).result === 'applied') changed.add(String(event.payload.Case_Id__c));
              }
              // The chunk's save: an injected governor limit fires here, after the work and before the checkpoint.
              const fault = limitFaults.find((f) => chunk.some((e) => e.payload.Message_Id__c === f.messageId));
              if (fault) {
                if (--fault.remaining <= 0) limitFaults.splice(limitFaults.indexOf(fault), 1);
                throw new LimitException(`System.LimitException: Too many DML rows: 10001 (injected while saving the chunk with ${fault.messageId})`);
              }
            });
          } catch (e) {
            if (!(e instanceof LimitException)) throw e;
            record.outcome = 'limit_exception';
            record.error = e.message;
            return; // the saved chunks up to the checkpoint stay
          }
          // setResumeCheckpoint: only after the chunk's work is saved.
          record.checkpoint = chunk[chunk.length - 1].replayId;
          signals.push(changed);
        }
      });
    } catch (e) {
      if (!(e instanceof RetryableException)) throw e;
      // Everything of this invocation is rolled back, checkpoints included; the batch comes again.
      record.outcome = 'retry';
      record.error = e.message;
      record.checkpoint = null;
      return record;
    }
    store.commit(outer);
    // The handler's Seam_Case_Signal__e (publish after commit): only the ids, for the panels.
    const signal = { userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] };
    for (const changed of signals) for (const id of changed) store.create('Seam_Case_Signal__e', { Case_Id__c: normalizeId(id) ?? id }, signal);
    store.commit(signal);
    return record;
  }

  function drain() {
    if (delivering) return;
    delivering = true;
    try {
      while (!paused && !errorState && pending.length > 0) {
        const batch = pending.slice(0, batchSize);
        const r = invokeTrigger(batch);
        batches.push(r);
        const last = batch[batch.length - 1].replayId;
        if (r.outcome === 'retry') {
          // Delivered again, whole, with retries + 1; past nine retries the subscription stops.
          retries++;
          if (retries > PLATFORM_MAX_RETRIES) errorState = true;
          continue;
        }
        retries = 0;
        if (r.outcome === 'completed' && (r.checkpoint === null || r.checkpoint === last)) {
          pending.splice(0, batch.length);
        } else if (r.checkpoint !== null) {
          // Resume with the event after the checkpoint.
          pending.splice(0, batch.findIndex((e) => e.replayId === r.checkpoint) + 1);
        } else {
          // An uncaught exception before any checkpoint: the platform does not resend the batch.
          dropped.push(...pending.splice(0, batch.length));
        }
      }
    } finally {
      delivering = false;
    }
  }

  return {
    batchSize,
    /** Hands a committed event to the trigger (now, unless paused). @param {PlatformEvent} event */
    publish(event) { pending.push(event); drain(); },
    /** Holds delivery, so published events gather into one batch (as under load on the platform). */
    pause() { paused = true; },
    /** Delivers what is pending, in batches of up to `batchSize`. */
    resume() { paused = false; drain(); },
    get pending() { return pending.length; },
    /** Events lost because the trigger died before it set a checkpoint. */
    get dropped() { return dropped; },
    /** Every trigger invocation: its replay ids, its checkpoint, how it ended. */
    get batches() { return batches; },
    /**
     * The next `times` saves of a chunk holding the event with this Message_Id__c throw a
     * System.LimitException (a DML failure mid-batch that Apex cannot catch).
     * @param {{ messageId: string, times?: number }} spec
     */
    limitExceptionAt(spec) { limitFaults.push({ messageId: spec.messageId, remaining: spec.times ?? 1 }); },
    /**
     * The next `times` saves of a chunk holding the event with this Message_Id__c find its Case row locked
     * (UNABLE_TO_LOCK_ROW): the handler throws EventBus.RetryableException while retries are left.
     * @param {{ messageId: string, times?: number }} spec
     */
    lockedAt(spec) { lockFaults.push({ messageId: spec.messageId, remaining: spec.times ?? 1 }); },
    /** The subscription went to the error state (retried more than nine times) and delivers nothing more. */
    get errorState() { return errorState; },
  };
}

/** @typedef {ReturnType<typeof createEventBus>} EventBus */
