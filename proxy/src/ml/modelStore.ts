/** Reading and writing the trained model, and training the default one from the public data. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPublicData, parseHistoryCsv, selectSplit, splitExamples, type TriageExample } from './dataset.js';
import { parseTriageModel, trainTriageModel, type TrainOptions, type TriageModel } from './triageModel.js';

export const MODEL_FILE = 'triage-model.json';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * The public data: `../shared/data` beside the repository (read-only, as the data README says),
 * else `shared/data` inside it; `SEAM_PROXY_DATA_DIR` overrides both.
 */
export const PUBLIC_DATA_DIR =
  process.env['SEAM_PROXY_DATA_DIR'] ||
  [resolve(REPO_ROOT, '..', 'shared', 'data'), resolve(REPO_ROOT, 'shared', 'data')].find((d) => existsSync(join(d, 'banking77-train.csv'))) ||
  resolve(REPO_ROOT, '..', 'shared', 'data');

/** English multi-queue support tickets, both routes in one style, with a fixed split (proxy/data/README.md). */
export const MIXED_DATA_FILE = resolve(REPO_ROOT, 'proxy', 'data', 'support-tickets-en.csv');

export function readModel(dir: string): TriageModel {
  const file = join(dir, MODEL_FILE);
  return parseTriageModel(JSON.parse(readFileSync(file, 'utf8')), file);
}

export function writeModel(dir: string, model: TriageModel): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, MODEL_FILE);
  writeFileSync(file, JSON.stringify(model));
  return file;
}

export const DEFAULT_SOURCE = 'shared/data (public IT helpdesk + BANKING77) + proxy/data (multi-queue support tickets, train split)';

/**
 * Each multi-queue training ticket counts this many times: 985 of them against 11.5 k public ones,
 * and they are the only examples where both routes share one vocabulary. Chosen on the calibration
 * split (README "Training data"), never on the test split.
 */
export const MIXED_WEIGHT = 6;

export function loadMixedData(file = MIXED_DATA_FILE): TriageExample[] {
  const parsed = parseHistoryCsv(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`cannot read ${file}:\n  - ${parsed.problems.join('\n  - ')}`);
  return parsed.examples;
}

export interface TrainingSets {
  readonly train: TriageExample[];
  readonly calibration: TriageExample[];
  /** Held out: the public 10 % test split and the multi-queue `test` split. */
  readonly publicTest: TriageExample[];
  readonly mixedTest: TriageExample[];
}

/**
 * What the shipped model learns from: the public 80 % train split plus the multi-queue `train`
 * split (weighted); Platt scaling and the familiarity baseline on both calibration splits. The
 * multi-queue `customer` and `test` splits are never used here (`customer` simulates a customer's
 * own export for the retrain check, `test` is the held-out evaluation).
 */
export function shippedTrainingSets(dataDir = PUBLIC_DATA_DIR, mixedFile = MIXED_DATA_FILE, mixedWeight = MIXED_WEIGHT): TrainingSets {
  const pub = splitExamples(loadPublicData(dataDir));
  const mixed = existsSync(mixedFile) ? loadMixedData(mixedFile) : [];
  const pick = (name: string): TriageExample[] => (mixed.length ? selectSplit(mixed, [name], mixedFile) : []);
  return {
    train: [...pub.train, ...pick('train').map((e) => ({ ...e, weight: mixedWeight }))],
    calibration: [...pub.calibration, ...pick('calibration')],
    publicTest: pub.test,
    mixedTest: pick('test'),
  };
}

/**
 * A customer's retrain: their history (split 80/10/10 by route, seeded) added to `base` (what the
 * shipped model learns from) with `weight`, or alone without a base. Their history is what they
 * trust most, but a few hundred rows alone forget what the public data taught. Returns the
 * history's held-out 10 % with the model.
 */
export function retrainOnHistory(
  history: readonly TriageExample[],
  base: Pick<TrainingSets, 'train' | 'calibration'> | undefined,
  meta: { source: string; now: Date; weight?: number } & TrainOptions,
): { model: TriageModel; test: TriageExample[] } {
  const split = splitExamples(history);
  const weight = meta.weight ?? MIXED_WEIGHT;
  const train = [...(base?.train ?? []), ...split.train.map((e) => ({ ...e, weight }))];
  const calibration = [...(base?.calibration ?? []), ...split.calibration];
  return { model: trainTriageModel(train, calibration, { source: meta.source, now: meta.now }, meta), test: split.test };
}

/** Only the public corpora (for a customer whose routing convention differs from the multi-queue mapping). */
export function publicTrainingSets(dataDir = PUBLIC_DATA_DIR): Pick<TrainingSets, 'train' | 'calibration'> {
  const pub = splitExamples(loadPublicData(dataDir));
  return { train: pub.train, calibration: pub.calibration };
}

/** The shipped model (see `shippedTrainingSets`). */
export function trainDefaultModel(dataDir = PUBLIC_DATA_DIR, now = new Date(), options: TrainOptions = {}): TriageModel {
  const sets = shippedTrainingSets(dataDir);
  return trainTriageModel(sets.train, sets.calibration, { source: DEFAULT_SOURCE, now }, options);
}

export function modelExists(dir: string): boolean {
  return existsSync(join(dir, MODEL_FILE));
}

/**
 * The model a command was pointed at with `--model DIR`. A missing file is an error, not a quiet
 * fall-back to the shipped model: a mistyped directory would otherwise report the shipped model's
 * numbers under the retrained model's name.
 */
export function readChosenModel(dir: string): TriageModel {
  if (!modelExists(dir)) {
    throw new Error(`--model ${dir}: there is no ${MODEL_FILE} in it. Train one there with "npm run train -w proxy -- --data FILE.csv --out ${dir}", or leave --model out to use the shipped model.`);
  }
  return readModel(dir);
}
