import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { createCollector } from '../../src/collector/index.js';
import type { ModerationOptions } from '../../src/collector/moderation.js';
import { testStore } from '../helpers/test-store.js';
import { createEnvelope, EventTypes, type MutualEnvelope } from '../../src/core/protocol/envelope.js';

const TOKEN = 'stories-moderator-token-0123456789';

async function start(onEvent?: (event: MutualEnvelope) => void, moderation: ModerationOptions = {}) {
  const collector = createCollector({
    store: await testStore('mutual-stories-'),
    rateLimit: false,
    moderation: { moderators: [{ label: 'sam', token: TOKEN }], onEvent, ...moderation },
  });
  const server = createServer((req, res) => collector(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/events`;
  const headers = { authorization: `Bearer ${TOKEN}` };
  return {
    url,
    store: collector.store,
    stop: () => (server.close(), collector.close()),
    post: (events: MutualEnvelope[]) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/cloudevents-batch+json' },
        body: JSON.stringify(events),
      }),
    get: async (query: string) => (await fetch(`${url}?${query}`)).json(),
    pending: async (kind: string) =>
      (await (await fetch(`${url}/moderation/queue?kind=${kind}&state=pending&limit=200`, { headers })).json())
        .items as { seq: number; text: string }[],
    act: (seq: number, action: string, reason?: string) =>
      fetch(`${url}/moderation/items/${seq}`, { method: 'POST', headers, body: JSON.stringify({ action, reason }) }),
    publish: (story: Record<string, unknown>) =>
      fetch(`${url}/moderation/stories`, { method: 'POST', headers, body: JSON.stringify(story) }),
  };
}

const story = (id: string, heading: string, extra: Record<string, unknown> = {}) =>
  createEnvelope(
    EventTypes.storySubmitted,
    {
      heading,
      text: `First paragraph of ${heading}.\n\nSecond paragraph.`,
      author: 'River',
      tags: ['recovery'],
      contentWarning: [],
      ...extra,
    },
    { source: '/t', subject: id },
  );

test('stories in, stories out: only approved stories are served, newest first, with responses and reactions in the same answer', async () => {
  const c = await start();
  try {
    await c.post([
      story('s-1', 'The evenings'),
      story('s-2', 'After the slip', { contentWarning: ['relapse'] }),
      story('s-3', 'Not yet reviewed'),
    ]);
    assert.deepEqual((await c.get('stories')).stories, [], 'nothing before review');
    const items = await c.pending('story');
    const byHeading = (h: string) => items.find((i) => i.text.startsWith(h))!.seq;
    await c.act(byHeading('The evenings'), 'approve');
    await c.act(byHeading('After the slip'), 'approve');
    await c.act(byHeading('Not yet reviewed'), 'hide');
    await c.post([
      createEnvelope(EventTypes.storyResponse, { text: 'Me too.', storyId: 's-1' }, { source: '/t', subject: 's-1' }),
      createEnvelope(
        EventTypes.storyResponse,
        { text: 'Waiting for review', storyId: 's-1' },
        { source: '/t', subject: 's-1' },
      ),
      createEnvelope(
        EventTypes.reactionAdded,
        { reaction: 'me-too', reactor: 'test-reactor-0123456789' },
        { source: '/t', subject: 's-1' },
      ),
    ]);
    const responses = await c.pending('response');
    await c.act(responses.find((r) => r.text === 'Me too.')!.seq, 'approve');
    const { stories } = await c.get('stories');
    assert.deepEqual(
      stories.map(
        (s: {
          id: string;
          heading: string;
          responses: number;
          reactions: Record<string, number>;
          paragraphs: string[];
          contentWarning: string[];
        }) => [s.id, s.heading, s.responses, s.reactions, s.paragraphs.length, s.contentWarning],
      ),
      [
        ['s-2', 'After the slip', 0, {}, 2, ['relapse']],
        ['s-1', 'The evenings', 1, { 'me-too': 1 }, 2, []],
      ],
    );
    assert.equal(stories[1].author, 'River');
    const thread = await c.get('responses=s-1');
    assert.deepEqual(
      thread.responses.map((r: { text: string }) => r.text),
      ['Me too.'],
    );
    // Filters: by tag and topic, and excluding topics the reader hides.
    const excluding = await c.get('stories&exclude-topics=relapse');
    assert.deepEqual(
      excluding.stories.map((s: { id: string }) => s.id),
      ['s-1'],
    );
    assert.equal(excluding.total, 1, 'the total counts with the same filters');
    assert.deepEqual(
      (await c.get('stories&topic=relapse')).stories.map((s: { id: string }) => s.id),
      ['s-2'],
    );
    assert.deepEqual(
      (await c.get('stories&tag=recovery')).stories.map((s: { id: string }) => s.id),
      ['s-2', 's-1'],
    );
  } finally {
    c.stop();
  }
});

test('paging through 500 published stories: no duplicates, no gaps', async () => {
  const c = await start();
  try {
    for (let i = 0; i < 500; i += 100)
      await c.post(Array.from({ length: 100 }, (_, j) => story(`p-${i + j}`, `Story ${i + j}`)));
    for (let page = await c.pending('story'); page.length; page = await c.pending('story')) {
      await Promise.all(page.map((item) => c.act(item.seq, 'approve')));
    }
    const ids: string[] = [];
    let cursor = '';
    for (;;) {
      const page = await c.get(`stories&limit=37${cursor ? `&cursor=${cursor}` : ''}`);
      // The first page says how many there are in all; later pages do not count again.
      assert.equal(page.total, cursor ? undefined : 500);
      ids.push(...page.stories.map((s: { id: string }) => s.id));
      if (!page.next) break;
      cursor = page.next;
    }
    assert.equal(ids.length, 500);
    assert.equal(new Set(ids).size, 500);
    assert.equal(ids[0], 'p-499');
  } finally {
    c.stop();
  }
});

test('a host publishes a story it already has through the moderation API (audited); a malformed one names the field', async () => {
  const c = await start();
  try {
    const res = await c.publish({ id: 'cms-7', heading: 'From our archive', text: 'One paragraph.', tags: ['sleep'] });
    assert.equal(res.status, 201);
    assert.deepEqual(
      (await c.get('stories')).stories.map((s: { id: string }) => s.id),
      ['cms-7'],
    );
    const bad = await c.publish({ heading: 'No text' });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).field, 'text');
    const unauthorised = await fetch(`${c.url}/moderation/stories`, { method: 'POST', body: '{}' });
    assert.equal(unauthorised.status, 401);
  } finally {
    c.stop();
  }
});

test('an author takes their story down with the key only their device has: gone from the feed and the queue, its words deleted; the key is kept only as a hash', async () => {
  const c = await start();
  try {
    const key = 'author-key-of-river-0123456789abcdef';
    // As <mutual-share-story> sends it: no subject, so the story's id is the event's id.
    const published = createEnvelope(
      EventTypes.storySubmitted,
      {
        heading: 'The evenings',
        text: 'I kept a list.',
        author: 'River',
        tags: ['recovery'],
        contentWarning: [],
        authorKey: key,
      },
      { source: '/t' },
    );
    const waiting = createEnvelope(
      EventTypes.storySubmitted,
      { heading: 'Still waiting', text: 'Not reviewed yet.', tags: [], contentWarning: [], authorKey: `${key}-2` },
      { source: '/t' },
    );
    assert.equal((await c.post([published, waiting])).status, 200);
    const queued = await c.pending('story');
    await c.act(queued.find((i) => i.text.includes('I kept a list'))!.seq, 'approve');
    const ids = async () => ((await c.get('stories')) as { stories: { id: string }[] }).stories.map((s) => s.id);
    assert.deepEqual(await ids(), [published.id]);

    const withdraw = (story: string, authorKey: string) =>
      createEnvelope(EventTypes.storyWithdrawn, { authorKey }, { source: '/t', subject: story });
    const answer = async (event: MutualEnvelope) =>
      ((await (await c.post([event])).json()) as { results: unknown[] }).results[0];

    // Someone else's key (or a guess) takes nothing down, and says which field is at fault.
    const guess = withdraw(published.id, 'not-the-authors-key-0000000');
    assert.deepEqual(await answer(guess), {
      id: guess.id,
      status: 'rejected',
      field: 'subject',
      reason: 'names no text this author key may take down',
    });
    assert.deepEqual(await ids(), [published.id]);

    const mine = withdraw(published.id, key);
    assert.deepEqual(await answer(mine), { id: mine.id, status: 'accepted' });
    assert.deepEqual(await ids(), []);
    // A retry (the answer was lost on the way): accepted again, nothing more recorded.
    const again = withdraw(published.id, key);
    assert.deepEqual(await answer(again), { id: again.id, status: 'accepted' });
    // A story still waiting for review leaves the queue: no moderator can publish it afterwards.
    const pendingSeq = (await c.pending('story')).find((i) => i.text.includes('Not reviewed yet'))!.seq;
    const second = withdraw(waiting.id, `${key}-2`);
    assert.deepEqual(await answer(second), { id: second.id, status: 'accepted' });
    assert.deepEqual(await c.pending('story'), []);
    assert.equal((await c.act(pendingSeq, 'approve')).status, 404);
    assert.deepEqual(await ids(), []);

    const stored = (await c.store.list({ since: 0, limit: 100 })).map((r) => r.event);
    const kept = stored.find((e) => e.id === published.id)!;
    assert.deepEqual(Object.keys(kept.data).sort(), ['authorKey', 'redacted']);
    assert.match(String(kept.data.authorKey), /^[0-9a-f]{64}$/);
    const everything = JSON.stringify(stored);
    assert.ok(!everything.includes(key), 'the author key itself is never stored');
    assert.ok(!everything.includes('I kept a list') && !everything.includes('River'));
    assert.ok(!stored.some((e) => e.type === EventTypes.storyWithdrawn), 'acted on, not stored');
    const audit = await c.store.audit({ limit: 20 });
    assert.deepEqual(
      audit.filter((a) => a.action === 'withdraw').map((a) => [a.actor, a.reason]),
      [
        ['member-device', 'taken down by its author'],
        ['member-device', 'taken down by its author'],
      ],
    );

    // A response is taken down the same way, by its own id and key: gone from the list and the count.
    const responseKey = 'author-key-of-a-reply-0123456789';
    const reply = (text: string, authorKey?: string) =>
      createEnvelope(
        EventTypes.storyResponse,
        { text, storyId: 's-open', ...(authorKey && { authorKey }) },
        { source: '/t', subject: 's-open' },
      );
    const mineReply = reply('Me too, the evenings.', responseKey);
    const theirReply = reply('Same here.');
    await c.post([story('s-open', 'Open story'), mineReply, theirReply]);
    for (const kind of ['story', 'response'])
      for (const item of await c.pending(kind)) await c.act(item.seq, 'approve');
    const replies = async () =>
      ((await c.get('responses=s-open')) as { responses: { text: string }[] }).responses.map((r) => r.text);
    assert.deepEqual(await replies(), ['Me too, the evenings.', 'Same here.']);
    const gone = withdraw(mineReply.id, responseKey);
    assert.deepEqual(await answer(gone), { id: gone.id, status: 'accepted' });
    assert.deepEqual(await replies(), ['Same here.']);
    const counted = (await c.get('stories')) as { stories: { id: string; responses: number }[] };
    assert.equal(counted.stories.find((s) => s.id === 's-open')?.responses, 1);
    // Someone else's response cannot be taken down with this key.
    const notMine = withdraw(theirReply.id, responseKey);
    assert.equal(((await answer(notMine)) as { status: string }).status, 'rejected');
    const left = JSON.stringify((await c.store.list({ since: 0, limit: 100 })).map((r) => r.event));
    assert.ok(!left.includes('Me too, the evenings.') && !left.includes(responseKey));

    // A story taken down takes the responses to it out of view too (hidden, not deleted: others' words).
    const answered = story('s-answered', 'Answered', { authorKey: `${key}-3` });
    const answer1 = createEnvelope(
      EventTypes.storyResponse,
      { text: 'A reply to the answered story.', storyId: 's-answered' },
      { source: '/t', subject: 's-answered' },
    );
    await c.post([answered, answer1]);
    for (const kind of ['story', 'response'])
      for (const item of await c.pending(kind)) await c.act(item.seq, 'approve');
    const repliesTo = async (id: string) =>
      ((await c.get(`responses=${id}`)) as { responses: { text: string }[] }).responses.map((r) => r.text);
    assert.deepEqual(await repliesTo('s-answered'), ['A reply to the answered story.']);
    assert.equal(((await answer(withdraw('s-answered', `${key}-3`))) as { status: string }).status, 'accepted');
    assert.deepEqual(await repliesTo('s-answered'), []);
    const last = (await c.store.audit({ limit: 50 })).at(-1)!;
    // The response hidden with it is named by its item number, never by its words.
    const [hiddenReply] = (await c.store.queue({ kind: 'response', state: 'hidden', limit: 50 })).items.filter(
      (i) => i.event.subject === 's-answered',
    );
    assert.deepEqual(
      [last.action, last.reason],
      ['withdraw', `taken down by its author; 1 response(s) to it hidden with it: #${hiddenReply.seq}`],
    );

    // Sent while offline and taken back before the connection came back: both arrive in one batch.
    const regretted = story('s-regretted', 'Regretted', { authorKey: `${key}-4` });
    const takeBack = withdraw('s-regretted', `${key}-4`);
    const both = (await (await c.post([regretted, takeBack])).json()) as { results: { status: string }[] };
    assert.deepEqual(
      both.results.map((r) => r.status),
      ['accepted', 'accepted'],
    );
    assert.ok(!(await c.pending('story')).some((i) => i.text.includes('Regretted')));

    // An encouragement from the check-in, the same way: gone from what peers are shown.
    const kind = createEnvelope(
      EventTypes.checkinEncouragement,
      { text: 'You showed up today, and that counts.', authorKey: `${key}-5` },
      { source: '/t', subject: 'daily' },
    );
    await c.post([kind]);
    for (const item of await c.pending('encouragement')) await c.act(item.seq, 'approve');
    const shown = async () =>
      ((await c.get('peer-messages=50')) as { messages: { text: string }[] }).messages.map((m) => m.text);
    assert.ok((await shown()).includes('You showed up today, and that counts.'));
    assert.equal(((await answer(withdraw(kind.id, `${key}-5`))) as { status: string }).status, 'accepted');
    assert.ok(!(await shown()).includes('You showed up today, and that counts.'));

    // Malformed: the field is named.
    const bad = await c.post([
      createEnvelope(EventTypes.storyWithdrawn, { authorKey: 'short' }, { source: '/t', subject: 'x' }),
    ]);
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { field: string }).field, 'data.authorKey');
    const unnamed = await c.post([createEnvelope(EventTypes.storyWithdrawn, { authorKey: key }, { source: '/t' })]);
    assert.equal(((await unnamed.json()) as { field: string }).field, 'subject');
  } finally {
    await c.stop();
  }
});

test('a text taken down by its writer is told to the host as org.mutual.moderation.withdrawn (its id, never its words or key), once', async () => {
  const events: MutualEnvelope[] = [];
  const c = await start((e) => events.push(e));
  try {
    const key = 'a-key-for-the-host-hook-0000001';
    const mine = story('s-mirrored', 'Mirrored in a CMS', { authorKey: key });
    await c.post([mine]);
    for (const item of await c.pending('story')) await c.act(item.seq, 'approve');
    const takeDown = () =>
      c.post([createEnvelope(EventTypes.storyWithdrawn, { authorKey: key }, { source: '/t', subject: 's-mirrored' })]);
    await takeDown();
    await takeDown(); // a retry: nothing new to tell
    const withdrawn = events.filter((e) => e.type === 'org.mutual.moderation.withdrawn');
    assert.deepEqual(
      withdrawn.map((e) => [e.subject, e.data]),
      [['s-mirrored', { id: 's-mirrored', by: 'author' }]],
    );
    assert.ok(!JSON.stringify(events).includes(key) && !JSON.stringify(withdrawn).includes('Mirrored'));
  } finally {
    await c.stop();
  }
});

test('why it was not published: the writer learns the host’s reason a moderator chose, never a moderator’s own words', async () => {
  const c = await start(undefined, { hideReasons: ['could-identify-you', 'names-someone'] });
  const key = (ch: string) => ch.repeat(32);
  try {
    const stories = [
      story('r-identify', 'It named my street', { authorKey: key('a') }),
      story('r-words', 'A moderator wrote why', { authorKey: key('b') }),
      story('r-not-offered', 'A reason this host does not use', { authorKey: key('c') }),
    ];
    await c.post(stories);
    const queue = (await (
      await fetch(`${c.url}/moderation/queue?kind=story&state=pending`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
    ).json()) as { items: { seq: number; text: string }[]; hideReasons: string[] };
    assert.deepEqual(queue.hideReasons, ['could-identify-you', 'names-someone'], 'what the queue offers');
    const seq = (heading: string) => queue.items.find((i) => i.text.includes(heading))!.seq;
    await c.act(seq('It named my street'), 'hide', 'could-identify-you');
    await c.act(seq('A moderator wrote why'), 'hide', 'the writer seems to be a bot, ignore');
    await c.act(seq('A reason this host does not use'), 'hide', 'contact-details');
    const res = await fetch(`${c.url}/mine`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ texts: stories.map((s, i) => ({ id: s.subject, key: key('abc'[i]) })) }),
    });
    const byId = Object.fromEntries(((await res.json()) as { texts: { id: string }[] }).texts.map((t) => [t.id, t]));
    assert.deepEqual(byId['r-identify'], {
      id: 'r-identify',
      kind: 'story',
      state: 'not-published',
      reason: 'could-identify-you',
    });
    assert.deepEqual(byId['r-words'], { id: 'r-words', kind: 'story', state: 'not-published' });
    assert.deepEqual(byId['r-not-offered'], { id: 'r-not-offered', kind: 'story', state: 'not-published' });
  } finally {
    await c.stop();
  }
  assert.throws(() => createCollector({ db: ':memory:', moderation: { hideReasons: ['rude' as never] } }), {
    message:
      /^hide reason "rude": use some of names-someone, could-identify-you, contact-details, harmful-detail, not-this-space$/,
  });
});

test('POST …/mine: what came back to a member’s own texts, only against their author keys', async () => {
  const c = await start();
  const keyOf = (c2: string) => c2.repeat(32);
  const mine = (texts: { id: string; key: string }[]) =>
    fetch(`${c.url}/mine`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ texts }),
    });
  try {
    const waiting = story('t-waiting', 'Still waiting', { authorKey: keyOf('a') });
    const published = story('t-published', 'Published one', { authorKey: keyOf('b') });
    const hidden = story('t-hidden', 'Not published', { authorKey: keyOf('c') });
    const reply = createEnvelope(
      EventTypes.storyResponse,
      { text: 'Me too, the evenings.', storyId: 't-published', authorKey: keyOf('d') },
      { source: '/t', subject: 't-published' },
    );
    const cheer = createEnvelope(
      EventTypes.checkinEncouragement,
      { text: 'You are not alone in this.', authorKey: keyOf('e') },
      { source: '/t', subject: 'daily' },
    );
    const reacts = ['1', '2', '3'].map((n) =>
      createEnvelope(
        EventTypes.reactionAdded,
        { reaction: n === '3' ? 'strength' : 'me-too', reactor: n.repeat(32) },
        { source: '/t', subject: 't-published' },
      ),
    );
    await c.post([waiting, published, hidden, reply, cheer, ...reacts]);
    const queued = [
      ...(await c.pending('story')),
      ...(await c.pending('response')),
      ...(await c.pending('encouragement')),
    ];
    for (const item of queued.filter((i) => /Published one|Me too, the evenings|not alone/.test(i.text)))
      await c.act(item.seq, 'approve');
    await c.act(queued.find((i) => i.text.includes('Not published'))!.seq, 'hide');
    await c.get('peer-messages=5');
    await c.get('peer-messages=5');

    const res = await mine([
      { id: 't-waiting', key: keyOf('a') },
      { id: 't-published', key: keyOf('b') },
      { id: 't-hidden', key: keyOf('c') },
      { id: reply.id, key: keyOf('d') },
      { id: cheer.id, key: keyOf('e') },
      { id: 'never-sent', key: keyOf('f') },
    ]);
    assert.equal(res.status, 200);
    const { texts } = (await res.json()) as { texts: Record<string, unknown>[] };
    const byId = Object.fromEntries(texts.map((t) => [t.id, t]));
    assert.deepEqual(Object.keys(byId).sort(), ['t-hidden', 't-published', 't-waiting', cheer.id, reply.id].sort());
    assert.deepEqual(byId['t-waiting'], { id: 't-waiting', kind: 'story', state: 'waiting' });
    assert.deepEqual(byId['t-hidden'], { id: 't-hidden', kind: 'story', state: 'not-published' });
    assert.deepEqual(byId['t-published'].reactions, { 'me-too': 2, strength: 1 });
    assert.deepEqual((byId['t-published'].responses as { count: number; latest: { text: string }[] }).count, 1);
    assert.equal(
      (byId['t-published'].responses as { latest: { text: string }[] }).latest[0].text,
      'Me too, the evenings.',
    );
    assert.equal(byId[cheer.id].shownTo, 2, 'shown to peers twice (two check-ins read it)');
    assert.deepEqual(byId[reply.id], { id: reply.id, kind: 'response', state: 'published' });

    // A stranger who knows every id, but none of the keys, learns nothing at all.
    const stranger = await mine([
      { id: 't-waiting', key: keyOf('0') },
      { id: 't-hidden', key: keyOf('0') },
      { id: 't-published', key: keyOf('a') },
      { id: cheer.id, key: keyOf('0') },
    ]);
    assert.deepEqual(await stranger.json(), { texts: [] });
    // Nor through the old question by id.
    assert.equal((await fetch(`${c.url}?texts=t-waiting,t-hidden`)).status, 400);

    const tooMany = await mine(Array.from({ length: 33 }, (_, i) => ({ id: `id-${i}`, key: keyOf('a') })));
    assert.deepEqual([tooMany.status, ((await tooMany.json()) as { field: string }).field], [400, 'texts']);
    const noKey = await mine([{ id: 't-waiting', key: 'short' }]);
    assert.deepEqual([noKey.status, ((await noKey.json()) as { field: string }).field], [400, 'texts[0].key']);
    assert.equal((await fetch(`${c.url}/mine?texts=a`)).status, 405, 'never a GET: keys stay out of URLs');
  } finally {
    await c.stop();
  }
});
