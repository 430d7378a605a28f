/** Entry points for files (POST /v1/attachments, the send job) and the backfill route; the sys_attachment rule's is in business-rules.ts. */
import { glideAttachmentContent } from '../adapters/glide-attachments';
import { sendQueuedAttachments } from '../attachments/outbound';
import { postAttachments } from '../attachments/inbound';
import { postBackfillLinks } from '../backfill/links';
import { context } from './context';
import { respond, toApiRequest, type RestRequestLike, type RestResponseLike } from './rest-io';

export function attachmentsRoute(request: RestRequestLike, response: RestResponseLike): void {
    const { ports, settings } = context();
    respond(response, postAttachments(ports, settings, glideAttachmentContent, toApiRequest(request)));
}

/** POST /v1/backfill/links (scripts/backfill.mjs). */
export function backfillLinksRoute(request: RestRequestLike, response: RestResponseLike): void {
    const { ports, settings } = context();
    respond(response, postBackfillLinks(ports, settings, toApiRequest(request)));
}

export function sendAttachmentsJob(): void {
    const { ports, settings } = context();
    try {
        const summary = sendQueuedAttachments(ports, settings, glideAttachmentContent);
        if (summary.sent + summary.failed + summary.deadLettered + (summary.offered ?? 0) > 0) ports.log.info(`Seam attachments sent: ${JSON.stringify(summary)}`);
    } catch (e) {
        ports.log.error(`Seam attachment send job failed: ${String(e)}`);
    }
}
