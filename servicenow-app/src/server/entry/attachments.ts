/** Entry points for files (POST /v1/attachments, the send job) and the backfill route; the sys_attachment rule's is in business-rules.ts. */
import { glideAttachmentContent } from '../adapters/glide-attachments';
import { sendQueuedAttachments } from '../attachments/outbound';
import { postAttachments } from '../attachments/inbound';
import { postBackfillLinks } from '../backfill/links';
import { context } from './context';

interface RestRequestLike {
    body?: { dataString?: string } | null;
    pathParams?: Record<string, string> | null;
}
interface RestResponseLike {
    setStatus(status: number): void;
    setContentType(type: string): void;
    getStreamWriter(): { writeString(text: string): void };
}

function bodyOf(request: RestRequestLike): string {
    try {
        return request.body && typeof request.body.dataString === 'string' ? request.body.dataString : '';
    } catch {
        return '';
    }
}

function respond(response: RestResponseLike, result: { status: number; body: unknown }): void {
    response.setStatus(result.status);
    response.setContentType('application/json');
    response.getStreamWriter().writeString(JSON.stringify(result.body));
}

export function attachmentsRoute(request: RestRequestLike, response: RestResponseLike): void {
    const { ports, settings } = context();
    respond(response, postAttachments(ports, settings, glideAttachmentContent, { bodyText: bodyOf(request), pathParams: request.pathParams ?? {} }));
}

/** POST /v1/backfill/links (scripts/backfill.mjs). */
export function backfillLinksRoute(request: RestRequestLike, response: RestResponseLike): void {
    const { ports, settings } = context();
    respond(response, postBackfillLinks(ports, settings, { bodyText: bodyOf(request), pathParams: request.pathParams ?? {} }));
}

export function sendAttachmentsJob(): void {
    const { ports, settings } = context();
    try {
        const summary = sendQueuedAttachments(ports, settings, glideAttachmentContent);
        if (summary.sent + summary.failed + summary.deadLettered > 0) ports.log.info(`Seam attachments sent: ${JSON.stringify(summary)}`);
    } catch (e) {
        ports.log.error(`Seam attachment send job failed: ${String(e)}`);
    }
}
