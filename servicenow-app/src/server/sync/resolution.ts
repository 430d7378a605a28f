/**
 * Incident resolved -> the proxy drafts a customer-facing resolution summary -> a public
 * CaseComment on the linked case, labelled as AI text. When the property says so, the comment
 * waits in the outbox (status Held) until an admin releases it with "Replay". With delivery poll the
 * comment waits for Salesforce's poller (awaiting_pull) instead of being pushed.
 * When the caller passes file access, the text of the incident's readable files (masked) goes
 * with the notes, so a summary can draw on the log or report the fix was written up in.
 */
import { RESOLUTION_SUMMARY_RESULT_SCHEMA, idempotencyKey, labelAiText, responseSchema, tagOrigin, validate, type ResolutionSummaryResult } from '../generated/seam-core';
import type { AttachmentContent } from '../attachments/attachments';
import { incidentAttachmentsForPrompt } from '../attachments/prompt-text';
import { callProxy } from '../clients/proxy';
import type { Settings } from '../config';
import { enqueue } from '../outbox/outbox';
import type { Ports, Row } from '../ports';
import { findLinkByIncident } from './link';

export type ResolutionOutcome =
    | { readonly status: 'disabled' | 'not_linked' | 'not_resolved' }
    | { readonly status: 'proxy_failed'; readonly error: string }
    | { readonly status: 'queued' | 'held' | 'duplicate'; readonly idempotencyKey: string };

const RESOLVED = '6';
const RESPONSE_SCHEMA = responseSchema(RESOLUTION_SUMMARY_RESULT_SCHEMA);

export function onIncidentResolved(
    ports: Ports,
    settings: Pick<Settings, 'resolutionEnabled' | 'resolutionRequireApproval' | 'proxyUrl' | 'proxyApiKey'> & Partial<Pick<Settings, 'salesforceDelivery'>>,
    incident: Row,
    files?: AttachmentContent,
): ResolutionOutcome {
    if (!settings.resolutionEnabled) return { status: 'disabled' };
    if (incident.state !== RESOLVED) return { status: 'not_resolved' };
    const link = findLinkByIncident(ports, incident.sys_id);
    const caseId = link ? link.state.caseId ?? link.row.sf_case_id : '';
    if (!link || !caseId) return { status: 'not_linked' };
    const correlationId = link.state.correlationId || link.row.correlation_id || `SNOW-${incident.number}`;
    const key = idempotencyKey('servicenow', incident.sys_id, Number(incident.sys_mod_count || '0'), 'resolution-summary');

    const attachments = files ? incidentAttachmentsForPrompt(ports, files, incident.sys_id) : [];
    const answer = callProxy<unknown>(
        ports,
        settings,
        '/v1/resolution-summary',
        {
            subject: (incident.short_description || incident.number).slice(0, 255),
            resolutionNotes: (incident.close_notes || 'Resolved.').slice(0, 8000),
            ...(incident.close_code ? { resolutionCode: incident.close_code.slice(0, 100) } : {}),
            ...(attachments.length ? { attachments } : {}),
        },
        { idempotencyKey: key, correlationId, caseId },
    );
    if (!answer.ok) return { status: 'proxy_failed', error: answer.error };
    const checked = validate<ResolutionSummaryResult>(RESPONSE_SCHEMA, answer.value);
    if (!checked.ok) return { status: 'proxy_failed', error: `invalid summary: ${checked.error.map((p) => `${p.field} ${p.problem}`).join('; ')}` };

    const steps = checked.value.nextSteps.length ? `\n\nNext steps:\n${checked.value.nextSteps.map((s) => `- ${s}`).join('\n')}` : '';
    const body = tagOrigin(labelAiText(`${checked.value.summary}${steps}`), 'servicenow', 'Seam resolution summary');
    const queued = enqueue(ports, {
        kind: 'resolution_summary',
        idempotencyKey: key,
        record: { attributes: { type: 'CaseComment' }, ParentId: caseId, CommentBody: body, IsPublished: true },
        incidentSysId: incident.sys_id,
        caseId,
        correlationId,
        hold: settings.resolutionRequireApproval,
        // Delivery poll: Salesforce's poller reads it from GET /v1/changes (a held one, once released, too: the drain moves it).
        pull: settings.salesforceDelivery === 'poll',
    });
    if (queued.status === 'duplicate') return { status: 'duplicate', idempotencyKey: key };
    return { status: settings.resolutionRequireApproval ? 'held' : 'queued', idempotencyKey: key };
}
