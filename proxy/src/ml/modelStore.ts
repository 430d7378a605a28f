/** Reading and writing the trained model, and training the default one from the public data. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPublicData, splitExamples } from './dataset.js';
import { parseTriageModel, trainTriageModel, type TriageModel } from './triageModel.js';

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

export const DEFAULT_SOURCE = 'shared/data (public IT helpdesk + BANKING77)';

/** The shipped model: trained on the 80 % train split, temperature fitted on the 10 % calibration split. */
export function trainDefaultModel(dataDir = PUBLIC_DATA_DIR, now = new Date()): TriageModel {
  const split = splitExamples(loadPublicData(dataDir));
  return trainTriageModel(split.train, split.calibration, { source: DEFAULT_SOURCE, now });
}

export function modelExists(dir: string): boolean {
  return existsSync(join(dir, MODEL_FILE));
}
