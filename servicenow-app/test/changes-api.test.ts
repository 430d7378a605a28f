import { describe, expect, it } from 'vitest';
import { getChanges, parseCursor } from '../src/server/api/changes';
import { DEFAULTS, loadSettings, type Settings } from '../src/server/config';
import { enqueue } from '../src/server/outbox/outbox';
import { fakePorts, type FakePorts } from './fakes';

const poll: Settings = { ...DEFAULTS, salesforceDelivery: 'poll', pollSettleSeconds: 2 };
const NOW = Date.UTC(2026, 11, 2, 18, 0, 10);

/** An outbox row as the outbound decision queues it in delivery poll, written at `at`. */
function queued(ports: FakePorts, at: string, sysId: string, status = 'awaiting_pull', type = 'Incident_Update__e'): void {
    ports.records.seed('x_seam_bridge_outbox', {
        sys_id: sysId, sys_created_on: at, status, sobject_type: type, kind: 'incident_update', incident: `inc-${sysId.slice(-3)}`,
        idempotency_key: `key-${sysId}`, payload: JSON.stringify({ attributes: { type }, Idempotency_Key__c: `key-${sysId}`, Fields_Json__c: '{}' }),
    });
}
const id = (n: number): string => n.toString(16).padStart(32, 'a');
const keys = (body: any): string[] => body.changes.map((c: any) => c.Idempotency_Key__c);

describe('GET /v1/changes', () => {
    it('pages in (second, sys_id) order, so rows of one second split across pages are neither lost nor repeated', () => {
        const ports = fakePorts({ now: NOW });
        // Four rows in the same second, inserted out of sys_id order, one before and one after.
        queued(ports, '2026-12-02 18:00:00', id(9));
        queued(ports, '2026-12-02 18:00:01', id(7));
        queued(ports, '2026-12-02 18:00:01', id(3));
        queued(ports, '2026-12-02 18:00:01', id(5));
        queued(ports, '2026-12-02 18:00:01', id(1));
        queued(ports, '2026-12-02 18:00:02', id(2));
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        for (;;) {
            const res = getChanges(ports, poll, { cursor, limit: '2' });
            expect(res.status).toBe(200);
            const body = res.body as any;
            seen.push(...keys(body));
            cursor = body.nextCursor;
            pages += 1;
            if (!body.hasMore) break;
        }
        expect(pages).toBe(3);
        expect(seen).toEqual([9, 1, 3, 5, 7, 2].map((n) => `key-${id(n)}`));
        // Asked from the last cursor: nothing more, and every row was acknowledged.
        const last = getChanges(ports, poll, { cursor }).body as any;
        expect(last.changes).toEqual([]);
        expect(ports.records.rows('x_seam_bridge_outbox').map((r) => r.status)).toEqual(Array(6).fill('pulled'));
    });

    it('a replayed page answers the same rows; acknowledging is idempotent and audited once per row', () => {
        const ports = fakePorts({ now: NOW });
        for (let i = 1; i <= 3; i++) queued(ports, '2026-12-02 18:00:01', id(i));
        const first = getChanges(ports, poll, { limit: '2' }).body as any;
        const again = getChanges(ports, poll, { limit: '2' }).body as any;
        expect(keys(again)).toEqual(keys(first));
        const next = getChanges(ports, poll, { cursor: first.nextCursor }).body as any;
        expect(next.acknowledged).toBe(2);
        expect(getChanges(ports, poll, { cursor: first.nextCursor }).body).toMatchObject({ acknowledged: 0, changes: next.changes });
        const pulls = ports.records.rows('x_seam_bridge_audit').filter((a) => a.operation === 'incident_update:pulled');
        expect(pulls).toHaveLength(2);
    });

    it('holds back rows of the last settle seconds, and never serves push-mode rows or the chat webhook', () => {
        const ports = fakePorts({ now: NOW });
        queued(ports, '2026-12-02 18:00:07', id(1));
        queued(ports, '2026-12-02 18:00:08', id(2)); // within the settle window (now 18:00:10, 2 s)
        queued(ports, '2026-12-02 18:00:01', id(3), 'sent');
        queued(ports, '2026-12-02 18:00:01', id(4), 'awaiting_pull', 'ChatWebhook');
        ports.records.update('x_seam_bridge_outbox', id(4), { kind: 'critical_alert' });
        expect(keys(getChanges(ports, poll, {}).body)).toEqual([`key-${id(1)}`]);
        ports.now += 1000;
        expect(keys(getChanges(ports, poll, {}).body)).toEqual([`key-${id(1)}`, `key-${id(2)}`]);
    });

    it('a bad cursor or limit is a 400 naming the field and the fix, and writes nothing', () => {
        const ports = fakePorts({ now: NOW });
        queued(ports, '2026-12-02 18:00:01', id(1));
        const writes = ports.records.writes.length;
        const bad = getChanges(ports, poll, { cursor: '2026-12-02 18:00:01', limit: '500' });
        expect(bad.status).toBe(400);
        const error = (bad.body as any).error;
        expect(error.problems.map((p: any) => p.field)).toEqual(['cursor', 'limit']);
        expect(error.detail).toMatch(/nextCursor of the previous page/);
        expect(error.detail).toMatch(/limit=200/);
        expect(parseCursor('2026-13-45T99:00:00Z_' + id(1)).ok).toBe(false);
        expect(ports.records.writes.length).toBe(writes);
    });

    it('a pulled update of a case with only a problem (no incident) puts that case\'s link in sync, and no other', () => {
        const ports = fakePorts({ now: NOW });
        const CASE = '500000000000007AAA';
        ports.records.seed('x_seam_bridge_outbox', {
            sys_id: id(1), sys_created_on: '2026-12-02 18:00:01', status: 'awaiting_pull', sobject_type: 'Incident_Update__e', kind: 'incident_update', incident: '', sf_case_id: CASE,
            idempotency_key: 'servicenow:prb1:3', payload: JSON.stringify({ attributes: { type: 'Incident_Update__e' }, Idempotency_Key__c: 'servicenow:prb1:3', Fields_Json__c: '{}' }),
        });
        ports.records.seed('x_seam_bridge_link', { sys_id: 'l1', sf_case_id: CASE, incident: '', problem: 'prb1', sync_state: 'pending' });
        ports.records.seed('x_seam_bridge_link', { sys_id: 'l2', sf_case_id: '500000000000008AAA', incident: '', problem: 'prb2', sync_state: 'pending' });
        const first = getChanges(ports, poll, {}).body as any;
        expect(getChanges(ports, poll, { cursor: first.nextCursor }).body).toMatchObject({ acknowledged: 1 });
        expect(ports.records.rows('x_seam_bridge_link').map((l) => [l.sys_id, l.sync_state])).toEqual([['l1', 'in_sync'], ['l2', 'pending']]);
    });

    it('delivery poll queues Incident_Update__e rows as awaiting_pull, which the drain never picks', () => {
        const ports = fakePorts({ now: NOW });
        enqueue(ports, { kind: 'incident_update', idempotencyKey: 'k1', record: { attributes: { type: 'Incident_Update__e' } }, pull: true });
        expect(ports.records.rows('x_seam_bridge_outbox')[0].status).toBe('awaiting_pull');
        const loaded = loadSettings({ get: (n: string) => (n === 'x_seam_bridge.salesforce.delivery' ? 'pull' : undefined) });
        expect(loaded.settings.salesforceDelivery).toBe('push');
        expect(loaded.problems[0]).toMatchObject({ field: 'x_seam_bridge.salesforce.delivery' });
    });
});
