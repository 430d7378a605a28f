import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_TRIAGE_POLICY, decideTriage, parseTriagePolicy } from './triage';
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
