import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { createCollector } from '../../src/collector/index.js';
import { testStore } from '../helpers/test-store.js';
import { createEnvelope, EventTypes, type MutualEnvelope } from '../../src/core/envelope.js';

const TOKEN = 'stories-moderator-token-0123456789';

async function start() {
  const collector = createCollector({
    store: await testStore('mutual-stories-'),
    rateLimit: false,
    moderation: { moderators: [{ label: 'sam', token: TOKEN }] },
  });
  const server = createServer((req, res) => collector(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/events`;
  const headers = { authorization: `Bearer ${TOKEN}` };
  return {
    url,
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
    act: (seq: number, action: string) =>
      fetch(`${url}/moderation/items/${seq}`, { method: 'POST', headers, body: JSON.stringify({ action }) }),
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
