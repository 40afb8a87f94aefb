// Which store the collector suites run against: SQLite by default, PostgreSQL with
// MUTUAL_TEST_STORE=postgres (npm test runs them both ways).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { createPostgresStore, createSqliteStore, type Store } from '../../src/collector/index.js';
import { freshSchema, postgresUrl, stopEmbeddedPostgres } from './postgres.js';

export const STORE: 'sqlite' | 'postgres' = process.env.MUTUAL_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

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
  const { url, kind } = await postgresUrl();
  const schema = freshSchema();
  return () => createPostgresStore(url, { schema, max: kind === 'server' ? 4 : 1 });
}
