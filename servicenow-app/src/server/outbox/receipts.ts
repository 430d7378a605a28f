/**
 * The receipt check, run by the outbox job after each drain: every pushed `Incident_Update__e`
 * stays on its outbox row (`sent`, no `confirmed_at`) until Salesforce's audit shows the package's
 * trigger processed it. For rows sent longer ago than `outbox.receipt_window_seconds`, ONE SOQL
 * per batch of up to 200 reads the trigger's `Seam_Audit__c` rows of their message ids through the
 * guarded Salesforce client; the shared `decideReceipts` then confirms, republishes or dead-letters
 * each row. Why: a limit exception on the first event of a delivery drops the whole delivery
 * inside Salesforce and nothing there can notice (shared/src/receipts.ts). A republish is the same
 * row back to `pending` with the shared `republishEvent` payload (same message id, a new link
 * version, the link's newest values, the original comments), so the drain sends it in the
 * incident's version order and a dead letter of it is replayed like any other.
 */
import {
    DEFAULT_BUDGET_POLICY,
    MAX_REPUBLISHES,
    RECEIPT_CHUNK,
    budgetFor,
    decideReceipts,
    formatIso,
    formatServiceNowDateTime,
    receiptQuery,
    republishEvent,
    usageDay,
    type ReceiptVerdict,
} from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import { query } from '../clients/salesforce';
import type { Settings } from '../config';
import { readCredential, readUsage } from '../ops/state';
import type { Ports, Row } from '../ports';
import { findLinkByCase, findLinkByIncident, saveLink } from '../sync/link';
import { TABLE } from '../tables';

type ReceiptSettings = Pick<Settings, 'syncEnabled' | 'receiptWindowSeconds' | 'batchesPerRun' | 'salesforceUrl' | 'salesforceApiVersion'> & Partial<Pick<Settings, 'salesforceDelivery'>>;

export interface ReceiptSummary {
    readonly checked: number;
    readonly calls: number;
    readonly confirmed: number;
    readonly republished: number;
    readonly deadLettered: number;
    /** Why the check did not run, or stopped early. */
    readonly stopped?: string;
}

const FIELDS = ['message_id', 'idempotency_key', 'payload', 'incident', 'sf_case_id', 'correlation_id', 'republishes', 'sent_at'];

/** The rows waiting for a receipt: pushed incident updates sent before `cutoff` and not confirmed. */
export function awaitingQuery(cutoff: string): string {
    // Strictly before: sent_at holds whole seconds, so `<` waits at least the full window.
    return `kind=incident_update^status=sent^confirmed_atISEMPTY^sent_at<${cutoff}`;
}

export function checkReceipts(ports: Ports, settings: ReceiptSettings): ReceiptSummary {
    let checked = 0;
    let calls = 0;
    let confirmed = 0;
    let republished = 0;
    let deadLettered = 0;
    const summary = (stopped?: string): ReceiptSummary => ({ checked, calls, confirmed, republished, deadLettered, ...(stopped ? { stopped } : {}) });
    if (!settings.syncEnabled) return summary('sync is switched off');
    if (settings.receiptWindowSeconds === 0) return summary('x_seam_bridge.outbox.receipt_window_seconds is 0: receipts are off');
    // Delivery poll: this instance may not call out, so it cannot ask. Rows pushed before the switch
    // keep waiting for their receipt and are checked when delivery is push again.
    if (settings.salesforceDelivery === 'poll') return summary('x_seam_bridge.salesforce.delivery is poll: this instance does not call Salesforce');
    // A refused credential: the drain's probe resumes it; until then asking would fail the same way.
    if (readCredential(ports).status === 'paused') return summary('credential refused');

    const cutoff = formatServiceNowDateTime(ports.clock.nowMs() - settings.receiptWindowSeconds * 1000);
    for (let batch = 0; batch < settings.batchesPerRun; batch += 1) {
        const rows = ports.records.find(TABLE.outbox, awaitingQuery(cutoff), { orderBy: 'sent_at', limit: RECEIPT_CHUNK, fields: FIELDS });
        if (rows.length === 0) break;
        // Receipts belong to live sync (what they repair is a lost update): urgent, never past the org's limit.
        const budget = budgetFor(readUsage(ports, usageDay(ports.clock.nowMs())), DEFAULT_BUDGET_POLICY, 'urgent', 1);
        if (budget.calls === 0) return summary(budget.reason);
        const answer = query(ports.http, settings, receiptQuery(rows.map((r) => r.message_id)));
        calls += 1;
        if (!answer.ok) {
            // The rows stay as they are: the next run asks again. Say what to fix when it is access.
            ports.log.error(`Seam receipts: Salesforce refused the audit query (${answer.error.slice(0, 300)}); the rows wait for the next run. Fix: the integration user needs Read on Seam_Audit__c and its Message_Id__c and Result__c fields (permission set Seam_Integration)`);
            return summary(`query failed: ${answer.error.slice(0, 200)}`);
        }
        const audits = answer.records.map((r) => ({ messageId: String(r.Message_Id__c ?? ''), result: String(r.Result__c ?? '') }));
        const byId: Record<string, Row> = {};
        for (const r of rows) byId[r.sys_id] = r;
        const verdicts = decideReceipts(rows.map((r) => ({ id: r.sys_id, messageId: r.message_id, republishes: Number(r.republishes || '0') })), audits, MAX_REPUBLISHES);
        for (const v of verdicts) {
            checked += 1;
            const outcome = apply(ports, byId[v.id], v);
            if (outcome === 'confirmed') confirmed += 1;
            else if (outcome === 'republished') republished += 1;
            else deadLettered += 1;
        }
        if (rows.length < RECEIPT_CHUNK) break;
    }
    return summary();
}

function apply(ports: Ports, row: Row, v: ReceiptVerdict): 'confirmed' | 'republished' | 'dead_lettered' {
    const now = ports.clock.nowMs();
    if (v.action === 'confirm') {
        ports.records.update(TABLE.outbox, row.sys_id, { confirmed_at: formatServiceNowDateTime(now), receipt: v.result });
        return 'confirmed';
    }
    const audit = (operation: string, result: 'success' | 'failed', detail: string, newValues?: Record<string, unknown>): void => recordAudit(ports, {
        direction: 'outbound', operation, target: 'Incident_Update__e', caseId: row.sf_case_id, correlationId: row.correlation_id,
        idempotencyKey: row.idempotency_key, result, latencyMs: 0, detail: `${row.message_id}: ${detail}`, ...(newValues ? { newValues } : {}),
    });
    const deadLetter = (reason: string): 'dead_lettered' => {
        ports.records.update(TABLE.outbox, row.sys_id, { status: 'dead_letter', last_error: reason.slice(0, 4000), receipt: 'none' });
        audit('incident_update:no_receipt', 'failed', reason);
        return 'dead_lettered';
    };
    if (v.action === 'dead_letter') return deadLetter(v.reason);

    const link = row.incident ? findLinkByIncident(ports, row.incident) : row.sf_case_id ? findLinkByCase(ports, row.sf_case_id) : null;
    if (!link) return deadLetter(`${v.reason}; not republished: the case is no longer linked (fix: link it again, then Replay)`);
    let original: Record<string, unknown>;
    try {
        original = JSON.parse(row.payload) as Record<string, unknown>;
    } catch {
        return deadLetter(`${v.reason}; not republished: the payload is not valid JSON (fix: re-create the message from its incident)`);
    }
    const again = republishEvent(original, link.state, formatIso(now));
    const note = again.keptAsSent.length ? `; ${again.keptAsSent.join(', ')} sent as the original had them (the link did not know their newest value)` : '';
    ports.records.update(TABLE.outbox, row.sys_id, {
        status: 'pending',
        payload: JSON.stringify(again.event),
        attempts: 0,
        next_attempt_at: '',
        sent_at: '',
        republishes: v.republish,
        receipt: 'none',
        last_error: `${v.reason}${note}`.slice(0, 4000),
    });
    // The new version is the link's: the next change of the incident is numbered after it.
    saveLink(ports, link, again.link, { syncState: 'pending' });
    audit('incident_update:republish', 'success', `${v.reason}; version ${String(original.Link_Version__c)} → ${again.version}${note}`, { Link_Version__c: again.version, Fields_Json__c: again.event.Fields_Json__c });
    return 'republished';
}
