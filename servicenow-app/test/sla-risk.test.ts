import { describe, expect, it } from 'vitest';
import { postCases } from '../src/server/api/cases';
import { DEFAULTS, loadSettings, type Settings } from '../src/server/config';
import { onIncidentChanged, readIncident } from '../src/server/sync/outbound';
import { assessSlaRisk } from '../src/server/sync/sla-risk';
import { fakePorts, json, type FakePorts } from './fakes';
import { PROPS, body, caseMessage, proxyAndSalesforce } from './helpers';

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
