/**
 * POST /v1/attachments: files added to linked Cases in Salesforce. Each is attached to the
 * linked incident with a row that says it came from Salesforce (so the outbound rule never sends
 * it back), unless the shared decision refuses it: it came from ServiceNow in the first place
 * (its description carries our tag), the incident already has this content, or size and type.
 */
import { recordAudit } from '../audit/audit';
import type { Settings } from '../config';
import type { Ports } from '../ports';
import { findLinkByCase } from '../sync/link';
import { badRequest, unavailable, type ApiRequest, type ApiResponse } from '../api/http';
import { ATTACHMENT_TABLE, attachmentSettings, decideAttachment, hashOfBase64, knownHashes, type AttachmentContent } from './attachments';

/** One file, as the Salesforce handler sends it (docs/contracts.md). */
export interface AttachmentMessage {
    readonly messageId: string;
    readonly caseId: string;
    readonly contentVersionId: string;
    readonly fileName: string;
    readonly contentType?: string;
    readonly sizeBytes: number;
    readonly sha256: string;
    readonly description?: string;
    /** The file's bytes, base64. */
    readonly versionData: string;
    readonly origin: 'salesforce';
}

export type AttachmentResultStatus = 'created' | 'duplicate' | 'mirrored' | 'skipped' | 'rejected';

export interface AttachmentResult {
    readonly messageId: string;
    readonly status: AttachmentResultStatus;
    readonly sysAttachmentId?: string;
    readonly detail?: string;
}

/** Files per call: each may be megabytes; ServiceNow's default REST body limit is 10 MB. */
export const MAX_FILES_PER_CALL = 10;

function problemsOf(body: unknown): { field: string; problem: string; fix: string }[] {
    const problems: { field: string; problem: string; fix: string }[] = [];
    const messages = (body as { messages?: unknown } | null)?.messages;
    if (!Array.isArray(messages) || messages.length < 1 || messages.length > MAX_FILES_PER_CALL) {
        return [{ field: 'messages', problem: `must be an array of 1..${MAX_FILES_PER_CALL} files`, fix: 'send { "messages": [AttachmentMessage, …] }' }];
    }
    messages.forEach((m: unknown, i) => {
        const o = (m ?? {}) as Record<string, unknown>;
        for (const f of ['messageId', 'caseId', 'contentVersionId', 'fileName', 'sha256', 'versionData']) {
            if (typeof o[f] !== 'string' || o[f] === '') problems.push({ field: `messages[${i}].${f}`, problem: 'is missing or not a non-empty string', fix: `send ${f} as text` });
        }
        if (typeof o.sizeBytes !== 'number' || !(o.sizeBytes >= 0)) problems.push({ field: `messages[${i}].sizeBytes`, problem: 'is not a number of bytes', fix: 'send ContentVersion.ContentSize' });
        if (o.origin !== 'salesforce') problems.push({ field: `messages[${i}].origin`, problem: `is ${JSON.stringify(o.origin)}`, fix: 'send "salesforce"' });
    });
    return problems;
}

export function postAttachments(ports: Ports, settings: Pick<Settings, 'inboundEnabled'>, content: AttachmentContent, request: ApiRequest): ApiResponse {
    if (!settings.inboundEnabled) return unavailable();
    let body: unknown;
    try {
        body = JSON.parse(request.bodyText);
    } catch {
        return badRequest('The body is not valid JSON', 'nothing was written', [{ field: 'body', problem: 'is not JSON', fix: 'send { "messages": [ … ] } as application/json' }]);
    }
    const problems = problemsOf(body);
    if (problems.length) return badRequest('The attachment batch breaks the contract', 'nothing was written', problems);
    const cfg = attachmentSettings(ports.properties);
    const results = (body as { messages: AttachmentMessage[] }).messages.map((m) => applyAttachment(ports, cfg, content, m));
    return { status: 200, body: { results } };
}

function applyAttachment(ports: Ports, cfg: ReturnType<typeof attachmentSettings>, content: AttachmentContent, m: AttachmentMessage): AttachmentResult {
    const started = ports.clock.nowMs();
    const link = findLinkByCase(ports, m.caseId);
    const incident = link ? link.state.incidentSysId ?? link.row.incident : '';
    if (!link || !incident) return { messageId: m.messageId, status: 'rejected', detail: `caseId ${m.caseId} is not linked to an incident; send the case first` };
    if (!cfg.enabled) return { messageId: m.messageId, status: 'skipped', detail: 'x_seam_bridge.attachments.enabled is false' };
    const hash = hashOfBase64(m.versionData);
    if (!hash || hash.sha256 !== m.sha256.toLowerCase()) {
        return { messageId: m.messageId, status: 'rejected', detail: `sha256 does not match versionData (${hash ? 'got ' + hash.sha256.slice(0, 12) + '…' : 'not base64'}); send the bytes' SHA-256 as hex` };
    }
    // Judged as Salesforce's own send: a file our tag marks as ServiceNow's is our own file back.
    const decision = decideAttachment({
        here: 'salesforce',
        file: { fileName: m.fileName, sizeBytes: hash.sizeBytes, sha256: hash.sha256, description: m.description },
        knownHashes: knownHashes(ports.records, incident),
        policy: cfg.policy,
    });
    if (!decision.send) {
        const status: AttachmentResultStatus = decision.reason === 'mirrored' ? 'mirrored' : decision.reason === 'duplicate' ? 'duplicate' : 'skipped';
        return { messageId: m.messageId, status, detail: decision.detail };
    }
    const sysAttachmentId = content.write('incident', incident, m.fileName, m.contentType || 'application/octet-stream', m.versionData);
    if (!sysAttachmentId) return { messageId: m.messageId, status: 'rejected', detail: 'the instance refused the attachment (size limit or attachment ACL); see the system log' };
    ports.records.insert(ATTACHMENT_TABLE, {
        incident, sf_case_id: m.caseId, sys_attachment: sysAttachmentId, sf_content_version_id: m.contentVersionId, file_name: m.fileName,
        content_type: m.contentType ?? '', size_bytes: hash.sizeBytes, sha256: hash.sha256, origin: 'salesforce', direction: 'inbound',
        status: 'received', reason: '', attempts: 0, next_attempt_at: '', last_error: '',
    });
    recordAudit(ports, {
        direction: 'inbound', operation: 'attachment:create', target: 'sys_attachment', targetId: sysAttachmentId, caseId: m.caseId,
        fields: ['attachment'], newValues: { file: m.fileName, sha256: hash.sha256 }, idempotencyKey: `salesforce:${m.contentVersionId}:file`,
        result: 'success', latencyMs: ports.clock.nowMs() - started,
    });
    return { messageId: m.messageId, status: 'created', sysAttachmentId };
}
