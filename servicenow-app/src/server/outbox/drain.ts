/**
 * The scheduled drain: sends due outbox messages to Salesforce in sObject Collections calls
 * (one call per batch of up to 200), marks each row by its own save result, backs failures
 * off exponentially with jitter and dead-letters a message after the configured attempts.
 */
import { DEFAULT_BUDGET_POLICY, answerLost, budgetFor, credentialVerdict, formatServiceNowDateTime, usageDay } from '../generated/seam-core';
import { readCredential, readState, readUsage, writeState } from '../ops/state';
import { recordAudit } from '../audit/audit';
import { createRecords, type SObjectRecord } from '../clients/salesforce';
import type { Settings } from '../config';
import type { Ports, Row } from '../ports';
import { deliveryKey, markDelivered, type DeliveryOutcome } from '../sync/link';
import { TABLE } from '../tables';
import { afterFailure, isRetryable } from './backoff';
import { onQueued } from './debounce';
import { applyDelivery, type DeliverySwitch } from './delivery';
import { isPlainInsert, lookForLostCreates, type Sendable } from './lost-answer';
import { dueMessages, marksLinkState, recordFailedAttempt } from './outbox';
import { drainWebhooks, isWebhookRow } from './webhook';

/** Rows for Salesforce: every kind but the chat webhook's (a notice is expanded first, outbox/delivery.ts). */
// A notice and a file offer are only ever pulled (delivery poll); never pushed as they are.
const forSalesforce = (row: Row): boolean => !isWebhookRow(row) && row.kind !== 'impact_notice' && row.kind !== 'file_offer';

export interface DrainSummary {
    readonly calls: number;
    readonly sent: number;
    readonly failed: number;
    readonly deadLettered: number;
    /** Why nothing more was sent: the credential is refused, the org's API limit is reached, or delivery is poll. */
    readonly paused?: string;
    /** What this run's delivery setting moved (outbox/delivery.ts), when it moved anything. */
    readonly delivery?: DeliverySwitch;
}

type DrainSettings = Pick<Settings, 'syncEnabled' | 'batchSize' | 'batchesPerRun' | 'maxAttempts' | 'backoffBaseSeconds' | 'backoffMaxSeconds' | 'salesforceUrl' | 'salesforceApiVersion' | 'alertsWebhookUrl'> & Partial<Pick<Settings, 'salesforceDelivery'>>;

export function drainOutbox(ports: Ports, settings: DrainSettings): DrainSummary {
    let calls = 0;
    let sent = 0;
    let failed = 0;
    let deadLettered = 0;
    if (!settings.syncEnabled) return { calls, sent, failed, deadLettered };
    let delivery: { delivery?: DeliverySwitch } = {};
    const stop = (paused: string): DrainSummary => ({ calls, sent, failed, deadLettered, ...delivery, paused });

    // Chat posts first: they need no Salesforce credential or API budget, so a paused
    // Salesforce credential never holds back the sev-1 alert.
    const chat = drainWebhooks(ports, settings);
    sent += chat.sent;
    failed += chat.failed;
    deadLettered += chat.deadLettered;

    // The delivery property, read on every run: poll holds Salesforce-bound rows for the poller,
    // push releases the rows it had not pulled (outbox/delivery.ts).
    const moved = applyDelivery(ports, settings);
    delivery = moved.heldForPull + moved.released + moved.expanded + moved.awaitingAck + moved.withdrawn > 0 ? { delivery: moved } : {};
    if (settings.salesforceDelivery === 'poll') return { calls, sent, failed, deadLettered, ...delivery, paused: 'delivery poll: Salesforce pulls its messages from GET /v1/changes' };

    // A refused credential pauses the outbox: one probe call per run, and nothing is sent,
    // retried or dead-lettered until it succeeds (the guard clears the pause then).
    if (readCredential(ports).status === 'paused') {
        if (dueMessages(ports, 1, forSalesforce).length === 0) return stop('credential refused; nothing due');
        probeSalesforce(ports, settings);
        calls += 1;
        if (readCredential(ports).status === 'paused') return stop('credential refused; the probe failed, messages stay queued');
    }
    const policy = { baseSeconds: settings.backoffBaseSeconds, maxSeconds: settings.backoffMaxSeconds, maxAttempts: settings.maxAttempts };

    for (let batch = 0; batch < settings.batchesPerRun; batch += 1) {
        const rows = dueMessages(ports, settings.batchSize, forSalesforce);
        if (rows.length === 0) break;
        // Live sync is urgent traffic: it runs until the org's own limit, never past it.
        const budget = budgetFor(readUsage(ports, usageDay(ports.clock.nowMs())), DEFAULT_BUDGET_POLICY, 'urgent', 1);
        if (budget.calls === 0) return stop(budget.reason);

        // A payload that is not JSON can never be sent: dead-letter it now instead of retrying.
        const parsed: Sendable[] = [];
        for (const row of rows) {
            try {
                parsed.push({ row, record: JSON.parse(row.payload) as SObjectRecord });
            } catch {
                ports.records.update(TABLE.outbox, row.sys_id, {
                    status: 'dead_letter',
                    attempts: Number(row.attempts || '0') + 1,
                    last_error: 'payload: is not valid JSON; fix: re-create the message from its incident (it cannot be replayed as is)',
                });
                deadLettered += 1;
            }
        }
        if (parsed.length === 0) continue;

        // A CaseComment or Task whose earlier attempt lost its answer: look for what that attempt
        // created before sending it again (outbox/lost-answer.ts).
        const looked = lookForLostCreates(ports, settings, parsed, policy);
        calls += looked.calls;
        sent += looked.found.length;
        failed += looked.failed;
        deadLettered += looked.deadLettered;
        const foundDelivered: Record<string, DeliveryOutcome> = {};
        for (const { row } of looked.found) {
            const key = deliveryKey(row);
            if (key && marksLinkState(row.kind)) foundDelivered[key] = { ok: true };
        }
        markDelivered(ports, foundDelivered);
        if (looked.waiting > 0 && looked.send.length === 0) return stop('the org\'s daily API limit is reached: the lookup after a lost answer waits');
        const sendable = looked.send;
        if (sendable.length === 0) continue;

        const started = ports.clock.nowMs();
        // Names this collections call in each row's audit (first message and its attempt: unique per call), for "API calls per change".
        const callId = `${sendable[0].row.message_id}.${Number(sendable[0].row.attempts || '0') + 1}`;
        const outcome = createRecords(ports.http, settings, sendable.map((s) => s.record));
        calls += 1;
        const latencyMs = ports.clock.nowMs() - started;
        const now = ports.clock.nowMs();
        if (!outcome.ok && credentialVerdict(outcome.status, outcome.error, undefined, true) === 'broken') {
            // Not the messages' fault: they keep their attempts and wait for the credential.
            return stop(`credential refused: ${outcome.error.slice(0, 200)}`);
        }

        // Per incident, the last of its messages in this batch (they go in version order).
        const delivered: Record<string, DeliveryOutcome> = {};
        sendable.forEach(({ row, record }, i) => {
            const attempts = Number(row.attempts || '0') + 1;
            const result = outcome.ok ? outcome.results[i] : undefined;
            const success = result !== undefined && result.success;
            const error = outcome.ok ? (result?.error ?? 'no save result') : outcome.error;
            const retryable = outcome.ok ? true : isRetryable(outcome.status);
            if (success) {
                ports.records.update(TABLE.outbox, row.sys_id, {
                    status: 'sent',
                    attempts,
                    sent_at: formatServiceNowDateTime(now),
                    last_error: '',
                });
                sent += 1;
            } else {
                // The create may have been committed: the retry looks for it first (outbox/lost-answer.ts).
                const lostNow = !outcome.ok && !row.answer_lost_at && isPlainInsert(record) && answerLost(outcome.status, false);
                const next = retryable ? afterFailure(attempts, now, policy, ports.random()) : ({ status: 'dead_letter' } as const);
                const status = recordFailedAttempt(ports, row.sys_id, attempts, next, error, lostNow ? { answer_lost_at: formatServiceNowDateTime(started) } : {});
                if (status === 'dead_letter') deadLettered += 1;
                else failed += 1;
            }
            const key = deliveryKey(row);
            if (key && marksLinkState(row.kind)) delivered[key] = success ? { ok: true } : { ok: false, error: `${row.kind} attempt ${attempts}: ${error}` };
            const fieldsSent = Object.keys(record).filter((k) => k !== 'attributes');
            recordAudit(ports, {
                direction: 'outbound',
                operation: `${row.kind}:create`,
                target: record.attributes.type,
                targetId: success ? result?.id : undefined,
                caseId: row.sf_case_id,
                fields: fieldsSent,
                newValues: Object.fromEntries(fieldsSent.map((k) => [k, record[k]])),
                correlationId: row.correlation_id,
                idempotencyKey: row.idempotency_key,
                result: success ? 'success' : 'failed',
                httpStatus: outcome.status,
                // One collections call carries the whole batch; each row records the call's latency.
                latencyMs,
                detail: success ? `attempt ${attempts}; call=${callId}` : `attempt ${attempts}; call=${callId}: ${error}`,
            });
        });
        markDelivered(ports, delivered);
        if (!outcome.ok) break; // the endpoint is down: later batches would fail the same way
    }
    return { calls, sent, failed, deadLettered, ...delivery };
}

export type ImmediateDrain = DrainSummary | { readonly scheduled: string } | { readonly skipped: string };

/** Schedules the one-shot drain at a time; false when the platform refused (adapters/glide-trigger.ts). */
export interface DrainScheduler {
    scheduleDrain(atMs: number): boolean;
}

/** The pending one-shot drain's time (ops state `outbox_drain`), or null when none is pending. */
function pendingDrainAt(ports: Pick<Ports, 'records'>): { row: Row | null; atMs: number | null } {
    const row = readState(ports, 'outbox_drain');
    const atMs = row && row.status === 'scheduled' ? Number(row.value) : NaN;
    return { row, atMs: Number.isFinite(atMs) ? atMs : null };
}

/**
 * Event-driven send, debounced with a trailing send: the async rule that queued a message calls
 * this right after. The first message of a quiet spell schedules a one-shot drain `debounceMs`
 * later (a run-once trigger); the messages queued before it runs see the pending trigger and do
 * nothing; the drain then sends them all in ≤ batch-size collections calls. So a burst of 1,000
 * updates costs about 5 calls, not 1,000, and its last update waits at most the debounce plus
 * one drain, never the minute job (which stays the retry and catch-up path). It is the same drain
 * (backoff, credential pause, budget, per-incident version order: it only sends what
 * `dueMessages` releases). `debounceMs` 0 drains at once, one call per update. If the platform
 * refuses the trigger, the message is sent now rather than left for the job.
 * Two workers passing the check together schedule two triggers: the second drain finds little or
 * nothing (no call when nothing is due), never a lost or reordered update.
 */
export function drainAfterEvent(
    ports: Ports,
    settings: DrainSettings & Pick<Settings, 'debounceMs'>,
    scheduler: DrainScheduler,
): ImmediateDrain {
    if (!settings.syncEnabled) return { skipped: 'sync is switched off' };
    const now = ports.clock.nowMs();
    const pending = pendingDrainAt(ports);
    const decision = onQueued(now, pending.atMs, settings.debounceMs);
    if (decision.action === 'already_scheduled') return { skipped: `a drain is scheduled at ${formatServiceNowDateTime(decision.atMs)} and sends this message too` };
    if (decision.action === 'schedule') {
        const at = formatServiceNowDateTime(decision.atMs);
        // Mark before scheduling, so the rules of the same burst see the trigger as pending.
        writeState(ports, 'outbox_drain', { status: 'scheduled', value: String(decision.atMs), detail: `one-shot drain scheduled at ${at}` }, pending.row);
        if (scheduler.scheduleDrain(decision.atMs)) return { scheduled: at };
        ports.log.error(`Seam outbox: could not schedule the one-shot drain at ${at}; sending now instead. Fix: check that the event x_seam_bridge.outbox.drain is registered (Event Registry) and its script action "Seam: debounced outbox drain" is active, or set x_seam_bridge.outbox.debounce_ms to 0.`);
        writeState(ports, 'outbox_drain', { status: 'ok', value: '', detail: 'scheduling refused; drained at once' });
    }
    return drainOutbox(ports, settings);
}

/**
 * The drain both schedules run (the one-shot trigger and the minute job). Any run clears the
 * pending mark before it reads the outbox: a message queued before the clear is in the rows this
 * drain reads, one queued after it schedules a new trigger. (The minute job running before a
 * pending trigger clears it too: at worst one extra small drain, never a message left waiting.)
 */
export function drainScheduled(ports: Ports, settings: DrainSettings): DrainSummary {
    const pending = pendingDrainAt(ports);
    if (pending.atMs !== null) writeState(ports, 'outbox_drain', { status: 'ok', value: '', detail: 'drained; no drain pending' }, pending.row);
    return drainOutbox(ports, settings);
}

/** The cheapest authenticated call (`GET /limits`); the guard records its outcome. */
function probeSalesforce(ports: Ports, settings: DrainSettings): void {
    ports.http.send({
        message: 'Seam Salesforce',
        fn: 'query',
        method: 'GET',
        endpoint: `${settings.salesforceUrl}/services/data/${settings.salesforceApiVersion}/limits`,
        headers: { Accept: 'application/json' },
    });
}
