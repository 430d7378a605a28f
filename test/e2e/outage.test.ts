// Scenario 7: Salesforce is unavailable for a while. ServiceNow's outbox retries with backoff, then
// dead-letters; once Salesforce is back an admin replays the dead letters and both sides converge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseComments, createCase, getCase, incidentTriage, startE2E, type E2E, type Row } from './helpers.js';

// Small numbers so the outage plays out in seconds: 3 attempts, 1 s then 2 s apart (± jitter).
const MAX_ATTEMPTS = 3;
let e: E2E;
beforeAll(async () => {
  // SLA risk off: its prediction is a second ServiceNow write to the same incident, which (by design)
  // waits behind the first update's dead letter, so "every row dead-lettered" would depend on whether
  // it was created before or after that dead letter (e2e/sla-risk.test.ts covers the prediction).
  e = await startE2E({ 'x_seam_bridge.outbox.max_attempts': String(MAX_ATTEMPTS), 'x_seam_bridge.outbox.backoff_base_seconds': '1', 'x_seam_bridge.outbox.backoff_max_seconds': '2', 'x_seam_bridge.sla_risk.enabled': 'false' });
});
afterAll(async () => { await e?.close(); });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('scenario 7: Salesforce down for a while', () => {
  it('retries, dead-letters, and converges after a replay', async () => {
    const caseId = await createCase(e.sf, incidentTriage);
    await e.sandbox.settle();
    const incident = (await e.sn.incidentForCase(caseId))!;
    const comment = 'We are rolling back the identity provider change now.';

    // Salesforce answers 503 to everything, the token endpoint included.
    e.sandbox.salesforce.faults.next({ status: 503, times: Infinity });
    await e.sn.patch('incident', incident.sys_id, { state: '3', hold_reason: '1', comments: comment }, 'agent');

    // Drive the drain job until every message for this incident is a dead letter (bounded wait).
    let rows: Row[] = [];
    const seenAttempts = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await e.sandbox.settle({ maxRounds: 3 });
      rows = await e.sn.query('x_seam_bridge_outbox', `incident=${incident.sys_id}^status!=sent`);
      for (const r of rows) seenAttempts.add(`${r.sys_id}:${r.attempts}:${r.status}`);
      if (rows.length > 0 && rows.every((r) => r.status === 'dead_letter')) break;
      await sleep(400);
    }
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'dead_letter')).toBe(true);
    for (const r of rows) {
      expect(Number(r.attempts)).toBe(MAX_ATTEMPTS);
      expect(r.last_error).toMatch(/503|SERVER_UNAVAILABLE/);
    }
    // It was retried (status failed with a growing attempt count) before it was dead-lettered.
    expect([...seenAttempts].some((s) => s.endsWith(':failed'))).toBe(true);
    // Nothing reached the case meanwhile.
    e.sandbox.salesforce.faults.clear();
    expect((await getCase(e.sf, caseId, ['Status'])).Status).toBe('New');
    expect((await caseComments(e.sf, caseId)).some((c) => c.CommentBody.includes(comment))).toBe(false);

    // Salesforce is back; the admin replays the dead letters (what "Replay" writes).
    for (const r of rows) await e.sn.patch('x_seam_bridge_outbox', r.sys_id, { status: 'pending', attempts: '0', next_attempt_at: '', last_error: '' });
    await e.sandbox.settle();
    expect(await e.sn.query('x_seam_bridge_outbox', `incident=${incident.sys_id}^status!=sent`)).toEqual([]);
    const c = await getCase(e.sf, caseId, ['Status', 'Seam_Incident_State__c']);
    expect(c.Status).toBe('Waiting on Customer'); // On Hold, awaiting caller
    expect(c.Seam_Incident_State__c).toMatch(/^On Hold/);
    expect((await caseComments(e.sf, caseId)).filter((x) => x.CommentBody.includes(comment))).toHaveLength(1);
  });
});
