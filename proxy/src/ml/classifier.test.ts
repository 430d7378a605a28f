import { describe, expect, it } from 'vitest';
import { fitTemperature, predictProba, softmax, trainNaiveBayes, withTemperature } from './naiveBayes.js';
import { evaluate, expectedCalibrationError } from './evaluate.js';
import { normalizeWords, tokenize } from './text.js';
import { loadPublicData, seededRandom, splitExamples } from './dataset.js';
import { PUBLIC_DATA_DIR } from './modelStore.js';
import { evidenceWeight, MAX_CONFIDENCE, predictTriage, trainTriageModel, parseTriageModel } from './triageModel.js';

describe('text normalisation', () => {
  it('treats the preprocessed IT style and raw prose the same way', () => {
    // The same request, once as the IT set writes it and once as a customer would.
    const itStyle = normalizeWords('hi please reset password account locked thanks');
    const prose = normalizeWords('Hi! Could you please reset my password? My account is locked. Thanks, regards');
    expect(prose).toEqual(itStyle.filter((w) => w !== 'hi' && w !== 'thanks'));
    expect(prose).toEqual(['reset', 'password', 'account', 'locked']);
  });

  it('never counts words about the routing itself as evidence', () => {
    expect(tokenize('Route this to ServiceNow, not Salesforce, with confidence: triage by Seam')).toEqual(['route']);
  });

  it('builds binary unigram and bigram features', () => {
    expect(tokenize('VPN error, VPN error')).toEqual(['vpn', 'error', 'vpn_error', 'error_vpn']);
  });
});

describe('naive Bayes + temperature', () => {
  const docs = [['vpn', 'error'], ['vpn', 'down'], ['card', 'lost'], ['card', 'arrive'], ['vpn', 'slow'], ['card', 'fee']];
  const labels = ['it', 'it', 'bank', 'bank', 'it', 'bank'];

  it('learns which class a feature belongs to', () => {
    const m = trainNaiveBayes(docs, labels, { minDocFreq: 1 });
    const p = predictProba(m, ['vpn']);
    expect(m.labels).toEqual(['bank', 'it']);
    expect(p[1]).toBeGreaterThan(0.8);
  });

  it('returns probabilities in [0, 1] that sum to 1, at any temperature', () => {
    const m = trainNaiveBayes(docs, labels, { minDocFreq: 1 });
    for (const T of [0.1, 1, 7]) {
      const p = predictProba(withTemperature(m, T), ['vpn', 'card', 'unknown']);
      expect(p.every((x) => x >= 0 && x <= 1)).toBe(true);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    expect(softmax([1000, 0])[0]).toBe(1);
  });

  it('fits a temperature above 1 for an over-confident model on noisy held-out data', () => {
    const m = trainNaiveBayes(docs, labels, { minDocFreq: 1 });
    // Held-out rows where the "obvious" feature is wrong half of the time.
    const heldDocs = [['vpn'], ['vpn'], ['card'], ['card']];
    const heldLabels = ['it', 'bank', 'bank', 'it'];
    const T = fitTemperature(m, heldDocs, heldLabels);
    expect(T).toBeGreaterThan(1);
    const calibrated = predictProba(withTemperature(m, T), ['vpn']);
    expect(Math.max(...calibrated)).toBeLessThan(Math.max(...predictProba(m, ['vpn'])));
  });
});

describe('triage model on a small sample of the public data', () => {
  const all = loadPublicData(PUBLIC_DATA_DIR);
  const rand = seededRandom(5);
  const sample = all.filter(() => rand() < 1500 / all.length);
  const split = splitExamples(sample, 9);
  const model = trainTriageModel(split.train, split.calibration, { source: 'unit test', now: new Date(0) });

  it('predicts held-out routes and categories well above chance', () => {
    const routes = evaluate(split.test.map((e) => {
      const p = predictTriage(model, e.text);
      return { truth: e.route, predicted: p.route?.label ?? '', confidence: p.route?.confidence ?? 0 };
    }));
    // Chance (always the majority route) is about 0.69 here.
    expect(routes.accuracy).toBeGreaterThan(0.9);
    expect(routes.macroF1).toBeGreaterThan(0.85);
    const cats = evaluate(split.test.map((e) => {
      const p = predictTriage(model, e.text);
      return { truth: e.category ?? '', predicted: p.category?.label ?? '', confidence: p.category?.confidence ?? 0 };
    }));
    expect(cats.accuracy).toBeGreaterThan(0.5);
  });

  it('keeps the hard customer cases in Salesforce', () => {
    for (const text of ['I forgot my passcode, how do I get back into the app?', 'Why do I have to verify my identity?', 'My card payment was declined']) {
      expect(predictTriage(model, text).route?.label).toBe('salesforce');
    }
    expect(predictTriage(model, 'outlook mailbox access request for new starter, laptop setup').route?.label).toBe('servicenow');
  });

  it('gives every head calibrated probabilities summing to 1, and a category consistent with the route', () => {
    const p = predictTriage(model, 'server cpu alert on production database');
    for (const head of [p.route, p.category]) {
      const probs = Object.values(head?.probabilities ?? {});
      expect(probs.every((x) => x >= 0 && x <= 1)).toBe(true);
      expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    const route = p.route?.label as 'servicenow' | 'salesforce';
    expect(model.categoryRoutes[p.category?.label ?? '']).toContain(route);
  });

  it('never reports certainty: every confidence stays at or below the cap', () => {
    let capped = 0;
    for (const e of split.test) {
      const p = predictTriage(model, e.text);
      expect(p.route?.confidence ?? 0).toBeLessThanOrEqual(MAX_CONFIDENCE);
      expect(p.category?.confidence ?? 0).toBeLessThanOrEqual(MAX_CONFIDENCE);
      if (p.route?.confidence === MAX_CONFIDENCE) capped++;
    }
    expect(capped).toBeGreaterThan(0); // the cap is reached, so it is what keeps 1.0 out
    expect(MAX_CONFIDENCE).toBeLessThan(1);
  });

  it('leans towards the prior on text it knows less of than its calibration data', () => {
    expect(model.typicalKnownShare).toBeGreaterThan(0);
    expect(model.typicalKnownShare).toBeLessThanOrEqual(1);
    const text = 'vpn error on my laptop since the update';
    const plain = predictTriage(model, text).route;
    const diluted = predictTriage(model, `${text} qwzx vbnmk plokij uytrew zzkqa frobb`).route;
    expect(evidenceWeight(model, `${text} qwzx vbnmk plokij uytrew zzkqa frobb`).weight).toBeLessThan(evidenceWeight(model, text).weight);
    expect(diluted?.label).toBe(plain?.label);
    expect(diluted?.confidence ?? 1).toBeLessThan(plain?.confidence ?? 0);
    // Nothing known: the prior itself (the majority route at its share of the training data).
    const none = predictTriage(model, 'qwzx vbnmk plokij').route;
    expect(evidenceWeight(model, 'qwzx vbnmk plokij')).toEqual({ knownShare: 0, weight: 0 });
    expect(none?.label).toBe('salesforce');
    expect(none?.confidence).toBeLessThan(0.8);
  });

  it('round-trips through JSON and rejects a file that is not a model', () => {
    const again = parseTriageModel(JSON.parse(JSON.stringify(model)), 'm.json');
    expect(predictTriage(again, 'vpn error')).toEqual(predictTriage(model, 'vpn error'));
    expect(() => parseTriageModel({ format: 'other' }, 'm.json')).toThrow(/npm run build -w proxy/);
  });
});

describe('metrics', () => {
  it('computes accuracy, macro-F1, per-class precision/recall and the confusion matrix', () => {
    const r = evaluate([
      { truth: 'a', predicted: 'a', confidence: 0.9 },
      { truth: 'a', predicted: 'b', confidence: 0.6 },
      { truth: 'b', predicted: 'b', confidence: 0.8 },
      { truth: 'b', predicted: 'b', confidence: 0.7 },
    ]);
    expect(r.accuracy).toBe(0.75);
    expect(r.confusion).toEqual([[1, 1], [0, 2]]);
    expect(r.perClass[0]).toMatchObject({ label: 'a', precision: 1, recall: 0.5 });
    expect(r.perClass[1]?.precision).toBeCloseTo(2 / 3);
    // F1(a) = 2/3, F1(b) = 0.8
    expect(r.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2);
  });

  it('ECE is 0 for perfectly calibrated bins and |acc − conf| otherwise', () => {
    expect(expectedCalibrationError([{ truth: 'a', predicted: 'a', confidence: 1 }])).toBe(0);
    // One bin at 0.95 with accuracy 0.5 → ECE 0.45.
    expect(expectedCalibrationError([
      { truth: 'a', predicted: 'a', confidence: 0.95 },
      { truth: 'a', predicted: 'b', confidence: 0.95 },
    ])).toBeCloseTo(0.45);
  });
});
