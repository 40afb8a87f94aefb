import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createPostgresStore, createSqliteStore, type Store } from '../../src/collector/index.js';
import { createEnvelope, EventTypes, type MutualEnvelope } from '../../src/core/protocol/envelope.js';
import type { Classify } from '../../src/collector/store/types.js';
import { freshSchema, postgresUrl, stopEmbeddedPostgres } from '../helpers/postgres.js';
import { PGlite } from '@electric-sql/pglite';
import { createPgliteStore } from '../../src/collector/store/pglite.js';

// One contract, both stores: every test below runs against SQLite and against PostgreSQL (a real
// server with MUTUAL_PG_URL, else an embedded PGlite — never skipped).
const kinds: Record<string, 'story' | 'response' | 'encouragement'> = {
  [EventTypes.storySubmitted]: 'story',
  [EventTypes.storyResponse]: 'response',
  [EventTypes.checkinEncouragement]: 'encouragement',
};
const classify: Classify = (e) =>
  kinds[e.type]
    ? { kind: kinds[e.type], state: 'pending', flags: String(e.data.text).includes('crisis') ? ['crisis'] : [] }
    : null;
const ev = (type: string, data: Record<string, unknown>, subject?: string, source = '/contract') =>
  createEnvelope(type, data, { source, subject });
const react = (subject: string, reaction: string, reactor: string, removed = false, time?: string) => ({
  ...ev(removed ? EventTypes.reactionRemoved : EventTypes.reactionAdded, { reaction, reactor }, subject),
  ...(time && { time }),
});

/** Each store: where a fresh database is (`place`), and how a collector connects to it. */
const stores: { name: string; place: () => Promise<string>; connect: (place: string) => Promise<Store> }[] = [
  {
    name: 'SQLite',
    place: async () => join(mkdtempSync(join(tmpdir(), 'mutual-contract-')), 'e.db'),
    connect: async (file) => createSqliteStore(file),
  },
  {
    name: 'PostgreSQL',
    place: async () => freshSchema(),
    // PGlite runs one backend session for every socket connection: one connection per store there.
    connect: async (schema) => {
      const { url, kind } = await postgresUrl();
      return createPostgresStore(url, { schema, max: kind === 'server' ? 4 : 1 });
    },
  },
  {
    // The in-browser store's engine, called directly (no socket, no node-postgres): one PGlite, a schema per store.
    name: 'PGlite',
    place: async () => freshSchema(),
    connect: async (schema) => createPgliteStore(await pglite(), { schema }),
  },
];

let shared: Promise<PGlite> | undefined;
const pglite = () => (shared ??= PGlite.create());
after(async () => (await shared)?.close());

after(() => stopEmbeddedPostgres());

for (const { name, place, connect } of stores) {
  const open = async () => connect(await place());
  describe(`store contract: ${name}`, () => {
    test('insert: one status per event in order; the same source + id is stored once', async () => {
      const store = await open();
      try {
        const a = ev(EventTypes.storyViewed, {}, 's1');
        const b = ev(EventTypes.storyViewed, {}, 's2');
        const first = await store.insert([a, b]);
        assert.deepEqual(first.statuses, ['accepted', 'accepted']);
        assert.equal(first.seqs.filter((s) => typeof s === 'number').length, 2);
        const again = await store.insert([b, { ...a, source: '/another' }]);
        assert.deepEqual(again.statuses, ['duplicate', 'accepted']);
        assert.deepEqual([again.accepted, again.duplicates], [1, 1]);
        const listed = await store.list({ since: 0, limit: 10 });
        assert.deepEqual(
          listed.map((r) => r.event.id),
          [a.id, b.id, a.id],
        );
        assert.deepEqual(listed[0].event, a, 'the envelope comes back exactly');
        assert.deepEqual(
          (await store.list({ since: listed[0].seq, limit: 10, subject: 's2' })).map((r) => r.event.id),
          [b.id],
        );
        assert.deepEqual(
          (await store.list({ since: 0, limit: 10, type: EventTypes.storyViewed })).map((r) => r.event.source).at(-1),
          '/another',
        );
      } finally {
        await store.close();
      }
    });

    test('moderation: flagged first, cursor paging, approve with an append-only audit, counts per kind and state', async () => {
      const store = await open();
      try {
        const texts = ['one', 'two crisis', 'three', 'four', 'five'];
        await store.insert(
          texts.map((text) => ev(EventTypes.storyResponse, { text, storyId: 'st' }, 'st')),
          classify,
        );
        const page1 = await store.queue({ limit: 2 });
        assert.deepEqual(
          page1.items.map((i) => i.event.data.text),
          ['two crisis', 'five'],
        );
        const page2 = await store.queue({ limit: 2, cursor: page1.next! });
        const page3 = await store.queue({ limit: 2, cursor: page2.next! });
        assert.deepEqual(
          [...page2.items, ...page3.items].map((i) => i.event.data.text),
          ['four', 'three', 'one'],
        );
        const seq = page1.items[1].seq;
        const approved = await store.moderate(seq, 'approved', 'mod-a', 'approve', 'kind words');
        assert.equal(approved?.state, 'approved');
        assert.equal(await store.moderate(999_999, 'approved', 'mod-a', 'approve', ''), undefined);
        assert.equal((await store.item(seq))?.state, 'approved');
        assert.deepEqual(await store.queueCounts(), { response: { pending: 4 } });
        const audit = await store.audit({ limit: 10 });
        assert.deepEqual(
          audit.map((a) => [a.actor, a.action, a.item, a.reason]),
          [['mod-a', 'approve', seq, 'kind words']],
        );
        assert.deepEqual(
          (await store.responses('st', { limit: 10 })).map((i) => i.event.data.text),
          ['five'],
        );
        // Many at once: each moves as it would alone; one no longer in `from` stays, one unknown is named.
        const [a, b] = page2.items.map((i) => i.seq);
        const many = await store.moderateMany(
          [
            { seq: a, from: 'pending' },
            { seq, from: 'pending' },
            { seq: b, from: 'pending' },
            { seq: 999_999, from: 'pending' },
          ],
          'hidden',
          'mod-b',
          'hide',
          'names-someone',
        );
        assert.deepEqual(
          many.items.map((i) => [i.seq, i.state]),
          [
            [a, 'hidden'],
            [b, 'hidden'],
          ],
        );
        assert.deepEqual([many.conflicts, many.missing], [[seq], [999_999]]);
        assert.equal((await store.item(seq))?.state, 'approved');
        await assert.rejects(store.moderate(a, 'approved', 'mod-a', 'approve', '', 'pending'), {
          code: 'MUTUAL_CONFLICT',
        });
        assert.deepEqual(
          (await store.audit({ limit: 10 }))
            .slice(1)
            .map((x) => [x.actor, x.action, x.item, x.reason])
            .sort(),
          [
            ['mod-b', 'hide', a, 'names-someone'],
            ['mod-b', 'hide', b, 'names-someone'],
          ].sort(),
        );
        await store.moderateMany(
          [a, b].map((s) => ({ seq: s, from: 'hidden' as const })),
          'pending',
          'mod-b',
          'restore',
          'undo',
        );
        assert.deepEqual(await store.responseCounts(['st', 'none']), { st: 1 });
        assert.deepEqual(
          (await store.approved('response', 5)).map((i) => i.seq),
          [seq],
        );
      } finally {
        await store.close();
      }
    });

    test('a response whose text retention removed is neither listed nor counted', async () => {
      const store = await open();
      try {
        await store.insert(
          ['kept', 'old'].map((text) => ev(EventTypes.storyResponse, { text, storyId: 'r' }, 'r')),
          classify,
        );
        for (const item of (await store.queue({ limit: 10 })).items)
          await store.moderate(item.seq, 'approved', 'm', 'approve', '');
        const [old] = (await store.responses('r', { limit: 10 })).filter((i) => i.event.data.text === 'old');
        assert.equal(await store.redactTexts([EventTypes.checkinSubmitted], '9999'), 0, 'other types untouched');
        // Redact only the old one: pretend it arrived long ago by redacting everything, then check both go.
        assert.equal(await store.redactTexts([EventTypes.storyResponse], '9999-12-31'), 2);
        assert.deepEqual(await store.responses('r', { limit: 10 }), []);
        assert.deepEqual(await store.responseCounts(['r']), {});
        assert.ok(old, 'it was listed before');
      } finally {
        await store.close();
      }
    });

    test('published stories: newest first, tag / topic / exclude filters, cursor paging', async () => {
      const store = await open();
      try {
        const story = (text: string, tags: string[], contentWarning: string[] = []) =>
          ev(EventTypes.storySubmitted, { heading: text, text, tags, contentWarning });
        await store.insert(
          [
            story('a', ['Family']),
            story('b', ['work'], ['relapse']),
            story('c', ['family'], ['self-harm']),
            story('d', []),
          ],
          classify,
        );
        for (const item of (await store.queue({ limit: 10 })).items)
          if (item.event.data.text !== 'd') await store.moderate(item.seq, 'approved', 'm', 'approve', '');
        const texts = async (q: Parameters<Store['published']>[0]) =>
          (await store.published(q)).map((i) => i.event.data.text);
        assert.deepEqual(await texts({ limit: 10 }), ['c', 'b', 'a'], 'unapproved d never appears');
        assert.deepEqual(await texts({ limit: 10, tag: 'family' }), ['c', 'a']);
        assert.deepEqual(await texts({ limit: 10, topic: 'relapse' }), ['b']);
        assert.deepEqual(await texts({ limit: 10, exclude: ['Self-Harm'] }), ['b', 'a']);
        assert.equal(await store.publishedTotal({}), 3);
        assert.equal(await store.publishedTotal({ tag: 'FAMILY' }), 2);
        assert.equal(await store.publishedTotal({ topic: 'relapse' }), 1);
        assert.equal(await store.publishedTotal({ exclude: ['self-harm'] }), 2);
        const first = await store.published({ limit: 2 });
        assert.deepEqual(await texts({ limit: 2, cursor: first.at(-1)!.seq }), ['a']);
      } finally {
        await store.close();
      }
    });

    test('counts: once per reader per subject and reaction, the latest wins, read from the counts table', async () => {
      const store = await open();
      try {
        const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
        await store.insert([
          react('x', 'me-too', 'reader-a-000000', false, t(1)),
          react('x', 'me-too', 'reader-a-000000', false, t(2)),
          react('x', 'me-too', 'reader-b-000000', false, t(1)),
          react('x', 'me-too', 'reader-b-000000', true, t(3)),
          react('x', 'helped', 'reader-c-000000', true, t(1)),
          react('x', 'helped', 'reader-a-000000', false, t(5)),
          react('x', 'helped', 'reader-a-000000', true, t(4)), // older: ignored
        ]);
        assert.deepEqual(await store.counts('x'), { 'me-too': 1, helped: 1 });
        assert.deepEqual(await store.counts('nothing'), {});
        // Later batches: an event older than the reader's state changes nothing; a removal counts down.
        await store.insert([react('x', 'me-too', 'reader-b-000000', false, t(2))]);
        assert.deepEqual(await store.counts('x'), { 'me-too': 1, helped: 1 });
        await store.insert([
          react('x', 'me-too', 'reader-a-000000', true, t(6)),
          react('x', 'helped', 'reader-d-000000', false, t(6)),
          react('y', 'me-too', 'reader-d-000000', false, t(6)),
        ]);
        assert.deepEqual(await store.counts('x'), { helped: 2 });
        assert.deepEqual(await store.counts('y'), { 'me-too': 1 });
      } finally {
        await store.close();
      }
    });

    test('inserts at once are each answered: one that fails stores nothing of its batch and leaves the others', async () => {
      const store = await open();
      try {
        const batches = Array.from({ length: 10 }, (_, b) =>
          Array.from({ length: 20 }, (_, i) => react(`at-once-${i}`, 'me-too', `reader-${b}-${i}-0000000`)),
        );
        // A reaction without its data: the collector's validation never lets one through, but a
        // batch that fails in the store must fail alone.
        const broken = [react('at-once-0', 'helped', 'reader-x-00000000'), { ...react('at-once-0', 'me-too', 'r') }];
        (broken[1] as { data?: unknown }).data = undefined;
        const results = await Promise.allSettled([...batches, broken].map((b) => store.insert(b)));
        assert.deepEqual(
          results.map((r) => r.status),
          [...batches.map(() => 'fulfilled'), 'rejected'],
        );
        for (const r of results.slice(0, 10))
          assert.equal((r as PromiseFulfilledResult<{ accepted: number }>).value.accepted, 20);
        assert.deepEqual(await store.counts('at-once-0'), { 'me-too': 10 }, 'the failed batch left no reaction');
        assert.equal((await store.list({ since: 0, limit: 1000 })).length, 200, 'nor any event');
        assert.deepEqual(await store.counts('at-once-19'), { 'me-too': 10 });
      } finally {
        await store.close();
      }
    });

    test('reports and daily aggregates', async () => {
      const store = await open();
      try {
        await store.insert([
          ev(EventTypes.storyReported, { reason: 'worried' }, 'st-1'),
          ev(EventTypes.storyReported, { reason: 'worried' }, 'st-1'),
          ev(EventTypes.storyReported, { reason: 'spam' }, 'st-1'),
          ev(EventTypes.checkinSubmitted, { mood: 2 }, 'c'),
          ev(EventTypes.checkinSubmitted, { mood: 2 }, 'c'),
        ]);
        const reports = (await store.reports()).map(({ subject, reason, n }) => ({ subject, reason, n }));
        assert.deepEqual(
          reports.sort((a, b) => a.reason.localeCompare(b.reason)),
          [
            { subject: 'st-1', reason: 'spam', n: 1 },
            { subject: 'st-1', reason: 'worried', n: 2 },
          ],
        );
        const today = new Date().toISOString().slice(0, 10);
        const daily = await store.daily(today);
        const checkins = daily.find((d) => d.type === EventTypes.checkinSubmitted)!;
        assert.deepEqual([checkins.day, Number(checkins.mood), checkins.n], [today, 2, 2]);
      } finally {
        await store.close();
      }
    });

    test(`two collectors on one ${name === 'SQLite' ? 'file' : 'database'} at once: 0 lost, 0 duplicated, counts exact`, async (t) => {
      // Concurrent transactions need real sessions; PGlite has one. Said out loud, and CI has a server.
      if (name === 'PGlite') return t.skip('PGlite has a single session; the PostgreSQL server runs this');
      if (name === 'PostgreSQL' && (await postgresUrl()).kind !== 'server')
        return t.skip('needs a PostgreSQL server (PGlite has a single session): set MUTUAL_PG_URL; CI does');
      // Two connections to one file (SQLite), two pools on one schema (PostgreSQL).
      const where = await place();
      const first = await connect(where);
      const second = await connect(where);
      try {
        const events: MutualEnvelope[] = [];
        for (let r = 0; r < 40; r++) events.push(react('busy', 'me-too', `reader-${String(r).padStart(10, '0')}`));
        const views = Array.from({ length: 200 }, (_, i) => ev(EventTypes.storyViewed, { i }, `v-${i}`));
        // Both collectors get every event (a retried batch reaching the other collector), in parallel.
        const batches = (list: MutualEnvelope[]) =>
          Array.from({ length: 10 }, (_, i) => list.slice(i * 24, i * 24 + 24));
        const all = [...events, ...views];
        const results = await Promise.all([
          ...batches(all).map((b) => first.insert(b)),
          ...batches(all).map((b) => second.insert(b)),
        ]);
        const accepted = results.reduce((n, r) => n + r.accepted, 0);
        assert.equal(accepted, all.length, 'each event stored exactly once');
        assert.equal((await first.list({ since: 0, limit: 10_000 })).length, all.length);
        assert.deepEqual(await second.counts('busy'), { 'me-too': 40 });
      } finally {
        await second.close();
        await first.close();
      }
    });
  });
}
