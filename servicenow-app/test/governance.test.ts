// Routing metrics from seeded rows (answers known by construction) and the triage drift alert.
import { describe, expect, it } from 'vitest';
import { formatServiceNowDateTime } from '../src/server/generated/seam-core';
import { metricsText } from '../src/server/api/metrics';
import { callProxy } from '../src/server/clients/proxy';
import { DRIFT_EVENT, checkTriageDrift, decodeSamples, encodeSamples } from '../src/server/governance/drift';
import { GOVERNANCE_DEFAULTS, GOVERNANCE_PROPERTY, loadGovernanceSettings, type GovernanceSettings } from '../src/server/governance/settings';
import { OPS_DEFAULTS } from '../src/server/ops/settings';
import { OPS_TABLE, readState } from '../src/server/ops/state';
import { TABLE } from '../src/server/tables';
import { SNAPSHOT_TABLE, takeMetricsSnapshot } from '../src/server/governance/snapshot';
import { ACCURACY_TABLE, sampleAccuracyReviews } from '../src/server/governance/accuracy';
import { CASE_A, fakePorts, json, type FakePorts } from './fakes';

const at = (ports: FakePorts, msAgo: number): string => formatServiceNowDateTime(ports.now - msAgo);

/**
 * Four cases reach ServiceNow an hour ago; their incidents are linked 10, 20, 30 and 120 s later
 * (mean 45 s, p90 120 s). Case 2 was escalated by hand (manual: 1 of 4). Case 4's link now points
 * at another incident (linkage accuracy 3/4). Two reviews wait (10 and 30 minutes: mean 20 min),
 * one dead letter is 2 hours old. The drain made 2 calls for 3 delivered changes.
 */
function seed(ports: FakePorts): void {
    const hour = 3_600_000;
    const delays = [10, 20, 30, 120];
    delays.forEach((d, i) => {
        const caseId = `case${i + 1}`;
        ports.records.seed(TABLE.audit, { sys_created_on: at(ports, hour), direction: 'proxy', operation: '/v1/triage', sf_case_id: caseId, result: 'success', new_values: JSON.stringify({ route: 'servicenow', category: 'access', confidence: 0.85 + i * 0.03 }) });
        ports.records.seed(TABLE.audit, { sys_created_on: at(ports, hour - d * 1000), direction: 'inbound', operation: 'case:create_incident', sf_case_id: caseId, target_id: `inc${i + 1}`, result: 'success' });
        ports.records.seed(TABLE.link, { sys_updated_on: at(ports, hour - d * 1000), sf_case_id: caseId, incident: i === 3 ? 'incOther' : `inc${i + 1}` });
    });
    ports.records.seed(TABLE.audit, { sys_created_on: at(ports, hour), direction: 'inbound', operation: 'case:escalated_by_human', sf_case_id: 'case2', result: 'success' });
    ports.records.seed(TABLE.audit, { sys_created_on: at(ports, hour), direction: 'proxy', operation: '/v1/triage', sf_case_id: 'caseSf', result: 'success', new_values: JSON.stringify({ route: 'salesforce', category: 'billing', confidence: 0.65 }) });
    // Rows outside the 30-day window never count.
    ports.records.seed(TABLE.audit, { sys_created_on: at(ports, 40 * 86_400_000), direction: 'inbound', operation: 'case:create_incident', sf_case_id: 'old', target_id: 'incOld', result: 'success' });
    for (const [key, call] of [['k1', 'm1.1'], ['k2', 'm1.1'], ['k3', 'm3.1']]) {
        ports.records.seed(TABLE.audit, { sys_created_on: at(ports, hour), direction: 'outbound', operation: 'incident_update:create', idempotency_key: key, result: 'success', detail: `attempt 1; call=${call}` });
    }
    ports.records.seed(TABLE.review, { sys_created_on: at(ports, 600_000), sys_updated_on: at(ports, 600_000), sf_case_id: 'q1', status: 'pending', proposed_action: 'review' });
    ports.records.seed(TABLE.review, { sys_created_on: at(ports, 1_800_000), sys_updated_on: at(ports, 1_800_000), sf_case_id: 'q2', status: 'approval_pending', proposed_action: 'approval' });
    ports.records.seed(TABLE.outbox, { sys_created_on: at(ports, 7_200_000), status: 'dead_letter', message_id: 'd1', idempotency_key: 'd1' });
    ports.records.seed(TABLE.outbox, { sys_created_on: at(ports, 7_200_000), status: 'sent', message_id: 's1', idempotency_key: 's1' });
}

describe('GET /v1/metrics: routing metrics from the records', () => {
    it('computes each metric from seeded link, audit, review and outbox rows', () => {
        const ports = fakePorts();
        seed(ports);
        const text = metricsText(ports, OPS_DEFAULTS);
        expect(text).toContain('seam_routing_cases_routed{window_days="30"} 4');
        expect(text).toContain('seam_time_to_route_seconds{window_days="30",stat="mean"} 45');
        expect(text).toContain('seam_time_to_route_seconds{window_days="30",stat="p90"} 120');
        expect(text).toContain('seam_manual_transfer_rate{window_days="30"} 0.25');
        expect(text).toContain('seam_linkage_accuracy{window_days="30"} 0.75');
        expect(text).toContain('seam_review_queue_size 2');
        expect(text).toContain('seam_review_queue_age_seconds{stat="oldest"} 1800');
        expect(text).toContain('seam_review_queue_age_seconds{stat="mean"} 1200');
        expect(text).toContain('seam_dead_letter_backlog 1');
        expect(text).toContain('seam_dead_letter_oldest_age_seconds 7200');
        expect(text).toContain('seam_outbound_api_calls{window_days="30"} 2');
        expect(text).toContain('seam_api_calls_per_change{window_days="30"} 0.6667');
        expect(text).toContain('seam_triage_confidence_cases{route="servicenow",le="0.9"} 2');
        expect(text).toContain('seam_triage_confidence_cases{route="servicenow",le="+Inf"} 4');
        expect(text).toContain('seam_triage_confidence_cases{route="salesforce",le="0.7"} 1');
        expect(text).toContain('seam_triage_confidence_count{route="salesforce"} 1');
    });

    it('has no sample (not a false 0) for a ratio with nothing to measure', () => {
        const text = metricsText(fakePorts(), OPS_DEFAULTS);
        expect(text).toContain('# TYPE seam_manual_transfer_rate gauge');
        expect(text).not.toMatch(/^seam_manual_transfer_rate/m);
        expect(text).toContain('seam_review_queue_size 0');
    });
});

describe('the daily routing metrics snapshot', () => {
    it('writes one row with the numbers GET /v1/metrics serves', () => {
        const ports = fakePorts();
        seed(ports);
        takeMetricsSnapshot(ports, GOVERNANCE_DEFAULTS);
        const rows = ports.records.rows(SNAPSHOT_TABLE);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({
            taken_at: '2026-11-23 12:00:00', window_days: '30', cases_routed: '4', time_to_route_mean_s: '45', time_to_route_p90_s: '120',
            manual_transfer_rate: '0.25', linkage_accuracy: '0.75', review_queue_size: '2', review_queue_oldest_s: '1800', dead_letter_backlog: '1',
            api_calls_per_change: '0.6667', confidence_servicenow: '0.895', confidence_salesforce: '0.65', drift_status: 'collecting',
        });
    });
});

describe('weekly accuracy reviews', () => {
    it('samples routed cases of the past week once, and serves the accuracy with its Wilson interval', () => {
        const ports = fakePorts();
        for (let i = 0; i < 30; i++) {
            ports.records.seed(TABLE.audit, { sys_created_on: at(ports, (i + 1) * 3_600_000), direction: 'inbound', operation: 'case:create_incident', sf_case_id: `c${i}`, target_id: `inc${i}`, result: 'success' });
            ports.records.seed(TABLE.audit, { sys_created_on: at(ports, (i + 1) * 3_600_000), direction: 'proxy', operation: '/v1/triage', sf_case_id: `c${i}`, result: 'success', new_values: JSON.stringify({ route: 'servicenow', category: 'access', confidence: 0.9 }) });
        }
        // Routed 8 days ago: outside the week, never sampled.
        ports.records.seed(TABLE.audit, { sys_created_on: at(ports, 8 * 86_400_000), direction: 'inbound', operation: 'case:create_incident', sf_case_id: 'old', target_id: 'incOld', result: 'success' });
        expect(sampleAccuracyReviews(ports, 10)).toEqual({ week: '2026-W48', added: 10 });
        expect(sampleAccuracyReviews(ports, 10)).toEqual({ week: '2026-W48', added: 0 });
        const rows = ports.records.rows(ACCURACY_TABLE);
        expect(rows).toHaveLength(10);
        expect(rows.some((r) => r.sf_case_id === 'old')).toBe(false);
        expect(rows[0]).toMatchObject({ week: '2026-W48', verdict: 'pending', route: 'servicenow', category: 'access', confidence: '0.9' });
        expect(rows.every((r) => r.incident === `inc${r.sf_case_id.slice(1)}`)).toBe(true);
        // A reviewer marks 8 right and 2 wrong.
        rows.forEach((r, i) => ports.records.update(ACCURACY_TABLE, r.sys_id, { verdict: i < 8 ? 'right' : 'wrong' }));
        const text = metricsText(ports, OPS_DEFAULTS);
        expect(text).toContain('seam_routing_accuracy{week="2026-W48",stat="estimate"} 0.8');
        expect(text).toContain('seam_routing_accuracy{week="2026-W48",stat="low"} 0.4902');
        expect(text).toContain('seam_routing_accuracy{week="2026-W48",stat="high"} 0.9433');
        expect(text).toContain('seam_routing_accuracy_reviews{week="2026-W48",verdict="wrong"} 2');
    });
});

describe('the proxy call audit keeps the triage outcome (not the ticket text)', () => {
    it('stores route, category, confidence and priority in new_values', () => {
        const ports = fakePorts({ route: () => json(200, { route: 'servicenow', category: 'access', priority: 3, suggestedAssignmentGroup: 'Network', confidence: 0.91, rationale: 'VPN', engine: 'embedded' }) });
        callProxy(ports, { proxyUrl: 'https://proxy.example.com', proxyApiKey: 'k' }, '/v1/triage', { caseId: CASE_A, subject: 'VPN down', description: 'secret text' }, { correlationId: 'SFDC-x', idempotencyKey: 'k1', caseId: CASE_A });
        const row = ports.records.rows(TABLE.audit)[0];
        expect(JSON.parse(row.new_values)).toEqual({ route: 'servicenow', category: 'access', confidence: 0.91, priority: 3 });
        expect(row.new_values).not.toContain('secret');
    });
});

describe('checkTriageDrift', () => {
    const gov: GovernanceSettings = { ...GOVERNANCE_DEFAULTS, drift: { ...GOVERNANCE_DEFAULTS.drift, windowSize: 10, baselineSize: 20 } };

    it('raises the event and one error once per episode, naming the numbers; nothing in distribution', () => {
        const ports = fakePorts();
        ports.records.seed(TABLE.userRole, { 'role.name': 'x_seam_bridge.admin', user: 'admin-1' });
        for (let i = 0; i < 30; i++) checkTriageDrift(ports, gov, { confidence: 0.95 + (i % 4) * 0.01, route: 'servicenow' });
        expect(ports.queuedEvents).toEqual([]);
        expect(readState(ports, 'triage_drift')?.status).toBe('ok');
        const fired: number[] = [];
        for (let i = 0; i < 40; i++) {
            const before = ports.queuedEvents.length;
            checkTriageDrift(ports, gov, { confidence: 0.6, route: 'salesforce' });
            if (ports.queuedEvents.length > before) fired.push(i);
        }
        expect(ports.queuedEvents.map((e) => e.parm2.split(':')[0]).sort()).toEqual(['confidence', 'unknown_types']);
        expect(Math.max(...fired)).toBeLessThan(10);
        const state = readState(ports, 'triage_drift');
        expect(ports.queuedEvents.every((e) => e.name === DRIFT_EVENT && e.table === OPS_TABLE && e.sysId === state?.sys_id && e.parm1 === 'admin-1')).toBe(true);
        expect(ports.logs.filter((l) => l.startsWith('error Seam triage'))).toHaveLength(2);
        expect(ports.queuedEvents.find((e) => e.parm2.startsWith('unknown_types'))!.parm2).toMatch(/: 30% of the last 10 triaged tickets are close to no class \(confidence below 0.75\) vs 0% of the 20 before/);
        // The buffer keeps only baseline + window answers, in arrival order.
        const row = ports.records.rows(OPS_TABLE).find((r) => r.name === 'triage_drift')!;
        expect(decodeSamples(row.samples)).toHaveLength(30);
        expect(decodeSamples(row.samples).every((x) => x.route === 'salesforce' && x.confidence === 0.6)).toBe(true);
    });

    it('does nothing while switched off', () => {
        const ports = fakePorts();
        expect(checkTriageDrift(ports, { ...gov, driftEnabled: false }, { confidence: 0.1, route: 'review' })).toBeNull();
        expect(ports.records.rows(OPS_TABLE)).toEqual([]);
    });

    it('round-trips the sample buffer and skips garbage', () => {
        expect(decodeSamples(encodeSamples([{ route: 'servicenow', confidence: 0.9994 }, { route: 'review', confidence: 0.3 }]))).toEqual([{ route: 'servicenow', confidence: 0.999 }, { route: 'review', confidence: 0.3 }]);
        expect(decodeSamples('s0.5 x1 f q s')).toEqual([{ route: 'servicenow', confidence: 0.5 }]);
    });
});

describe('loadGovernanceSettings', () => {
    it('reads the properties and reports a bad one by its property name', () => {
        const r = loadGovernanceSettings({ get: (n) => ({ [GOVERNANCE_PROPERTY.driftWindowSize]: '3', [GOVERNANCE_PROPERTY.metricsWindowDays]: '7' })[n] }, 0.5);
        expect(r.settings.metricsWindowDays).toBe(7);
        expect(r.settings.drift.windowSize).toBe(GOVERNANCE_DEFAULTS.drift.windowSize);
        expect(r.problems).toEqual([{ field: GOVERNANCE_PROPERTY.driftWindowSize, problem: 'is 3, not a whole number from 5 to 5000', fix: 'set windowSize to e.g. 50' }]);
    });
});
