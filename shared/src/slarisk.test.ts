import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideSlaAlert, formatSlaRisk, nextSlaSweepCursor, SLA_RISK_REARM_MARGIN, slaRiskRequestFor, slaRiskView, slaRiskWorkNote, slaSweepAsOf, slaSweepIdempotencyKey, slaSweepQuery } from './slarisk';
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

describe('the re-assess sweep', () => {
  const now = Date.UTC(2026, 11, 2, 18, 40, 37, 250);

  it('assesses as of the run\'s minute, with a key per incident version and minute', () => {
    expect(slaSweepAsOf(now)).toBe(Date.UTC(2026, 11, 2, 18, 40));
    const sysId = 'a'.repeat(32);
    expect(slaSweepIdempotencyKey(sysId, 4, now)).toBe(`servicenow:${sysId}:4:sla-risk@2026-12-02T18:40:00Z`);
    // A replay within the minute is the same request; the next minute, or a new version, is a new one.
    expect(slaSweepIdempotencyKey(sysId, 4, now + 20_000)).toBe(slaSweepIdempotencyKey(sysId, 4, now));
    expect(slaSweepIdempotencyKey(sysId, 4, now + 30_000)).not.toBe(slaSweepIdempotencyKey(sysId, 4, now));
    expect(slaSweepIdempotencyKey(sysId, 5, now)).not.toBe(slaSweepIdempotencyKey(sysId, 4, now));
    expect(slaSweepIdempotencyKey(sysId, 4, now).length).toBeLessThanOrEqual(128);
  });

  it('selects open linked incidents untouched for the stale window, from the cursor on', () => {
    expect(slaSweepQuery(now, 60, '')).toBe('x_seam_bridge_sf_case_idISNOTEMPTY^stateIN1,2,3^sys_updated_on<=2026-12-02 17:40:37');
    expect(slaSweepQuery(now, 0, '2026-12-01 08:00:00')).toBe('x_seam_bridge_sf_case_idISNOTEMPTY^stateIN1,2,3^sys_updated_on<=2026-12-02 18:40:37^sys_updated_on>=2026-12-01 08:00:00');
  });

  it('continues after a full batch, starts over after a short one, and always moves on', () => {
    expect(nextSlaSweepCursor(['2026-12-01 08:00:00', '2026-12-01 09:00:00'], 3)).toBe('');
    expect(nextSlaSweepCursor([], 3)).toBe('');
    expect(nextSlaSweepCursor(['2026-12-01 08:00:00', '2026-12-01 09:00:00'], 2)).toBe('2026-12-01 09:00:00');
    expect(nextSlaSweepCursor(['2026-12-01 09:00:00', '2026-12-01 09:00:00'], 2)).toBe('2026-12-01 09:00:01');
  });

  it('property: a sweep over any rows, any batch size, visits every row before it starts over', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (seconds, limit) => {
        const stamp = (s: number) => `2026-12-01 08:00:${String(s).padStart(2, '0')}`;
        const rows = seconds.map((s, i) => ({ id: i, on: stamp(s) })).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.id - b.id));
        const seen = new Set<number>();
        let cursor = '';
        for (let run = 0; run < 200; run++) {
          const batch = rows.filter((r) => !cursor || r.on >= cursor).slice(0, limit);
          for (const r of batch) seen.add(r.id);
          cursor = nextSlaSweepCursor(batch.map((r) => r.on), limit);
          if (!cursor) break;
        }
        // Rows sharing one second beyond a batch's size are the documented exception (the cursor steps past that second).
        const perSecond = new Map<string, number>();
        for (const r of rows) perSecond.set(r.on, (perSecond.get(r.on) ?? 0) + 1);
        const crowded = new Set([...perSecond].filter(([, n]) => n > limit).map(([on]) => on));
        expect(rows.filter((r) => !crowded.has(r.on) && !seen.has(r.id))).toEqual([]);
        expect(cursor).toBe('');
      }),
    );
  });
});
