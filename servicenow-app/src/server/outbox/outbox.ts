/**
 * The outbox: every message to Salesforce is a row first, so a failed call is retried by the
 * scheduled job instead of being lost, and a replay reuses the same idempotency key. Enqueueing
 * the same idempotency key twice is a no-op (the business rule may fire twice for one change).
 */
import { formatServiceNowDateTime, messageId } from '../generated/seam-core';
import type { Ports, Row, RowValues } from '../ports';
import type { AfterFailure } from './backoff';
import type { SObjectRecord } from '../clients/salesforce';
import { TABLE, eq, type OutboxStatus } from '../tables';

/**
 * `critical_alert` goes to the chat webhook (outbox/webhook.ts), every other kind to Salesforce.
 * `impact_notice` exists only with delivery poll: Salesforce's poller turns it into the account
 * Tasks (sync/major-incident.ts); it is never pushed as it is. `file_offer` too: a file's metadata
 * for Salesforce's file puller (attachments/pull.ts); with delivery push the file job sends files.
 */
export type OutboxKind = 'incident_update' | 'resolution_summary' | 'impact_task' | 'impact_notice' | 'file_offer' | 'critical_alert';

/** Kinds Salesforce receives, pushed by the drain or pulled from GET /v1/changes. */
export const SALESFORCE_KINDS: readonly OutboxKind[] = ['incident_update', 'resolution_summary', 'impact_task', 'impact_notice', 'file_offer'];

/**
 * Whether a delivered row of this kind says anything about its link's sync state (sync/link.ts
 * markDelivered): account Tasks, a notice of them and a file's offer belong to no one Case's sync.
 */
export const marksLinkState = (kind: string): boolean => kind !== 'impact_task' && kind !== 'impact_notice' && kind !== 'file_offer';

export interface OutboundMessage {
    readonly kind: OutboxKind;
    readonly idempotencyKey: string;
    readonly record: SObjectRecord;
    readonly incidentSysId?: string;
    readonly caseId?: string;
    readonly correlationId?: string;
    /** Held messages wait for a person to release them (AI text before it is customer-visible). */
    readonly hold?: boolean;
    /**
     * Delivery `poll`: the row waits for Salesforce to read it from GET /v1/changes (api/changes.ts)
     * and is never sent by the drain, so an update never travels both ways.
     */
    readonly pull?: boolean;
}

export type EnqueueResult =
    | { readonly status: 'queued'; readonly sysId: string; readonly messageId: string }
    | { readonly status: 'duplicate'; readonly sysId: string };

export function enqueue(ports: Pick<Ports, 'records'>, message: OutboundMessage): EnqueueResult {
    const existing = ports.records.find(TABLE.outbox, eq('idempotency_key', message.idempotencyKey), { limit: 1, fields: ['sys_id'] });
    if (existing.length > 0) return { status: 'duplicate', sysId: existing[0].sys_id };
    const id = messageId(message.idempotencyKey);
    const status: OutboxStatus = message.hold ? 'held' : message.pull ? 'awaiting_pull' : 'pending';
    const sysId = ports.records.insert(TABLE.outbox, {
        message_id: id,
        idempotency_key: message.idempotencyKey,
        kind: message.kind,
        sobject_type: message.record.attributes.type,
        payload: JSON.stringify(message.record),
        incident: message.incidentSysId ?? '',
        sf_case_id: message.caseId ?? '',
        correlation_id: message.correlationId ?? '',
        status,
        attempts: 0,
        next_attempt_at: '',
        last_error: '',
    });
    return { status: 'queued', sysId, messageId: id };
}

/** The Link_Version__c a row carries (0 when its payload has none). */
function rowVersion(row: Row): number {
    try {
        const v = Number((JSON.parse(row.payload || '{}') as { Link_Version__c?: unknown }).Link_Version__c);
        return Number.isFinite(v) ? v : 0;
    } catch {
        return 0;
    }
}

/**
 * Rows the drain may send now: pending or failed and due, oldest due first, and each incident's
 * updates in version order. Salesforce drops an update older than one it applied as stale, so a
 * newer update must never overtake an older one: an update waiting for its retry, or sitting in
 * the dead letter until someone replays it, holds back the newer updates of its incident.
 */
export function dueMessages(ports: Pick<Ports, 'records' | 'clock'>, limit: number, only: (row: Row) => boolean = () => true): Row[] {
    const now = formatServiceNowDateTime(ports.clock.nowMs());
    // Glide stores date-times as UTC "YYYY-MM-DD HH:mm:ss", which sorts and compares as text.
    const rows = ports.records.find(TABLE.outbox, 'statusINpending,failed,dead_letter', { orderBy: 'next_attempt_at' });
    const isDue = (r: Row): boolean => r.status !== 'dead_letter' && (r.next_attempt_at === '' || r.next_attempt_at <= now);
    const ordered = (r: Row): boolean => r.kind === 'incident_update' && r.incident !== '';
    const firstWaiting: Record<string, number> = {};
    for (const r of rows) {
        if (isDue(r) || !ordered(r)) continue;
        const v = rowVersion(r);
        if (!(r.incident in firstWaiting) || v < firstWaiting[r.incident]) firstWaiting[r.incident] = v;
    }
    const due = rows.filter((r) => only(r) && isDue(r) && !(ordered(r) && r.incident in firstWaiting && rowVersion(r) >= firstWaiting[r.incident]));
    // Per incident ascending version, keeping the due order between incidents and other kinds.
    const key = (r: Row): string => (ordered(r) ? r.incident : r.sys_id);
    const position: Record<string, number> = {};
    due.forEach((r, i) => { if (!(key(r) in position)) position[key(r)] = i; });
    due.sort((a, b) => position[key(a)] - position[key(b)] || (ordered(a) && ordered(b) ? rowVersion(a) - rowVersion(b) : 0));
    return due.slice(0, limit);
}

export type ReplayResult = { readonly replayed: number; readonly skipped: readonly { sysId: string; reason: string }[] };

/**
 * Puts dead letters, failed and held messages back to pending with a fresh attempt budget.
 * Sent messages are not replayed: Salesforce already accepted them (and would drop the
 * duplicate by idempotency key anyway).
 */
export function replay(ports: Pick<Ports, 'records'>, sysIds: readonly string[]): ReplayResult {
    let replayed = 0;
    const skipped: { sysId: string; reason: string }[] = [];
    for (const sysId of sysIds) {
        const row = ports.records.get(TABLE.outbox, sysId, ['sys_id', 'status']);
        if (!row) {
            skipped.push({ sysId, reason: 'no such outbox message' });
            continue;
        }
        if (row.status === 'sent' || row.status === 'pending') {
            skipped.push({ sysId, reason: `status is ${row.status}; only dead letters, failed and held messages are replayed` });
            continue;
        }
        // A fresh receipt budget too: a replayed update gets its republishes again.
        ports.records.update(TABLE.outbox, sysId, { status: 'pending', attempts: 0, next_attempt_at: '', last_error: '', republishes: 0 });
        replayed += 1;
    }
    return { replayed, skipped };
}

/** Bulk replay: every dead letter (optionally only those matching an extra encoded query). */
export function replayDeadLetters(ports: Pick<Ports, 'records'>, extraQuery = '', limit = 1000): ReplayResult {
    const q = extraQuery ? `status=dead_letter^${extraQuery}` : 'status=dead_letter';
    const rows = ports.records.find(TABLE.outbox, q, { limit, fields: ['sys_id', 'status'] });
    return replay(ports, rows.map((r) => r.sys_id));
}

/**
 * Writes a failed attempt on its outbox row: due again at the backoff's time, or a dead letter.
 * `extra` holds what the caller's kind of failure also records (e.g. `answer_lost_at`).
 */
export function recordFailedAttempt(ports: Pick<Ports, 'records'>, sysId: string, attempts: number, next: AfterFailure, error: string, extra: RowValues = {}): AfterFailure['status'] {
    ports.records.update(TABLE.outbox, sysId, {
        status: next.status,
        attempts,
        next_attempt_at: next.status === 'failed' ? formatServiceNowDateTime(next.nextAttemptAtMs) : '',
        last_error: error.slice(0, 4000),
        ...extra,
    });
    return next.status;
}
