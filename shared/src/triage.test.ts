import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_TRIAGE_POLICY, INCIDENT_CATEGORIES, decideTriage, parseTriagePolicy, triageCategoryToIncidentCategory } from './triage';
import { TRIAGE_CATEGORIES } from './schemas';
import type { TriagePolicy } from './triage';

const policy: TriagePolicy = { autoCreateAbove: 0.8, reviewBelow: 0.5, approvalPriorities: [1, 2] };

describe('parseTriagePolicy', () => {
  it('accepts a valid policy', () => {
    expect(parseTriagePolicy({ autoCreateAbove: 0.9, reviewBelow: 0.4, approvalPriorities: [1] })).toEqual({
      ok: true,
      value: { autoCreateAbove: 0.9, reviewBelow: 0.4, approvalPriorities: [1] },
    });
    expect(parseTriagePolicy(DEFAULT_TRIAGE_POLICY).ok).toBe(true);
  });

  it('names every bad field and the fix', () => {
    const r = parseTriagePolicy({ autoCreateAbove: 1.5, reviewBelow: '0.2', approvalPriorities: [1, 7], extra: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => p.field)).toEqual([
      'triagePolicy.autoCreateAbove',
      'triagePolicy.reviewBelow',
      'triagePolicy.approvalPriorities[1]',
      'triagePolicy.extra',
    ]);
    expect(r.error[0].fix).toContain('between 0 and 1');
  });

  it('requires reviewBelow ≤ autoCreateAbove and a list of priorities', () => {
    const r = parseTriagePolicy({ autoCreateAbove: 0.3, reviewBelow: 0.6, approvalPriorities: 'none' });
    expect(!r.ok && r.error.map((p) => p.field)).toEqual(['triagePolicy.reviewBelow', 'triagePolicy.approvalPriorities']);
    expect(parseTriagePolicy(null).ok).toBe(false);
    expect(parseTriagePolicy([]).ok).toBe(false);
  });
});

describe('decideTriage', () => {
  it('creates an incident only for a confident, non-high-priority transfer', () => {
    expect(decideTriage({ route: 'servicenow', priority: 3, confidence: 0.9 }, policy).action).toBe('create_incident');
    expect(decideTriage({ route: 'servicenow', priority: 3, confidence: 0.8 }, policy).action).toBe('review');
    expect(decideTriage({ route: 'servicenow', priority: 3, confidence: 0.6 }, policy).action).toBe('review');
  });

  it('always asks approval for high priorities', () => {
    const d = decideTriage({ route: 'servicenow', priority: 1, confidence: 0.99 }, policy);
    expect(d.action).toBe('approval_required');
    expect(d.reason).toContain('priority 1');
  });

  it('keeps in Salesforce, reviews low confidence and model doubt', () => {
    expect(decideTriage({ route: 'salesforce', priority: 4, confidence: 0.7 }, policy).action).toBe('keep_in_salesforce');
    expect(decideTriage({ route: 'salesforce', priority: 4, confidence: 0.2 }, policy).action).toBe('review');
    expect(decideTriage({ route: 'review', priority: 4, confidence: 0.99 }, policy).action).toBe('review');
    expect(decideTriage({ route: 'servicenow', priority: 1, confidence: Number.NaN }, policy).action).toBe('review');
  });

  it('never creates an incident below the threshold nor for an approval priority (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('servicenow' as const, 'salesforce' as const, 'review' as const),
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.subarray([1, 2, 3, 4, 5]),
        (route, priority, confidence, t1, t2, approvalPriorities) => {
          const p = { autoCreateAbove: Math.max(t1, t2), reviewBelow: Math.min(t1, t2), approvalPriorities };
          const d = decideTriage({ route, priority, confidence }, p);
          if (d.action === 'create_incident') {
            expect(route).toBe('servicenow');
            expect(confidence).toBeGreaterThan(p.autoCreateAbove);
            expect(approvalPriorities).not.toContain(priority);
          }
          if (confidence < p.reviewBelow) expect(d.action).toBe('review');
          expect(d.reason.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('triageCategoryToIncidentCategory', () => {
  it('maps every triage category to an out-of-box incident category, without a problem', () => {
    for (const c of TRIAGE_CATEGORIES) {
      const m = triageCategoryToIncidentCategory(c);
      expect(INCIDENT_CATEGORIES, c).toContain(m.category);
      expect(m.problem, c).toBeUndefined();
    }
  });

  it('files what is broken under its kind and what is asked under inquiry', () => {
    expect(triageCategoryToIncidentCategory('outage').category).toBe('software');
    expect(triageCategoryToIncidentCategory('defect').category).toBe('software');
    expect(triageCategoryToIncidentCategory('data_request').category).toBe('database');
    expect(triageCategoryToIncidentCategory('access').category).toBe('inquiry');
    expect(triageCategoryToIncidentCategory('how_to').category).toBe('inquiry');
  });

  it('defaults anything else to inquiry and reports it, naming the field and the known categories', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined)), (v) => {
        fc.pre(!(TRIAGE_CATEGORIES as readonly unknown[]).includes(v));
        const m = triageCategoryToIncidentCategory(v, 'result.category');
        expect(m.category).toBe('inquiry');
        expect(m.problem?.field).toBe('result.category');
        expect(m.problem?.fix).toContain('data_request');
      }),
    );
  });
});
