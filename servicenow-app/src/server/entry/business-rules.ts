/**
 * Business rule entry points (src/fluent/business-rules). Each rule calls exactly one of these;
 * each re-reads the record (async rules run after the transaction) and hands plain rows to the
 * logic. Errors are logged with the record, never thrown into the agent's transaction.
 */
import { glideAttachmentContent } from '../adapters/glide-attachments';
import { glideDrainScheduler } from '../adapters/glide-trigger';
import { onAttachmentAdded } from '../attachments/outbound';
import { drainAfterEvent } from '../outbox/drain';
import { onApprovalDecided } from '../triage/approval';
import { onReviewDecided } from '../triage/decided';
import { onMajorIncident } from '../sync/major-incident';
import { triageQueued } from '../sync/inbound';
import { assessSlaRisk } from '../sync/sla-risk';
import { onIncidentChanged, onJournalEntry, readIncident } from '../sync/outbound';
import { onIncidentResolved } from '../sync/resolution';
import { learnFromResolution } from '../knowledge/knowledge';
import { glideHasRole, glideMessages, glidePropertyWriter } from '../adapters/glide-system';
import { applyRoutingChange } from '../governance/routing-change';
import { TABLE } from '../tables';
import { assessEscalation } from '../escalation/assess';
import { onProblemChanged } from '../escalation/sync';
import { incidentAttachmentsForPrompt } from '../attachments/prompt-text';
import { context, type Context, type CurrentRecord } from './context';

function guarded(name: string, current: CurrentRecord, run: () => unknown): void {
    const { ports } = context();
    try {
        const outcome = run();
        ports.log.info(`Seam ${name} ${current.getUniqueValue()}: ${JSON.stringify(outcome)}`);
    } catch (e) {
        ports.log.error(`Seam ${name} failed for ${current.getUniqueValue()}: ${String(e)}`);
    }
}

/** A message was queued: send it soon (debounced, outbox/drain.ts), not at the next minute's job. */
function sendQueued<T extends { status: string }>({ ports, settings }: Context, outcome: T): T | { queued: T; drain: ReturnType<typeof drainAfterEvent> } {
    if (outcome.status !== 'queued') return outcome;
    return { queued: outcome, drain: drainAfterEvent(ports, settings, glideDrainScheduler) };
}

export function syncIncidentChange(current: CurrentRecord): void {
    guarded('incident sync', current, () => {
        const ctx = context();
        const row = readIncident(ctx.ports, current.getUniqueValue());
        return row ? sendQueued(ctx, onIncidentChanged(ctx.ports, ctx.settings, row)) : 'incident gone';
    });
}

export function syncJournalEntry(current: CurrentRecord): void {
    guarded('comment sync', current, () => {
        const ctx = context();
        const row = ctx.ports.records.get(TABLE.journal, current.getUniqueValue());
        return row ? sendQueued(ctx, onJournalEntry(ctx.ports, ctx.settings, row)) : 'journal entry gone';
    });
}

export function draftResolutionSummary(current: CurrentRecord): void {
    guarded('resolution summary', current, () => {
        const { ports, settings } = context();
        const row = ports.records.get(TABLE.incident, current.getUniqueValue());
        return row ? onIncidentResolved(ports, settings, row, glideAttachmentContent) : 'incident gone';
    });
}

export function storeResolutionInKnowledge(current: CurrentRecord): void {
    guarded('knowledge learning', current, () => {
        const { ports, settings } = context();
        const row = ports.records.get(TABLE.incident, current.getUniqueValue());
        return row ? learnFromResolution(ports, settings, row) : 'incident gone';
    });
}

export function notifyMajorIncident(current: CurrentRecord): void {
    guarded('major incident', current, () => {
        const { ports, settings } = context();
        const row = ports.records.get(TABLE.incident, current.getUniqueValue());
        return row ? onMajorIncident(ports, settings, row) : 'incident gone';
    });
}

export function predictSlaRisk(current: CurrentRecord): void {
    guarded('sla risk', current, () => {
        const { ports, settings } = context();
        const row = ports.records.get(TABLE.incident, current.getUniqueValue());
        return row ? assessSlaRisk(ports, settings, row) : 'incident gone';
    });
}

export function applyReviewDecision(current: CurrentRecord): void {
    guarded('triage review', current, () => {
        const ctx = context();
        const row = ctx.ports.records.get(TABLE.review, current.getUniqueValue());
        return row ? sendQueued(ctx, onReviewDecided(ctx.ports, row, { settings: ctx.settings, source: escalationSource(ctx) })) : 'review gone';
    });
}

/** The escalation context reads the incident's files through Glide (masked by the shared core). */
function escalationSource({ ports }: Context): { attachments: (incidentSysId: string) => ReturnType<typeof incidentAttachmentsForPrompt> } {
    return { attachments: (incidentSysId: string) => incidentAttachmentsForPrompt(ports, glideAttachmentContent, incidentSysId) };
}

/** A problem escalated from a case changed: its ServiceNow-owned fields go to the Case. */
export function syncProblemChange(current: CurrentRecord): void {
    guarded('problem sync', current, () => {
        const ctx = context();
        const row = ctx.ports.records.get(TABLE.problem, current.getUniqueValue());
        return row ? sendQueued(ctx, onProblemChanged(ctx.ports, ctx.settings, row)) : 'problem gone';
    });
}

/** A comment or work note on a linked incident: does the model see a tier-3 escalation? */
export function assessEscalationOnEntry(current: CurrentRecord): void {
    guarded('escalation assessment', current, () => {
        const ctx = context();
        const entry = ctx.ports.records.get(TABLE.journal, current.getUniqueValue());
        const incident = entry && entry.name === TABLE.incident ? ctx.ports.records.get(TABLE.incident, entry.element_id) : null;
        return incident && entry ? assessEscalation(ctx.ports, ctx.settings, incident, escalationSource(ctx), entry) : 'not an incident entry';
    });
}

/** A case accepted without triage (POST /v1/cases ran out of its triage budget): triage it now. */
export function triageQueuedCase(current: CurrentRecord): void {
    guarded('queued triage', current, () => {
        const { ports, settings } = context();
        const row = ports.records.get(TABLE.review, current.getUniqueValue());
        return row ? triageQueued(ports, settings, row) : 'review gone';
    });
}

export function applyApprovalDecision(current: CurrentRecord): void {
    guarded('approval', current, () => {
        const { ports } = context();
        return onApprovalDecided(ports, {
            sys_id: current.getUniqueValue(),
            state: current.getValue('state') ?? '',
            source_table: current.getValue('source_table') ?? '',
            document_id: current.getValue('document_id') ?? '',
        });
    });
}

/** sys_attachment insert on an incident: queue the file for Salesforce (attachments/outbound.ts). */
export function syncAttachment(current: CurrentRecord): void {
    guarded('attachment sync', current, () => {
        const { ports } = context();
        return onAttachmentAdded(ports, glideAttachmentContent, current.getUniqueValue());
    });
}

/**
 * Before insert on x_seam_bridge_routing_change: apply and audit, or abort with the field and
 * the fix (shown on the form and in the Table API error), changing nothing.
 */
export function applyRoutingChangeRule(current: CurrentRecord & { setAbortAction(abort: boolean): void }): void {
    const { ports } = context();
    const outcome = applyRoutingChange(ports, glidePropertyWriter, glideHasRole, {
        property: current.getValue('property') ?? '',
        newValue: current.getValue('new_value') ?? '',
        reason: current.getValue('reason') ?? '',
    });
    if (outcome.status === 'applied') {
        current.setValue('old_value', outcome.oldValue);
        current.setValue('new_value', outcome.newValue);
        current.setValue('changed_by', outcome.actor);
        glideMessages.info(`${outcome.property} is now ${JSON.stringify(outcome.newValue)} (was ${JSON.stringify(outcome.oldValue)}); the change is in the Seam audit.`);
        return;
    }
    ports.log.error(`Seam ${outcome.message}`);
    glideMessages.error(outcome.message);
    current.setAbortAction(true);
}
