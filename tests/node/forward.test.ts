import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { HTTP, type CloudEvent } from 'cloudevents';
import { createCollector } from '../../src/collector/index.js';
import { createEnvelope, EventTypes } from '../../src/core/protocol/envelope.js';

/** A receiver built on the official CloudEvents SDK, as a Knative service would be; the first `fail` requests get 503. */
async function receiver(fail = 0) {
  const received: string[] = [];
  let refused = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (refused < fail) {
        refused++;
        res.writeHead(503).end();
        return;
      }
      const event = HTTP.toEvent({ headers: req.headers, body });
      const one = (Array.isArray(event) ? null : event) as CloudEvent | null;
      assert.ok(one, 'structured mode: one event per request');
      one.validate();
      received.push(one.id);
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, received, server };
}

const events = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) =>
    createEnvelope(EventTypes.storyViewed, { i }, { source: '/t', subject: `${tag}-${i}` }),
  );

async function until(check: () => boolean, what: string, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('--forward: the CloudEvents SDK receiver gets every accepted event exactly once, through 503s', async () => {
  const sink = await receiver(3);
  const collector = createCollector({
    db: join(mkdtempSync(join(tmpdir(), 'mutual-forward-')), 'e.db'),
    forward: { url: sink.url, retryBaseMs: 20 },
  });
  try {
    const sent = events(20, 'fw');
    const app = createServer((req, res) => collector(req, res));
    await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(app.address() as { port: number }).port}/events`;
    const post = (batch: unknown[]) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/cloudevents-batch+json' },
        body: JSON.stringify(batch),
      });
    await post(sent.slice(0, 10));
    await post(sent.slice(10));
    await post(sent.slice(5, 15)); // duplicates are not forwarded again
    await until(() => sink.received.length >= 20, 'all forwarded');
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual([...sink.received].sort(), sent.map((e) => e.id).sort());
    app.close();
  } finally {
    await collector.close();
    sink.server.close();
  }
});

test('the forward queue survives a restart: what could not be sent goes out from the next run', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'mutual-forward-')), 'e.db');
  const down = createCollector({ db, forward: { url: 'http://127.0.0.1:9/', retryBaseMs: 20 } });
  const sent = events(8, 'restart');
  await down.store.insert(sent, undefined, { forward: true });
  await new Promise((r) => setTimeout(r, 100));
  await down.close();
  const sink = await receiver();
  const up = createCollector({ db, forward: { url: sink.url, retryBaseMs: 20 } });
  try {
    await until(() => sink.received.length >= 8, 'sent after the restart', 15_000);
    assert.deepEqual([...sink.received].sort(), sent.map((e) => e.id).sort());
    // Each is taken out of the queue once its receiver answered.
    const end = Date.now() + 5_000;
    while ((await up.store.forwardDue(Number.MAX_SAFE_INTEGER, 10)).length && Date.now() < end)
      await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(await up.store.forwardDue(Number.MAX_SAFE_INTEGER, 10), [], 'the queue is empty');
  } finally {
    await up.close();
    sink.server.close();
  }
});
