import { describe, expect, it } from 'vitest';
import { postKnowledgeAnswer } from '../src/server/api/knowledge';
import { DEFAULTS, loadSettings, type Settings } from '../src/server/config';
import { addKnowledgeWorkNote, addSuggestionToWorkNotes, draftKnowledgeGaps, storeSuggestions, gapSource, learnFromResolution, suggestForIncident, suggestionsMessage } from '../src/server/knowledge/knowledge';
import { fakePorts, json, CASE_A, type FakePorts } from './fakes';
import { PROPS } from './helpers';

const settings: Settings = { ...DEFAULTS, proxyUrl: PROPS['x_seam_bridge.proxy.url'], proxyApiKey: PROPS['x_seam_bridge.proxy.api_key'] };

const ANSWER = {
    answer: 'Open UDP ports 500 and 4500. [c1]\n[AI-generated — review before relying on it]',
    sentences: [{ text: 'Open UDP ports 500 and 4500.', citations: ['c1'] }],
    citations: [{ id: 'c1', platform: 'salesforce', kind: 'ARTICLE', number: '000001001', title: 'VPN error 809', url: 'https://acme.my.site.com/s/article/vpn-809', docId: 'salesforce:kA0000000000001', chunkId: 'salesforce:kA0000000000001#0' }],
    suggestions: [
        { platform: 'salesforce', kind: 'ARTICLE', number: '000001001', title: 'VPN error 809', url: 'https://acme.my.site.com/s/article/vpn-809', docId: 'salesforce:kA0000000000001', chunkId: 'salesforce:kA0000000000001#0', snippet: 'Open UDP ports 500 and 4500.', relevance: 0.9 },
        { platform: 'servicenow', kind: 'CASE_SUMMARY', number: 'INC0010007', title: 'VPN drops', url: 'https://x.service-now.com/incident.do?sys_id=1', docId: 'servicenow:case-summary:1', chunkId: 'servicenow:case-summary:1#0', snippet: 'Gateway restarted.', relevance: 0.6 },
    ],
    aiGenerated: true,
    noConfidentAnswer: false,
    retrieval: { mode: 'lexical', vectors: false },
    engine: 'embedded',
};

function incident(ports: FakePorts, values: Record<string, string> = {}): Record<string, string> {
    const id = ports.records.seed('incident', { number: 'INC0010042', short_description: 'VPN error 809 from home', description: 'Since the update the client fails with 809.', sys_mod_count: '3', ...values });
    return ports.records.get('incident', id) as Record<string, string>;
}

describe('knowledge suggestions on the incident', () => {
    it('asks the proxy with the incident text through the Seam Proxy message and validates the answer', () => {
        const ports = fakePorts({ route: () => json(200, ANSWER) });
        const row = incident(ports);
        const r = suggestForIncident(ports, settings, row);
        expect(r).toMatchObject({ status: 'ok', engine: 'embedded' });
        const [req] = ports.http.requests;
        expect(req).toMatchObject({ message: 'Seam Proxy', fn: 'knowledgeAnswer', endpoint: `${settings.proxyUrl}/v1/knowledge/answer` });
        expect(req.headers?.Authorization).toBe(`Bearer ${settings.proxyApiKey}`);
        expect(JSON.parse(req.body ?? '')).toMatchObject({ incidentId: row.sys_id, subject: 'VPN error 809 from home', k: 5, idempotencyKey: `servicenow:${row.sys_id}:3:knowledge` });
        const msg = suggestionsMessage(r);
        expect(msg).toContain('[c1] Salesforce 000001001 "VPN error 809"');
        expect(msg).toContain('2. ServiceNow INC0010007');
        expect(msg).toContain('lexical only');
        expect(ports.records.rows('x_seam_bridge_audit')[0]).toMatchObject({ direction: 'proxy', operation: '/v1/knowledge/answer', result: 'success' });
    });

    it('an answer that breaks the shared schema is refused, not shown', () => {
        const ports = fakePorts({ route: () => json(200, { ...ANSWER, citations: [{ id: 'x' }] }) });
        const r = suggestForIncident(ports, settings, incident(ports));
        expect(r.status).toBe('proxy_failed');
        expect(suggestionsMessage(r)).toMatch(/^Seam could not fetch knowledge suggestions: invalid knowledge answer/);
    });

    it('adds the cited answer as a work note labelled AI-suggested, with its sources', () => {
        const ports = fakePorts({ route: () => json(200, ANSWER) });
        const row = incident(ports);
        const r = addKnowledgeWorkNote(ports, settings, row);
        expect(r.status).toBe('added');
        // A journal field appends an entry (sys_journal_field), as on the platform.
        const [entry] = ports.records.rows('sys_journal_field').filter((j) => j.element === 'work_notes' && j.element_id === row.sys_id);
        const note = entry.value;
        expect(note.split('\n')[0]).toBe('[AI-suggested from knowledge, review before use]');
        expect(note).toContain('Open UDP ports 500 and 4500. [c1]');
        expect(note).toContain('Sources:\n[c1] Salesforce 000001001 "VPN error 809" https://acme.my.site.com/s/article/vpn-809');
    });

    it('with no confident answer, adds nothing unless the agent picks a suggestion', () => {
        const none = { ...ANSWER, answer: '', sentences: [], citations: [], noConfidentAnswer: true, reason: 'the best passage covers 20% of the question; an answer needs 50%' };
        const ports = fakePorts({ route: () => json(200, none) });
        const row = incident(ports);
        expect(addKnowledgeWorkNote(ports, settings, row).status).toBe('nothing_to_add');
        expect(ports.records.rows('sys_journal_field')).toHaveLength(0);
        expect(suggestionsMessage(suggestForIncident(ports, settings, row))).toContain('No confident answer: the best passage covers 20%');
        const picked = addKnowledgeWorkNote(ports, settings, row, 2);
        expect(picked.status).toBe('added');
        if (picked.status === 'added') expect(picked.note).toContain('Source: ServiceNow INC0010007 "VPN drops"');
    });

    it('keeps the numbered suggestions as rows; the agent adds one chosen article as a labelled, cited work note', () => {
        const ports = fakePorts({ route: () => json(200, ANSWER) });
        const row = incident(ports);
        const r = suggestForIncident(ports, settings, row);
        if (r.status !== 'ok') throw new Error(r.status);
        expect(storeSuggestions(ports, row, r.answer)).toBe(2);
        const rows = ports.records.rows('x_seam_bridge_kb_suggestion').sort((a, b) => Number(a.rank) - Number(b.rank));
        expect(rows.map((x) => [x.rank, x.platform, x.number, x.current])).toEqual([['1', 'salesforce', '000001001', 'true'], ['2', 'servicenow', 'INC0010007', 'true']]);
        // The agent picks No. 2: exactly that article, labelled AI-suggested, with its citation.
        const added = addSuggestionToWorkNotes(ports, settings, rows[1]);
        expect(added.status).toBe('added');
        const [entry] = ports.records.rows('sys_journal_field').filter((j) => j.element === 'work_notes' && j.element_id === row.sys_id);
        expect(entry.value).toBe('[AI-suggested from knowledge, review before use]\nGateway restarted.\nSource: ServiceNow INC0010007 "VPN drops" https://x.service-now.com/incident.do?sys_id=1');
        // Asking again refreshes the rows in place; a rank the new answer does not fill is no longer current and cannot be added.
        const fewer = { ...r.answer, suggestions: r.answer.suggestions.slice(0, 1) };
        expect(storeSuggestions(ports, row, fewer)).toBe(1);
        const after = ports.records.rows('x_seam_bridge_kb_suggestion');
        expect(after).toHaveLength(2);
        const stale = after.find((x) => x.rank === '2')!;
        expect(stale.current).toBe('false');
        expect(addSuggestionToWorkNotes(ports, settings, stale).status).toBe('not_current');
        expect(addSuggestionToWorkNotes(ports, { knowledgeEnabled: false }, after.find((x) => x.rank === '1')!).status).toBe('disabled');
        expect(ports.records.rows('sys_journal_field')).toHaveLength(1);
    });

    it('off by property: no call', () => {
        const ports = fakePorts({ route: () => json(200, ANSWER) });
        expect(suggestForIncident(ports, { ...settings, knowledgeEnabled: false }, incident(ports)).status).toBe('disabled');
        expect(ports.http.requests).toHaveLength(0);
        expect(loadSettings({ get: (n) => (n === 'x_seam_bridge.knowledge.enabled' ? 'false' : undefined) }).settings.knowledgeEnabled).toBe(false);
    });

    it('a proxy error is reported with its status, not swallowed', () => {
        const ports = fakePorts({ route: () => json(503, { error: { message: 'knowledge is not configured' } }) });
        const r = suggestForIncident(ports, settings, incident(ports));
        expect(r).toMatchObject({ status: 'proxy_failed' });
        if (r.status === 'proxy_failed') expect(r.error).toContain('HTTP 503');
    });
});

describe('post-resolution learning', () => {
    it('a resolved linked incident is posted as a CASE_SUMMARY with code, tags and references', () => {
        const ports = fakePorts({ route: () => json(200, { added: 1, updated: 0, unchanged: 0 }), properties: { 'glide.servlet.uri': 'https://acme.service-now.com/' } });
        const row = incident(ports, { state: '6', close_code: 'Solved (Permanently)', close_notes: 'Opened UDP 4500 on the edge firewall', category: 'network', x_seam_bridge_sf_case_id: CASE_A });
        const r = learnFromResolution(ports, settings, row);
        expect(r).toEqual({ status: 'stored', docId: `servicenow:case-summary:${row.sys_id}` });
        const [req] = ports.http.requests;
        expect(req.fn).toBe('knowledgeDocuments');
        const sent = JSON.parse(req.body ?? '');
        expect(sent.idempotencyKey).toBe(`servicenow:${row.sys_id}:3:case-summary`);
        expect(sent.documents[0]).toMatchObject({ kind: 'CASE_SUMMARY', platform: 'servicenow', number: 'INC0010042', url: `https://acme.service-now.com/incident.do?sys_id=${row.sys_id}`, tags: ['network', 'Solved (Permanently)'] });
        expect(sent.documents[0].body).toContain(`References: Incident INC0010042, Case ${CASE_A}`);
    });

    it('not resolved, not linked or switched off: nothing is sent', () => {
        const ports = fakePorts({ route: () => json(200, {}) });
        expect(learnFromResolution(ports, settings, incident(ports, { state: '2', x_seam_bridge_sf_case_id: CASE_A })).status).toBe('not_resolved');
        expect(learnFromResolution(ports, settings, incident(ports, { state: '6' })).status).toBe('not_linked');
        expect(learnFromResolution(ports, { ...settings, knowledgeLearnFromResolutions: false }, incident(ports, { state: '6', x_seam_bridge_sf_case_id: CASE_A })).status).toBe('disabled');
        expect(ports.http.requests).toHaveLength(0);
    });
});

describe('POST /v1/knowledge/answer (from Salesforce, forwarded to the proxy)', () => {
    it('forwards the case text to the proxy with the app credential and passes the answer through', () => {
        const ports = fakePorts({ route: () => json(200, ANSWER) });
        const r = postKnowledgeAnswer(ports, settings, { bodyText: JSON.stringify({ caseId: CASE_A, subject: 'VPN error 809', description: 'From home' }), pathParams: {} });
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({ noConfidentAnswer: false, citations: [{ number: '000001001' }] });
        const [req] = ports.http.requests;
        expect(req.headers?.Authorization).toBe(`Bearer ${settings.proxyApiKey}`);
        expect(JSON.parse(req.body ?? '')).toMatchObject({ caseId: CASE_A, subject: 'VPN error 809', correlationId: `SFDC-${CASE_A}` });
    });

    it('bad input is a 400 naming the field; a proxy 404 stays a 404; the proxy down is a 502', () => {
        const ports = fakePorts({ route: () => json(200, ANSWER) });
        const bad = postKnowledgeAnswer(ports, settings, { bodyText: JSON.stringify({ caseId: 'nope' }), pathParams: {} });
        expect(bad.status).toBe(400);
        expect(JSON.stringify(bad.body)).toContain('caseId');
        expect(postKnowledgeAnswer(ports, settings, { bodyText: '{', pathParams: {} }).status).toBe(400);
        expect(ports.http.requests).toHaveLength(0);
        const missing = fakePorts({ route: () => json(404, { error: { message: 'unknown record' } }) });
        expect(postKnowledgeAnswer(missing, settings, { bodyText: JSON.stringify({ caseId: CASE_A }), pathParams: {} }).status).toBe(404);
        const down = fakePorts({ route: () => ({ status: 0, body: '', error: 'connection refused' }) });
        expect(postKnowledgeAnswer(down, settings, { bodyText: JSON.stringify({ caseId: CASE_A, subject: 's' }), pathParams: {} }).status).toBe(502);
        expect(postKnowledgeAnswer(ports, { ...settings, knowledgeEnabled: false }, { bodyText: '{}', pathParams: {} }).status).toBe(503);
    });
});

describe('knowledge gaps → draft articles for review', () => {
    const GAPS = {
        gaps: [
            { key: 'badge-lobby-reader', terms: ['badge', 'reader', 'lobby'], members: [{ id: 'a', platform: 'servicenow', number: 'INC0010001' }, { id: 'b', platform: 'salesforce', number: 'question' }, { id: 'c', platform: 'servicenow', number: 'INC0010003' }], draft: { shortDescription: 'Knowledge gap: badge, reader, lobby', text: 'Draft opened by Seam…' } },
        ],
        engine: 'embedded',
    };

    it('writes one draft kb_knowledge per new gap, never published, and not twice', () => {
        const ports = fakePorts({ route: () => json(200, GAPS) });
        expect(draftKnowledgeGaps(ports, settings)).toEqual({ status: 'done', drafted: 1, existing: 0 });
        const [draft] = ports.records.rows('kb_knowledge');
        expect(draft).toMatchObject({ short_description: 'Knowledge gap: badge, reader, lobby', workflow_state: 'draft', source: gapSource('badge-lobby-reader') });
        expect(ports.http.requests[0].fn).toBe('knowledgeGaps');
        expect(draftKnowledgeGaps(ports, settings)).toEqual({ status: 'done', drafted: 0, existing: 1 });
        expect(ports.records.rows('kb_knowledge')).toHaveLength(1);
        expect(ports.records.writes.filter((w) => w.table === 'kb_knowledge' && w.op === 'update')).toHaveLength(0);
    });

    it('an invalid answer writes nothing; switched off, it does not call', () => {
        const ports = fakePorts({ route: () => json(200, { gaps: [{ key: 'x' }] }) });
        expect(draftKnowledgeGaps(ports, settings).status).toBe('proxy_failed');
        expect(ports.records.rows('kb_knowledge')).toHaveLength(0);
        const off = fakePorts({ route: () => json(200, GAPS) });
        expect(draftKnowledgeGaps(off, { ...settings, knowledgeEnabled: false }).status).toBe('disabled');
        expect(off.http.requests).toHaveLength(0);
    });
});
