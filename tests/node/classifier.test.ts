// `--classify`: a real local classifier, as a host runs one. It may hold an item, never publish
// one; when it is slow, failing or refuses our signature, the item waits for a person. Both stores.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { test } from 'node:test';
import { verifyClassifierRequest, sign } from '../../src/collector/classifier.js';
import { createCollector } from '../../src/collector/index.js';
import { createEnvelope, EventTypes } from '../../src/core/protocol/envelope.js';
import { testStore } from '../helpers/test-store.js';

const SECRET = 'classifier-secret-0123456789abcdef';
const TOKEN = 'classify-moderator-token-0123456789';

/** A classifier that checks our signature, as the docs' example does, then answers as `answer` says. */
async function classifier(answer: (text: string, res: ServerResponse, req: IncomingMessage) => void) {
  const seen: { text: string; verified: boolean }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const verified = verifyClassifierRequest(SECRET, req.headers, body);
      const { text } = JSON.parse(body) as { text: string };
      seen.push({ text, verified });
      if (!verified) return void res.writeHead(401).end();
      answer(text, res, req);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/classify`, seen, server };
}

async function start(url: string, secret = SECRET, timeoutMs = 500) {
  const collector = createCollector({
    store: await testStore('mutual-classify-'),
    rateLimit: false,
    moderation: {
      postModerated: ['encouragement'],
      moderators: [{ label: 'sam', token: TOKEN }],
      classify: { url, secret, timeoutMs },
    },
  });
  const server = createServer((req, res) => collector(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/events`;
  const cheer = async (text: string) => {
    const res = await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify([
        createEnvelope(EventTypes.checkinEncouragement, { text }, { source: '/t', subject: 'daily' }),
      ]),
    });
    assert.equal(res.status, 200, 'accepted: never dropped');
  };
  const served = async () =>
    ((await (await fetch(`${base}?peer-messages=20`)).json()) as { messages: { text: string }[] }).messages.map(
      (m) => m.text,
    );
  const queue = async () =>
    (
      (await (
        await fetch(`${base}/moderation/queue?state=pending`, { headers: { authorization: `Bearer ${TOKEN}` } })
      ).json()) as { items: { text: string; flags: string[] }[] }
    ).items;
  return { cheer, served, queue, stop: async () => (server.close(), await collector.close()) };
}

test('the classifier is asked, signed; it can hold an item, and what it passes follows the host’s rules', async () => {
  const c1 = await classifier((text, res) =>
    res.writeHead(200).end(JSON.stringify({ hold: text.includes('hold me') })),
  );
  const c = await start(c1.url);
  try {
    await c.cheer('You are not alone.');
    await c.cheer('Please hold me back from this');
    assert.deepEqual(
      c1.seen.map((s) => s.verified),
      [true, true],
      'each request carries a valid signature',
    );
    assert.deepEqual(await c.served(), ['You are not alone.'], 'passed, under post-moderation: published');
    const held = (await c.queue()).find((i) => i.text.includes('hold me'));
    assert.deepEqual(held?.flags, ['classifier']);
  } finally {
    await c.stop();
    c1.server.close();
  }
});

test('slow, failing, garbage or a refused signature: held for a person with classifier-unavailable', async () => {
  const cases: [string, (text: string, res: ServerResponse) => void, string?][] = [
    ['slow', (_t, res) => void setTimeout(() => res.writeHead(200).end('{"hold":false}'), 1500)],
    ['failing', (_t, res) => void res.writeHead(500).end()],
    ['garbage', (_t, res) => void res.writeHead(200).end('{"hold":"maybe"}')],
    ['not JSON', (_t, res) => void res.writeHead(200).end('<html>')],
    ['a redirect', (_t, res) => void res.writeHead(307, { location: 'http://127.0.0.1:9/' }).end()],
    ['wrong secret', (_t, res) => void res.writeHead(200).end('{"hold":false}'), 'another-secret-0123456789abcdef'],
  ];
  for (const [name, answer, secret] of cases) {
    const fake = await classifier(answer);
    const c = await start(fake.url, secret);
    try {
      await c.cheer(`Keep going (${name})`);
      assert.deepEqual(await c.served(), [], `${name}: never published on no answer`);
      assert.deepEqual(
        (await c.queue()).map((i) => i.flags),
        [['classifier-unavailable']],
        name,
      );
    } finally {
      await c.stop();
      fake.server.close();
    }
  }
});

test('a recorded request replayed later is refused by the verifier; a tampered body too', () => {
  const body = JSON.stringify({ id: 'x', kind: 'encouragement', text: 'Hi' });
  const then = Date.parse('2026-12-02T10:00:00Z');
  const timestamp = String(then / 1000);
  const headers = { 'x-mutual-timestamp': timestamp, 'x-mutual-signature': sign(SECRET, timestamp, body) };
  assert.equal(verifyClassifierRequest(SECRET, headers, body, { now: then + 1000 }), true);
  assert.equal(verifyClassifierRequest(SECRET, headers, body, { now: then + 10 * 60_000 }), false, 'replayed');
  assert.equal(verifyClassifierRequest(SECRET, headers, body.replace('Hi', 'Ho'), { now: then }), false, 'tampered');
  assert.equal(verifyClassifierRequest('x'.repeat(32), headers, body, { now: then }), false, 'other secret');
});
