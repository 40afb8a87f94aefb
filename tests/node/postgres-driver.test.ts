// Its own file (its own process): Node prints a deprecation once per process, so an earlier test
// could hide it. pg 8 warns when a query runs on a connection still busy with another — pg 9
// throws — which a SET issued from the pool's "connect" event did on every new connection.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createPostgresStore } from '../../src/collector/index.js';
import { freshSchema, postgresUrl, stopEmbeddedPostgres } from '../helpers/postgres.js';

after(() => stopEmbeddedPostgres());

test('the PostgreSQL store never runs two queries at once on one connection (pg 9 refuses it)', async () => {
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
  process.on('warning', onWarning);
  const { url, kind } = await postgresUrl();
  const store = await createPostgresStore(url, { schema: freshSchema(), max: kind === 'server' ? 4 : 1 });
  try {
    // Fresh connections under concurrent load: each must be in the store's schema before use.
    await Promise.all(Array.from({ length: 12 }, (_, i) => store.list({ since: 0, limit: 1, subject: `s${i}` })));
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(
      warnings.filter((w) => /DeprecationWarning/.test(w)),
      [],
    );
  } finally {
    process.off('warning', onWarning);
    await store.close();
  }
});
