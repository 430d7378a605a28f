/**
 * The drain's chat-webhook leg: `critical_alert` outbox rows are posted one by one to the
 * incoming webhook (a chat post is not a Salesforce record, so no collections call and no
 * Salesforce API budget). The shared `webhookOutcome` decides: 2xx sent; 408, 429, 5xx and no
 * answer retried with the outbox backoff until max_attempts, then dead-lettered; any other 4xx
 * dead-lettered at once. Every attempt is audited; the URL never is.
 */
import { formatServiceNowDateTime, webhookOutcome } from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import { postWebhook } from '../clients/webhook';
import type { Settings } from '../config';
import type { Ports, Row } from '../ports';
import { TABLE } from '../tables';
import { afterFailure } from './backoff';
import { dueMessages, recordFailedAttempt } from './outbox';

export const isWebhookRow = (row: Row): boolean => row.kind === 'critical_alert';

export interface WebhookDrain {
    readonly sent: number;
    readonly failed: number;
    readonly deadLettered: number;
}

type WebhookSettings = Pick<Settings, 'batchSize' | 'maxAttempts' | 'backoffBaseSeconds' | 'backoffMaxSeconds' | 'alertsWebhookUrl'>;

export function drainWebhooks(ports: Ports, settings: WebhookSettings): WebhookDrain {
    let sent = 0;
    let failed = 0;
    let deadLettered = 0;
    const policy = { baseSeconds: settings.backoffBaseSeconds, maxSeconds: settings.backoffMaxSeconds, maxAttempts: settings.maxAttempts };
    for (const row of dueMessages(ports, settings.batchSize, isWebhookRow)) {
        const attempts = Number(row.attempts || '0') + 1;
        let message: { format?: string; body?: unknown } = {};
        try {
            message = JSON.parse(row.payload) as typeof message;
        } catch {
            message = {};
        }
        const started = ports.clock.nowMs();
        let status = 0;
        let outcome: 'sent' | 'retry' | 'dead_letter';
        let detail: string;
        if (!message.body || typeof message.body !== 'object') {
            outcome = 'dead_letter';
            detail = 'payload: has no webhook body; fix: the message cannot be replayed as is, re-raise the incident to P1 to queue a new one';
        } else if (!settings.alertsWebhookUrl) {
            outcome = 'dead_letter';
            detail = 'x_seam_bridge.alerts.webhook_url is empty; fix: paste the Slack or Teams incoming-webhook URL into it, then replay this dead letter';
        } else {
            const answer = postWebhook(ports.http, settings.alertsWebhookUrl, message.body);
            status = answer.status;
            outcome = webhookOutcome(status);
            detail = outcome === 'sent' ? answer.detail
                : outcome === 'dead_letter' ? `${answer.detail}; fix: a ${status} does not heal by retrying: check x_seam_bridge.alerts.webhook_url (revoked or wrong webhook) and x_seam_bridge.alerts.format (${message.format ?? '?'}), then replay`
                : answer.detail;
        }
        const now = ports.clock.nowMs();
        if (outcome === 'sent') {
            ports.records.update(TABLE.outbox, row.sys_id, { status: 'sent', attempts, sent_at: formatServiceNowDateTime(now), last_error: '' });
            sent += 1;
        } else {
            const next = outcome === 'retry' ? afterFailure(attempts, now, policy, ports.random()) : ({ status: 'dead_letter' } as const);
            const error = next.status === 'dead_letter' && outcome === 'retry' ? `${detail}; retried ${attempts} times (x_seam_bridge.outbox.max_attempts); fix: check the chat service, then replay` : detail;
            recordFailedAttempt(ports, row.sys_id, attempts, next, error);
            if (next.status === 'dead_letter') deadLettered += 1;
            else failed += 1;
            detail = `${next.status}: ${error}`;
        }
        recordAudit(ports, {
            direction: 'outbound',
            operation: 'critical_alert:post',
            target: 'ChatWebhook',
            caseId: row.sf_case_id,
            fields: ['format'],
            newValues: { format: message.format ?? '' },
            correlationId: row.correlation_id,
            idempotencyKey: row.idempotency_key,
            result: outcome === 'sent' ? 'success' : 'failed',
            ...(status ? { httpStatus: status } : {}),
            latencyMs: now - started,
            detail: `attempt ${attempts}; ${detail}`.slice(0, 1000),
        });
    }
    return { sent, failed, deadLettered };
}
