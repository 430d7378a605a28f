/** Table names of the scope, as in docs/contracts.md and src/fluent/tables. */
export const TABLE = {
    link: 'x_seam_bridge_link',
    outbox: 'x_seam_bridge_outbox',
    audit: 'x_seam_bridge_audit',
    review: 'x_seam_bridge_triage_review',
    incident: 'incident',
    problem: 'problem',
    journal: 'sys_journal_field',
    approval: 'sysapproval_approver',
    userRole: 'sys_user_has_role',
    groupMember: 'sys_user_grmember',
    knowledge: 'kb_knowledge',
    kbSuggestion: 'x_seam_bridge_kb_suggestion',
    customerCache: 'x_seam_bridge_customer_cache',
} as const;

/** Outbox status values (the dead letter is a status, not a table). */
/** `awaiting_pull` / `pulled`: delivery `poll`, the rows the changes feed serves (api/changes.ts); the drain never sends them. */
export type OutboxStatus = 'pending' | 'held' | 'sent' | 'failed' | 'dead_letter' | 'awaiting_pull' | 'pulled' | 'withdrawn';

/** Link sync states. */
export type SyncState = 'linked' | 'pending' | 'in_sync' | 'review' | 'approval_pending' | 'error';

/** Quotes a value for an encoded query: `^` would start a new condition. */
export function eq(field: string, value: string): string {
    return `${field}=${value.replace(/\^/g, '^^')}`;
}
