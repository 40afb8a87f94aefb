// What a stranger tries against the collector (issue 31), on the store under test: SQLite by
// default, PostgreSQL with MUTUAL_TEST_STORE=postgres (npm test runs both).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createCollector } from '../../src/collector/index.js';
import { createEnvelope, EventTypes } from '../../src/core/protocol/envelope.js';
import { STORE, testStore } from '../helpers/test-store.js';

const BATCH = 'application/cloudevents-batch+json';
const TOKEN = 'attack-moderator-token-0123456789abcdef';
const key = (c: string) => c.repeat(32);

describe(`a stranger against the collector (${STORE})`, () => {
  let collector: ReturnType<typeof createCollector>;
  const server = createServer((req, res) => collector(req, res));
  let url = '';
  before(async () => {
    collector = createCollector({
      store: await testStore('mutual-attacks-'),
      allowListing: true,
      rateLimit: { max: 100_000, windowMs: 60_000 },
      moderation: { moderators: [{ label: 'tests', token: TOKEN }] },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/events`;
  });
  after(async () => {
    server.close();
    await collector.close();
  });

  const post = (events: unknown[]) =>
    fetch(url, { method: 'POST', headers: { 'content-type': BATCH }, body: JSON.stringify(events) });
  const results = async (events: unknown[]) =>
    ((await (await post(events)).json()) as { results: { status: string; field?: string }[] }).results;
  const get = async (query: string) => {
    const res = await fetch(`${url}?${query}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const moderator = (path: string, init: RequestInit = {}) =>
    fetch(`${url}/moderation${path}`, {
      ...init,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    });
  async function approve(text: string) {
    const { items } = (await (await moderator('/queue?state=pending&limit=200')).json()) as {
      items: { seq: number; text: string }[];
    };
    const item = items.find((i) => i.text.endsWith(text))!;
    assert.ok(item, `pending: ${text}`);
    assert.equal((await moderator(`/items/${item.seq}`, { method: 'POST', body: '{"action":"approve"}' })).status, 200);
    return item.seq;
  }
  const story = (text: string, authorKey: string, subject?: string, source = '/member') =>
    createEnvelope(EventTypes.storySubmitted, { heading: 'A story', text, authorKey }, { source, subject });
  const response = (storyId: string, text: string) =>
    createEnvelope(
      EventTypes.storyResponse,
      { text, storyId, authorKey: key('r') },
      { source: '/peer', subject: storyId },
    );
  const withdrawal = (id: string, authorKey: string) =>
    createEnvelope(EventTypes.storyWithdrawn, { authorKey }, { source: '/stranger', subject: id });
  const reaction = (subject: string) =>
    createEnvelope(EventTypes.reactionAdded, { reaction: 'me-too', reactor: key('c') }, { source: '/t', subject });

  test("a stranger cannot claim a story's id, nor hide the responses under it", async () => {
    const victim = story('My evenings were long.', key('a'));
    await post([victim]);
    await approve('My evenings were long.');
    await post([response(victim.id, 'Mine too, hang in there.')]);
    await approve('Mine too, hang in there.');
    const before = await get(`responses=${victim.id}`);
    assert.equal((before.body.responses as unknown[]).length, 1);

    // The victim's id as a subject, and as an event id from another source: refused, alone.
    const claimBySubject = story('Stranger', key('b'), victim.id, '/stranger');
    const claimById = { ...story('Stranger', key('b'), undefined, '/stranger'), id: victim.id };
    const ok = reaction('fine');
    const answer = await results([claimBySubject, claimById, ok]);
    assert.deepEqual(
      answer.map((r) => [r.status, r.field]),
      [
        ['rejected', 'subject'],
        ['rejected', 'id'],
        ['accepted', undefined],
      ],
    );
    // The stranger's key takes nothing down.
    const [taken] = await results([withdrawal(victim.id, key('b'))]);
    assert.deepEqual([taken.status, taken.field], ['rejected', 'subject']);
    const after = await get(`responses=${victim.id}`);
    assert.deepEqual(after.body.responses, before.body.responses);
    // The writer's own key still does, and exactly their story.
    const [own] = await results([withdrawal(victim.id, key('a'))]);
    assert.equal(own.status, 'accepted');
    const { entries } = (await (await moderator('/audit?limit=200')).json()) as {
      entries: { action: string; item: number; reason: string }[];
    };
    const line = entries.filter((e) => e.action === 'withdraw').at(-1)!;
    assert.match(line.reason, /1 response/);
  });

  test('a response cannot reuse the id of another text', async () => {
    const first = response('some-story', 'First words.');
    await post([first]);
    const copy = { ...response('some-story', 'Other words.'), id: first.id, source: '/elsewhere' };
    const [answer] = await results([copy]);
    assert.deepEqual([answer.status, answer.field], ['rejected', 'id']);
  });

  test('a NUL or a lone surrogate is refused naming the field; its batchmates are stored; nothing else breaks', async () => {
    const viewed = createEnvelope(EventTypes.storyViewed, { note: 'a\u0000b' }, { source: '/t', subject: 'nul' });
    const badSubject = { ...reaction('x'), subject: 'nul\u0000subject' };
    const badId = { ...reaction('y'), id: 'nul\u0000id' };
    const topic = createEnvelope(
      EventTypes.storySubmitted,
      { heading: 'T', text: 'Topic NUL', contentWarning: ['grief\u0000'], authorKey: key('d') },
      { source: '/t' },
    );
    const surrogate = createEnvelope(EventTypes.storyViewed, { note: 'x\ud800' }, { source: '/t', subject: 'sur' });
    const fine = reaction('nul-batchmate');
    const answer = await results([viewed, badSubject, badId, topic, surrogate, fine]);
    assert.deepEqual(
      answer.map((r) => [r.status, r.field]),
      [
        ['rejected', 'data.note'],
        ['rejected', 'subject'],
        ['rejected', 'id'],
        ['rejected', 'data.contentWarning.0'],
        ['rejected', 'data.note'],
        ['accepted', undefined],
      ],
    );
    // What used to break for everyone on PostgreSQL still answers.
    const mine = story('Take me down later.', key('e'));
    await post([mine]);
    const [down] = await results([withdrawal(mine.id, key('e'))]);
    assert.equal(down.status, 'accepted');
    const forget = createEnvelope(EventTypes.deviceForget, { reactors: [key('f')], events: [] }, { source: '/t' });
    assert.equal((await results([forget]))[0].status, 'accepted');
    assert.equal((await get('stories&exclude-topics=grief')).status, 200);
    assert.equal((await moderator('/reports')).status, 200);
    assert.equal((await moderator('/pulse')).status, 200);
    assert.equal(await collector.retain(), 0);
    // In a query: a 400 naming it.
    const nul = await get('stories&exclude-topics=grief%00');
    assert.equal(nul.status, 400);
    assert.equal(nul.body.field, 'exclude-topics');
  });

  test('bad query values are a 400 naming them', async () => {
    for (const cursor of ['abc', 'NaN', '1.5', '-3', '0'])
      for (const query of [`stories&cursor=${cursor}`, `responses=s&cursor=${cursor}`]) {
        const answer = await get(query);
        assert.equal(answer.status, 400, query);
        assert.equal(answer.body.field, 'cursor', query);
      }
    for (const [query, field] of [
      ['/queue?cursor=abc', 'cursor'],
      ['/queue?flagged=maybe', 'flagged'],
      ['/audit?cursor=x', 'cursor'],
    ]) {
      const res = await moderator(query);
      assert.equal(res.status, 400, query);
      assert.equal(((await res.json()) as { field: string }).field, field);
    }
  });

  test('the moderation API refuses malformed bodies and unknown actions with a 400, writing nothing', async () => {
    const text = 'Waiting for a moderator.';
    await post([story(text, key('g'))]);
    const { items } = (await (await moderator('/queue?state=pending&limit=200')).json()) as {
      items: { seq: number; text: string; state: string }[];
    };
    const item = items.find((i) => i.text.endsWith(text))!;
    const audit = async () => ((await (await moderator('/audit?limit=200')).json()) as { entries: unknown[] }).entries;
    const before = (await audit()).length;
    for (const body of ['{', 'null', '[]', '"approve"', '{"action":"toString"}', '{"action":"__proto__"}']) {
      const res = await moderator(`/items/${item.seq}`, { method: 'POST', body });
      assert.equal(res.status, 400, body);
      const answer = (await res.json()) as { error: string; field: string };
      assert.ok(answer.field, body);
    }
    assert.equal((await moderator('/items/1', { method: 'POST', body: '{"action":"constructor"}' })).status, 400);
    const after = (await (await moderator(`/items/${item.seq}`)).json()) as { state: string };
    assert.equal(after.state, 'pending');
    assert.equal((await audit()).length, before);
    const imported = await moderator('/stories', { method: 'POST', body: '{"text": ' });
    assert.equal(imported.status, 400);
  });

  test('importing one CMS id twice publishes it once, then answers 409', async () => {
    const body = JSON.stringify({ id: 'cms-42', heading: 'From the CMS', text: 'Imported once.' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await moderator('/stories', { method: 'POST', body })).status);
    assert.deepEqual(statuses, [201, 409, 409]);
    const { body: page } = await get('stories&limit=50');
    assert.equal((page.stories as { id: string }[]).filter((s) => s.id === 'cms-42').length, 1);
  });
});
