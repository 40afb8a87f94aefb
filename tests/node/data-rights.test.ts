import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createCollector, createSqliteStore } from '../../src/collector/index.js';
import { authorKeyHash } from '../../src/collector/author-key.js';
import { createEnvelope, EventTypes } from '../../src/core/protocol/envelope.js';
import { STORE, testStore } from '../helpers/test-store.js';

const DAY = 864e5;

test('--retain-texts: after the period the texts of check-ins and responses are gone, the counts stay', async () => {
  let clock = Date.now();
  const collector = createCollector({
    store: await testStore('mutual-retain-'),
    retainTextsDays: 30,
    now: () => clock,
  });
  try {
    const checkin = createEnvelope(
      EventTypes.checkinSubmitted,
      { mood: 2, hard: 'My sister moved away', helped: 'Calling her', topics: ['family'] },
      { source: '/t', subject: 'daily' },
    );
    const response = createEnvelope(
      EventTypes.storyResponse,
      { text: 'Same here', storyId: 's' },
      { source: '/t', subject: 's' },
    );
    const reaction = createEnvelope(
      EventTypes.reactionAdded,
      { reaction: 'me-too', reactor: 'reader-a-0000000000' },
      { source: '/t', subject: 's' },
    );
    await collector.store.insert([checkin, response, reaction]);
    assert.equal(await collector.retain(), 0, 'nothing is old enough yet');
    clock += 29 * DAY;
    assert.equal(await collector.retain(), 0);
    clock += 2 * DAY; // 31 days later
    assert.equal(await collector.retain(), 2);
    const events = (await collector.store.list({ since: 0, limit: 10 })).map((r) => r.event);
    assert.deepEqual(events[0].data, { mood: 2, topics: ['family'], redacted: true });
    assert.deepEqual(events[1].data, { storyId: 's', redacted: true });
    assert.deepEqual(events[2].data, reaction.data, 'reactions are not texts');
    assert.deepEqual(await collector.store.counts('s'), { 'me-too': 1 });
    assert.equal(await collector.retain(), 0, 'done once');
  } finally {
    await collector.close();
  }
});

test('export --format ndjson|csv gives the host every event, in order; bad input is one line and exit 2', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'mutual-export-')), 'events.db');
  const store = createSqliteStore(db);
  const events = [
    createEnvelope(EventTypes.storyViewed, {}, { source: '/t', subject: 'a' }),
    createEnvelope(
      EventTypes.storyResponse,
      { text: 'He said "me too", then =1+1', storyId: 'a' },
      { source: '/t', subject: 'a' },
    ),
  ];
  await store.insert(events);
  await store.close();
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/collector/cli.ts', 'export', ...args], { encoding: 'utf8' });
  const ndjson = run('--db', db);
  assert.equal(ndjson.status, 0, ndjson.stderr);
  const lines = ndjson.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => l.event),
    events,
  );
  const csv = run('--db', db, '--format', 'csv');
  assert.equal(csv.status, 0, csv.stderr);
  const rows = csv.stdout.trim().split('\r\n');
  assert.equal(rows[0], 'seq,received_at,id,source,type,subject,time,data');
  assert.equal(rows.length, 3);
  assert.ok(rows[2].endsWith(`"{""text"":""He said \\""me too\\"", then =1+1"",""storyId"":""a""}"`), rows[2]);
  const bad = run('--db', db, '--format', 'xml');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr.trim(), /^mutual-collector: --format xml: use ndjson or csv$/);
});

test('"Forget me": a device’s reactions (by reactor key) and its texts still pending review (by author key) are deleted, never another member’s, its check-ins’ words redacted; the record says how many, never what', async () => {
  const collector = createCollector({ store: await testStore('mutual-forget-') });
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => collector(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/events`;
  const post = (events: unknown[]) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify(events),
    });
  try {
    const mine = 'device-mine-0000000000';
    const theirs = 'device-theirs-000000000';
    const react = (subject: string, reactor: string) =>
      createEnvelope(EventTypes.reactionAdded, { reaction: 'me-too', reactor }, { source: '/t', subject });
    const myKey = 'mine-author-key-0000000';
    const myText = createEnvelope(
      EventTypes.storyResponse,
      { text: 'Mine, still waiting', storyId: 's', authorKey: myKey },
      { source: '/t', subject: 's' },
    );
    // Another member's text, waiting too (say, a moderator restored it to review): its id is
    // public, and naming it proves nothing.
    const theirText = createEnvelope(
      EventTypes.storyResponse,
      { text: 'Someone else’s', storyId: 's', authorKey: 'their-author-key-000000' },
      { source: '/t', subject: 's' },
    );
    // A check-in is private (never queued or served): its words are redacted, its mood still counts.
    const myCheckIn = createEnvelope(
      EventTypes.checkinSubmitted,
      { mood: 2, hard: 'My private night', helped: 'Texting a friend', topics: ['sleep'] },
      { source: '/t', subject: 'daily' },
    );
    const events = [react('s', mine), react('t', mine), react('s', theirs), myText, theirText, myCheckIn];
    assert.equal((await post(events)).status, 200);
    const stored = await collector.store.list({ since: 0, limit: 100 });
    const forget = createEnvelope(
      EventTypes.deviceForget,
      { reactors: [mine], events: [myText.id, theirText.id, myCheckIn.id], keys: [myKey] },
      { source: '/t' },
    );
    const res = await post([forget]);
    assert.equal(res.status, 200);
    assert.deepEqual(((await res.json()) as { results: { status: string }[] }).results, [
      { id: forget.id, status: 'accepted' },
    ]);
    assert.deepEqual(await collector.store.counts('s'), { 'me-too': 1 });
    assert.deepEqual(await collector.store.counts('t'), {});
    const left = (await collector.store.list({ since: 0, limit: 100 })).map((r) => r.event);
    assert.ok(!left.some((e) => e.id === myText.id || e.data.reactor === mine || e.type === EventTypes.deviceForget));
    assert.ok(left.some((e) => e.id === theirText.id));
    assert.deepEqual(left.find((e) => e.id === myCheckIn.id)?.data, { mood: 2, topics: ['sleep'], redacted: true });
    const audit = await collector.store.audit({ limit: 10 });
    // Every text it touched, by item number (the deleted response's, the redacted check-in's).
    const seqOf = (id: string) => stored.find((r) => r.event.id === id)!.seq;
    assert.deepEqual(
      audit.map((a) => [a.actor, a.action, a.reason]),
      [
        [
          'member-device',
          'forget',
          `deleted at the member's request: reactions 2, texts 2 (#${seqOf(myText.id)}, #${seqOf(myCheckIn.id)})`,
        ],
      ],
    );
    assert.ok(!JSON.stringify(audit).includes('Mine, still waiting') && !JSON.stringify(audit).includes(mine));
    assert.ok(!JSON.stringify(left).includes('My private night'));
    // Again: nothing more to delete, nothing more recorded.
    await post([createEnvelope(EventTypes.deviceForget, { reactors: [mine], events: [myText.id] }, { source: '/t' })]);
    assert.equal((await collector.store.audit({ limit: 10 })).length, 1);
    // Malformed: the field is named.
    const bad = await post([createEnvelope(EventTypes.deviceForget, { reactors: 'all' }, { source: '/t' })]);
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { field: string }).field, 'data.reactors');
  } finally {
    server.close();
    await collector.close();
  }
});

test('deleted words are gone from the SQLite files, while running and after a stop', async (t) => {
  if (STORE !== 'sqlite') return t.skip('reads the SQLite file');
  const { readFileSync, existsSync } = await import('node:fs');
  const db = join(mkdtempSync(join(tmpdir(), 'mutual-scrub-')), 'events.db');
  let clock = Date.now();
  const collector = createCollector({ db, retainTextsDays: 30, now: () => clock });
  const word = (name: string) => `${name}${Math.random().toString(36).slice(2, 10)}`.toUpperCase();
  const retained = word('retained');
  const forgotten = word('forgotten');
  const withdrawn = word('withdrawn');
  const inFiles = () =>
    [db, `${db}-wal`]
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f).toString('latin1'))
      .join('\n');
  try {
    const checkin = createEnvelope(
      EventTypes.checkinSubmitted,
      { mood: 2, hard: `the ${retained} days`, helped: '', topics: [] },
      { source: '/t', subject: 'daily' },
    );
    const pending = createEnvelope(
      EventTypes.storyResponse,
      { text: `my ${forgotten} words`, storyId: 's' },
      { source: '/t', subject: 's' },
    );
    const key = 'k'.repeat(32);
    const story = createEnvelope(
      EventTypes.storySubmitted,
      { heading: 'H', text: `a ${withdrawn} story`, authorKey: authorKeyHash(key) },
      { source: '/t' },
    );
    await collector.store.insert([checkin, pending, story], (e) =>
      e.type === EventTypes.checkinSubmitted
        ? null
        : { kind: e.type === EventTypes.storyResponse ? 'response' : 'story', state: 'pending', flags: [] },
    );
    for (const w of [retained, forgotten, withdrawn]) assert.ok(inFiles().includes(w), `${w} is stored first`);
    clock += 31 * DAY;
    await collector.retain();
    await collector.store.forget({ reactors: [], events: [pending.id] });
    assert.equal(await collector.store.withdraw(story.id, authorKeyHash(key)), 'withdrawn');
    for (const w of [retained, forgotten, withdrawn]) assert.ok(!inFiles().includes(w), `${w} gone while running`);
  } finally {
    await collector.close();
  }
  for (const w of [retained, forgotten, withdrawn]) assert.ok(!inFiles().includes(w), `${w} gone after a stop`);
});
