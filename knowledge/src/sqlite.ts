/**
 * The embedded backend: one SQLite file, FTS5 (BM25, Porter stemming) for the lexical list and the
 * sqlite-vec extension (`vec0`, cosine distance) for the vector list. Needs no server.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import type { Ranked, TermStats } from './fusion.js';
import type { DocState, PreparedDoc, Store, StoredChunk } from './engine.js';
import type { GapRecord, KnowledgeKind, KnowledgePlatform } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
  id TEXT PRIMARY KEY, platform TEXT NOT NULL, kind TEXT NOT NULL, number TEXT NOT NULL, title TEXT NOT NULL,
  url TEXT NOT NULL, updated_at TEXT NOT NULL, tags TEXT NOT NULL, hash TEXT NOT NULL, model TEXT
);
CREATE TABLE IF NOT EXISTS chunks (
  id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES docs(id) ON DELETE CASCADE, chunk_id TEXT NOT NULL UNIQUE,
  platform TEXT NOT NULL, heading TEXT, text TEXT NOT NULL, indexed TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE TABLE IF NOT EXISTS gaps (id TEXT PRIMARY KEY, platform TEXT NOT NULL, number TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL, seq INTEGER NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(indexed, platform UNINDEXED, content='chunks', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS chunks_ai AFTER INSERT ON chunks BEGIN
  INSERT INTO chunks_fts(rowid, indexed, platform) VALUES (new.id, new.indexed, new.platform);
END;
CREATE TRIGGER IF NOT EXISTS chunks_ad AFTER DELETE ON chunks BEGIN
  INSERT INTO chunks_fts(chunks_fts, rowid, indexed, platform) VALUES ('delete', old.id, old.indexed, old.platform);
END;
`;

/** An FTS5 string literal: the term quoted, so no word is read as an operator. */
const ftsTerm = (t: string): string => `"${t.replace(/"/g, '""')}"`;

const f32 = (v: readonly number[]): Float32Array => Float32Array.from(v);

export async function openSqliteStore(file: string): Promise<Store> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Deleted rows are zeroed on disk, so a removed article's text does not linger in free pages.
  db.pragma('secure_delete = ON');
  sqliteVec.load(db);
  db.exec(SCHEMA);

  const meta = (key: string): string | undefined => (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  const setMeta = db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  let vectors = meta('vector_dimensions') !== undefined && db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'chunk_vec'").get() !== undefined;

  const insDoc = db.prepare(
    `INSERT INTO docs(id, platform, kind, number, title, url, updated_at, tags, hash, model) VALUES (@id, @platform, @kind, @number, @title, @url, @updatedAt, @tags, @hash, @model)
     ON CONFLICT(id) DO UPDATE SET platform = excluded.platform, kind = excluded.kind, number = excluded.number, title = excluded.title, url = excluded.url,
       updated_at = excluded.updated_at, tags = excluded.tags, hash = excluded.hash, model = excluded.model`,
  );
  const chunkIdsOf = db.prepare('SELECT id FROM chunks WHERE doc_id = ?').pluck();
  const delChunks = db.prepare('DELETE FROM chunks WHERE doc_id = ?');
  const insChunk = db.prepare('INSERT INTO chunks(doc_id, chunk_id, platform, heading, text, indexed) VALUES (?, ?, ?, ?, ?, ?)');
  const delDoc = db.prepare('DELETE FROM docs WHERE id = ?');

  const dropVectors = (ids: readonly number[]): void => {
    if (!vectors || ids.length === 0) return;
    const del = db.prepare('DELETE FROM chunk_vec WHERE rowid = ?');
    for (const id of ids) del.run(BigInt(id));
  };

  const write = db.transaction((items: readonly { doc: PreparedDoc; vectors: number[][] | null }[], model: string | null) => {
    const insVec = vectors ? db.prepare('INSERT INTO chunk_vec(rowid, embedding, platform) VALUES (?, ?, ?)') : null;
    for (const { doc: p, vectors: vs } of items) {
      dropVectors(chunkIdsOf.all(p.doc.id) as number[]);
      delChunks.run(p.doc.id);
      insDoc.run({ ...p.doc, tags: JSON.stringify(p.doc.tags ?? []), hash: p.hash, model: vs ? model : null });
      p.chunks.forEach((c, i) => {
        const r = insChunk.run(p.doc.id, `${p.doc.id}#${c.index}`, p.doc.platform, c.heading ?? null, c.text, c.indexed);
        if (insVec && vs) insVec.run(BigInt(r.lastInsertRowid), f32(vs[i]), p.doc.platform);
      });
    }
  });

  const remove = db.transaction((ids: readonly string[]) => {
    let n = 0;
    for (const id of ids) {
      dropVectors(chunkIdsOf.all(id) as number[]);
      delChunks.run(id);
      n += delDoc.run(id).changes;
    }
    return n;
  });

  const platformFilter = (platforms?: readonly KnowledgePlatform[]): { sql: string; args: string[] } =>
    platforms ? { sql: ` AND platform IN (${platforms.map(() => '?').join(', ')})`, args: [...platforms] } : { sql: '', args: [] };

  const inList = (ids: readonly number[]): string => ids.map(() => '?').join(', ');

  return {
    backend: 'sqlite',

    async ensureVectors(model, dimensions) {
      if (meta('vector_model') === model && meta('vector_dimensions') === String(dimensions) && vectors) return;
      db.transaction(() => {
        db.exec('DROP TABLE IF EXISTS chunk_vec');
        db.exec(`CREATE VIRTUAL TABLE chunk_vec USING vec0(embedding float[${Math.floor(dimensions)}] distance_metric=cosine, platform text)`);
        // Vectors of another model are gone: every document is embedded again on its next upsert.
        db.exec('UPDATE docs SET model = NULL');
        setMeta.run('vector_model', model);
        setMeta.run('vector_dimensions', String(Math.floor(dimensions)));
      })();
      vectors = true;
    },

    async docStates(ids) {
      const out = new Map<string, DocState>();
      const get = db.prepare('SELECT hash, model FROM docs WHERE id = ?');
      for (const id of ids) {
        const r = get.get(id) as { hash: string; model: string | null } | undefined;
        if (r) out.set(id, r);
      }
      return out;
    },

    async write(items, model) {
      write(items, model);
    },

    async remove(ids) {
      return remove(ids);
    },

    async lexical(terms, n, platforms) {
      const f = platformFilter(platforms);
      const match = terms.map(ftsTerm).join(' OR ');
      // bm25() is lower-is-better; the title+heading are part of the indexed text, so they count.
      const rows = db.prepare(`SELECT rowid AS id, bm25(chunks_fts) AS s FROM chunks_fts WHERE chunks_fts MATCH ?${f.sql} ORDER BY s LIMIT ?`).all(match, ...f.args, n) as { id: number; s: number }[];
      return rows.map((r) => ({ id: Number(r.id), score: -r.s }));
    },

    async vector(v, n, platforms) {
      if (!vectors) return [];
      const f = platformFilter(platforms);
      const rows = db.prepare(`SELECT rowid AS id, distance FROM chunk_vec WHERE embedding MATCH ? AND k = ?${f.sql} ORDER BY distance`).all(f32(v), n, ...f.args) as { id: number | bigint; distance: number }[];
      return rows.map((r): Ranked => ({ id: Number(r.id), score: 1 - r.distance }));
    },

    async termStats(terms, ids, platforms): Promise<TermStats> {
      const f = platformFilter(platforms);
      const total = (db.prepare(`SELECT count(*) FROM chunks WHERE 1 = 1${f.sql}`).pluck().get(...f.args) as number) ?? 0;
      const df = new Map<string, number>();
      const hits = new Map<string, Set<number>>();
      const dfOf = db.prepare(`SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?${f.sql}`).pluck();
      const hitsOf = ids.length ? db.prepare(`SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? AND rowid IN (${inList(ids)})`).pluck() : null;
      for (const t of terms) {
        df.set(t, dfOf.get(ftsTerm(t), ...f.args) as number);
        hits.set(t, new Set(hitsOf ? (hitsOf.all(ftsTerm(t), ...ids) as number[]).map(Number) : []));
      }
      return { total, df, hits };
    },

    async chunks(ids) {
      const out = new Map<number, StoredChunk>();
      if (!ids.length) return out;
      const rows = db
        .prepare(
          `SELECT c.id, c.doc_id, c.chunk_id, c.platform, c.heading, c.text, d.kind, d.number, d.title, d.url FROM chunks c JOIN docs d ON d.id = c.doc_id WHERE c.id IN (${inList(ids)})`,
        )
        .all(...ids) as { id: number; doc_id: string; chunk_id: string; platform: KnowledgePlatform; heading: string | null; text: string; kind: KnowledgeKind; number: string; title: string; url: string }[];
      for (const r of rows) {
        out.set(r.id, { id: r.id, docId: r.doc_id, chunkId: r.chunk_id, platform: r.platform, kind: r.kind, number: r.number, title: r.title, url: r.url, ...(r.heading ? { heading: r.heading } : {}), text: r.text });
      }
      return out;
    },

    async vectorsOf(ids) {
      const out = new Map<number, number[]>();
      if (!vectors || !ids.length) return out;
      // Point lookups: vec0 answers `rowid = ?` directly, but scans for `rowid IN (…)`.
      const get = db.prepare('SELECT embedding FROM chunk_vec WHERE rowid = ?').pluck();
      for (const id of ids) {
        const e = get.get(BigInt(id)) as Buffer | undefined;
        if (e) out.set(id, Array.from(new Float32Array(e.buffer, e.byteOffset, e.byteLength / 4)));
      }
      return out;
    },

    async counts() {
      const docs = db.prepare('SELECT count(*) FROM docs').pluck().get() as number;
      const chunks = db.prepare('SELECT count(*) FROM chunks').pluck().get() as number;
      return { docs, chunks };
    },

    async putGap(g: GapRecord, at: number, max: number) {
      db.transaction(() => {
        const seq = ((db.prepare('SELECT max(seq) FROM gaps').pluck().get() as number | null) ?? 0) + 1;
        db.prepare('INSERT INTO gaps(id, platform, number, text, at, seq) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET platform = excluded.platform, number = excluded.number, text = excluded.text, at = excluded.at, seq = excluded.seq').run(g.id, g.platform, g.number, g.text, at, seq);
        db.prepare('DELETE FROM gaps WHERE seq <= (SELECT max(seq) FROM gaps) - ?').run(max);
      })();
    },

    async gaps(limit: number) {
      const rows = db.prepare('SELECT id, platform, number, text FROM (SELECT * FROM gaps ORDER BY seq DESC LIMIT ?) ORDER BY seq').all(limit) as GapRecord[];
      return rows.map((r) => ({ id: r.id, platform: r.platform, number: r.number, text: r.text }));
    },

    async deleteGap(id: string) {
      db.prepare('DELETE FROM gaps WHERE id = ?').run(id);
    },

    async close() {
      if (db.open) db.close();
    },
  };
}
