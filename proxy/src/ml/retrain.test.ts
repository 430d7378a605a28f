import { describe, expect, it } from 'vitest';
import { loadPublicData, parseQueueRoutes, seededRandom, selectSplit, splitExamples, withQueueRoutes, type TriageExample } from './dataset.js';
import { evaluate } from './evaluate.js';
import { loadMixedData, MIXED_DATA_FILE, MIXED_WEIGHT, PUBLIC_DATA_DIR, retrainOnHistory } from './modelStore.js';
import { predictTriage, trainTriageModel, type TriageModel } from './triageModel.js';

// Learning from the customer's own history: a company whose service agents own product technical
// support (Technical Support → Salesforce) retrains on its export and beats the shipped mapping on
// its own held-out tickets. Small samples of the shipped data keep this to a few seconds.
describe('retrain on a customer export that mixes both routes', () => {
  const rand = seededRandom(21);
  const pub = loadPublicData(PUBLIC_DATA_DIR).filter(() => rand() < 0.15);
  const pubSplit = splitExamples(pub, 4);
  const mixed = loadMixedData();
  const base = {
    train: [...pubSplit.train, ...selectSplit(mixed, ['train'], MIXED_DATA_FILE).map((e) => ({ ...e, weight: MIXED_WEIGHT }))],
    calibration: [...pubSplit.calibration, ...selectSplit(mixed, ['calibration'], MIXED_DATA_FILE)],
  };
  const shipped = trainTriageModel(base.train, base.calibration, { source: 'shipped sample', now: new Date(0) });
  const q = parseQueueRoutes('Technical Support=salesforce');
  if (!q.ok) throw new Error(q.problem);
  const customerExport = withQueueRoutes(selectSplit(mixed, ['customer'], MIXED_DATA_FILE), q.routes);
  const customerHeldOut = withQueueRoutes(selectSplit(mixed, ['test'], MIXED_DATA_FILE), q.routes);
  const accuracy = (m: TriageModel, rows: readonly TriageExample[]): number =>
    evaluate(rows.map((e) => ({ truth: e.route, predicted: predictTriage(m, e.text).route?.label ?? '', confidence: 0 }))).accuracy;

  it('the export mixes both routes and the held-out split was never trained on', () => {
    expect(new Set(customerExport.map((e) => e.route))).toEqual(new Set(['salesforce', 'servicenow']));
    const seen = new Set([...base.train, ...customerExport].map((e) => e.text));
    expect(customerHeldOut.some((e) => seen.has(e.text))).toBe(false);
  });

  it('beats the shipped model on the customer\'s held-out split', () => {
    const { model } = retrainOnHistory(customerExport, { train: pubSplit.train, calibration: pubSplit.calibration }, { source: 'customer export', now: new Date(0) });
    const before = accuracy(shipped, customerHeldOut);
    const after = accuracy(model, customerHeldOut);
    expect(after).toBeGreaterThan(before + 0.1);
  });

  it('names a bad --queue-routes entry and the fix', () => {
    const bad = parseQueueRoutes('Technical Support=sales');
    expect(!bad.ok && bad.problem).toMatch(/"Technical Support=sales": write QUEUE=servicenow or QUEUE=salesforce/);
  });
});
