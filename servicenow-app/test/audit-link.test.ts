import { describe, expect, it } from 'vitest';
import { audited, recordAudit } from '../src/server/audit/audit';
import { newLink } from '../src/server/generated/seam-core';
import { findLinkByCase, saveLink } from '../src/server/sync/link';
import { fakePorts } from './fakes';
import { CASE_A } from './helpers';

describe('audit', () => {
    it('a failing audit insert is logged and never undoes the write it describes', () => {
        const ports = fakePorts();
        ports.records.insert = () => {
            throw new Error('table full');
        };
        expect(() => recordAudit(ports, { direction: 'inbound', operation: 'x', target: 'incident', result: 'success', latencyMs: 1 })).not.toThrow();
        expect(ports.logs[0]).toContain('could not write the audit row for x');
    });

    it('audited() times the write and records failures before rethrowing', () => {
        const ports = fakePorts();
        const value = audited(ports, { direction: 'outbound', operation: 'op', target: 'Case' }, () => {
            ports.now += 42;
            return 7;
        });
        expect(value).toBe(7);
        expect(ports.records.rows('x_seam_bridge_audit')[0]).toMatchObject({ result: 'success', latency_ms: '42' });
        expect(() => audited(ports, { direction: 'outbound', operation: 'op2', target: 'Case' }, () => { throw new Error('boom'); })).toThrow('boom');
        expect(ports.records.rows('x_seam_bridge_audit')[1]).toMatchObject({ result: 'failed', detail: 'Error: boom' });
    });

    it('clips long values to the column sizes', () => {
        const ports = fakePorts();
        recordAudit(ports, { direction: 'inbound', operation: 'o'.repeat(200), target: 't', result: 'success', latencyMs: 0, newValues: { big: 'x'.repeat(20_000) } });
        const row = ports.records.rows('x_seam_bridge_audit')[0];
        expect(row.operation.length).toBe(80);
        expect(row.new_values.length).toBe(8000);
    });
});

describe('link store', () => {
    it('round-trips the shared LinkState and copies versions into columns', () => {
        const ports = fakePorts();
        const state = { ...newLink({ caseId: CASE_A, incidentSysId: 'inc1' }), versions: { salesforce: 3, servicenow: 5 } };
        saveLink(ports, null, state, { syncState: 'in_sync', caseNumber: '00001001' });
        const link = findLinkByCase(ports, CASE_A);
        expect(link?.state).toEqual(state);
        expect(link?.row).toMatchObject({ link_version: '3', sn_version: '5', sync_state: 'in_sync', sf_case_number: '00001001', last_synced_at: '2026-11-23 12:00:00' });
    });

    it('rebuilds a damaged state from the columns instead of failing', () => {
        const ports = fakePorts();
        ports.records.seed('x_seam_bridge_link', { sf_case_id: CASE_A, incident: 'inc1', correlation_id: 'c', state: '{oops' });
        const link = findLinkByCase(ports, CASE_A);
        expect(link?.state).toMatchObject({ caseId: CASE_A, incidentSysId: 'inc1', correlationId: 'c', versions: { salesforce: 0, servicenow: 0 } });
    });
});
