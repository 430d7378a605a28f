/**
 * ServiceNow → Salesforce files with delivery poll (an instance that may not call out): a queued
 * file is offered in the changes feed instead of pushed. The offer is one outbox row of kind
 * `file_offer` holding the file's metadata only (sys_attachment, name, type, size, sha256, Case,
 * the origin tag); the bytes stay here until Salesforce's SeamFilePuller GETs them through the
 * Attachment API (`/api/now/attachment/{sys_id}/file`) in a job of its own. The attachment row says
 * `awaiting_pull` while its offer waits, and `sent` once the poller acknowledges the page (so a file
 * is in exactly one queue: the push job's, `queued`/`failed`, or the feed's, `awaiting_pull`).
 * Switching to push withdraws an offer the feed never served (the file is queued for the push job
 * again); one it served waits for the acknowledgement, as a CaseComment does (outbox/delivery.ts).
 * Each offer of a file has its own key (`…:file:pull:<n>`): a file offered again after a
 * poll→push→poll switch gets a new row, after the feed's cursor, so it cannot land behind it; a
 * second offer of content Salesforce already has is a duplicate there (the sha256 on the Case).
 */
import { formatServiceNowDateTime, tagAttachmentOrigin } from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import { enqueue } from '../outbox/outbox';
import type { Ports, Row } from '../ports';
import { TABLE, eq } from '../tables';
import { ATTACHMENT_TABLE } from './attachments';

/** The feed's record type for a file offer (docs/contracts.md); Salesforce records it, it is not an sObject. */
export const FILE_OFFER_TYPE = 'Seam_File';

/** What Salesforce needs to fetch and place the file; never the bytes. */
export interface FileOfferRecord {
    readonly attributes: { readonly type: typeof FILE_OFFER_TYPE };
    readonly Sys_Attachment: string;
    readonly File_Name: string;
    readonly Content_Type: string;
    readonly Size_Bytes: number;
    readonly Sha256: string;
    readonly Case_Id: string;
    /** The ContentVersion.Description Salesforce writes: the origin tag, so the file is never sent back. */
    readonly Description: string;
}

const ROW_FIELDS = ['sys_id', 'sys_attachment', 'sf_case_id', 'incident', 'file_name', 'content_type', 'size_bytes', 'sha256', 'status'];

export function fileOfferRecord(row: Row): FileOfferRecord {
    return {
        attributes: { type: FILE_OFFER_TYPE },
        Sys_Attachment: row.sys_attachment,
        File_Name: row.file_name,
        Content_Type: row.content_type || 'application/octet-stream',
        Size_Bytes: Number(row.size_bytes || '0'),
        Sha256: row.sha256,
        Case_Id: row.sf_case_id,
        Description: tagAttachmentOrigin('', 'servicenow', row.sha256),
    };
}

/**
 * The file job's run with delivery poll: every outbound file waiting for a push (queued, or failed and
 * waiting for its retry) becomes one offer in the feed. Makes no call; spends no attempt.
 */
export function offerQueuedAttachments(ports: Ports, limit = 200): { offered: number } {
    const rows = ports.records.find(ATTACHMENT_TABLE, 'direction=outbound^statusINqueued,failed', { fields: ROW_FIELDS, limit, orderBy: 'sys_created_on' });
    for (const row of rows) {
        const prefix = `servicenow:${row.sys_attachment}:file:pull:`;
        const earlier = ports.records.find(TABLE.outbox, `kind=file_offer^${eq('incident', row.incident)}`, { fields: ['idempotency_key'], limit: 1000 })
            .filter((r) => r.idempotency_key.startsWith(prefix)).length;
        const offer = enqueue(ports, {
            kind: 'file_offer',
            idempotencyKey: `${prefix}${earlier + 1}`,
            record: fileOfferRecord(row) as unknown as Parameters<typeof enqueue>[1]['record'],
            incidentSysId: row.incident,
            caseId: row.sf_case_id,
            pull: true,
        });
        ports.records.update(ATTACHMENT_TABLE, row.sys_id, { status: 'awaiting_pull', next_attempt_at: '', last_error: '' });
        recordAudit(ports, {
            direction: 'outbound', operation: 'attachment:offer', target: 'ContentVersion', caseId: row.sf_case_id,
            idempotencyKey: `servicenow:${row.sys_attachment}:file`, newValues: { file: row.file_name, sha256: row.sha256, sizeBytes: Number(row.size_bytes || '0') },
            result: 'success', latencyMs: 0,
            detail: `delivery poll: offered in GET /v1/changes (outbox ${offer.sysId}); Salesforce's SeamFilePuller fetches the bytes from the Attachment API`,
        });
    }
    return { offered: rows.length };
}

/** The attachment row an offer stands for (outbound, by sys_attachment), or null. */
function attachmentOf(ports: Pick<Ports, 'records'>, offer: Row): Row | null {
    let sysAttachment = '';
    try {
        sysAttachment = String((JSON.parse(offer.payload || '{}') as { Sys_Attachment?: unknown }).Sys_Attachment ?? '');
    } catch {
        return null;
    }
    if (!sysAttachment) return null;
    const [row] = ports.records.find(ATTACHMENT_TABLE, `direction=outbound^${eq('sys_attachment', sysAttachment)}`, { fields: ROW_FIELDS, limit: 1 });
    return row ?? null;
}

/** The poller acknowledged the page with this offer: Salesforce holds the file's work now. */
export function markOfferPulled(ports: Ports, offer: Row): void {
    const row = attachmentOf(ports, offer);
    if (row && row.status === 'awaiting_pull') ports.records.update(ATTACHMENT_TABLE, row.sys_id, { status: 'sent', last_error: '' });
}

/**
 * Delivery push again, for an offer the feed never served: Salesforce cannot have it, so the offer is
 * withdrawn and the file goes back to the push job's queue (sent once, by the push job).
 */
export function withdrawOffer(ports: Ports, offer: Row): void {
    ports.records.update(TABLE.outbox, offer.sys_id, { status: 'withdrawn', sent_at: formatServiceNowDateTime(ports.clock.nowMs()), last_error: 'delivery push: the feed never served this offer; the file job pushes the file' });
    const row = attachmentOf(ports, offer);
    if (row && row.status === 'awaiting_pull') ports.records.update(ATTACHMENT_TABLE, row.sys_id, { status: 'queued', next_attempt_at: '', last_error: '' });
}
