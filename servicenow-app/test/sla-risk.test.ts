import { describe, expect, it } from 'vitest';
import { postCases } from '../src/server/api/cases';
import { DEFAULTS, loadSettings, type Settings } from '../src/server/config';
import { onIncidentChanged, readIncident } from '../src/server/sync/outbound';
import { assessSlaRisk } from '../src/server/sync/sla-risk';
import { sweepSlaRisk } from '../src/server/sync/sla-sweep';
import { CASE_A, fakePorts, json, type FakePorts } from './fakes';
import { CASE_B, PROPS, body, caseMessage, proxyAndSalesforce } from './helpers';

const settings: Settings = { ...DEFAULTS, proxyUrl: PROPS['x_seam_bridge.proxy.url'], proxyApiKey: PROPS['x_seam_bridge.proxy.api_key'], salesforceUrl: PROPS['x_seam_bridge.salesforce.instance_url'] };

/** A linked incident and a proxy whose SLA model answers the risks given, one per call. */
function linked(risks: number[], threshold = 0.7): { ports: FakePorts; sysId: string } {
    const triage = proxyAndSalesforce({ route: 'servicenow', priority: 3, confidence: 0.95 });
    const answers = [...risks];
    const ports = fakePorts({
        now: Date.UTC(2026, 0, 10, 12),
        route: (req) => {
            if (!req.endpoint.endsWith('/v1/sla-risk')) return triage(req);
            const risk = answers.shift() ?? 0;
            return json(200, { risk, band: risk >= threshold ? 'high' : 'low', threshold, model: 'logistic regression, test', engine: 'embedded' });
        },
    });
    postCases(ports, settings, { bodyText: body([caseMessage()]), pathParams: {} });
    const incident = ports.records.rows('incident')[0];
    ports.records.update('incident', incident.sys_id, { state: '2', priority: '3', opened_at: '2026-01-10 08:00:00', sys_mod_count: '3', reassignment_count: '1' });
    return { ports, sysId: incident.sys_id };
}

const row = (ports: FakePorts, sysId: string): Record<string, string> => ports.records.get('incident', sysId) as Record<string, string>;

describe('SLA-breach risk', () => {
    it('writes the prediction on the incident and adds one labelled work note per crossing', () => {
        const { ports, sysId } = linked([0.55, 0.82, 0.9, 0.3, 0.75]);
        const outcomes = [0, 1, 2, 3, 4].map(() => assessSlaRisk(ports, settings, row(ports, sysId)));
        const notes = ports.records.rows('sys_journal_field').filter((j) => j.element === 'work_notes' && j.value.indexOf('[Seam prediction') === 0).map((j) => j.value);
        expect(outcomes.map((o) => (o.status === 'updated' || o.status === 'unchanged' ? [o.value, o.alert] : o.status))).toEqual([
            ['55% medium (predicted)', false], ['82% high (predicted)', true], ['90% high (predicted)', false], ['30% low (predicted)', false], ['75% high (predicted)', true],
        ]);
        expect(notes).toHaveLength(2);
        expect(notes[0]).toMatch(/^\[Seam prediction — not a measurement\] INC\d+ is predicted to miss its SLA: risk 82% \(high\)/);
        // What the proxy saw: the incident as of now, no resolution fields, no text.
        const sent = JSON.parse(ports.http.requests.filter((r) => r.endpoint.endsWith('/v1/sla-risk'))[0]?.body ?? '{}');
        expect(sent).toMatchObject({ state: 2, priority: 3, reassignmentCount: 1, updateCount: 3, openedAt: '2026-01-10T08:00:00Z', asOf: '2026-01-10T12:00:00Z' });
        expect(Object.keys(sent)).not.toContain('shortDescription');
        expect(sent.idempotencyKey).toBe(`servicenow:${sysId}:3:sla-risk`);
    });

    it('the prediction reaches the Case through the ownership map (Seam_SLA_Risk__c) on the next outbound decision', () => {
        const { ports, sysId } = linked([0.82]);
        assessSlaRisk(ports, settings, row(ports, sysId));
        const outcome = onIncidentChanged(ports, settings, readIncident(ports, sysId)!);
        expect(outcome.status).toBe('queued');
        const queued = ports.records.rows('x_seam_bridge_outbox').map((r) => JSON.parse(r.payload));
        const fields = queued.map((p) => JSON.parse(p.Fields_Json__c ?? '{}')).find((f) => 'Seam_SLA_Risk__c' in f);
        expect(fields?.Seam_SLA_Risk__c).toBe('82% high (predicted)');
    });

    it('uses the admin threshold when set, and skips closed, unlinked and disabled incidents', () => {
        const { ports, sysId } = linked([0.6, 0.6]);
        expect(assessSlaRisk(ports, { ...settings, slaRiskThreshold: 0.55 }, row(ports, sysId))).toMatchObject({ value: '60% high (predicted)', alert: true });
        expect(assessSlaRisk(ports, { ...settings, slaRiskEnabled: false }, row(ports, sysId)).status).toBe('disabled');
        expect(assessSlaRisk(ports, settings, { ...row(ports, sysId), state: '6' }).status).toBe('not_open');
        expect(assessSlaRisk(ports, settings, { ...row(ports, sysId), x_seam_bridge_sf_case_id: '' }).status).toBe('not_linked');
        expect(loadSettings({ get: (n) => (n === 'x_seam_bridge.sla_risk.alert_threshold' ? '7' : undefined) }).problems[0]).toMatchObject({ field: 'x_seam_bridge.sla_risk.alert_threshold' });
    });

    it('a proxy failure or a bad answer writes nothing and says why', () => {
        const triage = proxyAndSalesforce({ route: 'servicenow', priority: 3, confidence: 0.95 });
        let answer = json(503, { error: { message: 'down' } });
        const ports = fakePorts({ route: (req) => (req.endpoint.endsWith('/v1/sla-risk') ? answer : triage(req)) });
        postCases(ports, settings, { bodyText: body([caseMessage()]), pathParams: {} });
        const incident = ports.records.rows('incident')[0];
        ports.records.update('incident', incident.sys_id, { state: '2', priority: '3', opened_at: '2026-01-10 08:00:00' });
        expect(assessSlaRisk(ports, settings, row(ports, incident.sys_id))).toMatchObject({ status: 'proxy_failed', error: expect.stringContaining('HTTP 503') });
        answer = json(200, { risk: 2, band: 'high', threshold: 0.7, model: 'm', engine: 'embedded' });
        expect(assessSlaRisk(ports, settings, row(ports, incident.sys_id))).toMatchObject({ status: 'proxy_failed', error: expect.stringContaining('risk') });
        expect(row(ports, incident.sys_id).x_seam_bridge_sla_risk ?? '').toBe('');
    });
});

describe('SLA-risk re-assess sweep', () => {
    const NOW = Date.UTC(2026, 0, 10, 12, 0, 20);
    const sweepSettings = { ...settings, slaRiskSweepStaleMinutes: 60, slaRiskSweepBatch: 100 };

    /** Linked open incidents, each last updated `ageMinutes` ago; the proxy answers the risks given in turn. */
    function incidents(ageMinutes: number[], risks: number[], threshold = 0.7): { ports: FakePorts; ids: string[] } {
        const triage = proxyAndSalesforce({ route: 'servicenow', priority: 3, confidence: 0.95 });
        const answers = [...risks];
        const ports = fakePorts({
            now: NOW,
            route: (req) => {
                if (!req.endpoint.endsWith('/v1/sla-risk')) return triage(req);
                if (answers.length === 0) return json(503, { error: { message: 'no answer scripted' } });
                const risk = answers.shift() as number;
                return json(200, { risk, band: risk >= threshold ? 'high' : 'low', threshold, model: 'logistic regression, test', engine: 'embedded' });
            },
        });
        const cases = [CASE_A, CASE_B, '500000000000003AAA'].slice(0, ageMinutes.length);
        postCases(ports, settings, { bodyText: body(cases.map((caseId) => caseMessage({ caseId }))), pathParams: {} });
        const ids = ports.records.rows('incident').map((r) => r.sys_id);
        ids.forEach((id, i) => {
            const updated = new Date(NOW - ageMinutes[i] * 60000).toISOString().slice(0, 19).replace('T', ' ');
            ports.records.update('incident', id, { state: '2', priority: '3', opened_at: '2026-01-08 08:00:00', sys_mod_count: '3', sys_updated_on: updated });
        });
        ports.http.requests.length = 0;
        return { ports, ids };
    }
    const slaCalls = (ports: FakePorts) => ports.http.requests.filter((r) => r.endpoint.endsWith('/v1/sla-risk')).map((r) => JSON.parse(r.body ?? '{}'));
    const notes = (ports: FakePorts) => ports.records.rows('sys_journal_field').filter((j) => j.element === 'work_notes' && j.value.indexOf('[Seam prediction') === 0);

    it('re-assesses an untouched incident as its clock runs: the Case field follows, one work note at the crossing', () => {
        const { ports, ids } = incidents([120], [0.55, 0.82, 0.9]);
        const runs = [0, 1, 2].map((i) => {
            ports.now = NOW + i * 15 * 60000;
            return sweepSlaRisk(ports, sweepSettings);
        });
        expect(runs.map((r) => [r.checked, r.updated, r.alerts])).toEqual([[1, 1, 0], [1, 1, 1], [1, 1, 0]]);
        expect(row(ports, ids[0]).x_seam_bridge_sla_risk).toBe('90% high (predicted)');
        expect(notes(ports)).toHaveLength(1);
        // As of each run's minute, keyed by it: the same incident version is asked again, not answered from the proxy's cache.
        const sent = slaCalls(ports);
        expect(sent.map((b) => b.asOf)).toEqual(['2026-01-10T12:00:00Z', '2026-01-10T12:15:00Z', '2026-01-10T12:30:00Z']);
        expect(sent[1].idempotencyKey).toBe(`servicenow:${ids[0]}:3:sla-risk@2026-01-10T12:15:00Z`);
        // The prediction reaches the Case like any change: the outbound decision queues Seam_SLA_Risk__c.
        expect(onIncidentChanged(ports, settings, readIncident(ports, ids[0])!).status).toBe('queued');
        const fields = ports.records.rows('x_seam_bridge_outbox').map((r) => JSON.parse(JSON.parse(r.payload).Fields_Json__c ?? '{}'));
        expect(fields.some((f) => f.Seam_SLA_Risk__c === '90% high (predicted)')).toBe(true);
    });

    it('leaves recently updated, closed and unlinked incidents to the change rule, and does nothing when disabled', () => {
        const { ports, ids } = incidents([10, 120, 120], [0.8, 0.8, 0.8]);
        ports.records.update('incident', ids[1], { state: '6' });
        ports.records.update('incident', ids[2], { x_seam_bridge_sf_case_id: '' });
        expect(sweepSlaRisk(ports, sweepSettings)).toMatchObject({ status: 'swept', checked: 0 });
        expect(sweepSlaRisk(ports, { ...sweepSettings, slaRiskSweepStaleMinutes: 5 })).toMatchObject({ checked: 1, updated: 1 });
        expect(sweepSlaRisk(ports, { ...sweepSettings, slaRiskEnabled: false })).toMatchObject({ status: 'disabled', checked: 0 });
        expect(slaCalls(ports)).toHaveLength(1);
    });

    it('a replayed run in the same minute sends the same request, so the proxy answers it from its cache', () => {
        const { ports } = incidents([120], [0.55, 0.55]);
        sweepSlaRisk(ports, sweepSettings);
        ports.now = NOW + 30_000;
        sweepSlaRisk(ports, sweepSettings);
        const [a, b] = slaCalls(ports);
        expect(b).toEqual(a);
    });

    it('takes at most sweep_batch incidents per run, oldest update first, and continues where it stopped', () => {
        const { ports, ids } = incidents([300, 200, 100], [0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);
        const first = sweepSlaRisk(ports, { ...sweepSettings, slaRiskSweepBatch: 2 });
        expect(first).toMatchObject({ checked: 2, cursor: row(ports, ids[1]).sys_updated_on });
        const asked = () => slaCalls(ports).map((b) => b.incidentNumber);
        expect(asked()).toEqual([row(ports, ids[0]).number, row(ports, ids[1]).number]);
        const second = sweepSlaRisk(ports, { ...sweepSettings, slaRiskSweepBatch: 2 });
        expect(asked().slice(2)).toEqual([row(ports, ids[1]).number, row(ports, ids[2]).number]);
        expect(second.cursor).toBe(row(ports, ids[2]).sys_updated_on);
        const third = sweepSlaRisk(ports, { ...sweepSettings, slaRiskSweepBatch: 2 });
        expect(third).toMatchObject({ checked: 1, cursor: '' });
        // Where it stands is in Seam Status.
        const status = ports.records.rows('x_seam_bridge_ops_state').find((r) => r.name === 'sla_risk_sweep')!;
        expect(JSON.parse(status.value)).toMatchObject({ cursor: '', checked: 1 });
    });

    it('a proxy failure writes nothing on the incident, is counted, named in Seam Status, and tried again next run', () => {
        const { ports, ids } = incidents([120], []);
        const failed = sweepSlaRisk(ports, sweepSettings);
        expect(failed).toMatchObject({ checked: 1, failed: 1, updated: 0 });
        expect(row(ports, ids[0]).x_seam_bridge_sla_risk ?? '').toBe('');
        const status = ports.records.rows('x_seam_bridge_ops_state').find((r) => r.name === 'sla_risk_sweep')!;
        expect(status.status).toBe('failing');
        expect(status.detail).toContain(`${row(ports, ids[0]).number}: `);
        expect(status.detail).toContain('HTTP 503');
        // The proxy call is audited like every other cross-system call.
        expect(ports.records.rows('x_seam_bridge_audit').filter((a) => a.operation === '/v1/sla-risk').map((a) => a.result)).toEqual(['failed']);
        expect(sweepSlaRisk(ports, sweepSettings).checked).toBe(1);
    });
});
