/**
 * The backfill's checkpoint: where the last completed chunk ended, so a killed run resumes there.
 * Written atomically (temp file + rename) after every chunk, so a kill never leaves half a file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const CHECKPOINT_FORMAT = 'seam-backfill/1';

/**
 * @typedef {{ format: string, target: string, phase: 'incidents' | 'cases' | 'done', incidentOffset: number,
 *   lastCaseId: string, totals: Record<string, number>, startedAt: string, updatedAt: string }} Checkpoint
 */

/** @param {string} target which instances this run is for (URLs only, never credentials) @param {string} nowIso @returns {Checkpoint} */
export const freshCheckpoint = (target, nowIso) => ({
  format: CHECKPOINT_FORMAT, target, phase: 'incidents', incidentOffset: 0, lastCaseId: '', totals: {}, startedAt: nowIso, updatedAt: nowIso,
});

/**
 * The saved checkpoint for `target`, or null. A checkpoint of other instances or another format
 * is refused rather than resumed against the wrong data.
 * @param {string} file @param {string} target @returns {Checkpoint | null}
 */
export function loadCheckpoint(file, target) {
  if (!existsSync(file)) return null;
  const cp = JSON.parse(readFileSync(file, 'utf8'));
  if (cp.format !== CHECKPOINT_FORMAT) throw new Error(`checkpoint ${file}: format "${cp.format}" is not ${CHECKPOINT_FORMAT}; delete it or pass --restart`);
  if (cp.target !== target) throw new Error(`checkpoint ${file} is for ${cp.target}, not ${target}; pass another --checkpoint or --restart`);
  return cp;
}

/** @param {string} file @param {Checkpoint} cp */
export function saveCheckpoint(file, cp) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(cp, null, 1));
  renameSync(tmp, file);
}

/** @param {string} file */
export function removeCheckpoint(file) { rmSync(file, { force: true }); }
