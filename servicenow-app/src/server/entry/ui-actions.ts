/** UI action entry points (src/fluent/ui-actions). */
import { glideMessages } from '../adapters/glide-system';
import { customerContextFor, customerContextMessage, type ContextTable } from '../customer/context';
import { addKnowledgeWorkNote, addSuggestionToWorkNotes, storeSuggestions, suggestForIncident, suggestionsMessage } from '../knowledge/knowledge';
import { replay, replayDeadLetters } from '../outbox/outbox';
import { TABLE } from '../tables';
import { context, type CurrentRecord } from './context';

/** Form button / list choice "Replay" on one outbox message (also releases a held message). */
export function replayMessage(current: CurrentRecord): void {
    const { ports } = context();
    const result = replay(ports, [current.getUniqueValue()]);
    ports.log.info(`Seam replay ${current.getUniqueValue()}: ${JSON.stringify(result)}`);
}

/** List banner button "Replay all dead letters". */
export function replayAllDeadLetters(): void {
    const { ports } = context();
    const result = replayDeadLetters(ports);
    ports.log.info(`Seam bulk replay: ${JSON.stringify({ replayed: result.replayed, skipped: result.skipped.length })}`);
}

/** Review form buttons: set the decision; the review rule acts on it. */
export function setReviewStatus(current: CurrentRecord, status: 'approved' | 'rerouted' | 'rejected'): void {
    current.setValue('status', status);
    current.update();
}

export const approveReview = (current: CurrentRecord): void => setReviewStatus(current, 'approved');
export const rerouteReview = (current: CurrentRecord): void => setReviewStatus(current, 'rerouted');
export const rejectReview = (current: CurrentRecord): void => setReviewStatus(current, 'rejected');

/** Incident form button "Suggest knowledge (AI)": shows the cited answer and suggestions. */
export function suggestKnowledge(current: CurrentRecord): void {
    const { ports, settings } = context();
    const row = ports.records.get(TABLE.incident, current.getUniqueValue());
    if (!row) return;
    const outcome = suggestForIncident(ports, settings, row);
    const kept = outcome.status === 'ok' ? storeSuggestions(ports, row, outcome.answer) : 0;
    glideMessages.info(
        `${suggestionsMessage(outcome)}${kept ? `\nTo add one article as a work note: open it (same No.) in the Seam Knowledge Suggestions related list or at /${TABLE.kbSuggestion}_list.do?sysparm_query=incident=${row.sys_id}^current=true^ORDERBYrank and press "Add to incident work notes (AI)".` : ''}`,
    );
}

/** Suggestion form button / list choice "Add to incident work notes (AI)". */
export function addSuggestionToIncident(current: CurrentRecord): void {
    const { ports, settings } = context();
    const row = ports.records.get(TABLE.kbSuggestion, current.getUniqueValue());
    if (!row) return;
    const r = addSuggestionToWorkNotes(ports, settings, row);
    if (r.status === 'added') glideMessages.info(`Seam added suggestion ${row.rank} (${row.number}) to the incident's work notes, labelled AI-suggested with its source.`);
    else if (r.status === 'not_current') glideMessages.error('This suggestion is from an older ask; press "Suggest knowledge (AI)" on the incident again.');
    else if (r.status === 'no_incident') glideMessages.error('The incident of this suggestion no longer exists.');
    else glideMessages.info('Seam knowledge suggestions are off (x_seam_bridge.knowledge.enabled).');
}

/** Incident form button "Add knowledge answer to work notes (AI)". */
export function addKnowledgeToWorkNotes(current: CurrentRecord): void {
    const { ports, settings } = context();
    const row = ports.records.get(TABLE.incident, current.getUniqueValue());
    if (!row) return;
    const r = addKnowledgeWorkNote(ports, settings, row);
    if (r.status === 'added') glideMessages.info('Seam added the AI-suggested knowledge answer to the work notes.');
    else if (r.status === 'nothing_to_add') glideMessages.info('No confident answer to add; see "Suggest knowledge (AI)" for the articles found.');
    else if (r.status === 'proxy_failed') glideMessages.error(`Seam could not fetch knowledge: ${r.error}`);
    else glideMessages.info('Seam knowledge suggestions are off (x_seam_bridge.knowledge.enabled).');
}

/** Incident form button "Customer context (Salesforce)": the customer's Salesforce side, read-only. */
export function showCustomerContext(current: CurrentRecord): void {
    showContextOf('incident', current);
}

/** The same button on a problem escalated from a case (its Seam case and account fields). */
export function showProblemCustomerContext(current: CurrentRecord): void {
    showContextOf('problem', current);
}

function showContextOf(table: ContextTable, current: CurrentRecord): void {
    const { ports, settings, ops } = context();
    const row = ports.records.get(table, current.getUniqueValue());
    if (!row) return;
    // The tier is the sev-1 alert's high-value threshold: one definition of "high value" for both.
    const message = customerContextMessage(customerContextFor(ports, settings, ops.budget, row, table), settings.alertsHighValueFrom);
    if (message.level === 'error') glideMessages.error(message.text);
    else glideMessages.info(message.text);
}
