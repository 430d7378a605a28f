import { describe, expect, it } from 'vitest';
import { guardedHttp } from '../src/server/clients/guard';
import { DEFAULTS, type Settings } from '../src/server/config';
import { customerContextFor, customerContextMessage } from '../src/server/customer/context';
import { OPS_DEFAULTS } from '../src/server/ops/settings';
import { OPS_TABLE } from '../src/server/ops/state';
import type { HttpRequest, HttpResponse } from '../src/server/ports';
import { fakePorts, json, type FakePorts } from './fakes';
import { ACCOUNT_1, CASE_A } from './helpers';

const settings: Settings = { ...DEFAULTS, salesforceUrl: 'https://acme.my.salesforce.com', customerContextCacheSeconds: 300 };
const budget = OPS_DEFAULTS.budget;
const CACHE = 'x_seam_bridge_customer_cache';

const ACCOUNT_ROW = {
    attributes: { type: 'Account' }, Id: ACCOUNT_1, Name: 'Acme Retail', Seam_Contract_Value__c: 250000,
    Entitlements: { totalSize: 1, done: true, records: [{ Id: '550000000000001AAA', Name: 'Premier Support', Status: 'Active', StartDate: '2026-01-01', EndDate: '2027-06-30', SlaProcess: { Name: 'Premier 4h' } }] },
    Cases: { totalSize: 2, done: true, records: [{ CaseNumber: '00001002', Subject: 'Invoices missing', Status: 'New', CreatedDate: '2026-11-22T10:00:00.000+0000' }, { CaseNumber: '00001001', Subject: 'VPN down', Status: 'Escalated', CreatedDate: '2026-11-21T10:00:00.000+0000' }] },
};

/** Ports whose http goes through the budget guard, as entry/context.ts wires it, plus a linked incident. */
function setup(route: (req: HttpRequest) => HttpResponse, incident: Record<string, string> = {}): { ports: FakePorts; raw: FakePorts['http']; row: Record<string, string> } {
    const base = fakePorts({ route });
    const ports = Object.assign(Object.create(Object.getPrototypeOf(base)), base, { http: guardedHttp(base.http, base, budget) }) as FakePorts;
    // The clock reads the base ports' time: move both together.
    Object.defineProperty(ports, 'now', { get: () => base.now, set: (v: number) => { base.now = v; } });
    const sysId = ports.records.insert('incident', {
        number: 'INC0010001', x_seam_bridge_sf_case_id: CASE_A, x_seam_bridge_sf_case_number: '00001001', x_seam_bridge_sf_account_id: ACCOUNT_1,
        x_seam_bridge_correlation_id: 'corr-1', ...incident,
    });
    return { ports, raw: base.http, row: ports.records.get('incident', sysId) as Record<string, string> };
}
const salesforce = (status = 200, headers: Record<string, string> = { 'sforce-limit-info': 'api-usage=100/15000' }) => (req: HttpRequest): HttpResponse =>
    req.endpoint.indexOf('/query?q=') >= 0 ? { ...json(status, status === 200 ? { totalSize: 1, done: true, records: [ACCOUNT_ROW] } : [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }]), headers } : json(404, []);
const audits = (ports: FakePorts) => ports.records.rows('x_seam_bridge_audit');

describe('customer context on the incident', () => {
    it('reads account, entitlement and open cases with one SOQL call, and writes nothing to the incident or Salesforce', () => {
        const { ports, raw, row } = setup(salesforce());
        const before = JSON.stringify(ports.records.rows('incident'));
        const outcome = customerContextFor(ports, settings, budget, row);
        expect(outcome).toMatchObject({ status: 'ok', source: 'salesforce', context: { accountName: 'Acme Retail', contractValue: 250000, contractEnd: '2027-06-30', openCases: 2 } });
        expect(raw.requests).toHaveLength(1);
        expect(raw.requests[0]).toMatchObject({ message: 'Seam Salesforce', method: 'GET' });
        const soql = decodeURIComponent(raw.requests[0].endpoint.split('q=')[1]);
        expect(soql).toContain(`FROM Account WHERE Id = '${ACCOUNT_1}'`);
        expect(soql).toContain('FROM Entitlements');
        expect(soql).toContain('FROM Cases WHERE IsClosed = false');
        expect(JSON.stringify(ports.records.rows('incident'))).toBe(before);
        expect(ports.records.rows('x_seam_bridge_outbox')).toHaveLength(0);
        // The guard saw the call: today's usage is recorded.
        expect(ports.records.rows(OPS_TABLE).find((r) => r.name === 'api_usage')?.value).toContain('"used":100');
        const message = customerContextMessage(outcome, 100000);
        expect(message.level).toBe('info');
        expect(message.text).toMatch(/^Salesforce customer context \(read-only, owned by Salesforce; as of 2026-11-23 12:00:00 UTC\)/);
        expect(message.text).toContain('Entitlement: Premier Support — Active, 2026-01-01 to 2027-06-30; SLA: Premier 4h');
        expect(message.text).toContain('00001002 [New] Invoices missing');
    });

    it('answers from the per-account cache within cache_seconds, then asks Salesforce again', () => {
        const { ports, raw, row } = setup(salesforce());
        customerContextFor(ports, settings, budget, row);
        ports.now += 299_000;
        expect(customerContextFor(ports, settings, budget, row)).toMatchObject({ status: 'ok', source: 'cache' });
        expect(raw.requests).toHaveLength(1);
        ports.now += 2_000;
        expect(customerContextFor(ports, settings, budget, row)).toMatchObject({ status: 'ok', source: 'salesforce' });
        expect(raw.requests).toHaveLength(2);
        expect(ports.records.rows(CACHE)).toHaveLength(1);
        expect(ports.records.rows(CACHE)[0]).toMatchObject({ account_id: ACCOUNT_1, fetched_at: '2026-11-23 12:05:01' });
        // 0 seconds: every press is a call.
        customerContextFor(ports, { ...settings, customerContextCacheSeconds: 0 }, budget, row);
        expect(raw.requests).toHaveLength(3);
    });

    it('a case with no account: an audit row and a message naming the fix, no call', () => {
        const { ports, raw, row } = setup(salesforce(), { x_seam_bridge_sf_account_id: '' });
        const outcome = customerContextFor(ports, settings, budget, row);
        expect(outcome).toMatchObject({ status: 'no_account', field: 'Case.AccountId' });
        expect(raw.requests).toHaveLength(0);
        expect(audits(ports)).toHaveLength(1);
        expect(audits(ports)[0]).toMatchObject({ operation: 'customer_context:no_account', result: 'failed', sf_case_id: CASE_A, correlation_id: 'corr-1' });
        expect(audits(ports)[0].detail).toContain('set the Account on the Case in Salesforce');
        const message = customerContextMessage(outcome);
        expect(message).toMatchObject({ level: 'error' });
        expect(message.text).toMatch(/Case 00001001 has no account in Salesforce\. Fix: set the Account on the Case/);
    });

    it('an incident without a linked case is told so, audited, no call', () => {
        const { ports, raw, row } = setup(salesforce(), { x_seam_bridge_sf_case_id: '', x_seam_bridge_sf_account_id: '' });
        expect(customerContextFor(ports, settings, budget, row)).toMatchObject({ status: 'no_case', problem: 'the incident is not linked to a Salesforce case' });
        expect(raw.requests).toHaveLength(0);
        expect(audits(ports)[0]?.operation).toBe('customer_context:no_case');
    });

    it('the budget at the stop share refuses the call; a cached context is shown instead, marked', () => {
        const { ports, raw, row } = setup(salesforce(200, { 'sforce-limit-info': 'api-usage=14500/15000' }));
        // No cache yet: the first call is made (usage is unknown before it) and records 14500/15000.
        customerContextFor(ports, settings, budget, row);
        ports.now += 600_000; // the cache is stale
        const outcome = customerContextFor(ports, settings, budget, row);
        expect(outcome).toMatchObject({ status: 'ok', source: 'stale_cache', note: expect.stringContaining('stop share') });
        expect(raw.requests).toHaveLength(1);
        expect(customerContextMessage(outcome).text).toMatch(/cached\)[\s\S]*\(not refreshed: bulk traffic stopped/);
        // Without a cache: a refusal with the property and the fix, audited as skipped.
        const fresh = setup(salesforce());
        fresh.ports.records.insert(OPS_TABLE, { name: 'api_usage', status: 'stop', value: JSON.stringify({ day: '2026-11-23', used: 14500, max: 15000, mode: 'stop' }), detail: '' });
        const refused = customerContextFor(fresh.ports, settings, budget, fresh.row);
        expect(refused).toMatchObject({ status: 'refused', field: 'x_seam_bridge.budget.stop_share' });
        expect(audits(fresh.ports).at(-1)).toMatchObject({ operation: 'customer_context:refused', result: 'skipped' });
        expect(fresh.raw.requests).toHaveLength(0);
    });

    it('a paused credential makes no call; Salesforce refusing the query is a named error', () => {
        const { ports, raw, row } = setup(salesforce());
        ports.records.insert(OPS_TABLE, { name: 'credential', status: 'paused', value: '', detail: 'refused' });
        expect(customerContextFor(ports, settings, budget, row)).toMatchObject({ status: 'refused', field: 'Seam Salesforce credential' });
        expect(raw.requests).toHaveLength(0);

        const limited = setup(salesforce(403));
        const outcome = customerContextFor(limited.ports, settings, budget, limited.row);
        expect(outcome).toMatchObject({ status: 'refused', problem: expect.stringContaining('REQUEST_LIMIT_EXCEEDED'), fix: expect.stringContaining('daily API limit') });
        expect(audits(limited.ports).at(-1)).toMatchObject({ operation: 'customer_context:refused', http_status: '403' });
        expect(limited.ports.records.rows(CACHE)).toHaveLength(0);
    });

    it('an account Salesforce does not return is a clear error, and nothing is cached', () => {
        const { ports, row } = setup((req) => (req.endpoint.indexOf('/query') >= 0 ? json(200, { totalSize: 0, done: true, records: [] }) : json(404, [])));
        const outcome = customerContextFor(ports, settings, budget, row);
        expect(outcome).toMatchObject({ status: 'failed', field: 'Account', problem: expect.stringContaining('not found') });
        expect(ports.records.rows(CACHE)).toHaveLength(0);
        expect(audits(ports)).toHaveLength(1);
    });
});

describe('customer context on the problem', () => {
    /** A problem escalated from CASE_A; `incidentSysId` links the case to an incident too. */
    function problemOf(ports: FakePorts, values: Record<string, string>, incidentSysId = ''): Record<string, string> {
        const sysId = ports.records.insert('problem', { number: 'PRB0040001', x_seam_bridge_sf_case_id: CASE_A, x_seam_bridge_sf_case_number: '00001001', x_seam_bridge_correlation_id: 'corr-1', ...values });
        ports.records.insert('x_seam_bridge_link', { sf_case_id: CASE_A, incident: incidentSysId, problem: sysId, state: JSON.stringify({ caseId: CASE_A, incidentSysId: incidentSysId || null, versions: { salesforce: 1, servicenow: 1 } }) });
        return ports.records.get('problem', sysId) as Record<string, string>;
    }

    it('reads the account of the case through its incident (kept by the sync), not the copy the escalation wrote once', () => {
        // The problem was escalated before the Case had its account; the case sync brought ACCOUNT_1 to the incident since.
        const { ports, raw, row: incident } = setup(salesforce());
        const problem = problemOf(ports, { x_seam_bridge_sf_account_id: '' }, incident.sys_id);
        const outcome = customerContextFor(ports, settings, budget, problem, 'problem');
        expect(outcome).toMatchObject({ status: 'ok', context: { accountId: ACCOUNT_1, contractValue: 250000 } });
        expect(decodeURIComponent(raw.requests[0].endpoint)).toContain(`WHERE Id = '${ACCOUNT_1}'`);
        expect(customerContextMessage(outcome, 100000).text).toContain('Contract value: 250,000; tier: high value');
        expect(customerContextMessage(outcome, 300000).text).toContain('tier: standard');
    });

    it('a problem escalated without an incident and no account: audited as the problem, with the fix, no call', () => {
        const { ports, raw } = setup(salesforce());
        const problem = problemOf(ports, { x_seam_bridge_sf_account_id: '' });
        expect(customerContextFor(ports, settings, budget, problem, 'problem')).toMatchObject({ status: 'no_account', field: 'Case.AccountId' });
        expect(raw.requests).toHaveLength(0);
        expect(audits(ports)[0]).toMatchObject({ operation: 'customer_context:no_account', sf_case_id: CASE_A });
        expect(audits(ports)[0].detail).toMatch(/^problem PRB0040001: Case\.AccountId Case 00001001 has no account/);
    });
});
