/**
 * High-priority transfers need a real approval: one `sysapproval_approver` row per approver
 * (members of the configured group, else holders of x_seam_bridge.reviewer), pointing at the
 * triage review through source_table/document_id. The first decision wins; the other
 * approvals are closed as no longer required.
 */
import type { Settings } from '../config';
import type { Ports } from '../ports';
import { TABLE, eq } from '../tables';

export const REVIEWER_ROLE = 'x_seam_bridge.reviewer';
/** Bound the fan-out: a misconfigured group must not create thousands of approvals. */
export const MAX_APPROVERS = 25;

export function approvers(ports: Pick<Ports, 'records'>, settings: Pick<Settings, 'approvalGroup'>): string[] {
    const rows = settings.approvalGroup
        ? ports.records.find(TABLE.groupMember, eq('group', settings.approvalGroup), { limit: MAX_APPROVERS, fields: ['user'] })
        : ports.records.find(TABLE.userRole, eq('role.name', REVIEWER_ROLE), { limit: MAX_APPROVERS, fields: ['user'] });
    return Array.from(new Set(rows.map((r) => r.user).filter((u) => u !== '')));
}

export function requestApproval(ports: Pick<Ports, 'records'>, settings: Pick<Settings, 'approvalGroup'>, reviewSysId: string, reason: string): number {
    const users = approvers(ports, settings);
    for (const user of users) {
        ports.records.insert(TABLE.approval, {
            approver: user,
            state: 'requested',
            source_table: TABLE.review,
            document_id: reviewSysId,
            comments: `Seam: high-priority transfer from Salesforce needs approval. ${reason}`,
        });
    }
    return users.length;
}

export type ApprovalOutcome = 'approved' | 'rejected' | 'ignored';

/** Called when a sysapproval_approver row for a triage review changes state. */
export function onApprovalDecided(ports: Pick<Ports, 'records'>, approval: { sys_id: string; state: string; source_table: string; document_id: string }): ApprovalOutcome {
    if (approval.source_table !== TABLE.review) return 'ignored';
    if (approval.state !== 'approved' && approval.state !== 'rejected') return 'ignored';
    const review = ports.records.get(TABLE.review, approval.document_id, ['status']);
    if (!review || review.status !== 'approval_pending') return 'ignored';
    // Setting the review's status runs the review rule, which creates the incident on approval.
    ports.records.update(TABLE.review, approval.document_id, { status: approval.state });
    const others = ports.records.find(TABLE.approval, `${eq('document_id', approval.document_id)}^state=requested`, { fields: ['state'] });
    for (const o of others) {
        if (o.sys_id !== approval.sys_id) ports.records.update(TABLE.approval, o.sys_id, { state: 'not_required' });
    }
    return approval.state;
}
