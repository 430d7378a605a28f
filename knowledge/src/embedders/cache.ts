/**
 * An on-disk cache in front of any `Embedder`: vectors keyed by the SHA-256 of (model, dimensions,
 * text), in one SQLite file. A local model embeds 10–13 passages/s, so re-ingesting with `--full`,
 * re-running the eval, or re-indexing an article where one section changed would otherwise embed
 * every unchanged passage again. The key holds the model, so a model change never reads another
 * model's vectors. Bounded: beyond `maxEntries` the oldest entries go.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Embedder } from '../types.js';

export const EMBEDDING_CACHE_MAX_ENTRIES = 100_000;

/** SQLite's default limit of bound parameters is 32766; stay far below it. */
const LOOKUP_CHUNK = 500;

export interface CachedEmbedderOptions {
  /** Default `EMBEDDING_CACHE_MAX_ENTRIES` (~200 MB at 512 dimensions). */
  maxEntries?: number;
}

export class CachedEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;
  readonly fusionAlpha?: number;
  /** Texts answered from the cache and texts sent to the model, since this object was made. */
  readonly stats = { hits: 0, misses: 0 };
  private db: Database.Database | null = null;
  private readonly maxEntries: number;
  private writes = 0;

  constructor(
    private readonly inner: Embedder,
    private readonly file: string,
    o: CachedEmbedderOptions = {},
  ) {
    if (!file) throw new Error('CachedEmbedder.file: missing; set a file path (e.g. .seam-state/embeddings-cache.sqlite) or use the embedder without a cache');
    this.model = inner.model;
    this.dimensions = inner.dimensions;
    if (inner.fusionAlpha !== undefined) this.fusionAlpha = inner.fusionAlpha;
    this.maxEntries = o.maxEntries ?? EMBEDDING_CACHE_MAX_ENTRIES;
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 1) throw new Error(`CachedEmbedder.maxEntries: ${this.maxEntries} is not a positive integer`);
  }

  /** Opened on first use, so building a configuration touches no disk. */
  private open(): Database.Database {
    if (this.db) return this.db;
    if (this.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
    const db = new Database(this.file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE IF NOT EXISTS vectors (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, vec BLOB NOT NULL)');
    this.db = db;
    return db;
  }

  private key(text: string): string {
    return createHash('sha256').update(`${this.model}\u0000${this.dimensions}\u0000${text}`).digest('hex');
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const db = this.open();
    const keys = texts.map((t) => this.key(t));
    const found = new Map<string, number[]>();
    const unique = [...new Set(keys)];
    for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
      const part = unique.slice(i, i + LOOKUP_CHUNK);
      const rows = db.prepare(`SELECT key, vec FROM vectors WHERE key IN (${part.map(() => '?').join(',')})`).all(...part) as { key: string; vec: Buffer }[];
      for (const r of rows) {
        // A row of another length (a hand-edited file) is ignored and overwritten below.
        if (r.vec.byteLength !== this.dimensions * 4) continue;
        found.set(r.key, Array.from(new Float32Array(r.vec.buffer, r.vec.byteOffset, this.dimensions)));
      }
    }
    const missing: { key: string; text: string }[] = [];
    const queued = new Set<string>();
    keys.forEach((k, i) => {
      if (found.has(k) || queued.has(k)) return;
      queued.add(k);
      missing.push({ key: k, text: texts[i] });
    });
    this.stats.misses += missing.length;
    this.stats.hits += texts.length - missing.length;
    if (missing.length) {
      const vs = await this.inner.embed(missing.map((m) => m.text));
      if (vs.length !== missing.length) throw new Error(`embedder ${this.model}: returned ${vs.length} vectors for ${missing.length} texts`);
      // Stored as float32, and the value returned is the stored one, so a hit equals the miss.
      const put = db.prepare('INSERT INTO vectors (key, vec) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET vec = excluded.vec');
      db.transaction(() => {
        missing.forEach((m, j) => {
          const f = Float32Array.from(vs[j]);
          put.run(m.key, Buffer.from(f.buffer, f.byteOffset, f.byteLength));
          found.set(m.key, Array.from(f));
        });
      })();
      this.writes += missing.length;
      if (this.writes >= Math.min(1000, this.maxEntries)) this.prune(db);
    }
    return keys.map((k) => found.get(k) as number[]);
  }

  private prune(db: Database.Database): void {
    this.writes = 0;
    db.prepare('DELETE FROM vectors WHERE id <= (SELECT MAX(id) FROM vectors) - ?').run(this.maxEntries);
  }

  /** Entries in the cache file. */
  size(): number {
    return (this.open().prepare('SELECT COUNT(*) AS n FROM vectors').get() as { n: number }).n;
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}
