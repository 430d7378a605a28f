import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoWeek, sampleForReview, weeklyAccuracy, wilsonInterval } from './accuracy';

describe('wilsonInterval', () => {
  it('matches the published values (Wilson 1927; e.g. 8 of 10 → 0.490…0.943 at 95 %)', () => {
    const r = wilsonInterval(8, 10);
    expect(r.estimate).toBe(0.8);
    expect(r.low).toBeCloseTo(0.4902, 4);
    expect(r.high).toBeCloseTo(0.9433, 4);
    const all = wilsonInterval(20, 20);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(0.8389, 4);
  });

  it('contains the estimate, stays in [0, 1], and narrows as n grows at the same proportion', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
      const right = Math.round(share * n);
      const r = wilsonInterval(right, n);
      expect(r.low!).toBeGreaterThanOrEqual(0);
      expect(r.high!).toBeLessThanOrEqual(1);
      expect(r.low!).toBeLessThanOrEqual(r.estimate! + 1e-12);
      expect(r.high!).toBeGreaterThanOrEqual(r.estimate! - 1e-12);
      const bigger = wilsonInterval(right * 4, n * 4);
      expect(bigger.high! - bigger.low!).toBeLessThanOrEqual(r.high! - r.low! + 1e-12);
    }));
  });

  it('has no interval without reviews', () => {
    expect(wilsonInterval(0, 0)).toEqual({ n: 0, right: 0, estimate: null, low: null, high: null });
  });
});

describe('sampleForReview', () => {
  const ids = Array.from({ length: 50 }, (_, i) => `case${i}`);
  it('is reproducible for a seed, different across seeds, and skips what was sampled', () => {
    const a = sampleForReview(ids, 10, '2026-W49');
    expect(a).toEqual(sampleForReview([...ids].reverse(), 10, '2026-W49'));
    expect(a).toHaveLength(10);
    expect(new Set(a).size).toBe(10);
    expect(a).not.toEqual(sampleForReview(ids, 10, '2026-W50'));
    const next = sampleForReview(ids, 10, '2026-W49', a);
    expect(next.filter((x) => a.includes(x))).toEqual([]);
    expect(sampleForReview(ids.slice(0, 3), 10, 's')).toHaveLength(3);
  });
  it('gives every id a fair chance (400 seeds × 5 draws over 50 ids: 40 each on average)', () => {
    const counts = new Map<string, number>();
    for (let s = 0; s < 400; s++) for (const id of sampleForReview(ids, 5, `seed${s}`)) counts.set(id, (counts.get(id) ?? 0) + 1);
    // Expected 40 draws each; a fair hash keeps every id well inside 15..70.
    for (const id of ids) expect(counts.get(id) ?? 0).toBeGreaterThan(15);
    for (const id of ids) expect(counts.get(id) ?? 0).toBeLessThan(70);
  });
});

describe('isoWeek', () => {
  it('follows ISO 8601 at year boundaries', () => {
    expect(isoWeek(Date.UTC(2026, 11, 2))).toBe('2026-W49');
    expect(isoWeek(Date.UTC(2021, 0, 3))).toBe('2020-W53');
    expect(isoWeek(Date.UTC(2024, 11, 30))).toBe('2025-W01');
    expect(isoWeek(Date.UTC(2026, 0, 1))).toBe('2026-W01');
  });
});

describe('weeklyAccuracy', () => {
  it('counts right and wrong per week, reports pending, oldest week first', () => {
    const rows = [
      ...Array.from({ length: 8 }, () => ({ week: '2026-W49', verdict: 'right' })),
      ...Array.from({ length: 2 }, () => ({ week: '2026-W49', verdict: 'wrong' })),
      { week: '2026-W49', verdict: 'pending' },
      { week: '2026-W48', verdict: 'right' },
    ];
    const w = weeklyAccuracy(rows);
    expect(w.map((x) => x.week)).toEqual(['2026-W48', '2026-W49']);
    expect(w[1]).toMatchObject({ n: 10, right: 8, pending: 1, estimate: 0.8 });
    expect(w[1]!.low).toBeCloseTo(0.4902, 4);
  });
});
