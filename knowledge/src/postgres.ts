/**
 * The server backend, for installations that outgrow one machine: PostgreSQL full-text search
 * (`tsvector`, GIN, `ts_rank_cd`) for the lexical list and pgvector (HNSW, cosine) for the vector
 * list. Fusion and relevance are the engine's, shared with SQLite. Tables are prefixed `knowledge_`
 * so the index can live in an existing database.
 */
import pg from 'pg';
import type { TermStats } from './fusion.js';
import type { DocState, PreparedDoc, Store, StoredChunk } from './engine.js';
import type { GapRecord, KnowledgeKind, KnowledgePlatform } from './types.js';

const SCHEMA = `
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE IF NOT EXISTS knowledge_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS knowledge_docs (
  id text PRIMARY KEY, platform text NOT NULL, kind text NOT NULL, number text NOT NULL, title text NOT NULL,
  url text NOT NULL, updated_at text NOT NULL, tags jsonb NOT NULL, hash text NOT NULL, model text
);
CREATE TABLE IF NOT EXISTS knowledge_chunks (
  id bigserial PRIMARY KEY, doc_id text NOT NULL REFERENCES knowledge_docs(id) ON DELETE CASCADE,
  chunk_id text NOT NULL UNIQUE, platform text NOT NULL, heading text, text text NOT NULL, indexed text NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', indexed)) STORED
);
CREATE INDEX IF NOT EXISTS knowledge_chunks_tsv ON knowledge_chunks USING gin (tsv);
CREATE INDEX IF NOT EXISTS knowledge_chunks_doc ON knowledge_chunks (doc_id);
CREATE TABLE IF NOT EXISTS knowledge_gaps (id text PRIMARY KEY, platform text NOT NULL, number text NOT NULL, text text NOT NULL, at bigint NOT NULL, seq bigserial);
`;

/**
 * Candidate lists are 50 long: HNSW's default ef_search (40) would cut them short, and a platform
 * filter needs pgvector's iterative scan to still fill them.
 */
const SESSION = '-c hnsw.ef_search=200 -c hnsw.iterative_scan=relaxed_order';

const vec = (v: readonly number[]): string => `[${v.map((x) => (Number.isFinite(x) ? x : 0)).join(',')}]`;

/** Terms are letters and digits only (see `queryTerms`), so OR-ing them in to_tsquery is safe. */
const tsquery = (terms: readonly string[]): string => terms.map((t) => t.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean).join(' | ');

export async function openPostgresStore(url: string): Promise<Store> {
  // Reads share a small pool; each write takes one connection for its transaction.
  const db = new pg.Pool({ connectionString: url, max: 4, options: SESSION });
  try {
    (await db.connect()).release();
  } catch (e) {
    await db.end();
    throw new Error(`knowledge: cannot connect to PostgreSQL at ${url.replace(/\/\/[^@/]*@/, '//…@')} (${(e as Error).message}); check SEAM_KNOWLEDGE_POSTGRES_URL and that the server runs`);
  }
  try {
    await db.query(SCHEMA);
  } catch (e) {
    await db.end();
    const m = (e as Error).message;
    throw new Error(/vector/.test(m) ? `knowledge: PostgreSQL has no pgvector extension (${m}); install it (Debian: postgresql-15-pgvector, or see knowledge/README.md) and allow CREATE EXTENSION vector` : `knowledge: cannot create the knowledge tables (${m})`);
  }

  const meta = async (key: string): Promise<string | undefined> => (await db.query<{ value: string }>('SELECT value FROM knowledge_meta WHERE key = $1', [key])).rows[0]?.value;
  const hasColumn = async (): Promise<boolean> =>
    (await db.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'knowledge_chunks' AND column_name = 'embedding'")).rowCount === 1;
  let vectors = (await meta('vector_dimensions')) !== undefined && (await hasColumn());

  const tx = async <T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const c = await db.connect();
    try {
      await c.query('BEGIN');
      const r = await fn(c);
      await c.query('COMMIT');
      return r;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  };

  const writeOne = async (c: pg.PoolClient, p: PreparedDoc, vs: number[][] | null, model: string | null): Promise<void> => {
    await c.query('DELETE FROM knowledge_chunks WHERE doc_id = $1', [p.doc.id]);
    await c.query(
      `INSERT INTO knowledge_docs(id, platform, kind, number, title, url, updated_at, tags, hash, model) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET platform = excluded.platform, kind = excluded.kind, number = excluded.number, title = excluded.title, url = excluded.url,
         updated_at = excluded.updated_at, tags = excluded.tags, hash = excluded.hash, model = excluded.model`,
      [p.doc.id, p.doc.platform, p.doc.kind, p.doc.number, p.doc.title, p.doc.url, p.doc.updatedAt, JSON.stringify(p.doc.tags ?? []), p.hash, vs ? model : null],
    );
    if (!p.chunks.length) return;
    const withVec = Boolean(vs && vectors);
    const cols = withVec ? 7 : 6;
    const values: unknown[] = [];
    const rows = p.chunks.map((ch, i) => {
      values.push(p.doc.id, `${p.doc.id}#${ch.index}`, p.doc.platform, ch.heading ?? null, ch.text, ch.indexed);
      if (withVec && vs) values.push(vec(vs[i]));
      const b = i * cols;
      return `(${Array.from({ length: cols }, (_, j) => `$${b + j + 1}${j === 6 ? '::vector' : ''}`).join(', ')})`;
    });
    await c.query(`INSERT INTO knowledge_chunks(doc_id, chunk_id, platform, heading, text, indexed${withVec ? ', embedding' : ''}) VALUES ${rows.join(', ')}`, values);
  };

  const filter = (platforms: readonly KnowledgePlatform[] | undefined, at: number): { sql: string; args: unknown[] } =>
    platforms ? { sql: ` AND platform = ANY($${at}::text[])`, args: [[...platforms]] } : { sql: '', args: [] };

  return {
    backend: 'postgres',

    async ensureVectors(model, dimensions) {
      const d = Math.floor(dimensions);
      if ((await meta('vector_model')) === model && (await meta('vector_dimensions')) === String(d) && vectors) return;
      await tx(async (c) => {
        await c.query('ALTER TABLE knowledge_chunks DROP COLUMN IF EXISTS embedding');
        await c.query(`ALTER TABLE knowledge_chunks ADD COLUMN embedding vector(${d})`);
        // HNSW indexes up to 2,000 dimensions; longer vectors are searched exactly.
        if (d <= 2000) await c.query('CREATE INDEX knowledge_chunks_embedding ON knowledge_chunks USING hnsw (embedding vector_cosine_ops)');
        await c.query('UPDATE knowledge_docs SET model = NULL');
        for (const [k, v] of [['vector_model', model], ['vector_dimensions', String(d)]]) {
          await c.query('INSERT INTO knowledge_meta(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [k, v]);
        }
      });
      vectors = true;
    },

    async docStates(ids) {
      const out = new Map<string, DocState>();
      if (!ids.length) return out;
      const r = await db.query<{ id: string; hash: string; model: string | null }>('SELECT id, hash, model FROM knowledge_docs WHERE id = ANY($1::text[])', [[...ids]]);
      for (const row of r.rows) out.set(row.id, { hash: row.hash, model: row.model });
      return out;
    },

    async write(items, model) {
      await tx(async (c) => {
        for (const { doc: p, vectors: vs } of items) await writeOne(c, p, vs, model);
      });
    },

    async remove(ids) {
      return tx(async (c) => (await c.query('DELETE FROM knowledge_docs WHERE id = ANY($1::text[])', [[...ids]])).rowCount ?? 0);
    },

    async lexical(terms, n, platforms) {
      const q = tsquery(terms);
      if (!q) return [];
      const f = filter(platforms, 3);
      const r = await db.query<{ id: string; s: number }>(
        `SELECT id, ts_rank_cd(tsv, q) AS s FROM knowledge_chunks, to_tsquery('english', $1) q WHERE tsv @@ q${f.sql} ORDER BY s DESC, id LIMIT $2`,
        [q, n, ...f.args],
      );
      return r.rows.map((row) => ({ id: Number(row.id), score: Number(row.s) }));
    },

    async vector(v, n, platforms) {
      if (!vectors) return [];
      const f = filter(platforms, 3);
      const r = await db.query<{ id: string; d: number }>(`SELECT id, embedding <=> $1::vector AS d FROM knowledge_chunks WHERE embedding IS NOT NULL${f.sql} ORDER BY embedding <=> $1::vector LIMIT $2`, [vec(v), n, ...f.args]);
      return r.rows.map((row) => ({ id: Number(row.id), score: 1 - Number(row.d) }));
    },

    async termStats(terms, ids, platforms): Promise<TermStats> {
      const f1 = filter(platforms, 1);
      const total = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM knowledge_chunks WHERE true${f1.sql}`, f1.args)).rows[0].n);
      const f = filter(platforms, 3);
      const df = new Map<string, number>();
      const hits = new Map<string, Set<number>>();
      if (!terms.length) return { total, df, hits };
      // Terms PostgreSQL's english configuration drops as stop words are left out of the share.
      const r = await db.query<{ t: string; df: string; hits: string[] | null }>(
        `SELECT t,
           (SELECT count(*) FROM knowledge_chunks c WHERE c.tsv @@ plainto_tsquery('english', t)${f.sql}) AS df,
           (SELECT array_agg(c.id) FROM knowledge_chunks c WHERE c.id = ANY($2::bigint[]) AND c.tsv @@ plainto_tsquery('english', t)) AS hits
         FROM unnest($1::text[]) AS t WHERE numnode(plainto_tsquery('english', t)) > 0`,
        [[...terms], ids.map(String), ...f.args],
      );
      for (const row of r.rows) {
        df.set(row.t, Number(row.df));
        hits.set(row.t, new Set((row.hits ?? []).map(Number)));
      }
      return { total, df, hits };
    },

    async chunks(ids) {
      const out = new Map<number, StoredChunk>();
      if (!ids.length) return out;
      const r = await db.query<{ id: string; doc_id: string; chunk_id: string; platform: KnowledgePlatform; heading: string | null; text: string; kind: KnowledgeKind; number: string; title: string; url: string }>(
        'SELECT c.id, c.doc_id, c.chunk_id, c.platform, c.heading, c.text, d.kind, d.number, d.title, d.url FROM knowledge_chunks c JOIN knowledge_docs d ON d.id = c.doc_id WHERE c.id = ANY($1::bigint[])',
        [ids.map(String)],
      );
      for (const row of r.rows) {
        const id = Number(row.id);
        out.set(id, { id, docId: row.doc_id, chunkId: row.chunk_id, platform: row.platform, kind: row.kind, number: row.number, title: row.title, url: row.url, ...(row.heading ? { heading: row.heading } : {}), text: row.text });
      }
      return out;
    },

    async vectorsOf(ids) {
      const out = new Map<number, number[]>();
      if (!vectors || !ids.length) return out;
      const r = await db.query<{ id: string; e: string }>('SELECT id, embedding::text AS e FROM knowledge_chunks WHERE id = ANY($1::bigint[]) AND embedding IS NOT NULL', [ids.map(String)]);
      for (const row of r.rows) out.set(Number(row.id), JSON.parse(row.e) as number[]);
      return out;
    },

    async counts() {
      const r = await db.query<{ docs: string; chunks: string }>('SELECT (SELECT count(*) FROM knowledge_docs) AS docs, (SELECT count(*) FROM knowledge_chunks) AS chunks');
      return { docs: Number(r.rows[0].docs), chunks: Number(r.rows[0].chunks) };
    },

    async putGap(g: GapRecord, at: number, max: number) {
      // A new seq on every write (nextval), so "newest last" holds across replicas.
      await db.query(
        `INSERT INTO knowledge_gaps(id, platform, number, text, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET platform = excluded.platform, number = excluded.number, text = excluded.text, at = excluded.at, seq = nextval(pg_get_serial_sequence('knowledge_gaps', 'seq'))`,
        [g.id, g.platform, g.number, g.text, at],
      );
      await db.query('DELETE FROM knowledge_gaps WHERE seq <= (SELECT max(seq) FROM knowledge_gaps) - $1', [max]);
    },

    async gaps(limit: number) {
      const r = await db.query<GapRecord>('SELECT id, platform, number, text FROM (SELECT * FROM knowledge_gaps ORDER BY seq DESC LIMIT $1) g ORDER BY seq', [limit]);
      return r.rows.map((x) => ({ id: x.id, platform: x.platform, number: x.number, text: x.text }));
    },

    async deleteGap(id: string) {
      await db.query('DELETE FROM knowledge_gaps WHERE id = $1', [id]);
    },

    async close() {
      await db.end();
    },
  };
}
