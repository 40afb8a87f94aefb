import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createCollector } from '../../src/collector/index.js';
import { createEnvelope, EventTypes } from '../../src/core/protocol/envelope.js';

const BATCH = 'application/cloudevents-batch+json';
const valid = (subject = 'hostile') =>
  createEnvelope(
    EventTypes.reactionAdded,
    { reaction: 'me-too', reactor: 'test-reactor-0123456789' },
    { source: '/test', subject },
  );

describe('collector under hostile input', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'mutual-hostile-')), 'events.db');
  const collector = createCollector({ db, allowListing: true, rateLimit: { max: 10_000, windowMs: 60_000 } });
  const server = createServer((req, res) => collector(req, res));
  let url = '';
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/events`;
  });
  after(() => {
    server.close();
    collector.close();
  });
  const rows = () => {
    const conn = new Database(db, { readonly: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  };
  const post = (body: string | Buffer, type = BATCH) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': type },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });

  /** Each hostile request: the expected 4xx with a JSON error, no row written, and the server still serves. */
  async function refuses(body: string | Buffer, status: number, type = BATCH) {
    const before = rows();
    const res = await post(body, type);
    assert.equal(res.status, status, `expected ${status}`);
    const json = (await res.json()) as { error: string };
    assert.equal(typeof json.error, 'string');
    assert.equal(rows(), before, 'no row written');
    const ok = await post(JSON.stringify([valid()]));
    assert.equal(ok.status, 200, 'keeps serving');
  }

  test('malformed JSON variants → 400', async () => {
    for (const body of ['', '[', '{"a":}', 'null', '[1,2', 'undefined', '\u0000', '[{"specversion":"1.0"]'])
      await refuses(body, 400);
  });

  test('wrong content types → 415', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
    ]) {
      await refuses(JSON.stringify([valid()]), 415, type);
    }
  });

  test('a huge body → 413', async () => {
    await refuses(JSON.stringify([{ ...valid(), data: { text: 'x'.repeat(600_000) } }]), 413);
  });

  test('deep nesting → 400, no crash', async () => {
    const deep = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    await refuses(
      `[{"specversion":"1.0","id":"deep","source":"/t","type":"org.mutual.x","time":"2026-01-01T00:00:00Z","datacontenttype":"application/json","data":${deep}}]`,
      400,
    );
    await refuses('['.repeat(100_000) + ']'.repeat(100_000), 400);
  });

  test('invalid CloudEvents → 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ specversion: '0.3' }, 'specversion'],
      [{ source: undefined }, 'source'],
      [{ time: 'yesterday' }, 'time'],
      [{ type: 'org.mutual.' }, 'type'],
      [{ data: 'just a string' }, 'data'],
      [{ data: { nested: { object: true } } }, 'data.nested'],
      [{ datacontenttype: 'text/html' }, 'datacontenttype'],
      [{ id: '' }, 'id'],
      [{ subject: 'x'.repeat(300) }, 'subject'],
      [{ extension: { object: 1 } }, 'extension'],
    ];
    for (const [patch, field] of cases) {
      const before = rows();
      const res = await post(JSON.stringify([{ ...valid(), ...patch }]));
      assert.equal(res.status, 400, JSON.stringify(patch));
      assert.equal(((await res.json()) as { field: string }).field, field);
      assert.equal(rows(), before);
    }
  });

  test('extension attributes are few and short: 40,000 of them, 11, a 500 KB value or a bad name → 400, nothing stored', async () => {
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i}`, 'v']));
    for (const [patch, field] of [
      [many(40_000), '(event)'],
      [many(11), '(event)'],
      [{ big: 'x'.repeat(500_000) }, 'big'],
      [{ long: 'x'.repeat(257) }, 'long'],
      [{ 'Not-Allowed': 'v' }, 'Not-Allowed'],
    ] as const) {
      const before = rows();
      const res = await post(JSON.stringify([{ ...valid(), ...patch }]));
      assert.equal(res.status, 400);
      assert.equal(((await res.json()) as { field: string }).field, field);
      assert.equal(rows(), before);
    }
    // Ten short ones are fine.
    const res = await post(JSON.stringify([{ ...valid(), ...many(10) }]));
    assert.equal(res.status, 200);
  });

  test('unicode: invalid UTF-8 and lone surrogates → 400; real text in any script is stored exactly', async () => {
    await refuses(Buffer.from([0x5b, 0xff, 0xfe, 0x5d]), 400);
    const lone = JSON.stringify([valid()]).replace('"me-too"', '"me\\ud800too"');
    await refuses(lone, 400);
    const text = 'مرحبا 👋🏽 e\u0301 \u202Eevil\u202C ₍ᐢ•ﻌ•ᐢ₎ 日本語';
    const e = createEnvelope(EventTypes.storyResponse, { text, storyId: 'u' }, { source: '/test', subject: 'unicode' });
    assert.equal((await post(JSON.stringify([e]))).status, 200);
    const list = (await (await fetch(`${url}?since=0&limit=1000&subject=unicode`)).json()) as {
      events: { event: { data: { text: string } } }[];
    };
    assert.equal(list.events.at(-1)!.event.data.text, text);
  });

  test('a raw TCP client sending garbage does not crash the server', async () => {
    await new Promise<void>((resolve) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': BATCH, 'content-length': '100' } });
      req.on('error', () => resolve());
      req.on('response', (res) => {
        res.resume();
        resolve();
      });
      req.write('[{"half');
      setTimeout(() => req.destroy(), 50);
    });
    assert.equal((await post(JSON.stringify([valid()]))).status, 200);
  });
});
