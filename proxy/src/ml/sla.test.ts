import { describe, expect, it } from 'vitest';
import { leadingNumber, openStateOf, parseEventTime, parseSlaEventLog, splitByOpenedAt, type SlaExample } from './slaData.js';
import { atThreshold, calibration, rocAuc } from './slaMetrics.js';
import { bestThreshold, parseSlaModel, slaPredictor, trainSlaModel } from './slaModel.js';

const HEADER = 'number,incident_state,made_sla,priority,urgency,impact,opened_at,sys_updated_at,category,assignment_group,reassignment_count,reopen_count,sys_mod_count,closed_code,resolved_at';

describe('parseSlaEventLog', () => {
  it('keeps only updates of open incidents not yet breached, labelled with the final made_sla', () => {
    const csv = [
      HEADER,
      'INC1,New,TRUE,3 - Moderate,2 - Medium,2 - Medium,29-02-2016 01:16,29-02-2016 01:23,Category 5,Group 1,0,0,0,code 5,29-02-2016 11:29',
      'INC1,Active,TRUE,3 - Moderate,2 - Medium,2 - Medium,29-02-2016 01:16,29-02-2016 03:23,Category 5,Group 2,1,0,1,code 5,29-02-2016 11:29',
      'INC1,Resolved,TRUE,3 - Moderate,2 - Medium,2 - Medium,29-02-2016 01:16,29-02-2016 11:29,Category 5,Group 2,1,0,2,code 5,29-02-2016 11:29',
      'INC1,Closed,FALSE,3 - Moderate,2 - Medium,2 - Medium,29-02-2016 01:16,05-03-2016 12:00,Category 5,Group 2,1,0,3,code 5,29-02-2016 11:29',
      'INC2,Awaiting User Info,TRUE,1 - Critical,1 - High,1 - High,2016-03-01 10:00:00,2016-03-01 12:30:00,?,?,0,0,4,,',
      'INC2,Closed,TRUE,1 - Critical,1 - High,1 - High,2016-03-01 10:00:00,2016-03-02 12:30:00,?,?,0,0,5,,',
    ].join('\n');
    const r = parseSlaEventLog(csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.examples.map((e) => [e.incident, e.input.state, e.breached])).toEqual([['INC1', 1, 1], ['INC1', 2, 1], ['INC2', 3, 0]]);
    expect(r.examples[1]!.input).toEqual({
      priority: 3, urgency: 2, impact: 2, state: 2, category: 'Category 5', assignmentGroup: 'Group 2',
      reassignmentCount: 1, reopenCount: 0, updateCount: 1, openedAt: '2016-02-29T01:16:00.000Z', asOf: '2016-02-29T03:23:00.000Z',
    });
    // "?" is the log's empty value; nothing from the resolution reaches the input.
    expect(r.examples[2]!.input.category).toBeUndefined();
    expect(JSON.stringify(r.examples)).not.toMatch(/code 5|11:29/);
  });

  it('names a missing column and a bad made_sla with the fix', () => {
    const missing = parseSlaEventLog('number,priority\nINC1,3', 'log.csv');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems.join('\n')).toMatch(/log\.csv: column "made_sla" is missing .*true\/false/);
    const bad = parseSlaEventLog(`${HEADER}\nINC1,New,maybe,3,2,2,29-02-2016 01:16,29-02-2016 01:23,c,g,0,0,0,,`, 'log.csv');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toBe('log.csv line 2: made_sla is "maybe"; use true or false.');
    expect(parseSlaEventLog('', 'log.csv')).toEqual({ ok: false, problems: [expect.stringContaining('no rows')] });
  });

  it('reads the values of the public log and of list exports', () => {
    expect(leadingNumber('2 - High')).toBe(2);
    expect(leadingNumber('?')).toBeUndefined();
    expect(parseEventTime('29-02-2016 01:16')).toBe(Date.UTC(2016, 1, 29, 1, 16));
    expect(parseEventTime('2016-02-29T01:16:05Z')).toBe(Date.UTC(2016, 1, 29, 1, 16, 5));
    expect(parseEventTime('yesterday')).toBeUndefined();
    expect([openStateOf('New'), openStateOf('Active'), openStateOf('Awaiting Vendor'), openStateOf('Resolved')]).toEqual([1, 2, 3, undefined]);
  });
});

/** Synthetic incidents whose breach depends on time open and reassignments, priority irrelevant. */
function synthetic(n: number): SlaExample[] {
  const out: SlaExample[] = [];
  let seed = 7;
  const rnd = (): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let i = 0; i < n; i++) {
    const opened = Date.UTC(2026, 0, 1) + i * 3.6e6;
    const hours = rnd() * 48;
    const reassign = Math.floor(rnd() * 4);
    const breached = (hours / 48 + reassign / 4 + rnd() * 0.6 > 1.0 ? 1 : 0) as 0 | 1;
    out.push({
      incident: `INC${i}`, openedAtMs: opened, breached,
      input: { priority: 1 + Math.floor(rnd() * 4), state: 2, reassignmentCount: reassign, reopenCount: 0, updateCount: 2, category: `c${i % 3}`, openedAt: new Date(opened).toISOString(), asOf: new Date(opened + hours * 3.6e6).toISOString() },
    });
  }
  return out;
}

describe('the SLA model', () => {
  const data = synthetic(600);
  const { train, test } = splitByOpenedAt(data);

  it('splits by time: every training incident opened before every test incident', () => {
    expect(train).toHaveLength(420);
    expect(Math.max(...train.map((e) => e.openedAtMs))).toBeLessThan(Math.min(...test.map((e) => e.openedAtMs)));
  });

  it('learns the signal and beats chance on later incidents; the model file round-trips', () => {
    const model = trainSlaModel(train, { source: 'synthetic', now: new Date(0) }, { steps: 400 });
    const p = slaPredictor(parseSlaModel(JSON.parse(JSON.stringify(model)), 'm.json'));
    const scores = p.predict(test.map((e) => e.input)).map((x) => x.risk);
    expect(rocAuc(scores, test.map((e) => e.breached))).toBeGreaterThan(0.8);
    const [fresh, stale] = p.predict([
      { ...test[0]!.input, reassignmentCount: 0, asOf: test[0]!.input.openedAt },
      { ...test[0]!.input, reassignmentCount: 3, asOf: new Date(Date.parse(test[0]!.input.openedAt) + 47 * 3.6e6).toISOString() },
    ]);
    expect(fresh!.risk).toBeLessThan(stale!.risk);
    expect(stale!.band).toBe('high');
    expect(fresh!.band).not.toBe('high');
  });

  it('refuses too little data, one class, and a file that is not a model', () => {
    expect(() => trainSlaModel(train.slice(0, 10), { source: 's', now: new Date(0) })).toThrow(/only 10 prediction points/);
    expect(() => trainSlaModel(train.map((e) => ({ ...e, breached: 0 as const })), { source: 's', now: new Date(0) })).toThrow(/same made_sla/);
    expect(() => parseSlaModel({ kind: 'other' }, 'x.json')).toThrow(/x\.json is not a Seam SLA risk model.*train:sla/);
  });
});

describe('SLA metrics', () => {
  it('ROC-AUC: perfect, inverted, ties and one class', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(rocAuc([0.3, 0.7], [1, 1])).toBe(0.5);
  });

  it('precision and recall at a threshold, calibration bins and ECE', () => {
    expect(atThreshold([0.9, 0.6, 0.4, 0.2], [1, 0, 1, 0], 0.5)).toMatchObject({ precision: 0.5, recall: 0.5, flagged: 2 });
    const c = calibration([0.05, 0.15, 0.95], [0, 1, 1]);
    expect(c.bins[1]).toMatchObject({ n: 1, observed: 1 });
    expect(c.ece).toBeCloseTo((0.05 + 0.85 + 0.05) / 3, 6);
    expect(bestThreshold([0.1, 0.2, 0.7, 0.8], [0, 0, 1, 1])).toBeGreaterThan(0.2);
    expect(bestThreshold([0.1, 0.2, 0.7, 0.8], [0, 0, 1, 1])).toBeLessThanOrEqual(0.7);
  });
});
