// "Test connection" on the ServiceNow side: each check says what failed and the fix.
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../src/server/config';
import { caseFieldsServiceNowWrites, receiptsCheck, testConnection } from '../src/server/ops/test-connection';
import type { HttpRequest, HttpResponse } from '../src/server/ports';
import { fakePorts, json } from './fakes';

const settings = { ...DEFAULTS, salesforceUrl: 'https://acme.my.salesforce.com' };
const caseDescribe = (skip = '') => json(200, { fields: caseFieldsServiceNowWrites().filter((f) => f !== skip).map((name) => ({ name, updateable: true })) });
function org(over: Partial<Record<'limits' | 'case' | 'event', HttpResponse>> = {}) {
    return (req: HttpRequest): HttpResponse => {
        if (req.endpoint.endsWith('/limits')) return over.limits ?? json(200, { DailyApiRequests: { Max: 15000, Remaining: 14000 } });
        if (req.endpoint.endsWith('/sobjects/Case/describe')) return over.case ?? caseDescribe();
        if (req.endpoint.endsWith('/sobjects/Incident_Update__e/describe')) return over.event ?? json(200, { createable: true });
        return { status: 404, body: '' };
    };
}
const verdicts = (r: ReturnType<typeof testConnection>) => r.checks.map((c) => `${c.name}:${c.ok ? 'ok' : 'FAILED'}`);

describe('testConnection', () => {
    it('all checks pass against a healthy org, in three calls', () => {
        const ports = fakePorts({ route: org() });
        const r = testConnection(ports, settings);
        expect(verdicts(r)).toEqual(['configuration:ok', 'endpoint:ok', 'auth:ok', 'permissions:ok', 'api_budget:ok', 'receipts:ok']);
        expect(ports.http.requests).toHaveLength(3);
    });

    it('names the failing check and its fix: configuration, auth, permissions, budget', () => {
        expect(testConnection(fakePorts(), { ...settings, salesforceUrl: '' }).checks[0]).toMatchObject({ name: 'configuration', ok: false, detail: expect.stringContaining('instance_url'), fix: expect.stringContaining('my.salesforce.com') });
        const auth = testConnection(fakePorts({ route: org({ limits: { status: 401, body: '[{"errorCode":"INVALID_SESSION_ID"}]' } }) }), settings);
        expect(verdicts(auth)).toEqual(['configuration:ok', 'endpoint:ok', 'auth:FAILED']);
        expect(auth.checks[2].fix).toContain('Get OAuth Token');
        const perms = testConnection(fakePorts({ route: org({ case: caseDescribe('Seam_Incident_State__c'), event: json(404, [{ errorCode: 'NOT_FOUND' }]) }) }), settings);
        expect(perms.checks.find((c) => c.name === 'permissions')).toMatchObject({ ok: false, detail: expect.stringContaining('Case.Seam_Incident_State__c (edit), Incident_Update__e (create)'), fix: expect.stringContaining('Seam_Integration') });
        const budget = testConnection(fakePorts({ route: org({ limits: json(200, { DailyApiRequests: { Max: 15000, Remaining: 100 } }) }) }), settings);
        expect(budget.checks.find((c) => c.name === 'api_budget')).toMatchObject({ ok: false, detail: expect.stringContaining('14900 of 15000') });
        expect(budget.ok).toBe(false);
    });

    it('an unreachable endpoint stops at the endpoint check', () => {
        const r = testConnection(fakePorts({ route: () => ({ status: 0, body: '', error: 'connect timed out' }) }), settings);
        expect(verdicts(r)).toEqual(['configuration:ok', 'endpoint:FAILED']);
        expect(r.checks[1].fix).toContain('mid_server');
    });

    it('fails the receipts check when recent receipts all came back empty (the audit rows are not visible), with the fix', () => {
        const ports = fakePorts({ route: org() });
        const receipt = (receipt: string, i: number) => ports.records.insert('x_seam_bridge_outbox', { kind: 'incident_update', status: 'sent', receipt, sys_updated_on: `2026-12-03 10:00:0${i}` });
        expect(receiptsCheck(ports, 600)).toMatchObject({ ok: true, detail: 'no receipt checked yet' });
        for (let i = 0; i < 3; i += 1) receipt('none', i);
        const hidden = testConnection(ports, { ...settings, receiptWindowSeconds: 600 });
        expect(hidden.ok).toBe(false);
        expect(hidden.checks.at(-1)).toMatchObject({ name: 'receipts', ok: false, detail: expect.stringContaining('0 answered'), fix: expect.stringContaining('configure-subscriber.sh') });
        // One answered receipt: the rows are visible; the empty ones are real drops (republished).
        receipt('applied', 4);
        expect(receiptsCheck(ports, 600)).toMatchObject({ ok: true, detail: expect.stringContaining('1 answered') });
        expect(receiptsCheck(ports, 0)).toMatchObject({ ok: true, detail: expect.stringContaining('off') });
        // Other kinds and rows without a receipt yet are not counted.
        const fresh = fakePorts();
        for (let i = 0; i < 5; i += 1) fresh.records.insert('x_seam_bridge_outbox', { kind: 'comment', status: 'sent', receipt: 'none' });
        fresh.records.insert('x_seam_bridge_outbox', { kind: 'incident_update', status: 'sent', receipt: '' });
        expect(receiptsCheck(fresh, 600).ok).toBe(true);
    });
});
