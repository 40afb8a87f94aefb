import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createPostgresStore, createSqliteStore, type Store } from '../../src/collector/index.js';
import { createEnvelope, EventTypes, type MutualEnvelope } from '../../src/core/protocol/envelope.js';
import { freshSchema, postgresUrl, stopEmbeddedPostgres } from '../helpers/postgres.js';

// One versioning scheme for both stores: a database an older collector left is brought up to date
// once, and one that a newer collector wrote is refused in one sentence, never misread.

/** Raw SQL on a store's database, as an older collector (or a newer one) would have left it. */
interface Place {
  exec(sql: string, params?: unknown[]): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
  open(): Promise<Store>;
  close(): Promise<void>;
}

const places: { name: string; place: () => Promise<Place> }[] = [
  {
    name: 'SQLite',
    place: async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'mutual-schema-')), 'events.db');
      const db = new Database(file);
      return {
        exec: async (sql, params = []) => void db.prepare(sql).run(...params),
        rows: async <T>(sql: string) => db.prepare(sql).all() as T[],
        open: async () => createSqliteStore(file),
        close: async () => void db.close(),
      };
    },
  },
  {
    name: 'PostgreSQL',
    place: async () => {
      const { url, kind } = await postgresUrl();
      const schema = freshSchema();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(`SET search_path TO ${schema}`);
      let n = 0;
      // node-postgres numbers its parameters: `?` in the shared statements below become $1, $2, …
      const numbered = (sql: string) => sql.replace(/\?/g, () => `$${++n}`);
      return {
        exec: async (sql, params = []) => void ((n = 0), await client.query(numbered(sql), params)),
        rows: async <T>(sql: string) => (await client.query(sql)).rows as T[],
        open: () => createPostgresStore(url, { schema, max: kind === 'server' ? 4 : 1 }),
        close: async () => void (await client.end()),
      };
    },
  },
];

/** The events table as the first collectors made it: no counts, no claimed ids, no version. */
const OLD_EVENTS = `CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, source TEXT NOT NULL, type TEXT NOT NULL,
  subject TEXT, time TEXT NOT NULL, received_at TEXT NOT NULL, envelope TEXT NOT NULL, UNIQUE (source, id))`;
const put = (place: Place, seq: number, e: MutualEnvelope) =>
  place.exec(
    `INSERT INTO events (seq, id, source, type, subject, time, received_at, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [seq, e.id, e.source, e.type, e.subject ?? null, e.time, e.time, JSON.stringify(e)],
  );
const reaction = (type: string, reactor: string) =>
  createEnvelope(type, { reaction: 'me-too', reactor }, { source: '/old', subject: 'old-story' });
const version = async (place: Place) =>
  (await place.rows<{ version: number }>('SELECT version FROM mutual_schema')).map((r) => Number(r.version));

after(() => stopEmbeddedPostgres());

for (const { name, place: makePlace } of places) {
  describe(`schema versions: ${name}`, () => {
    test('a database from before counts and claimed ids: counted from its events and claimed once, then version 4', async () => {
      const place = await makePlace();
      try {
        await place.exec(OLD_EVENTS);
        const story = createEnvelope(EventTypes.storySubmitted, { text: 'Evenings were hard' }, { source: '/old' });
        await put(place, 1, reaction(EventTypes.reactionAdded, 'a'));
        await put(place, 2, reaction(EventTypes.reactionAdded, 'b'));
        await put(place, 3, reaction(EventTypes.reactionAdded, 'c'));
        await put(place, 4, reaction(EventTypes.reactionRemoved, 'c'));
        await put(place, 5, story);
        for (let round = 1; round <= 2; round++) {
          const store = await place.open();
          assert.deepEqual(await store.counts('old-story'), { 'me-too': 2 }, `round ${round}: counted once`);
          await store.close();
          assert.deepEqual(
            await place.rows<{ id: string }>(`SELECT id FROM text_ids`),
            [{ id: story.id }],
            'the story claims its id',
          );
          assert.deepEqual(await version(place), [4]);
        }
      } finally {
        await place.close();
      }
    });

    test('a version 3 database (no kept queue counts): counted once from its items, then kept as they move', async () => {
      const place = await makePlace();
      try {
        const first = await place.open();
        const cheer = (text: string) =>
          createEnvelope(EventTypes.checkinEncouragement, { text }, { source: '/old', subject: 'daily' });
        const classify = () => ({ kind: 'encouragement' as const, state: 'pending' as const, flags: [] });
        await first.insert([cheer('a'), cheer('b'), cheer('c')], classify);
        await first.close();
        // As version 3 left it: no table of counts.
        await place.exec('DROP TABLE pending_counts');
        await place.exec('UPDATE mutual_schema SET version = 3');
        const again = await place.open();
        assert.deepEqual(await again.queueCounts(), { encouragement: { pending: 3 } });
        const [item] = (await again.queue({ limit: 1 })).items;
        await again.moderate(item.seq, 'approved', 'm', 'approve', '');
        await again.insert([cheer('d')], classify);
        assert.deepEqual(await again.queueCounts(), { encouragement: { pending: 3 } });
        await again.moderate(item.seq, 'pending', 'm', 'restore', '');
        assert.deepEqual(await again.queueCounts(), { encouragement: { pending: 4 } });
        await again.close();
        assert.deepEqual(await version(place), [4]);
      } finally {
        await place.close();
      }
    });

    test('version 1, which collectors wrote before versions meant anything, is placed by its tables', async () => {
      const place = await makePlace();
      try {
        const first = await place.open();
        await first.insert([reaction(EventTypes.reactionAdded, 'a')]);
        await first.close();
        await place.exec('UPDATE mutual_schema SET version = 1');
        const again = await place.open();
        assert.deepEqual(await again.counts('old-story'), { 'me-too': 1 }, 'not counted a second time');
        await again.close();
        assert.deepEqual(await version(place), [4]);
      } finally {
        await place.close();
      }
    });

    test('a database a newer collector wrote is refused in one sentence, and left as it was', async () => {
      const place = await makePlace();
      try {
        await (await place.open()).close();
        await place.exec('UPDATE mutual_schema SET version = 99');
        await assert.rejects(place.open(), {
          message: 'was written by a newer Mutual collector (schema 99; this one reads up to 4): upgrade the collector',
        });
        assert.deepEqual(await version(place), [99]);
        // Nothing held on to: once it is back at a version this collector reads, it opens at once.
        await place.exec('UPDATE mutual_schema SET version = 4');
        await (await place.open()).close();
      } finally {
        await place.close();
      }
    });
  });
}

test('mutual-collector on a newer database: one line, exit 2', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'mutual-schema-')), 'events.db');
  await createSqliteStore(file).close();
  const db = new Database(file);
  db.prepare('UPDATE mutual_schema SET version = 5').run();
  db.close();
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/collector/cli.ts', '--db', file, '--port', '0'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  assert.equal(run.status, 2, run.stderr);
  assert.match(
    run.stderr.trim(),
    /^[^\n]*--db .*events\.db: was written by a newer Mutual collector \(schema 5; this one reads up to 4\)[^\n]*$/,
  );
});
