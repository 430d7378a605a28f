import { describe, expect, it } from 'vitest';
import { callProxy } from '../src/server/clients/proxy';
import { createRecords, query, soqlString } from '../src/server/clients/salesforce';
import { FakeHttp, fakePorts, json } from './fakes';

const sf = { salesforceUrl: 'https://acme.my.salesforce.com', salesforceApiVersion: 'v62.0' };

describe('Salesforce client', () => {
    it('refuses more than 200 records per collections call', () => {
        const records = Array.from({ length: 201 }, () => ({ attributes: { type: 'Task' } }));
        expect(() => createRecords(new FakeHttp(), sf, records)).toThrow(/at most 200/);
    });

    it('reports a result count that does not match the request as a failure', () => {
        const http = new FakeHttp(() => json(200, [{ success: true }]));
        const out = createRecords(http, sf, [{ attributes: { type: 'Task' } }, { attributes: { type: 'Task' } }]);
        expect(out).toMatchObject({ ok: false, error: 'expected 2 save results, got 1' });
    });

    it('tells the admin which property to set when the instance URL is missing, without calling out', () => {
        const http = new FakeHttp();
        const out = createRecords(http, { ...sf, salesforceUrl: '' }, [{ attributes: { type: 'Task' } }]);
        expect(out.ok).toBe(false);
        expect(!out.ok && out.error).toContain('x_seam_bridge.salesforce.instance_url');
        expect(http.requests).toHaveLength(0);
    });

    it('runs SOQL through the query function and quotes literals', () => {
        const http = new FakeHttp(() => json(200, { records: [{ Id: '1' }] }));
        expect(query(http, sf, `SELECT Id FROM Case WHERE Subject = ${soqlString("O'Brien \\ co")}`)).toEqual({ ok: true, records: [{ Id: '1' }] });
        expect(http.requests[0]).toMatchObject({ fn: 'query', method: 'GET' });
        expect(decodeURIComponent(http.requests[0].endpoint)).toContain("Subject = 'O\\'Brien \\\\ co'");
    });
});

describe('proxy client', () => {
    it('sends the bearer secret from the property and the correlation id, and audits latency and engine', () => {
        const ports = fakePorts({ route: () => { ports.now += 250; return json(200, { summary: 'x', engine: 'embedded' }); } });
        const req = { subject: 'VPN down', resolutionNotes: 'Replaced the switch' };
        const out = callProxy(ports, { proxyUrl: 'https://p.test', proxyApiKey: 'k1' }, '/v1/resolution-summary', req, { idempotencyKey: 'k', correlationId: 'c' });
        expect(out).toMatchObject({ ok: true, engine: 'embedded' });
        expect(ports.http.requests[0]).toMatchObject({ message: 'Seam Proxy', fn: 'resolutionSummary', endpoint: 'https://p.test/v1/resolution-summary' });
        expect(ports.http.requests[0].headers?.Authorization).toBe('Bearer k1');
        expect(JSON.parse(ports.http.requests[0].body ?? '')).toEqual({ ...req, idempotencyKey: 'k', correlationId: 'c' });
        expect(ports.records.rows('x_seam_bridge_audit')[0]).toMatchObject({ direction: 'proxy', operation: '/v1/resolution-summary', latency_ms: '250', result: 'success', detail: 'engine=embedded' });
    });

    it('checks the request against the shared proxy schema before calling out', () => {
        const ports = fakePorts();
        const out = callProxy(ports, { proxyUrl: 'https://p.test', proxyApiKey: 'k' }, '/v1/triage', { caseId: 'nope', subject: 's', description: '' }, { idempotencyKey: 'k', correlationId: '' });
        expect(out.ok).toBe(false);
        expect(!out.ok && out.error).toMatch(/request breaks the \/v1\/triage schema/);
        expect(ports.http.requests).toHaveLength(0);
    });

    it('does not call the proxy without its secret', () => {
        const ports = fakePorts();
        const out = callProxy(ports, { proxyUrl: 'https://p.test', proxyApiKey: '' }, '/v1/triage', {}, { idempotencyKey: 'k', correlationId: 'c' });
        expect(out.ok).toBe(false);
        expect(ports.http.requests).toHaveLength(0);
    });

    it('audits a failed call with its status', () => {
        const ports = fakePorts({ route: () => ({ status: 401, body: 'bad token' }) });
        const triage = { caseId: '500000000000001AAA', subject: 'VPN down', description: '' };
        const out = callProxy(ports, { proxyUrl: 'https://p.test', proxyApiKey: 'k' }, '/v1/triage', triage, { idempotencyKey: 'k', correlationId: 'c' });
        expect(out).toMatchObject({ ok: false, status: 401 });
        expect(ports.records.rows('x_seam_bridge_audit')[0]).toMatchObject({ result: 'failed', http_status: '401' });
    });
});
