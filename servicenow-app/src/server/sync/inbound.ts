/**
 * Salesforce -> ServiceNow: apply one validated CaseMessage. Existing links update their
 * incident through the shared inbound decision (only Salesforce-owned fields, newer versions
 * only); new cases are triaged and then created, kept in Salesforce, queued for review or sent
 * for approval. Every write is audited with old and new values.
 */
import {
    DEFAULT_ENGINEERING_ROUTING,
    DEFAULT_ESCALATION_POLICY,
    applyInbound,
    casePriorityToUrgencyImpact,
    formatCorrelationId,
    priorityFromUrgencyImpact,
    newLink,
    triageCategoryToIncidentCategory,
    type CaseMessage,
    type CaseResultStatus,
    type FieldProblem,
    type InboundMessage,
    type LinkState,
} from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import type { Settings } from '../config';
import type { Ports, Row } from '../ports';
import { findGroup } from '../groups';
import { TABLE, eq } from '../tables';
import { NO_APPROVERS, approvers, noteApprovers, requestApproval } from '../triage/approval';
import { openReview, queueReview, queueTriage, refreshReview, storedMessage } from '../triage/review';
import { triageCase, type TriageOutcome } from '../triage/triage';
import { attachOverflow, fitToColumns } from './fit';
import { escalateCase, type EscalationOutcome, type EscalationSettings } from '../escalation/problem';
import { findLinkByCase, saveLink } from './link';

// The statuses are part of the wire contract, so they live in the shared core.
export type { CaseResultStatus };

export interface CaseResult {
    readonly messageId: string;
    readonly status: CaseResultStatus;
    readonly incidentNumber?: string;
    readonly incidentSysId?: string;
    readonly correlationId?: string;
    readonly linkVersion?: number;
    readonly problems?: readonly FieldProblem[];
    /** "Escalate to engineering": what became of it (created, duplicate, review, approval_pending, none, disabled). */
    readonly escalation?: string;
    readonly problemNumber?: string;
}

/** The case message as the shared inbound decision reads it (Id and CaseNumber included). */
export function toInbound(message: CaseMessage): InboundMessage {
    return {
        messageId: message.messageId,
        idempotencyKey: message.idempotencyKey,
        origin: 'salesforce',
        version: message.version,
        fields: { Id: message.caseId, CaseNumber: message.caseNumber, ...message.fields },
        caseId: message.caseId,
    };
}

/**
 * Checks a message without writing: the inbound decision against an empty link reports every
 * field Salesforce may not write and every value no transform accepts.
 */
export function dryRunProblems(message: CaseMessage): FieldProblem[] {
    const d = applyInbound({ to: 'servicenow', message: toInbound(message), link: newLink({ caseId: message.caseId }) });
    return d.problems.slice();
}

/** Idempotency across every path (kept, review, created): a successful inbound audit row per key. */
export function alreadyProcessed(ports: Pick<Ports, 'records'>, key: string): boolean {
    const q = `${eq('idempotency_key', key)}^direction=inbound^resultINsuccess`;
    return ports.records.find(TABLE.audit, q, { limit: 1, fields: ['result'] }).length > 0;
}

type InboundPorts = Ports;
type InboundSettings = Pick<Settings, 'triageEnabled' | 'triagePolicy' | 'proxyUrl' | 'proxyApiKey' | 'approvalGroup'> & Partial<Pick<Settings, 'proxyTimeoutMs'>> & Partial<EscalationSettings>;

function incidentValues(decisionWrites: Readonly<Record<string, unknown>>): Record<string, string | number | boolean | null> {
    const out: Record<string, string | number | boolean | null> = {};
    for (const k of Object.keys(decisionWrites)) {
        if (k === 'sys_id' || k === 'number') continue; // never written from Salesforce
        const v = decisionWrites[k];
        out[k] = v === undefined ? null : (v as string | number | boolean | null);
    }
    return out;
}

export interface CreateOptions {
    readonly triage?: TriageOutcome;
    /** sys_id of an assignment group chosen by a reviewer (reroute). */
    readonly assignmentGroup?: string;
}

/** Creates the incident and its link for a new case; the shared decision says which fields. */
export function createIncident(ports: InboundPorts, message: CaseMessage, options: CreateOptions = {}): CaseResult {
    const started = ports.clock.nowMs();
    // A case escalated to a problem before it had an incident keeps its link (versions, problem snapshot).
    const existing = findLinkByCase(ports, message.caseId);
    const decision = applyInbound({ to: 'servicenow', message: toInbound(message), link: existing ? existing.state : newLink({ caseId: message.caseId }) });
    if (decision.status !== 'applied') {
        return { messageId: message.messageId, status: 'rejected', problems: decision.problems };
    }
    const values = incidentValues(decision.writes);
    const t = options.triage?.result;
    const group = options.assignmentGroup || (t ? findGroup(ports, t.suggestedAssignmentGroup) : '');
    if (group) values.assignment_group = group;
    // The triage category files the incident; an unknown one still creates it (as inquiry) and is reported.
    const categoryMapping = t ? triageCategoryToIncidentCategory(t.category, 'triage.category') : null;
    if (categoryMapping) values.category = categoryMapping.category;
    if (t) {
        values.work_notes =
            `Seam triage (AI, engine ${options.triage?.engine ?? 'unknown'}): category ${t.category}, suggested priority ${t.priority}, ` +
            `suggested group "${t.suggestedAssignmentGroup}", confidence ${t.confidence}. Rationale: ${t.rationale}`;
    }
    const fitted = fitToColumns(ports, TABLE.incident, values, message.caseNumber);
    const sysId = ports.records.insert(TABLE.incident, fitted.values);
    attachOverflow(ports, sysId, message.caseId, fitted.overflow);
    const reported = categoryMapping?.problem ? [...decision.problems, categoryMapping.problem] : decision.problems;
    const created = ports.records.get(TABLE.incident, sysId, ['number']);
    const number = created ? created.number : '';
    const correlation = formatCorrelationId({ incidentNumber: number, caseId: message.caseId });
    const correlationId = correlation.ok ? correlation.value : '';
    if (correlationId) ports.records.update(TABLE.incident, sysId, { x_seam_bridge_correlation_id: correlationId });
    const state: LinkState = { ...decision.link, incidentSysId: sysId, correlationId: correlationId || null };
    saveLink(ports, findLinkByCase(ports, message.caseId), state, { syncState: 'in_sync', caseNumber: message.caseNumber });
    if (existing && existing.row.problem) ports.records.update(TABLE.incident, sysId, { problem_id: existing.row.problem });
    recordAudit(ports, {
        direction: 'inbound',
        operation: 'case:create_incident',
        target: TABLE.incident,
        targetId: sysId,
        caseId: message.caseId,
        fields: decision.fields.map((f) => f.field),
        oldValues: {},
        newValues: Object.fromEntries(decision.fields.map((f) => [f.field, f.new])),
        correlationId,
        idempotencyKey: message.idempotencyKey,
        result: 'success',
        latencyMs: ports.clock.nowMs() - started,
        detail: `${number} created; ${options.triage ? options.triage.reason : 'no triage'}`,
    });
    return {
        messageId: message.messageId,
        status: 'created',
        incidentNumber: number,
        incidentSysId: sysId,
        correlationId,
        linkVersion: state.versions.salesforce,
        problems: reported.length ? reported : undefined,
    };
}

function updateIncident(ports: InboundPorts, message: CaseMessage, linkRow: NonNullable<ReturnType<typeof findLinkByCase>>): CaseResult {
    const started = ports.clock.nowMs();
    const incidentSysId = linkRow.state.incidentSysId ?? linkRow.row.incident;
    const incident: Row | null = ports.records.get(TABLE.incident, incidentSysId);
    const base = { messageId: message.messageId, incidentSysId, correlationId: linkRow.state.correlationId ?? undefined };
    if (!incident) {
        return { ...base, status: 'error', problems: [{ field: 'caseId', problem: `is linked to incident ${incidentSysId}, which no longer exists`, fix: 'an admin deletes or repairs the link (x_seam_bridge_link), then Salesforce resends' }] };
    }
    const decision = applyInbound({ to: 'servicenow', message: toInbound(message), link: linkRow.state, current: incident });
    const withNumber = { ...base, incidentNumber: incident.number, linkVersion: decision.link.versions.salesforce };
    if (decision.status === 'duplicate' || decision.status === 'stale') {
        recordAudit(ports, {
            direction: 'inbound', operation: 'case:update_incident', target: TABLE.incident, targetId: incidentSysId, caseId: message.caseId,
            correlationId: base.correlationId, idempotencyKey: message.idempotencyKey, result: 'duplicate', latencyMs: ports.clock.nowMs() - started, detail: decision.reason,
        });
        return { ...withNumber, status: decision.status };
    }
    if (decision.status === 'rejected') return { ...withNumber, status: 'rejected', problems: decision.problems };
    const fitted = fitToColumns(ports, TABLE.incident, incidentValues(decision.writes), message.caseNumber);
    if (Object.keys(fitted.values).length) ports.records.update(TABLE.incident, incidentSysId, fitted.values);
    attachOverflow(ports, incidentSysId, message.caseId, fitted.overflow);
    saveLink(ports, linkRow, decision.link, { syncState: 'in_sync', caseNumber: message.caseNumber });
    recordAudit(ports, {
        direction: 'inbound',
        operation: 'case:update_incident',
        target: TABLE.incident,
        targetId: incidentSysId,
        caseId: message.caseId,
        fields: decision.fields.map((f) => f.field),
        oldValues: Object.fromEntries(decision.fields.map((f) => [f.field, f.old])),
        newValues: Object.fromEntries(decision.fields.map((f) => [f.field, f.new])),
        correlationId: base.correlationId,
        idempotencyKey: message.idempotencyKey,
        result: 'success',
        latencyMs: ports.clock.nowMs() - started,
        detail: decision.reason,
    });
    return { ...withNumber, status: 'updated', problems: decision.problems.length ? decision.problems : undefined };
}

function auditRouting(ports: InboundPorts, message: CaseMessage, operation: string, detail: string, target: string, targetId = ''): void {
    recordAudit(ports, {
        direction: 'inbound', operation, target, targetId, caseId: message.caseId, idempotencyKey: message.idempotencyKey,
        result: 'success', latencyMs: 0, detail,
    });
}

/**
 * "Escalate to IT": a person's decision overrides the model's. The case goes to an incident even
 * if triage kept it in Salesforce before; a high priority (the triage policy's approval
 * priorities, by the model's suggestion or the case's own priority) still asks for approval,
 * because humans stay in charge of high-priority transfers on this side too.
 */
function escalatedByHuman(ports: InboundPorts, settings: InboundSettings, message: CaseMessage): TriageOutcome {
    const by = message.escalatedBy || 'an unnamed Salesforce user';
    // Triage still runs for its category, group and priority suggestion; only its route is overridden.
    const model = triageCase(ports, settings, message);
    const suggested = model.result ? model.result.priority : 0;
    const ui = casePriorityToUrgencyImpact(message.fields.Priority);
    const fromCase = ui.ok ? priorityFromUrgencyImpact(ui.value.urgency, ui.value.impact) : null;
    const casePriority = fromCase && fromCase.ok ? fromCase.value : 0;
    const high = [suggested, casePriority].some((p) => p > 0 && settings.triagePolicy.approvalPriorities.indexOf(p) >= 0);
    const reason = `escalated to IT by ${by} (human escalation overrides triage: ${model.reason})`;
    auditRouting(ports, message, 'case:escalated_by_human', reason, 'Case', message.caseId);
    return { ...model, action: high ? 'approval_required' : 'create_incident', reason };
}

export interface ApplyOptions {
    /**
     * The request's triage budget is spent: a new case is accepted (`triage_queued`) and triaged
     * by the async rule instead of calling the model inside this REST transaction.
     */
    readonly deferTriage?: boolean;
}

/**
 * "Escalate to engineering" rides on the case's message: its fields apply as any update, then the
 * escalation runs (one problem per case, so a replayed or repeated message finds the problem and
 * is a duplicate). A refused problem makes the result an error: Salesforce retries it, then
 * dead-letters it for replay, and nothing is lost.
 */
function withEscalation(ports: InboundPorts, settings: InboundSettings, message: CaseMessage, result: CaseResult): CaseResult {
    if (!message.escalateToEngineering || result.status === 'rejected' || result.status === 'error') return result;
    const outcome: EscalationOutcome = escalateCase(ports, { escalationEnabled: true, escalationPolicy: DEFAULT_ESCALATION_POLICY, engineeringRouting: DEFAULT_ENGINEERING_ROUTING, syncEnabled: true, ...settings }, {
        caseId: message.caseId,
        caseNumber: message.caseNumber,
        subject: text(message.fields.Subject),
        description: text(message.fields.Description),
        accountId: text(message.fields.AccountId),
        ...(message.contactName ? { contactName: message.contactName } : {}),
        requestedBy: message.escalatedBy || 'an unnamed Salesforce user',
        trigger: 'agent',
        requestKey: message.idempotencyKey,
        casePriority: text(message.fields.Priority),
    });
    if (outcome.status === 'error') {
        return { ...result, status: 'error', escalation: 'error', problems: [...(result.problems ?? []), { field: outcome.field, problem: outcome.problem, fix: outcome.fix }] };
    }
    return { ...result, escalation: outcome.status, ...('problemNumber' in outcome ? { problemNumber: outcome.problemNumber } : {}) };
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** One validated case message → one CaseResult (docs/contracts.md). */
export function applyCaseMessage(ports: InboundPorts, settings: InboundSettings, message: CaseMessage, options: ApplyOptions = {}): CaseResult {
    if (alreadyProcessed(ports, message.idempotencyKey)) {
        const link = findLinkByCase(ports, message.caseId);
        return withEscalation(ports, settings, message, {
            messageId: message.messageId,
            status: 'duplicate',
            incidentSysId: link?.state.incidentSysId ?? undefined,
            correlationId: link?.state.correlationId ?? undefined,
            linkVersion: link?.state.versions.salesforce,
        });
    }
    const link = findLinkByCase(ports, message.caseId);
    if (link && (link.state.incidentSysId || link.row.incident)) return withEscalation(ports, settings, message, updateIncident(ports, message, link));
    if (message.escalateToEngineering) {
        // Tier 3 without an incident: the problem is the work; no triage into an incident.
        const result = withEscalation(ports, settings, message, { messageId: message.messageId, status: 'updated' });
        if (result.status !== 'error') auditRouting(ports, message, 'case:escalated_to_engineering', `escalated to engineering by ${message.escalatedBy || 'an unnamed Salesforce user'}: ${result.escalation}`, 'Case', message.caseId);
        return result;
    }

    const review = openReview(ports, message.caseId);
    if (review) {
        refreshReview(ports, review, message);
        auditRouting(ports, message, 'case:review_refreshed', 'a person (or the queued triage) is still deciding; the stored message was replaced by this newer one', TABLE.review, review.sys_id);
        const status = review.status === 'approval_pending' ? 'approval_pending' : review.status === 'queued' ? 'triage_queued' : 'review';
        return { messageId: message.messageId, status };
    }

    if (options.deferTriage && settings.triageEnabled) {
        const reason = 'accepted; the triage time budget of this request (x_seam_bridge.inbound.triage_budget_ms) was spent, so an async rule triages it';
        const id = queueTriage(ports, message, reason);
        auditRouting(ports, message, 'case:triage_queued', reason, TABLE.review, id);
        return { messageId: message.messageId, status: 'triage_queued' };
    }
    const triage = message.escalate ? escalatedByHuman(ports, settings, message) : triageCase(ports, settings, message);
    return routeCase(ports, settings, message, triage);
}

/**
 * Routes a triaged case. `queued` is the review row of a case accepted earlier (async triage): it
 * becomes the review itself, or is closed as `triaged` when no person is needed.
 */
function routeCase(ports: InboundPorts, settings: InboundSettings, message: CaseMessage, triage: TriageOutcome, queued?: string): CaseResult {
    switch (triage.action) {
        case 'create_incident': {
            const created = createIncident(ports, message, { triage });
            if (queued) queueReview(ports, message, triage, 'triaged', queued);
            if (queued && created.incidentSysId) ports.records.update(TABLE.review, queued, { incident: created.incidentSysId, correlation_id: created.correlationId ?? '' });
            return created;
        }
        case 'keep_in_salesforce':
            if (queued) queueReview(ports, message, triage, 'triaged', queued);
            auditRouting(ports, message, 'case:kept_in_salesforce', triage.reason, 'Case', message.caseId);
            return { messageId: message.messageId, status: 'kept_in_salesforce' };
        case 'review': {
            const id = queueReview(ports, message, triage, 'pending', queued);
            auditRouting(ports, message, 'case:review', triage.reason, TABLE.review, id);
            return { messageId: message.messageId, status: 'review' };
        }
        case 'approval_required': {
            // Nobody to ask: never wait forever in approval_pending; a reviewer decides in the queue.
            const found = approvers(ports, settings).length > 0;
            noteApprovers(ports, found);
            if (!found) {
                const reason = `${triage.reason}; ${NO_APPROVERS}`;
                const id = queueReview(ports, message, { ...triage, reason }, 'pending', queued);
                auditRouting(ports, message, 'case:review', reason, TABLE.review, id);
                return { messageId: message.messageId, status: 'review' };
            }
            const id = queueReview(ports, message, triage, 'approval_pending', queued);
            const count = requestApproval(ports, settings, id, triage.reason);
            auditRouting(ports, message, 'case:approval_requested', `${triage.reason}; ${count} approver(s) asked`, TABLE.approval, id);
            return { messageId: message.messageId, status: 'approval_pending' };
        }
    }
}

export type QueuedTriageOutcome = CaseResult | { readonly status: 'ignored'; readonly reason: string };

/**
 * The async half of an accepted case: triage it now, in its own transaction (the async rule on
 * the review row), and route it as POST /v1/cases would have. Salesforce learns the incident
 * through the normal incident sync (Incident_Update__e carries its number and sys_id).
 */
export function triageQueued(ports: InboundPorts, settings: InboundSettings, review: Row): QueuedTriageOutcome {
    if (review.status !== 'queued') return { status: 'ignored', reason: `status ${review.status}: triage already ran` };
    const message = storedMessage(review);
    if (!message) return { status: 'ignored', reason: 'the stored message is not valid JSON; Salesforce must resend the case' };
    const link = findLinkByCase(ports, message.caseId);
    if (link && (link.state.incidentSysId || link.row.incident)) {
        queueReview(ports, message, { action: 'create_incident', reason: 'the case was linked meanwhile' }, 'triaged', review.sys_id);
        return { status: 'ignored', reason: 'the case was linked meanwhile' };
    }
    const triage = message.escalate ? escalatedByHuman(ports, settings, message) : triageCase(ports, settings, message);
    return routeCase(ports, settings, message, triage, review.sys_id);
}
