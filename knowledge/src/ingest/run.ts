/**
 * Runs the incremental readers into an index, page by page, saving the cursor after each page is
 * applied: a killed run resumes at the first page it had not finished, and re-applying a page is
 * harmless (upsert is idempotent, remove of a missing id is a no-op).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { KnowledgeIndex, KnowledgePlatform } from '../types.js';
import { salesforcePages, serviceNowPages, type Page, type SalesforceCursor, type SalesforceSourceOptions, type ServiceNowCursor, type ServiceNowSourceOptions } from './sources.js';

export interface Checkpoint {
  version: 1;
  servicenow?: ServiceNowCursor;
  salesforce?: SalesforceCursor;
}

export function readCheckpoint(file: string): Checkpoint {
  if (!fs.existsSync(file)) return { version: 1 };
  const text = fs.readFileSync(file, 'utf8');
  let c: Checkpoint;
  try {
    c = JSON.parse(text) as Checkpoint;
  } catch {
    throw new Error(`checkpoint ${file}: not JSON; delete it (or pass --full) to ingest from the start`);
  }
  if (c.version !== 1) throw new Error(`checkpoint ${file}: version ${String(c.version)} is not 1; delete it (or pass --full)`);
  return c;
}

/** Written to a temp file and renamed, so a kill mid-write never leaves half a checkpoint. */
export function writeCheckpoint(file: string, c: Checkpoint): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(c, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

export interface Progress {
  update(p: { source: KnowledgePlatform; done: number; total?: number; added: number; updated: number; removed: number }): void;
  end(): void;
}

export function progressBar(stream: { write(s: string): boolean; isTTY?: boolean } = process.stderr, mode: 'auto' | 'bar' | 'plain' | 'none' = 'auto'): Progress {
  const m = mode === 'auto' ? (stream.isTTY ? 'bar' : 'plain') : mode;
  let open = false;
  return {
    update(p) {
      if (m === 'none') return;
      const total = p.total && p.total >= p.done ? p.total : undefined;
      const pct = total ? Math.floor((p.done / total) * 100) : undefined;
      const counts = `added ${p.added} updated ${p.updated} removed ${p.removed}`;
      if (m === 'bar') {
        const width = 30;
        const fill = pct === undefined ? 0 : Math.round((pct / 100) * width);
        stream.write(`\r${p.source.padEnd(10)} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${pct === undefined ? '  ?' : String(pct).padStart(3)}% ${p.done}/${total ?? '?'} ${counts}`);
        open = true;
      } else stream.write(`progress source=${p.source} done=${p.done} total=${total ?? '?'} ${counts.replace(/ (\d+)/g, '=$1')}\n`);
    },
    end() {
      if (open) stream.write('\n');
      open = false;
    },
  };
}

export interface IngestOptions {
  index: KnowledgeIndex | null;
  checkpointFile: string;
  servicenow?: ServiceNowSourceOptions;
  salesforce?: SalesforceSourceOptions;
  /** Read and count, write neither the index nor the checkpoint. */
  dryRun?: boolean;
  /** Ignore the checkpoint and read everything again (e.g. after changing the embedding model). */
  full?: boolean;
  progress?: Progress;
  /** Stop after this many pages (tests: simulate a kill between pages). */
  stopAfterPages?: number;
}

export interface SourceReport {
  fetched: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  pages: number;
  /** Dry run: what would be written. */
  wouldUpsert?: number;
  wouldRemove?: number;
}

export type IngestReport = Partial<Record<KnowledgePlatform, SourceReport>> & { dryRun: boolean; stopped: boolean };

export async function ingest(o: IngestOptions): Promise<IngestReport> {
  if (!o.dryRun && !o.index) throw new Error('ingest: an index is needed unless --dry-run');
  const checkpoint = o.full ? { version: 1 as const } : readCheckpoint(o.checkpointFile);
  const progress = o.progress ?? progressBar(process.stderr, 'none');
  const report: IngestReport = { dryRun: Boolean(o.dryRun), stopped: false };
  let pagesLeft = o.stopAfterPages ?? Infinity;

  const run = async <C>(source: KnowledgePlatform, pages: AsyncGenerator<Page<C>>, save: (c: C) => void): Promise<void> => {
    const r: SourceReport = { fetched: 0, added: 0, updated: 0, unchanged: 0, removed: 0, pages: 0, ...(o.dryRun ? { wouldUpsert: 0, wouldRemove: 0 } : {}) };
    report[source] = r;
    let total: number | undefined;
    for await (const page of pages) {
      if (pagesLeft <= 0) {
        report.stopped = true;
        break;
      }
      r.pages++;
      r.fetched += page.changes.length;
      // Totals are per query; Salesforce runs two (Online, Archived), so they add up.
      if (page.total !== undefined && r.pages === 1) total = page.total;
      const ups = page.changes.filter((c) => c.op === 'upsert' && c.doc).map((c) => c.doc!);
      const rems = page.changes.filter((c) => c.op === 'remove').map((c) => c.id);
      if (o.dryRun) {
        r.wouldUpsert! += ups.length;
        r.wouldRemove! += rems.length;
      } else if (o.index) {
        const u = await o.index.upsert(ups);
        r.added += u.added;
        r.updated += u.updated;
        r.unchanged += u.unchanged;
        r.removed += await o.index.remove(rems);
        save(page.cursor);
        writeCheckpoint(o.checkpointFile, checkpoint);
      }
      pagesLeft--;
      progress.update({ source, done: r.fetched, total: total !== undefined ? Math.max(total, r.fetched) : undefined, added: r.added, updated: r.updated, removed: r.removed });
    }
    progress.end();
  };

  if (o.servicenow) await run('servicenow', serviceNowPages(o.servicenow, checkpoint.servicenow ?? null), (c) => (checkpoint.servicenow = c));
  if (o.salesforce && !report.stopped) await run('salesforce', salesforcePages(o.salesforce, checkpoint.salesforce ?? null), (c) => (checkpoint.salesforce = c));
  return report;
}
