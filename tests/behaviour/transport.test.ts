import { expect } from '@open-wc/testing';
import { createEnvelope, EventTypes, type MutualEnvelope } from '../../src/core/protocol/envelope.js';
import { Transport, type DeliveryEvent } from '../../src/core/delivery/transport.js';
import {
  injectFault,
  requestCount,
  scoped,
  stored,
  storedAtLeast,
  uniqueSubject,
  until,
} from '../helpers/collector.js';
import { captureWarnings, peer } from '../helpers/browser.js';

/** The outbox keeps one localStorage key per unsent event. */
const outboxKeys = (endpoint: string) =>
  Object.keys(localStorage).filter((k) => k.startsWith(`mutual:outbox:${new URL(endpoint, location.href).href}:`));

const fast = { retryBaseMs: 50, retryMaxMs: 400, batchWindowMs: 50, timeoutMs: 2000 };

function events(subject: string, n: number): MutualEnvelope[] {
  return Array.from({ length: n }, (_, i) =>
    createEnvelope(
      EventTypes.reactionAdded,
      { reaction: 'me-too', reactor: 'test-reactor-0123456789', n: i },
      { source: location.href, subject },
    ),
  );
}

async function expectStoredOnce(subject: string, sent: MutualEnvelope[]): Promise<void> {
  const rows = await storedAtLeast({ subject }, sent.length);
  expect(rows.map((r) => r.id).sort()).to.deep.equal(sent.map((e) => e.id).sort());
}

describe('transport', () => {
  it('sends a burst of 100 events in a handful of batched requests, each stored once', async () => {
    const { scope, endpoint } = scoped('burst');
    const subject = uniqueSubject('burst');
    const transport = new Transport({ endpoint, ...fast });
    const sent = events(subject, 100);
    await Promise.all(sent.map((e) => transport.enqueue(e)));
    await expectStoredOnce(subject, sent);
    const requests = await requestCount(scope);
    expect(requests).to.be.within(1, 5);
    expect(transport.pending).to.equal(0);
    expect(outboxKeys(endpoint)).to.have.length(0);
  });

  it('keeps sending after more than 64 KiB of keepalive requests (responses are read, quota freed)', async () => {
    const { scope, endpoint } = scoped('quota');
    const subject = uniqueSubject('quota');
    const transport = new Transport({ endpoint, ...fast, maxBatch: 50, timeoutMs: 15_000 });
    const failures: string[] = [];
    transport.addEventListener('delivery', (e) => {
      const { state, reason } = e as DeliveryEvent;
      if (state !== 'sent') failures.push(`${state}: ${reason}`);
    });
    const sent = Array.from({ length: 400 }, (_, i) =>
      createEnvelope(EventTypes.storyResponse, { text: 'x'.repeat(400), n: i }, { source: location.href, subject }),
    );
    await Promise.all(sent.map((e) => transport.enqueue(e)));
    await expectStoredOnce(subject, sent);
    expect(failures).to.deep.equal([]);
    expect(await requestCount(scope)).to.equal(8);
  });

  it('retries through three 503s and stores every event once', async () => {
    const { scope, endpoint } = scoped('503');
    const subject = uniqueSubject('retry');
    await injectFault({ scope, count: 3, status: 503 });
    const transport = new Transport({ endpoint, ...fast });
    const states: string[] = [];
    transport.addEventListener('delivery', (e) => states.push((e as DeliveryEvent).state));
    const sent = events(subject, 5);
    await Promise.all(sent.map((e) => transport.enqueue(e)));
    await expectStoredOnce(subject, sent);
    expect(await requestCount(scope)).to.equal(4);
    expect(states).to.deep.equal(['queued', 'queued', 'queued', 'sent']);
  });

  it('retries when the member comes back to the tab, instead of waiting out the backoff', async () => {
    const { scope, endpoint } = scoped('visible');
    const subject = uniqueSubject('visible');
    await injectFault({ scope, count: 1, status: 503, retryAfter: 60 });
    const transport = new Transport({ endpoint, ...fast });
    const [event] = events(subject, 1);
    void transport.enqueue(event);
    await until(async () => (await requestCount(scope)) >= 1, 'first attempt');
    await new Promise((r) => setTimeout(r, 300));
    expect(await stored({ subject })).to.have.length(0);
    document.dispatchEvent(new Event('visibilitychange'));
    await expectStoredOnce(subject, [event]);
  });

  it('honours Retry-After on 429', async () => {
    const { scope, endpoint } = scoped('429');
    const subject = uniqueSubject('429');
    await injectFault({ scope, count: 1, status: 429, retryAfter: 1 });
    const transport = new Transport({ endpoint, ...fast });
    const [event] = events(subject, 1);
    const started = performance.now();
    await transport.enqueue(event);
    // With backoff alone the retry would come after ≤ 50 ms; the server asked for one second.
    expect(performance.now() - started).to.be.greaterThan(900);
    await expectStoredOnce(subject, [event]);
  });

  it('retries a request that hangs, without storing it twice', async () => {
    const { scope, endpoint } = scoped('hang');
    const subject = uniqueSubject('hang');
    await injectFault({ scope, count: 1, mode: 'hang', hangMs: 5000 });
    const transport = new Transport({ endpoint, ...fast, timeoutMs: 500 });
    const sent = events(subject, 3);
    await Promise.all(sent.map((e) => transport.enqueue(e)));
    await expectStoredOnce(subject, sent);
  });

  it('keeps events while offline and delivers them once when back online (real offline tab)', async () => {
    const { endpoint } = scoped('offline');
    const subject = uniqueSubject('offline');
    await peer.open(`/tests/helpers/reload-page.html?endpoint=${encodeURIComponent(endpoint)}&n=0`);
    try {
      await peer.setOffline(true);
      expect(await peer.eval<boolean>('mutualTest.online()')).to.equal(false);
      const ids = await peer.eval<string[]>(`mutualTest.queue(4, ${JSON.stringify(subject)})`);
      await new Promise((r) => setTimeout(r, 500));
      expect(await peer.eval<number>('mutualTest.pending()')).to.equal(4);
      // The outbox is on the device (the peer tab shares this origin's storage).
      expect(outboxKeys(endpoint)).to.have.length(4);
      expect(await stored({ subject })).to.have.length(0);
      await peer.setOffline(false);
      const rows = await storedAtLeast({ subject }, 4);
      expect(rows.map((r) => r.id).sort()).to.deep.equal([...ids].sort());
      await until(async () => (await peer.eval<number>('mutualTest.pending()')) === 0, 'outbox emptied');
    } finally {
      await peer.close();
    }
  });

  it('drops an event the endpoint refuses (400) with a warning instead of retrying forever', async () => {
    const { scope, endpoint } = scoped('refused');
    const transport = new Transport({ endpoint, ...fast });
    const bad = { ...events(uniqueSubject('bad'), 1)[0], type: 'not.mutual' };
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      const error = await transport.enqueue(bad).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).to.match(/^type must match pattern/);
    } finally {
      console.warn = warn;
    }
    expect(warnings.join()).to.contain(`refused event ${bad.id}`);
    expect(await requestCount(scope)).to.equal(1);
    expect(transport.pending).to.equal(0);
  });

  it('delivers events a page left behind when the next page loads (real reload in an iframe)', async () => {
    const { scope, endpoint } = scoped('reload');
    const subject = uniqueSubject('reload');
    await injectFault({ scope, count: 50, status: 503 });
    const frame = document.createElement('iframe');
    frame.src = `/tests/helpers/reload-page.html?endpoint=${encodeURIComponent(endpoint)}&subject=${subject}&n=3`;
    document.body.append(frame);
    const ids = await until(
      () => (frame.contentWindow as (Window & { queued?: string[] }) | null)?.queued,
      'first page queued its events',
    );
    await until(async () => (await requestCount(scope)) >= 1, 'first page tried to send');
    expect(await stored({ subject })).to.have.length(0);
    // The endpoint recovers; the next page (a reload) finds the events in the outbox and sends them.
    await fetch('/events/faults', { method: 'DELETE' });
    frame.src = `/tests/helpers/reload-page.html?endpoint=${encodeURIComponent(endpoint)}&n=0`;
    const rows = await storedAtLeast({ subject }, 3);
    expect(rows.map((r) => r.id).sort()).to.deep.equal([...ids].sort());
    frame.remove();
  });
});

describe('outbox', () => {
  it('is bounded: past the limit the oldest events are dropped, with one warning', async () => {
    const { MemoryOutbox } = await import('../../src/core/delivery/outbox.js');
    const outbox = new MemoryOutbox(3);
    const sent = events(uniqueSubject('bound'), 5);
    const warnings = await captureWarnings(() => sent.forEach((e) => outbox.add(e)));
    expect(outbox.all().map((e) => e.id)).to.deep.equal(sent.slice(2).map((e) => e.id));
    expect(warnings.filter((w) => w.includes('outbox is full'))).to.have.length(1);
  });
});

describe('interoperability', () => {
  it('the official CloudEvents SDK parses the real request the transport sent (batched HTTP mode)', async () => {
    const { scope, endpoint } = scoped('ce');
    const subject = uniqueSubject('ce');
    const transport = new Transport({ endpoint, ...fast });
    const sent = events(subject, 3);
    await Promise.all(sent.map((e) => transport.enqueue(e)));
    const res = await fetch(`/cloudevents-check?scope=${scope}`);
    const body = (await res.json()) as {
      contentType: string;
      events: { id: string; type: string; subject: string; specversion: string; data: unknown }[];
      error?: string;
    };
    expect(res.status, body.error).to.equal(200);
    expect(body.contentType).to.equal('application/cloudevents-batch+json');
    expect(body.events.map((e) => [e.id, e.type, e.subject, e.specversion])).to.deep.equal(
      sent.map((e) => [e.id, e.type, e.subject, '1.0']),
    );
    expect(body.events[0].data).to.deep.equal(sent[0].data);
  });
});
