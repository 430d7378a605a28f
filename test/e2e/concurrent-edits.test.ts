// Scenario 6: both sides edit the same linked record before either change has synced. Each field
// ends with its owner's value on both sides (shared/src/ownership.ts), and the sync stops by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, eventsForCase, getCase, incidentTriage, startE2E, type E2E } from './helpers.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

describe('scenario 6: concurrent edits on both sides', () => {
  it('owners win on both sides and the writes stop (no ping-pong)', async () => {
    const caseId = await createCase(e.sf, incidentTriage);
    await e.sandbox.settle();
    const incident = (await e.sn.incidentForCase(caseId))!;
    const eventsBefore = eventsForCase(e.sandbox, caseId).length;
    const deliveriesBefore = e.sandbox.delivered.filter((d) => d.path === '/cases').length;

    // ServiceNow: the agent takes the incident (state: ServiceNow's) and rewrites the summary
    // (short_description: Salesforce's Subject). Its outbound change waits for the drain job.
    await e.sn.patch('incident', incident.sys_id, { state: '2', short_description: 'Agent rewrote the summary' }, 'agent');
    // Salesforce, before that change arrives: the agent edits the Subject (Salesforce's) and the
    // Status (ServiceNow's) of the same case.
    await e.sf.sobject('Case').update({ Id: caseId, Subject: 'Login error for all EU users', Status: 'Escalated' });
    await e.sandbox.settle();

    const c = await getCase(e.sf, caseId, ['Subject', 'Status', 'Seam_Incident_State__c']);
    const inc = (await e.sn.incidentForCase(caseId))!;
    expect(c.Subject).toBe('Login error for all EU users');
    expect(inc.short_description).toBe('Login error for all EU users');
    expect(inc.state).toBe('2');
    expect(c.Status).toBe('Working');
    expect(c.Seam_Incident_State__c).toBe('In Progress');

    // Bounded: one case message for the Subject, at most one incident update for the state,
    // and once settled, nothing more moves however long we wait.
    const events = eventsForCase(e.sandbox, caseId).length - eventsBefore;
    const deliveries = e.sandbox.delivered.filter((d) => d.path === '/cases').length - deliveriesBefore;
    expect(deliveries).toBe(1);
    expect(events).toBeGreaterThanOrEqual(1);
    expect(events).toBeLessThanOrEqual(2);
    const again = await e.sandbox.settle();
    expect(again).toMatchObject({ quiet: true, dispatched: 0, comments: 0 });
    expect(eventsForCase(e.sandbox, caseId).length - eventsBefore).toBe(events);
    const outbox = await e.sn.query('x_seam_bridge_outbox', `incident=${incident.sys_id}`);
    expect(outbox.filter((r) => r.status !== 'sent')).toEqual([]);
  });
});
