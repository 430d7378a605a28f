/**
 * Knowledge on the incident: cited suggestions from both knowledge bases through the proxy
 * (`/v1/knowledge/answer`, the existing `Seam Proxy` REST message and its bearer property), one of
 * them added as a work note labelled AI-suggested with its citations; and post-resolution
 * learning: a resolved linked incident's summary becomes a citable CASE_SUMMARY document.
 */
import {
    KNOWLEDGE_ANSWER_RESULT_SCHEMA,
    KNOWLEDGE_GAPS_RESULT_SCHEMA,
    caseSummaryDocument,
    knowledgeAnswerNote,
    responseSchema,
    suggestionNote,
    validate,
    type KnowledgeAnswer,
    type KnowledgeGap,
} from '../generated/seam-core';
import { callProxy } from '../clients/proxy';
import type { Settings } from '../config';
import type { Ports, Row } from '../ports';
import { TABLE, eq } from '../tables';

const RESPONSE_SCHEMA = responseSchema(KNOWLEDGE_ANSWER_RESULT_SCHEMA);

export type SuggestionsOutcome =
    | { readonly status: 'disabled' }
    | { readonly status: 'proxy_failed'; readonly error: string }
    | { readonly status: 'ok'; readonly answer: KnowledgeAnswer; readonly engine: string };

type KnowledgeSettings = Pick<Settings, 'knowledgeEnabled' | 'proxyUrl' | 'proxyApiKey'>;

/** The incident's cited answer and suggestions, asked with its short description and description. */
export function suggestForIncident(ports: Ports, settings: KnowledgeSettings, incident: Row): SuggestionsOutcome {
    if (!settings.knowledgeEnabled) return { status: 'disabled' };
    const subject = (incident.short_description || incident.number || '').slice(0, 255);
    if (!subject.trim()) return { status: 'proxy_failed', error: 'the incident has no short description to search with' };
    // Keyed by the incident's version: the same question about the same text is answered from the cache.
    const key = `servicenow:${incident.sys_id}:${incident.sys_mod_count || '0'}:knowledge`;
    const answer = callProxy<unknown>(
        ports,
        settings,
        '/v1/knowledge/answer',
        { incidentId: incident.sys_id, subject, ...(incident.description ? { description: incident.description.slice(0, 4000) } : {}), k: 5 },
        { idempotencyKey: key, correlationId: incident.correlation_id || `SNOW-${incident.number}`, ...(incident.x_seam_bridge_sf_case_id ? { caseId: incident.x_seam_bridge_sf_case_id } : {}) },
    );
    if (!answer.ok) return { status: 'proxy_failed', error: answer.error };
    const checked = validate<KnowledgeAnswer>(RESPONSE_SCHEMA, answer.value);
    if (!checked.ok) return { status: 'proxy_failed', error: `invalid knowledge answer: ${checked.error.map((p) => `${p.field} ${p.problem}`).join('; ')}` };
    return { status: 'ok', answer: checked.value, engine: answer.engine };
}

/** What the "Suggest knowledge" button shows: the answer with its sources, or why there is none. */
export function suggestionsMessage(outcome: SuggestionsOutcome): string {
    if (outcome.status === 'disabled') return 'Seam knowledge suggestions are off (x_seam_bridge.knowledge.enabled).';
    if (outcome.status === 'proxy_failed') return `Seam could not fetch knowledge suggestions: ${outcome.error}`;
    const a = outcome.answer;
    const note = knowledgeAnswerNote(a);
    const lines = a.suggestions.map((s, i) => `${i + 1}. ${s.platform === 'servicenow' ? 'ServiceNow' : 'Salesforce'} ${s.number} "${s.title}" ${s.url}`);
    const head = note ?? `No confident answer: ${a.reason ?? 'nothing relevant enough'}.`;
    return `${head}${lines.length ? `\nSuggested articles:\n${lines.join('\n')}` : ''}${a.retrieval.vectors ? '' : '\n(search was lexical only: no embedding model is configured)'}`;
}

export type WorkNoteOutcome =
    | { readonly status: 'disabled' | 'nothing_to_add' }
    | { readonly status: 'proxy_failed'; readonly error: string }
    | { readonly status: 'added'; readonly note: string };

/**
 * Adds the cited answer (or, when there is no confident answer, suggestion number `pick`) as a work
 * note. The agent pressed the button: this is the person's decision, the label says the text is AI's.
 */
export function addKnowledgeWorkNote(ports: Ports, settings: KnowledgeSettings, incident: Row, pick?: number): WorkNoteOutcome {
    const outcome = suggestForIncident(ports, settings, incident);
    if (outcome.status === 'disabled' || outcome.status === 'proxy_failed') return outcome;
    const a = outcome.answer;
    const chosen = pick !== undefined ? a.suggestions[pick - 1] : undefined;
    const note = chosen ? suggestionNote(chosen) : knowledgeAnswerNote(a);
    if (!note) return { status: 'nothing_to_add' };
    ports.records.update(TABLE.incident, incident.sys_id, { work_notes: note });
    return { status: 'added', note };
}

/**
 * Keeps the suggestions the agent is shown as rows of `x_seam_bridge_kb_suggestion` (one per rank,
 * updated in place on every ask; ranks the latest ask did not fill are marked not current), so the
 * agent can open suggestion N and add exactly that one. Returns how many are current.
 */
/** A boolean column read as a string: Glide gives `false` or `0`. */
const notTrue = (v: string | undefined): boolean => v === 'false' || v === '0';

export function storeSuggestions(ports: Ports, incident: Row, answer: KnowledgeAnswer): number {
    const existing = ports.records.find(TABLE.kbSuggestion, eq('incident', incident.sys_id), { limit: 100 });
    const byRank = new Map(existing.map((r) => [r.rank, r.sys_id]));
    const askedAt = new Date(ports.clock.nowMs()).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '');
    answer.suggestions.forEach((s, i) => {
        const values = {
            incident: incident.sys_id, rank: String(i + 1), current: 'true', platform: s.platform, kind: s.kind, number: s.number,
            title: s.title.slice(0, 255), url: s.url.slice(0, 1000), snippet: s.snippet.slice(0, 4000), relevance: s.relevance.toFixed(2), asked_at: askedAt,
        };
        const id = byRank.get(String(i + 1));
        if (id) ports.records.update(TABLE.kbSuggestion, id, values);
        else ports.records.insert(TABLE.kbSuggestion, values);
    });
    for (const r of existing) if (Number(r.rank) > answer.suggestions.length && !notTrue(r.current)) ports.records.update(TABLE.kbSuggestion, r.sys_id, { current: 'false' });
    return answer.suggestions.length;
}

export type SuggestionNoteOutcome =
    | { readonly status: 'disabled' | 'not_current' | 'no_incident' }
    | { readonly status: 'added'; readonly note: string; readonly incidentId: string };

/**
 * "Add to incident work notes (AI)" on one stored suggestion: its passage, labelled AI-suggested,
 * with its citation (platform, number, title, link). No proxy call: the note is what the agent read.
 */
export function addSuggestionToWorkNotes(ports: Ports, settings: Pick<Settings, 'knowledgeEnabled'>, suggestion: Row): SuggestionNoteOutcome {
    if (!settings.knowledgeEnabled) return { status: 'disabled' };
    if (notTrue(suggestion.current)) return { status: 'not_current' };
    const incident = suggestion.incident ? ports.records.get(TABLE.incident, suggestion.incident, ['sys_id']) : null;
    if (!incident) return { status: 'no_incident' };
    const note = suggestionNote({
        platform: suggestion.platform === 'salesforce' ? 'salesforce' : 'servicenow',
        number: suggestion.number || '',
        title: suggestion.title || '',
        url: suggestion.url || '',
        snippet: suggestion.snippet || '',
    });
    ports.records.update(TABLE.incident, incident.sys_id, { work_notes: note });
    return { status: 'added', note, incidentId: incident.sys_id };
}

export type LearnOutcome =
    | { readonly status: 'disabled' | 'not_linked' | 'not_resolved' }
    | { readonly status: 'proxy_failed'; readonly error: string }
    | { readonly status: 'stored'; readonly docId: string };

/**
 * Post-resolution learning: a resolved, linked incident's resolution becomes a CASE_SUMMARY in the
 * knowledge index (the proxy masks it before indexing), citable by later answers on both sides.
 */
export function learnFromResolution(
    ports: Ports,
    settings: Pick<Settings, 'knowledgeLearnFromResolutions' | 'proxyUrl' | 'proxyApiKey'>,
    incident: Row,
    summary?: string,
): LearnOutcome {
    if (!settings.knowledgeLearnFromResolutions) return { status: 'disabled' };
    if (incident.state !== '6' && incident.state !== '7') return { status: 'not_resolved' };
    const caseId = incident.x_seam_bridge_sf_case_id || '';
    if (!caseId) return { status: 'not_linked' };
    const instance = (ports.properties.get('glide.servlet.uri') || '').replace(/\/+$/, '');
    const doc = caseSummaryDocument({
        platform: 'servicenow',
        recordId: incident.sys_id,
        number: incident.number,
        title: incident.short_description || incident.number,
        url: `${instance}/incident.do?sys_id=${incident.sys_id}`,
        summary: summary || incident.close_notes || 'Resolved.',
        ...(incident.close_code ? { resolutionCode: incident.close_code } : {}),
        ...(incident.close_notes && summary ? { resolutionNotes: incident.close_notes.slice(0, 4000) } : {}),
        tags: [incident.category, incident.subcategory, incident.close_code].filter((t): t is string => Boolean(t)),
        references: [`Case ${caseId}`, ...(incident.problem_id ? [`Problem ${incident.problem_id}`] : [])],
        resolvedAt: new Date(ports.clock.nowMs()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    const res = callProxy<unknown>(ports, settings, '/v1/knowledge/documents', { documents: [doc] }, {
        idempotencyKey: `servicenow:${incident.sys_id}:${incident.sys_mod_count || '0'}:case-summary`,
        correlationId: incident.correlation_id || `SNOW-${incident.number}`,
        caseId,
    });
    return res.ok ? { status: 'stored', docId: doc.id } : { status: 'proxy_failed', error: res.error };
}

export type GapsOutcome =
    | { readonly status: 'disabled' }
    | { readonly status: 'proxy_failed'; readonly error: string }
    | { readonly status: 'done'; readonly drafted: number; readonly existing: number };

/** Marks a draft as Seam's for one gap, so the same theme is drafted once (the key is stable). */
export const gapSource = (key: string): string => `seam-knowledge-gap:${key}`.slice(0, 255);

/**
 * Knowledge gaps → review: asks the proxy for recurring unanswered themes and writes one draft
 * `kb_knowledge` per new gap (workflow_state=draft). Publishing stays with a person and the
 * knowledge base's publish flow; Seam never publishes.
 */
export function draftKnowledgeGaps(ports: Ports, settings: Pick<Settings, 'knowledgeEnabled' | 'proxyUrl' | 'proxyApiKey'>): GapsOutcome {
    if (!settings.knowledgeEnabled) return { status: 'disabled' };
    const day = new Date(ports.clock.nowMs()).toISOString().slice(0, 10);
    const res = callProxy<unknown>(ports, settings, '/v1/knowledge/gaps', {}, { idempotencyKey: `servicenow:knowledge-gaps:${day}:${ports.clock.nowMs()}`, correlationId: `SNOW-knowledge-gaps-${day}` });
    if (!res.ok) return { status: 'proxy_failed', error: res.error };
    const checked = validate<{ gaps: KnowledgeGap[] }>(KNOWLEDGE_GAPS_RESULT_SCHEMA, { gaps: (res.value as { gaps?: unknown }).gaps });
    if (!checked.ok) return { status: 'proxy_failed', error: `invalid gaps answer: ${checked.error.map((p) => `${p.field} ${p.problem}`).join('; ')}` };
    let drafted = 0;
    let existing = 0;
    for (const gap of checked.value.gaps) {
        const source = gapSource(gap.key);
        if (ports.records.find(TABLE.knowledge, eq('source', source), { limit: 1, fields: ['sys_id'] }).length > 0) {
            existing += 1;
            continue;
        }
        ports.records.insert(TABLE.knowledge, { short_description: gap.draft.shortDescription, text: gap.draft.text, workflow_state: 'draft', source });
        drafted += 1;
    }
    return { status: 'done', drafted, existing };
}
