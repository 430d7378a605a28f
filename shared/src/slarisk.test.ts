import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideSlaAlert, formatSlaRisk, SLA_RISK_REARM_MARGIN, slaRiskRequestFor, slaRiskView, slaRiskWorkNote } from './slarisk';
import { validateSlaRiskRequest } from './validate';

const NOW = Date.UTC(2026, 0, 10, 12);
const IDS = { idempotencyKey: 'servicenow:abc:1:sla-risk', correlationId: 'SNOW-INC0010001' };
const INCIDENT = {
  sys_id: 'a'.repeat(32), number: 'INC0010001', state: '2', priority: '3', urgency: '2', impact: '2', category: 'network',
  reassignment_count: '2', reopen_count: '0', sys_mod_count: '7', opened_at: '2026-01-10 08:00:00',
  // Resolution fields exist on the row but are never part of the request (they are known only later).
  close_code: 'Solved (Permanently)', resolved_at: '2026-01-10 13:00:00',
};

describe('slaRiskRequestFor', () => {
  it('builds a schema-valid request from only what is known now', () => {
    const r = slaRiskRequestFor(INCIDENT, NOW, IDS, 'Network Operations');
    expect(r).toEqual({
      ok: true,
      value: {
        ...IDS, incidentNumber: 'INC0010001', priority: 3, urgency: 2, impact: 2, state: 2, category: 'network', assignmentGroup: 'Network Operations',
        reassignmentCount: 2, reopenCount: 0, updateCount: 7, openedAt: '2026-01-10T08:00:00Z', asOf: '2026-01-10T12:00:00Z',
      },
    });
    if (r.ok) expect(validateSlaRiskRequest(r.value).ok).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/Solved|13:00/);
  });

  it('refuses closed incidents and unreadable values with the field and the fix', () => {
    expect(slaRiskRequestFor({ ...INCIDENT, state: '6' }, NOW, IDS)).toEqual({ ok: false, error: expect.stringMatching(/^not_open: state 6/) });
    expect(slaRiskRequestFor({ ...INCIDENT, opened_at: 'soon' }, NOW, IDS)).toEqual({ ok: false, error: expect.stringMatching(/^incident\.opened_at:/) });
    expect(slaRiskRequestFor({ ...INCIDENT, priority: '' }, NOW, IDS)).toEqual({ ok: false, error: expect.stringMatching(/incident\.priority "" is not 1\.\.5/) });
  });
});

describe('the prediction text', () => {
  it('round-trips through the panel view and says it is a prediction', () => {
    expect(formatSlaRisk(0.724, 'high')).toBe('72% high (predicted)');
    expect(slaRiskView('72% high (predicted)')).toEqual({ percent: 72, band: 'high', text: 'Predicted SLA risk: 72% (high)' });
    expect(slaRiskView('')).toBeNull();
    expect(slaRiskView('72% high')).toBeNull();
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('low', 'medium', 'high' as const), (risk, band) => {
      expect(slaRiskView(formatSlaRisk(risk, band))).toMatchObject({ percent: Math.round(risk * 100), band });
    }));
    expect(slaRiskWorkNote('INC0010001', 0.81, 'high', 0.7, 'm')).toMatch(/^\[Seam prediction — not a measurement\] INC0010001 .*81% \(high\).*70%/);
  });
});

describe('decideSlaAlert', () => {
  it('alerts once per upward crossing, re-arms only below the margin', () => {
    let alerted = false;
    const notes: number[] = [];
    for (const risk of [0.3, 0.72, 0.8, 0.69, 0.75, 0.6, 0.71]) {
      const d = decideSlaAlert(risk, 0.7, alerted);
      if (d.alert) notes.push(risk);
      alerted = d.alerted;
    }
    // 0.69 stays within the margin (no second note at 0.75); 0.6 re-arms, 0.71 alerts again.
    expect(notes).toEqual([0.72, 0.71]);
    expect(SLA_RISK_REARM_MARGIN).toBeGreaterThan(0);
  });

  it('never alerts twice in a row, whatever the sequence', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), (risks) => {
      let alerted = false;
      let last = false;
      for (const r of risks) {
        const d = decideSlaAlert(r, 0.7, alerted);
        if (d.alert) expect(alerted).toBe(false);
        if (d.alert && last) throw new Error('two alerts without re-arming');
        last = d.alert ? true : last && d.alerted;
        alerted = d.alerted;
      }
    }));
  });
});
