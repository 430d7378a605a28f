// SLA-breach risk: a change to a linked incident asks the proxy's model; the prediction reaches the
// Case through the ownership map (Seam_SLA_Risk__c) and, above the threshold, one work note
// labelled as a prediction is added — once per crossing, not on every update.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, getCase, incidentTriage, startE2E, type E2E } from './helpers.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

const snDate = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const predictionNotes = async (sysId: string) => (await e.sn.journal(sysId, 'work_notes')).filter((j) => j.value.startsWith('[Seam prediction — not a measurement]'));

describe('SLA-breach risk on the twins', () => {
  it('a stuck incident gets a high predicted risk on the Case and one prediction work note', async () => {
    const caseId = await createCase(e.sf, incidentTriage);
    await e.sandbox.settle();
    const incident = (await e.sn.incidentForCase(caseId))!;
    expect(incident).toBeDefined();

    // Fresh and in progress: a prediction is written, below the alert.
    await e.sn.patch('incident', incident.sys_id, { state: '2' }, 'agent');
    await e.sandbox.settle();
    const fresh = (await getCase(e.sf, caseId, ['Seam_SLA_Risk__c'])).Seam_SLA_Risk__c as string;
    expect(fresh).toMatch(/^\d{1,3}% (low|medium|high) \(predicted\)$/);

    // Open for four days, high impact (priority 2), on hold: the model's risk crosses the threshold.
    // (The twin has no reassignment_count field, which the platform maintains; the model reads 0.)
    await e.sn.patch('incident', incident.sys_id, { opened_at: snDate(Date.now() - 4 * 86400e3) }, 'admin');
    await e.sn.patch('incident', incident.sys_id, { state: '3', hold_reason: '1', impact: '1' }, 'agent');
    await e.sandbox.settle();
    const high = (await getCase(e.sf, caseId, ['Seam_SLA_Risk__c'])).Seam_SLA_Risk__c as string;
    expect(high).toMatch(/^\d{1,3}% high \(predicted\)$/);
    expect(Number.parseInt(high, 10)).toBeGreaterThan(Number.parseInt(fresh, 10));
    expect((await e.sn.query('incident', `sys_id=${incident.sys_id}`))[0]!.x_seam_bridge_sla_risk).toBe(high);
    const notes = await predictionNotes(incident.sys_id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.value).toContain(`${incident.number} is predicted to miss its SLA`);

    // Another change while still high: the Case follows, no second note.
    await e.sn.patch('incident', incident.sys_id, { category: 'network' }, 'agent');
    await e.sandbox.settle();
    expect(await predictionNotes(incident.sys_id)).toHaveLength(1);
    expect((await getCase(e.sf, caseId, ['Seam_SLA_Risk__c'])).Seam_SLA_Risk__c).toMatch(/^\d{1,3}% high \(predicted\)$/);

    // The proxy call is audited like every other cross-system call.
    const audits = await e.sn.query('x_seam_bridge_audit', 'operation=/v1/sla-risk');
    expect(audits.length).toBeGreaterThanOrEqual(2);
    expect(audits.every((a) => a.result === 'success')).toBe(true);
  });
});
