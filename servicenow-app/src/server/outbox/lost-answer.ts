/**
 * Before the drain sends a CaseComment or a Task again whose earlier attempt lost its answer
 * (`answer_lost_at` set: no HTTP answer, a 5xx, an unreadable 2xx; shared `answerLost`), it asks
 * Salesforce for the record that attempt may have created: one SOQL per sObject type per batch,
 * through the guarded client and counted against the API budget like any call. The shared
 * `matchLostCreates` compares the bodies; a found record marks its row sent with that id (audited
 * "found after a lost answer"), the others are sent. Why: both are plain inserts, so a retry
 * after a committed but unanswered create would show the customer the summary twice or give the
 * account owner two Tasks (shared/src/lostanswer.ts).
 */
import {
    DEFAULT_BUDGET_POLICY,
    LOOKUP_TYPES,
    budgetFor,
    formatServiceNowDateTime,
    lostAnswerQueries,
    matchLostCreates,
    parseDateTime,
    usageDay,
    type LostCreate,
} from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import { query, type SObjectRecord } from '../clients/salesforce';
import type { Settings } from '../config';
import { readUsage } from '../ops/state';
import type { Ports, Row } from '../ports';
import { TABLE } from '../tables';
import { afterFailure, type BackoffPolicy } from './backoff';
import { recordFailedAttempt } from './outbox';

export interface Sendable {
    readonly row: Row;
    readonly record: SObjectRecord;
}

export interface LostAnswerLook {
    /** What the drain still sends, in the batch's order. */
    readonly send: Sendable[];
    readonly calls: number;
    /** Rows marked sent with the record their lost attempt created. */
    readonly found: Sendable[];
    /** Rows whose lookup failed: a failed attempt (backoff, then dead letter), not sent. */
    readonly failed: number;
    readonly deadLettered: number;
    /** The budget allowed no lookup: these rows wait for the next run, untouched. */
    readonly waiting: number;
}

/** A record Salesforce has no key for (CaseComment, Task): sending it twice makes two. */
export const isPlainInsert = (record: SObjectRecord): boolean => LOOKUP_TYPES.indexOf(record.attributes.type) >= 0;

/** Whether a row's earlier attempt lost its answer and its record is a plain insert. */
export const needsLookup = (s: Sendable): boolean => !!s.row.answer_lost_at && isPlainInsert(s.record);

export function lookForLostCreates(
    ports: Ports,
    settings: Pick<Settings, 'salesforceUrl' | 'salesforceApiVersion'>,
    sendable: readonly Sendable[],
    policy: BackoffPolicy,
): LostAnswerLook {
    const uncertain = sendable.filter(needsLookup);
    let calls = 0;
    let failed = 0;
    let deadLettered = 0;
    let waiting = 0;
    if (uncertain.length === 0) return { send: sendable.slice(), calls, found: [], failed, deadLettered, waiting };

    const bySysId: Record<string, Sendable> = {};
    for (const s of uncertain) bySysId[s.row.sys_id] = s;
    const lost: LostCreate[] = uncertain.map((s) => {
        const at = parseDateTime(s.row.answer_lost_at);
        return { id: s.row.sys_id, type: s.record.attributes.type, record: s.record, lostAtMs: at.ok ? at.value : 0 };
    });
    const held = new Set<string>();
    const found: Sendable[] = [];
    const now = ports.clock.nowMs();
    for (const q of lostAnswerQueries(lost)) {
        // Live sync traffic: urgent, never past the org's own limit.
        if (budgetFor(readUsage(ports, usageDay(now)), DEFAULT_BUDGET_POLICY, 'urgent', 1).calls === 0) {
            for (const r of q.rows) held.add(r.id);
            waiting += q.rows.length;
            continue;
        }
        const answer = query(ports.http, settings, q.soql);
        calls += 1;
        if (!answer.ok) {
            // Not sent: sending without knowing could make the duplicate this lookup is for.
            for (const r of q.rows) {
                held.add(r.id);
                const s = bySysId[r.id];
                const attempts = Number(s.row.attempts || '0') + 1;
                const next = afterFailure(attempts, now, policy, ports.random());
                const error = `lookup after a lost answer failed (${answer.error.slice(0, 300)}); not sent again until Salesforce says whether the earlier attempt created the ${q.type}. Fix: the integration user needs Read on ${q.type} (permission set Seam_Integration)`;
                if (recordFailedAttempt(ports, s.row.sys_id, attempts, next, error) === 'dead_letter') deadLettered += 1;
                else failed += 1;
                audit(ports, s, 'failed', undefined, `attempt ${attempts}: ${error}`, answer.status);
            }
            continue;
        }
        for (const v of matchLostCreates(q.rows, answer.records)) {
            if (v.action !== 'found') continue;
            held.add(v.id);
            const s = bySysId[v.id];
            const attempts = Number(s.row.attempts || '0');
            ports.records.update(TABLE.outbox, s.row.sys_id, { status: 'sent', sent_at: formatServiceNowDateTime(now), last_error: '' });
            audit(ports, s, 'success', v.recordId, `found after a lost answer: ${q.type} ${v.recordId} was created by the attempt of ${s.row.answer_lost_at} (attempt ${attempts} or earlier); not sent again`, 200);
            found.push(s);
        }
    }
    return { send: sendable.filter((s) => !held.has(s.row.sys_id)), calls, found, failed, deadLettered, waiting };
}

function audit(ports: Ports, s: Sendable, result: 'success' | 'failed', targetId: string | undefined, detail: string, httpStatus: number): void {
    const fields = Object.keys(s.record).filter((k) => k !== 'attributes');
    recordAudit(ports, {
        direction: 'outbound',
        operation: `${s.row.kind}:create`,
        target: s.record.attributes.type,
        targetId,
        caseId: s.row.sf_case_id,
        fields,
        newValues: Object.fromEntries(fields.map((k) => [k, s.record[k]])),
        correlationId: s.row.correlation_id,
        idempotencyKey: s.row.idempotency_key,
        result,
        httpStatus,
        latencyMs: 0,
        detail,
    });
}
