// Which store the collector suites run against: SQLite by default, PostgreSQL with
// MUTUAL_TEST_STORE=postgres, PGlite in this process (the in-browser store's engine) with
// MUTUAL_TEST_STORE=pglite. npm test runs them all.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { createPostgresStore, createSqliteStore, type Store } from '../../src/collector/index.js';
import { freshSchema, postgresUrl, stopEmbeddedPostgres } from './postgres.js';

let pglite: Promise<import('@electric-sql/pglite').PGlite> | undefined;

export const STORE = (['postgres', 'pglite'] as const).find((s) => s === process.env.MUTUAL_TEST_STORE) ?? 'sqlite';

if (STORE === 'postgres') after(() => stopEmbeddedPostgres());

/** A fresh, empty store of the kind under test. */
export async function testStore(prefix = 'mutual-'): Promise<Store> {
  return (await testStorePlace(prefix))();
}

/** A fresh place for a store; each call of the answer opens it again, as a restarted collector does. */
export async function testStorePlace(prefix = 'mutual-'): Promise<() => Promise<Store>> {
  if (STORE === 'sqlite') {
    const file = join(mkdtempSync(join(tmpdir(), prefix)), 'events.db');
    return async () => createSqliteStore(file);
  }
  if (STORE === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { createPgliteStore } = await import('../../src/collector/store/pglite.js');
    // One PGlite for the whole file (each takes seconds and hundreds of MB), a schema per store.
    pglite ??= PGlite.create();
    const db = await pglite;
    const schema = freshSchema();
    return () => createPgliteStore(db, { schema });
  }
  const { url, kind } = await postgresUrl();
  const schema = freshSchema();
  return () => createPostgresStore(url, { schema, max: kind === 'server' ? 4 : 1 });
}
