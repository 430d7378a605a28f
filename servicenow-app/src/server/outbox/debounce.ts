/**
 * The debounce of the event-driven send, as pure decisions (no clock, no Glide): the async rule
 * that queued a message asks `onQueued` what to do; outbox/drain.ts keeps the pending mark and
 * adapters/glide-trigger.ts schedules.
 */

/** What the rule that just queued a message does about sending it. */
export type DebounceDecision =
    /** debounce 0: drain now, as the rule runs (one call per update in a burst). */
    | { readonly action: 'send_now' }
    /** No drain is pending: schedule one at `atMs`; it sends everything queued until then. */
    | { readonly action: 'schedule'; readonly atMs: number }
    /** A drain is already scheduled at `atMs` and will send this message too: do nothing. */
    | { readonly action: 'already_scheduled'; readonly atMs: number };

/**
 * A pending trigger this late is presumed lost (a node restart, a deleted sys_trigger): schedule a
 * new one rather than wait for the minute job. A duplicate trigger costs a drain that finds little.
 */
export const LOST_TRIGGER_MS = 60_000;

/** The scheduled job that is the retry and catch-up path; the one-shot trigger runs its script. */
export const DRAIN_JOB_NAME = 'Seam: drain outbox to Salesforce';

/**
 * @param nowMs the time the message was queued
 * @param pendingAtMs when the scheduled drain runs, or null when none is pending
 * @param debounceMs the `x_seam_bridge.outbox.debounce_ms` property (0 = send at once)
 */
export function onQueued(nowMs: number, pendingAtMs: number | null, debounceMs: number): DebounceDecision {
    if (debounceMs <= 0) return { action: 'send_now' };
    if (pendingAtMs !== null && Number.isFinite(pendingAtMs) && pendingAtMs + LOST_TRIGGER_MS > nowMs) {
        return { action: 'already_scheduled', atMs: pendingAtMs };
    }
    // Whole seconds, up: a trigger's next_action has second precision, and the drain it starts
    // must not run before the time the mark says (or it would not clear the mark).
    return { action: 'schedule', atMs: Math.ceil((nowMs + debounceMs) / 1000) * 1000 };
}
