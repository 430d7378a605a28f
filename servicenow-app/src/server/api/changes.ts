/**
 * GET /v1/changes?cursor=…&limit=200: the polling fallback's feed, for instances that may not call
 * out (delivery `poll`, config.ts). It serves every Salesforce-bound outbox row, oldest first: the
 * Incident_Update__e records the outbound decision queued (sync/outbound.ts: ownership-filtered,
 * echo-free, versioned), exactly as the drain would have published them, and the resolution
 * summary's CaseComment, the major incident's notice (or Task rows queued before the switch) with
 * their message id (feedRecord). Salesforce's SeamChangesPoller applies the updates through the
 * same handler as the Platform Event trigger (a replayed page applies once: the handler skips a
 * message or link version it has seen) and the other records once per message id. A file is
 * offered as metadata only (`Seam_File`, attachments/pull.ts): Salesforce fetches the bytes from the
 * Attachment API in a job of its own. The chat webhook is never Salesforce's.
 * With delivery push the feed serves nothing new (the drain sends it), only what it served before,
 * and keeps acknowledging, so a switch back to push neither strands nor doubles a page.
 *
 * The cursor is the last served row's `sys_created_on` plus its `sys_id`: rows are ordered by
 * (second, sys_id), so two rows written in the same second are never skipped, and rows of the last
 * `settle_seconds` are held back so none can land behind a cursor already handed out. Asking with a
 * cursor acknowledges every row up to it (the poller only moves its cursor after it applied the
 * page): those rows become `pulled` and their links `in_sync`, audited once per row.
 */
import { formatServiceNowDateTime, type FieldProblem } from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import type { Settings } from '../config';
import type { Ports, Row } from '../ports';
import { deliveryKey, markDelivered } from '../sync/link';
import { FEED_STATE, feedPosition } from '../outbox/delivery';
import { SALESFORCE_KINDS, marksLinkState } from '../outbox/outbox';
import { readState, writeState } from '../ops/state';
import { markOfferPulled } from '../attachments/pull';
import { TABLE, eq } from '../tables';
import { badRequest, type ApiResponse } from './http';

/** The sObject Collections limit, and the poller's page: one Queueable applies one page. */
export const MAX_CHANGES_LIMIT = 200;
const KINDS = `kindIN${SALESFORCE_KINDS.join(',')}`;
const FEED = `${KINDS}^statusINawaiting_pull,pulled`;
const FIELDS = ['sys_id', 'sys_created_on', 'payload', 'status', 'kind', 'sobject_type', 'message_id', 'incident', 'idempotency_key', 'sf_case_id', 'correlation_id'];

export interface ChangesCursor {
    /** Glide date-time, UTC `YYYY-MM-DD HH:mm:ss`. */
    readonly at: string;
    readonly sysId: string;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})Z_([0-9a-f]{32})$/;

/** `2026-12-02T18:00:01Z_<sys_id>`: readable in a log, no characters a query string must escape. */
export function formatCursor(row: Row): string {
    return feedPosition(row);
}

export type CursorResult = { readonly ok: true; readonly value: ChangesCursor | null } | { readonly ok: false; readonly error: FieldProblem };

export function parseCursor(raw: string | undefined): CursorResult {
    if (raw === undefined || raw === '') return { ok: true, value: null };
    const m = CURSOR.exec(raw);
    if (!m || Number.isNaN(Date.parse(`${m[1]}T${m[2]}Z`))) {
        return {
            ok: false,
            error: {
                field: 'cursor',
                problem: `is "${raw.slice(0, 80)}", not a changes cursor (YYYY-MM-DDTHH:mm:ssZ_<32-hex sys_id>)`,
                fix: 'pass the nextCursor of the previous page unchanged, or no cursor to start from the oldest change',
            },
        };
    }
    return { ok: true, value: { at: `${m[1]} ${m[2]}`, sysId: m[3] } };
}

export type LimitResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: FieldProblem };

export function parseLimit(raw: string | undefined): LimitResult {
    if (raw === undefined || raw === '') return { ok: true, value: MAX_CHANGES_LIMIT };
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1 || n > MAX_CHANGES_LIMIT) {
        return { ok: false, error: { field: 'limit', problem: `is "${raw.slice(0, 20)}", not a whole number from 1 to ${MAX_CHANGES_LIMIT}`, fix: `pass limit=${MAX_CHANGES_LIMIT} (the default) or less` } };
    }
    return { ok: true, value: n };
}

export interface ChangesRequest {
    readonly cursor?: string;
    readonly limit?: string;
}

/** Rows after `cursor`, in (second, sys_id) order, at most `limit`, none newer than `until`. */
function rowsAfter(ports: Pick<Ports, 'records'>, cursor: ChangesCursor | null, limit: number, until: string): Row[] {
    const bound = `^sys_created_on<${until}`;
    const sameSecond = (at: string, afterId: string, max: number): Row[] =>
        ports.records.find(TABLE.outbox, `${FEED}^${eq('sys_created_on', at)}${afterId ? `^sys_id>${afterId}` : ''}`, { orderBy: 'sys_id', limit: max, fields: FIELDS });
    const rows: Row[] = cursor ? sameSecond(cursor.at, cursor.sysId, limit) : [];
    if (rows.length >= limit) return rows;
    const later = ports.records.find(TABLE.outbox, `${FEED}${cursor ? `^sys_created_on>${cursor.at}` : ''}${bound}`, { orderBy: 'sys_created_on', limit: limit - rows.length, fields: FIELDS });
    if (later.length === 0) return rows;
    // The limit may cut a second short, and one field sorts only by second: re-read the page's last
    // second in sys_id order, so the page ends on a (second, sys_id) boundary.
    const lastSecond = later[later.length - 1].sys_created_on;
    const whole = later.filter((r) => r.sys_created_on !== lastSecond);
    return rows.concat(whole, sameSecond(lastSecond, '', limit - rows.length - whole.length));
}

/** Rows up to and including `cursor` that still wait: the poller applied them before asking on. */
function acknowledge(ports: Ports, cursor: ChangesCursor, raw: string): number {
    const waiting = ports.records.find(TABLE.outbox, `${KINDS}^status=awaiting_pull^sys_created_on<=${cursor.at}`, { fields: FIELDS })
        .filter((r) => r.sys_created_on < cursor.at || r.sys_id <= cursor.sysId);
    if (waiting.length === 0) return 0;
    const now = formatServiceNowDateTime(ports.clock.nowMs());
    const delivered: Record<string, { ok: true }> = {};
    for (const row of waiting) {
        ports.records.update(TABLE.outbox, row.sys_id, { status: 'pulled', sent_at: now, last_error: '' });
        const key = deliveryKey(row);
        if (key && marksLinkState(row.kind)) delivered[key] = { ok: true };
        // A file's offer: Salesforce recorded the file's work; its puller fetches the bytes.
        if (row.kind === 'file_offer') markOfferPulled(ports, row);
        recordAudit(ports, {
            direction: 'outbound',
            operation: `${row.kind || 'incident_update'}:pulled`,
            target: row.sobject_type || 'Incident_Update__e',
            caseId: row.sf_case_id,
            correlationId: row.correlation_id,
            idempotencyKey: row.idempotency_key,
            result: 'success',
            latencyMs: 0,
            detail: `applied by Salesforce's SeamChangesPoller; acknowledged by cursor ${raw}`,
        });
    }
    markDelivered(ports, delivered);
    return waiting.length;
}

/**
 * One change as the poller reads it: an Incident_Update__e exactly as the drain would publish it;
 * any other record (a CaseComment, a Task, a major-incident notice) with its outbox message id and
 * idempotency key in `attributes`, which the poller keys "applied once" on (an applied Seam_Audit__c).
 */
function feedRecord(row: Row): unknown {
    const record = JSON.parse(row.payload) as { attributes?: Record<string, unknown> };
    if ((row.sobject_type || 'Incident_Update__e') === 'Incident_Update__e') return record;
    return { ...record, attributes: { ...(record.attributes ?? {}), type: row.sobject_type, messageId: row.message_id, idempotencyKey: row.idempotency_key, kind: row.kind } };
}

export function getChanges(ports: Ports, settings: Pick<Settings, 'syncEnabled' | 'salesforceDelivery' | 'pollSettleSeconds'>, request: ChangesRequest): ApiResponse {
    const cursor = parseCursor(request.cursor);
    const limit = parseLimit(request.limit);
    const problems = [cursor, limit].flatMap((r) => (r.ok ? [] : [r.error]));
    if (!cursor.ok || !limit.ok) return badRequest(`${problems.map((p) => p.field).join(' and ')} ${problems.length > 1 ? 'are' : 'is'} not valid`, problems.map((p) => `${p.field} ${p.problem}; fix: ${p.fix}`).join('. '), problems);
    if (!settings.syncEnabled) {
        return { status: 503, body: { error: { message: 'Seam sync is switched off', detail: 'x_seam_bridge.sync.enabled is false; no changes are queued or served', problems: [] } } };
    }
    const acknowledged = cursor.value ? acknowledge(ports, cursor.value, request.cursor ?? '') : 0;
    const until = formatServiceNowDateTime(Math.floor(ports.clock.nowMs() / 1000) * 1000 - settings.pollSettleSeconds * 1000);
    // One row more than asked: whether another page follows, without a second call.
    const served = readState(ports, FEED_STATE);
    const servedUpTo = served ? served.value : '';
    let rows = rowsAfter(ports, cursor.value, limit.value + 1, until);
    // Delivery push: the drain sends what was never served (outbox/delivery.ts); the feed only
    // serves again what it served before, so a page the poller failed to apply is not stranded.
    if (settings.salesforceDelivery !== 'poll') rows = rows.filter((r) => servedUpTo !== '' && formatCursor(r) <= servedUpTo);
    const page = rows.slice(0, limit.value);
    const changes: unknown[] = [];
    for (const row of page) {
        try {
            changes.push(feedRecord(row));
        } catch {
            // Never silently: the poller counts it, the log names the row; the cursor moves past it.
            ports.log.error(`Seam changes feed: outbox row ${row.sys_id} has a payload that is not JSON; fix: re-send its incident (Resync on the Case or the reconcile sweep)`);
            changes.push({ attributes: { type: 'Incident_Update__e' }, Idempotency_Key__c: row.idempotency_key, Case_Id__c: row.sf_case_id, Invalid__c: 'payload is not valid JSON' });
        }
    }
    const last = page[page.length - 1];
    if (last && formatCursor(last) > servedUpTo) writeState(ports, FEED_STATE, { status: 'ok', value: formatCursor(last), detail: 'the furthest change served to Salesforce\'s poller' }, served);
    return {
        status: 200,
        body: {
            changes,
            nextCursor: last ? formatCursor(last) : (request.cursor ?? ''),
            hasMore: rows.length > limit.value,
            acknowledged,
            delivery: settings.salesforceDelivery,
        },
    };
}
