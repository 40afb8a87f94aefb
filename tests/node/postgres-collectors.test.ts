import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { after, test } from 'node:test';
import pg from 'pg';
import { createEnvelope, EventTypes, type MutualEnvelope } from '../../src/core/protocol/envelope.js';
import { createPostgresStore } from '../../src/collector/store/postgres-open.js';
import { freshSchema, postgresUrl, stopEmbeddedPostgres } from '../helpers/postgres.js';

after(() => stopEmbeddedPostgres());

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function collectorProcess(db: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/collector/cli.ts', '--db', db, '--port', String(port), '--list'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => (out += c) && out.includes('Mutual collector:') && resolve());
    child.stderr!.on('data', (c) => (out += c));
    child.once('exit', (code) => reject(new Error(`collector exited ${code}: ${out}`)));
  });
  return { url: `http://127.0.0.1:${port}/events`, child };
}

test('two collector processes on one PostgreSQL under concurrent load: 0 lost, 0 duplicated, counts exact', async (t) => {
  const { url, kind } = await postgresUrl();
  if (kind !== 'server')
    return t.skip('needs a PostgreSQL server (PGlite has a single session): set MUTUAL_PG_URL; CI does');
  const db = `${url}${url.includes('?') ? '&' : '?'}schema=${freshSchema()}`;
  const a = await collectorProcess(db);
  const b = await collectorProcess(db);
  try {
    const readers = 60;
    const events: MutualEnvelope[] = [];
    for (let r = 0; r < readers; r++) {
      const reactor = `reader-${String(r).padStart(12, '0')}`;
      events.push(
        createEnvelope(EventTypes.reactionAdded, { reaction: 'me-too', reactor }, { source: '/p', subject: 'pg-busy' }),
      );
      events.push(createEnvelope(EventTypes.storyViewed, { r }, { source: '/p', subject: `pg-view-${r}` }));
    }
    // Every batch goes to both collectors at once, as a retry reaching the other machine would.
    const post = (to: string, batch: MutualEnvelope[]) =>
      fetch(to, {
        method: 'POST',
        headers: { 'content-type': 'application/cloudevents-batch+json' },
        body: JSON.stringify(batch),
      }).then((r) => r.json() as Promise<{ accepted: number }>);
    const batches = Array.from({ length: 12 }, (_, i) => events.slice(i * 10, i * 10 + 10));
    const answers = await Promise.all(batches.flatMap((batch) => [post(a.url, batch), post(b.url, batch)]));
    assert.equal(
      answers.reduce((n, r) => n + r.accepted, 0),
      events.length,
      'each event accepted exactly once across both collectors',
    );
    const listed = (await (await fetch(`${a.url}?since=0&limit=1000`)).json()) as { events: unknown[] };
    assert.equal(listed.events.length, events.length, '0 lost, 0 duplicated');
    const counts = (await (await fetch(`${b.url}?subject=pg-busy`)).json()) as { counts: Record<string, number> };
    assert.deepEqual(counts.counts, { 'me-too': readers });
  } finally {
    a.child.kill();
    b.child.kill();
  }
});

test('"forget me" waits for a reaction another collector is storing for the same reader: the count is not taken off twice', async (t) => {
  const { url, kind } = await postgresUrl();
  if (kind !== 'server')
    return t.skip('needs a PostgreSQL server (PGlite has a single session): set MUTUAL_PG_URL; CI does');
  const schema = freshSchema();
  const store = await createPostgresStore(url, { schema, max: 2 });
  const other = new pg.Client({ connectionString: url });
  await other.connect();
  try {
    const [subject, reactor] = ['pg-forget', 'reader-forget-000001'];
    const added = (who: string) =>
      createEnvelope(EventTypes.reactionAdded, { reaction: 'me-too', reactor: who }, { source: '/p', subject });
    await store.insert([added(reactor), added('reader-stays-000001')]);
    assert.deepEqual(await store.counts(subject), { 'me-too': 2 });
    // Another collector is storing this reader's removal: it holds the reader's lock, has read the
    // state (active), and is about to write it inactive and count one off.
    await other.query('BEGIN');
    await other.query('SELECT pg_advisory_xact_lock(hashtext($1))', [JSON.stringify([subject, 'me-too', reactor])]);
    const forgotten = store.forget({ reactors: [reactor], events: [] });
    await new Promise((r) => setTimeout(r, 300));
    await other.query(`UPDATE ${schema}.reactors SET active = 0 WHERE subject = $1 AND reactor = $2`, [
      subject,
      reactor,
    ]);
    await other.query(`UPDATE ${schema}.reaction_counts SET n = n - 1 WHERE subject = $1`, [subject]);
    await other.query('COMMIT');
    await forgotten;
    assert.deepEqual(await store.counts(subject), { 'me-too': 1 }, 'the reader who stays is still counted');
  } finally {
    await other.end();
    await store.close();
  }
});

test('a busy feed: concurrent reaction batches on shared subjects never answer 5xx (deadlocks are retried)', async (t) => {
  const { url, kind } = await postgresUrl();
  if (kind !== 'server')
    return t.skip('needs a PostgreSQL server (PGlite has a single session): set MUTUAL_PG_URL; CI does');
  const { createCollector } = await import('../../src/collector/index.js');
  const { createServer: createHttpServer } = await import('node:http');
  const collector = createCollector({
    store: await createPostgresStore(url, { schema: freshSchema(), max: 10 }),
    rateLimit: false,
  });
  const server = createHttpServer((req, res) => collector(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}/events`;
  try {
    const subjects = Array.from({ length: 12 }, (_, i) => `busy-${i}`);
    const statuses: number[] = [];
    const reactions = ['me-too', 'understand', 'strength', 'helped'];
    for (let round = 0; round < 3; round++)
      await Promise.all(
        Array.from({ length: 30 }, async (_, r) => {
          // Each reader reacts to the same subjects, in an order of its own, in one batch.
          const order = [...subjects].sort(() => Math.random() - 0.5);
          const batch = order.flatMap((subject) =>
            reactions.map((reaction) =>
              createEnvelope(
                Math.random() < 0.7 ? EventTypes.reactionAdded : EventTypes.reactionRemoved,
                { reaction, reactor: `busy-reader-${round}-${String(r).padStart(8, '0')}` },
                { source: '/busy', subject },
              ),
            ),
          );
          const res = await fetch(endpoint, {
            method: 'POST',
            headers: { 'content-type': 'application/cloudevents-batch+json' },
            body: JSON.stringify(batch),
          });
          statuses.push(res.status);
          await res.arrayBuffer();
        }),
      );
    assert.deepEqual([...new Set(statuses)], [200]);
  } finally {
    server.close();
    await collector.close();
  }
});
