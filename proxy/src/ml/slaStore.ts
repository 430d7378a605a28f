/** Reading, writing and training the SLA risk model from a file (the public event log by default). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_DATA_DIR } from './modelStore.js';
import { parseSlaEventLog, type SlaExample } from './slaData.js';
import { parseSlaModel, SLA_MODEL_FILE, trainSlaModel, type SlaModel } from './slaModel.js';

export const SLA_PUBLIC_FILE = 'servicenow-incident-event-log.csv';
export const SLA_DEFAULT_SOURCE = 'shared/data/servicenow-incident-event-log.csv (UCI 498, partial copy)';

/** Reads an event log; throws an error naming the file, each problem and the fix. */
export function readSlaExamples(file: string): { examples: SlaExample[]; incidents: number; skipped: number } {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) {
    throw new Error(`--data ${file}: cannot read it (${(e as Error).message}). Pass the path of your incident event log export (CSV).`);
  }
  const parsed = parseSlaEventLog(text, file);
  if (!parsed.ok) throw new Error(`cannot use ${file}:\n  - ${parsed.problems.join('\n  - ')}`);
  return parsed;
}

export const publicSlaFile = (dataDir = PUBLIC_DATA_DIR): string => join(dataDir, SLA_PUBLIC_FILE);

export function readSlaModel(dir: string): SlaModel {
  const file = join(dir, SLA_MODEL_FILE);
  return parseSlaModel(JSON.parse(readFileSync(file, 'utf8')), file);
}

export function writeSlaModel(dir: string, model: SlaModel): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, SLA_MODEL_FILE);
  writeFileSync(file, JSON.stringify(model));
  return file;
}

export const slaModelExists = (dir: string): boolean => existsSync(join(dir, SLA_MODEL_FILE));

const trained = new Map<string, SlaModel>();

/** The shipped model: every prediction point of the public log (trained once per process). */
export function trainDefaultSlaModel(dataDir = PUBLIC_DATA_DIR, now = new Date()): SlaModel {
  const known = trained.get(dataDir);
  if (known) return known;
  const model = trainSlaModel(readSlaExamples(publicSlaFile(dataDir)).examples, { source: SLA_DEFAULT_SOURCE, now });
  trained.set(dataDir, model);
  return model;
}
