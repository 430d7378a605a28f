import { describe, expect, it } from 'vitest';
import { AI_LABEL } from '../src/server/generated/seam-core';
import { DEFAULTS, type Settings } from '../src/server/config';
import { escalateCase, type EscalationRequestInfo } from '../src/server/escalation/problem';
import { onProblemChanged } from '../src/server/escalation/sync';
import { applyCaseMessage } from '../src/server/sync/inbound';
import { fakePorts } from './fakes';
import { CASE_A, caseMessage } from './helpers';

const settings: Settings = { ...DEFAULTS, triageEnabled: false };
const escalation = (version: number) => caseMessage({ version, escalateToEngineering: true, escalatedBy: 'Ava Agent' }, { Description: 'Export fails with EXP-4012 for jane.doe@example.com. We restarted the worker.' });
const audit = (ports: ReturnType<typeof fakePorts>, operation: string) => ports.records.rows('x_seam_bridge_audit').filter((a) => a.operation === operation);

describe('tier-3 escalation (agent trigger)', () => {
    it('creates one masked, AI-labelled problem for a case and links it; a second press is a duplicate', () => {
        const ports = fakePorts();
        ports.records.seed('sys_user_group', { name: 'Application Engineering' });
        const first = applyCaseMessage(ports, settings, escalation(1));
        expect(first).toMatchObject({ status: 'updated', escalation: 'created' });
        const problems = ports.records.rows('problem');
        expect(problems).toHaveLength(1);
        const p = problems[0]!;
        expect(p.x_seam_bridge_sf_case_id).toBe(CASE_A);
        expect(p.description).toContain('EXP-4012');
        expect(p.description).toContain(AI_LABEL);
        expect(p.description).not.toContain('jane.doe@example.com');
        expect(p.assignment_group).toBe(ports.records.rows('sys_user_group')[0]!.sys_id);
        expect(ports.records.rows('x_seam_bridge_link')[0]!.problem).toBe(p.sys_id);
        // No triage into an incident for a tier-3 escalation of an unlinked case.
        expect(ports.records.rows('incident')).toHaveLength(0);

        const again = applyCaseMessage(ports, settings, escalation(2));
        expect(again).toMatchObject({ escalation: 'duplicate' });
        const replay = applyCaseMessage(ports, settings, escalation(1));
        expect(replay).toMatchObject({ status: 'duplicate', escalation: 'duplicate' });
        expect(ports.records.rows('problem')).toHaveLength(1);
        expect(audit(ports, 'escalation:duplicate')).toHaveLength(2);
    });

    it('a refused problem is an error naming the field and the fix, audited, with nothing half-written', () => {
        const ports = fakePorts();
        const insert = ports.records.insert.bind(ports.records);
        ports.records.insert = (table, values) => {
            if (table === 'problem') throw new Error('insert into problem was refused (a business rule or data policy aborted it)');
            return insert(table, values);
        };
        const r = applyCaseMessage(ports, settings, escalation(1));
        expect(r.status).toBe('error');
        expect(r.problems?.[0]).toMatchObject({ field: 'escalateToEngineering', problem: expect.stringContaining('refused to create the problem'), fix: expect.stringContaining('Salesforce retries') });
        expect(audit(ports, 'escalation:create_problem')[0]).toMatchObject({ result: 'failed' });
        expect(ports.records.rows('x_seam_bridge_link')).toHaveLength(0);
        // A later delivery (the retry) is not swallowed as a duplicate: it escalates again.
        ports.records.insert = insert;
        expect(applyCaseMessage(ports, settings, escalation(1))).toMatchObject({ escalation: 'created' });
    });

    it('is switched off by x_seam_bridge.escalation.enabled', () => {
        const ports = fakePorts();
        const info: EscalationRequestInfo = { caseId: CASE_A, caseNumber: '1', subject: 's', description: '', accountId: '', requestedBy: 'a', trigger: 'agent', requestKey: 'k' };
        expect(escalateCase(ports, { ...settings, escalationEnabled: false }, info).status).toBe('disabled');
        expect(ports.records.rows('problem')).toHaveLength(0);
    });
});

describe('problem → Case', () => {
    it('queues only the problem mappings as one Incident_Update__e, and nothing when nothing changed', () => {
        const ports = fakePorts();
        applyCaseMessage(ports, settings, escalation(1));
        const p = ports.records.rows('problem')[0]!;
        ports.records.update('problem', p.sys_id, { number: 'PRB0010001', state: '104', known_error: 'true', workaround: 'Use CSV', fix_notes: '' });
        const out = onProblemChanged(ports, settings, ports.records.get('problem', p.sys_id)!);
        expect(out.status).toBe('queued');
        const rows = ports.records.rows('x_seam_bridge_outbox').filter((r) => r.kind === 'incident_update');
        const fields = JSON.parse(JSON.parse(rows[rows.length - 1]!.payload).Fields_Json__c);
        expect(fields).toMatchObject({ Seam_Problem_Number__c: 'PRB0010001', Seam_Problem_State__c: 'Fix in Progress', Seam_Known_Error__c: true, Seam_Workaround__c: 'Use CSV' });
        expect(Object.keys(fields).every((k) => /^Seam_(Problem|Known|Workaround|Fix|Escalation)/.test(k))).toBe(true);
        expect(onProblemChanged(ports, settings, ports.records.get('problem', p.sys_id)!).status).toBe('nothing_to_send');
    });

    it('with polling delivery the problem update waits for Salesforce to pull it, like an incident update', () => {
        const ports = fakePorts();
        applyCaseMessage(ports, settings, escalation(1));
        const p = ports.records.rows('problem')[0]!;
        ports.records.update('problem', p.sys_id, { number: 'PRB0010002', state: '102' });
        expect(onProblemChanged(ports, { ...settings, salesforceDelivery: 'poll' }, ports.records.get('problem', p.sys_id)!).status).toBe('queued');
        const rows = ports.records.rows('x_seam_bridge_outbox').filter((r) => r.kind === 'incident_update');
        expect(rows[rows.length - 1]!.status).toBe('awaiting_pull');
    });
});
