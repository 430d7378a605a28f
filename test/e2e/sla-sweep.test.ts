// The SLA-risk re-assess sweep: an open linked incident nobody touches keeps the prediction its
// last change got, while its clock runs. The scheduled sweep asks the proxy again for incidents
// untouched for x_seam_bridge.sla_risk.sweep_stale_minutes; a crossing reaches the Case (through
// the outbox) and adds one prediction work note, and later runs add none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, getCase, incidentTriage, startE2E, type E2E } from './helpers.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const snDate = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
// The model reads the opening's hour (night UTC) and weekday: noon on a weekday keeps the swept
// prediction independent of when the suite runs (at 21:00 UTC it stayed medium).
const weekdayNoon = (ms: number): number => {
  const d = new Date(ms);
  d.setUTCHours(12, 0, 0, 0);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  return d.getTime();
};
const predictionNotes = async (sysId: string) => (await e.sn.journal(sysId, 'work_notes')).filter((j) => j.value.startsWith('[Seam prediction — not a measurement]'));
const caseRisk = async (caseId: string) => (await getCase(e.sf, caseId, ['Seam_SLA_Risk__c'])).Seam_SLA_Risk__c as string;

describe('SLA-risk re-assess sweep on the twins', () => {
  it('re-assesses an untouched incident whose clock ran: the Case gets the higher risk, one work note, and a second run changes nothing', async () => {
    const caseId = await createCase(e.sf, incidentTriage);
    await e.sandbox.settle();
    const incident = (await e.sn.incidentForCase(caseId))!;
    expect(incident).toBeDefined();
    // In progress, medium impact, opened just now: the change rule's prediction is below the alert.
    await e.sn.patch('incident', incident.sys_id, { state: '2', impact: '2' }, 'agent');
    await e.sandbox.settle();
    const fresh = await caseRisk(caseId);
    expect(fresh).toMatch(/^\d{1,3}% (low|medium) \(predicted\)$/);
    expect(await predictionNotes(incident.sys_id)).toHaveLength(0);

    // Time passes (the twin's clock cannot be moved, so the incident's opening is moved back twenty
    // days): opened_at is no field the change rule watches, so nobody re-assesses it.
    await e.sn.patch('incident', incident.sys_id, { opened_at: snDate(weekdayNoon(Date.now() - 20 * 86400e3)) }, 'admin');
    await e.sandbox.settle();
    expect(await caseRisk(caseId)).toBe(fresh);
    const calls = async () => (await e.sn.query('x_seam_bridge_audit', 'operation=/v1/sla-risk')).length;
    const before = await calls();

    // The sweep's window: every incident untouched since now (the shipped default is 60 minutes).
    expect((await e.sn.call('PATCH', '/twin/properties', { 'x_seam_bridge.sla_risk.sweep_stale_minutes': '0' })).status).toBe(200);
    await e.sandbox.settle();
    const swept = await caseRisk(caseId);
    expect(Number.parseInt(swept, 10)).toBeGreaterThan(Number.parseInt(fresh, 10));
    expect((await e.sn.query('incident', `sys_id=${incident.sys_id}`))[0]!.x_seam_bridge_sla_risk).toBe(swept);
    expect(await calls()).toBeGreaterThan(before);
    const status = (await e.sn.query('x_seam_bridge_ops_state', 'name=sla_risk_sweep'))[0]!;
    expect(status.status).toBe('ok');
    expect(JSON.parse(status.value).checked).toBeGreaterThanOrEqual(1);
    expect(swept).toMatch(/^\d{1,3}% high \(predicted\)$/);
    const notes = await predictionNotes(incident.sys_id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.value).toContain(`${incident.number} is predicted to miss its SLA`);

    // More runs: the same prediction, no second note, the Case unchanged.
    await e.sandbox.settle();
    expect(await predictionNotes(incident.sys_id)).toHaveLength(1);
    expect(await caseRisk(caseId)).toBe(swept);
  });
});
