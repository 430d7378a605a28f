// @ts-check
/**
 * Apex callout limits, as the Apex Developer Guide ("Callout Limits and Limitations", "Execution
 * Governors and Limits") states them, for the twin's mirrors of the package's Queueables:
 *
 * - a callout waits at most its own timeout (`HttpRequest.setTimeout`, 1 ms to 120,000 ms); an answer
 *   later than that is a `System.CalloutException` ("Read timed out"), whatever the server then did;
 * - all callouts of one transaction together may take 120 s ("the maximum cumulative timeout for
 *   callouts by a single Apex transaction is 120 seconds; this time is additive across all callouts");
 *   a callout that would run past it is a `System.CalloutException` too;
 * - at most 100 callouts per transaction.
 *
 * One meter per transaction (a Queueable run, a file job). The twin cannot cut a callout off while it
 * runs: it waits for `send` and then judges the elapsed time (by the twin's clock), so a late answer is
 * discarded as the platform would have discarded it.
 */

/** Limits.getLimitCallouts(). */
export const MAX_CALLOUTS = 100;
/** The cumulative callout time of one Apex transaction. */
export const TRANSACTION_CALLOUT_MS = 120_000;
/** The longest timeout one callout may set. */
export const MAX_CALLOUT_TIMEOUT_MS = 120_000;

/** What the platform throws; Apex can catch it. */
export class CalloutException extends Error {}

/**
 * @typedef {{ usedMs: number, callouts: number }} CalloutMeter  one transaction's callout time and count
 */

/** @param {number} [usedMs] callout time already used (tests start a transaction part-used, as the Apex tests set calloutMsUsed) @returns {CalloutMeter} */
export function newTransaction(usedMs = 0) {
  return { usedMs, callouts: 0 };
}

/**
 * One callout under the platform's rules.
 * @template T
 * @param {CalloutMeter} meter the transaction's meter
 * @param {number} timeoutMs what the Apex code set with setTimeout
 * @param {() => number} now the twin's clock
 * @param {() => Promise<T>} call the request itself
 * @returns {Promise<T>}
 * @throws {CalloutException} past the callout count, the callout's timeout or the transaction's callout time
 */
export async function callout(meter, timeoutMs, now, call) {
  if (!(timeoutMs >= 1 && timeoutMs <= MAX_CALLOUT_TIMEOUT_MS)) throw new Error(`Salesforce twin: a callout timeout of ${timeoutMs} ms is outside 1–${MAX_CALLOUT_TIMEOUT_MS}; the Apex would not compile to this`);
  if (meter.callouts >= MAX_CALLOUTS) throw new CalloutException(`System.LimitException: Too many callouts: ${MAX_CALLOUTS + 1}`);
  meter.callouts++;
  const left = TRANSACTION_CALLOUT_MS - meter.usedMs;
  const cutAt = Math.min(timeoutMs, left);
  const started = now();
  /** @type {T} */
  let result;
  try {
    result = await call();
  } catch (e) {
    meter.usedMs += Math.min(Math.max(0, now() - started), cutAt);
    throw e;
  }
  const elapsed = Math.max(0, now() - started);
  if (elapsed > cutAt) {
    meter.usedMs += cutAt;
    throw new CalloutException(cutAt < timeoutMs
      ? `Exceeded maximum time allotted for callout (${TRANSACTION_CALLOUT_MS} ms)`
      : 'Read timed out');
  }
  meter.usedMs += elapsed;
  return result;
}
