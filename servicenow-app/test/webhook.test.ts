import { describe, expect, it } from 'vitest';
import { DEFAULTS, type Settings } from '../src/server/config';
import { maskUrl } from '../src/server/clients/webhook';
import { enqueue } from '../src/server/outbox/outbox';
import { drainOutbox } from '../src/server/outbox/drain';
import { fakePorts, json, type FakePorts } from './fakes';
import { CASE_A } from './helpers';

const URL = 'https://hooks.slack.test/services/T1/B2/very-secret';
const settings: Settings = { ...DEFAULTS, salesforceUrl: 'https://acme.my.salesforce.com', maxAttempts: 2, backoffBaseSeconds: 60, alertsWebhookUrl: URL };

function queueAlert(ports: FakePorts): void {
    enqueue(ports, {
        kind: 'critical_alert',
        idempotencyKey: 'servicenow:inc1:4:critical-alert',
        record: { attributes: { type: 'ChatWebhook' }, format: 'slack', body: { text: 'P1 incident INC1' } },
        incidentSysId: 'inc1',
        caseId: CASE_A,
    });
}
const row = (ports: FakePorts) => ports.records.rows('x_seam_bridge_outbox')[0];
const audits = (ports: FakePorts) => ports.records.rows('x_seam_bridge_audit').filter((a) => a.operation === 'critical_alert:post');

describe('the chat-webhook leg of the drain', () => {
    it('posts the body to the URL property, not to Salesforce, and marks the row sent', () => {
        const ports = fakePorts({ route: () => ({ status: 200, body: 'ok' }) });
        queueAlert(ports);
        expect(drainOutbox(ports, settings)).toMatchObject({ sent: 1, calls: 0 });
        expect(ports.http.requests).toHaveLength(1);
        expect(ports.http.requests[0]).toMatchObject({ message: 'Seam Chat Webhook', fn: 'post', method: 'POST', endpoint: URL });
        expect(JSON.parse(ports.http.requests[0].body ?? '')).toEqual({ text: 'P1 incident INC1' });
        expect(row(ports).status).toBe('sent');
        expect(audits(ports)[0]).toMatchObject({ result: 'success' });
    });

    it('retries a 500, dead-letters after max_attempts, and never writes the URL anywhere', () => {
        const ports = fakePorts({ random: 0, route: () => ({ status: 500, body: `upstream ${URL} down` }) });
        queueAlert(ports);
        drainOutbox(ports, settings);
        expect(row(ports)).toMatchObject({ status: 'failed', attempts: '1' });
        ports.records.update('x_seam_bridge_outbox', row(ports).sys_id, { next_attempt_at: '' });
        drainOutbox(ports, settings);
        expect(row(ports)).toMatchObject({ status: 'dead_letter', attempts: '2' });
        expect(row(ports).last_error).toContain('retried 2 times');
        const written = JSON.stringify([ports.records.rows('x_seam_bridge_outbox'), ports.records.rows("x_seam_bridge_audit"), ports.logs]);
        expect(written).not.toContain('very-secret');
        expect(written).toContain('<webhook url>');
    });

    it('dead-letters a 400 at once with the fix, and an empty URL property with its own fix', () => {
        const ports = fakePorts({ route: () => ({ status: 400, body: 'invalid_payload' }) });
        queueAlert(ports);
        drainOutbox(ports, settings);
        expect(row(ports)).toMatchObject({ status: 'dead_letter', attempts: '1' });
        expect(row(ports).last_error).toContain('HTTP 400: invalid_payload');
        expect(audits(ports)[0]).toMatchObject({ result: 'failed', http_status: '400' });

        const unset = fakePorts({ route: () => json(200, {}) });
        queueAlert(unset);
        drainOutbox(unset, { ...settings, alertsWebhookUrl: '' });
        expect(unset.http.requests).toHaveLength(0);
        expect(row(unset).last_error).toContain('x_seam_bridge.alerts.webhook_url is empty');
    });

    it('masks the URL and its host in platform error text', () => {
        expect(maskUrl(`connect to hooks.slack.test failed for ${URL}`, URL)).toBe('connect to <webhook host> failed for <webhook url>');
    });
});
