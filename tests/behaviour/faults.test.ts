import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createEnvelope, EventTypes, type MutualEnvelope } from '../../src/core/protocol/envelope.js';
import { Transport } from '../../src/core/delivery/transport.js';
import { peer } from '../helpers/browser.js';
import { injectFault, requestCount, scoped, stored, uniqueSubject, until } from '../helpers/collector.js';

/**
 * Fault suite: after each fault, every event the page generated is stored exactly once
 * (ids compared one by one, no duplicates, nothing lost).
 */
/** The second collector the test server runs on a free port (web-test-runner.config.mjs). */
let STANDALONE = '';
const fast = { retryBaseMs: 100, retryMaxMs: 1000, batchWindowMs: 30, timeoutMs: 3000 };

function generate(subject: string, n: number): MutualEnvelope[] {
  return Array.from({ length: n }, (_, i) =>
    createEnvelope(
      EventTypes.reactionAdded,
      { reaction: 'me-too', reactor: 'test-reactor-0123456789', i },
      { source: location.origin, subject },
    ),
  );
}

async function storedAt(base: string, subject: string): Promise<string[]> {
  const res = await fetch(`${base}?since=0&limit=1000&subject=${subject}`);
  return ((await res.json()) as { events: { event: MutualEnvelope }[] }).events.map((e) => e.event.id);
}

async function expectExactlyOnce(base: string, subject: string, ids: string[]) {
  const got = await until(
    async () => {
      const r = await storedAt(base, subject).catch(() => [] as string[]);
      return r.length >= ids.length && r;
    },
    `${ids.length} events for ${subject}`,
    20_000,
  );
  await new Promise((r) => setTimeout(r, 500)); // late duplicates would show up here
  const final = await storedAt(base, subject);
  expect(final.length, 'no duplicates').to.equal(ids.length);
  expect([...final].sort()).to.deep.equal([...ids].sort());
  expect(got.length).to.equal(ids.length);
}

describe('fault suite', () => {
  before(async () => (STANDALONE = await executeServerCommand<string, object>('mutual:standalone-url', {})));
  afterEach(() => localStorage.clear());

  it('collector stopped mid-batch (stored, never answered) and restarted: every event once', async () => {
    const subject = uniqueSubject('crash');
    await executeServerCommand('mutual:standalone-crash', { count: 1, restartAfter: 1500 });
    const transport = new Transport({ endpoint: STANDALONE, ...fast });
    const sent = generate(subject, 60);
    const delivered = Promise.all(sent.map((e) => transport.enqueue(e)));
    // A second wave while the collector is down.
    await new Promise((r) => setTimeout(r, 300));
    const more = generate(subject, 40);
    more.forEach((e) => void transport.enqueue(e));
    await delivered;
    await expectExactlyOnce(
      STANDALONE,
      subject,
      [...sent, ...more].map((e) => e.id),
    );
  });

  it('503 storm with Retry-After: every event once', async () => {
    const { scope, endpoint } = scoped('storm');
    const subject = uniqueSubject('storm');
    await injectFault({ scope, count: 6, status: 503, retryAfter: 0.2 });
    const transport = new Transport({ endpoint, ...fast });
    const ids: string[] = [];
    for (let wave = 0; wave < 3; wave++) {
      for (const e of generate(subject, 30)) {
        ids.push(e.id);
        void transport.enqueue(e);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    await expectExactlyOnce('/events', subject, ids);
    expect(await requestCount(scope)).to.be.at.least(7);
  });

  it('network flapping offline/online in a real tab: every event once', async () => {
    const { endpoint } = scoped('flap');
    const subject = uniqueSubject('flap');
    await peer.open(`/tests/helpers/reload-page.html?endpoint=${encodeURIComponent(endpoint)}&n=0`);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        await peer.setOffline(i % 2 === 0);
        ids.push(...(await peer.eval<string[]>(`mutualTest.queue(10, ${JSON.stringify(subject)})`)));
        await new Promise((r) => setTimeout(r, 150));
      }
      await peer.setOffline(false);
      await expectExactlyOnce('/events', subject, ids);
    } finally {
      await peer.close();
    }
  });

  it('page reloaded while sends are pending (real reload): every event once', async () => {
    const { scope, endpoint } = scoped('reload-pending');
    const subject = uniqueSubject('reload-pending');
    await injectFault({ scope, count: 1, mode: 'hang', hangMs: 2000 });
    await peer.open(`/tests/helpers/reload-page.html?endpoint=${encodeURIComponent(endpoint)}&n=0`);
    try {
      const ids = await peer.eval<string[]>(`mutualTest.queue(25, ${JSON.stringify(subject)})`);
      await until(async () => (await requestCount(scope)) >= 1, 'first request in flight');
      expect(await stored({ subject })).to.have.length(0);
      await peer.reload(); // the hanging request dies with the page; the outbox survives
      await expectExactlyOnce('/events', subject, ids);
    } finally {
      await peer.close();
    }
  });
});
