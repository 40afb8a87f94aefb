import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HTTP } from 'cloudevents';
import {
  createCollector,
  createSqliteStore,
  type Collector,
  type CollectorOptions,
} from '../../src/collector/index.js';
import { STORE, testStore } from '../helpers/test-store.js';
import { createEnvelope, EventTypes, type MutualEnvelope } from '../../src/core/protocol/envelope.js';
import { answerSchema } from '../../src/core/protocol/schema.js';
import { Ajv2020 } from 'ajv/dist/2020.js';

const BATCH = 'application/cloudevents-batch+json';

async function start(options: CollectorOptions = {}) {
  const collector = createCollector({ store: await testStore(), ...options });
  const server = createServer((req, res) => collector(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { db: collector, collector, server, url: `http://127.0.0.1:${port}/events` };
}

/** What the store holds now, in order (through the store contract, whichever store runs). */
async function rows(collector: Collector): Promise<{ id: string; type: string }[]> {
  return (await collector.store.list({ since: 0, limit: 100_000 })).map((r) => ({
    id: r.event.id,
    type: r.event.type,
  }));
}

const TOKEN = 'moderator-token-for-tests-0123456789';

/** A reader's reaction; `reactor` is their anonymous key for the subject (one reader by default). */
function reaction(
  subject: string,
  reactionName: string,
  removed = false,
  reactor = 'reader-a-0000000000',
  source = '/test',
): MutualEnvelope {
  return createEnvelope(
    removed ? EventTypes.reactionRemoved : EventTypes.reactionAdded,
    { reaction: reactionName, reactor },
    { source, subject },
  );
}

/** A request with headers fetch will not set (Host), as a rebinding page's browser sends them. */
function raw(
  url: string,
  method: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { 'content-type': BATCH, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': BATCH, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('collector', () => {
  let ctx: { db: Collector; collector: Collector; server: Server; url: string };
  before(async () => (ctx = await start({ allowListing: true })));
  after(() => {
    ctx.server.close();
    ctx.collector.close();
  });

  test('stores a valid batch once and reports duplicates on retry', async () => {
    const batch = [reaction('s-dup', 'me-too'), reaction('s-dup', 'strength')];
    const first = await post(ctx.url, batch);
    assert.equal(first.status, 200);
    assert.deepEqual(await first.json(), {
      accepted: 2,
      duplicates: 0,
      rejected: 0,
      results: batch.map((e) => ({ id: e.id, status: 'accepted' })),
    });
    const retry = await post(ctx.url, batch);
    assert.deepEqual(await retry.json(), {
      accepted: 0,
      duplicates: 2,
      rejected: 0,
      results: batch.map((e) => ({ id: e.id, status: 'duplicate' })),
    });
    const stored = (await rows(ctx.collector)).filter((r) => batch.some((b) => b.id === r.id));
    assert.equal(stored.length, 2);
  });

  test('a GET that asks for nothing is told every query there is', async () => {
    const res = await fetch(ctx.url);
    assert.equal(res.status, 400);
    const { error } = (await res.json()) as { error: string };
    for (const query of ['?since=', '?stories', '?responses=', '?peer-messages=', '?subject='])
      assert.ok(error.includes(query), `${query} in: ${error}`);
  });

  test('malformed JSON → 400 with a JSON error, nothing stored', async () => {
    const before = (await rows(ctx.collector)).length;
    const res = await post(ctx.url, '[{"specversion": "1.0",');
    assert.equal(res.status, 400);
    assert.match((await res.json()).error, /not valid JSON/);
    assert.equal((await rows(ctx.collector)).length, before);
  });

  test('one invalid event is refused alone: the answer names its field, its neighbours are stored', async () => {
    const before = (await rows(ctx.collector)).length;
    const good = [reaction('s-bad', 'me-too'), reaction('s-bad', 'strength')];
    const bad = { ...reaction('s-bad', 'me-too'), type: 'com.example.nope' };
    const res = await post(ctx.url, [good[0], bad, good[1]]);
    assert.equal(res.status, 200);
    const answer = await res.json();
    const validAnswer = new Ajv2020({ strict: false }).compile(answerSchema);
    assert.ok(validAnswer(answer), 'the answer matches dist/mutual-answer.schema.json');
    assert.deepEqual(answer, {
      accepted: 2,
      duplicates: 0,
      rejected: 1,
      results: [
        { id: good[0].id, status: 'accepted' },
        {
          id: bad.id,
          status: 'rejected',
          field: 'type',
          reason: 'must match pattern "^org\\.mutual(\\.[a-z][a-z0-9-]*)+$"',
        },
        { id: good[1].id, status: 'accepted' },
      ],
    });
    assert.equal((await rows(ctx.collector)).length, before + 2);
    // Every event refused → 400, still with each event's outcome.
    const missing = await post(ctx.url, [{ ...reaction('s-bad', 'x'), id: undefined }]);
    assert.equal(missing.status, 400);
    const body = await missing.json();
    assert.equal(body.field, 'id');
    assert.deepEqual(body.results, [
      { id: null, status: 'rejected', field: 'id', reason: "must have required property 'id'" },
    ]);
    assert.equal((await rows(ctx.collector)).length, before + 2);
  });

  test('wrong content type → 415; a single object as a batch → 400', async () => {
    assert.equal((await post(ctx.url, [reaction('s', 'me-too')], { 'content-type': 'text/plain' })).status, 415);
    assert.equal((await post(ctx.url, reaction('s', 'me-too'))).status, 400);
  });

  test('counts: each reader once per subject and reaction, the latest event wins, never below zero', async () => {
    const B = 'reader-b-0000000000';
    const C = 'reader-c-0000000000';
    await post(ctx.url, [
      reaction('s-count', 'me-too'),
      reaction('s-count', 'me-too'), // the same reader again (another event id): still one
      reaction('s-count', 'me-too', false, B),
      reaction('s-count', 'me-too', true, B), // B changed their mind
      reaction('s-count', 'helped', true, C), // a removal nobody added
      reaction('s-count', 'strength'),
    ]);
    const res = await fetch(`${ctx.url}?subject=s-count`);
    assert.deepEqual(await res.json(), { subject: 's-count', counts: { 'me-too': 1, strength: 1 } });
  });

  test('a script cannot forge counts: replays under other sources count once; a burst of removals by strangers removes nothing', async () => {
    for (let i = 0; i < 5; i++)
      await post(ctx.url, [reaction('s-forge', 'me-too', false, 'reader-x-0000000000', `/s${i}`)]);
    await post(
      ctx.url,
      Array.from({ length: 50 }, (_, i) =>
        reaction('s-forge', 'me-too', true, `stranger-${String(i).padStart(12, '0')}`),
      ),
    );
    assert.deepEqual((await (await fetch(`${ctx.url}?subject=s-forge`)).json()).counts, { 'me-too': 1 });
    // An older event arriving late (a retry from another tab) changes nothing.
    const removed = reaction('s-late', 'me-too', true);
    const added = { ...reaction('s-late', 'me-too'), time: new Date(Date.parse(removed.time) - 60_000).toISOString() };
    await post(ctx.url, [reaction('s-late', 'me-too', false, 'reader-b-0000000000'), removed]);
    await post(ctx.url, [added]);
    assert.deepEqual((await (await fetch(`${ctx.url}?subject=s-late`)).json()).counts, { 'me-too': 1 });
    // Without a reactor key (or a subject), a reaction is refused, naming the field.
    const anonymous = createEnvelope(
      EventTypes.reactionAdded,
      { reaction: 'me-too' },
      { source: '/t', subject: 's-x' },
    );
    const refused = await post(ctx.url, [anonymous]);
    assert.equal(refused.status, 400);
    assert.equal(((await refused.json()) as { field: string }).field, 'data.reactor');
  });

  test('counts for several subjects in one request', async () => {
    await post(ctx.url, [
      reaction('s-multi-a', 'me-too'),
      reaction('s-multi-b', 'helped'),
      reaction('s-multi-b', 'helped', false, 'reader-b-0000000000'),
    ]);
    const res = await fetch(`${ctx.url}?subject=s-multi-a&subject=s-multi-b&subject=s-multi-none`);
    assert.deepEqual(await res.json(), {
      subjects: { 's-multi-a': { 'me-too': 1 }, 's-multi-b': { helped: 2 }, 's-multi-none': {} },
    });
    const tooMany = new URLSearchParams(Array.from({ length: 101 }, (_, i) => ['subject', `s${i}`]));
    assert.equal((await fetch(`${ctx.url}?${tooMany}`)).status, 400);
  });

  test('?since lists stored events in order with a cursor', async () => {
    const first = await (await fetch(`${ctx.url}?since=0&limit=1000`)).json();
    const e = reaction('s-since', 'understand');
    await post(ctx.url, [e]);
    const next = await (await fetch(`${ctx.url}?since=${first.next}`)).json();
    assert.deepEqual(
      next.events.map((x: { event: MutualEnvelope }) => x.event.id),
      [e.id],
    );
    assert.equal((await fetch(`${ctx.url}?since=abc`)).status, 400);
    assert.equal((await fetch(ctx.url)).status, 400);
  });

  test('?peer-messages=N answers approved encouragements only, newest first, never a private check-in', async () => {
    const { url, server, collector } = await start({ moderation: { moderators: [{ label: 'sam', token: TOKEN }] } });
    try {
      const cheer = (text: string) =>
        createEnvelope(EventTypes.checkinEncouragement, { text }, { source: '/test', subject: 'daily' });
      const privateCheckIn = createEnvelope(
        EventTypes.checkinSubmitted,
        { mood: 2, hard: 'private words' },
        { source: '/test', subject: 'daily' },
      );
      await post(url, [cheer('You are not alone.'), privateCheckIn, cheer('One day at a time.')]);
      assert.deepEqual((await (await fetch(`${url}?peer-messages=2`)).json()).messages, [], 'nothing before review');
      const { items } = await (
        await fetch(`${url}/moderation/queue`, { headers: { authorization: `Bearer ${TOKEN}` } })
      ).json();
      for (const item of items)
        await fetch(`${url}/moderation/items/${item.seq}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify({ action: 'approve' }),
        });
      const body = await (await fetch(`${url}?peer-messages=2`)).json();
      assert.deepEqual(
        body.messages.map((m: { text: string }) => m.text),
        ['One day at a time.', 'You are not alone.'],
      );
      assert.doesNotMatch(JSON.stringify(body), /private words/);
    } finally {
      server.close();
      collector.close();
    }
  });

  test('what Mutual sends is a valid CloudEvents batch for the official SDK', async () => {
    const batch = [reaction('s-ce', 'me-too'), reaction('s-ce', 'helped')];
    const parsed = HTTP.toEvent({ headers: { 'content-type': BATCH }, body: JSON.stringify(batch) });
    assert.ok(Array.isArray(parsed));
    assert.deepEqual(
      parsed.map((e) => [e.id, e.type, e.subject, (e.data as { reaction: string }).reaction]),
      batch.map((e) => [e.id, e.type, e.subject, e.data.reaction]),
    );
  });

  test('foreign origins are refused, allowed ones get CORS headers', async () => {
    const before = (await rows(ctx.collector)).length;
    const foreign = await post(ctx.url, [reaction('s-origin', 'me-too')], { origin: 'https://evil.example' });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    assert.equal((await rows(ctx.collector)).length, before);
    const local = await post(ctx.url, [reaction('s-origin', 'me-too')], { origin: 'http://localhost:5173' });
    assert.equal(local.status, 200);
    assert.equal(local.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    const preflight = await fetch(ctx.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(preflight.status, 204);
  });
});

describe('a blocked endpoint is not silent', () => {
  test('the collector logs each refused origin once, with how to allow it', async () => {
    const lines: string[] = [];
    const { url, server, collector } = await start({ log: (line) => lines.push(line) });
    try {
      for (let i = 0; i < 3; i++)
        await post(url, [reaction('s-blocked', 'me-too')], { origin: 'https://community.example' });
      await post(url, [reaction('s-blocked', 'me-too')], { origin: 'https://other.example' });
      assert.deepEqual(lines, [
        "[mutual collector] refused requests from origin https://community.example. If its widgets are yours, allow it: --origin https://community.example (or origins: ['https://community.example'] in Node).",
        "[mutual collector] refused requests from origin https://other.example. If its widgets are yours, allow it: --origin https://other.example (or origins: ['https://other.example'] in Node).",
      ]);
    } finally {
      server.close();
      collector.close();
    }
  });
});

describe('collector limits', () => {
  test('listing stored events is off unless allowListing is set (check-ins are private)', async () => {
    const { url, server, collector } = await start();
    try {
      await post(url, [reaction('s-private', 'me-too')]);
      const res = await fetch(`${url}?since=0`);
      assert.equal(res.status, 403);
      assert.match((await res.json()).error, /allowListing/);
      assert.equal((await fetch(`${url}?subject=s-private`)).status, 200, 'counts stay public');
    } finally {
      server.close();
      collector.close();
    }
  });

  test('oversize body → 413, nothing stored', async () => {
    const { url, server, collector, db } = await start({ bodyLimit: 2048 });
    try {
      const big = [
        {
          ...reaction('s-big', 'me-too'),
          data: { reaction: 'me-too', reactor: 'test-reactor-0123456789', note: 'x'.repeat(4000) },
        },
      ];
      const res = await post(url, big);
      assert.equal(res.status, 413);
      assert.match((await res.json()).error, /larger than 2048/);
      assert.equal((await rows(db)).length, 0);
      assert.equal((await post(url, [reaction('s-ok', 'me-too')])).status, 200, 'keeps serving');
    } finally {
      server.close();
      collector.close();
    }
  });

  test('a flood from one client → 429 with Retry-After', async () => {
    const { url, server, collector } = await start({ rateLimit: { max: 3, windowMs: 60_000 } });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await post(url, [reaction(`s-flood-${i}`, 'me-too')])).status);
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      const res = await post(url, [reaction('s-flood', 'me-too')]);
      assert.ok(Number(res.headers.get('retry-after')) > 0);
    } finally {
      server.close();
      collector.close();
    }
  });

  test('limits count events, not requests: a 200-event batch costs 200', async () => {
    const { url, server, collector } = await start({ rateLimit: { max: 250, windowMs: 60_000 } });
    try {
      const batch = (n: number, tag: string) =>
        Array.from({ length: n }, (_, i) => reaction(`s-${tag}-${i}`, 'me-too'));
      assert.equal((await post(url, batch(200, 'a'))).status, 200);
      const over = await post(url, batch(100, 'b'));
      assert.equal(over.status, 429);
      assert.match(((await over.json()) as { error: string }).error, /at most 250/);
      assert.equal((await post(url, batch(50, 'c'))).status, 200, 'what is left of the window can still be used');
    } finally {
      server.close();
      collector.close();
    }
  });

  test('behind a proxy (--trust-proxy 1) each client has its own bucket; a forged X-Forwarded-For entry is ignored', async () => {
    const { url, server, collector } = await start({ rateLimit: { max: 2, windowMs: 60_000 }, trustProxy: 1 });
    const host = { host: new URL(url).host };
    const as = (client: string, forged = '') =>
      raw(url, 'POST', [reaction(`s-proxy-${Math.random()}`, 'me-too')], {
        ...host,
        'x-forwarded-for': forged ? `${forged}, ${client}` : client,
      });
    try {
      assert.deepEqual([(await as('203.0.113.1')).status, (await as('203.0.113.1')).status], [200, 200]);
      assert.equal((await as('203.0.113.1')).status, 429);
      // Another member behind the same proxy is not punished for the first one.
      assert.equal((await as('203.0.113.2')).status, 200);
      // Writing a fake address in front does not buy a new bucket: the proxy's entry is what counts.
      assert.equal((await as('203.0.113.1', '198.51.100.7')).status, 429);
    } finally {
      server.close();
      collector.close();
    }
  });

  test('the limiter forgets clients whose window is over', async () => {
    const { createRateLimiter } = await import('../../src/collector/rate-limit.js');
    const limiter = createRateLimiter({ max: 10, windowMs: 50 }, { trustProxy: 1 });
    const req = (address: string) =>
      ({
        remoteAddress: '127.0.0.1',
        header: (name: string) => (name === 'x-forwarded-for' ? address : undefined),
      }) as never;
    for (let i = 0; i < 1000; i++) limiter.take(req(`10.0.${i >> 8}.${i & 255}`), 1);
    assert.equal(limiter.size, 1000);
    await new Promise((r) => setTimeout(r, 120));
    limiter.take(req('10.9.9.9'), 1);
    assert.equal(limiter.size, 1);
  });

  test(
    'a full window of maximum-rate posting grows the database by at most max × the largest event',
    {
      skip:
        STORE !== 'sqlite' && 'measures the SQLite file (the bound is per accepted event, the same for both stores)',
    },
    async () => {
      const max = 100;
      const db = join(mkdtempSync(join(tmpdir(), 'mutual-growth-')), 'events.db');
      const { url, server, collector } = await start({
        store: createSqliteStore(db),
        rateLimit: { max, windowMs: 60_000 },
      });
      const { statSync } = await import('node:fs');
      const size = () => ['', '-wal'].reduce((n, f) => n + (statSync(db + f, { throwIfNoEntry: false })?.size ?? 0), 0);
      try {
        const before = size();
        assert.ok(before > 0, 'the file is measured');
        const largest = (i: number) =>
          createEnvelope(
            EventTypes.storyResponse,
            { text: 'x'.repeat(3900), a: 'y'.repeat(3900), b: 'z'.repeat(3900), c: 'w'.repeat(3900), storyId: 's' },
            { source: '/t', subject: `s-big-${i}` },
          );
        let accepted = 0;
        for (let round = 0; round < 30; round++) {
          const res = await post(
            url,
            Array.from({ length: 10 }, (_, i) => largest(round * 10 + i)),
          );
          if (res.status === 200) accepted += ((await res.json()) as { accepted: number }).accepted;
        }
        assert.equal(accepted, max);
        // Stated bound (docs/collector.md, "Limits that hold"): max events × 16,384 characters, twice over for the WAL and indexes.
        const grown = size() - before;
        assert.ok(grown <= max * 16_384 * 2, `grew ${grown} bytes`);
      } finally {
        server.close();
        collector.close();
      }
    },
  );

  test('an explicit allow-list admits a foreign origin; localhost can be turned off', async () => {
    const { url, server, collector } = await start({
      origins: ['https://peers.example'],
      publicOrigins: ['http://collector.example'],
      allowLocalhost: false,
    });
    const host = { host: 'collector.example' };
    try {
      const ok = await raw(url, 'POST', [reaction('s-a', 'me-too')], { ...host, origin: 'https://peers.example' });
      assert.equal(ok.status, 200);
      const local = await raw(url, 'POST', [reaction('s-b', 'me-too')], { ...host, origin: 'http://localhost:3000' });
      assert.equal(local.status, 403);
      // Without a public origin for it, 127.0.0.1 is just another name: refused.
      assert.equal((await post(url, [reaction('s-c', 'me-too')])).status, 403);
    } finally {
      server.close();
      collector.close();
    }
  });

  test('DNS rebinding: a page at evil.example resolving to this machine neither writes nor reads', async () => {
    const { url, server, collector, db } = await start({ allowListing: true });
    const port = new URL(url).port;
    const evil = { host: `evil.example:${port}`, origin: `http://evil.example:${port}` };
    try {
      const write = await raw(url, 'POST', [reaction('rebound', 'me-too')], evil);
      assert.equal(write.status, 403);
      assert.match(write.body, /--public-origin/);
      // A same-origin GET carries no Origin header: the Host decides, and it is not ours.
      const read = await raw(`${url}?since=0`, 'GET', undefined, { host: evil.host });
      assert.equal(read.status, 403);
      assert.equal((await rows(db)).length, 0);
      // The real local page still works.
      assert.equal((await post(url, [reaction('local', 'me-too')], { origin: 'http://localhost:5173' })).status, 200);
    } finally {
      server.close();
      collector.close();
    }
  });

  test('localhost origins are trusted only on a loopback connection', async (t) => {
    const address = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (!address) return t.skip('this machine has no non-loopback IPv4 address to listen on');
    const db = join(mkdtempSync(join(tmpdir(), 'mutual-')), 'events.db');
    const collector = createCollector({ db, publicOrigins: [`http://${address}:0`] });
    const server = createServer((req, res) => collector(req, res));
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    const { port } = server.address() as { port: number };
    try {
      const res = await raw(`http://${address}:${port}/events`, 'POST', [reaction('lan', 'me-too')], {
        host: 'localhost',
        origin: 'http://localhost:5173',
      });
      assert.equal(res.status, 403);
    } finally {
      server.close();
      collector.close();
    }
  });
});
