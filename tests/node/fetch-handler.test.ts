// The collector as a standard fetch handler (`collector.fetch`: Request → Response), as Deno,
// Bun, workers and the in-browser store call it: the same answers as over Node's http.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCollector } from '../../src/collector/index.js';
import { createEnvelope, EventTypes } from '../../src/core/protocol/envelope.js';
import { testStore } from '../helpers/test-store.js';

const BATCH = 'application/cloudevents-batch+json';
const ORIGIN = 'https://community.example';
const TOKEN = 'moderator-token-for-fetch-tests-0123';

async function collector() {
  return createCollector({
    store: await testStore(),
    publicOrigins: [ORIGIN],
    moderation: { moderators: [{ label: 'ana', token: TOKEN }] },
  });
}

const reaction = (subject: string, reactor: string) =>
  createEnvelope(EventTypes.reactionAdded, { reaction: 'me-too', reactor }, { source: '/fetch', subject });

test('a batch posted as a Request is stored and counted, and the count is read back', async () => {
  const c = await collector();
  try {
    const posted = await c.fetch(
      new Request(`${ORIGIN}/events`, {
        method: 'POST',
        headers: { 'content-type': BATCH },
        body: JSON.stringify([reaction('s-1', 'reader-a-0000000000'), reaction('s-1', 'reader-b-0000000000')]),
      }),
    );
    assert.equal(posted.status, 200);
    assert.equal(posted.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(((await posted.json()) as { accepted: number }).accepted, 2);
    const counts = await c.fetch(new Request(`${ORIGIN}/events?subject=s-1`));
    assert.deepEqual(await counts.json(), { subject: 's-1', counts: { 'me-too': 2 } });
    assert.equal((await c.store.list({ since: 0, limit: 10 })).length, 2);
  } finally {
    await c.close();
  }
});

test('bad requests get the same JSON errors: body too large (declared or streamed), bad UTF-8, wrong path', async () => {
  const c = await createCollector({ store: await testStore(), publicOrigins: [ORIGIN], bodyLimit: 1024 });
  try {
    const post = (body: BodyInit, headers: Record<string, string> = {}) =>
      c.fetch(
        new Request(`${ORIGIN}/events`, {
          method: 'POST',
          headers: { 'content-type': BATCH, ...headers },
          body,
          duplex: 'half',
        } as RequestInit),
      );
    const declared = await post('[]', { 'content-length': '5000' });
    assert.equal(declared.status, 413);
    // A stream with no declared length is counted as it arrives.
    const big = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new Uint8Array(512).fill(32));
        controller.close();
      },
    });
    const streamed = await post(big);
    assert.equal(streamed.status, 413);
    assert.match(((await streamed.json()) as { error: string }).error, /larger than 1024 bytes/);
    const utf8 = await post(new Uint8Array([0x5b, 0xff, 0x5d]));
    assert.equal(utf8.status, 400);
    assert.match(((await utf8.json()) as { error: string }).error, /UTF-8/);
    const elsewhere = await c.fetch(new Request(`${ORIGIN}/not-ours`));
    assert.equal(elsewhere.status, 404);
    assert.deepEqual(await elsewhere.json(), { error: 'not found' });
  } finally {
    await c.close();
  }
});

test('the doors hold: a foreign Host is refused, CORS names only allowed origins, tokens only in headers', async () => {
  const c = await collector();
  try {
    const rebound = await c.fetch(new Request('https://evil.example/events?subject=s'));
    assert.equal(rebound.status, 403);
    const foreign = await c.fetch(
      new Request(`${ORIGIN}/events?subject=s`, { headers: { origin: 'https://other.example' } }),
    );
    assert.equal(foreign.status, 403);
    const own = await c.fetch(new Request(`${ORIGIN}/events?subject=s`, { headers: { origin: ORIGIN } }));
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('access-control-allow-origin'), ORIGIN);
    const inUrl = await c.fetch(new Request(`${ORIGIN}/events/moderation/queue?token=${TOKEN}`));
    assert.equal(inUrl.status, 400);
    const queue = await c.fetch(
      new Request(`${ORIGIN}/events/moderation/queue`, { headers: { authorization: `Bearer ${TOKEN}` } }),
    );
    assert.equal(queue.status, 200);
    assert.deepEqual(((await queue.json()) as { items: unknown[] }).items, []);
  } finally {
    await c.close();
  }
});
