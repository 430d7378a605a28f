import { describe, expect, it } from 'vitest';
import { postCases } from '../src/server/api/cases';
import { postComments } from '../src/server/api/comments';
import { getLink } from '../src/server/api/links';
import { DEFAULTS, type Settings } from '../src/server/config';
import { fakePorts, type FakePorts } from './fakes';
import { CASE_A, CASE_B, PROPS, body, caseMessage, proxyAndSalesforce } from './helpers';

const settings: Settings = { ...DEFAULTS, proxyUrl: PROPS['x_seam_bridge.proxy.url'], proxyApiKey: PROPS['x_seam_bridge.proxy.api_key'] };

function comment(n: number, caseId = CASE_A, text = 'Any update? We are losing sales.') {
    const commentId = `00a00000000000${n}AAA`;
    return { messageId: `mc-${n}`, idempotencyKey: `salesforce:${commentId}:1:comment`, caseId, commentId, body: text, author: 'Ann Customer', createdAt: '2026-11-23T11:30:00Z', origin: 'salesforce' };
}

function linked(): FakePorts {
    const ports = fakePorts({ route: proxyAndSalesforce({ route: 'servicenow', priority: 3, confidence: 0.95 }) });
    postCases(ports, settings, { bodyText: body([caseMessage()]), pathParams: {} });
    return ports;
}

const journal = (ports: FakePorts) => ports.records.rows('sys_journal_field').filter((j) => j.element === 'comments');

describe('POST /v1/comments', () => {
    it('adds the comment to the linked incident, tagged with its Salesforce origin, once', () => {
        const ports = linked();
        const res = postComments(ports, settings, { bodyText: body([comment(1)]), pathParams: {} });
        expect(res.status).toBe(200);
        expect((res.body as { results: { status: string }[] }).results[0].status).toBe('updated');
        expect(journal(ports).map((j) => j.value)).toEqual(['[Seam: from Salesforce · Ann Customer]\nAny update? We are losing sales.']);
        const again = postComments(ports, settings, { bodyText: body([comment(1)]), pathParams: {} });
        expect((again.body as { results: { status: string }[] }).results[0].status).toBe('duplicate');
        expect(journal(ports)).toHaveLength(1);
        expect(ports.records.rows('x_seam_bridge_audit').some((a) => a.operation === 'comment:add' && a.fields === 'comments')).toBe(true);
    });

    it('drops a ServiceNow comment that Salesforce echoes back', () => {
        const ports = linked();
        postComments(ports, settings, { bodyText: body([comment(2, CASE_A, '[Seam: from ServiceNow · Jane Agent]\nWe are on it')]), pathParams: {} });
        expect(journal(ports)).toHaveLength(0);
    });

    it('rejects comments for unlinked cases with the fix, and invalid batches with 400', () => {
        const ports = linked();
        const res = postComments(ports, settings, { bodyText: body([comment(3, CASE_B)]), pathParams: {} });
        const [r] = (res.body as { results: { status: string; problems: { fix: string }[] }[] }).results;
        expect(r.status).toBe('rejected');
        expect(r.problems[0].fix).toContain('POST /v1/cases');
        const bad = postComments(ports, settings, { bodyText: body([{ ...comment(4), createdAt: 'yesterday' }]), pathParams: {} });
        expect(bad.status).toBe(400);
        expect(journal(ports)).toHaveLength(0);
    });
});

describe('GET /v1/links/{caseId}', () => {
    it('returns the link state of a linked case, also for the 15-character id', () => {
        const ports = linked();
        const incident = ports.records.rows('incident')[0];
        ports.records.insert('x_seam_bridge_outbox', { incident: incident.sys_id, status: 'failed' });
        const res = getLink(ports, { bodyText: '', pathParams: { caseId: CASE_A.slice(0, 15) } });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
            caseId: CASE_A,
            incidentNumber: incident.number,
            incidentSysId: incident.sys_id,
            correlationId: `SNOW-${incident.number}|SFDC-${CASE_A}`,
            syncState: 'in_sync',
            linkVersion: 1,
            lastError: null,
            pending: 1,
        });
    });

    it('reports a case under review, 404 for unknown cases and 400 for a malformed id', () => {
        const ports = fakePorts({ route: proxyAndSalesforce({ route: 'review', priority: 3, confidence: 0.9 }) });
        postCases(ports, settings, { bodyText: body([caseMessage({ caseId: CASE_B })]), pathParams: {} });
        expect((getLink(ports, { bodyText: '', pathParams: { caseId: CASE_B } }).body as { syncState: string }).syncState).toBe('review');
        expect(getLink(ports, { bodyText: '', pathParams: { caseId: CASE_A } }).status).toBe(404);
        expect(getLink(ports, { bodyText: '', pathParams: { caseId: 'not-an-id' } }).status).toBe(400);
    });
});
