/**
 * Files on linked incidents, both ways. Each file that crosses the seam has one row in
 * `x_seam_bridge_attachment`: it records the content hash (so the same content is sent once),
 * where the file came from (so a mirrored file is never sent back) and, for outbound files, the
 * delivery state. A file body cannot live in an outbox payload (65,000 characters), so these rows
 * are the queue for files; the send job delivers them one ContentVersion per call.
 */
import {
    base64ToBytes,
    contentSha256,
    decideAttachment,
    formatServiceNowDateTime,
    parseAttachmentPolicy,
    type AttachmentPolicy,
    type FieldProblem,
} from '../generated/seam-core';
import type { PropertySource, Row } from '../ports';
import { TABLE, eq } from '../tables';

export const ATTACHMENT_TABLE = 'x_seam_bridge_attachment';
export const SYS_ATTACHMENT = 'sys_attachment';
export const ATTACHMENT_FIELDS = [
    'incident', 'sf_case_id', 'sys_attachment', 'sf_content_version_id', 'file_name', 'content_type', 'size_bytes',
    'sha256', 'origin', 'direction', 'status', 'reason', 'attempts', 'next_attempt_at', 'last_error',
] as const;

export const ATTACHMENT_PROPERTY = {
    enabled: 'x_seam_bridge.attachments.enabled',
    maxBytes: 'x_seam_bridge.attachments.max_bytes',
    allowedTypes: 'x_seam_bridge.attachments.allowed_types',
} as const;

/** File content, through GlideSysAttachment on the platform and a fake in tests. */
export interface AttachmentContent {
    /** The attachment's bytes as base64 ('' when it has none). */
    base64(sysAttachmentId: string): string;
    /** Attaches a file to a record; returns the new sys_attachment sys_id, or null. */
    write(table: string, recordSysId: string, fileName: string, contentType: string, base64: string): string | null;
}

export interface AttachmentSettings {
    readonly enabled: boolean;
    readonly policy: AttachmentPolicy;
    readonly problems: readonly FieldProblem[];
}

export function attachmentSettings(properties: PropertySource): AttachmentSettings {
    const parsed = parseAttachmentPolicy({
        maxBytes: properties.get(ATTACHMENT_PROPERTY.maxBytes),
        allowedExtensions: properties.get(ATTACHMENT_PROPERTY.allowedTypes),
    });
    return { enabled: (properties.get(ATTACHMENT_PROPERTY.enabled) ?? 'true') !== 'false', policy: parsed.policy, problems: parsed.problems };
}

/** Hashes of every file this incident already has on both sides (sent, received, or on its way). */
export function knownHashes(records: { find(table: string, q: string, o?: { fields?: readonly string[]; limit?: number }): Row[] }, incidentSysId: string): string[] {
    return records
        .find(ATTACHMENT_TABLE, `${eq('incident', incidentSysId)}^statusINqueued,awaiting_pull,sent,received,failed`, { fields: ['sha256'], limit: 10000 })
        .map((r) => r.sha256);
}

/** SHA-256 of base64 content, or null when it is not base64. */
export function hashOfBase64(base64: string): { sha256: string; sizeBytes: number } | null {
    const bytes = base64ToBytes(base64);
    return bytes ? { sha256: contentSha256(bytes), sizeBytes: bytes.length } : null;
}

export { decideAttachment, formatServiceNowDateTime, TABLE };
