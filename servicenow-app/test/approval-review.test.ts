import { describe, expect, it } from 'vitest';
import { postCases } from '../src/server/api/cases';
import { DEFAULTS, type Settings } from '../src/server/config';
import { approvers, onApprovalDecided } from '../src/server/triage/approval';
import { onReviewDecided } from '../src/server/triage/decided';
import { fakePorts, type FakePorts } from './fakes';
import { CASE_A, CASE_B, PROPS, body, caseMessage, proxyAndSalesforce } from './helpers';

const CASE_C = '500000000000003AAA';

const settings: Settings = { ...DEFAULTS, proxyUrl: PROPS['x_seam_bridge.proxy.url'], proxyApiKey: PROPS['x_seam_bridge.proxy.api_key'] };

function pendingApproval(): FakePorts {
    const ports = fakePorts({ route: proxyAndSalesforce({ route: 'servicenow', priority: 1, confidence: 0.97 }) });
    ports.records.seed('sys_user_has_role', { user: 'u-rev1', 'role.name': 'x_seam_bridge.reviewer' });
    ports.records.seed('sys_user_has_role', { user: 'u-rev2', 'role.name': 'x_seam_bridge.reviewer' });
    postCases(ports, settings, { bodyText: body([caseMessage()]), pathParams: {} });
    return ports;
}

const review = (ports: FakePorts) => ports.records.rows('x_seam_bridge_triage_review')[0];

describe('approval of high-priority transfers', () => {
    it('uses the configured approval group when there is one', () => {
        const ports = fakePorts();
        ports.records.seed('sys_user_grmember', { group: 'grp-cab', user: 'u-cab1' });
        ports.records.seed('sys_user_has_role', { user: 'u-cab1', 'role.name': 'x_seam_bridge.admin' });
        ports.records.seed('sys_user_grmember', { group: 'grp-other', user: 'u-x' });
        ports.records.seed('sys_user_has_role', { user: 'u-rev1', 'role.name': 'x_seam_bridge.reviewer' });
        expect(approvers(ports, { approvalGroup: 'grp-cab' })).toEqual(['u-cab1']);
        expect(approvers(ports, { approvalGroup: '' })).toEqual(['u-rev1']);
    });

    it('with no approver to ask, the review waits in the queue as pending with the fix named, and the admin is told once', () => {
        const ports = fakePorts({ route: proxyAndSalesforce({ route: 'servicenow', priority: 1, confidence: 0.97 }) });
        const result = postCases(ports, settings, { bodyText: body([caseMessage()]), pathParams: {} });
        expect((result.body as { results: { status: string }[] }).results[0].status).toBe('review');
        expect(review(ports).status).toBe('pending');
        expect(review(ports).reason).toContain('no approvers configured: set x_seam_bridge.approval.group');
        expect(ports.records.rows('sysapproval_approver')).toHaveLength(0);
        const audit = ports.records.rows('x_seam_bridge_audit').find((a) => a.operation === 'case:review')!;
        expect(audit.detail).toContain('no approvers configured');
        // A second case: still no approvers; the error is not repeated.
        postCases(ports, settings, { bodyText: body([caseMessage({ caseId: CASE_B })]), pathParams: {} });
        expect(ports.logs.filter((l) => l.startsWith('error') && l.includes('x_seam_bridge.approval.group'))).toHaveLength(1);
        // Once approvers exist, approvals are requested again, and a later outage is reported anew.
        ports.records.seed('sys_user_has_role', { user: 'u-rev1', 'role.name': 'x_seam_bridge.reviewer' });
        postCases(ports, settings, { bodyText: body([caseMessage({ caseId: CASE_C })]), pathParams: {} });
        expect(ports.records.rows('sysapproval_approver')).toHaveLength(1);
    });

    it('accepts the approval group by name as well as by sys_id', () => {
        const ports = fakePorts();
        const cab = ports.records.seed('sys_user_group', { name: 'CAB Approval' });
        ports.records.seed('sys_user_grmember', { group: cab, user: 'u-cab1' });
        ports.records.seed('sys_user_has_role', { user: 'u-cab1', 'role.name': 'x_seam_bridge.reviewer' });
        expect(approvers(ports, { approvalGroup: 'CAB Approval' })).toEqual(['u-cab1']);
        expect(approvers(ports, { approvalGroup: cab })).toEqual(['u-cab1']);
    });

    it('the first approval approves the review and closes the other approvals', () => {
        const ports = pendingApproval();
        const [first, second] = ports.records.rows('sysapproval_approver');
        ports.records.update('sysapproval_approver', first.sys_id, { state: 'approved' });
        const row = ports.records.get('sysapproval_approver', first.sys_id) as Record<string, string>;
        const outcome = onApprovalDecided(ports, { sys_id: first.sys_id, state: row.state, source_table: row.source_table, document_id: row.document_id });
        expect(outcome).toBe('approved');
        expect(review(ports).status).toBe('approved');
        expect(ports.records.get('sysapproval_approver', second.sys_id)?.state).toBe('not_required');
        // A late second decision changes nothing.
        expect(onApprovalDecided(ports, { sys_id: second.sys_id, state: 'rejected', source_table: 'x_seam_bridge_triage_review', document_id: review(ports).sys_id })).toBe('ignored');
    });

    it('ignores approvals of other tables', () => {
        const ports = pendingApproval();
        expect(onApprovalDecided(ports, { sys_id: 'x', state: 'approved', source_table: 'change_request', document_id: review(ports).sys_id })).toBe('ignored');
        expect(review(ports).status).toBe('approval_pending');
    });
});

describe('triage review decisions', () => {
    it('an approved review creates the incident from the stored message and remembers it', () => {
        const ports = pendingApproval();
        ports.records.update('x_seam_bridge_triage_review', review(ports).sys_id, { status: 'approved' });
        const outcome = onReviewDecided(ports, review(ports));
        expect(outcome.status).toBe('created');
        const [incident] = ports.records.rows('incident');
        expect(incident.x_seam_bridge_sf_case_id).toBe(CASE_A);
        expect(review(ports).incident).toBe(incident.sys_id);
        // The incident carries the correlation id from link time, as on the direct create path.
        expect(incident.x_seam_bridge_correlation_id).toBe(`SNOW-${incident.number}|SFDC-${CASE_A}`);
        expect(review(ports).correlation_id).toBe(incident.x_seam_bridge_correlation_id);
        // Running the rule again (a second update) must not create a second incident.
        expect(onReviewDecided(ports, review(ports)).status).toBe('ignored');
        expect(ports.records.rows('incident')).toHaveLength(1);
    });

    it('a rerouted review uses the chosen group; without one it waits', () => {
        const ports = pendingApproval();
        ports.records.update('x_seam_bridge_triage_review', review(ports).sys_id, { status: 'rerouted' });
        expect(onReviewDecided(ports, review(ports)).status).toBe('ignored');
        ports.records.update('x_seam_bridge_triage_review', review(ports).sys_id, { reroute_group: 'grp-db' });
        expect(onReviewDecided(ports, review(ports)).status).toBe('created');
        expect(ports.records.rows('incident')[0].assignment_group).toBe('grp-db');
    });

    it('a rejected review creates nothing and is audited', () => {
        const ports = pendingApproval();
        ports.records.update('x_seam_bridge_triage_review', review(ports).sys_id, { status: 'rejected' });
        expect(onReviewDecided(ports, review(ports)).status).toBe('rejected_by_reviewer');
        expect(ports.records.rows('incident')).toHaveLength(0);
        expect(ports.records.rows('x_seam_bridge_audit').some((a) => a.operation === 'case:review_rejected')).toBe(true);
    });
});

describe('issue 15 item 7: approvers can read what they approve', () => {
    it('asks only approval-group members who hold a role that reads the review; names the others and the fix', () => {
        const ports = fakePorts({ route: proxyAndSalesforce({ route: 'servicenow', priority: 1, confidence: 0.97 }) });
        ports.records.seed('sys_user_grmember', { group: 'grp-cab', user: 'u-cab-reviewer' });
        ports.records.seed('sys_user_grmember', { group: 'grp-cab', user: 'u-cab-itil-only' });
        ports.records.seed('sys_user_grmember', { group: 'grp-cab', user: 'u-cab-admin' });
        ports.records.seed('sys_user_has_role', { user: 'u-cab-reviewer', 'role.name': 'x_seam_bridge.reviewer' });
        ports.records.seed('sys_user_has_role', { user: 'u-cab-itil-only', 'role.name': 'itil' });
        ports.records.seed('sys_user_has_role', { user: 'u-cab-admin', 'role.name': 'x_seam_bridge.admin' });
        postCases(ports, { ...settings, approvalGroup: 'grp-cab' }, { bodyText: body([caseMessage()]), pathParams: {} });
        expect(ports.records.rows('sysapproval_approver').map((a) => a.approver).sort()).toEqual(['u-cab-admin', 'u-cab-reviewer']);
        expect(ports.logs.some((l) => l.startsWith('error') && l.includes('1 member(s) of x_seam_bridge.approval.group cannot read') && l.includes('fix: give them the x_seam_bridge.reviewer role'))).toBe(true);
    });

    it('a group none of whose members may read the review counts as no approvers: the review waits in the queue', () => {
        const ports = fakePorts({ route: proxyAndSalesforce({ route: 'servicenow', priority: 1, confidence: 0.97 }) });
        ports.records.seed('sys_user_grmember', { group: 'grp-cab', user: 'u-itil' });
        ports.records.seed('sys_user_has_role', { user: 'u-itil', 'role.name': 'itil' });
        postCases(ports, { ...settings, approvalGroup: 'grp-cab' }, { bodyText: body([caseMessage()]), pathParams: {} });
        expect(ports.records.rows('sysapproval_approver')).toHaveLength(0);
        expect(review(ports).status).toBe('pending');
    });
});
