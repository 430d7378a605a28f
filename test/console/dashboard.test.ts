// The console's insights through the real proxy (proxy/dist) and an OpenAI-compatible stub: the
// model's sentences are shown only where they keep the computed numbers; an invented number, or
// a proxy that fails, leaves the computed sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDashboard } from './dashboard.js';

const REPO = new URL('../../', import.meta.url).pathname;
const SECRET = 'c'.repeat(40);
const NOW = Date.parse('2026-12-01T12:00:00Z');

// Two open high-priority cases, one waiting on an open incident (50%); the split: 2 of 3 to ServiceNow.
const CASES = [
  { Id: '5001', Priority: 'High', IsClosed: false, Seam_Triage_Route__c: 'servicenow', Seam_Incident_Number__c: 'INC0000001', Seam_CI__c: 'sap-erp-02' },
  { Id: '5002', Priority: 'High', IsClosed: false, Seam_Triage_Route__c: 'kept_in_salesforce', Seam_Incident_Number__c: null, Seam_CI__c: null },
  { Id: '5003', Priority: 'Low', IsClosed: true, Seam_Triage_Route__c: 'servicenow', Seam_Incident_Number__c: 'INC0000002', Seam_CI__c: null },
];
const INCIDENTS = [
  { number: { value: 'INC0000001' }, x_seam_bridge_sf_case_id: { value: '5001' }, state: { value: '2' }, assignment_group: { display_value: 'Network', value: 'g1' }, sys_updated_on: { value: '2026-12-01 11:00:00' } },
  { number: { value: 'INC0000002' }, x_seam_bridge_sf_case_id: { value: '5003' }, state: { value: '6' }, assignment_group: { display_value: 'Email', value: 'g2' }, sys_updated_on: { value: '2026-11-30 11:00:00' } },
];
const servicenow = { list: async () => INCIDENTS } as any;
const salesforce = { query: async () => CASES } as any;

let llmContent = '';
let llm: Server;
let proxy: { listen(port: number, host: string): Promise<{ url: string }>; close(): Promise<void> };
let proxyUrl = '';

beforeAll(async () => {
  llm = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'c', object: 'chat.completion', created: 0, model: 'stub', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: llmContent, refusal: null } }], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } }));
    });
  });
  await new Promise<void>((r) => llm.listen(0, '127.0.0.1', () => r()));
  const mod = await import(pathToFileURL(join(REPO, 'proxy/dist/index.js')).href);
  const config = mod.loadConfig({
    SEAM_PROXY_CLIENT_SECRETS: `servicenow=${SECRET}`,
    SEAM_PROXY_AUDIT_LOG: 'off',
    SEAM_PROXY_MODEL_DIR: join(REPO, 'proxy/dist/model'),
    SEAM_KNOWLEDGE_BACKEND: 'off',
    SEAM_PROXY_LLM_BASE_URL: `http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1`,
    SEAM_PROXY_LLM_MODEL: 'stub',
    SEAM_PROXY_LLM_API_KEY: 'k',
    SEAM_PROXY_LLM_MAX_RETRIES: '0',
  });
  proxy = mod.createProxyServer(config);
  ({ url: proxyUrl } = await proxy.listen(0, '127.0.0.1'));
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await new Promise((r) => llm.close(r));
});

describe('console insights through POST /v1/insights/phrase', () => {
  it('shows the model\'s sentence where its numbers match the computed one, and the computed sentence (with why) where they do not', async () => {
    const dashboard = createDashboard(servicenow, salesforce, { url: proxyUrl, secret: SECRET });
    const plain = await createDashboard(servicenow, salesforce).insights({ nowMs: NOW });
    const template = Object.fromEntries(plain.insights.map((i: any) => [i.id, i.text]));
    expect(template['high_priority_waiting_on_servicenow']).toBe('50% of open high-priority cases (1 of 2) are waiting on an open ServiceNow incident.');
    llmContent = JSON.stringify({
      sentences: [
        { id: 'high_priority_waiting_on_servicenow', text: 'Open high-priority cases: 1 of 2 (50%) wait on an open ServiceNow incident.' },
        // Invented: the data says 67% went to ServiceNow.
        { id: 'routing_split', text: 'Of 3 triaged cases, 70% went to ServiceNow, 33% stayed in Salesforce, 0% went to a person.' },
      ],
    });
    const r = await dashboard.insights({ nowMs: NOW });
    expect(r.phrasing).toEqual({ engine: 'llm' });
    const byId = Object.fromEntries(r.insights.map((i: any) => [i.id, i]));
    expect(byId['high_priority_waiting_on_servicenow']).toMatchObject({ text: 'Open high-priority cases: 1 of 2 (50%) wait on an open ServiceNow incident.', phrasedBy: 'llm', template: template['high_priority_waiting_on_servicenow'] });
    expect(byId['routing_split']).toMatchObject({ text: template['routing_split'], phrasedBy: 'template' });
    expect(byId['routing_split'].fallbackReason).toMatch(/adds 70%; drops 67%/);
    // The counts and the queries are the data's whatever the wording.
    expect(byId['routing_split'].counts).toEqual({ kept_in_salesforce: 1, servicenow: 2 });
  });

  it('a proxy that refuses the call leaves the computed sentences and says what failed', async () => {
    const dashboard = createDashboard(servicenow, salesforce, { url: proxyUrl, secret: 'wrong-secret-wrong-secret' });
    const r = await dashboard.insights({ nowMs: NOW });
    expect(r.phrasing.engine).toBe('none');
    expect(r.phrasing.phrasingError).toMatch(/HTTP 401/);
    for (const i of r.insights) expect([i.phrasedBy, i.text]).toEqual(['template', i.template]);
  });
});
