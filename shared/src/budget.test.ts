import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_BUDGET_POLICY, budgetFor, budgetMode, parseBudgetPolicy, parseLimitInfo, usageDay } from './budget';
import type { BudgetPolicy } from './budget';

const policy: BudgetPolicy = { slowAt: 0.8, stopAt: 0.95, slowCallsPerRun: 1 };

describe('parseLimitInfo', () => {
  it('reads api-usage=N/M, also among other entries and with spaces', () => {
    expect(parseLimitInfo('api-usage=18/15000')).toEqual({ used: 18, max: 15000 });
    expect(parseLimitInfo('per-app-api-usage=2/100(appName=x), api-usage = 7 / 100')).toEqual({ used: 7, max: 100 });
  });
  it('answers null for an absent or malformed header and a zero maximum', () => {
    for (const h of [undefined, null, '', 'api-usage=', 'api-usage=5', 'api-usage=a/b', 'api-usage=3/0']) expect(parseLimitInfo(h)).toBeNull();
  });
});

describe('parseBudgetPolicy', () => {
  it('accepts shares as numbers or text', () => {
    expect(parseBudgetPolicy({ slowAt: '0.7', stopAt: 0.9, slowCallsPerRun: '2' })).toEqual({ ok: true, value: { slowAt: 0.7, stopAt: 0.9, slowCallsPerRun: 2 } });
    expect(parseBudgetPolicy({ slowAt: 0.8, stopAt: 0.95 })).toEqual({ ok: true, value: DEFAULT_BUDGET_POLICY });
  });
  it('names each bad field and the fix', () => {
    const r = parseBudgetPolicy({ slowAt: 1.5, stopAt: 'x', slowCallsPerRun: -1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => p.field)).toEqual(['budget.slowAt', 'budget.stopAt', 'budget.slowCallsPerRun']);
    expect(r.error[0].fix).toContain('0.8');
  });
  it('refuses slowing after stopping', () => {
    const r = parseBudgetPolicy({ slowAt: 0.9, stopAt: 0.5 });
    expect(r.ok ? [] : r.error.map((p) => p.field)).toEqual(['budget.slowAt']);
  });
});

describe('budgetFor', () => {
  it('lets everything through while usage is unknown or low', () => {
    expect(budgetFor(null, policy, 'bulk', 5)).toMatchObject({ mode: 'normal', calls: 5 });
    expect(budgetFor({ used: 100, max: 1000 }, policy, 'bulk', 5)).toMatchObject({ mode: 'normal', calls: 5 });
  });
  it('slows bulk traffic from the slow share, stops it from the stop share', () => {
    expect(budgetFor({ used: 800, max: 1000 }, policy, 'bulk', 5)).toMatchObject({ mode: 'slow', calls: 1 });
    const stopped = budgetFor({ used: 950, max: 1000 }, policy, 'bulk', 5);
    expect(stopped).toMatchObject({ mode: 'stop', calls: 0 });
    expect(stopped.reason).toContain('950/1000');
  });
  it('never lets bulk cross the stop line within a run', () => {
    expect(budgetFor({ used: 947, max: 1000 }, { ...policy, slowCallsPerRun: 10 }, 'bulk', 10).calls).toBe(3);
  });
  it('keeps urgent traffic going until the org maximum, and no further', () => {
    expect(budgetFor({ used: 990, max: 1000 }, policy, 'urgent', 5)).toMatchObject({ mode: 'stop', calls: 5 });
    expect(budgetFor({ used: 998, max: 1000 }, policy, 'urgent', 5).calls).toBe(2);
    expect(budgetFor({ used: 1000, max: 1000 }, policy, 'urgent', 5).calls).toBe(0);
  });
  it('property: bulk usage after the allowed calls never exceeds the stop line; urgent never exceeds the max', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.double({ min: 0, max: 1.2, noNaN: true }), fc.integer({ min: 0, max: 50 }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (max, share, wanted, a, b) => {
          const p: BudgetPolicy = { slowAt: Math.min(a, b), stopAt: Math.max(a, b), slowCallsPerRun: 2 };
          const used = Math.floor(max * share);
          const bulk = budgetFor({ used, max }, p, 'bulk', wanted);
          expect(bulk.calls).toBeLessThanOrEqual(wanted);
          if (bulk.calls > 0) expect(used + bulk.calls).toBeLessThanOrEqual(Math.floor(max * p.stopAt));
          if (budgetMode({ used, max }, p) === 'slow') expect(bulk.calls).toBeLessThanOrEqual(2);
          const urgent = budgetFor({ used, max }, p, 'urgent', wanted);
          expect(used + urgent.calls).toBeLessThanOrEqual(Math.max(max, used));
        }),
    );
  });
});

describe('usageDay', () => {
  it('is the UTC date', () => {
    expect(usageDay(Date.UTC(2026, 10, 23, 23, 59, 59))).toBe('2026-11-23');
  });
});
