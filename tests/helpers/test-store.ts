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
  if (STORE === 'sqlite') return createSqliteStore(join(mkdtempSync(join(tmpdir(), prefix)), 'events.db'));
  const { url, kind } = await postgresUrl();
  return createPostgresStore(url, { schema: freshSchema(), max: kind === 'server' ? 4 : 1 });
}
