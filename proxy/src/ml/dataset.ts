/**
 * Training examples: the public data in `shared/data` and a customer's own history export.
 *
 * Every example carries a route (the decision that matters most: does this become a ServiceNow
 * incident or stay a Salesforce case), a category, and a priority when the source has one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvRecords } from './csv.js';
import { BANKING_INTENT_CATEGORY, IT_CODE_CATEGORY, PRIORITY_WORDS, SEAM_CATEGORIES } from './taxonomy.js';

export type Route = 'servicenow' | 'salesforce';
export const ROUTES: readonly Route[] = ['salesforce', 'servicenow'];

export interface TriageExample {
  readonly text: string;
  readonly route: Route;
  readonly category?: string;
  readonly priority?: string;
  /** The label in the source data (e.g. the BANKING77 intent), for per-intent reports. */
  readonly sourceLabel?: string;
  /** The export's `queue` (else `source`) value, for per-queue reports. */
  readonly group?: string;
  /** The export's `split` value, when the file carries its own split (see proxy/data/README.md). */
  readonly split?: string;
  /** "public" for the shared/data corpora; anything else is e-mail style support data (the style head). */
  readonly corpus?: string;
  /** How much say the example has in training (default 1). */
  readonly weight?: number;
}

export type DatasetResult =
  | { readonly ok: true; readonly examples: TriageExample[]; readonly skipped: number }
  | { readonly ok: false; readonly problems: string[] };

/**
 * The public sets, with their labels mapped onto Seam's categories (see `taxonomy.ts`). Neither set has a usable priority (the IT set's
 * urgency and impact are constant), so the shipped model has no learned priority head.
 */
export function loadPublicData(dataDir: string): TriageExample[] {
  const it = csvRecords(readFileSync(join(dataDir, 'it-helpdesk-tickets.csv'), 'utf8')).records;
  const bank = csvRecords(readFileSync(join(dataDir, 'banking77-train.csv'), 'utf8')).records;
  const out: TriageExample[] = [];
  for (const r of it) {
    const text = `${r['title'] ?? ''} ${r['body'] ?? ''}`.trim();
    if (text) out.push({ text, route: 'servicenow', corpus: 'public', category: IT_CODE_CATEGORY[r['category'] ?? ''] ?? 'other' });
  }
  for (const r of bank) {
    if (r['text']) out.push({ text: r['text'], route: 'salesforce', corpus: 'public', category: BANKING_INTENT_CATEGORY[r['category'] ?? ''] ?? 'other', sourceLabel: r['category'] ?? '' });
  }
  return out;
}

const ROUTE_ALIASES: Readonly<Record<string, Route>> = {
  servicenow: 'servicenow', snow: 'servicenow', incident: 'servicenow', it: 'servicenow',
  salesforce: 'salesforce', sfdc: 'salesforce', case: 'salesforce', customer: 'salesforce',
};

/**
 * A customer's export of closed cases and incidents. Required columns: a text column (`text`,
 * or `subject`/`description`, `short_description`) and `route`; optional `category`, `priority`.
 * Problems name the column or line and the fix, so a wrong export is fixed in one go.
 */
export function parseHistoryCsv(csvText: string, fileName = 'the CSV', options: { allowOneRoute?: boolean } = {}): DatasetResult {
  const { header, records } = csvRecords(csvText);
  const problems: string[] = [];
  const textCols = ['text', 'subject', 'description', 'short_description', 'title', 'body'].filter((c) =>
    header.includes(c),
  );
  if (header.length === 0 || records.length === 0) {
    return { ok: false, problems: [`${fileName}: no rows. Export closed cases/incidents with a header line.`] };
  }
  if (textCols.length === 0) {
    problems.push(
      `${fileName}: column "text" is missing (found: ${header.join(', ')}). Add a "text" column, or "subject" and "description" columns, with the ticket text.`,
    );
  }
  if (!header.includes('route')) {
    problems.push(
      `${fileName}: column "route" is missing (found: ${header.join(', ')}). Add a "route" column holding servicenow or salesforce for each row.`,
    );
  }
  if (problems.length > 0) return { ok: false, problems };

  const examples: TriageExample[] = [];
  let skipped = 0;
  records.forEach((r, i) => {
    const line = i + 2;
    const text = textCols.map((c) => r[c] ?? '').join(' ').trim();
    const rawRoute = (r['route'] ?? '').trim().toLowerCase();
    const route = ROUTE_ALIASES[rawRoute];
    if (!text) { skipped++; return; }
    if (!route) {
      if (problems.length < 20) {
        problems.push(`${fileName} line ${line}: column "route" has "${rawRoute}". Use servicenow or salesforce.`);
      }
      return;
    }
    const category = (r['category'] ?? '').trim().toLowerCase();
    const rawPriority = (r['priority'] ?? '').trim().toLowerCase();
    // "2", "high" or ServiceNow's display value "2 - High".
    const priority = rawPriority ? (/^([1-5])\b/.exec(rawPriority)?.[1] ?? PRIORITY_WORDS[rawPriority]) : '';
    if (category && !(SEAM_CATEGORIES as readonly string[]).includes(category)) {
      if (problems.length < 20) problems.push(`${fileName} line ${line}: column "category" has "${category}". Use one of ${SEAM_CATEGORIES.join(', ')} (map your own categories onto these first), or leave it empty.`);
      return;
    }
    if (rawPriority && !priority) {
      if (problems.length < 20) problems.push(`${fileName} line ${line}: column "priority" has "${rawPriority}". Use 1-5 or critical/high/moderate/low/planning, or leave it empty.`);
      return;
    }
    const group = (r['queue'] ?? r['source'] ?? '').trim();
    const split = (r['split'] ?? '').trim().toLowerCase();
    examples.push({ text, route, ...(category ? { category } : {}), ...(priority ? { priority } : {}), ...(group ? { group } : {}), ...(split ? { split } : {}) });
  });
  if (problems.length > 0) return { ok: false, problems };
  const routes = new Set(examples.map((e) => e.route));
  if (routes.size < 2 && !options.allowOneRoute) {
    return {
      ok: false,
      problems: [`${fileName}: column "route" holds only "${[...routes].join('')}". Include closed tickets of both routes so the model can tell them apart.`],
    };
  }
  return { ok: true, examples, skipped };
}

/**
 * Rows of the export whose `split` column is one of `names` (e.g. ["test"]). A file without the
 * column is an error naming the fix, so a held-out evaluation never silently uses every row.
 */
export function selectSplit(examples: readonly TriageExample[], names: readonly string[], fileName: string): TriageExample[] {
  if (!examples.some((e) => e.split)) throw new Error(`${fileName}: --split needs a "split" column (e.g. train/calibration/test). Add one, or leave out --split.`);
  const picked = examples.filter((e) => e.split && names.includes(e.split));
  if (picked.length === 0) {
    const found = [...new Set(examples.map((e) => e.split ?? ''))].join(', ');
    throw new Error(`${fileName}: no row has split ${names.join(' or ')} (found: ${found}). Pass one of those values to --split.`);
  }
  return picked;
}

/**
 * Routes by queue, for an export whose routing convention differs from the default one: "Technical
 * Support=salesforce,IT Support=servicenow" sets the route of every row whose `queue`/`source` is
 * named; other rows keep theirs. Problems name the entry and the fix.
 */
export function parseQueueRoutes(spec: string): { ok: true; routes: Map<string, Route> } | { ok: false; problem: string } {
  const routes = new Map<string, Route>();
  for (const entry of spec.split(',').map((e) => e.trim()).filter(Boolean)) {
    const at = entry.lastIndexOf('=');
    const route = ROUTE_ALIASES[entry.slice(at + 1).trim().toLowerCase()];
    if (at <= 0 || !route) return { ok: false, problem: `--queue-routes entry "${entry}": write QUEUE=servicenow or QUEUE=salesforce, entries separated by commas.` };
    routes.set(entry.slice(0, at).trim(), route);
  }
  return { ok: true, routes };
}

export function withQueueRoutes(examples: readonly TriageExample[], routes: ReadonlyMap<string, Route>): TriageExample[] {
  return examples.map((e) => (e.group && routes.has(e.group) ? { ...e, route: routes.get(e.group) as Route } : e));
}

/** Mulberry32: a tiny seeded PRNG so splits are reproducible between build, eval and tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Split {
  readonly train: TriageExample[];
  readonly calibration: TriageExample[];
  readonly test: TriageExample[];
}

/** Stratified by route: 80 % train, 10 % calibration (temperature), 10 % held-out test. */
export function splitExamples(examples: readonly TriageExample[], seed = 7): Split {
  const split: Split = { train: [], calibration: [], test: [] };
  for (const route of ROUTES) {
    const group = examples.filter((e) => e.route === route);
    const rand = seededRandom(seed);
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [group[i], group[j]] = [group[j] as TriageExample, group[i] as TriageExample];
    }
    const nCal = Math.round(group.length * 0.1);
    const nTest = Math.round(group.length * 0.1);
    split.calibration.push(...group.slice(0, nCal));
    split.test.push(...group.slice(nCal, nCal + nTest));
    split.train.push(...group.slice(nCal + nTest));
  }
  return split;
}
