/** PostgreSQL + pgvector backend (in progress on this branch). */
import type { Store } from './engine.js';

export async function openPostgresStore(_url: string): Promise<Store> {
  throw new Error('knowledge: the postgres backend is not built yet on this branch; use backend sqlite');
}
