/**
 * POST /v1/insights/phrase: the template sentences without an LLM; with an OpenAI-compatible stub,
 * the model's sentences only where they keep exactly the data's numbers, else the template and why.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { crossPlatformInsights, validate, type InsightCase, type InsightIncident } from '@seam/shared';
import { createProxyServer, MemoryAuditLog, type ProxyServer } from '../src/index.js';
import { INSIGHT_SPECS } from '../src/insights.js';
import { startOpenAiStub, type OpenAiStub } from './helpers/openaiStub.js';
import { llmEnv, post, smallModel, testConfig } from './helpers/fixtures.js';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const H = 3_600_000;
// 4 open high-priority cases, 3 waiting on an open incident; CIs sap-erp-02 (2) and mail-01 (1).
const CASES: InsightCase[] = [
  { id: '5001', priority: 'High', isClosed: false, triageRoute: 'servicenow', incidentNumber: 'INC0000001', ci: 'sap-erp-02' },
  { id: '5002', priority: 'High', isClosed: false, triageRoute: 'servicenow', incidentNumber: 'INC0000002', ci: 'sap-erp-02' },
  { id: '5003', priority: 'High', isClosed: false, triageRoute: 'servicenow', incidentNumber: 'INC0000003', ci: 'mail-01' },
  { id: '5004', priority: 'High', isClosed: false, triageRoute: 'kept_in_salesforce', incidentNumber: '', ci: '' },
];
const INCIDENTS: InsightIncident[] = [
  { number: 'INC0000001', caseId: '5001', state: '2', assignmentGroup: 'Network', updatedAtMs: NOW - 30 * H },
  { number: 'INC0000002', caseId: '5002', state: '2', assignmentGroup: 'Network', updatedAtMs: NOW - 2 * H },
  { number: 'INC0000003', caseId: '5003', state: '1', assignmentGroup: 'Email', updatedAtMs: NOW - 1 * H },
];
const INSIGHTS = crossPlatformInsights(CASES, INCIDENTS, NOW).map((i) => ({ id: i.id, text: i.text }));

let seq = 0;
const body = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  idempotencyKey: `insights-${++seq}`,
  correlationId: `insights-${seq}`,
  insights: INSIGHTS,
  ...over,
});

let stub: OpenAiStub;
let proxy: ProxyServer | undefined;
let url: string;
let audit: MemoryAuditLog;

async function start(withLlm: boolean): Promise<void> {
  audit = new MemoryAuditLog();
  proxy = createProxyServer(testConfig(withLlm ? llmEnv(stub.baseURL) : {}), { triageModel: smallModel(), audit, llmDeps: { sleep: async () => undefined, random: () => 0.5 } });
  ({ url } = await proxy.listen(0, '127.0.0.1'));
}

beforeAll(async () => { stub = await startOpenAiStub(); });
afterAll(async () => { await stub.close(); });
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  stub.requests.length = 0;
});

const isValidResponse = (json: unknown): boolean => validate(INSIGHT_SPECS['insights/phrase'].responseSchema, json).ok;

describe('insights/phrase without an LLM (the embedded default)', () => {
  it('answers with the template sentences, each marked phrasedBy template, in the request order', async () => {
    await start(false);
    const res = await post(url, '/v1/insights/phrase', body());
    expect(res.status).toBe(200);
    expect(res.json.engine).toBe('embedded');
    expect(res.json.insights).toEqual(INSIGHTS.map((i) => ({ ...i, phrasedBy: 'template' })));
    // The numbers are the data's: 3 of 4 open high-priority cases wait on an open incident.
    expect(res.json.insights[0].text).toBe('75% of open high-priority cases (3 of 4) are waiting on an open ServiceNow incident.');
    expect(isValidResponse(res.json)).toBe(true);
    expect(stub.requests).toHaveLength(0);
    expect(audit.records.map((r) => [r.endpoint, r.engine])).toEqual([['insights/phrase', 'embedded']]);
  });

  it('replays an idempotency key from the cache, and refuses the key with another body', async () => {
    await start(false);
    const b = body();
    const first = await post(url, '/v1/insights/phrase', b);
    const again = await post(url, '/v1/insights/phrase', b);
    expect(again.headers.get('x-seam-cache')).toBe('hit');
    expect(again.json).toEqual(first.json);
    const other = await post(url, '/v1/insights/phrase', { ...b, insights: INSIGHTS.slice(0, 1) });
    expect(other.status).toBe(409);
  });
});

describe('insights/phrase with an LLM', () => {
  const reworded: Record<string, string> = {
    high_priority_waiting_on_servicenow: '3 of 4 open high-priority cases (75%) are blocked on an open ServiceNow incident.',
    top_cis_behind_cases: 'Open customer cases point at sap-erp-02 (2) and mail-01 (1).',
    stalled_handoffs_by_group: 'Handoffs are stalling in Network: 1 linked incident has not been touched for over 24 h, the oldest for 30 h.',
    routing_split: 'Of 4 triaged cases, 75% were routed to ServiceNow, 25% stayed in Salesforce and 0% needed a person.',
  };

  it('sends the masked template sentences in a fenced data block with the draft schema, and returns the model\'s sentences that keep every number', async () => {
    await start(true);
    stub.script({ content: JSON.stringify({ sentences: INSIGHTS.map((i) => ({ id: i.id, text: reworded[i.id] })) }) });
    const res = await post(url, '/v1/insights/phrase', body());
    expect(res.status).toBe(200);
    expect(res.json.engine).toBe('llm');
    expect(res.json.insights).toEqual(INSIGHTS.map((i) => ({ id: i.id, text: reworded[i.id], phrasedBy: 'llm' })));
    expect(isValidResponse(res.json)).toBe(true);
    const sent = stub.requests[0]!;
    expect(sent.response_format?.json_schema?.name).toBe('insight_phrasing_draft');
    expect(sent.messages[0]?.content).toMatch(/keep each number exactly as written/);
    expect(sent.messages[1]?.content).toContain(`routing_split: ${INSIGHTS[3]!.text}`);
    expect(audit.records[0]).toMatchObject({ endpoint: 'insights/phrase', engine: 'llm', tokens: { prompt: 100, completion: 20 } });
  });

  it('rejects a sentence that invents a number: that insight keeps the template sentence and says why', async () => {
    await start(true);
    const invented: Record<string, string> = { ...reworded, high_priority_waiting_on_servicenow: '80% of open high-priority cases (3 of 4) are waiting on ServiceNow.' };
    stub.script({ content: JSON.stringify({ sentences: INSIGHTS.map((i) => ({ id: i.id, text: invented[i.id] })) }) });
    const res = await post(url, '/v1/insights/phrase', body());
    expect(res.status).toBe(200);
    expect(res.json.engine).toBe('llm');
    const first = res.json.insights[0];
    expect(first).toEqual({
      id: 'high_priority_waiting_on_servicenow',
      text: INSIGHTS[0]!.text,
      phrasedBy: 'template',
      fallbackReason: "the phrased sentence's numbers differ from the data's: adds 80%; drops 75%",
    });
    expect(res.json.insights.slice(1).map((i: { phrasedBy: string }) => i.phrasedBy)).toEqual(['llm', 'llm', 'llm']);
    expect(proxy!.metrics.fallbacks.get({ endpoint: 'insights/phrase', reason: 'numbers_check' })).toBe(1);
  });

  it('a model that changes every number, or names a quantity in words, leaves the template answer with fallbackReason', async () => {
    await start(true);
    stub.script({ content: JSON.stringify({ sentences: INSIGHTS.map((i) => ({ id: i.id, text: `Most cases are fine for ${i.id}.` })) }) });
    const res = await post(url, '/v1/insights/phrase', body());
    expect(res.status).toBe(200);
    expect(res.json.engine).toBe('embedded');
    expect(res.json.fallbackReason).toBe('llm_invalid_output');
    expect(res.headers.get('x-seam-fallback-reason')).toBe('llm_invalid_output');
    expect(res.json.insights.map((i: { text: string }) => i.text)).toEqual(INSIGHTS.map((i) => i.text));
    expect(res.json.insights[0].fallbackReason).toMatch(/states a quantity in words \("Most"\)/);
  });

  it('an insight the model left out keeps its template sentence; an unreachable model leaves all of them, with the reason', async () => {
    await start(true);
    stub.script({ content: JSON.stringify({ sentences: [{ id: 'routing_split', text: reworded['routing_split'] }] }) });
    const partial = await post(url, '/v1/insights/phrase', body());
    expect(partial.json.insights.map((i: { phrasedBy: string }) => i.phrasedBy)).toEqual(['template', 'template', 'template', 'llm']);
    expect(partial.json.insights[0].fallbackReason).toBe('the model did not phrase this insight');

    stub.script({ status: 503 });
    const down = await post(url, '/v1/insights/phrase', body());
    expect(down.status).toBe(200);
    expect(down.json.engine).toBe('embedded');
    expect(down.json.fallbackReason).toBe('llm_server_error');
    expect(down.json.insights.every((i: { phrasedBy: string; fallbackReason: string }) => i.phrasedBy === 'template' && /no usable answer \(llm_server_error\)/.test(i.fallbackReason))).toBe(true);
  });

  it('masks personal data before the model sees it and restores it in the answer', async () => {
    await start(true);
    const insights = [{ id: 'stalled_handoffs_by_group', text: 'Handoffs stall in: ops-lead@example.com (2 linked incidents untouched for over 24 h, oldest 30 h).' }];
    stub.script({ content: JSON.stringify({ sentences: [{ id: 'stalled_handoffs_by_group', text: '2 linked incidents of [EMAIL_1] are untouched for over 24 h; the oldest for 30 h.' }] }) });
    const res = await post(url, '/v1/insights/phrase', body({ insights }));
    expect(JSON.stringify(stub.requests[0]!.messages)).not.toContain('ops-lead@example.com');
    expect(res.json.insights[0]).toEqual({ id: 'stalled_handoffs_by_group', text: '2 linked incidents of ops-lead@example.com are untouched for over 24 h; the oldest for 30 h.', phrasedBy: 'llm' });
  });
});

describe('insights/phrase bad input', () => {
  it('400 naming the field and the fix: an unknown insight id, a missing text, a duplicate id, no insights', async () => {
    await start(false);
    const unknown = await post(url, '/v1/insights/phrase', body({ insights: [{ id: 'revenue_forecast', text: '12 deals.' }] }));
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.problems[0]).toMatchObject({ field: 'insights[0].id' });
    expect(unknown.json.error.problems[0].fix).toContain('routing_split');

    const noText = await post(url, '/v1/insights/phrase', body({ insights: [{ id: 'routing_split' }] }));
    expect(noText.status).toBe(400);
    expect(noText.json.error.problems[0].field).toBe('insights[0].text');

    const twice = await post(url, '/v1/insights/phrase', body({ insights: [INSIGHTS[3], INSIGHTS[3]] }));
    expect(twice.status).toBe(400);
    expect(twice.json.error.problems).toEqual([{ field: 'insights[1].id', problem: '"routing_split" is listed twice', fix: 'send each insight once' }]);

    const none = await post(url, '/v1/insights/phrase', body({ insights: [] }));
    expect(none.status).toBe(400);
    expect(none.json.error.problems[0].field).toBe('insights');
    // Nothing reached an engine.
    expect(audit.records).toHaveLength(0);
  });
});
