import { describe, expect, it } from 'vitest';
import { postCases } from '../src/server/api/cases';
import { DEFAULTS, type Settings } from '../src/server/config';
import { parseOriginTag } from '../src/server/generated/seam-core';
import { onIncidentChanged, onJournalEntry, readIncident } from '../src/server/sync/outbound';
import { fakePorts, type FakePorts } from './fakes';
import { CASE_A, PROPS, body, caseMessage, proxyAndSalesforce } from './helpers';

const settings: Settings = { ...DEFAULTS, proxyUrl: PROPS['x_seam_bridge.proxy.url'], proxyApiKey: PROPS['x_seam_bridge.proxy.api_key'], salesforceUrl: PROPS['x_seam_bridge.salesforce.instance_url'] };

/** A linked incident, created through the inbound API by the integration user. */
function linked(): { ports: FakePorts; sysId: string } {
    const ports = fakePorts({ route: proxyAndSalesforce({ route: 'servicenow', priority: 3, confidence: 0.95 }) });
    ports.records.seed('sys_user_has_role', { user: 'u-int', 'user.user_name': 'sf.integration', 'role.name': 'x_seam_bridge.integration' });
    postCases(ports, settings, { bodyText: body([caseMessage()]), pathParams: {} });
    const incident = ports.records.rows('incident')[0];
    ports.records.update('incident', incident.sys_id, { sys_updated_by: 'sf.integration', sys_mod_count: '1', state: '1' });
    return { ports, sysId: incident.sys_id };
}

const incidentRow = (ports: FakePorts, sysId: string) => ports.records.get('incident', sysId) as Record<string, string>;
const outbox = (ports: FakePorts) => ports.records.rows('x_seam_bridge_outbox');

describe('outbound: incident changes', () => {
    it('sends reference fields (assignee, group, CI, change) as display names, never sys_ids', () => {
        const { ports, sysId } = linked();
        const beth = '6816f79cc0a8016401c5a33be04be441';
        Object.assign(ports.records.displayNames, { [beth]: 'Beth Anglin', 'grp-net': 'Network', 'ci-vpn': 'VPN concentrator', 'chg-1': 'CHG0030001' });
        ports.records.update('incident', sysId, { assigned_to: beth, assignment_group: 'grp-net', cmdb_ci: 'ci-vpn', rfc: 'chg-1' });
        expect(onIncidentChanged(ports, settings, readIncident(ports, sysId)!).status).toBe('queued');
        const fields = JSON.parse(JSON.parse(outbox(ports)[0].payload).Fields_Json__c);
        expect(fields).toMatchObject({ Seam_Assignee__c: 'Beth Anglin', Seam_Assignment_Group__c: 'Network', Seam_CI__c: 'VPN concentrator', Seam_Change__c: 'CHG0030001' });
        // The identity fields stay stable keys.
        expect(fields.Seam_Incident_Sys_Id__c).toBe(sysId);
    });

    it('queues the first sync of a new link as one Incident_Update__e with ServiceNow-owned fields only', () => {
        const { ports, sysId } = linked();
        const outcome = onIncidentChanged(ports, settings, incidentRow(ports, sysId));
        expect(outcome.status).toBe('queued');
        const [msg] = outbox(ports);
        const event = JSON.parse(msg.payload);
        expect(event.attributes.type).toBe('Incident_Update__e');
        expect(event).toMatchObject({ Case_Id__c: CASE_A, Incident_Sys_Id__c: sysId, Origin__c: 'servicenow', Idempotency_Key__c: msg.idempotency_key });
        const fields = JSON.parse(event.Fields_Json__c);
        expect(fields.Seam_Incident_Number__c).toBe(incidentRow(ports, sysId).number);
        expect(fields.Status).toBeDefined();
        // Salesforce-owned fields never travel back.
        expect(fields).not.toHaveProperty('Subject');
        expect(fields).not.toHaveProperty('Priority');
    });

    it('sends nothing when nothing ServiceNow owns changed (no echo of the inbound write)', () => {
        const { ports, sysId } = linked();
        onIncidentChanged(ports, settings, incidentRow(ports, sysId));
        // Salesforce updates the subject through the API; the async rule then sees the change.
        postCases(ports, settings, { bodyText: body([caseMessage({ version: 2 }, { Subject: 'Updated in Salesforce' })]), pathParams: {} });
        ports.records.update('incident', sysId, { sys_updated_by: 'sf.integration', sys_mod_count: '2' });
        const outcome = onIncidentChanged(ports, settings, incidentRow(ports, sysId));
        expect(outcome.status).toBe('nothing_to_send');
        expect(outbox(ports)).toHaveLength(1);
    });

    it('queues a real change by an agent with old and new values in the audit', () => {
        const { ports, sysId } = linked();
        onIncidentChanged(ports, settings, incidentRow(ports, sysId));
        ports.records.update('incident', sysId, { state: '2', sys_updated_by: 'jane.agent', sys_mod_count: '2' });
        const outcome = onIncidentChanged(ports, settings, incidentRow(ports, sysId));
        expect(outcome).toMatchObject({ status: 'queued' });
        const fields = JSON.parse(JSON.parse(outbox(ports)[1].payload).Fields_Json__c);
        expect(Object.keys(fields).sort()).toEqual(['Seam_Incident_State__c', 'Status']);
        const audit = ports.records.rows('x_seam_bridge_audit').filter((a) => a.operation === 'queue:Incident_Update__e').pop();
        expect(audit?.fields).toContain('Status');
        expect(JSON.parse(audit?.old_values ?? '{}')).toHaveProperty('Status');
        expect(audit?.correlation_id).toMatch(/^SNOW-INC\d+\|SFDC-500/);
        const link = ports.records.rows('x_seam_bridge_link')[0];
        expect(link.sync_state).toBe('pending');
        expect(Number(link.sn_version)).toBeGreaterThanOrEqual(2);
    });

    it('ignores incidents that are not linked and does nothing while sync is off', () => {
        const ports = fakePorts();
        const sysId = ports.records.seed('incident', { number: 'INC0000099', state: '2' });
        expect(onIncidentChanged(ports, settings, incidentRow(ports, sysId)).status).toBe('not_linked');
        expect(onIncidentChanged(ports, { syncEnabled: false }, incidentRow(ports, sysId)).status).toBe('disabled');
        expect(outbox(ports)).toHaveLength(0);
    });
});

describe('outbound: customer-visible comments', () => {
    it('queues an agent comment as a journal entry on the event', () => {
        const { ports, sysId } = linked();
        onIncidentChanged(ports, settings, incidentRow(ports, sysId));
        const entry = ports.records.seed('sys_journal_field', { name: 'incident', element: 'comments', element_id: sysId, value: 'We found the faulty switch.', sys_created_by: 'jane.agent', sys_created_on: '2026-11-23 12:01:00' });
        const outcome = onJournalEntry(ports, settings, ports.records.get('sys_journal_field', entry) as Record<string, string>);
        expect(outcome).toMatchObject({ status: 'queued', comments: 1 });
        const comments = JSON.parse(JSON.parse(outbox(ports)[1].payload).Comments_Json__c);
        expect(comments).toEqual([{ id: entry, body: 'We found the faulty switch.', author: 'jane.agent', createdAt: '2026-11-23T12:01:00Z', origin: 'servicenow' }]);
        // The same entry never goes twice.
        expect(onJournalEntry(ports, settings, ports.records.get('sys_journal_field', entry) as Record<string, string>).status).toBe('nothing_to_send');
    });

    it('never sends back a comment that came from Salesforce, nor work notes', () => {
        const { ports, sysId } = linked();
        onIncidentChanged(ports, settings, incidentRow(ports, sysId));
        const fromSf = ports.records.seed('sys_journal_field', { name: 'incident', element: 'comments', element_id: sysId, value: '[Seam: from Salesforce · Ann Customer]\nStill broken', sys_created_by: 'sf.integration', sys_created_on: '2026-11-23 12:02:00' });
        expect(parseOriginTag(ports.records.get('sys_journal_field', fromSf)?.value ?? '')?.origin).toBe('salesforce');
        expect(onJournalEntry(ports, settings, ports.records.get('sys_journal_field', fromSf) as Record<string, string>).status).toBe('nothing_to_send');
        const note = ports.records.seed('sys_journal_field', { name: 'incident', element: 'work_notes', element_id: sysId, value: 'internal', sys_created_by: 'jane.agent', sys_created_on: '2026-11-23 12:03:00' });
        expect(onJournalEntry(ports, settings, ports.records.get('sys_journal_field', note) as Record<string, string>).status).toBe('nothing_to_send');
        expect(outbox(ports)).toHaveLength(1);
    });

    it('treats an untagged comment written by the integration user as an echo, not news', () => {
        const { ports, sysId } = linked();
        onIncidentChanged(ports, settings, incidentRow(ports, sysId));
        const entry = ports.records.seed('sys_journal_field', { name: 'incident', element: 'comments', element_id: sysId, value: 'Written by the integration', sys_created_by: 'sf.integration', sys_created_on: '2026-11-23 12:04:00' });
        expect(onJournalEntry(ports, settings, ports.records.get('sys_journal_field', entry) as Record<string, string>).status).toBe('nothing_to_send');
        expect(outbox(ports)).toHaveLength(1);
    });
});
