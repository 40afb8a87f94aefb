// Fuzzing every public and moderation route with what a stranger sends: malformed JSON, wrong
// types, NUL and lone surrogates, prototype keys, numeric edge cases, oversized values. Never a
// 5xx; an answer of 4xx writes nothing; a 2xx to a batch writes exactly what it says it accepted.
// Seeded, so a failure repeats: MUTUAL_FUZZ_SEED=… MUTUAL_FUZZ_RUNS=… to explore further.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createCollector } from '../../src/collector/index.js';
import { createEnvelope, EventTypes, type MutualEnvelope } from '../../src/core/protocol/envelope.js';
import { STORE, testStore } from '../helpers/test-store.js';

const SEED = Number(process.env.MUTUAL_FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.MUTUAL_FUZZ_RUNS ?? 150);
const TOKEN = 'fuzz-moderator-token-0123456789abcdef';
const key = (c: string) => c.repeat(32);

/** mulberry32: small, seeded, good enough to pick hostile values. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  return { next, pick };
}

const deep = (n: number): unknown => (n ? [deep(n - 1)] : 'bottom');
/** Values no field expects. JSON keeps `__proto__` as an own key when parsed, as a stranger sends it. */
const HOSTILE: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\u202eevil',
  '\u200b',
  'NaN',
  'Infinity',
  '-1',
  '1e999',
  '0x10',
  'toString',
  '__proto__',
  'constructor',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE events; --",
  '../../../etc/passwd',
  'x'.repeat(70_000),
  [],
  [null],
  Array.from({ length: 3000 }, (_, i) => `t${i}`),
  {},
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
  { toString: 'x', valueOf: 1 },
  deep(200),
];

const RAW_BODIES: readonly (string | Uint8Array<ArrayBuffer>)[] = [
  '',
  ' ',
  '{',
  '[',
  '[{]',
  'nul',
  'undefined',
  '"a string"',
  '123',
  '[1,2,3]',
  '[[]]',
  '{"a":',
  '\ufeff[]',
  '[' + '['.repeat(20_000) + ']'.repeat(20_000) + ']',
  '{"__proto__":{"polluted":true}}',
  '[{"__proto__":{"specversion":"1.0"}}]',
  new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]),
  new TextEncoder().encode('[{"id":"\u0000"}]'),
  '[' + '{},'.repeat(5000) + '{}]',
];

const QUERY_NAMES = [
  'subject',
  'stories',
  'texts',
  'responses',
  'peer-messages',
  'since',
  'type',
  'limit',
  'cursor',
  'topic',
  'tags',
  'days',
  'kind',
  'state',
  'flagged',
  '__proto__',
  'constructor',
  '',
];
const QUERY_VALUES = [
  '',
  '0',
  '-1',
  '1.5',
  'NaN',
  'Infinity',
  '1e999',
  '9007199254740993',
  '99999999999999999999',
  'abc',
  'true',
  'pending',
  'story',
  '__proto__',
  'toString',
  '%00',
  '%ED%A0%80',
  '%FF',
  'a,b,,c',
  ','.repeat(500),
  'x'.repeat(5000),
  '<script>',
];

/** A valid event of each kind a member's page sends; the fuzzer breaks one field of it. */
const TEMPLATES = (): MutualEnvelope[] => [
  createEnvelope(EventTypes.reactionAdded, { reaction: 'me-too', reactor: key('a') }, { source: '/f', subject: 's' }),
  createEnvelope(EventTypes.reactionRemoved, { reaction: 'me-too', reactor: key('a') }, { source: '/f', subject: 's' }),
  createEnvelope(EventTypes.storyViewed, {}, { source: '/f', subject: 's' }),
  createEnvelope(
    EventTypes.storyResponse,
    { text: 'Same here.', storyId: 's', authorKey: key('b') },
    { source: '/f', subject: 's' },
  ),
  createEnvelope(EventTypes.storyReported, { reason: 'worried' }, { source: '/f', subject: 's' }),
  createEnvelope(
    EventTypes.checkinSubmitted,
    { mood: 3, hard: 'x', helped: 'y', topics: ['sleep'] },
    { source: '/f', subject: 'daily' },
  ),
  createEnvelope(
    EventTypes.checkinEncouragement,
    { text: 'You are not alone.', authorKey: key('c') },
    { source: '/f', subject: 'daily' },
  ),
  createEnvelope(
    EventTypes.checkinTipShared,
    { text: 'A walk.', authorKey: key('d') },
    { source: '/f', subject: 'daily' },
  ),
  createEnvelope(
    EventTypes.storySubmitted,
    { heading: 'H', text: 'A story.', authorKey: key('e'), tags: ['sleep'] },
    { source: '/f' },
  ),
  createEnvelope(EventTypes.storyWithdrawn, { authorKey: key('e') }, { source: '/f', subject: 'nothing-here' }),
  createEnvelope(EventTypes.deviceForget, { reactors: [key('z')], events: [], keys: [key('y')] }, { source: '/f' }),
];

/** A short description of any value, even one whose toString is hostile. */
const describeValue = (v: unknown) => {
  try {
    return (JSON.stringify(v) ?? String(v)).slice(0, 40);
  } catch {
    return Object.prototype.toString.call(v);
  }
};

describe(`fuzzing every route (${STORE}, seed ${SEED})`, () => {
  let collector: ReturnType<typeof createCollector>;
  const server = createServer((req, res) => collector(req, res));
  let url = '';
  const errors: string[] = [];
  const realError = console.error;
  before(async () => {
    collector = createCollector({
      store: await testStore('mutual-fuzz-'),
      allowListing: true,
      rateLimit: { max: 1_000_000, windowMs: 60_000 },
      moderation: { moderators: [{ label: 'fuzz', token: TOKEN }] },
      log: () => {},
    });
    // A 500 is logged before it is answered: collect them, so the failing input is named.
    console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/events`;
  });
  after(async () => {
    console.error = realError;
    server.close();
    await collector.close();
  });

  /** What the store holds, as far as any request could change it. */
  const state = async () => {
    const store = collector.store;
    const events = await store.list({ since: 0, limit: 100_000 });
    return JSON.stringify({
      events: events.map((e) => e.seq),
      queue: await store.queueCounts(),
      audit: (await store.audit({ limit: 100_000 })).length,
      counts: await store.counts('s'),
    });
  };
  const storedEvents = async () => (await collector.store.list({ since: 0, limit: 100_000 })).length;

  /** `writes`: how many events a 2xx answer says it stored; without it, nothing may change at all. */
  async function check(what: string, request: () => Promise<Response>, writes?: (body: unknown) => number) {
    const beforeState = await state();
    const beforeCount = await storedEvents();
    const res = await request();
    const text = await res.text();
    assert.ok(res.status < 500, `${what}: ${res.status} ${text.slice(0, 200)} ${errors.join(' | ').slice(0, 400)}`);
    let body: unknown;
    assert.doesNotThrow(() => (body = JSON.parse(text)), `${what}: the answer is JSON (${text.slice(0, 80)})`);
    if (res.status >= 400)
      assert.equal(typeof (body as { error?: unknown }).error, 'string', `${what}: the 4xx says what is wrong`);
    if (res.status >= 400 || !writes)
      assert.equal(await state(), beforeState, `${what}: a ${res.status} wrote nothing`);
    else assert.equal((await storedEvents()) - beforeCount, writes(body), `${what}: stored what it accepted, no more`);
  }

  const accepted = (body: unknown) =>
    ((body as { results?: { status: string }[] }).results ?? []).filter((r) => r.status === 'accepted').length;

  test('POST /events: raw bodies and content types', async () => {
    for (const body of RAW_BODIES)
      for (const type of ['application/cloudevents-batch+json', 'application/cloudevents+json', 'text/plain'])
        await check(`raw ${JSON.stringify(String(body).slice(0, 30))} as ${type}`, () =>
          fetch(url, { method: 'POST', headers: { 'content-type': type }, body }),
        );
  });

  test('POST /events: one field of a valid event made hostile', async () => {
    const { next, pick } = random(SEED);
    for (let run = 0; run < RUNS; run++) {
      const event = pick(TEMPLATES()) as unknown as Record<string, unknown>;
      const inData = next() < 0.6 && event.data && typeof event.data === 'object';
      const target = (inData ? event.data : event) as Record<string, unknown>;
      const fields = Object.keys(target);
      const field = next() < 0.8 && fields.length ? pick(fields) : pick(['__proto__', 'constructor', 'extra', '']);
      const value = pick(HOSTILE);
      target[field] = value;
      const acts = event.type === EventTypes.storyWithdrawn || event.type === EventTypes.deviceForget;
      const what = `run ${run}: ${describeValue(event.type)} ${inData ? 'data.' : ''}${field} = ${describeValue(value)}`;
      const single = next() < 0.3;
      await check(
        what,
        () =>
          fetch(url, {
            method: 'POST',
            headers: {
              'content-type': single ? 'application/cloudevents+json' : 'application/cloudevents-batch+json',
            },
            body: JSON.stringify(single ? event : [event]),
          }),
        // Acts are accepted but not stored (a withdrawal, a forget-me); the template's keys match nothing.
        acts ? () => 0 : accepted,
      );
    }
  });

  test('GET /events: every query with hostile values', async () => {
    const { next, pick } = random(SEED + 1);
    for (const name of QUERY_NAMES)
      for (const value of QUERY_VALUES)
        await check(`GET ?${name}=${value.slice(0, 20)}`, () => fetch(`${url}?${name}=${value}`));
    for (let run = 0; run < RUNS; run++) {
      const pairs = Array.from(
        { length: 1 + Math.floor(next() * 4) },
        () => `${pick(QUERY_NAMES)}=${pick(QUERY_VALUES)}`,
      );
      await check(`GET ?${pairs.join('&').slice(0, 80)}`, () => fetch(`${url}?${pairs.join('&')}`));
    }
  });

  test('moderation: every route with hostile queries, bodies and tokens', async () => {
    const { next, pick } = random(SEED + 2);
    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const routes = ['/queue', '/reports', '/pulse', '/audit', '/items/1', '/items/0', '/items/99999999999999999999'];
    for (const route of routes)
      for (const value of QUERY_VALUES)
        for (const name of ['limit', 'cursor', 'kind', 'state', 'flagged', 'days'])
          if (next() < 0.25)
            await check(`GET ${route}?${name}=${value.slice(0, 20)}`, () =>
              fetch(`${url}/moderation${route}?${name}=${value}`, { headers: auth }),
            );
    for (let run = 0; run < RUNS; run++) {
      const route = pick(['/items/1', '/stories', '/items/abc', '/queue']);
      const body =
        next() < 0.3
          ? pick(RAW_BODIES)
          : JSON.stringify({
              action: pick(['approve', 'hide', 'restore', ...HOSTILE.slice(0, 30)]),
              reason: pick(HOSTILE),
              text: pick(HOSTILE),
              id: pick(HOSTILE),
              [pick(['heading', 'tags', 'author', '__proto__'])]: pick(HOSTILE),
            });
      // A valid action on item 1 is a decision and writes its audit line: only hostile ones here.
      const parsed = (() => {
        try {
          return JSON.parse(String(body)) as Record<string, unknown>;
        } catch {
          return undefined;
        }
      })();
      const valid =
        (route === '/items/1' && ['approve', 'hide', 'restore'].includes(String(parsed?.action))) ||
        (route === '/stories' && typeof parsed?.text === 'string' && parsed.text.trim() !== '');
      if (valid) continue;
      await check(`POST ${route} ${String(body).slice(0, 60)}`, () =>
        fetch(`${url}/moderation${route}`, { method: 'POST', headers: auth, body }),
      );
    }
    for (const header of [
      'Bearer',
      'Bearer ',
      `Bearer ${'x'.repeat(5000)}`,
      'Basic Zm9vOmJhcg==',
      `bearer ${TOKEN}x`,
      '\u00ff',
    ])
      await check(`authorization ${header.slice(0, 20)}`, () =>
        fetch(`${url}/moderation/queue`, { headers: { authorization: header } }),
      );
  });

  test('POST /events/mine: hostile proofs', async () => {
    const { pick } = random(SEED + 3);
    for (const body of RAW_BODIES)
      await check(`mine raw ${String(body).slice(0, 30)}`, () =>
        fetch(`${url}/mine`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
      );
    for (let run = 0; run < RUNS; run++) {
      const texts = pick([
        pick(HOSTILE),
        [pick(HOSTILE)],
        [{ id: pick(HOSTILE), key: pick(HOSTILE) }],
        [{ id: 's', key: pick(HOSTILE) }],
      ]);
      await check(`mine ${describeValue(texts)}`, () =>
        fetch(`${url}/mine`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ texts }),
        }),
      );
    }
  });

  test('what the fuzzer found: a count or a sequence number out of shape is a 400 naming it', async () => {
    for (const [query, field] of [
      ['peer-messages=1.5', 'peer-messages'],
      ['stories&limit=2.5', 'limit'],
      ['since=99999999999999999999', 'since'],
      ['since=1e3', 'since'],
      ['responses=s&limit=-3', 'limit'],
    ]) {
      const res = await fetch(`${url}?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(((await res.json()) as { field?: string }).field, field, query);
    }
    const auth = { authorization: `Bearer ${TOKEN}` };
    assert.equal((await fetch(`${url}/moderation/items/99999999999999999999`, { headers: auth })).status, 404);
    const pulse = await fetch(`${url}/moderation/pulse?days=NaN`, { headers: auth });
    assert.deepEqual([pulse.status, ((await pulse.json()) as { field?: string }).field], [400, 'days']);
  });

  test('no request was answered with an internal error', () => {
    assert.deepEqual(errors, []);
  });
});
