/**
 * High-priority transfers need a real approval: one `sysapproval_approver` row per approver
 * (members of the configured group, else holders of x_seam_bridge.reviewer), pointing at the
 * triage review through source_table/document_id. The first decision wins; the other
 * approvals are closed as no longer required.
 */
import type { Settings } from '../config';
import { findGroup } from '../groups';
import { readState, writeState } from '../ops/state';
import type { Ports } from '../ports';
import { TABLE, eq } from '../tables';

export const REVIEWER_ROLE = 'x_seam_bridge.reviewer';
/** Bound the fan-out: a misconfigured group must not create thousands of approvals. */
export const MAX_APPROVERS = 25;

/** The approval group's sys_id: the property may hold the sys_id or the group's name. */
function approvalGroupId(ports: Pick<Ports, 'records'>, group: string): string {
    if (/^[0-9a-f]{32}$/.test(group)) return group;
    return findGroup(ports, group) || group;
}

/** Roles that may read a triage review (its read ACL; x_seam_bridge.admin contains the reviewer role). */
export const REVIEW_READER_ROLES = [REVIEWER_ROLE, 'x_seam_bridge.admin', 'admin'];

/**
 * Who is asked: members of the approval group who may read the review they approve (the review's
 * read ACL), else holders of x_seam_bridge.reviewer. `withoutRole`: group members skipped because
 * they could not open the review (an approval they cannot read cannot be decided knowingly).
 */
export function approverCheck(ports: Pick<Ports, 'records'>, settings: Pick<Settings, 'approvalGroup'>): { users: string[]; withoutRole: string[] } {
    if (!settings.approvalGroup) {
        const rows = ports.records.find(TABLE.userRole, eq('role.name', REVIEWER_ROLE), { limit: MAX_APPROVERS, fields: ['user'] });
        return { users: Array.from(new Set(rows.map((r) => r.user).filter((u) => u !== ''))), withoutRole: [] };
    }
    const members = ports.records.find(TABLE.groupMember, eq('group', approvalGroupId(ports, settings.approvalGroup)), { limit: MAX_APPROVERS, fields: ['user'] });
    const ids = Array.from(new Set(members.map((r) => r.user).filter((u) => u !== '' && u.indexOf(',') < 0)));
    if (!ids.length) return { users: [], withoutRole: [] };
    const readers = new Set(
        ports.records.find(TABLE.userRole, `userIN${ids.join(',')}^role.nameIN${REVIEW_READER_ROLES.join(',')}`, { fields: ['user'] }).map((r) => r.user),
    );
    return { users: ids.filter((u) => readers.has(u)), withoutRole: ids.filter((u) => !readers.has(u)) };
}

export function approvers(ports: Pick<Ports, 'records'>, settings: Pick<Settings, 'approvalGroup'>): string[] {
    return approverCheck(ports, settings).users;
}

/** The error an admin sees when approval group members lack the role to read what they approve. */
export function membersWithoutRole(count: number): string {
    return `${count} member(s) of x_seam_bridge.approval.group cannot read the triage review they would approve and were not asked; fix: give them the x_seam_bridge.reviewer role (or choose a group whose members have it)`;
}

export function requestApproval(ports: Pick<Ports, 'records'> & Partial<Pick<Ports, 'log'>>, settings: Pick<Settings, 'approvalGroup'>, reviewSysId: string, reason: string): number {
    const { users, withoutRole } = approverCheck(ports, settings);
    if (withoutRole.length && ports.log) ports.log.error(`Seam: ${membersWithoutRole(withoutRole.length)}.`);
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

/** What the review says when nobody can be asked: the transfer waits for a person in the queue. */
export const NO_APPROVERS =
    'no approvers configured: set x_seam_bridge.approval.group to a group with members (or give approvers the x_seam_bridge.reviewer role); meanwhile a reviewer decides in the triage review queue';

/**
 * Reports a missing approver set once (ops state `approvers`), not per case, and again only
 * after approvers existed in between; `found` false = nobody could be asked this time.
 */
export function noteApprovers(ports: Pick<Ports, 'records' | 'clock' | 'log'>, found: boolean): void {
    const row = readState(ports, 'approvers');
    const missing = row !== null && row.status === 'missing';
    if (found === !missing) return;
    if (!found) ports.log.error(`Seam: a high-priority transfer needs an approval, but ${NO_APPROVERS}.`);
    writeState(ports, 'approvers', { status: found ? 'ok' : 'missing', value: '', detail: found ? '' : NO_APPROVERS }, row);
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
