/**
 * Tier-3 escalation: a case beyond L1/L2 becomes a ServiceNow problem. Two triggers: an agent's
 * "Escalate to engineering" on the Case (a CaseMessage with `escalateToEngineering`, through the
 * package's outbox and POST /v1/cases), or the model reading the conversation and the attached
 * logs (escalation/assess.ts). The shared policy (`decideEscalation`) says create, review or
 * approval; the problem gets the masked, AI-labelled technical context (`problemContext`), the
 * engineering group from the shared routing rules, a link to the case (its Seam fields and the
 * link row) and to the linked incident (`incident.problem_id`). One case never gets two
 * problems: every path first looks for the case's problem (link row, then the problem's
 * `x_seam_bridge_sf_case_id`) and for an open escalation review, under the case's one key
 * `problemIdempotencyKey(caseId)`. Problem changes flow back to the Case in escalation/sync.ts.
 */
import {
    casePriorityToUrgencyImpact,
    decideEscalation,
    engineeringGroupFor,
    escalationStatusText,
    formatIso,
    newLink,
    priorityFromUrgencyImpact,
    problemContext,
    problemIdempotencyKey,
    type EscalationResult,
    type EscalationTrigger,
    type PromptAttachment,
    type ThreadEntry,
} from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import type { Settings } from '../config';
import type { Ports, Row } from '../ports';
import { findGroup } from '../groups';
import { TABLE, eq } from '../tables';
import { NO_APPROVERS, approvers, noteApprovers, requestApproval } from '../triage/approval';
import { findLinkByCase, saveLink, type StoredLink } from '../sync/link';
import { sendEscalationStatus } from './sync';

export type EscalationSettings = Pick<Settings, 'escalationEnabled' | 'escalationPolicy' | 'engineeringRouting' | 'approvalGroup' | 'syncEnabled'>;

/** What an escalation is about; stored as JSON on an escalation review, so approving replays it. */
export interface EscalationRequestInfo {
    readonly caseId: string;
    readonly caseNumber: string;
    readonly subject: string;
    readonly description: string;
    readonly accountId: string;
    readonly contactName?: string;
    /** The Salesforce user (agent trigger) or `Seam model` (model trigger). */
    readonly requestedBy: string;
    readonly trigger: EscalationTrigger;
    /** The key of the message or model call that asked: kept in the audit beside the case's problem key. */
    readonly requestKey: string;
    readonly model?: EscalationResult;
    readonly engine?: string;
    /** The case's own priority (High/Medium/Low) when no incident is linked. */
    readonly casePriority?: string;
}

export type EscalationOutcome =
    | { readonly status: 'created'; readonly problemSysId: string; readonly problemNumber: string }
    | { readonly status: 'duplicate'; readonly problemSysId: string; readonly problemNumber: string; readonly reason: string }
    | { readonly status: 'review' | 'approval_pending'; readonly reviewSysId: string; readonly reason: string }
    | { readonly status: 'none' | 'disabled'; readonly reason: string }
    | { readonly status: 'error'; readonly field: string; readonly problem: string; readonly fix: string };

export const ESCALATION_KIND = 'escalation';

/** The case's problem, if it has one: the link row's `problem`, else a problem naming the case. */
export function problemOfCase(ports: Pick<Ports, 'records'>, caseId: string, link: StoredLink | null = findLinkByCase(ports, caseId)): Row | null {
    if (link && link.row.problem) {
        const p = ports.records.get(TABLE.problem, link.row.problem);
        if (p) return p;
    }
    const rows = ports.records.find(TABLE.problem, eq('x_seam_bridge_sf_case_id', caseId), { limit: 1 });
    return rows.length ? rows[0] : null;
}

/** An escalation of this case still waiting for a reviewer or an approver. */
export function openEscalationReview(ports: Pick<Ports, 'records'>, caseId: string): Row | null {
    const rows = ports.records.find(TABLE.review, `${eq('sf_case_id', caseId)}^${eq('kind', ESCALATION_KIND)}^statusINpending,approval_pending`, { limit: 1 });
    return rows.length ? rows[0] : null;
}

function linkedIncident(ports: Pick<Ports, 'records'>, link: StoredLink | null): Row | null {
    const sysId = link ? link.state.incidentSysId || link.row.incident : '';
    return sysId ? ports.records.get(TABLE.incident, sysId) : null;
}

/** The incident's priority, else the case priority mapped as the incident would compute it. */
function priorityOf(incident: Row | null, casePriority: string | undefined): number | null {
    if (incident && /^[1-5]$/.test(incident.priority || '')) return Number(incident.priority);
    const ui = casePriorityToUrgencyImpact(casePriority ?? '');
    if (!ui.ok) return null;
    const p = priorityFromUrgencyImpact(ui.value.urgency, ui.value.impact);
    return p.ok ? p.value : null;
}

function audit(ports: Ports, info: EscalationRequestInfo, operation: string, result: 'success' | 'failed' | 'duplicate' | 'skipped', detail: string, target: string = TABLE.problem, targetId = ''): void {
    recordAudit(ports, {
        direction: 'inbound', operation, target, targetId, caseId: info.caseId, idempotencyKey: problemIdempotencyKey(info.caseId),
        result, latencyMs: 0, detail: `${detail} (asked by ${info.requestedBy}, ${info.trigger} trigger, request ${info.requestKey})`,
    });
}

/**
 * One escalation request → a problem, a review, an approval, or nothing; never a second problem.
 * `files` reads the incident's attachments for the context (absent: no log excerpts).
 */
export function escalateCase(ports: Ports, settings: EscalationSettings, info: EscalationRequestInfo, context: ContextSource = {}): EscalationOutcome {
    if (!settings.escalationEnabled) return { status: 'disabled', reason: 'x_seam_bridge.escalation.enabled is false' };
    const link = findLinkByCase(ports, info.caseId);
    const existing = problemOfCase(ports, info.caseId, link);
    if (existing) {
        const reason = `case ${info.caseNumber} already has problem ${existing.number}; one case never creates two problems`;
        audit(ports, info, 'escalation:duplicate', 'duplicate', reason, TABLE.problem, existing.sys_id);
        return { status: 'duplicate', problemSysId: existing.sys_id, problemNumber: existing.number, reason };
    }
    const open = openEscalationReview(ports, info.caseId);
    if (open) {
        const reason = `case ${info.caseNumber} already waits for ${open.status === 'approval_pending' ? 'an approver' : 'a reviewer'} (escalation review ${open.sys_id})`;
        audit(ports, info, 'escalation:duplicate', 'duplicate', reason, TABLE.review, open.sys_id);
        return { status: open.status === 'approval_pending' ? 'approval_pending' : 'review', reviewSysId: open.sys_id, reason };
    }
    const incident = linkedIncident(ports, link);
    const decision = decideEscalation({ trigger: info.trigger, result: info.model, priority: priorityOf(incident, info.casePriority) }, settings.escalationPolicy);
    switch (decision.action) {
        case 'none':
            return { status: 'none', reason: decision.reason };
        case 'create_problem':
            return createProblem(ports, settings, info, decision.reason, context);
        case 'review':
            return queueEscalationReview(ports, settings, info, decision.reason, 'pending');
        case 'approval_required': {
            const found = approvers(ports, settings).length > 0;
            noteApprovers(ports, found);
            if (!found) return queueEscalationReview(ports, settings, info, `${decision.reason}; ${NO_APPROVERS}`, 'pending');
            return queueEscalationReview(ports, settings, info, decision.reason, 'approval_pending');
        }
    }
}

function queueEscalationReview(ports: Ports, settings: EscalationSettings, info: EscalationRequestInfo, reason: string, status: 'pending' | 'approval_pending'): EscalationOutcome {
    const m = info.model;
    const reviewSysId = ports.records.insert(TABLE.review, {
        kind: ESCALATION_KIND,
        sf_case_id: info.caseId,
        sf_case_number: info.caseNumber,
        message_id: '',
        idempotency_key: problemIdempotencyKey(info.caseId),
        message: JSON.stringify(info),
        proposed_action: 'create_problem',
        confidence: m ? m.confidence : null,
        category: m ? m.category : '',
        suggested_group: engineeringGroupFor(m?.category, settings.engineeringRouting),
        rationale: m ? m.rationale : '',
        engine: info.engine ?? '',
        reason,
        status,
    });
    if (status === 'approval_pending') requestApproval(ports, settings, reviewSysId, `Tier-3 escalation of case ${info.caseNumber} to a problem. ${reason}`);
    audit(ports, info, status === 'approval_pending' ? 'escalation:approval_requested' : 'escalation:review', 'success', reason, TABLE.review, reviewSysId);
    sendEscalationStatus(ports, settings, info.caseId, info.caseNumber, escalationStatusText(status === 'approval_pending' ? 'approval_pending' : 'review', reason), reviewSysId);
    return { status: status === 'approval_pending' ? 'approval_pending' : 'review', reviewSysId, reason };
}

/** Where the context's conversation and files come from (the entry points pass Glide access). */
export interface ContextSource {
    readonly attachments?: (incidentSysId: string) => PromptAttachment[];
}

/** The incident's conversation (customer comments and work notes), oldest first. */
export function conversationOf(ports: Pick<Ports, 'records'>, incidentSysId: string, limit = 50): ThreadEntry[] {
    const rows = ports.records.find(TABLE.journal, `${eq('element_id', incidentSysId)}^elementINcomments,work_notes`, { limit, orderBy: 'sys_created_on' });
    return rows.map((r) => ({
        author: (r.sys_created_by || '').slice(0, 200),
        body: r.value || '',
        createdAt: r.sys_created_on ? formatIso(Date.parse(`${r.sys_created_on.replace(' ', 'T')}Z`)) : formatIso(0),
    }));
}

/** Creates the problem (the caller checked there is none) and links it both ways. */
export function createProblem(ports: Ports, settings: EscalationSettings, info: EscalationRequestInfo, reason: string, source: ContextSource = {}): EscalationOutcome {
    const link = findLinkByCase(ports, info.caseId);
    const incident = linkedIncident(ports, link);
    const ctx = problemContext({
        caseNumber: info.caseNumber,
        subject: info.subject || `Case ${info.caseNumber}`,
        description: info.description,
        entries: incident ? conversationOf(ports, incident.sys_id) : [],
        attachments: incident && source.attachments ? source.attachments(incident.sys_id) : [],
        configurationItem: incident?.cmdb_ci || undefined,
        incidentNumber: incident?.number,
        contactNames: info.contactName ? [info.contactName] : [],
        model: info.model,
    });
    const category = info.model?.category ?? null;
    const groupName = engineeringGroupFor(category, settings.engineeringRouting);
    const group = findGroup(ports, groupName);
    let sysId: string;
    try {
        sysId = ports.records.insert(TABLE.problem, {
            short_description: ctx.shortDescription,
            description: ctx.description,
            ...(group ? { assignment_group: group } : {}),
            ...(incident?.cmdb_ci ? { cmdb_ci: incident.cmdb_ci } : {}),
            ...(incident ? { first_reported_by_task: incident.sys_id } : {}),
            x_seam_bridge_sf_case_id: info.caseId,
            x_seam_bridge_sf_case_number: info.caseNumber,
            x_seam_bridge_sf_account_id: info.accountId,
            x_seam_bridge_correlation_id: link?.state.correlationId || link?.row.correlation_id || `SFDC-${info.caseId}`,
            x_seam_bridge_escalation_status: escalationStatusText('created', `${info.trigger === 'agent' ? 'escalated by' : 'proposed by the model, accepted:'} ${info.requestedBy}`),
        });
    } catch (e) {
        const problem = `ServiceNow refused to create the problem: ${String(e instanceof Error ? e.message : e)}`;
        const fix = 'an admin checks the problem table\'s business rules, data policies and the Seam integration user\'s create access on problem; Salesforce retries the escalation (then dead letter, replay)';
        audit(ports, info, 'escalation:create_problem', 'failed', `${problem}; fix: ${fix}`);
        ports.log.error(`Seam: case ${info.caseNumber} escalation failed: ${problem}`);
        return { status: 'error', field: 'escalateToEngineering', problem, fix };
    }
    const created = ports.records.get(TABLE.problem, sysId, ['number']);
    const number = created ? created.number : '';
    if (incident) ports.records.update(TABLE.incident, incident.sys_id, { problem_id: sysId });
    if (link) ports.records.update(TABLE.link, link.sysId, { problem: sysId });
    else {
        const id = saveLink(ports, null, newLink({ caseId: info.caseId, correlationId: `SFDC-${info.caseId}` }), { syncState: 'linked', caseNumber: info.caseNumber });
        ports.records.update(TABLE.link, id, { problem: sysId });
    }
    audit(
        ports, info, 'escalation:create_problem', 'success',
        `${number} created for case ${info.caseNumber}${incident ? `, linked to ${incident.number}` : ''}; assigned to ${group ? groupName : `no group ("${groupName}" from the engineering routing does not exist: create it or set x_seam_bridge.escalation.engineering_groups)`}; ${reason}`,
        TABLE.problem, sysId,
    );
    return { status: 'created', problemSysId: sysId, problemNumber: number };
}

export type EscalationReviewOutcome = EscalationOutcome | { readonly status: 'rejected_by_reviewer' | 'ignored'; readonly reason: string };

/**
 * A reviewer (or an approver) decided an escalation review: approved → the problem (unless the
 * case got one meanwhile); rejected → no problem, audited, and the Case is told why.
 */
export function onEscalationReviewDecided(ports: Ports, settings: EscalationSettings, review: Row, source: ContextSource = {}): EscalationReviewOutcome {
    if (review.problem) return { status: 'ignored', reason: 'the review already has a problem' };
    let info: EscalationRequestInfo;
    try {
        info = JSON.parse(review.message) as EscalationRequestInfo;
    } catch {
        return { status: 'ignored', reason: 'the stored escalation is not valid JSON; the agent escalates again' };
    }
    if (review.status === 'rejected') {
        const by = review.sys_updated_by || 'a reviewer';
        const why = review.decision_note || 'no reason given';
        audit(ports, info, 'escalation:rejected', 'success', `escalation review ${review.sys_id} rejected by ${by}; no problem created; the Case is told`, TABLE.review, review.sys_id);
        sendEscalationStatus(ports, settings, info.caseId, info.caseNumber, escalationStatusText('rejected', `${by}: ${why}`), review.sys_id);
        return { status: 'rejected_by_reviewer', reason: `rejected by ${by}` };
    }
    if (review.status !== 'approved') return { status: 'ignored', reason: `status ${review.status} needs no action` };
    const existing = problemOfCase(ports, info.caseId);
    if (existing) {
        ports.records.update(TABLE.review, review.sys_id, { problem: existing.sys_id });
        return { status: 'duplicate', problemSysId: existing.sys_id, problemNumber: existing.number, reason: `case already has ${existing.number}` };
    }
    const result = createProblem(ports, settings, { ...info, requestedBy: `${info.requestedBy}, approved by ${review.sys_updated_by || 'a reviewer'}` }, `approved in escalation review ${review.sys_id}`, source);
    if (result.status === 'created') ports.records.update(TABLE.review, review.sys_id, { problem: result.problemSysId });
    return result;
}
