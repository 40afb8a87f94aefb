// `--notify`: attention for crisis language is the one notification that must arrive. On the store
// under test (SQLite, or PostgreSQL with MUTUAL_TEST_STORE=postgres).
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { test } from 'node:test';
import { createCollector, type CollectorOptions, type Store } from '../../src/collector/index.js';
import { retryAfterMs } from '../../src/collector/sender.js';
import { createEnvelope, EventTypes, type MutualEnvelope } from '../../src/core/protocol/envelope.js';
import { testStore, testStorePlace } from '../helpers/test-store.js';

const CRISIS = 'Honestly I want to end my life tonight';

/** A receiver whose answers the test decides; it records when each request came. */
async function receiver(answer: (n: number, req: IncomingMessage, res: ServerResponse) => void) {
  const hits: { at: number; event: { type: string; data: Record<string, unknown> } }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hits.push({ at: Date.now(), event: JSON.parse(body) });
      answer(hits.length, req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, hits, server };
}

async function start(
  store: Store,
  notify: NonNullable<CollectorOptions['moderation']>['notify'],
  lines: string[] = [],
) {
  const collector = createCollector({ store, log: (l) => lines.push(l), moderation: { notify } });
  const server = createServer((req, res) => collector(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/events`;
  const post = (events: MutualEnvelope[]) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify(events),
    });
  const stop = async () => {
    server.close();
    await collector.close();
  };
  return { collector, post, stop };
}

const crisisCheer = () =>
  createEnvelope(EventTypes.checkinEncouragement, { text: CRISIS }, { source: '/t', subject: 'daily' });

async function until(check: () => boolean, what: string, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('a 429 is retried after its Retry-After, not dropped', async () => {
  const sink = await receiver((n, _req, res) =>
    n === 1 ? res.writeHead(429, { 'retry-after': '1' }).end() : res.writeHead(202).end(),
  );
  const c = await start(await testStore('mutual-notify-'), { url: sink.url, retryBaseMs: 20 });
  try {
    await c.post([crisisCheer()]);
    await until(() => sink.hits.length >= 2, 'tried again');
    assert.equal(sink.hits[1].event.type, 'org.mutual.moderation.attention');
    assert.equal(sink.hits[1].event.data.reason, 'crisis-language');
    assert.ok(sink.hits[1].at - sink.hits[0].at >= 900, `waited ${sink.hits[1].at - sink.hits[0].at} ms, asked 1 s`);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(sink.hits.length, 2, 'delivered once, then out of the queue');
  } finally {
    await c.stop();
    sink.server.close();
  }
});

test('an outage longer than any fixed number of tries still ends in delivery', async () => {
  const sink = await receiver((n, _req, res) => res.writeHead(n <= 12 ? 503 : 202).end());
  const lines: string[] = [];
  const c = await start(await testStore('mutual-notify-'), { url: sink.url, retryBaseMs: 5, retryMaxMs: 40 }, lines);
  try {
    await c.post([crisisCheer()]);
    await until(() => sink.hits.length >= 13, 'the 13th try', 15_000);
    assert.equal(sink.hits[12].event.type, 'org.mutual.moderation.attention');
    assert.equal(
      lines.filter((l) => l.includes('not delivered yet')).length,
      1,
      `said once, while still trying: ${lines.join(' | ')}`,
    );
    assert.ok(!lines.join('\n').includes(sink.url), 'the log never shows the URL (it may hold a secret)');
  } finally {
    await c.stop();
    sink.server.close();
  }
});

test('a redirect is never followed to another server; the notice waits for the real receiver', async () => {
  const elsewhere = await receiver((_n, _req, res) => res.writeHead(202).end());
  const sink = await receiver((n, _req, res) =>
    n <= 2 ? res.writeHead(307, { location: elsewhere.url }).end() : res.writeHead(202).end(),
  );
  const c = await start(await testStore('mutual-notify-'), { url: sink.url, retryBaseMs: 20 });
  try {
    await c.post([crisisCheer()]);
    await until(() => sink.hits.length >= 3, 'delivered after the redirects');
    assert.equal(elsewhere.hits.length, 0, 'nothing reached the server the redirect named');
    assert.ok(!JSON.stringify(sink.hits).includes('end my life'), 'no member text leaves in a notification');
  } finally {
    await c.stop();
    sink.server.close();
    elsewhere.server.close();
  }
});

test('attention is written with the item: it survives a restart and goes out from the next run', async () => {
  const open = await testStorePlace('mutual-notify-');
  const down = await start(await open(), { url: 'http://127.0.0.1:9/', retryBaseMs: 20 });
  const report = createEnvelope(EventTypes.storyReported, { reason: 'worried' }, { source: '/t', subject: 's-9' });
  await down.post([crisisCheer(), report]);
  await down.post([report]); // a repeat of the same report is not a second notification
  await down.stop();
  const sink = await receiver((_n, _req, res) => res.writeHead(202).end());
  const up = await start(await open(), { url: sink.url, retryBaseMs: 20 });
  try {
    await until(() => sink.hits.length >= 2, 'sent after the restart');
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(sink.hits.map((h) => h.event.data.reason).sort(), ['crisis-language', 'report']);
    assert.deepEqual(await up.collector.store.noticeDue(Number.MAX_SAFE_INTEGER, 10), [], 'the queue is empty');
  } finally {
    await up.stop();
    sink.server.close();
  }
});

test('the queue is bounded: decisions are set aside before attention, oldest first', async () => {
  const store = await testStore('mutual-notify-');
  try {
    const notice = (type: string, n: number) =>
      createEnvelope(`org.mutual.moderation.${type}`, { n }, { source: 'urn:mutual:collector' });
    await store.noticeAdd([
      ...Array.from({ length: 4 }, (_, n) => notice('attention', n)),
      ...Array.from({ length: 8 }, (_, n) => notice('approved', n)),
    ]);
    assert.equal(await store.noticeTrim(6), 6);
    const left = await store.noticeDue(Number.MAX_SAFE_INTEGER, 20);
    assert.deepEqual(
      left.map((l) => `${l.event.type.split('.').pop()}:${l.event.data.n}`),
      ['attention:0', 'attention:1', 'attention:2', 'attention:3', 'approved:6', 'approved:7'],
      'attention first in line; the newest decisions kept',
    );
    assert.equal(await store.noticeTrim(6), 0);
  } finally {
    await store.close();
  }
});

test('Retry-After is read as seconds or as a date, and capped at an hour', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');
  assert.equal(retryAfterMs('3', now), 3000);
  assert.equal(retryAfterMs('Wed, 02 Dec 2026 10:00:30 GMT', now), 30_000);
  assert.equal(retryAfterMs('999999', now), 3_600_000);
  assert.equal(retryAfterMs('soon', now), undefined);
  assert.equal(retryAfterMs(null, now), undefined);
});
