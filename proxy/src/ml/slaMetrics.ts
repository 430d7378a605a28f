/** Binary-classification metrics for `eval:sla`: ROC-AUC, precision/recall at a threshold, calibration. */

/** ROC-AUC by the rank statistic (ties count half); 0.5 when one class is absent. */
export function rocAuc(scores: readonly number[], truth: readonly (0 | 1)[]): number {
  const pairs = scores.map((s, i) => [s, truth[i] ?? 0] as const).sort((a, b) => a[0] - b[0]);
  let pos = 0; let neg = 0; let rankSum = 0;
  for (let i = 0; i < pairs.length;) {
    let j = i;
    while (j < pairs.length && pairs[j]![0] === pairs[i]![0]) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (pairs[k]![1] === 1) rankSum += avgRank;
    i = j;
  }
  for (const [, t] of pairs) if (t === 1) pos++; else neg++;
  if (pos === 0 || neg === 0) return 0.5;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface ThresholdReport {
  readonly threshold: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly flagged: number;
}

export function atThreshold(scores: readonly number[], truth: readonly (0 | 1)[], threshold: number): ThresholdReport {
  let tp = 0; let fp = 0; let fn = 0;
  scores.forEach((s, i) => {
    if (s >= threshold) { if (truth[i] === 1) tp++; else fp++; } else if (truth[i] === 1) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { threshold, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), flagged: tp + fp };
}

export interface CalibrationBin {
  readonly from: number;
  readonly to: number;
  readonly n: number;
  readonly meanPredicted: number;
  readonly observed: number;
}

/** Ten equal-width bins of predicted risk: mean prediction beside the observed breach rate. */
export function calibration(scores: readonly number[], truth: readonly (0 | 1)[], bins = 10): { bins: CalibrationBin[]; ece: number } {
  const acc = Array.from({ length: bins }, () => ({ n: 0, p: 0, y: 0 }));
  scores.forEach((s, i) => {
    const b = acc[Math.min(bins - 1, Math.floor(s * bins))]!;
    b.n++; b.p += s; b.y += truth[i] ?? 0;
  });
  const out = acc.map((b, i) => ({ from: i / bins, to: (i + 1) / bins, n: b.n, meanPredicted: b.n ? b.p / b.n : 0, observed: b.n ? b.y / b.n : 0 }));
  const ece = out.reduce((e, b) => e + (b.n / Math.max(1, scores.length)) * Math.abs(b.meanPredicted - b.observed), 0);
  return { bins: out, ece };
}
