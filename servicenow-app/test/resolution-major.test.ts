import { describe, expect, it } from 'vitest';
import { postCases } from '../src/server/api/cases';
import { DEFAULTS, type Settings } from '../src/server/config';
import { AI_LABEL, PROMPT_ATTACHMENT_TEXT_MAX, parseOriginTag } from '../src/server/generated/seam-core';
import { accountsFromCases, onMajorIncident } from '../src/server/sync/major-incident';
import { onIncidentResolved } from '../src/server/sync/resolution';
import { fakePorts, json, type FakePorts } from './fakes';
import { ACCOUNT_1, ACCOUNT_2, CASE_A, PROPS, body, caseMessage, proxyAndSalesforce } from './helpers';

const settings: Settings = {
    ...DEFAULTS,
    proxyUrl: PROPS['x_seam_bridge.proxy.url'],
    proxyApiKey: PROPS['x_seam_bridge.proxy.api_key'],
    salesforceUrl: PROPS['x_seam_bridge.salesforce.instance_url'],
    customerFacingServices: ['ci-vpn'],
};

function linkedAndResolved(summaryAnswer: unknown = { summary: 'We replaced a faulty switch; VPN access is restored.', nextSteps: ['Reconnect your VPN client'], engine: 'llm' }): { ports: FakePorts; sysId: string } {
    const triage = proxyAndSalesforce({ route: 'servicenow', priority: 3, confidence: 0.95 });
    const ports = fakePorts({ route: (req) => (req.endpoint.endsWith('/v1/resolution-summary') ? json(200, summaryAnswer) : triage(req)) });
    postCases(ports, settings, { bodyText: body([caseMessage()]), pathParams: {} });
    const incident = ports.records.rows('incident')[0];
    ports.records.update('incident', incident.sys_id, { state: '6', close_code: 'Solved (Permanently)', close_notes: 'Replaced switch sw-12 in rack B', sys_mod_count: '4' });
    return { ports, sysId: incident.sys_id };
}

describe('resolution summary', () => {
    it('drafts an AI-labelled public case comment and holds it for approval', () => {
        const { ports, sysId } = linkedAndResolved();
        const outcome = onIncidentResolved(ports, settings, ports.records.get('incident', sysId) as Record<string, string>);
        expect(outcome).toMatchObject({ status: 'held', idempotencyKey: `servicenow:${sysId}:4:resolution-summary` });
        const request = ports.http.requests.find((r) => r.endpoint.endsWith('/v1/resolution-summary'));
        expect(JSON.parse(request?.body ?? '')).toMatchObject({ resolutionNotes: 'Replaced switch sw-12 in rack B', resolutionCode: 'Solved (Permanently)' });
        const [msg] = ports.records.rows('x_seam_bridge_outbox');
        expect(msg.status).toBe('held');
        const comment = JSON.parse(msg.payload);
        expect(comment).toMatchObject({ attributes: { type: 'CaseComment' }, ParentId: CASE_A, IsPublished: true });
        expect(comment.CommentBody).toContain(AI_LABEL);
        expect(comment.CommentBody).toContain('- Reconnect your VPN client');
        expect(parseOriginTag(comment.CommentBody)?.origin).toBe('servicenow');
    });

    it('queues it directly when no approval is required, once per resolution', () => {
        const { ports, sysId } = linkedAndResolved();
        const row = ports.records.get('incident', sysId) as Record<string, string>;
        expect(onIncidentResolved(ports, { ...settings, resolutionRequireApproval: false }, row).status).toBe('queued');
        expect(onIncidentResolved(ports, { ...settings, resolutionRequireApproval: false }, row).status).toBe('duplicate');
        expect(ports.records.rows('x_seam_bridge_outbox').map((r) => r.status)).toEqual(['pending']);
    });

    it('queues nothing when the proxy answer breaks the schema', () => {
        const { ports, sysId } = linkedAndResolved({ summary: '', nextSteps: 'none', engine: 'llm' });
        const outcome = onIncidentResolved(ports, settings, ports.records.get('incident', sysId) as Record<string, string>);
        expect(outcome.status).toBe('proxy_failed');
        expect(ports.records.rows('x_seam_bridge_outbox')).toHaveLength(0);
    });

    it("sends the text of the incident's readable files, masked and capped, with the notes", () => {
        const { ports, sysId } = linkedAndResolved();
        const data = new Map<string, string>();
        const file = (fileName: string, text: string | Buffer, created: string, sizeBytes?: number) => {
            const b64 = Buffer.from(text).toString('base64');
            const id = ports.records.seed('sys_attachment', { table_name: 'incident', table_sys_id: sysId, file_name: fileName, size_bytes: sizeBytes ?? Buffer.from(b64, 'base64').length, sys_created_on: created });
            data.set(id, b64);
        };
        file('switch.log', 'sw-12 port 7 flapping; paged ops@example.com, called +44 20 7946 0958', '2026-01-10 10:00:00');
        file('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), '2026-01-10 10:01:00');
        file('huge.log', 'x', '2026-01-10 10:02:00', 50_000_000);
        file('big.txt', 'y'.repeat(20_000), '2026-01-10 10:03:00');
        ports.records.seed('sys_attachment', { table_name: 'incident', table_sys_id: 'other-incident', file_name: 'other.log', size_bytes: 3, sys_created_on: '2026-01-10 10:04:00' });
        const files = { base64: (id: string) => data.get(id) ?? '', write: () => null };

        expect(onIncidentResolved(ports, settings, ports.records.get('incident', sysId) as Record<string, string>, files).status).toBe('held');
        const request = ports.http.requests.find((r) => r.endpoint.endsWith('/v1/resolution-summary'));
        const sent = JSON.parse(request?.body ?? '') as { attachments: { name: string; text: string }[] };
        // Newest first; the picture and the file over the size limit are not read, nor another incident's file.
        expect(sent.attachments.map((a) => a.name)).toEqual(['big.txt', 'switch.log']);
        expect(sent.attachments[0].text).toHaveLength(PROMPT_ATTACHMENT_TEXT_MAX);
        expect(sent.attachments[1].text).toBe('sw-12 port 7 flapping; paged [EMAIL_1], called [PHONE_1]');
        expect(request?.body).not.toContain('ops@example.com');
        expect(request?.body).not.toContain('7946');
    });

    it('sends no attachments field when no file access is given or none is readable', () => {
        const { ports, sysId } = linkedAndResolved();
        const id = ports.records.seed('sys_attachment', { table_name: 'incident', table_sys_id: sysId, file_name: 'scan.pdf', size_bytes: 40 });
        const files = { base64: (s: string) => (s === id ? Buffer.from('%PDF-1.4 /Filter /FlateDecode stream').toString('base64') : ''), write: () => null };
        const row = ports.records.get('incident', sysId) as Record<string, string>;
        onIncidentResolved(ports, settings, row, files);
        const request = ports.http.requests.find((r) => r.endpoint.endsWith('/v1/resolution-summary'));
        expect(JSON.parse(request?.body ?? '')).not.toHaveProperty('attachments');
    });

    it('skips unlinked, unresolved incidents and the switched-off feature', () => {
        const ports = fakePorts();
        const sysId = ports.records.seed('incident', { state: '6', number: 'INC0000001' });
        const row = ports.records.get('incident', sysId) as Record<string, string>;
        expect(onIncidentResolved(ports, settings, row).status).toBe('not_linked');
        expect(onIncidentResolved(ports, settings, { ...row, state: '2' }).status).toBe('not_resolved');
        expect(onIncidentResolved(ports, { ...settings, resolutionEnabled: false }, row).status).toBe('disabled');
        expect(ports.http.requests).toHaveLength(0);
    });
});

describe('major incident', () => {
    const impact = { headline: 'VPN outage', body: 'VPN access is down for all customers.', severity: 'critical', customerAction: 'Use the web portal meanwhile.', engine: 'llm' };
    function p1(): { ports: FakePorts; incident: Record<string, string> } {
        const ports = fakePorts({
            route: (req) => {
                if (req.endpoint.includes('/query?q=')) {
                    return json(200, { totalSize: 3, done: true, records: [
                        { AccountId: ACCOUNT_1, Account: { OwnerId: '005000000000001AAA' } },
                        { AccountId: ACCOUNT_1, Account: { OwnerId: '005000000000001AAA' } },
                        { AccountId: ACCOUNT_2, Account: { OwnerId: '005000000000002AAA' } },
                    ] });
                }
                if (req.endpoint.endsWith('/v1/impact')) return json(200, impact);
                return { status: 404, body: '' };
            },
        });
        const sysId = ports.records.seed('incident', { number: 'INC0000123', priority: '1', cmdb_ci: 'ci-vpn', short_description: 'VPN concentrator down', opened_at: '2026-11-23 10:00:00' });
        return { ports, incident: ports.records.get('incident', sysId) as Record<string, string> };
    }

    it('asks Salesforce for accounts with open cases on the CI and queues one AI-labelled task per account', () => {
        const { ports, incident } = p1();
        expect(onMajorIncident(ports, settings, incident)).toEqual({ status: 'queued', tasks: 2, duplicates: 0 });
        const soql = decodeURIComponent(ports.http.requests[0].endpoint.split('?q=')[1]);
        expect(soql).toContain("Seam_CI__c IN ('ci-vpn')");
        expect(soql).toContain('IsClosed = false');
        expect(JSON.parse(ports.http.requests[1].body ?? '')).toMatchObject({ incidentNumber: 'INC0000123', status: 'investigating', startedAt: '2026-11-23T10:00:00Z' });
        const tasks = ports.records.rows('x_seam_bridge_outbox').map((r) => JSON.parse(r.payload));
        expect(tasks.map((t) => t.WhatId).sort()).toEqual([ACCOUNT_1, ACCOUNT_2]);
        expect(tasks[0]).toMatchObject({ attributes: { type: 'Task' }, Subject: '[INC0000123] VPN outage', Priority: 'High' });
        expect(tasks[0].Description).toContain(AI_LABEL);
        // A second P1 update must not notify the same accounts twice.
        expect(onMajorIncident(ports, settings, incident)).toEqual({ status: 'queued', tasks: 0, duplicates: 2 });
    });

    it('matches cases by the CI display name the case carries (and by sys_id for older cases)', () => {
        const { ports, incident } = p1();
        ports.records.displayNames['ci-vpn'] = 'VPN concentrator';
        onMajorIncident(ports, settings, incident);
        const soql = decodeURIComponent(ports.http.requests[0].endpoint.split('?q=')[1]);
        expect(soql).toContain("Seam_CI__c IN ('ci-vpn', 'VPN concentrator')");
    });

    it('does nothing for P2 or for services that are not customer-facing', () => {
        const { ports, incident } = p1();
        expect(onMajorIncident(ports, settings, { ...incident, priority: '2' }).status).toBe('not_p1');
        expect(onMajorIncident(ports, { ...settings, customerFacingServices: ['ci-other'] }, incident).status).toBe('not_customer_facing');
        expect(ports.http.requests).toHaveLength(0);
    });

    it('dedupes accounts from the query rows', () => {
        expect(accountsFromCases([{ AccountId: 'a' }, { AccountId: 'a' }, { AccountId: null }, { AccountId: 'b', Account: { OwnerId: 'o' } }])).toEqual([
            { accountId: 'a', ownerId: '' },
            { accountId: 'b', ownerId: 'o' },
        ]);
    });
});
