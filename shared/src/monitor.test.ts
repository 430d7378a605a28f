import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_DRIFT_SETTINGS, NO_EPISODES, evaluateTriageDrift, parseDriftSettings, type DriftSettings, type DriftSignal, type TriageSample } from './monitor';

const SETTINGS: DriftSettings = { ...DEFAULT_DRIFT_SETTINGS, windowSize: 20, baselineSize: 40 };

/** Feeds the stream one ticket at a time, as the platform does; returns each alert with the index of the ticket that raised it. */
function stream(samples: readonly TriageSample[], settings = SETTINGS): { signal: DriftSignal; at: number; message: string }[] {
  let episodes = NO_EPISODES;
  const fired: { signal: DriftSignal; at: number; message: string }[] = [];
  for (let i = 1; i <= samples.length; i++) {
    const r = evaluateTriageDrift(samples.slice(0, i), settings, episodes);
    episodes = r.episodes;
    for (const a of r.alerts) fired.push({ signal: a.signal, at: i - 1, message: a.message });
  }
  return fired;
}

// In distribution: confident answers. Off distribution: text the model barely knows, its confidence near the prior.
const inDist = fc.record({ confidence: fc.double({ min: 0.92, max: 0.999, noNaN: true }), route: fc.constantFrom('servicenow', 'salesforce') });
const offDist = fc.record({ confidence: fc.double({ min: 0.55, max: 0.62, noNaN: true }), route: fc.constant('salesforce') });
const need = SETTINGS.baselineSize + SETTINGS.windowSize;

describe('evaluateTriageDrift', () => {
  it('never fires on an in-distribution stream', () => {
    fc.assert(fc.property(fc.array(inDist, { minLength: 0, maxLength: 200 }), (s) => {
      expect(stream(s)).toEqual([]);
    }), { numRuns: 60 });
  });

  it('fires each signal exactly once when the stream turns off-distribution, within one window of the turn', () => {
    fc.assert(fc.property(fc.array(inDist, { minLength: need, maxLength: 120 }), fc.array(offDist, { minLength: need, maxLength: 160 }), (a, b) => {
      const fired = stream([...a, ...b]);
      for (const signal of ['confidence', 'unknown_types'] as const) {
        const mine = fired.filter((f) => f.signal === signal);
        expect(mine).toHaveLength(1);
        expect(mine[0]!.at).toBeGreaterThanOrEqual(a.length);
        expect(mine[0]!.at).toBeLessThan(a.length + SETTINGS.windowSize);
      }
    }), { numRuns: 40 });
  });

  it('re-arms after the episode ends: a second shift later is a second alert', () => {
    const hi = (n: number): TriageSample[] => Array.from({ length: n }, () => ({ confidence: 0.97, route: 'servicenow' }));
    const lo = (n: number): TriageSample[] => Array.from({ length: n }, () => ({ confidence: 0.6, route: 'salesforce' }));
    // in → off (alert) → back in for long enough that the off period is forgotten → off again (alert).
    const fired = stream([...hi(60), ...lo(30), ...hi(120), ...lo(30)]).filter((f) => f.signal === 'unknown_types');
    expect(fired.map((f) => f.at)).toHaveLength(2);
    expect(fired[1]!.at).toBeGreaterThanOrEqual(210);
  });

  it('judges nothing before baseline + window tickets exist', () => {
    const r = evaluateTriageDrift(Array.from({ length: need - 1 }, () => ({ confidence: 0.1, route: 'review' })), SETTINGS, NO_EPISODES);
    expect(r).toMatchObject({ judged: false, alerts: [], episodes: NO_EPISODES });
  });

  it('fires on a rising review share even when the mean barely moves', () => {
    // Baseline: all 0.6; window: half 0.45 (review), half 0.75 → same mean 0.6, review share 0 → 50%.
    const base = Array.from({ length: 40 }, () => ({ confidence: 0.6, route: 'servicenow' }));
    const win = Array.from({ length: 20 }, (_, i) => ({ confidence: i % 2 ? 0.45 : 0.75, route: 'servicenow' }));
    const r = evaluateTriageDrift([...base, ...win], SETTINGS, NO_EPISODES);
    expect(r.alerts.map((a) => a.signal)).toEqual(['confidence']);
    expect(r.alerts[0]!.message).toMatch(/sent to review 50% vs 0%/);
  });

  it('says the numbers and the thresholds in the alert', () => {
    const r = evaluateTriageDrift([...Array.from({ length: 40 }, () => ({ confidence: 0.98, route: 'servicenow' })), ...Array.from({ length: 20 }, () => ({ confidence: 0.6, route: 'salesforce' }))], SETTINGS, NO_EPISODES);
    expect(r.alerts.find((a) => a.signal === 'confidence')!.message).toMatch(/mean confidence 0\.60 over the last 20 triaged tickets vs 0\.98 over the 40 before \(alert at a drop of 0\.15\)/);
    expect(r.alerts.find((a) => a.signal === 'unknown_types')!.message).toMatch(/100% of the last 20 triaged tickets are close to no class \(confidence below 0\.75\) vs 0% of the 40 before/);
  });
});

describe('parseDriftSettings', () => {
  it('fills defaults', () => {
    expect(parseDriftSettings({})).toEqual({ ok: true, value: DEFAULT_DRIFT_SETTINGS });
  });
  it('names each bad field and the fix', () => {
    const r = parseDriftSettings({ windowSize: 2, confidenceDrop: 0, unknownBelow: 'high' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.map((p) => p.field)).toEqual(['drift.windowSize', 'drift.confidenceDrop', 'drift.unknownBelow']);
      expect(r.error[0]!.fix).toMatch(/set windowSize to e\.g\. 50/);
    }
  });
});
