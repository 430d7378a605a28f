/**
 * ServiceNow → Salesforce files: a new attachment on a linked incident is queued (one row in
 * x_seam_bridge_attachment) unless the shared decision says no: mirrored from Salesforce, content
 * the link already has, too large or a blocked type. The send job posts each queued file as a
 * ContentVersion (base64 VersionData, FirstPublishLocationId = the Case), tagged with its origin
 * and hash so the Salesforce trigger never sends it back. With delivery poll the job offers them in
 * the changes feed instead, and Salesforce pulls the bytes (attachments/pull.ts).
 */
import { DEFAULT_BUDGET_POLICY, budgetFor, usageDay } from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import { readCredential, readUsage } from '../ops/state';
import type { Settings } from '../config';
import { afterFailure, isRetryable, type BackoffPolicy } from '../outbox/backoff';
import type { Ports, Row } from '../ports';
import { findLinkByIncident } from '../sync/link';
import { offerQueuedAttachments } from './pull';
import { eq } from '../tables';
import {
    ATTACHMENT_TABLE, SYS_ATTACHMENT, attachmentSettings, decideAttachment, formatServiceNowDateTime, hashOfBase64, knownHashes, type AttachmentContent,
} from './attachments';

export type AttachmentOutcome =
    | { readonly status: 'disabled' | 'not_incident' | 'not_linked' | 'gone' | 'mirrored_here' }
    | { readonly status: 'queued' | 'skipped'; readonly reason?: string; readonly sha256: string };

/** The async rule on sys_attachment insert (table_name = incident) calls this. */
export function onAttachmentAdded(ports: Ports, content: AttachmentContent, sysAttachmentId: string): AttachmentOutcome {
    const cfg = attachmentSettings(ports.properties);
    if (!cfg.enabled) return { status: 'disabled' };
    const att = ports.records.get(SYS_ATTACHMENT, sysAttachmentId, ['table_name', 'table_sys_id', 'file_name', 'content_type', 'size_bytes']);
    if (!att) return { status: 'gone' };
    if (att.table_name !== 'incident') return { status: 'not_incident' };
    const link = findLinkByIncident(ports, att.table_sys_id);
    const caseId = link ? link.state.caseId ?? link.row.sf_case_id : '';
    if (!link || !caseId) return { status: 'not_linked' };
    // A file the inbound route wrote carries a row that says it came from Salesforce.
    const tracked = ports.records.find(ATTACHMENT_TABLE, eq('sys_attachment', sysAttachmentId), { fields: ['origin', 'direction', 'sha256'], limit: 1 });
    if (tracked.length && tracked[0].direction === 'inbound') return { status: 'mirrored_here' };
    // The rule fired again for the same file: it is already queued (or was refused) once.
    if (tracked.length) return { status: 'skipped', reason: 'duplicate', sha256: tracked[0].sha256 };

    const base64 = content.base64(sysAttachmentId);
    const hash = hashOfBase64(base64);
    const sha256 = hash ? hash.sha256 : '';
    const decision = decideAttachment({
        here: 'servicenow',
        file: { fileName: att.file_name, sizeBytes: hash ? hash.sizeBytes : Number(att.size_bytes || '0'), sha256 },
        knownHashes: knownHashes(ports.records, att.table_sys_id),
        policy: cfg.policy,
    });
    ports.records.insert(ATTACHMENT_TABLE, {
        incident: att.table_sys_id, sf_case_id: caseId, sys_attachment: sysAttachmentId, file_name: att.file_name, content_type: att.content_type,
        size_bytes: hash ? hash.sizeBytes : Number(att.size_bytes || '0'), sha256, origin: 'servicenow', direction: 'outbound',
        status: decision.send ? 'queued' : 'skipped', reason: decision.send ? '' : decision.reason, attempts: 0, next_attempt_at: '',
        last_error: decision.send ? '' : decision.detail,
    });
    return decision.send ? { status: 'queued', sha256 } : { status: 'skipped', reason: decision.reason, sha256 };
}

/** `report.final.pdf` → `report.final` (ContentVersion.Title). */
const titleOf = (fileName: string): string => (fileName.lastIndexOf('.') > 0 ? fileName.slice(0, fileName.lastIndexOf('.')) : fileName) || 'file';

export interface SendSummary {
    readonly sent: number;
    readonly failed: number;
    readonly deadLettered: number;
    /** Delivery poll: files offered in the changes feed instead (attachments/pull.ts). */
    readonly offered?: number;
}

/**
 * Sends due queued files, one `POST /sobjects/ContentVersion` each, with the outbox's backoff
 * and dead letter. At most `limit` files per run: a file call is large, the job runs every minute.
 */
export function sendQueuedAttachments(
    ports: Ports,
    settings: Pick<Settings, 'syncEnabled' | 'salesforceUrl' | 'salesforceApiVersion' | 'maxAttempts' | 'backoffBaseSeconds' | 'backoffMaxSeconds'> & Partial<Pick<Settings, 'salesforceDelivery'>>,
    content: AttachmentContent,
    limit = 20,
): SendSummary {
    const summary = { sent: 0, failed: 0, deadLettered: 0 };
    if (!settings.syncEnabled || !attachmentSettings(ports.properties).enabled) return summary;
    // Delivery poll: this instance may not call out. Each queued file is offered in the changes feed
    // (metadata only); Salesforce's SeamFilePuller fetches the bytes. No attempt is spent here.
    if (settings.salesforceDelivery === 'poll') return { ...summary, offered: offerQueuedAttachments(ports).offered };
    // A refused credential pauses files too (the outbox drain probes and clears the pause); files
    // are bulk traffic for the API budget guard: they slow down and stop before live sync does.
    if (readCredential(ports).status === 'paused') return summary;
    const budget = budgetFor(readUsage(ports, usageDay(ports.clock.nowMs())), DEFAULT_BUDGET_POLICY, 'bulk', limit);
    if (budget.calls === 0) return summary;
    const now = ports.clock.nowMs();
    const nowSn = formatServiceNowDateTime(now);
    // Due = never tried or its backoff has passed (date-times compare as text in this format).
    const due = ports.records
        .find(ATTACHMENT_TABLE, 'direction=outbound^statusINqueued,failed', {
            fields: ['sys_attachment', 'sf_case_id', 'incident', 'file_name', 'sha256', 'attempts', 'status', 'next_attempt_at'],
            limit: 10 * limit,
            orderBy: 'sys_created_on',
        })
        .filter((r) => !r.next_attempt_at || r.next_attempt_at <= nowSn)
        .slice(0, budget.calls);
    const policy: BackoffPolicy = { baseSeconds: settings.backoffBaseSeconds, maxSeconds: settings.backoffMaxSeconds, maxAttempts: settings.maxAttempts };
    for (const row of due) {
        const started = ports.clock.nowMs();
        const res = sendOne(ports, settings, content, row);
        const attempts = Number(row.attempts || '0') + 1;
        if (res.ok) {
            ports.records.update(ATTACHMENT_TABLE, row.sys_id, { status: 'sent', sf_content_version_id: res.id, attempts, last_error: '' });
            summary.sent++;
        } else {
            const next = isRetryable(res.status) ? afterFailure(attempts, now, policy, ports.random()) : ({ status: 'dead_letter' } as const);
            ports.records.update(ATTACHMENT_TABLE, row.sys_id, {
                status: next.status, attempts, last_error: res.error.slice(0, 1000),
                next_attempt_at: next.status === 'failed' ? formatServiceNowDateTime(next.nextAttemptAtMs) : '',
            });
            if (next.status === 'dead_letter') summary.deadLettered++;
            else summary.failed++;
        }
        recordAudit(ports, {
            direction: 'outbound', operation: 'attachment:ContentVersion', target: 'ContentVersion', targetId: res.ok ? res.id : '',
            caseId: row.sf_case_id, idempotencyKey: `servicenow:${row.sys_attachment}:file`, fields: ['VersionData'], oldValues: {}, newValues: { file: row.file_name, sha256: row.sha256 },
            result: res.ok ? 'success' : 'failed', httpStatus: res.status, latencyMs: ports.clock.nowMs() - started, detail: res.ok ? '' : res.error,
        });
    }
    return summary;
}

function sendOne(
    ports: Ports,
    settings: Pick<Settings, 'salesforceUrl' | 'salesforceApiVersion'>,
    content: AttachmentContent,
    row: Row,
): { ok: true; status: number; id: string } | { ok: false; status: number; error: string } {
    if (!settings.salesforceUrl) return { ok: false, status: 0, error: 'x_seam_bridge.salesforce.instance_url is empty: set it to the Salesforce My Domain URL' };
    const base64 = content.base64(row.sys_attachment);
    if (!base64) return { ok: false, status: 400, error: `sys_attachment ${row.sys_attachment} has no content any more (deleted?)` };
    const link = findLinkByIncident(ports, row.incident);
    const tagged = decideAttachment({
        here: 'servicenow',
        file: { fileName: row.file_name, sizeBytes: 1, sha256: row.sha256 },
        knownHashes: [],
        policy: { maxBytes: Number.MAX_SAFE_INTEGER, allowedExtensions: [], blockedExtensions: [] },
    });
    const record = {
        Title: titleOf(row.file_name),
        PathOnClient: row.file_name,
        VersionData: base64,
        FirstPublishLocationId: (link && link.state.caseId) || row.sf_case_id,
        Description: tagged.send ? tagged.description : '',
    };
    const res = ports.http.send({
        message: 'Seam Salesforce',
        fn: 'createRecords',
        method: 'POST',
        endpoint: `${settings.salesforceUrl}/services/data/${settings.salesforceApiVersion}/sobjects/ContentVersion`,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(record),
    });
    if (res.status === 201 || res.status === 200) {
        try {
            const id = String((JSON.parse(res.body) as { id?: unknown }).id ?? '');
            if (id) return { ok: true, status: res.status, id };
        } catch {
            // fall through: a 2xx without an id is a failure to record, not a success
        }
        return { ok: false, status: 502, error: `HTTP ${res.status} without a record id` };
    }
    return { ok: false, status: res.status, error: res.status === 0 ? `no HTTP answer: ${res.error ?? 'transport error'}` : `HTTP ${res.status}: ${res.body.slice(0, 500)}` };
}
