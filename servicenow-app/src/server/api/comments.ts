/**
 * POST /v1/comments: customer-visible Case comments, added to the linked incident as comments
 * tagged with their Salesforce origin (so the outbound rule never sends them back). Idempotent
 * on the comment id (remembered in the link state) and on the idempotency key.
 */
import { COMMENT_MESSAGE_BATCH_SCHEMA, applyInboundJournal, parseAndValidate, type CommentMessage } from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import type { Settings } from '../config';
import type { Ports } from '../ports';
import { alreadyProcessed } from '../sync/inbound';
import { findLinkByCase, saveLink } from '../sync/link';
import { TABLE } from '../tables';
import { badRequest, unavailable, type ApiRequest, type ApiResponse } from './http';

export interface CommentResult {
    readonly messageId: string;
    readonly status: 'updated' | 'duplicate' | 'rejected' | 'error';
    readonly incidentSysId?: string;
    readonly problems?: readonly { field: string; problem: string; fix: string }[];
}

export function applyComment(ports: Ports, message: CommentMessage): CommentResult {
    const started = ports.clock.nowMs();
    const link = findLinkByCase(ports, message.caseId);
    const incidentSysId = link ? link.state.incidentSysId ?? link.row.incident : '';
    if (!link || !incidentSysId) {
        return { messageId: message.messageId, status: 'rejected', problems: [{ field: 'caseId', problem: `${message.caseId} is not linked to an incident`, fix: 'send the case first (POST /v1/cases); comments follow once it is linked' }] };
    }
    if (alreadyProcessed(ports, message.idempotencyKey)) return { messageId: message.messageId, status: 'duplicate', incidentSysId };
    // The shared journal decision drops a comment already applied and one of ours coming back.
    const decision = applyInboundJournal({
        from: 'salesforce', to: 'servicenow', link: link.state,
        entries: [{ id: message.commentId, body: message.body, author: message.author, createdAt: message.createdAt, origin: 'salesforce' }],
    });
    if (decision.journal.length === 0) return { messageId: message.messageId, status: 'duplicate', incidentSysId };
    const body = decision.journal[0].body;
    ports.records.update(TABLE.incident, incidentSysId, { comments: body });
    saveLink(ports, link, decision.link, { syncState: 'in_sync' });
    recordAudit(ports, {
        direction: 'inbound', operation: 'comment:add', target: TABLE.incident, targetId: incidentSysId, caseId: message.caseId,
        fields: ['comments'], oldValues: {}, newValues: { comments: body }, correlationId: link.state.correlationId ?? '',
        idempotencyKey: message.idempotencyKey, result: 'success', latencyMs: ports.clock.nowMs() - started, detail: `CaseComment ${message.commentId}`,
    });
    return { messageId: message.messageId, status: 'updated', incidentSysId };
}

export function postComments(ports: Ports, settings: Pick<Settings, 'inboundEnabled'>, request: ApiRequest): ApiResponse {
    if (!settings.inboundEnabled) return unavailable();
    const parsed = parseAndValidate<{ messages: CommentMessage[] }>(COMMENT_MESSAGE_BATCH_SCHEMA, request.bodyText);
    if (!parsed.ok) {
        return badRequest('The request body breaks the CommentMessage batch schema', 'nothing was written; fix every problem and resend the whole batch', parsed.error);
    }
    const results = parsed.value.messages.map((m): CommentResult => {
        try {
            return applyComment(ports, m);
        } catch (e) {
            ports.log.error(`Seam: comment message ${m.messageId} failed: ${String(e)}`);
            return { messageId: m.messageId, status: 'error', problems: [{ field: 'message', problem: `failed while applying: ${String(e)}`, fix: 'resend it' }] };
        }
    });
    return { status: 200, body: { results } };
}
