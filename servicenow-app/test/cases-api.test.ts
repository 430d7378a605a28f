import { describe, expect, it } from 'vitest';
import { postCases } from '../src/server/api/cases';
import { DEFAULTS, type Settings } from '../src/server/config';
import { fakePorts, type FakePorts } from './fakes';
import { ACCOUNT_1, CASE_A, CASE_B, PROPS, body, caseMessage, proxyAndSalesforce, type TriageAnswer } from './helpers';

const settings: Settings = { ...DEFAULTS, proxyUrl: PROPS['x_seam_bridge.proxy.url'], proxyApiKey: PROPS['x_seam_bridge.proxy.api_key'], salesforceUrl: PROPS['x_seam_bridge.salesforce.instance_url'] };
const confident: TriageAnswer = { route: 'servicenow', priority: 3, confidence: 0.95 };

function setup(answer: TriageAnswer | 'down' = confident): FakePorts {
    const ports = fakePorts({ route: proxyAndSalesforce(answer) });
    ports.records.seed('sys_user_group', { sys_id: 'grp-network', name: 'Network' });
    return ports;
}

const post = (ports: FakePorts, text: string, s: Settings = settings) => postCases(ports, s, { bodyText: text, pathParams: {} });
const results = (r: { body: unknown }) => (r.body as { results: { status: string; [k: string]: unknown }[] }).results;

describe('POST /v1/cases: validation', () => {
    it('answers 400 for a body that is not JSON, and writes nothing', () => {
        const ports = setup();
        const res = post(ports, '{"messages": [');
        expect(res.status).toBe(400);
        expect((res.body as { error: { problems: unknown[] } }).error.problems.length).toBeGreaterThan(0);
        expect(ports.records.writes).toEqual([]);
    });

    it('names the field and the fix when the schema is broken', () => {
        const ports = setup();
        const bad = { ...caseMessage(), caseId: '12345' };
        const res = post(ports, body([bad]));
        expect(res.status).toBe(400);
        const problem = (res.body as { error: { problems: { field: string; fix: string }[] } }).error.problems[0];
        expect(problem.field).toBe('messages[0].caseId');
        expect(problem.fix).not.toBe('');
    });

    it('rejects the whole batch when one message writes a ServiceNow-owned field: nothing is half-written', () => {
        const ports = setup();
        const good = caseMessage({ caseId: CASE_B });
        const bad = caseMessage({}, { Status: 'Closed' });
        const res = post(ports, body([good, bad]));
        expect(res.status).toBe(400);
        const problems = (res.body as { error: { problems: { field: string }[] } }).error.problems;
        expect(problems.map((p) => p.field)).toContain('messages[1].fields.Status');
        expect(ports.records.writes).toEqual([]);
        expect(ports.http.requests).toEqual([]);
    });

    it('rejects a repeated messageId inside one batch', () => {
        const ports = setup();
        const res = post(ports, body([caseMessage(), caseMessage()]));
        expect(res.status).toBe(400);
        expect(ports.records.writes).toEqual([]);
    });

    it('answers 503 and writes nothing while inbound sync is off', () => {
        const ports = setup();
        expect(post(ports, body([caseMessage()]), { ...settings, inboundEnabled: false }).status).toBe(503);
        expect(ports.records.writes).toEqual([]);
    });
});

describe('POST /v1/cases: new cases', () => {
    it('triages through the proxy with the proxy credential and creates the incident, link and audit', () => {
        const ports = setup();
        const res = post(ports, body([caseMessage({}, { Priority: 'High' })]));
        expect(res.status).toBe(200);
        const [result] = results(res);
        expect(result).toMatchObject({ status: 'created', linkVersion: 1 });
        const triageCall = ports.http.requests[0];
        expect(triageCall).toMatchObject({ message: 'Seam Proxy', endpoint: 'https://proxy.example.test/v1/triage' });
        expect(triageCall.headers?.Authorization).toBe('Bearer sn-secret-from-property');
        expect(JSON.parse(triageCall.body ?? '')).toMatchObject({ caseId: CASE_A, customerPriority: 'High', idempotencyKey: `salesforce:${CASE_A}:1:triage` });

        const [incident] = ports.records.rows('incident');
        expect(incident).toMatchObject({
            short_description: 'VPN down for the whole office',
            x_seam_bridge_sf_case_id: CASE_A,
            x_seam_bridge_sf_case_number: '00001001',
            x_seam_bridge_sf_account_id: ACCOUNT_1,
            x_seam_bridge_customer_priority: 'High',
            urgency: '1',
            assignment_group: 'grp-network',
            category: 'software', // triage said outage
        });
        expect(result.incidentNumber).toBe(incident.number);
        expect(result.incidentSysId).toBe(incident.sys_id);
        expect(result.correlationId).toBe(`SNOW-${incident.number}|SFDC-${CASE_A}`);
        expect(incident.x_seam_bridge_correlation_id).toBe(result.correlationId);

        const [link] = ports.records.rows('x_seam_bridge_link');
        expect(link).toMatchObject({ sf_case_id: CASE_A, incident: incident.sys_id, sync_state: 'in_sync', link_version: '1' });
        const audit = ports.records.rows('x_seam_bridge_audit').find((a) => a.direction === 'inbound');
        expect(audit).toMatchObject({ operation: 'case:create_incident', result: 'success', idempotency_key: `salesforce:${CASE_A}:1` });
        expect(JSON.parse(audit?.new_values ?? '{}')).toMatchObject({ short_description: 'VPN down for the whole office' });
        // The model's reasoning is kept as an internal work note, never sent to the customer.
        expect(incident.work_notes).toContain('Seam triage (AI');
    });

    it('files the incident under the out-of-box category its triage category maps to', () => {
        for (const [triage, incident] of [['access', 'inquiry'], ['data_request', 'database'], ['defect', 'software']]) {
            const ports = setup({ route: 'servicenow', priority: 3, confidence: 0.9, category: triage });
            const [result] = results(post(ports, body([caseMessage()])));
            expect(result.status, triage).toBe('created');
            expect(ports.records.rows('incident')[0].category, triage).toBe(incident);
        }
    });

    it('is idempotent on the idempotency key: a replayed batch creates nothing new', () => {
        const ports = setup();
        post(ports, body([caseMessage()]));
        const again = post(ports, body([caseMessage()]));
        expect(results(again)[0].status).toBe('duplicate');
        expect(ports.records.rows('incident')).toHaveLength(1);
    });

    it('queues low-confidence results for review with the model rationale, creating no incident', () => {
        const ports = setup({ route: 'servicenow', priority: 3, confidence: 0.3 });
        const [result] = results(post(ports, body([caseMessage()])));
        expect(result.status).toBe('review');
        expect(ports.records.rows('incident')).toHaveLength(0);
        expect(ports.records.rows('x_seam_bridge_triage_review')[0]).toMatchObject({ status: 'pending', rationale: 'Many users affected; network outage pattern.', confidence: '0.3', sf_case_id: CASE_A });
    });

    it('sends a high-priority transfer to a real approval (sysapproval_approver per reviewer)', () => {
        const ports = setup({ route: 'servicenow', priority: 1, confidence: 0.97 });
        ports.records.seed('sys_user_has_role', { user: 'u-rev1', 'role.name': 'x_seam_bridge.reviewer' });
        ports.records.seed('sys_user_has_role', { user: 'u-rev2', 'role.name': 'x_seam_bridge.reviewer' });
        const [result] = results(post(ports, body([caseMessage()])));
        expect(result.status).toBe('approval_pending');
        expect(ports.records.rows('incident')).toHaveLength(0);
        const review = ports.records.rows('x_seam_bridge_triage_review')[0];
        expect(review.status).toBe('approval_pending');
        const approvals = ports.records.rows('sysapproval_approver');
        expect(approvals.map((a) => a.approver).sort()).toEqual(['u-rev1', 'u-rev2']);
        expect(approvals.every((a) => a.state === 'requested' && a.source_table === 'x_seam_bridge_triage_review' && a.document_id === review.sys_id)).toBe(true);
    });

    it('keeps a case the model routes to Salesforce, and audits why', () => {
        const ports = setup({ route: 'salesforce', priority: 4, confidence: 0.9 });
        const [result] = results(post(ports, body([caseMessage()])));
        expect(result.status).toBe('kept_in_salesforce');
        expect(ports.records.rows('incident')).toHaveLength(0);
        expect(ports.records.rows('x_seam_bridge_audit').some((a) => a.operation === 'case:kept_in_salesforce')).toBe(true);
    });

    it('a human escalation of a case triage kept in Salesforce creates the incident, audited as such', () => {
        const ports = setup({ route: 'salesforce', priority: 4, confidence: 0.9 });
        expect(results(post(ports, body([caseMessage()])))[0].status).toBe('kept_in_salesforce');
        // The model would keep it again; the agent's "Escalate to IT" overrides it.
        const escalated = caseMessage({ version: 2, escalate: true, escalatedBy: 'Jane Agent' });
        const [result] = results(post(ports, body([escalated])));
        expect(result.status).toBe('created');
        expect(ports.records.rows('incident')).toHaveLength(1);
        const audit = ports.records.rows('x_seam_bridge_audit').find((a) => a.operation === 'case:escalated_by_human')!;
        expect(audit.detail).toContain('escalated to IT by Jane Agent');
        expect(ports.records.rows('x_seam_bridge_audit').filter((a) => a.operation === 'case:kept_in_salesforce')).toHaveLength(1);
    });

    it('a human escalation at high priority still asks for approval', () => {
        const ports = setup({ route: 'salesforce', priority: 4, confidence: 0.9 });
        ports.records.seed('sys_user_has_role', { user: 'u-rev1', 'role.name': 'x_seam_bridge.reviewer' });
        const [result] = results(post(ports, body([caseMessage({ escalate: true, escalatedBy: 'Jane Agent' }, { Priority: 'High' })])));
        expect(result.status).toBe('approval_pending');
        expect(ports.records.rows('incident')).toHaveLength(0);
        expect(ports.records.rows('sysapproval_approver').map((a) => a.approver)).toEqual(['u-rev1']);
    });

    it('sends the case to a person when the proxy is down, instead of guessing', () => {
        const ports = setup('down');
        const [result] = results(post(ports, body([caseMessage()])));
        expect(result.status).toBe('review');
        expect(ports.records.rows('x_seam_bridge_triage_review')[0].reason).toContain('triage unavailable');
    });

    it('creates the incident without calling the proxy when triage is switched off', () => {
        const ports = setup();
        const [result] = results(post(ports, body([caseMessage()]), { ...settings, triageEnabled: false }));
        expect(result.status).toBe('created');
        expect(ports.http.requests).toHaveLength(0);
    });

    it('a newer message for a case under review replaces the stored one', () => {
        const ports = setup({ route: 'review', priority: 3, confidence: 0.9 });
        post(ports, body([caseMessage()]));
        const [second] = results(post(ports, body([caseMessage({ version: 2 }, { Subject: 'VPN down, now also Wi-Fi' })])));
        expect(second.status).toBe('review');
        const reviews = ports.records.rows('x_seam_bridge_triage_review');
        expect(reviews).toHaveLength(1);
        expect(JSON.parse(reviews[0].message).fields.Subject).toBe('VPN down, now also Wi-Fi');
    });
});

describe('POST /v1/cases: linked cases', () => {
    it('updates only Salesforce-owned fields of the linked incident, newer versions only', () => {
        const ports = setup();
        post(ports, body([caseMessage()]));
        const incident = ports.records.rows('incident')[0];
        ports.records.update('incident', incident.sys_id, { state: '2' }); // IT works on it
        const [updated] = results(post(ports, body([caseMessage({ version: 2 }, { Subject: 'VPN down (3 sites)', Priority: 'High' })])));
        expect(updated).toMatchObject({ status: 'updated', incidentNumber: incident.number, linkVersion: 2 });
        expect(ports.records.get('incident', incident.sys_id)).toMatchObject({ short_description: 'VPN down (3 sites)', urgency: '1', state: '2' });
        const audit = ports.records.rows('x_seam_bridge_audit').filter((a) => a.operation === 'case:update_incident').pop();
        expect(JSON.parse(audit?.old_values ?? '{}').short_description).toBe('VPN down for the whole office');
        expect(JSON.parse(audit?.new_values ?? '{}').short_description).toBe('VPN down (3 sites)');

        const [stale] = results(post(ports, body([caseMessage({ version: 1, messageId: 'm-old', idempotencyKey: `salesforce:${CASE_A}:1x` }, { Subject: 'old' })])));
        expect(stale.status).toBe('stale');
        expect(ports.records.get('incident', incident.sys_id)?.short_description).toBe('VPN down (3 sites)');
    });
});
