/**
 * Accuracy reviews: a reproducible sample of routed tickets for people to mark right or wrong, and
 * the measured routing accuracy per week with its Wilson score interval (honest at small n and
 * near 0 or 1, where the normal approximation is not). Pure: the seed and the week are passed in.
 */
import { sha256Hex } from './hash';

export interface WilsonInterval {
  readonly n: number;
  readonly right: number;
  /** right / n; null when n = 0. */
  readonly estimate: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/** Wilson score interval for a binomial proportion; z = 1.96 is the 95 % interval. */
export function wilsonInterval(right: number, n: number, z = 1.96): WilsonInterval {
  if (!(n > 0)) return { n: 0, right: 0, estimate: null, low: null, high: null };
  const p = right / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { n, right, estimate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Picks `size` of the candidate ids, the same ones for the same seed (e.g. the ISO week), each id
 * equally likely: ordered by a hash of seed + id. Ids already sampled are skipped.
 */
export function sampleForReview(candidateIds: readonly string[], size: number, seed: string, alreadySampled: readonly string[] = []): string[] {
  const skip = new Set(alreadySampled);
  const unique = Array.from(new Set(candidateIds)).filter((id) => !skip.has(id));
  return unique
    .map((id) => ({ id, key: parseInt(sha256Hex(`${seed}\u0000${id}`).slice(0, 12), 16) }))
    .sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : 1))
    .slice(0, Math.max(0, size))
    .map((x) => x.id);
}

/** ISO-8601 week (`2026-W49`) of an instant, in UTC. */
export function isoWeek(ms: number): string {
  const d = new Date(ms);
  // The week's Thursday decides its year (ISO 8601).
  const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 3));
  const year = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const firstThursday = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((thursday.getTime() - firstThursday) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface AccuracyVerdictRow {
  readonly week: string;
  /** right | wrong | pending (not reviewed yet: not counted). */
  readonly verdict: string;
}

export interface WeeklyAccuracy extends WilsonInterval {
  readonly week: string;
  readonly pending: number;
}

/** Accuracy per week, oldest first; pending rows are reported, not counted. */
export function weeklyAccuracy(rows: readonly AccuracyVerdictRow[], z = 1.96): WeeklyAccuracy[] {
  const weeks = new Map<string, { right: number; wrong: number; pending: number }>();
  for (const r of rows) {
    const w = weeks.get(r.week) ?? { right: 0, wrong: 0, pending: 0 };
    if (r.verdict === 'right') w.right += 1;
    else if (r.verdict === 'wrong') w.wrong += 1;
    else w.pending += 1;
    weeks.set(r.week, w);
  }
  return Array.from(weeks.keys())
    .sort()
    .map((week) => {
      const w = weeks.get(week) as { right: number; wrong: number; pending: number };
      return { week, pending: w.pending, ...wilsonInterval(w.right, w.right + w.wrong, z) };
    });
}
