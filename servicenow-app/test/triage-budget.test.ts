// Issue 15 item 2: triage ran inside POST /v1/cases, one model call per new case (up to 200),
// past the REST transaction quota and the Salesforce callout timeout. The request now stops
// calling the model once its triage budget is spent; the cases left are accepted and triaged
// by the async rule on the review row.
import { describe, expect, it } from 'vitest';
import { postCases } from '../src/server/api/cases';
import { DEFAULTS, loadSettings, type Settings } from '../src/server/config';
import { salesforceIdSuffix } from '../src/server/generated/seam-core';
import { triageQueued } from '../src/server/sync/inbound';
import { fakePorts, type FakePorts } from './fakes';
import { PROPS, body, caseMessage, proxyAndSalesforce } from './helpers';

const settings: Settings = { ...DEFAULTS, proxyUrl: PROPS['x_seam_bridge.proxy.url'], proxyApiKey: PROPS['x_seam_bridge.proxy.api_key'], salesforceUrl: PROPS['x_seam_bridge.salesforce.instance_url'], triageBudgetMs: 10000 };
const caseId = (i: number) => { const id15 = `5000000000${String(1000 + i).padStart(5, '0')}`; return id15 + salesforceIdSuffix(id15); };

/** A model that takes `ms` per triage call (the fake clock advances while the call runs). */
function slowModel(ms: number): FakePorts {
    const answer = proxyAndSalesforce({ route: 'servicenow', priority: 3, confidence: 0.95 });
    const ports: FakePorts = fakePorts({ route: (req) => { if (req.endpoint.endsWith('/v1/triage')) ports.now += ms; return answer(req); } });
    ports.records.seed('sys_user_group', { sys_id: 'grp-network', name: 'Network' });
    return ports;
}

const results = (r: { body: unknown }) => (r.body as { results: { messageId: string; status: string }[] }).results;
const triageCalls = (ports: FakePorts) => ports.http.requests.filter((r) => r.endpoint.endsWith('/v1/triage')).length;

describe('POST /v1/cases: triage bounded by time, the rest triaged asynchronously', () => {
    it('stops calling the model when the budget is spent and accepts the rest as triage_queued, writing a queued review each', () => {
        const ports = slowModel(4000);
        const messages = Array.from({ length: 10 }, (_, i) => caseMessage({ caseId: caseId(i) }));
        const res = post(ports, messages);
        expect(res.status).toBe(200);
        const statuses = results(res).map((r) => r.status);
        // 0 ms, 4 s, 8 s started within the 10 s budget; from 12 s on no model call is started.
        expect(statuses.slice(0, 3)).toEqual(['created', 'created', 'created']);
        expect(statuses.slice(3)).toEqual(Array(7).fill('triage_queued'));
        expect(triageCalls(ports)).toBe(3);
        const queued = ports.records.rows('x_seam_bridge_triage_review').filter((r) => r.status === 'queued');
        expect(queued.map((r) => r.sf_case_id)).toEqual(messages.slice(3).map((m) => m.caseId));
        expect(ports.records.rows('incident')).toHaveLength(3);
        // The request's time is the budget plus at most one call, not one call per case.
        expect(ports.now - Date.UTC(2026, 10, 23, 12, 0, 0)).toBe(12000);
    });

    it('the async rule triages each queued case once, routes it as the request would have, and a resend is a duplicate', () => {
        const ports = slowModel(4000);
        const messages = Array.from({ length: 4 }, (_, i) => caseMessage({ caseId: caseId(i) }));
        post(ports, messages, { ...settings, triageBudgetMs: 0 });
        expect(triageCalls(ports)).toBe(0);
        for (const review of ports.records.rows('x_seam_bridge_triage_review')) {
            const out = triageQueued(ports, settings, review);
            expect(out.status).toBe('created');
            // Run again (a replayed async job): nothing more happens.
            expect(triageQueued(ports, settings, ports.records.get('x_seam_bridge_triage_review', review.sys_id)!).status).toBe('ignored');
        }
        expect(triageCalls(ports)).toBe(4);
        const incidents = ports.records.rows('incident');
        expect(incidents.map((i) => i.x_seam_bridge_sf_case_id).sort()).toEqual(messages.map((m) => m.caseId).sort());
        const reviews = ports.records.rows('x_seam_bridge_triage_review');
        expect(reviews.every((r) => r.status === 'triaged' && r.incident !== '')).toBe(true);
        // Salesforce retries the same messages (e.g. after a timeout): duplicates, no second incident.
        expect(results(post(ports, messages)).map((r) => r.status)).toEqual(Array(4).fill('duplicate'));
        expect(ports.records.rows('incident')).toHaveLength(4);
    });

    it('a newer message for a queued case replaces the stored one and is answered triage_queued', () => {
        const ports = slowModel(1);
        post(ports, [caseMessage({ caseId: caseId(1) })], { ...settings, triageBudgetMs: 0 });
        const res = post(ports, [caseMessage({ caseId: caseId(1), version: 2 }, { Subject: 'VPN down, now also email' })], { ...settings, triageBudgetMs: 0 });
        expect(results(res)[0].status).toBe('triage_queued');
        const [review] = ports.records.rows('x_seam_bridge_triage_review');
        expect(JSON.parse(review.message).fields.Subject).toBe('VPN down, now also email');
    });

    it('reads the budget and the proxy timeout from properties, refusing values past the quota', () => {
        const ok = loadSettings({ get: (n) => ({ 'x_seam_bridge.inbound.triage_budget_ms': '5000', 'x_seam_bridge.proxy.timeout_ms': '15000' } as Record<string, string>)[n] });
        expect(ok.settings).toMatchObject({ triageBudgetMs: 5000, proxyTimeoutMs: 15000 });
        const bad = loadSettings({ get: (n) => (n === 'x_seam_bridge.inbound.triage_budget_ms' ? '90000' : undefined) });
        expect(bad.settings.triageBudgetMs).toBe(DEFAULTS.triageBudgetMs);
        expect(bad.problems[0].field).toBe('x_seam_bridge.inbound.triage_budget_ms');
    });

    it('sends the proxy timeout with every triage call', () => {
        const ports = slowModel(1);
        post(ports, [caseMessage({ caseId: caseId(2) })]);
        expect(ports.http.requests.find((r) => r.endpoint.endsWith('/v1/triage'))?.timeoutMs).toBe(DEFAULTS.proxyTimeoutMs);
    });
});

function post(ports: FakePorts, messages: unknown[], s: Settings = settings) {
    return postCases(ports, s, { bodyText: body(messages), pathParams: {} });
}
