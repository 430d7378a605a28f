import { describe, expect, it } from 'vitest';
import { fitTemperature, predictProba, softmax, trainNaiveBayes, withTemperature } from './naiveBayes.js';
import { accuracyAtCoverage, costPerTicket, coverageAtThreshold, eceByPredicted, eceNoiseFloor, evaluate, expectedCalibrationError } from './evaluate.js';
import { normalizeWords, tokenize } from './text.js';
import { loadPublicData, seededRandom, splitExamples } from './dataset.js';
import { PUBLIC_DATA_DIR, readChosenModel, writeModel } from './modelStore.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_COSTS, familiarity, MAX_CONFIDENCE, predictTriage, thresholdFor, trainTriageModel, parseTriageModel } from './triageModel.js';
import { featuresOf } from './features.js';
import { decodeWeights, encodeWeights, fitDenseLogistic, fitPlatt, logit, sigmoid, trainLogistic } from './logistic.js';

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

describe('hashed word and character n-gram features', () => {
  it('are deterministic, sorted, unique and inside the table', () => {
    const a = featuresOf('VPN error on my laptop, VPN error again', 12);
    expect([...a]).toEqual([...featuresOf('VPN error on my laptop, VPN error again', 12)]);
    expect([...a]).toEqual([...new Set(a)].sort((x, y) => x - y));
    expect(a.every((b) => b >= 0 && b < 1 << 12)).toBe(true);
  });

  it('let inflections share evidence through character n-grams', () => {
    const shared = (x: string, y: string): number => { const s = new Set(featuresOf(y)); return [...featuresOf(x)].filter((f) => s.has(f)).length; };
    // "login" and "logins" share "<lo", "log", "ogi", "gin", "<log", … but not the whole word.
    expect(shared('login', 'logins')).toBeGreaterThan(5);
    expect(shared('login', 'refund')).toBe(0);
  });
});

describe('logistic regression + calibration', () => {
  const rand = seededRandom(3);
  const docs: Int32Array[] = [];
  const y: number[] = [];
  for (let i = 0; i < 400; i++) {
    const positive = rand() < 0.5;
    // Feature 1 says positive, 2 negative; 3 is noise seen by both.
    docs.push(Int32Array.from(positive ? [1, 3] : [2, 3]));
    y.push(positive ? 1 : 0);
  }

  it('learns which features point to which class', () => {
    const m = trainLogistic(docs, y, y.map(() => 1), 4, { epochs: 10, learningRate: 0.2 });
    expect(sigmoid(logit(m, Int32Array.from([1])))).toBeGreaterThan(0.9);
    expect(sigmoid(logit(m, Int32Array.from([2])))).toBeLessThan(0.1);
  });

  it('with unit-length rows, many weak features do not add up to certainty', () => {
    // Feature 1 says positive; 10..29 are weak noise, each seen slightly more with positives.
    const r = seededRandom(3);
    const long: Int32Array[] = [];
    const ly: number[] = [];
    for (let i = 0; i < 600; i++) {
      const positive = r() < 0.5;
      const noise = Array.from({ length: 20 }, (_, k) => 10 + k).filter(() => r() < (positive ? 0.55 : 0.45));
      long.push(Int32Array.from([positive ? 1 : 2, ...noise].sort((a, b) => a - b)));
      ly.push(positive ? 1 : 0);
    }
    const plain = trainLogistic(long, ly, ly.map(() => 1), 5, { epochs: 5, learningRate: 0.2 });
    const unit = trainLogistic(long, ly, ly.map(() => 1), 5, { epochs: 5, learningRate: 0.2, normalize: true });
    expect(unit.normalized).toBe(true);
    expect(plain.normalized).toBeUndefined();
    const allNoise = Int32Array.from({ length: 20 }, (_, k) => 10 + k);
    // The same row scores bias + Σw/√n, not bias + Σw.
    const sum = [...allNoise].reduce((s, j) => s + (unit.weights[j] as number), 0);
    expect(logit(unit, allNoise)).toBeCloseTo(unit.bias + sum / Math.sqrt(20), 5);
    expect(Math.abs(logit(unit, allNoise))).toBeLessThan(Math.abs(logit(plain, allNoise)));
    expect(sigmoid(logit(unit, Int32Array.from([1])))).toBeGreaterThan(0.9);
  });

  it('Platt scaling shrinks over-confident logits on noisy held-out data', () => {
    // Logits of ±6 (p ≈ 0.998) that are right only 75 % of the time.
    const z = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 6 : -6));
    const labels = z.map((v, i) => { const right = v > 0 ? 1 : 0; return i % 8 < 2 ? 1 - right : right; });
    const { a } = fitPlatt(z, labels);
    expect(a).toBeGreaterThan(0);
    expect(sigmoid(a * 6)).toBeGreaterThan(0.65);
    expect(sigmoid(a * 6)).toBeLessThan(0.85);
  });

  it('the dense logistic fit recovers the slope and offset that generated the data', () => {
    const r = seededRandom(8);
    const x: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const v = r() * 6 - 3;
      x.push([v]);
      labels.push(r() < sigmoid(2 * v - 1) ? 1 : 0);
    }
    const [slope, offset] = fitDenseLogistic(x, labels);
    expect(slope).toBeGreaterThan(1.7);
    expect(slope).toBeLessThan(2.3);
    expect(offset).toBeGreaterThan(-1.3);
    expect(offset).toBeLessThan(-0.7);
  });

  it('stores weights as base64 float32 and refuses a truncated table', () => {
    const w = Float32Array.from([0.5, -1.25, 3, 0]);
    expect([...decodeWeights(encodeWeights(w), 2)]).toEqual([0.5, -1.25, 3, 0]);
    expect(() => decodeWeights(encodeWeights(w.subarray(0, 3)), 2)).toThrow(/expected 16/);
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
    for (const e of split.test) {
      const p = predictTriage(model, e.text);
      expect(p.route?.confidence ?? 0).toBeLessThanOrEqual(MAX_CONFIDENCE);
      expect(p.category?.confidence ?? 0).toBeLessThanOrEqual(MAX_CONFIDENCE);
    }
    expect(MAX_CONFIDENCE).toBeLessThan(1);
  });

  it('takes the review threshold from the cost table', () => {
    expect(model.costs).toEqual(DEFAULT_COSTS);
    expect(model.reviewThreshold).toBe(0.8);
    expect(thresholdFor({ wrongRoute: 10, review: 1 })).toBeCloseTo(0.9);
    const cheapReview = trainTriageModel(split.train, split.calibration, { source: 'unit test', now: new Date(0) }, { costs: { wrongRoute: 20, review: 1 } });
    expect(cheapReview.reviewThreshold).toBeCloseTo(0.95);
  });

  it('leans to "either route" on text it knows less of, and flags text unlike its training data', () => {
    expect(model.typicalKnownShare).toBeGreaterThan(0);
    expect(model.typicalKnownShare).toBeLessThanOrEqual(1);
    const text = 'vpn error on my laptop since the update';
    const noise = 'qwzx vbnmk plokij uytrew zzkqa frobb';
    const plain = predictTriage(model, text);
    const diluted = predictTriage(model, `${text} ${noise}`);
    expect(diluted.familiarity.weight).toBeLessThan(plain.familiarity.weight);
    expect(diluted.route?.label).toBe(plain.route?.label);
    expect(diluted.route?.confidence ?? 1).toBeLessThan(plain.route?.confidence ?? 0);
    // Nothing known: no evidence at all, so exactly 0.5 and flagged.
    const none = predictTriage(model, noise);
    expect(none.familiarity).toEqual({ knownShare: 0, weight: 0, unfamiliar: true });
    expect(none.route?.confidence).toBe(0.5);
    expect(familiarity(model, text).unfamiliar).toBe(false);
  });

  it('round-trips through JSON and rejects a file that is not a model or has damaged weights', () => {
    const again = parseTriageModel(JSON.parse(JSON.stringify(model)), 'm.json');
    expect(again.route.normalized).toBe(true);
    const text = 'vpn error on the laptop, the network drops every hour since the upgrade';
    expect(predictTriage(again, text)).toEqual(predictTriage(model, text));
    expect(() => parseTriageModel({ format: 'other' }, 'm.json')).toThrow(/npm run build -w proxy/);
    expect(() => parseTriageModel({ ...model, format: 'seam-triage-nb/1' }, 'm.json')).toThrow(/not a seam-triage\/2 model/);
    expect(() => parseTriageModel({ ...model, route: { ...model.route, weights: 'AAAA' } }, 'm.json')).toThrow(/route weights are damaged/);
  });

  it('a model directory given by name must hold a model: no quiet fall-back to the shipped one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seam-model-'));
    try {
      expect(() => readChosenModel(dir)).toThrow(/--model .*no triage-model\.json.*npm run train -w proxy -- --data FILE\.csv --out/);
      writeModel(dir, model);
      expect(readChosenModel(dir).trainedAt).toBe(model.trainedAt);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

  const rows = [
    { truth: 'a', predicted: 'a', confidence: 0.95 },
    { truth: 'b', predicted: 'b', confidence: 0.9 },
    { truth: 'a', predicted: 'b', confidence: 0.7 },
    { truth: 'b', predicted: 'b', confidence: 0.6 },
  ];

  it('coverage vs accuracy routes the most confident share and reviews the rest', () => {
    expect(accuracyAtCoverage(rows, 0.5)).toMatchObject({ coverage: 0.5, accuracy: 1, threshold: 0.9, routed: 2 });
    expect(accuracyAtCoverage(rows, 1)).toMatchObject({ accuracy: 0.75, threshold: 0.6 });
    expect(coverageAtThreshold(rows, 0.8)).toMatchObject({ coverage: 0.5, accuracy: 1, routed: 2 });
    expect(coverageAtThreshold(rows, 0.99)).toMatchObject({ coverage: 0, accuracy: 0, routed: 0 });
  });

  it('prices a threshold with the cost table: wrong routes and reviews per ticket', () => {
    const costs = { wrongRoute: 5, review: 1 };
    expect(costPerTicket(rows, 0.5, costs)).toBe(5 / 4); // one wrong route
    expect(costPerTicket(rows, 0.8, costs)).toBe(2 / 4); // two reviews
    expect(costPerTicket(rows, 0.99, costs)).toBe(1); // everything reviewed
  });

  it('the ECE noise floor: what a perfectly calibrated model scores on the same confidences', () => {
    const r = seededRandom(11);
    const few = Array.from({ length: 50 }, (_, i) => ({ truth: 'a', predicted: 'a', confidence: 0.6 + (i % 4) / 10 }));
    const many = Array.from({ length: 5000 }, (_, i) => ({ truth: 'a', predicted: 'a', confidence: 0.6 + (i % 4) / 10 }));
    const small = eceNoiseFloor(few, r, 400);
    const large = eceNoiseFloor(many, r, 100);
    // Fewer tickets, higher floor; the floor shrinks like 1/√n.
    expect(small.mean).toBeGreaterThan(0.04);
    expect(large.mean).toBeLessThan(0.015);
    expect(small.p90).toBeGreaterThanOrEqual(small.mean);
    // Certain predictions are always right under perfect calibration: no floor.
    expect(eceNoiseFloor([{ truth: 'a', predicted: 'a', confidence: 1 }], r, 10)).toEqual({ mean: 0, p90: 0 });
    expect(eceNoiseFloor([], r)).toEqual({ mean: 0, p90: 0 });
  });

  it('ECE per predicted route looks only at that route\'s predictions', () => {
    const e = eceByPredicted(rows, ['a', 'b', 'c']);
    expect(e['a']).toBeCloseTo(0.05);
    // b: bins 0.9 (right), 0.7 (wrong), 0.6 (right) → (0.1 + 0.7 + 0.4) / 3
    expect(e['b']).toBeCloseTo(1.2 / 3);
    expect(e['c']).toBe(0);
  });
});
