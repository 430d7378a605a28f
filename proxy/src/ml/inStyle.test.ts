import { describe, expect, it } from 'vitest';
import { loadPublicData, seededRandom, selectSplit, splitExamples, type TriageExample } from './dataset.js';
import { costPerTicket, coverageAtThreshold, evaluate, type Prediction } from './evaluate.js';
import { loadMixedData, MIXED_DATA_FILE, MIXED_WEIGHT, PUBLIC_DATA_DIR } from './modelStore.js';
import { parseTriageModel, predictTriage, trainTriageModel, type TriageModel } from './triageModel.js';

// The in-style head (issue 16): naive Bayes trained on the e-mail-style rows only, a second opinion
// for the hard tickets where both routes share one vocabulary. Measured on the multi-queue
// `customer` split (never the `test` split); a sample of the public data keeps this to seconds.
describe('the in-style naive Bayes route head', () => {
  const rand = seededRandom(16);
  const pubSplit = splitExamples(loadPublicData(PUBLIC_DATA_DIR).filter(() => rand() < 0.15), 4);
  const mixed = loadMixedData();
  const mixedTrain = selectSplit(mixed, ['train'], MIXED_DATA_FILE);
  const train = [...pubSplit.train, ...mixedTrain.map((e) => ({ ...e, weight: MIXED_WEIGHT }))];
  const calibration = [...pubSplit.calibration, ...selectSplit(mixed, ['calibration'], MIXED_DATA_FILE)];
  const customer = selectSplit(mixed, ['customer'], MIXED_DATA_FILE);
  const meta = { source: 'sample', now: new Date(0) };
  const withHead = trainTriageModel(train, calibration, meta);
  const without = trainTriageModel(train, calibration, meta, { inStyleHead: false });
  const preds = (m: TriageModel, rows: readonly TriageExample[]): Prediction[] =>
    rows.map((e) => { const r = predictTriage(m, e.text).route; return { truth: e.route, predicted: r?.label ?? '', confidence: r?.confidence ?? 0 }; });

  it('learns from the e-mail-style rows only and adds one calibration input', () => {
    const nb = withHead.route.inStyle;
    expect(nb?.labels).toEqual(['salesforce', 'servicenow']);
    // Its prior is the e-mail rows' route mix, not the public corpora's (mostly banking questions).
    const share = mixedTrain.filter((e) => e.route === 'servicenow').length / mixedTrain.length;
    const prior = Math.exp(nb?.logPrior[1] ?? 0);
    expect(prior).toBeCloseTo(share, 2);
    expect(Math.abs(prior - train.filter((e) => e.route === 'servicenow').length / train.length)).toBeGreaterThan(0.1);
    expect(withHead.route.calibration).toHaveLength(6);
    expect(without.route.inStyle).toBeUndefined();
    expect(without.route.calibration).toHaveLength(5);
  });

  it('survives the JSON round trip the model file takes, and a damaged head is refused with the fix', () => {
    const back = JSON.parse(JSON.stringify(withHead)) as TriageModel;
    const text = customer[0]?.text ?? '';
    expect(predictTriage(back, text).route?.confidence).toBe(predictTriage(withHead, text).route?.confidence);
    expect(parseTriageModel(back, 'm.json').route.inStyle?.labels).toEqual(['salesforce', 'servicenow']);
    // A model file from before the head (five calibration terms) still loads.
    expect(parseTriageModel(JSON.parse(JSON.stringify(without)), 'm.json').route.inStyle).toBeUndefined();
    const { features: _dropped, ...broken } = withHead.route.inStyle as NonNullable<TriageModel['route']['inStyle']>;
    expect(() => parseTriageModel({ ...withHead, route: { ...withHead.route, inStyle: broken } }, 'm.json')).toThrow(/in-style route head is damaged.*npm run build -w proxy/);
    expect(() => parseTriageModel({ ...withHead, route: { ...withHead.route, calibration: withHead.route.calibration.slice(0, 5) } }, 'm.json')).toThrow(/calibration has 5 terms, expected 6/);
  });

  it('on the customer split, routes more tickets automatically at the cost table\'s threshold and costs less per ticket', () => {
    const a = preds(withHead, customer);
    const b = preds(without, customer);
    const t = withHead.reviewThreshold;
    expect(coverageAtThreshold(a, t).coverage).toBeGreaterThan(coverageAtThreshold(b, t).coverage + 0.05);
    expect(costPerTicket(a, t, withHead.costs)).toBeLessThan(costPerTicket(b, t, without.costs) - 0.02);
    expect(evaluate(a).macroF1).toBeGreaterThanOrEqual(evaluate(b).macroF1 - 0.005);
  });
});
