import { describe, expect, it } from 'vitest';
import {
    formatServiceNowDateTime,
    hashValue,
    newLink,
    peerField,
    reconciledMappings,
    toSalesforceId18,
    transformForPeer,
    type FieldValue,
    type LinkState,
} from '../src/server/generated/seam-core';
import { metricsText } from '../src/server/api/metrics';
import { guardedHttp } from '../src/server/clients/guard';
import { DEFAULTS, type Settings } from '../src/server/config';
import { OPS_DEFAULTS, OPS_PROPERTY, loadOpsSettings, type OpsSettings } from '../src/server/ops/settings';
import { OPS_TABLE, readCredential } from '../src/server/ops/state';
import { drainOutbox } from '../src/server/outbox/drain';
import { enqueue } from '../src/server/outbox/outbox';
import { RUN_TABLE, runTick, startRun } from '../src/server/reconcile/sweep';
import type { HttpRequest, HttpResponse } from '../src/server/ports';
import { fakePorts, json, type FakePorts } from './fakes';

const settings: Settings = { ...DEFAULTS, salesforceUrl: 'https://acme.my.salesforce.com' };
const ops: OpsSettings = { ...OPS_DEFAULTS, reconcileWindowDays: 0 };
const limit = (used: number, max = 15000) => ({ 'sforce-limit-info': `api-usage=${used}/${max}` });

/** Ports whose http goes through the guard, as entry/context.ts wires it. */
function guarded(route: (req: HttpRequest) => HttpResponse, o: OpsSettings = ops): FakePorts {
    const ports = fakePorts({ route });
    const http = guardedHttp(ports.http, ports, o.budget);
    return Object.assign(Object.create(Object.getPrototypeOf(ports)), ports, { http, raw: ports.http }) as FakePorts;
}
const rawRequests = (ports: FakePorts): HttpRequest[] => (ports as unknown as { raw: { requests: HttpRequest[] } }).raw.requests;
const stateRow = (ports: FakePorts, name: string) => ports.records.rows(OPS_TABLE).find((r) => r.name === name);
const errors = (ports: FakePorts) => ports.logs.filter((l) => l.startsWith('error'));

describe('loadOpsSettings', () => {
    it('reads the properties and reports bad values with the property and the fix', () => {
        const ok = loadOpsSettings({ get: (n) => ({ [OPS_PROPERTY.budgetSlowShare]: '0.5', [OPS_PROPERTY.reconcileBatchesPerRun]: '2', [OPS_PROPERTY.reconcileEnabled]: 'false' })[n] });
        expect(ok.problems).toEqual([]);
        expect(ok.settings).toMatchObject({ reconcileEnabled: false, reconcileBatchesPerRun: 2, budget: { slowAt: 0.5, stopAt: 0.95 } });
        const bad = loadOpsSettings({ get: (n) => ({ [OPS_PROPERTY.budgetStopShare]: '2', [OPS_PROPERTY.reconcileWindowDays]: '-1', [OPS_PROPERTY.reconcileEnabled]: 'yes' })[n] });
        expect(bad.problems.map((p) => p.field).sort()).toEqual([OPS_PROPERTY.budgetStopShare, OPS_PROPERTY.reconcileEnabled, OPS_PROPERTY.reconcileWindowDays].sort());
        expect(bad.settings).toEqual(OPS_DEFAULTS);
    });
});

describe('guardedHttp', () => {
    const req: HttpRequest = { message: 'Seam Salesforce', fn: 'query', method: 'GET', endpoint: 'https://acme.my.salesforce.com/services/data/v62.0/limits' };

    it('stores today\'s usage from Sforce-Limit-Info and alerts once when bulk traffic must slow', () => {
        let used = 100;
        const ports = guarded(() => ({ status: 200, body: '{}', headers: limit(used, 1000) }));
        ports.http.send(req);
        expect(JSON.parse(stateRow(ports, 'api_usage')?.value ?? '{}')).toEqual({ day: '2026-11-23', used: 100, max: 1000, mode: 'normal' });
        used = 810;
        ports.http.send(req);
        ports.http.send(req);
        expect(stateRow(ports, 'api_usage')?.status).toBe('slow');
        expect(errors(ports)).toHaveLength(1);
        expect(errors(ports)[0]).toMatch(/810\/1000.*slowed/);
        used = 960;
        ports.http.send(req);
        expect(errors(ports)).toHaveLength(2);
        expect(stateRow(ports, 'api_usage')?.detail).toMatch(/stop_share/);
    });

    it('leaves other REST messages alone', () => {
        const ports = guarded(() => ({ status: 401, body: 'no', headers: limit(5) }));
        ports.http.send({ ...req, message: 'Seam Proxy' });
        expect(ports.records.rows(OPS_TABLE)).toEqual([]);
    });

    it('refreshes once on 401 INVALID_SESSION_ID and goes on when the retry works', () => {
        let n = 0;
        const ports = guarded(() => (++n === 1 ? json(401, [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]) : { status: 200, body: '{}' }));
        expect(ports.http.send(req).status).toBe(200);
        expect(rawRequests(ports)).toHaveLength(2);
        expect(readCredential(ports).status).toBe('ok');
    });

    it('pauses on a refused grant with ONE alert naming the fix, and clears on the first success', () => {
        let broken = true;
        const ports = guarded(() => (broken ? json(401, [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]) : { status: 200, body: '{}' }));
        for (let i = 0; i < 3; i += 1) ports.http.send(req);
        expect(rawRequests(ports)).toHaveLength(6); // one retry each, never more
        expect(readCredential(ports).status).toBe('paused');
        expect(errors(ports)).toHaveLength(1);
        expect(errors(ports)[0]).toMatch(/Get OAuth Token/);
        broken = false;
        ports.http.send(req);
        expect(readCredential(ports).status).toBe('ok');
        expect(ports.logs.some((l) => /works again/.test(l))).toBe(true);
    });
});

describe('drainOutbox with a refused credential', () => {
    function queued(ports: FakePorts, n: number): void {
        for (let i = 0; i < n; i += 1) {
            enqueue(ports, { kind: 'incident_update', idempotencyKey: `servicenow:inc${i}:1`, record: { attributes: { type: 'Incident_Update__e' }, Idempotency_Key__c: `k${i}` } });
        }
    }
    const outbox = (ports: FakePorts) => ports.records.rows('x_seam_bridge_outbox').map((r) => `${r.status}/${r.attempts}`);
    const grantRefused = { status: 0, body: '', error: 'OAuth token request for "Seam Salesforce" failed with HTTP 400: {"error":"invalid_grant"}' };

    it('keeps every message queued with its attempts, probes once per run, and resumes when the probe works', () => {
        let broken = true;
        const ports = guarded((r) => {
            if (broken) return grantRefused;
            if (r.endpoint.endsWith('/limits')) return { status: 200, body: '{}' };
            const records = (JSON.parse(r.body ?? '{}') as { records: unknown[] }).records;
            return json(200, records.map(() => ({ success: true, id: 'e' })));
        });
        queued(ports, 3);
        const first = drainOutbox(ports, { ...settings, maxAttempts: 1 });
        expect(first.paused).toMatch(/credential refused/);
        expect(outbox(ports)).toEqual(['pending/0', 'pending/0', 'pending/0']);
        const second = drainOutbox(ports, { ...settings, maxAttempts: 1 });
        expect(second).toMatchObject({ calls: 1, sent: 0, deadLettered: 0 });
        expect(rawRequests(ports).at(-1)?.endpoint).toMatch(/\/limits$/);
        expect(outbox(ports)).toEqual(['pending/0', 'pending/0', 'pending/0']);
        expect(errors(ports)).toHaveLength(1);
        broken = false;
        const third = drainOutbox(ports, { ...settings, maxAttempts: 1 });
        expect(third).toMatchObject({ sent: 3, deadLettered: 0 });
        expect(third.paused).toBeUndefined();
        expect(outbox(ports)).toEqual(['sent/1', 'sent/1', 'sent/1']);
    });

    it('stops before the org limit is reached, leaving messages queued', () => {
        const ports = guarded(() => ({ status: 200, body: '[]' }));
        ports.records.seed(OPS_TABLE, { name: 'api_usage', status: 'stop', value: JSON.stringify({ day: '2026-11-23', used: 1000, max: 1000, mode: 'stop' }) });
        queued(ports, 1);
        expect(drainOutbox(ports, settings).paused).toMatch(/daily API limit/);
        expect(rawRequests(ports)).toHaveLength(0);
    });
});

// ---- the sweep ----------------------------------------------------------------------------

const caseId = (i: number): string => {
    const id = toSalesforceId18(`500${String(i).padStart(12, '0')}`);
    if (!id.ok) throw new Error(id.error.problem);
    return id.value;
};

interface World {
    ports: FakePorts;
    cases: Map<string, Record<string, FieldValue>>;
    incidents: string[];
    soql: string[];
}

/** n linked pairs, all in sync; the Salesforce side answers SOQL from `cases`. */
function world(n: number, usage?: { used: number; max: number }): World {
    const cases = new Map<string, Record<string, FieldValue>>();
    const soql: string[] = [];
    const ports = guarded((r) => {
        const q = decodeURIComponent(r.endpoint.split('?q=')[1] ?? '');
        soql.push(q);
        const ids = Array.from(q.matchAll(/'([^']+)'/g)).map((m) => m[1]);
        const records = ids.filter((id) => cases.has(id)).map((id) => {
            const c = cases.get(id) as Record<string, FieldValue>;
            const { ['Account.Seam_Contract_Value__c']: value, ...rest } = c;
            return { attributes: { type: 'Case' }, ...rest, Account: { attributes: { type: 'Account' }, Seam_Contract_Value__c: value } };
        });
        return { status: 200, body: JSON.stringify({ totalSize: records.length, done: true, records }), headers: usage ? limit(usage.used, usage.max) : undefined };
    });
    const incidents: string[] = [];
    for (let i = 0; i < n; i += 1) {
        const incident: Record<string, FieldValue> = { state: '2', hold_reason: '', priority: '3', assigned_to: `user${i}`, assignment_group: 'g1', sla_due: '', cmdb_ci: '', rfc: '', close_code: '', close_notes: '', resolved_at: '', sys_mod_count: '3' };
        const kase: Record<string, FieldValue> = { Id: caseId(i), Seam_Sync_Status__c: 'Synced', AccountId: null, ContactId: null, Subject: `Case ${i}`, Description: '', Priority: 'Medium', EntitlementId: null, 'Account.Seam_Contract_Value__c': null };
        const snapshot: Record<string, FieldValue> = {};
        for (const m of reconciledMappings()) {
            if (m.servicenow.table !== 'incident') continue; // these cases have no problem
            const owner = m.owner === 'salesforce' ? kase : incident;
            const v = transformForPeer(m, owner);
            if (!v.ok) throw new Error(JSON.stringify(v.error));
            (m.owner === 'salesforce' ? incident : kase)[peerField(m) as string] = v.value;
            snapshot[m.key] = v.value;
        }
        const sysId = ports.records.seed('incident', incident as Record<string, string>);
        incidents.push(sysId);
        cases.set(caseId(i), kase);
        const state: LinkState = { ...newLink({ caseId: caseId(i), incidentSysId: sysId }), versions: { salesforce: 2, servicenow: 3 }, snapshot, snapshotHash: hashValue(snapshot) };
        ports.records.seed('x_seam_bridge_link', { sf_case_id: caseId(i), incident: sysId, state: JSON.stringify(state), sync_state: 'in_sync', last_synced_at: formatServiceNowDateTime(ports.now - 86400000) });
    }
    return { ports, cases, incidents, soql };
}

const run = (ports: FakePorts) => ports.records.rows(RUN_TABLE)[0];

describe('the drift sweep', () => {
    it('checks 1,000 links with 5 SOQL queries of ≤200 ids and finds nothing when in sync', () => {
        const w = world(1000);
        const { runId } = startRun(w.ports, 'manual');
        const tick = runTick(w.ports, settings, { ...ops, reconcileBatchesPerRun: 10 }, runId);
        expect(tick?.state).toBe('done');
        expect(w.soql).toHaveLength(5);
        expect(w.soql.every((q) => q.startsWith('SELECT Id, Seam_Sync_Status__c,') && (q.match(/'/g) ?? []).length / 2 <= 200)).toBe(true);
        expect(run(w.ports)).toMatchObject({ state: 'done', links_checked: '1000', soql_calls: '5', drift_found: '0' });
        expect(w.ports.records.rows('x_seam_bridge_outbox')).toEqual([]);
    });

    it('repairs drift in the owner direction: an outbox message for ServiceNow-owned, an audited incident write for Salesforce-owned', () => {
        const w = world(3);
        w.ports.records.update('incident', w.incidents[0], { priority: '1', sys_mod_count: '4' }); // a setWorkflow(false) script
        (w.cases.get(caseId(1)) as Record<string, FieldValue>).Subject = 'Changed by a data load'; // no trigger ran
        (w.cases.get(caseId(2)) as Record<string, FieldValue>).Seam_Assignee__c = 'overwritten'; // the copy was clobbered
        startRun(w.ports, 'manual');
        runTick(w.ports, settings, ops);
        expect(run(w.ports)).toMatchObject({ state: 'done', drift_found: '3', repaired_to_salesforce: '2', repaired_to_servicenow: '1', soql_calls: '1' });
        const outbox = w.ports.records.rows('x_seam_bridge_outbox');
        expect(outbox.map((r) => JSON.parse(JSON.parse(r.payload).Fields_Json__c))).toEqual([{ Seam_Incident_Priority__c: 'High' }, { Seam_Assignee__c: 'user2' }]);
        expect(JSON.parse(outbox[0].payload)).toMatchObject({ Link_Version__c: 4, Case_Id__c: caseId(0), Origin__c: 'servicenow' });
        expect(w.ports.records.get('incident', w.incidents[1])?.short_description).toBe('Changed by a data load');
        // Links with a queued repair are pending until Salesforce accepts it; the others are in sync.
        expect(w.ports.records.rows('x_seam_bridge_link').map((l) => l.sync_state)).toEqual(['pending', 'in_sync', 'pending']);
        const audit = w.ports.records.rows('x_seam_bridge_audit');
        expect(audit.map((a) => a.operation).sort()).toEqual(['reconcile:queue_repair', 'reconcile:queue_repair', 'reconcile:repair_incident']);
        expect(audit.find((a) => a.operation === 'reconcile:repair_incident')).toMatchObject({ direction: 'inbound', fields: 'short_description', result: 'success' });
        // The repaired links are in sync now: a second sweep finds nothing and queues nothing more.
        w.soql.length = 0;
        startRun(w.ports, 'manual');
        const again = runTick(w.ports, settings, ops, w.ports.records.rows(RUN_TABLE)[1].sys_id);
        expect(again?.counts.drift_found).toBe(0);
        expect(w.ports.records.rows('x_seam_bridge_outbox')).toHaveLength(2);
    });

    it('with delivery poll a repair waits for Salesforce to pull it, like every Incident_Update__e', () => {
        const w = world(1);
        (w.cases.get(caseId(0)) as Record<string, FieldValue>).Seam_Assignee__c = 'overwritten';
        startRun(w.ports, 'manual');
        runTick(w.ports, { ...settings, salesforceDelivery: 'poll' }, ops);
        expect(run(w.ports)).toMatchObject({ drift_found: '1', repaired_to_salesforce: '1' });
        expect(w.ports.records.rows('x_seam_bridge_outbox').map((r) => r.status)).toEqual(['awaiting_pull']);
        // Not pulled yet: in flight, so the next sweep queues nothing more.
        w.ports.records.update('incident', w.incidents[0], { priority: '1' });
        startRun(w.ports, 'manual');
        runTick(w.ports, { ...settings, salesforceDelivery: 'poll' }, ops, w.ports.records.rows(RUN_TABLE)[1].sys_id);
        expect(w.ports.records.rows(RUN_TABLE)[1]).toMatchObject({ drift_found: '0', in_flight: '2' }); // the clobbered copy and the new priority
        expect(w.ports.records.rows('x_seam_bridge_outbox')).toHaveLength(1);
    });

    it('leaves ServiceNow-owned drift alone while the outbox still holds a message for the incident', () => {
        const w = world(1);
        w.ports.records.update('incident', w.incidents[0], { priority: '1' });
        enqueue(w.ports, { kind: 'incident_update', idempotencyKey: 'servicenow:x:9', record: { attributes: { type: 'Incident_Update__e' } }, incidentSysId: w.incidents[0] });
        startRun(w.ports, 'manual');
        runTick(w.ports, settings, ops);
        expect(run(w.ports)).toMatchObject({ drift_found: '0', in_flight: '1' });
    });

    it('a queued comment, task or file of the case is not an update in flight: the drift is repaired', () => {
        const w = world(1);
        w.ports.records.update('incident', w.incidents[0], { priority: '1' });
        // A held resolution summary and a file waiting for the poller carry no field of the Case.
        enqueue(w.ports, { kind: 'resolution_summary', idempotencyKey: 'servicenow:x:rs', record: { attributes: { type: 'CaseComment' } }, incidentSysId: w.incidents[0], caseId: caseId(0), hold: true });
        enqueue(w.ports, { kind: 'file_offer', idempotencyKey: 'servicenow:x:file', record: { attributes: { type: 'Seam_File' } }, incidentSysId: w.incidents[0], caseId: caseId(0), pull: true });
        startRun(w.ports, 'manual');
        runTick(w.ports, settings, ops);
        expect(run(w.ports)).toMatchObject({ drift_found: '1', repaired_to_salesforce: '1', in_flight: '0' });
    });

    it('sweeps a problem-only link (no incident): in flight while its case has an unsent message, then repaired once', () => {
        const w = world(0);
        const id = caseId(7);
        const problem: Record<string, FieldValue> = { number: 'PRB0040007', state: '102', known_error: 'false', workaround: 'Use the web client.', fix_notes: '', x_seam_bridge_escalation_status: 'Problem created', x_seam_bridge_sf_case_id: id };
        const problemSysId = w.ports.records.seed('problem', problem as Record<string, string>);
        const kase: Record<string, FieldValue> = { Id: id, Seam_Sync_Status__c: 'Synced' };
        const snapshot: Record<string, FieldValue> = {};
        for (const m of reconciledMappings().filter((x) => x.servicenow.table === 'problem')) {
            const v = transformForPeer(m, { ...problem, sys_id: problemSysId });
            if (!v.ok) throw new Error(JSON.stringify(v.error));
            kase[peerField(m) as string] = v.value;
            snapshot[m.key] = v.value;
        }
        kase.Seam_Workaround__c = 'lost in a data load';
        w.cases.set(id, kase);
        const state: LinkState = { ...newLink({ caseId: id }), versions: { salesforce: 1, servicenow: 2 }, snapshot, snapshotHash: hashValue(snapshot) };
        w.ports.records.seed('x_seam_bridge_link', { sf_case_id: id, incident: '', problem: problemSysId, state: JSON.stringify(state), sync_state: 'in_sync', last_synced_at: formatServiceNowDateTime(w.ports.now) });
        // The problem's own message (no incident on its row) is still in the outbox: left for the next sweep.
        const held = enqueue(w.ports, { kind: 'incident_update', idempotencyKey: `servicenow:${problemSysId}:2`, record: { attributes: { type: 'Incident_Update__e' } }, incidentSysId: '', caseId: id });
        startRun(w.ports, 'manual');
        runTick(w.ports, settings, ops);
        expect(run(w.ports)).toMatchObject({ state: 'done', links_checked: '1', drift_found: '0', in_flight: '1' });
        w.ports.records.update('x_seam_bridge_outbox', held.sysId, { status: 'sent' });
        startRun(w.ports, 'manual');
        runTick(w.ports, settings, ops, w.ports.records.rows(RUN_TABLE)[1].sys_id);
        expect(w.ports.records.rows(RUN_TABLE)[1]).toMatchObject({ drift_found: '1', repaired_to_salesforce: '1' });
        const repair = w.ports.records.rows('x_seam_bridge_outbox').find((r) => r.sys_id !== held.sysId)!;
        expect(JSON.parse(repair.payload)).toMatchObject({ Case_Id__c: id, Incident_Sys_Id__c: '', Idempotency_Key__c: `servicenow:${problemSysId}:3`, Fields_Json__c: JSON.stringify({ Seam_Workaround__c: 'Use the web client.' }) });
        const audit = w.ports.records.rows('x_seam_bridge_audit').filter((a) => a.operation === 'reconcile:queue_repair');
        expect(audit.map((a) => a.detail)).toEqual(['drift repaired from ServiceNow (problem PRB0040007): Workaround (copy_changed)']);
    });

    it('continues a run across ticks from its cursor and counts a missing case', () => {
        const w = world(450);
        w.cases.delete(caseId(7));
        startRun(w.ports, 'schedule');
        expect(runTick(w.ports, settings, { ...ops, reconcileBatchesPerRun: 1 })?.state).toBe('running');
        expect(run(w.ports)).toMatchObject({ links_checked: '200', soql_calls: '1' });
        runTick(w.ports, settings, { ...ops, reconcileBatchesPerRun: 1 });
        expect(runTick(w.ports, settings, { ...ops, reconcileBatchesPerRun: 1 })?.state).toBe('done');
        expect(run(w.ports)).toMatchObject({ links_checked: '450', soql_calls: '3', missing_cases: '1' });
        expect(new Set(w.soql.flatMap((q) => Array.from(q.matchAll(/'([^']+)'/g)).map((m) => m[1]))).size).toBe(450);
    });

    it('slows to one query per tick above the slow share and stops at the stop share (the guard reads usage from the answers)', () => {
        const w = world(1000, { used: 8100, max: 10000 });
        startRun(w.ports, 'schedule');
        const first = runTick(w.ports, settings, ops); // usage unknown before the first answer: one query, then slow
        expect(w.soql).toHaveLength(1);
        w.soql.length = 0;
        const slowed = runTick(w.ports, settings, ops);
        expect(slowed?.state).toBe('throttled');
        expect(w.soql).toHaveLength(1);
        expect(first).not.toBeNull();
        w.ports.records.update(OPS_TABLE, w.ports.records.rows(OPS_TABLE).find((r) => r.name === 'api_usage')!.sys_id, { value: JSON.stringify({ day: '2026-11-23', used: 9600, max: 10000, mode: 'stop' }) });
        w.soql.length = 0;
        const stopped = runTick(w.ports, settings, ops);
        expect(stopped?.state).toBe('throttled');
        expect(stopped?.detail).toMatch(/stopped/);
        expect(w.soql).toHaveLength(0);
    });

    it('waits without a call while the credential is paused, fails on a refused query, retries a 503 on the next tick', () => {
        const w = world(3);
        w.ports.records.seed(OPS_TABLE, { name: 'credential', status: 'paused', detail: 'refused' });
        startRun(w.ports, 'manual');
        expect(runTick(w.ports, settings, ops)?.state).toBe('throttled');
        expect(w.soql).toHaveLength(0);
        w.ports.records.update(OPS_TABLE, w.ports.records.rows(OPS_TABLE)[0].sys_id, { status: 'ok' });

        const route = w.ports as unknown as { raw: { route: (r: HttpRequest) => HttpResponse } };
        const answer = route.raw.route;
        route.raw.route = () => ({ status: 503, body: '[{"errorCode":"SERVER_UNAVAILABLE","message":"down"}]' });
        expect(runTick(w.ports, settings, ops)).toMatchObject({ state: 'throttled', detail: expect.stringMatching(/continues on the next tick/) });
        route.raw.route = () => ({ status: 400, body: '[{"errorCode":"INVALID_FIELD","message":"No such column Seam_CI__c on Case"}]' });
        const failed = runTick(w.ports, settings, ops);
        expect(failed?.state).toBe('failed');
        expect(failed?.detail).toMatch(/INVALID_FIELD.*fix: install the package version/);
        expect(run(w.ports).finished_at).not.toBe('');
        route.raw.route = answer;
    });

    it('does not start a second run while one is active', () => {
        const w = world(1);
        const a = startRun(w.ports, 'manual');
        expect(startRun(w.ports, 'schedule')).toEqual({ runId: a.runId, created: false });
    });
});

describe('metricsText', () => {
    it('exposes usage, budget mode, the credential pause, the outbox and the last run in Prometheus text', () => {
        const w = world(2, { used: 120, max: 15000 });
        startRun(w.ports, 'manual');
        runTick(w.ports, settings, ops);
        w.ports.records.seed(OPS_TABLE, { name: 'credential', status: 'paused', detail: 'x' });
        const text = metricsText(w.ports, ops);
        expect(text).toContain('seam_salesforce_api_used{day="2026-11-23"} 120');
        expect(text).toContain('seam_salesforce_api_max{day="2026-11-23"} 15000');
        expect(text).toContain('seam_budget_mode{mode="normal"} 1');
        expect(text).toContain('seam_credential_paused 1');
        expect(text).toContain('seam_outbox_messages{status="pending"} 0');
        expect(text).toContain('seam_reconcile_links_checked{state="done"} 2');
        expect(text).toMatch(/# TYPE seam_salesforce_api_used gauge/);
    });
});

describe('the sweep schedule', () => {
    it('is due when no run started within the interval, and the last run is the newest within the lookback', async () => {
        const { lastRun, runDue } = await import('../src/server/reconcile/sweep');
        const w = world(0);
        expect(runDue(w.ports, 60)).toBe(true);
        expect(lastRun(w.ports)).toBeNull();
        w.ports.records.seed(RUN_TABLE, { state: 'done', started_at: formatServiceNowDateTime(w.ports.now - 90 * 60000) });
        const recent = w.ports.records.seed(RUN_TABLE, { state: 'done', started_at: formatServiceNowDateTime(w.ports.now - 30 * 60000) });
        w.ports.records.seed(RUN_TABLE, { state: 'done', started_at: formatServiceNowDateTime(w.ports.now - 30 * 86400000) });
        expect(runDue(w.ports, 60)).toBe(false);
        expect(runDue(w.ports, 20)).toBe(true);
        expect(lastRun(w.ports)?.sys_id).toBe(recent);
    });
});
