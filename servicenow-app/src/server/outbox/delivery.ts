/**
 * Switching x_seam_bridge.salesforce.delivery, read by the drain on every run (so the switch takes
 * effect on the next run, with no migration step):
 * - push → poll: Salesforce-bound rows still pending or failed (a retry waiting) become
 *   awaiting_pull, so Salesforce's poller reads them and the drain never pushes them (the instance
 *   may not call out any more). Their attempts stay as history. Dead letters stay dead letters: a
 *   replay puts one back to pending, and the next run moves it to awaiting_pull.
 * - poll → push: awaiting_pull rows become pending and the drain sends them in its usual order
 *   (per incident by link version), each once. Except a row the feed already served and Salesforce
 *   has not acknowledged yet (the poller acknowledges a page with its next request): Salesforce may
 *   have applied it. An Incident_Update__e is applied once whatever arrives twice (message id and
 *   link version), so it is released; a CaseComment or Task is not, so it stays awaiting_pull until
 *   the poller's next request acknowledges it (the feed keeps acknowledging with delivery push).
 *   A major-incident notice is expanded into its account Tasks here (sync/major-incident.ts). A file
 *   offer never served is withdrawn and its file queued for the file job again (attachments/pull.ts);
 *   one served waits for the acknowledgement like a CaseComment (Salesforce may have pulled it).
 *   The other way, queued files are offered by the file job's next run (offerQueuedAttachments).
 * The chat webhook (critical_alert) goes to Slack or Teams, not Salesforce: always pushed.
 */
import { formatServiceNowDateTime } from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import type { Settings } from '../config';
import { readState } from '../ops/state';
import type { Ports, Row } from '../ports';
import { withdrawOffer } from '../attachments/pull';
import { expandNotice } from '../sync/major-incident';
import { TABLE } from '../tables';
import { SALESFORCE_KINDS } from './outbox';

/** The ops state the feed writes: the furthest cursor it served (api/changes.ts). */
export const FEED_STATE = 'changes_feed';
const FIELDS = ['sys_id', 'sys_created_on', 'kind', 'status', 'payload', 'incident', 'sf_case_id', 'correlation_id', 'idempotency_key'];
const SALESFORCE = `kindIN${SALESFORCE_KINDS.join(',')}`;

/** A row's place in the feed's (second, sys_id) order, comparable as text with a served cursor. */
export const feedPosition = (row: Row): string => `${row.sys_created_on.replace(' ', 'T')}Z_${row.sys_id}`;

export interface DeliverySwitch {
    /** Rows moved from pending/failed to awaiting_pull (delivery poll). */
    readonly heldForPull: number;
    /** Rows moved from awaiting_pull to pending (delivery push). */
    readonly released: number;
    /** Notices expanded into account Tasks (delivery push). */
    readonly expanded: number;
    /** Served, not yet acknowledged CaseComment/Task/file-offer rows left for the poller's acknowledgement. */
    readonly awaitingAck: number;
    /** File offers never served, withdrawn so the file job pushes the file (delivery push). */
    readonly withdrawn: number;
}

export function applyDelivery(ports: Ports, settings: Pick<Settings, 'salesforceUrl' | 'salesforceApiVersion'> & Partial<Pick<Settings, 'salesforceDelivery'>>): DeliverySwitch {
    const result = { heldForPull: 0, released: 0, expanded: 0, awaitingAck: 0, withdrawn: 0 };
    if (settings.salesforceDelivery === 'poll') {
        for (const row of ports.records.find(TABLE.outbox, `${SALESFORCE}^statusINpending,failed`, { fields: FIELDS })) {
            ports.records.update(TABLE.outbox, row.sys_id, { status: 'awaiting_pull', next_attempt_at: '' });
            result.heldForPull += 1;
        }
        if (result.heldForPull) ports.log.info(`Seam outbox: delivery is poll; ${result.heldForPull} queued message(s) now wait for Salesforce's poller (GET /v1/changes) instead of being pushed`);
        return result;
    }
    const waiting = ports.records.find(TABLE.outbox, `${SALESFORCE}^status=awaiting_pull`, { orderBy: 'sys_created_on', fields: FIELDS });
    if (waiting.length === 0) return result;
    const served = readState(ports, FEED_STATE);
    const servedUpTo = served ? served.value : '';
    for (const row of waiting) {
        const maybeApplied = servedUpTo !== '' && feedPosition(row) <= servedUpTo;
        if (maybeApplied && row.kind !== 'incident_update') {
            result.awaitingAck += 1;
            continue;
        }
        if (row.kind === 'file_offer') {
            // Never served, so Salesforce cannot have it: the file job pushes the file instead.
            withdrawOffer(ports, row);
            recordAudit(ports, {
                direction: 'outbound', operation: 'file_offer:withdraw', target: 'ContentVersion', caseId: row.sf_case_id, correlationId: row.correlation_id, idempotencyKey: row.idempotency_key,
                result: 'success', latencyMs: 0, detail: 'delivery push: the offer was never served; the file is queued for the file job again',
            });
            result.withdrawn += 1;
            continue;
        }
        if (row.kind === 'impact_notice') {
            const expansion = expandNotice(ports, settings, row);
            if (expansion.status === 'query_failed') continue; // asked again next run; nothing lost
            ports.records.update(TABLE.outbox, row.sys_id, expansion.status === 'expanded'
                ? { status: 'sent', sent_at: formatServiceNowDateTime(ports.clock.nowMs()), last_error: '' }
                : { status: 'dead_letter', last_error: `${expansion.error}; fix: raise the incident to priority 1 again to queue a new notice` });
            recordAudit(ports, {
                direction: 'outbound', operation: 'impact_notice:expand', target: 'Task', caseId: row.sf_case_id, correlationId: row.correlation_id, idempotencyKey: row.idempotency_key,
                result: expansion.status === 'expanded' ? 'success' : 'failed', latencyMs: 0,
                detail: expansion.status === 'expanded' ? `delivery push: notice expanded into ${expansion.tasks} account task(s) (${expansion.duplicates} already queued)` : expansion.error,
            });
            result.expanded += 1;
            continue;
        }
        ports.records.update(TABLE.outbox, row.sys_id, { status: 'pending', next_attempt_at: '' });
        result.released += 1;
    }
    if (result.released) ports.log.info(`Seam outbox: delivery is push; ${result.released} message(s) Salesforce had not pulled are sent by the drain`);
    if (result.awaitingAck) {
        ports.log.info(`Seam outbox: delivery is push; ${result.awaitingAck} comment/task/file message(s) were served to Salesforce's poller and are not acknowledged yet, so they are not pushed (Salesforce may have applied them). Keep Seam_Polling__c enabled until its next run; it acknowledges them.`);
    }
    return result;
}
