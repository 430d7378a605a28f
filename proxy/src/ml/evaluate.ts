/** Classification metrics for `eval:triage`: plain functions over (truth, prediction, confidence). */

export interface Prediction {
  readonly truth: string;
  readonly predicted: string;
  /** The probability the model gave its predicted label, in [0, 1]. */
  readonly confidence: number;
}

export interface ClassReport {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface EvalReport {
  readonly n: number;
  readonly accuracy: number;
  readonly macroF1: number;
  /** Expected calibration error over 10 equal-width confidence bins. */
  readonly ece: number;
  readonly perClass: readonly ClassReport[];
  readonly labels: readonly string[];
  /** confusion[i][j]: truth labels[i] predicted as labels[j]. */
  readonly confusion: readonly (readonly number[])[];
}

export function evaluate(preds: readonly Prediction[], labelOrder?: readonly string[]): EvalReport {
  const labels = labelOrder
    ? [...labelOrder]
    : [...new Set(preds.flatMap((p) => [p.truth, p.predicted]))].sort();
  const idx = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => new Array<number>(labels.length).fill(0));
  let correct = 0;
  for (const p of preds) {
    const i = idx.get(p.truth);
    const j = idx.get(p.predicted);
    if (p.truth === p.predicted) correct++;
    if (i !== undefined && j !== undefined) (confusion[i] as number[])[j]! += 1;
  }
  const perClass = labels.map((label, i): ClassReport => {
    const tp = confusion[i]?.[i] ?? 0;
    const support = (confusion[i] ?? []).reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((a, row) => a + (row[i] ?? 0), 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const withSupport = perClass.filter((c) => c.support > 0);
  const macroF1 = withSupport.length === 0 ? 0 : withSupport.reduce((a, c) => a + c.f1, 0) / withSupport.length;
  return {
    n: preds.length,
    accuracy: preds.length === 0 ? 0 : correct / preds.length,
    macroF1,
    ece: expectedCalibrationError(preds),
    perClass,
    labels,
    confusion,
  };
}

/** ECE = Σ_bins (|bin| / n) · |accuracy(bin) − mean confidence(bin)|. */
export function expectedCalibrationError(preds: readonly Prediction[], bins = 10): number {
  if (preds.length === 0) return 0;
  const count = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const acc = new Array<number>(bins).fill(0);
  for (const p of preds) {
    const b = Math.min(bins - 1, Math.floor(p.confidence * bins));
    count[b]! += 1;
    conf[b]! += p.confidence;
    if (p.truth === p.predicted) acc[b]! += 1;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const n = count[b]!;
    if (n > 0) ece += (n / preds.length) * Math.abs(acc[b]! / n - conf[b]! / n);
  }
  return ece;
}

/** A prediction that may have been sent to review instead of routed (`routed: false`). */
export interface RoutedPrediction extends Prediction {
  readonly routed: boolean;
}

/** ECE of the predictions of each predicted class (ECE "per route"). */
export function eceByPredicted(preds: readonly Prediction[], labels: readonly string[]): Record<string, number> {
  return Object.fromEntries(labels.map((l) => [l, expectedCalibrationError(preds.filter((p) => p.predicted === l))]));
}

export interface CoveragePoint {
  /** Share of tickets routed automatically. */
  readonly coverage: number;
  /** Accuracy of the routed ones. */
  readonly accuracy: number;
  /** The lowest confidence routed. */
  readonly threshold: number;
  readonly routed: number;
}

/** Accuracy when only the most confident `coverage` share is routed (the rest reviewed). */
export function accuracyAtCoverage(preds: readonly Prediction[], coverage: number): CoveragePoint {
  const sorted = [...preds].sort((a, b) => b.confidence - a.confidence);
  const k = Math.max(1, Math.round(sorted.length * coverage));
  const top = sorted.slice(0, k);
  return {
    coverage: preds.length ? k / preds.length : 0,
    accuracy: top.length ? top.filter((p) => p.truth === p.predicted).length / top.length : 0,
    threshold: top[top.length - 1]?.confidence ?? 0,
    routed: k,
  };
}

/** Coverage and accuracy when every prediction with confidence ≥ `threshold` is routed. */
export function coverageAtThreshold(preds: readonly Prediction[], threshold: number): CoveragePoint {
  const routed = preds.filter((p) => p.confidence >= threshold);
  return {
    coverage: preds.length ? routed.length / preds.length : 0,
    accuracy: routed.length ? routed.filter((p) => p.truth === p.predicted).length / routed.length : 0,
    threshold,
    routed: routed.length,
  };
}

/** Average cost per ticket of routing at `threshold`: wrong routes × wrongRoute + reviews × review. */
export function costPerTicket(preds: readonly Prediction[], threshold: number, costs: { wrongRoute: number; review: number }): number {
  if (preds.length === 0) return 0;
  let total = 0;
  for (const p of preds) total += p.confidence >= threshold ? (p.truth === p.predicted ? 0 : costs.wrongRoute) : costs.review;
  return total / preds.length;
}

/** What ECE a perfectly calibrated model would show on these confidences (see `eceNoiseFloor`). */
export interface EceNoiseFloor {
  readonly mean: number;
  /** 90 % of the simulated perfectly calibrated runs score at most this. */
  readonly p90: number;
}

/**
 * ECE has a floor set by the sample, not the model: on a few hundred tickets even a perfectly
 * calibrated model scores above 0. This draws each prediction's correctness from its own
 * confidence (`draws` times, `random` in [0, 1), passed in so the figure is reproducible) and
 * reports the ECE such a model would get, so a measured ECE can be read against it.
 */
export function eceNoiseFloor(preds: readonly Prediction[], random: () => number, draws = 1000): EceNoiseFloor {
  if (preds.length === 0) return { mean: 0, p90: 0 };
  const eces: number[] = [];
  for (let d = 0; d < draws; d++) {
    eces.push(expectedCalibrationError(preds.map((p) => ({ truth: random() < p.confidence ? p.predicted : `not ${p.predicted}`, predicted: p.predicted, confidence: p.confidence }))));
  }
  eces.sort((a, b) => a - b);
  return { mean: eces.reduce((a, b) => a + b, 0) / draws, p90: eces[Math.min(draws - 1, Math.floor(draws * 0.9))] as number };
}
