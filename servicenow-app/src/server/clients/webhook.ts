/**
 * The chat incoming webhook (Slack or Microsoft Teams) through the `Seam Chat Webhook` REST
 * message. The URL is the secret (x_seam_bridge.alerts.webhook_url, password2): it is set as the
 * endpoint at call time and never appears in a result, a log line or the audit.
 */
import type { HttpClient } from '../ports';

export interface WebhookAnswer {
    readonly status: number;
    /** The answer for the audit and the dead-letter list, with the URL masked. */
    readonly detail: string;
}

export const WEBHOOK_TIMEOUT_MS = 10000;

/** Masks the URL (and its host) wherever a platform error message repeats it. */
export function maskUrl(text: string, url: string): string {
    if (!url) return text;
    let out = text.split(url).join('<webhook url>');
    const host = /^https?:\/\/([^/?#]+)/.exec(url);
    if (host) out = out.split(host[1]).join('<webhook host>');
    return out;
}

export function postWebhook(http: HttpClient, url: string, body: unknown): WebhookAnswer {
    const res = http.send({
        message: 'Seam Chat Webhook',
        fn: 'post',
        method: 'POST',
        endpoint: url,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        timeoutMs: WEBHOOK_TIMEOUT_MS,
    });
    if (res.status === 0) return { status: 0, detail: maskUrl(`no HTTP answer: ${res.error ?? 'transport error'}`, url) };
    const text = String(res.body ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
    return { status: res.status, detail: maskUrl(`HTTP ${res.status}${text ? `: ${text}` : ''}`, url) };
}
