import { describe, expect, it } from 'vitest';
import { DEFAULTS, type Settings } from '../src/server/config';
import { drainOutbox } from '../src/server/outbox/drain';
import { enqueue } from '../src/server/outbox/outbox';
import { fakePorts, json, type FakePorts } from './fakes';
import { CASE_A } from './helpers';

const settings: Settings = { ...DEFAULTS, salesforceUrl: 'https://acme.my.salesforce.com', maxAttempts: 3, backoffBaseSeconds: 60, backoffMaxSeconds: 3600 };
const BODY = '[Seam: from ServiceNow · Seam resolution summary]\nResolved.';

function queueComment(ports: FakePorts, kind: 'resolution_summary' | 'incident_update' = 'resolution_summary'): void {
    enqueue(ports, {
        kind,
        idempotencyKey: `servicenow:inc1:2:${kind}`,
        record: kind === 'resolution_summary'
            ? { attributes: { type: 'CaseComment' }, ParentId: CASE_A, CommentBody: BODY, IsPublished: true }
            : { attributes: { type: 'Incident_Update__e' }, Case_Id__c: CASE_A },
        caseId: CASE_A,
    });
}

const row = (ports: FakePorts) => ports.records.rows('x_seam_bridge_outbox')[0];
const isQuery = (req: { endpoint: string }) => req.endpoint.includes('/query?q=');
/** Routes a collections create and a lookup query; `created` holds the records Salesforce has. */
function org(first: { status: number; error?: string }, created: Record<string, unknown>[]) {
    let creates = 0;
    return (req: { endpoint: string; body?: string }) => {
        if (isQuery(req)) return json(200, { totalSize: created.length, done: true, records: created });
        creates += 1;
        const records = (JSON.parse(req.body ?? '{}') as { records: Record<string, unknown>[] }).records;
        const saved = records.map((r, i) => ({ ...r, Id: `00aTw00000000${creates}${i}IAA`, CreatedDate: '2026-11-23T12:00:00.000+0000' }));
        created.push(...saved);
        if (creates === 1) return first.status === 0 ? { status: 0, body: '', error: first.error ?? 'Request timed out' } : json(first.status, [{ errorCode: 'X', message: 'x' }]);
        return json(200, saved.map((s) => ({ id: s.Id, success: true, errors: [] })));
    };
}

describe('a create whose answer was lost', () => {
    it('looks for the comment the lost attempt created and marks the row sent with its id instead of sending again', () => {
        const created: Record<string, unknown>[] = [];
        const ports = fakePorts({ route: org({ status: 0 }, created) });
        queueComment(ports);
        expect(drainOutbox(ports, settings)).toMatchObject({ calls: 1, failed: 1 });
        expect(row(ports)).toMatchObject({ status: 'failed', answer_lost_at: '2026-11-23 12:00:00' });
        ports.now += 120_000;
        const second = drainOutbox(ports, settings);
        expect(second).toMatchObject({ calls: 1, sent: 1 });
        expect(created).toHaveLength(1);
        expect(ports.http.requests.filter(isQuery)).toHaveLength(1);
        expect(decodeURIComponent(ports.http.requests.filter(isQuery)[0].endpoint)).toContain(`FROM CaseComment WHERE ParentId IN ('${CASE_A}') AND CreatedDate >= 2026-11-23T11:55:00Z`);
        expect(row(ports)).toMatchObject({ status: 'sent', attempts: '1' });
        const audit = ports.records.rows('x_seam_bridge_audit').find((a) => /found after a lost answer/.test(a.detail));
        expect(audit).toMatchObject({ operation: 'resolution_summary:create', result: 'success', target_id: String(created[0].Id) });
    });

    it('sends it again when the lookup finds nothing (Salesforce had not committed it)', () => {
        const created: Record<string, unknown>[] = [];
        const route = org({ status: 503 }, created);
        const ports = fakePorts({ route: (req) => (isQuery(req) ? json(200, { records: [] }) : route(req)) });
        queueComment(ports);
        drainOutbox(ports, settings);
        expect(row(ports).answer_lost_at).not.toBe('');
        ports.now += 120_000;
        expect(drainOutbox(ports, settings)).toMatchObject({ calls: 2, sent: 1 });
        expect(row(ports).status).toBe('sent');
    });

    it('does not send while the lookup fails: a failed attempt, backed off, nothing created twice', () => {
        const created: Record<string, unknown>[] = [];
        const route = org({ status: 0 }, created);
        const ports = fakePorts({ route: (req) => (isQuery(req) ? json(403, [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'no' }]) : route(req)) });
        queueComment(ports);
        drainOutbox(ports, settings);
        ports.now += 120_000;
        expect(drainOutbox(ports, settings)).toMatchObject({ calls: 1, failed: 1, sent: 0 });
        expect(created).toHaveLength(1);
        expect(row(ports)).toMatchObject({ status: 'failed', attempts: '2' });
        expect(row(ports).last_error).toMatch(/lookup after a lost answer failed.*Read on CaseComment/);
    });

    it('needs no lookup after a refusal (429, 4xx) or for an Incident_Update__e (applied once by message id)', () => {
        const a = fakePorts({ route: org({ status: 429 }, []) });
        queueComment(a);
        drainOutbox(a, settings);
        expect(row(a).answer_lost_at ?? '').toBe('');
        const b = fakePorts({ route: org({ status: 0 }, []) });
        queueComment(b, 'incident_update');
        drainOutbox(b, settings);
        b.now += 120_000;
        drainOutbox(b, settings);
        expect(row(b).answer_lost_at ?? '').toBe('');
        expect(b.http.requests.filter(isQuery)).toHaveLength(0);
    });
});
