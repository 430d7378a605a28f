/**
 * Which fields the adapters read per table. The incident's list comes from the ownership map,
 * so a new synced field is read without touching this file.
 */
import { OWNERSHIP } from './generated/seam-core';
import { TABLE } from './tables';

function incidentFields(): string[] {
    const fields = new Set<string>(['number', 'sys_id', 'sys_mod_count', 'sys_updated_by', 'short_description', 'priority', 'state', 'business_service', 'cmdb_ci', 'opened_at']);
    for (const m of OWNERSHIP) {
        if (m.servicenow.table !== 'incident') continue;
        if (m.servicenow.field === 'comments' || m.servicenow.field === 'work_notes') continue; // journals are read as entries
        fields.add(m.servicenow.field);
        for (const extra of m.servicenow.extra ?? []) fields.add(extra);
    }
    return Array.from(fields);
}

// problem_id and category: the escalation links the incident to its problem and routes by category.
export const INCIDENT_FIELDS: readonly string[] = Array.from(new Set([...incidentFields(), 'problem_id', 'category']));

/** The problem as the escalation creates it and the problem sync reads it (ownership map `problem` rows). */
function problemFields(): string[] {
    const fields = new Set<string>(['number', 'sys_id', 'sys_mod_count', 'sys_updated_by', 'short_description', 'description', 'assignment_group', 'cmdb_ci', 'first_reported_by_task',
        'x_seam_bridge_sf_case_id', 'x_seam_bridge_sf_case_number', 'x_seam_bridge_sf_account_id', 'x_seam_bridge_correlation_id']);
    for (const m of OWNERSHIP) if (m.servicenow.table === 'problem') fields.add(m.servicenow.field);
    return Array.from(fields);
}

export const PROBLEM_FIELDS: readonly string[] = problemFields();

export const TABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
    [TABLE.incident]: INCIDENT_FIELDS,
    [TABLE.problem]: PROBLEM_FIELDS,
    [TABLE.link]: ['sf_case_id', 'sf_case_number', 'incident', 'problem', 'correlation_id', 'link_version', 'sn_version', 'snapshot_hash', 'state', 'sync_state', 'last_error', 'last_synced_at', 'alert_priority'],
    [TABLE.outbox]: ['message_id', 'idempotency_key', 'kind', 'sobject_type', 'payload', 'incident', 'sf_case_id', 'correlation_id', 'status', 'attempts', 'next_attempt_at', 'last_error', 'sent_at', 'answer_lost_at', 'confirmed_at', 'receipt', 'republishes'],
    [TABLE.audit]: ['direction', 'operation', 'target_table', 'target_id', 'sf_case_id', 'fields', 'old_values', 'new_values', 'actor', 'correlation_id', 'idempotency_key', 'result', 'http_status', 'latency_ms', 'detail'],
    [TABLE.review]: ['sf_case_id', 'sf_case_number', 'message_id', 'idempotency_key', 'message', 'proposed_action', 'confidence', 'category', 'suggested_priority', 'suggested_group', 'rationale', 'engine', 'reason', 'status', 'reroute_group', 'incident', 'correlation_id', 'kind', 'problem', 'decision_note', 'sys_updated_by'],
    [TABLE.journal]: ['element', 'element_id', 'name', 'value', 'sys_created_by', 'sys_created_on'],
    [TABLE.approval]: ['approver', 'state', 'source_table', 'document_id', 'comments'],
    [TABLE.userRole]: ['user', 'role'],
    [TABLE.groupMember]: ['user', 'group'],
    [TABLE.kbSuggestion]: ['incident', 'rank', 'current', 'platform', 'kind', 'number', 'title', 'url', 'snippet', 'relevance', 'asked_at'],
    sys_user_group: ['name'],
};
