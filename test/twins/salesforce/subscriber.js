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
 * The trigger mirrors `SeamIncidentUpdateHandler`: it applies and saves the batch in chunks of
 * CHUNK_SIZE events and checkpoints after each saved chunk, so a limit exception loses nothing.
 */

import { normalizeId } from './ids.js';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME } from './store.js';

/** Events the handler applies and saves together before it checkpoints (SeamIncidentUpdateHandler.CHUNK_SIZE). */
export const CHUNK_SIZE = 200;
/** The platform's default (and largest) batch size of a platform-event trigger. */
export const MAX_BATCH_SIZE = 2000;

/** What Apex throws when a governor limit is hit; it cannot be caught. */
export class LimitException extends Error {}

/**
 * @typedef {import('./store.js').PlatformEvent} PlatformEvent
 * @typedef {{ messageId: string, remaining: number }} LimitFault
 * @typedef {{ replayIds: number[], checkpoint: number | null, outcome: 'completed' | 'limit_exception', error?: string }} BatchRecord
 */

/**
 * @param {import('./store.js').Store} store
 * @param {{ batchSize?: number, chunkSize?: number }} [options]
 */
export function createEventBus(store, options = {}) {
  const batchSize = options.batchSize ?? MAX_BATCH_SIZE;
  const chunkSize = options.chunkSize ?? CHUNK_SIZE;
  if (!(batchSize >= 1 && batchSize <= MAX_BATCH_SIZE)) throw new Error(`Salesforce twin: batchSize ${batchSize} is out of range; PlatformEventSubscriberConfig allows 1 through 2000`);
  /** Published, not yet delivered to the trigger. @type {PlatformEvent[]} */
  const pending = [];
  /** Events the platform gave up on (an uncaught exception with no checkpoint). @type {PlatformEvent[]} */
  const dropped = [];
  /** Every trigger invocation, for tests. @type {BatchRecord[]} */
  const batches = [];
  /** @type {LimitFault[]} */
  const limitFaults = [];
  let paused = false;
  let delivering = false;

  /**
   * One trigger invocation: SeamIncidentUpdateHandler.run, chunk by chunk.
   * @param {PlatformEvent[]} batch
   * @returns {BatchRecord}
   */
  function invokeTrigger(batch) {
    /** @type {number | null} */
    let checkpoint = null;
    /** @type {BatchRecord} */
    const record = { replayIds: batch.map((e) => e.replayId), checkpoint: null, outcome: 'completed' };
    for (let i = 0; i < batch.length; i += chunkSize) {
      const chunk = batch.slice(i, i + chunkSize);
      const ctx = { userId: '', userName: '', inbound: true, after: [] };
      /** @type {Set<string>} */
      const changed = new Set();
      try {
        store.transaction(ctx, () => {
          for (const event of chunk) {
            if (store.applyIncidentUpdate(event).result === 'applied') changed.add(String(event.payload.Case_Id__c));
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
        break;
      }
      // setResumeCheckpoint: only after the chunk's work is saved.
      checkpoint = chunk[chunk.length - 1].replayId;
      record.checkpoint = checkpoint;
      // The handler's Seam_Case_Signal__e (publish after commit): only the ids, for the panels.
      const signal = { userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] };
      for (const id of changed) store.create('Seam_Case_Signal__e', { Case_Id__c: normalizeId(id) ?? id }, signal);
      store.commit(signal);
    }
    return record;
  }

  function drain() {
    if (delivering) return;
    delivering = true;
    try {
      while (!paused && pending.length > 0) {
        const batch = pending.slice(0, batchSize);
        const r = invokeTrigger(batch);
        batches.push(r);
        const last = batch[batch.length - 1].replayId;
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
  };
}

/** @typedef {ReturnType<typeof createEventBus>} EventBus */
