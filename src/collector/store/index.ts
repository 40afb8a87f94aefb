import { createSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export type { AuditEntry, Classify, InsertOptions, InsertResult, QueueItem, Store, StoredEvent } from './types.js';
export { createSqliteStore, StoreOpenError } from './sqlite.js';

export const isPostgresUrl = (db: string) => /^postgres(ql)?:\/\//.test(db);

/**
 * The PostgreSQL store: `createCollector({ store: await createPostgresStore(url) })`. Loaded on
 * demand, so `pg` is needed only by hosts that use it.
 */
export async function createPostgresStore(
  url: string,
  options?: import('./postgres-open.js').PostgresStoreOptions,
): Promise<Store> {
  const postgres = await import('./postgres-open.js');
  return postgres.createPostgresStore(url, options);
}

/** `--db`: a `postgres://` URL opens the PostgreSQL store, anything else is a SQLite file. */
export function openStore(db: string): Promise<Store> {
  return isPostgresUrl(db) ? createPostgresStore(db) : Promise.resolve(createSqliteStore(db));
}
