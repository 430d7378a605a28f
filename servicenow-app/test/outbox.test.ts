import { describe, expect, it } from 'vitest';
import { messageId } from '../src/server/generated/seam-core';
import { dueMessages, enqueue, replay, replayDeadLetters } from '../src/server/outbox/outbox';
import { fakePorts } from './fakes';
import { CASE_A } from './helpers';

const record = { attributes: { type: 'Incident_Update__e' }, Case_Id__c: CASE_A };

describe('outbox', () => {
    it('queues a message once per idempotency key, with the shared message id', () => {
        const ports = fakePorts();
        const first = enqueue(ports, { kind: 'incident_update', idempotencyKey: 'servicenow:abc:3', record, caseId: CASE_A });
        const second = enqueue(ports, { kind: 'incident_update', idempotencyKey: 'servicenow:abc:3', record, caseId: CASE_A });
        expect(first).toMatchObject({ status: 'queued', messageId: messageId('servicenow:abc:3') });
        expect(second).toEqual({ status: 'duplicate', sysId: first.sysId });
        const rows = ports.records.rows('x_seam_bridge_outbox');
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ status: 'pending', attempts: '0', sobject_type: 'Incident_Update__e', sf_case_id: CASE_A });
        expect(JSON.parse(rows[0].payload)).toEqual(record);
    });

    it('holds a message that needs a person before it becomes customer-visible', () => {
        const ports = fakePorts();
        enqueue(ports, { kind: 'resolution_summary', idempotencyKey: 'servicenow:abc:4:resolution-summary', record, hold: true });
        expect(ports.records.rows('x_seam_bridge_outbox')[0].status).toBe('held');
        expect(dueMessages(ports, 10)).toHaveLength(0);
    });

    it('returns only due messages, oldest due first', () => {
        const ports = fakePorts({ now: Date.UTC(2026, 10, 23, 12, 0, 0) });
        ports.records.seed('x_seam_bridge_outbox', { sys_id: 'later', status: 'failed', next_attempt_at: '2026-11-23 12:05:00' });
        ports.records.seed('x_seam_bridge_outbox', { sys_id: 'due', status: 'failed', next_attempt_at: '2026-11-23 11:59:00' });
        ports.records.seed('x_seam_bridge_outbox', { sys_id: 'new', status: 'pending', next_attempt_at: '' });
        ports.records.seed('x_seam_bridge_outbox', { sys_id: 'dead', status: 'dead_letter', next_attempt_at: '' });
        expect(dueMessages(ports, 10).map((r) => r.sys_id)).toEqual(['new', 'due']);
    });

    it('sends an incident\'s updates in version order: one waiting for its retry or in the dead letter holds back the newer ones', () => {
        const ports = fakePorts({ now: Date.UTC(2026, 10, 23, 12, 0, 0) });
        const v = (n: number): string => JSON.stringify({ attributes: { type: 'Incident_Update__e' }, Link_Version__c: n });
        const row = (sysId: string, incident: string, status: string, next: string, version: number, kind = 'incident_update') =>
            ports.records.seed('x_seam_bridge_outbox', { sys_id: sysId, incident, kind, status, next_attempt_at: next, payload: v(version) });
        row('a5', 'A', 'failed', '2026-11-23 12:05:00', 5);
        row('a6', 'A', 'pending', '', 6);
        row('b3', 'B', 'pending', '', 3);
        row('c8', 'C', 'pending', '', 8);
        row('c7', 'C', 'failed', '2026-11-23 11:59:00', 7);
        row('d4', 'D', 'dead_letter', '', 4);
        row('d5', 'D', 'pending', '', 5);
        // Other kinds carry no version: they neither wait nor hold updates back.
        row('e0', 'E', 'failed', '2026-11-23 12:05:00', 0, 'resolution_summary');
        row('e9', 'E', 'pending', '', 9);
        expect(dueMessages(ports, 10).map((r) => r.sys_id)).toEqual(['b3', 'c7', 'c8', 'e9']);
    });

    it('replays dead letters, failed and held messages with a fresh attempt budget, never sent ones', () => {
        const ports = fakePorts();
        const dead = ports.records.seed('x_seam_bridge_outbox', { status: 'dead_letter', attempts: 8, last_error: 'HTTP 500' });
        const sent = ports.records.seed('x_seam_bridge_outbox', { status: 'sent', attempts: 1 });
        const held = ports.records.seed('x_seam_bridge_outbox', { status: 'held', attempts: 0 });
        const result = replay(ports, [dead, sent, held, 'missing']);
        expect(result.replayed).toBe(2);
        expect(result.skipped.map((s) => s.sysId)).toEqual([sent, 'missing']);
        expect(ports.records.get('x_seam_bridge_outbox', dead)).toMatchObject({ status: 'pending', attempts: '0', last_error: '' });
        expect(ports.records.get('x_seam_bridge_outbox', held)?.status).toBe('pending');
        expect(ports.records.get('x_seam_bridge_outbox', sent)?.status).toBe('sent');
    });

    it('bulk replay puts every dead letter back, and only dead letters', () => {
        const ports = fakePorts();
        ports.records.seed('x_seam_bridge_outbox', { status: 'dead_letter' });
        ports.records.seed('x_seam_bridge_outbox', { status: 'dead_letter' });
        ports.records.seed('x_seam_bridge_outbox', { status: 'held' });
        expect(replayDeadLetters(ports).replayed).toBe(2);
        expect(ports.records.rows('x_seam_bridge_outbox').map((r) => r.status).sort()).toEqual(['held', 'pending', 'pending']);
    });
});
