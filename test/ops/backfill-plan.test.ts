// The backfill's pure pieces: pairing by key only, conflicts left to a person, owned fields in the
// owner's direction, compared as the receiver stores them; and the progress output.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM without declarations
import { caseIncidentRef, incidentCaseRef, planPair, sameStored, SYNCED } from '../../scripts/lib/backfill/plan.mjs';
// @ts-expect-error plain ESM without declarations
import { progressReporter } from '../../scripts/lib/backfill/progress.mjs';

const CASE = '500000000000001AAA';
const SYS = 'a'.repeat(32);
const inc = (over: Record<string, string> = {}) => ({ sys_id: SYS, number: 'INC0010001', active: 'true', sys_mod_count: '3', state: '2', hold_reason: '', priority: '3', x_seam_bridge_sf_case_id: CASE, x_seam_bridge_correlation_id: '', ...over });
const cs = (over: Record<string, unknown> = {}) => ({ Id: CASE, CaseNumber: '00001001', IsClosed: false, Status: 'New', Priority: 'High', Subject: 'Printer', Seam_Incident_Sys_Id__c: null, Seam_Correlation_Id__c: null, ...over });
const NOW = '2026-11-23 12:00:00';

describe('planPair', () => {
  it('copies owned fields in the owner direction and fills the missing keys', () => {
    const p = planPair(inc(), cs(), null, NOW);
    expect(p.status).toBe('link');
    expect(p.caseUpdates).toMatchObject({ Status: 'Working', Seam_Incident_Sys_Id__c: SYS, Seam_Correlation_Id__c: `SNOW-INC0010001|SFDC-${CASE}` });
    expect(p.incidentUpdates).toMatchObject({ urgency: 1, short_description: 'Printer', x_seam_bridge_correlation_id: `SNOW-INC0010001|SFDC-${CASE}` });
    // ServiceNow-owned fields are never written to ServiceNow (except forming its missing correlation
    // id, on its owner's side), Salesforce-owned never to Salesforce.
    for (const m of SYNCED) {
      if (m.owner === 'servicenow' && m.key !== 'correlationId') expect(Object.keys(p.incidentUpdates)).not.toContain(m.servicenow.field);
      if (m.owner === 'salesforce') expect(Object.keys(p.caseUpdates)).not.toContain(m.salesforce.field);
    }
    const state = JSON.parse(p.linkValues.state);
    expect(state.snapshot.state).toBe('Working');
    expect(state.snapshot.urgency).toBe(1);
  });

  it('gives the Case and the link the priority the platform derives when the backfill writes urgency', () => {
    // Case High → urgency 1; with impact 2 the platform's priority lookup makes the incident P2 (High).
    const p = planPair(inc({ urgency: '2', impact: '2', priority: '3' }), cs(), null, NOW);
    expect(p.incidentUpdates).toMatchObject({ urgency: 1 });
    expect(p.caseUpdates).toMatchObject({ Seam_Incident_Priority__c: 'High' });
    expect(JSON.parse(p.linkValues.state).snapshot.incidentPriority).toBe('High');
    // Without an urgency write nothing is derived: the incident's own priority is copied.
    expect(planPair(inc({ urgency: '1', impact: '3', priority: '3' }), cs(), null, NOW).caseUpdates).toMatchObject({ Seam_Incident_Priority__c: 'Medium' });
  });

  it('leaves contradicting keys, closed Cases and inactive incidents alone', () => {
    expect(planPair(inc(), cs({ Seam_Incident_Sys_Id__c: 'b'.repeat(32) }), null, NOW)).toMatchObject({ status: 'conflict' });
    expect(planPair(inc({ x_seam_bridge_correlation_id: `SNOW-INC0099999|SFDC-${CASE}` }), cs(), null, NOW)).toMatchObject({ status: 'conflict' });
    expect(planPair(inc(), cs(), { sys_id: 'l', incident: 'c'.repeat(32) }, NOW)).toMatchObject({ status: 'conflict' });
    expect(planPair(inc(), cs({ IsClosed: true }), null, NOW)).toMatchObject({ status: 'skip' });
    expect(planPair(inc({ active: 'false' }), cs(), null, NOW)).toMatchObject({ status: 'skip' });
  });

  it('a pair already in sync with a good link needs nothing', () => {
    const first = planPair(inc(), cs(), null, NOW);
    const second = planPair({ ...inc(), ...first.incidentUpdates, urgency: '1' } as Record<string, string>, { ...cs(), ...first.caseUpdates }, { sys_id: 'l', incident: SYS, state: first.linkValues.state }, NOW);
    expect(second).toMatchObject({ status: 'linked', caseUpdates: {}, incidentUpdates: {}, linkValues: null });
  });

  it('keys come only from key fields and correlation ids', () => {
    expect(incidentCaseRef({ x_seam_bridge_sf_case_id: '', x_seam_bridge_correlation_id: `SNOW-INC0010001|SFDC-${CASE}` })).toBe(CASE);
    expect(incidentCaseRef({ x_seam_bridge_sf_case_id: '', x_seam_bridge_correlation_id: '', short_description: CASE })).toBeNull();
    expect(caseIncidentRef({ Seam_Incident_Sys_Id__c: SYS })).toEqual({ sysId: SYS });
    expect(caseIncidentRef({ Seam_Correlation_Id__c: `SNOW-INC0010001|SFDC-${CASE}` })).toEqual({ number: 'INC0010001' });
    expect(caseIncidentRef({ Subject: 'INC0010001' })).toBeNull();
  });

  it('compares as the receiver stores: instants, numbers, empty', () => {
    const dt = { transform: 'dateTime' };
    expect(sameStored(dt, '2026-01-31T09:30:00.000+0000', '2026-01-31T09:30:00Z')).toBe(true);
    expect(sameStored(dt, '2026-01-31 09:30:00', '2026-01-31T09:30:01Z')).toBe(false);
    expect(sameStored({ transform: 'identity' }, '1200.00', 1200)).toBe(true);
    expect(sameStored({ transform: 'identity' }, null, '')).toBe(true);
  });
});

describe('progressReporter', () => {
  const sink = (isTTY: boolean) => ({ isTTY, text: '', write(s: string) { this.text += s; return true; } });
  it('draws a bar on a TTY and plain lines elsewhere', () => {
    const tty = sink(true);
    const bar = progressReporter({ stream: tty });
    bar.update({ phase: 'incidents', done: 50, total: 200, linked: 40, updated: 10 });
    bar.end();
    expect(tty.text).toMatch(/^\rincidents \[#{8}\.{22}\]  25% 50\/200/);
    const pipe = sink(false);
    const lines = progressReporter({ stream: pipe });
    lines.update({ phase: 'incidents', done: 50, total: 200, linked: 40, updated: 10 });
    lines.update({ phase: 'incidents', done: 50, total: 200, linked: 40, updated: 10 });
    expect(pipe.text).toBe('progress phase=incidents done=50 total=200 linked=40 updated=10\n');
  });
});
