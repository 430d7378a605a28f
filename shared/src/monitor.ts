/**
 * Is the triage getting worse? Compares the latest window of triaged tickets with the baseline
 * window just before it, on two signals:
 * - confidence: the window's mean confidence fell (or its share sent to review rose) past a threshold;
 * - unknown issue types: the share of tickets close to no class (confidence below `unknownBelow`) rose.
 * Each signal alerts once per episode: it fires when crossing its threshold and re-arms only after
 * falling back below half of it (hysteresis), so a persistent shift is one alert, not one per ticket.
 * Pure: samples and the previous episode state in, the new state and the alerts out.
 */
import { err, ok } from './types';
import type { FieldProblem, Result } from './types';

export interface TriageSample {
  readonly confidence: number;
  /** The route the model answered: servicenow | salesforce | review. */
  readonly route: string;
}

export interface DriftSettings {
  /** Tickets in the rolling window (the latest). */
  readonly windowSize: number;
  /** Tickets in the baseline window (just before the rolling one). */
  readonly baselineSize: number;
  /** Alert when baseline mean confidence − window mean confidence reaches this. */
  readonly confidenceDrop: number;
  /** …or when the window's review share − the baseline's reaches this. */
  readonly reviewShareRise: number;
  /** Confidence strictly below this counts as "to review" (the triage policy's reviewBelow). */
  readonly reviewBelow: number;
  /** A ticket with confidence strictly below this is close to no class. */
  readonly unknownBelow: number;
  /** Alert when the window's share of such tickets − the baseline's reaches this. */
  readonly unknownShareRise: number;
}

export const DEFAULT_DRIFT_SETTINGS: DriftSettings = {
  windowSize: 50,
  baselineSize: 200,
  confidenceDrop: 0.15,
  reviewShareRise: 0.2,
  reviewBelow: 0.5,
  unknownBelow: 0.75,
  unknownShareRise: 0.25,
};

export type DriftSignal = 'confidence' | 'unknown_types';

export interface DriftEpisodes {
  readonly confidence: boolean;
  readonly unknown_types: boolean;
}

export const NO_EPISODES: DriftEpisodes = { confidence: false, unknown_types: false };

export interface WindowStats {
  readonly n: number;
  readonly meanConfidence: number;
  readonly reviewShare: number;
  readonly unknownShare: number;
}

export interface DriftAlert {
  readonly signal: DriftSignal;
  /** One line for the console, the event's parm2 and the log: the numbers and the thresholds. */
  readonly message: string;
}

export interface DriftEvaluation {
  /** false while fewer than baselineSize + windowSize samples exist (nothing is judged). */
  readonly judged: boolean;
  readonly baseline: WindowStats | null;
  readonly window: WindowStats | null;
  readonly episodes: DriftEpisodes;
  /** Signals whose episode started with this evaluation (at most one alert each). */
  readonly alerts: readonly DriftAlert[];
}

export function windowStats(samples: readonly TriageSample[], s: Pick<DriftSettings, 'reviewBelow' | 'unknownBelow'>): WindowStats {
  const n = samples.length;
  if (n === 0) return { n, meanConfidence: 0, reviewShare: 0, unknownShare: 0 };
  let sum = 0;
  let review = 0;
  let unknown = 0;
  for (const x of samples) {
    sum += x.confidence;
    if (x.route === 'review' || x.confidence < s.reviewBelow) review += 1;
    if (x.confidence < s.unknownBelow) unknown += 1;
  }
  return { n, meanConfidence: sum / n, reviewShare: review / n, unknownShare: unknown / n };
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const r2 = (x: number): string => (Math.round(x * 100) / 100).toFixed(2);

/**
 * @param samples chronological, oldest first; only the last baselineSize + windowSize are read.
 * @param previous the episode state the last evaluation returned (NO_EPISODES at first).
 */
export function evaluateTriageDrift(samples: readonly TriageSample[], settings: DriftSettings, previous: DriftEpisodes): DriftEvaluation {
  const need = settings.baselineSize + settings.windowSize;
  if (samples.length < need) return { judged: false, baseline: null, window: null, episodes: previous, alerts: [] };
  const recent = samples.slice(samples.length - need);
  const baseline = windowStats(recent.slice(0, settings.baselineSize), settings);
  const current = windowStats(recent.slice(settings.baselineSize), settings);

  const drop = baseline.meanConfidence - current.meanConfidence;
  const reviewRise = current.reviewShare - baseline.reviewShare;
  const unknownRise = current.unknownShare - baseline.unknownShare;
  // Each signal's strength as a share of its threshold: ≥ 1 fires, < 0.5 re-arms.
  const confidenceLevel = Math.max(drop / settings.confidenceDrop, reviewRise / settings.reviewShareRise);
  const unknownLevel = unknownRise / settings.unknownShareRise;

  const alerts: DriftAlert[] = [];
  const next = (signal: DriftSignal, level: number, message: () => string): boolean => {
    const was = previous[signal];
    if (!was && level >= 1) {
      alerts.push({ signal, message: message() });
      return true;
    }
    return was ? level >= 0.5 : false;
  };
  const last = `the last ${current.n} triaged tickets`;
  const before = `the ${baseline.n} before`;
  const episodes: DriftEpisodes = {
    confidence: next('confidence', confidenceLevel, () =>
      `Seam triage confidence drift: mean confidence ${r2(current.meanConfidence)} over ${last} vs ${r2(baseline.meanConfidence)} over ${before} ` +
      `(alert at a drop of ${settings.confidenceDrop}); sent to review ${pct(current.reviewShare)} vs ${pct(baseline.reviewShare)} (alert at +${pct(settings.reviewShareRise)}). ` +
      'Check recent tickets for a new kind of request or a changed form; retrain on recent closed tickets if the model no longer fits.'),
    unknown_types: next('unknown_types', unknownLevel, () =>
      `Seam triage sees new, unhandled issue types: ${pct(current.unknownShare)} of ${last} are close to no class (confidence below ${settings.unknownBelow}) vs ` +
      `${pct(baseline.unknownShare)} of ${before} (alert at +${pct(settings.unknownShareRise)}). ` +
      'Read a sample in the triage review queue; add the new type to the routing rules or retrain with labelled examples.'),
  };
  return { judged: true, baseline, window: current, episodes, alerts };
}

/** Validates drift settings from configuration; every problem names the field and the fix. */
export function parseDriftSettings(input: Readonly<Record<string, unknown>>): Result<DriftSettings, FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const out: Record<string, number> = {};
  const whole = (k: 'windowSize' | 'baselineSize', min: number, max: number): void => {
    const v = input[k] === undefined ? DEFAULT_DRIFT_SETTINGS[k] : input[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      problems.push({ field: `drift.${k}`, problem: `is ${JSON.stringify(v)}, not a whole number from ${min} to ${max}`, fix: `set ${k} to e.g. ${DEFAULT_DRIFT_SETTINGS[k]}`, value: v });
    } else out[k] = v;
  };
  const share = (k: 'confidenceDrop' | 'reviewShareRise' | 'reviewBelow' | 'unknownBelow' | 'unknownShareRise', minExclusive: boolean): void => {
    const v = input[k] === undefined ? DEFAULT_DRIFT_SETTINGS[k] : input[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v > 1 || v < 0 || (minExclusive && v === 0)) {
      problems.push({ field: `drift.${k}`, problem: `is ${JSON.stringify(v)}, not a number ${minExclusive ? 'above 0' : 'from 0'} up to 1`, fix: `set ${k} to e.g. ${DEFAULT_DRIFT_SETTINGS[k]}`, value: v });
    } else out[k] = v;
  };
  whole('windowSize', 5, 5000);
  whole('baselineSize', 5, 20000);
  share('confidenceDrop', true);
  share('reviewShareRise', true);
  share('reviewBelow', false);
  share('unknownBelow', false);
  share('unknownShareRise', true);
  return problems.length ? err(problems) : ok(out as unknown as DriftSettings);
}
