/** The HTTP edge: masking, auth, rate limit, size limit, validation, idempotent replay. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProxyServer, MemoryAuditLog, signRequest, type ProxyServer } from '../src/index.js';
import { startOpenAiStub, type OpenAiStub } from './helpers/openaiStub.js';
import { llmEnv, post, SF_SECRET, smallModel, SN_SECRET, testConfig, triageBody, VALID_TRIAGE_ANSWER } from './helpers/fixtures.js';

let stub: OpenAiStub;
let proxy: ProxyServer;
let url: string;
let audit: MemoryAuditLog;

async function start(env: Record<string, string> = {}, now?: () => number): Promise<void> {
  audit = new MemoryAuditLog();
  proxy = createProxyServer(testConfig(env), { triageModel: smallModel(), audit, ...(now ? { now } : {}), llmDeps: { sleep: async () => undefined } });
  ({ url } = await proxy.listen(0, '127.0.0.1'));
}

beforeAll(async () => { stub = await startOpenAiStub(); });
afterAll(async () => { await stub.close(); });
afterEach(async () => {
  await proxy?.close();
  stub.requests.length = 0;
});

const PII = {
  email: 'jane.doe@example.com',
  phone: '+44 20 7946 0958',
  card: '4111 1111 1111 1111',
  name: 'Jane Doe',
};

describe('PII masking', () => {
  it('sends no e-mail, phone, card number or contact name to the model, and unmasks the answer', async () => {
    await start(llmEnv(stub.baseURL));
    // The model echoes tokens back, as a real one would.
    stub.script({ content: JSON.stringify({ ...VALID_TRIAGE_ANSWER, rationale: 'Contact [NAME_1] at [EMAIL_1] about the VPN.' }) });
    const res = await post(url, '/v1/triage', triageBody({
      subject: `VPN broken for ${PII.email}`,
      description: `Hi, this is ${PII.name}. Call me on ${PII.phone}. I paid with card ${PII.card}. Jane`,
      contactName: PII.name,
    }));
    expect(res.status).toBe(200);
    const sent = JSON.stringify(stub.requests);
    for (const value of [...Object.values(PII), 'Jane', '4111111111111111', '7946']) expect(sent).not.toContain(value);
    expect(sent).toContain('[EMAIL_1]');
    expect(sent).toContain('[NAME_1]');
    expect(res.json.rationale).toBe(`Contact ${PII.name} at ${PII.email} about the VPN.`);
    await proxy.audit.flush();
    const logged = JSON.stringify(audit.records);
    for (const value of Object.values(PII)) expect(logged).not.toContain(value);
    expect(audit.records[0]).toMatchObject({ engine: 'llm', endpoint: 'triage', client: 'servicenow', tokens: { prompt: 100, completion: 20 } });
    expect(audit.records[0]?.maskedPrompt).toContain('[PHONE_1]');
  });

  it('masks thread authors and bodies for summaries, and the embedded engine sees masked text too', async () => {
    await start();
    const res = await post(url, '/v1/summarize', {
      idempotencyKey: 'mask-sum', correlationId: 'c', audience: 'salesforce', subject: 'Refund',
      contactName: 'Oliver Twist',
      entries: [
        { author: 'Oliver Twist', body: `Please refund me. Write to ${PII.email}.`, createdAt: '2026-01-01T10:00:00Z' },
        { author: 'Agent Smith', body: 'Refund issued today. Did it arrive?', createdAt: '2026-01-01T11:00:00Z' },
      ],
    });
    expect(res.json.engine).toBe('embedded');
    expect(res.json.summary).toContain('Agent Smith');
    const logged = JSON.stringify(audit.records);
    expect(logged).not.toContain(PII.email);
    expect(logged).not.toContain('Oliver');
    expect(logged).not.toContain('Agent Smith');
  });
});

describe('authentication', () => {
  it('refuses a missing or wrong bearer token with 401 and a fix', async () => {
    await start();
    const missing = await post(url, '/v1/triage', triageBody(), { authorization: '' });
    expect(missing.status).toBe(401);
    expect(missing.json.error.problems[0].field).toBe('authorization');
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    const wrong = await post(url, '/v1/triage', triageBody(), { authorization: `Bearer ${SN_SECRET}x` });
    expect(wrong.status).toBe(401);
    const right = await post(url, '/v1/triage', triageBody(), { authorization: `Bearer ${SF_SECRET}` });
    expect(right.status).toBe(200);
  });

  it('accepts an HMAC-signed request and refuses a tampered or stale one', async () => {
    await start({ SEAM_PROXY_HMAC: 'required' });
    const body = JSON.stringify(triageBody());
    const ts = Math.floor(Date.now() / 1000);
    const headers = (sig: string, t = ts) => ({ authorization: '', 'x-seam-client': 'salesforce', 'x-seam-timestamp': String(t), 'x-seam-signature': sig });
    expect((await post(url, '/v1/triage', body, headers(signRequest(SF_SECRET, ts, body)))).status).toBe(200);
    expect((await post(url, '/v1/triage', body.replace('VPN', 'VPX'), headers(signRequest(SF_SECRET, ts, body)))).status).toBe(401);
    expect((await post(url, '/v1/triage', body, headers(signRequest(SN_SECRET, ts, body)))).status).toBe(401);
    expect((await post(url, '/v1/triage', body, headers(signRequest(SF_SECRET, ts - 3600, body), ts - 3600))).status).toBe(401);
    // With HMAC required, a bearer token alone is not enough.
    expect((await post(url, '/v1/triage', body)).status).toBe(401);
  });
});

describe('limits', () => {
  it('rate-limits per client with 429 and Retry-After, without affecting the other client', async () => {
    await start({ SEAM_PROXY_RATE_LIMIT_PER_MINUTE: '60', SEAM_PROXY_RATE_LIMIT_BURST: '2' }, () => 1_000_000);
    expect((await post(url, '/v1/triage', triageBody())).status).toBe(200);
    expect((await post(url, '/v1/triage', triageBody())).status).toBe(200);
    const limited = await post(url, '/v1/triage', triageBody());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await post(url, '/v1/triage', triageBody(), { authorization: `Bearer ${SF_SECRET}` })).status).toBe(200);
  });

  it('answers 413 for a body over the limit', async () => {
    await start({ SEAM_PROXY_MAX_BODY_BYTES: '2048' });
    const res = await post(url, '/v1/triage', triageBody({ description: 'x'.repeat(5000) }));
    expect(res.status).toBe(413);
    expect(res.json.error.problems[0].field).toBe('body');
  });

  it('answers 400 naming the field and the fix', async () => {
    await start();
    const res = await post(url, '/v1/triage', triageBody({ caseId: 'not-a-case', customerPriority: 'Urgent' }));
    expect(res.status).toBe(400);
    const fields = res.json.error.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['caseId', 'customerPriority']));
    const prio = res.json.error.problems.find((p: { field: string }) => p.field === 'customerPriority');
    expect(prio.fix).toContain('High');
    const long = await post(url, '/v1/triage', triageBody({ subject: 'x'.repeat(300) }));
    expect(long.json.error.problems[0]).toMatchObject({ field: 'subject', problem: 'is 300 characters, longer than 255' });
    expect(long.json.error.problems[0].value.length).toBeLessThanOrEqual(80);
    const bad = await post(url, '/v1/triage', '{"subject": ');
    expect(bad.status).toBe(400);
    expect(bad.json.error.problems[0].field).toBe('body');
  });

  it('answers 404 for unknown paths and 405 for the wrong method', async () => {
    await start();
    expect((await post(url, '/v1/nothing', {})).status).toBe(404);
    expect((await fetch(`${url}/v1/triage`)).status).toBe(405);
  });
});

describe('idempotent replay', () => {
  it('answers a replay from the cache without a second model call', async () => {
    await start(llmEnv(stub.baseURL));
    stub.script({ content: JSON.stringify(VALID_TRIAGE_ANSWER) });
    const body = triageBody();
    const first = await post(url, '/v1/triage', body);
    const second = await post(url, '/v1/triage', body);
    expect(stub.requests).toHaveLength(1);
    expect(second.json).toEqual(first.json);
    expect(first.headers.get('x-seam-cache')).toBe('miss');
    expect(second.headers.get('x-seam-cache')).toBe('hit');
    expect(proxy.metrics.cacheHits.get({ endpoint: 'triage' })).toBe(1);
    expect(audit.records.map((r) => [r.engine, r.cached, r.tokens.prompt])).toEqual([['llm', false, 100], ['llm', true, 0]]);
  });

  it('makes one model call for concurrent replays of one key', async () => {
    await start(llmEnv(stub.baseURL));
    stub.script({ content: JSON.stringify(VALID_TRIAGE_ANSWER), delayMs: 50 });
    const body = triageBody();
    const answers = await Promise.all([post(url, '/v1/triage', body), post(url, '/v1/triage', body), post(url, '/v1/triage', body)]);
    expect(stub.requests).toHaveLength(1);
    expect(answers.every((a) => a.json.engine === 'llm')).toBe(true);
  });

  it('treats the same content in another key order as the same request', async () => {
    await start(llmEnv(stub.baseURL));
    stub.script({ content: JSON.stringify(VALID_TRIAGE_ANSWER) });
    const body = triageBody();
    await post(url, '/v1/triage', body);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await post(url, '/v1/triage', JSON.stringify(reordered, null, 2));
    expect(again.status).toBe(200);
    expect(again.headers.get('x-seam-cache')).toBe('hit');
    expect(stub.requests).toHaveLength(1);
  });

  it('refuses a reused key with a different body (409), and keys are per client', async () => {
    await start(llmEnv(stub.baseURL));
    stub.script({ content: JSON.stringify(VALID_TRIAGE_ANSWER) });
    const body = triageBody();
    await post(url, '/v1/triage', body);
    const conflict = await post(url, '/v1/triage', { ...body, subject: 'something else' });
    expect(conflict.status).toBe(409);
    expect(conflict.json.error.problems[0].field).toBe('idempotencyKey');
    await post(url, '/v1/triage', body, { authorization: `Bearer ${SF_SECRET}` });
    expect(stub.requests).toHaveLength(2);
  });
});

describe('health and metrics', () => {
  it('reports the engines on /healthz and request counts on /metrics', async () => {
    await start();
    const health = await (await fetch(`${url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', engines: { embedded: { model: 'test sample' }, llm: { configured: false } } });
    await post(url, '/v1/triage', triageBody(), { authorization: 'Bearer nope' });
    await post(url, '/v1/triage', triageBody());
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toContain('seam_proxy_requests_total{endpoint="triage",engine="embedded",status="200"} 1');
    expect(text).toContain('seam_proxy_rejected_total{reason="unauthenticated"} 1');
    expect(text).toMatch(/seam_proxy_request_duration_seconds_count\{endpoint="triage"\} 2/);
  });

  it('shows the triage confidence distribution per route class, replays not counted twice', async () => {
    await start();
    const it1 = triageBody();
    const a = await post(url, '/v1/triage', it1);
    await post(url, '/v1/triage', it1); // a replay from the cache
    const b = await post(url, '/v1/triage', triageBody({ subject: 'My card was charged twice', description: 'I see two payments for one purchase on my card statement, please refund one.' }));
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toContain('# TYPE seam_proxy_triage_confidence histogram');
    for (const r of [a.json, b.json]) {
      const le = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99].find((x) => r.confidence <= x);
      const n = [a.json, b.json].filter((o) => o.route === r.route).length;
      expect(text).toContain(`seam_proxy_triage_confidence_count{engine="embedded",route="${r.route}"} ${n}`);
      if (le !== undefined) expect(text).toMatch(new RegExp(`seam_proxy_triage_confidence_bucket\\{engine="embedded",le="${le}",route="${r.route}"\\} [1-9]`));
    }
  });
});
