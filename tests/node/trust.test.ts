// Graduated trust with host tokens, on the store under test (SQLite, or PostgreSQL with
// MUTUAL_TEST_STORE=postgres): earned by approved items, lost with one hidden, never for flagged words.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { SignJWT } from 'jose';
import { createCollector } from '../../src/collector/index.js';
import { createEnvelope, EventTypes } from '../../src/core/protocol/envelope.js';
import { testStore } from '../helpers/test-store.js';

const SECRET = 'a-host-secret-of-at-least-32-bytes-0123456789';
const TOKEN = 'trust-moderator-token-0123456789abcdef';
const member = (sub: string) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(SECRET));

async function start() {
  const collector = createCollector({
    store: await testStore('mutual-trust-'),
    rateLimit: false,
    hostTokens: { secret: SECRET },
    moderation: { moderators: [{ label: 'sam', token: TOKEN }], trust: { after: 2, kinds: ['encouragement'] } },
  });
  const server = createServer((req, res) => collector(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/events`;
  const auth = { authorization: `Bearer ${TOKEN}` };
  const cheer = async (text: string, sub?: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/cloudevents-batch+json',
        ...(sub && { authorization: `Bearer ${await member(sub)}` }),
      },
      body: JSON.stringify([
        createEnvelope(EventTypes.checkinEncouragement, { text }, { source: '/t', subject: 'daily' }),
      ]),
    });
    assert.equal(res.status, 200);
  };
  const served = async () =>
    ((await (await fetch(`${url}?peer-messages=20`)).json()) as { messages: { text: string }[] }).messages.map(
      (m) => m.text,
    );
  const pending = async () =>
    (
      (await (await fetch(`${url}/moderation/queue?state=pending`, { headers: auth })).json()) as {
        items: { seq: number; text: string }[];
      }
    ).items;
  const act = async (text: string, action: 'approve' | 'hide' | 'restore') => {
    const all = (await (await fetch(`${url}/moderation/queue?limit=200`, { headers: auth })).json()) as {
      items: { seq: number; text: string }[];
    };
    const item = all.items.find((i) => i.text === text)!;
    assert.ok(item, `pending: ${text}`);
    const res = await fetch(`${url}/moderation/items/${item.seq}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ action }),
    });
    assert.equal(res.status, 200);
    return item.seq;
  };
  const audit = async () =>
    (
      (await (await fetch(`${url}/moderation/audit?limit=200`, { headers: auth })).json()) as {
        entries: { action: string; item: number; actor: string; reason: string }[];
      }
    ).entries;
  return { cheer, served, pending, act, audit, stop: async () => (server.close(), await collector.close()) };
}

test('after 2 approved, a member’s encouragements publish at once; flagged words stay held; one hidden starts over', async () => {
  const c = await start();
  try {
    await c.cheer('One: keep going.', 'river');
    await c.cheer('Two: you are not alone.', 'river');
    assert.deepEqual(await c.served(), [], 'new members are reviewed first');
    await c.act('One: keep going.', 'approve');
    const earned = await c.act('Two: you are not alone.', 'approve');
    await c.cheer('Three: one day at a time.', 'river');
    assert.ok((await c.served()).includes('Three: one day at a time.'), 'trusted: published at once');
    // Anything flagged stays held, whatever the trust.
    await c.cheer('Four: call me on 07700 900123', 'river');
    assert.ok(
      (await c.pending()).some((i) => i.text.startsWith('Four')),
      'contact details stay held',
    );
    // Another member, and anonymous members, are still reviewed first.
    await c.cheer('From Sky.', 'sky');
    await c.cheer('From nobody signed in.');
    const waiting = (await c.pending()).map((i) => i.text);
    assert.ok(waiting.includes('From Sky.') && waiting.includes('From nobody signed in.'));
    // One hidden item: back to review first.
    const lost = await c.act('Four: call me on 07700 900123', 'hide');
    await c.cheer('Five: after that.', 'river');
    assert.ok(
      (await c.pending()).some((i) => i.text === 'Five: after that.'),
      'pre-moderated again',
    );
    const trustEntries = (await c.audit()).filter((e) => e.action === 'trusted' || e.action === 'untrusted');
    assert.deepEqual(
      trustEntries.map((e) => [e.action, e.item, e.actor, e.reason]),
      [
        ['trusted', earned, 'collector', ''],
        ['untrusted', lost, 'collector', ''],
      ],
      'each change of trust is audited by item, without words',
    );
    assert.ok(!JSON.stringify(await c.audit()).includes('river'), 'no member id in the audit log');
  } finally {
    await c.stop();
  }
});

test('an approval undone counts no more towards trust', async () => {
  const c = await start();
  try {
    await c.cheer('A: first.', 'robin');
    await c.cheer('B: second.', 'robin');
    await c.act('A: first.', 'approve');
    await c.act('A: first.', 'restore'); // the moderator's undo
    await c.act('B: second.', 'approve');
    await c.cheer('C: third.', 'robin');
    assert.ok(
      (await c.pending()).some((i) => i.text === 'C: third.'),
      'one approval counted, not two',
    );
  } finally {
    await c.stop();
  }
});
