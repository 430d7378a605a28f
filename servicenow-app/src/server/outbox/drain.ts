/**
 * The scheduled drain: sends due outbox messages to Salesforce in sObject Collections calls
 * (one call per batch of up to 200), marks each row by its own save result, backs failures
 * off exponentially with jitter and dead-letters a message after the configured attempts.
 */
import { DEFAULT_BUDGET_POLICY, budgetFor, credentialVerdict, formatServiceNowDateTime, usageDay } from '../generated/seam-core';
import { readCredential, readState, readUsage, writeState } from '../ops/state';
import { recordAudit } from '../audit/audit';
import { createRecords, type SObjectRecord } from '../clients/salesforce';
import type { Settings } from '../config';
import type { Ports, Row } from '../ports';
import { markDelivered, type DeliveryOutcome } from '../sync/link';
import { TABLE } from '../tables';
import { afterFailure, isRetryable } from './backoff';
import { dueMessages } from './outbox';

export interface DrainSummary {
    readonly calls: number;
    readonly sent: number;
    readonly failed: number;
    readonly deadLettered: number;
    /** Why nothing more was sent: the credential is refused, or the org's API limit is reached. */
    readonly paused?: string;
}

type DrainSettings = Pick<Settings, 'syncEnabled' | 'batchSize' | 'batchesPerRun' | 'maxAttempts' | 'backoffBaseSeconds' | 'backoffMaxSeconds' | 'salesforceUrl' | 'salesforceApiVersion'>;

export function drainOutbox(ports: Ports, settings: DrainSettings): DrainSummary {
    let calls = 0;
    let sent = 0;
    let failed = 0;
    let deadLettered = 0;
    if (!settings.syncEnabled) return { calls, sent, failed, deadLettered };
    const stop = (paused: string): DrainSummary => ({ calls, sent, failed, deadLettered, paused });

    // A refused credential pauses the outbox: one probe call per run, and nothing is sent,
    // retried or dead-lettered until it succeeds (the guard clears the pause then).
    if (readCredential(ports).status === 'paused') {
        if (dueMessages(ports, 1).length === 0) return stop('credential refused; nothing due');
        probeSalesforce(ports, settings);
        calls += 1;
        if (readCredential(ports).status === 'paused') return stop('credential refused; the probe failed, messages stay queued');
    }
    const policy = { baseSeconds: settings.backoffBaseSeconds, maxSeconds: settings.backoffMaxSeconds, maxAttempts: settings.maxAttempts };

    for (let batch = 0; batch < settings.batchesPerRun; batch += 1) {
        const rows = dueMessages(ports, settings.batchSize);
        if (rows.length === 0) break;
        // Live sync is urgent traffic: it runs until the org's own limit, never past it.
        const budget = budgetFor(readUsage(ports, usageDay(ports.clock.nowMs())), DEFAULT_BUDGET_POLICY, 'urgent', 1);
        if (budget.calls === 0) return stop(budget.reason);

        // A payload that is not JSON can never be sent: dead-letter it now instead of retrying.
        const sendable: { row: Row; record: SObjectRecord }[] = [];
        for (const row of rows) {
            try {
                sendable.push({ row, record: JSON.parse(row.payload) as SObjectRecord });
            } catch {
                ports.records.update(TABLE.outbox, row.sys_id, {
                    status: 'dead_letter',
                    attempts: Number(row.attempts || '0') + 1,
                    last_error: 'payload: is not valid JSON; fix: re-create the message from its incident (it cannot be replayed as is)',
                });
                deadLettered += 1;
            }
        }
        if (sendable.length === 0) continue;

        const started = ports.clock.nowMs();
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
                const next = retryable ? afterFailure(attempts, now, policy, ports.random()) : ({ status: 'dead_letter' } as const);
                ports.records.update(TABLE.outbox, row.sys_id, {
                    status: next.status,
                    attempts,
                    next_attempt_at: next.status === 'failed' ? formatServiceNowDateTime(next.nextAttemptAtMs) : '',
                    last_error: error.slice(0, 4000),
                });
                if (next.status === 'dead_letter') deadLettered += 1;
                else failed += 1;
            }
            if (row.incident && row.kind !== 'impact_task') delivered[row.incident] = success ? { ok: true } : { ok: false, error: `${row.kind} attempt ${attempts}: ${error}` };
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
                detail: success ? `attempt ${attempts}` : `attempt ${attempts}: ${error}`,
            });
        });
        markDelivered(ports, delivered);
        if (!outcome.ok) break; // the endpoint is down: later batches would fail the same way
    }
    return { calls, sent, failed, deadLettered };
}

export type ImmediateDrain = DrainSummary | { readonly skipped: string };

/**
 * Event-driven send: the async rule that queued a message calls this right after, so the Case
 * updates in seconds instead of at the next minute's job; the job stays the retry and catch-up path.
 * It is the same drain (backoff, credential pause, budget and per-incident version order all hold:
 * it only ever sends what `dueMessages` releases, ≤ batch size per call).
 * Each drain sends everything pending at that moment, so a backlog (an outage, a sweep's repairs,
 * updates piling up while the async workers are busy) goes in batched calls, not one per message.
 * An async rule queues only its own message, though, so when the rules of a burst run one after
 * another each would send alone. Hence the optional leading-edge throttle
 * (`immediateDrainIntervalMs`): events within the interval of a drain's start skip, and the next
 * event after it sends everything queued meanwhile in one call: a burst of 1,000 updates then
 * costs about one call per interval. Its price is the tail: the last updates of a burst wait for
 * the scheduled job (there is no timer to fire a trailing drain), which is why it is off (0) by
 * default: a person's single change must not wait a minute. Two workers passing the check
 * together both drain: Salesforce drops the second copy by idempotency key, so the cost is a
 * duplicate call, never a lost or reordered update.
 */
export function drainAfterEvent(ports: Ports, settings: DrainSettings & Pick<Settings, 'immediateDrainIntervalMs'>): ImmediateDrain {
    if (!settings.syncEnabled) return { skipped: 'sync is switched off' };
    const now = ports.clock.nowMs();
    const last = readState(ports, 'outbox_drain');
    const lastMs = last ? Number(last.value) : NaN;
    if (settings.immediateDrainIntervalMs > 0 && Number.isFinite(lastMs) && now >= lastMs && now - lastMs < settings.immediateDrainIntervalMs) {
        return { skipped: `a drain started ${now - lastMs} ms ago; the next event or the scheduled job sends the rest` };
    }
    // Claim before sending, so the events that arrive while this drain runs skip it.
    writeState(ports, 'outbox_drain', { status: 'ok', value: String(now), detail: 'immediate drain after a queued message' }, last);
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
