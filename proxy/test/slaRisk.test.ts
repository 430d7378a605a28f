/** POST /v1/sla-risk: the same edge as every endpoint (auth, schema, cache, audit), answered by the embedded SLA model only. */
import { afterEach, describe, expect, it } from 'vitest';
import { createProxyServer, MemoryAuditLog, trainDefaultSlaModel, type ProxyServer } from '../src/index.js';
import { llmEnv, post, smallModel, SN_SECRET, testConfig } from './helpers/fixtures.js';

let proxy: ProxyServer | undefined;
afterEach(async () => { await proxy?.close(); proxy = undefined; });

const auth = { authorization: `Bearer ${SN_SECRET}` };
const body = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  idempotencyKey: 'servicenow:0123456789abcdef0123456789abcdef:7:sla-risk', correlationId: 'SNOW-INC0010001',
  incidentNumber: 'INC0010001', priority: 3, urgency: 2, impact: 2, state: 2, category: 'Category 26', assignmentGroup: 'Group 70',
  reassignmentCount: 0, reopenCount: 0, updateCount: 1, openedAt: '2026-01-10T08:00:00Z', asOf: '2026-01-10T08:30:00Z', ...over,
});

async function start(env: Record<string, string> = {}): Promise<{ url: string; audit: MemoryAuditLog }> {
  const audit = new MemoryAuditLog();
  // An LLM that cannot be reached: were sla-risk sent to it, the answer would carry a fallback reason.
  proxy = createProxyServer(testConfig({ ...llmEnv('http://127.0.0.1:9/v1'), ...env }), { triageModel: smallModel(), slaModel: trainDefaultSlaModel(), audit });
  const { url } = await proxy.listen(0, '127.0.0.1');
  return { url, audit };
}

describe('POST /v1/sla-risk', () => {
  it('answers a risk, band and threshold from the embedded model, never the LLM; the risk rises with time open and reassignments', async () => {
    const { url, audit } = await start();
    const fresh = await post(url, '/v1/sla-risk', body(), auth);
    expect(fresh.status).toBe(200);
    expect(fresh.json).toMatchObject({ engine: 'embedded', band: expect.stringMatching(/^(low|medium|high)$/), threshold: expect.any(Number), model: expect.stringContaining('logistic regression') });
    expect(fresh.headers.get('x-seam-fallback-reason')).toBeNull();
    const stale = await post(url, '/v1/sla-risk', body({ idempotencyKey: 'k2', asOf: '2026-01-14T08:30:00Z', reassignmentCount: 4, updateCount: 14, state: 3 }), auth);
    expect(stale.status).toBe(200);
    expect(stale.json.risk).toBeGreaterThan(fresh.json.risk);
    expect(stale.json.band).toBe('high');
    expect(audit.records.filter((r) => r.endpoint === 'sla-risk').map((r) => r.engine)).toEqual(['embedded', 'embedded']);
  });

  it('replays from the idempotency cache and refuses a bad body with the field and the fix', async () => {
    const { url } = await start();
    const first = await post(url, '/v1/sla-risk', body(), auth);
    const again = await post(url, '/v1/sla-risk', body(), auth);
    expect(again.headers.get('x-seam-cache')).toBe('hit');
    expect(again.json).toEqual(first.json);
    const closed = await post(url, '/v1/sla-risk', body({ idempotencyKey: 'k3', state: 6 }), auth);
    expect(closed.status).toBe(400);
    expect(closed.json.error.problems[0]).toMatchObject({ field: 'state' });
    const unauth = await post(url, '/v1/sla-risk', body(), { authorization: 'Bearer nope' });
    expect(unauth.status).toBe(401);
  });
});
