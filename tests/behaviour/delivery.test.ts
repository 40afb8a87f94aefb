import { expect, fixture, html } from '@open-wc/testing';
import '../../src/all.js';
import type { MutualCheckIn } from '../../src/check-in/check-in.js';
import type { MutualMeToo } from '../../src/me-too/me-too.js';
import { createEnvelope, EventTypes, type MutualEnvelope } from '../../src/core/protocol/envelope.js';
import { getTransport, Transport } from '../../src/core/delivery/transport.js';
import { buttonNamed, captureWarnings, pause, peer } from '../helpers/browser.js';
import {
  injectFault,
  requestCount,
  scoped,
  stored,
  storedAtLeast,
  uniqueSubject,
  until,
} from '../helpers/collector.js';

const fast = { retryBaseMs: 50, retryMaxMs: 400, batchWindowMs: 30, timeoutMs: 3000 };
const absolute = (endpoint: string) => new URL(endpoint, location.href).href;
const status = (el: MutualCheckIn) => el.shadowRoot!.querySelector('[part="status"]')?.textContent ?? '';

function reactions(subject: string, n: number, extra: Record<string, unknown> = {}): MutualEnvelope[] {
  return Array.from({ length: n }, (_, i) =>
    createEnvelope(
      EventTypes.reactionAdded,
      { reaction: 'me-too', reactor: 'test-reactor-0123456789', n: i, ...extra },
      { source: location.href, subject },
    ),
  );
}

/** What a third-party receiver (tests/helpers/receivers.mjs) got, without deduplication. */
async function received(scope: string): Promise<{ requests: number; events: string[]; cookies: (string | null)[] }> {
  return (await fetch(`/receivers/received?scope=${scope}`)).json();
}

async function submitCheckIn(el: MutualCheckIn, mood = 3) {
  el.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${mood}"]`)!.click();
  await el.updateComplete;
  buttonNamed(el.shadowRoot!, 'Share my check-in').click();
  await el.updateComplete;
}

describe('one bad event never takes its neighbours with it', () => {
  afterEach(() => localStorage.clear());

  it('the collector stores the valid events of a batch and refuses the bad one alone; the page drops only that one', async () => {
    const { scope, endpoint } = scoped('neighbours');
    const subject = uniqueSubject('neighbours');
    const transport = new Transport({ endpoint, ...fast });
    const good = reactions(subject, 6);
    const bad = { ...reactions(subject, 1)[0], type: 'not.mutual' };
    const outcomes = await captureWarnings(() =>
      Promise.all(
        [...good.slice(0, 3), bad, ...good.slice(3)].map((e) =>
          transport.enqueue(e).then(
            () => 'sent',
            (error: Error) => error.message,
          ),
        ),
      ),
    );
    const rows = await storedAtLeast({ subject }, 6);
    expect(rows.map((r) => r.id).sort()).to.deep.equal(good.map((e) => e.id).sort());
    expect(await requestCount(scope)).to.equal(1);
    expect(transport.pending).to.equal(0);
    expect(outcomes.join()).to.contain(`refused event ${bad.id}`);
  });

  it('a receiver that refuses whole batches: halves are sent until the bad event travels alone; every valid event arrives once', async () => {
    const { scope } = scoped('strict');
    const transport = new Transport({ endpoint: `/receivers/strict?scope=${scope}`, ...fast });
    const subject = uniqueSubject('strict');
    const good = reactions(subject, 7);
    const poison = reactions(subject, 1, { poison: true })[0];
    const all = [...good.slice(0, 5), poison, ...good.slice(5)];
    const results = await captureWarnings(() =>
      Promise.all(
        all.map((e) =>
          transport.enqueue(e).then(
            () => 'sent',
            () => 'refused',
          ),
        ),
      ),
    );
    expect(results).to.have.length(1);
    const got = await received(scope);
    expect([...got.events].sort()).to.deep.equal(good.map((e) => e.id).sort());
    expect(got.requests).to.be.at.most(6);
    expect(transport.pending).to.equal(0);
  });

  it('a listener’s enrichment that breaks the envelope is caught in the page: one warning naming the field, the event still arrives', async () => {
    const { endpoint } = scoped('enrich');
    const subject = uniqueSubject('enrich');
    const bar = await fixture<MutualMeToo>(
      html`<mutual-me-too subject=${subject} endpoint=${endpoint}></mutual-me-too>`,
    );
    bar.settleMs = 0;
    bar.addEventListener('mutual-event', (e) =>
      Object.assign(e.detail.data, { extra: { nested: true }, page: 'stories' }),
    );
    const warnings = await captureWarnings(async () => {
      bar.shadowRoot!.querySelector('button')!.click();
      const [row] = await storedAtLeast({ subject, type: EventTypes.reactionAdded });
      expect(row.data).to.deep.include({ reaction: 'me-too', page: 'stories' });
      expect(row.data).not.to.have.property('extra');
    });
    expect(warnings.filter((w) => w.includes('data.extra'))).to.have.length(1);
  });

  it('never builds what the endpoint must refuse: a limit above the maximum, 33 topics, a 300-character story id', async () => {
    const id = uniqueSubject('limits');
    const { endpoint } = scoped('limits');
    const topics = Array.from({ length: 33 }, (_, i) => `topic${i}`).join(',');
    const warnings = await captureWarnings(async () => {
      const el = await fixture<MutualCheckIn>(
        html`<mutual-check-in check-in-id=${id} endpoint=${endpoint} limit="5000" topics=${topics}></mutual-check-in>`,
      );
      const root = el.shadowRoot!;
      expect(root.querySelectorAll('[part="topics"] button')).to.have.length(32);
      root.querySelector<HTMLInputElement>('input[value="3"]')!.click();
      const hard = root.querySelector<HTMLTextAreaElement>('#hard')!;
      hard.value = 'a'.repeat(4500);
      hard.dispatchEvent(new Event('input'));
      await el.updateComplete;
      buttonNamed(root, 'Share my check-in').click();
      await el.updateComplete;
      expect(root.querySelector('#hard-error')!.textContent).to.equal('Please shorten this by 500 characters.');
      hard.value = 'a'.repeat(4000);
      hard.dispatchEvent(new Event('input'));
      for (const chip of root.querySelectorAll<HTMLButtonElement>('[part="topics"] button')) chip.click();
      await el.updateComplete;
      buttonNamed(root, 'Share my check-in').click();
      const [row] = await storedAtLeast({ subject: id, type: EventTypes.checkinSubmitted });
      expect((row.data.topics as string[]).length).to.equal(32);
      expect((row.data.hard as string).length).to.equal(4000);
      const longId = 's'.repeat(300);
      const card = await fixture(
        html`<mutual-story-card story-id=${longId} endpoint=${endpoint}><p>Story</p></mutual-story-card>`,
      );
      await (card as MutualCheckIn).updateComplete;
    });
    expect(warnings.filter((w) => w.includes('limit="5000"'))).to.have.length(1);
    expect(warnings.filter((w) => w.includes('33 topics'))).to.have.length(1);
    expect(warnings.filter((w) => w.includes('story-id is longer than 256'))).to.have.length(1);
  });

  it('a page at /forum/[thread] sends a valid, encoded source', async () => {
    const { endpoint } = scoped('source');
    const subject = uniqueSubject('source');
    const here = location.pathname + location.search;
    history.replaceState(null, '', '/forum/[thread]' + location.search);
    try {
      const bar = await fixture<MutualMeToo>(
        html`<mutual-me-too subject=${subject} endpoint=${endpoint}></mutual-me-too>`,
      );
      bar.settleMs = 0;
      bar.shadowRoot!.querySelector('button')!.click();
      const [row] = await storedAtLeast({ subject, type: EventTypes.reactionAdded });
      expect(row.source).to.equal(`${location.origin}/forum/%5Bthread%5D`);
    } finally {
      history.replaceState(null, '', here);
    }
  });
});

describe('only the endpoint receives events', () => {
  afterEach(() => localStorage.clear());

  for (const code of [307, 301]) {
    it(`a ${code} redirect is never followed: one console warning, the events stay queued`, async () => {
      const { scope } = scoped(`redirect-${code}`);
      const target = scoped(`redirect-target-${code}`);
      const subject = uniqueSubject('redirect');
      const transport = new Transport({
        endpoint: `/receivers/redirect?scope=${scope}&status=${code}&to=${encodeURIComponent(target.endpoint)}`,
        ...fast,
      });
      const warnings = await captureWarnings(async () => {
        reactions(subject, 3).forEach((e) => void transport.enqueue(e));
        await until(async () => (await received(scope)).requests >= 3, 'three attempts');
      });
      expect(warnings.filter((w) => w.includes('answered with a redirect'))).to.have.length(1);
      expect(transport.pending).to.equal(3);
      expect(await requestCount(target.scope)).to.equal(0);
      expect(await stored({ subject })).to.deep.equal([]);
    });
  }

  it('a 2xx HTML page (a single-page app’s fallback) is not an acknowledgement', async () => {
    const { scope } = scoped('html');
    const transport = new Transport({ endpoint: `/receivers/html?scope=${scope}`, ...fast });
    const warnings = await captureWarnings(async () => {
      reactions(uniqueSubject('html'), 2).forEach((e) => void transport.enqueue(e));
      await until(async () => (await received(scope)).requests >= 3, 'retried');
    });
    expect(warnings.filter((w) => w.includes('answered with an HTML page'))).to.have.length(1);
    expect(transport.pending).to.equal(2);
  });

  it('javascript:, file: and data: endpoints: one warning each, nothing sent, nothing marked sent, no error at page hide', async () => {
    for (const endpoint of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/plain,ok']) {
      const errors: string[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.message);
      addEventListener('error', onError);
      const warnings = await captureWarnings(async () => {
        const el = await fixture<MutualCheckIn>(
          html`<mutual-check-in check-in-id=${uniqueSubject('scheme')} endpoint=${endpoint}></mutual-check-in>`,
        );
        await submitCheckIn(el);
        await pause(200);
        expect(status(el), endpoint).not.to.equal('Sent.');
        dispatchEvent(new PageTransitionEvent('pagehide'));
      });
      removeEventListener('error', onError);
      expect(
        warnings.filter((w) => w.includes(`endpoint="${endpoint}"`)),
        endpoint,
      ).to.have.length(1);
      expect(errors, endpoint).to.deep.equal([]);
    }
  });

  it('a header with a line break is left out with one warning naming it; events still go out', async () => {
    const { endpoint } = scoped('header');
    const subject = uniqueSubject('header');
    const warnings = await captureWarnings(async () => {
      const page =
        await fixture(html`<mutual-provider endpoint=${endpoint} headers='{"x-community":"a\\r\\nx-evil: 1","x-ok":"yes"}'>
        <mutual-me-too subject=${subject}></mutual-me-too>
      </mutual-provider>`);
      const bar = page.querySelector('mutual-me-too')!;
      bar.settleMs = 0;
      await bar.updateComplete;
      bar.shadowRoot!.querySelector('button')!.click();
      await storedAtLeast({ subject, type: EventTypes.reactionAdded });
    });
    expect(warnings.filter((w) => w.includes('"x-community"'))).to.have.length(1);
  });

  it('a <base href> that story markup adds later does not move the endpoint', async () => {
    const { endpoint } = scoped('base');
    const subject = uniqueSubject('base');
    const page = await fixture(
      html`<div><mutual-me-too subject=${subject} endpoint=${endpoint}></mutual-me-too></div>`,
    );
    const bar = page.querySelector('mutual-me-too')!;
    bar.settleMs = 0;
    await bar.updateComplete;
    const base = document.createElement('base');
    base.href = 'http://127.0.0.1:9/elsewhere/';
    page.append(base);
    try {
      bar.shadowRoot!.querySelector('button')!.click();
      await storedAtLeast({ subject, type: EventTypes.reactionAdded });
    } finally {
      base.remove();
    }
  });

  it('the exit delivery carries no cookies unless the host asked for them', async () => {
    document.cookie = 'mutual-test=secret; path=/';
    try {
      const plain = scoped('exit-cookie');
      const withoutCookies = new Transport({
        endpoint: `/receivers/count?scope=${plain.scope}`,
        ...fast,
        batchWindowMs: 60_000,
      });
      void withoutCookies.enqueue(reactions(uniqueSubject('exit'), 1)[0]);
      withoutCookies.handOff();
      await until(async () => (await received(plain.scope)).requests === 1, 'exit delivery arrived');
      expect((await received(plain.scope)).cookies).to.deep.equal([null]);

      const asked = scoped('exit-cookie-include');
      const withCookies = new Transport({
        endpoint: `/receivers/count?scope=${asked.scope}`,
        credentials: 'include',
        ...fast,
        batchWindowMs: 60_000,
      });
      void withCookies.enqueue(reactions(uniqueSubject('exit'), 1)[0]);
      withCookies.handOff();
      await until(async () => (await received(asked.scope)).requests === 1, 'exit delivery arrived');
      expect((await received(asked.scope)).cookies[0]).to.contain('mutual-test=secret');
    } finally {
      document.cookie = 'mutual-test=; path=/; max-age=0';
    }
  });
});

describe('a member’s text is never evicted, and "Sent." is never a guess', () => {
  afterEach(() => localStorage.clear());

  it('1,000 reactions with the endpoint down do not push out a queued check-in', async () => {
    const id = uniqueSubject('overflow');
    const { scope, endpoint } = scoped('overflow');
    await injectFault({ scope, count: 1000, status: 503, retryAfter: 60 });
    const el = await fixture<MutualCheckIn>(
      html`<mutual-check-in check-in-id=${id} endpoint=${endpoint}></mutual-check-in>`,
    );
    await submitCheckIn(el);
    await until(
      () =>
        status(el) === 'Saved on this device — the community’s site couldn’t take it just now. It will keep trying.',
      'queued',
    );
    const transport = getTransport({ endpoint: absolute(endpoint) });
    await captureWarnings(() => reactions(uniqueSubject('flood'), 1000).forEach((e) => void transport.enqueue(e)));
    const checkIns = transport.outbox.all().filter((e) => e.type === EventTypes.checkinSubmitted);
    expect(checkIns).to.have.length(1);
    expect(
      Object.keys(localStorage).filter((k) => k.startsWith(`mutual:outbox:${absolute(endpoint)}:${checkIns[0].id}`)),
    ).to.have.length(1);
    expect(status(el)).to.equal(
      'Saved on this device — the community’s site couldn’t take it just now. It will keep trying.',
    );
  });

  it('when the outbox is full of texts, a new check-in says so truthfully and its draft stays', async () => {
    const { scope, endpoint } = scoped('full');
    await injectFault({ scope, count: 1000, status: 503, retryAfter: 60 });
    const transport = getTransport({ endpoint: absolute(endpoint) });
    await captureWarnings(() => {
      for (let i = 0; i < 1000; i++)
        void transport.enqueue(
          createEnvelope(
            EventTypes.checkinEncouragement,
            { text: `You are not alone ${i}` },
            { source: location.href, subject: 'full' },
          ),
        );
    });
    const id = uniqueSubject('full');
    const el = await fixture<MutualCheckIn>(
      html`<mutual-check-in check-in-id=${id} endpoint=${endpoint}></mutual-check-in>`,
    );
    await captureWarnings(() => submitCheckIn(el, 2));
    await until(() => status(el).startsWith('Too many unsent messages'), 'full status');
    expect(JSON.parse(localStorage.getItem(`mutual:draft:checkin:${id}`)!)).to.deep.include({ mood: 2 });
    expect(JSON.parse(localStorage.getItem(`mutual:draft:checkin:${id}`)!)).not.to.have.property('pendingId');
    expect(buttonNamed(el.shadowRoot!, 'Back to my check-in')).not.to.equal(undefined);
  });

  it('an endpoint written another way ("/events" → its absolute URL) finds the same queued check-in; "Sent." only after it is stored', async () => {
    const id = uniqueSubject('endpoint-form');
    const { scope, endpoint } = scoped('endpoint-form');
    await injectFault({ scope, count: 1, status: 503, retryAfter: 60 });
    const first = await fixture<MutualCheckIn>(
      html`<mutual-check-in check-in-id=${id} endpoint=${endpoint}></mutual-check-in>`,
    );
    await submitCheckIn(first);
    await until(
      () =>
        status(first) === 'Saved on this device — the community’s site couldn’t take it just now. It will keep trying.',
      'queued',
    );
    first.remove();
    // An earlier version kept the outbox under the endpoint as written; the next visit uses the absolute URL.
    const [key] = Object.keys(localStorage).filter((k) => k.startsWith('mutual:outbox:'));
    localStorage.setItem(key.replace(absolute(endpoint), endpoint), localStorage.getItem(key)!);
    localStorage.removeItem(key);
    const again = await fixture<MutualCheckIn>(
      html`<mutual-check-in check-in-id=${id} endpoint=${absolute(endpoint)}></mutual-check-in>`,
    );
    expect(status(again)).not.to.equal('Sent.');
    getTransport({ endpoint: absolute(endpoint) }).flush();
    await storedAtLeast({ subject: id, type: EventTypes.checkinSubmitted });
    await until(() => status(again) === 'Sent.', 'sent after the acknowledgement');
    expect(localStorage.getItem(`mutual:draft:checkin:${id}`)).to.equal(null);
  });

  it('events left under another endpoint are sent where they were written for, and the draft waits for that', async () => {
    const id = uniqueSubject('orphan');
    const old = scoped('orphan-old');
    // Down while the first page is open (its exit delivery on close fails too), then up.
    await injectFault({ scope: old.scope, count: 2, status: 503, retryAfter: 0.2 });
    await peer.open(`/tests/helpers/check-in-page.html?endpoint=${encodeURIComponent(old.endpoint)}&id=${id}`);
    const inPeer = (js: string) =>
      peer.eval<string>(`(() => { const r = document.querySelector('mutual-check-in').shadowRoot; ${js} })()`);
    try {
      await until(() => inPeer(`return r.querySelector('input[value="3"]') ? 'ready' : ''`), 'peer ready');
      await inPeer(`r.querySelector('input[value="3"]').click(); return ''`);
      await pause(100);
      await inPeer(`r.querySelector('button[type="submit"]').click(); return ''`);
      await until(
        async () =>
          (await inPeer(`return r.querySelector('[part="status"]').textContent`)) ===
          'Saved on this device — the community’s site couldn’t take it just now. It will keep trying.',
        'queued in the first page',
      );
    } finally {
      await peer.close();
    }
    // The next page of the site configures another endpoint.
    const next = scoped('orphan-new');
    const again = await fixture<MutualCheckIn>(
      html`<mutual-check-in check-in-id=${id} endpoint=${next.endpoint}></mutual-check-in>`,
    );
    expect(status(again)).not.to.equal('Sent.');
    const rows = await storedAtLeast({ subject: id, type: EventTypes.checkinSubmitted });
    expect(rows).to.have.length(1);
    await until(() => status(again) === 'Sent.', 'sent after the acknowledgement');
    expect(await requestCount(next.scope)).to.equal(0);
  });

  it('a draft whose event is in no outbox and was never acknowledged is kept, and says so', async () => {
    const id = uniqueSubject('unconfirmed');
    localStorage.setItem(
      `mutual:draft:checkin:${id}`,
      JSON.stringify({ mood: 2, hard: 'A long week', helped: '', topics: [], pendingId: 'gone-1234' }),
    );
    const el = await fixture<MutualCheckIn>(
      html`<mutual-check-in check-in-id=${id} endpoint=${scoped('unconfirmed').endpoint}></mutual-check-in>`,
    );
    await until(
      () =>
        status(el) === 'We couldn’t confirm that your check-in arrived. It is still here, so you can send it again.',
      'unconfirmed',
    );
    expect(JSON.parse(localStorage.getItem(`mutual:draft:checkin:${id}`)!)).to.deep.include({ hard: 'A long week' });
    buttonNamed(el.shadowRoot!, 'Back to my check-in').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLTextAreaElement>('#hard')!.value).to.equal('A long week');
  });

  it('when storage is full, the check-in does not promise to keep the draft', async () => {
    const junk = 'x'.repeat(1024 * 1024);
    const keys: string[] = [];
    try {
      for (let i = 0; i < 20; i++) {
        localStorage.setItem(`junk-${i}`, junk);
        keys.push(`junk-${i}`);
      }
    } catch {
      // full
    }
    try {
      for (let size = 512 * 1024; size >= 1; size = Math.floor(size / 2)) {
        try {
          localStorage.setItem(`junk-fill-${size}`, 'x'.repeat(size));
          keys.push(`junk-fill-${size}`);
        } catch {
          /* try smaller */
        }
      }
      const el = await fixture<MutualCheckIn>(
        html`<mutual-check-in check-in-id=${uniqueSubject('full-storage')}></mutual-check-in>`,
      );
      const note = el.shadowRoot!.querySelector('form > p.hint')!.textContent!;
      expect(note).to.contain('This browser can’t keep anything on this device right now');
      expect(note).not.to.contain('kept on this device until it is sent');
    } finally {
      keys.forEach((k) => localStorage.removeItem(k));
    }
  });
});

describe('a blocked endpoint is not silent', () => {
  it('after the third network error (a CORS refusal looks like one), one warning names the endpoint, the page’s origin and how to allow it', async () => {
    // The same server under another host name is another origin, which does not allow this page.
    const endpoint = `http://127.0.0.1:${location.port}/receivers/nocors?scope=blocked`;
    const transport = new Transport({ endpoint, ...fast });
    const warnings = await captureWarnings(async () => {
      void transport.enqueue(reactions(uniqueSubject('blocked'), 1)[0]);
      await pause(2000); // retries every 50–400 ms: well past three attempts
    });
    const blocked = warnings.filter((w) => w.includes('failed with a network error'));
    expect(blocked).to.have.length(1);
    expect(blocked[0]).to.contain(endpoint);
    expect(blocked[0]).to.contain(`--origin ${location.origin}`);
    expect(transport.pending).to.equal(1);
  });

  it('a check-in the site refuses (its origin not allowed) says it is saved and waiting for the site, not "offline"', async () => {
    const endpoint = `http://127.0.0.1:${location.port}/receivers/nocors?scope=blocked-checkin`;
    const el = await fixture<MutualCheckIn>(
      html`<mutual-check-in check-in-id=${uniqueSubject('blocked')} endpoint=${endpoint}></mutual-check-in>`,
    );
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="3"]')!.click();
    await el.updateComplete;
    buttonNamed(el.shadowRoot!, 'Share my check-in').click();
    await until(
      () =>
        status(el) === 'Saved on this device — the community’s site couldn’t take it just now. It will keep trying.',
      'waiting for the site',
    );
    expect(navigator.onLine).to.equal(true);
    localStorage.clear();
  });
});

describe('exactly once per site, whatever the tabs', () => {
  afterEach(() => localStorage.clear());

  /** A "tab": a same-origin frame with its own copy of Mutual and one transport to `endpoint`. */
  async function openTab(endpoint: string, query = 'n=0') {
    const frame = document.createElement('iframe');
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    frame.src = `/tests/helpers/reload-page.html?endpoint=${encodeURIComponent(endpoint)}&${query}`;
    document.body.append(frame);
    await loaded;
    await until(() => (frame.contentWindow as Window & { mutualTest?: unknown }).mutualTest, 'tab ready');
    return frame;
  }
  const tabApi = (frame: HTMLIFrameElement) =>
    (frame.contentWindow as Window & { mutualTest: { queue(n: number, s: string): string[]; pending(): number } })
      .mutualTest;

  it('three tabs, the endpoint down and then up: every event arrives once at a receiver that does not deduplicate', async () => {
    const { scope } = scoped('tabs');
    const endpoint = `/receivers/count?scope=${scope}`;
    await fetch(`/receivers/down?scope=${scope}&ms=1500`, { method: 'POST' });
    const tabs: HTMLIFrameElement[] = await Promise.all([openTab(endpoint), openTab(endpoint)]);
    try {
      const ids = tabs.flatMap((tab, i) => tabApi(tab).queue(20, `tabs-${i}`));
      // A third tab opens while those wait: it finds them in the shared outbox.
      tabs.push(await openTab(endpoint));
      ids.push(...tabApi(tabs[2]).queue(20, 'tabs-2'));
      await until(async () => (await received(scope)).events.length >= 60, '60 events received', 15_000);
      await pause(800);
      await until(() => tabs.every((tab) => tabApi(tab).pending() === 0), 'every outbox empty');
      const got = (await received(scope)).events;
      expect(got.length, 'no duplicates').to.equal(60);
      expect([...got].sort()).to.deep.equal([...ids].sort());
    } finally {
      tabs.forEach((t) => t.remove());
    }
  });

  it('another tab never sends an open tab’s events for an endpoint it does not use (the open tab may hand them off)', async () => {
    const { scope, endpoint } = scoped('live-tab');
    await injectFault({ scope, count: 1000, status: 503, retryAfter: 60 });
    const tab = await openTab(endpoint);
    try {
      tabApi(tab).queue(1, 'live-tab');
      // At least once: a tab turning visible may retry at once (Retry-After or not), which is its own to do.
      await until(async () => (await requestCount(scope)) >= 1, 'the open tab tried');
      performance.clearResourceTimings(); // the buffer holds 250 entries; this file fetches more
      // This page starts sending to another endpoint: it looks for events left behind.
      getTransport({ endpoint: absolute(scoped('live-tab-other').endpoint) }).flush();
      await pause(1500);
      // The open tab may retry its own events (a tab turning visible does); this page sends none.
      const fromThisPage = performance
        .getEntriesByType('resource')
        .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'fetch' && e.name === absolute(endpoint));
      expect(fromThisPage.map((e) => e.name)).to.deep.equal([]);
    } finally {
      tab.remove();
    }
  });

  it('press and leave at once, then come back: the event arrives once', async () => {
    const { scope } = scoped('press-leave');
    const endpoint = `/receivers/count?scope=${scope}`;
    const tab = await openTab(endpoint);
    try {
      const [id] = tabApi(tab).queue(1, 'press-leave');
      // Leave in the same task (the event is still in its batch window), then come back.
      tab.src = `/tests/helpers/reload-page.html?endpoint=${encodeURIComponent(endpoint)}&n=0`;
      await until(async () => (await received(scope)).events.length >= 1, 'exit delivery arrived');
      await until(() => (tab.contentWindow as Window & { mutualTest?: unknown }).mutualTest, 'back on the page');
      await pause(1000);
      expect((await received(scope)).events).to.deep.equal([id]);
      expect(Object.keys(localStorage).filter((k) => k.startsWith('mutual:'))).to.deep.equal([]);
    } finally {
      tab.remove();
    }
  });
});

describe('presses made before the send path arrived', () => {
  afterEach(() => fetch('/hold-chunks', { method: 'DELETE' }));

  it('an event parked before the send path loaded, read back with the outbox, takes no room from another', async () => {
    const { StorageOutbox } = await import('../../src/core/delivery/outbox.js');
    const { endpoint } = scoped('parked');
    const parked = reactions(uniqueSubject('parked'), 3);
    // Pressed within the same moments, so the outbox reads them back in another order than they
    // are handed to it (here: the second first).
    const at = (ms: number) => new Date(Date.parse(parked[0].time) + ms).toISOString();
    [parked[0].time, parked[1].time, parked[2].time] = [at(1), at(0), at(2)];
    // Parked as the delivery controller parks them, then read back by a new outbox of three.
    for (const e of parked) localStorage.setItem(`mutual:outbox:${absolute(endpoint)}:${e.id}`, JSON.stringify(e));
    const outbox = new StorageOutbox(absolute(endpoint), 3);
    const warnings = await captureWarnings(() => parked.forEach((e) => outbox.add(e)));
    expect(
      outbox
        .all()
        .map((e) => e.id)
        .sort(),
    ).to.deep.equal(parked.map((e) => e.id).sort());
    expect(warnings).to.deep.equal([]);
    outbox.remove(parked.map((e) => e.id));
  });

  it('pressed while the send path is held, and again after a reload meanwhile: each press arrives once', async () => {
    const subjects = Array.from({ length: 6 }, (_, i) => uniqueSubject(`held-${i}`));
    await fetch('/hold-chunks?name=transport', { method: 'POST' });
    // A visitor of their own (no cache: the chunk really has to arrive), on the built dist/mutual.js.
    await peer.open(`/tests/helpers/bar-page.html?subject=${subjects.join(',')}`, { isolated: true });
    try {
      const press = (from: number, to: number) =>
        until(
          () =>
            peer.eval<boolean>(`(() => {
              const bars = [...document.querySelectorAll('mutual-me-too')].slice(${from}, ${to});
              const buttons = bars.map((b) => b.shadowRoot?.querySelector('button'));
              if (!buttons.every(Boolean)) return false;
              buttons.forEach((b) => b.click());
              return true;
            })()`),
          'pressed',
        );
      const parked = () =>
        peer.eval<number>(`Object.keys(localStorage).filter((k) => k.startsWith('mutual:outbox:')).length`);
      await press(0, 3);
      // The bar settles (600 ms), then sends: parked on the device, as the send path has not come.
      await until(async () => (await parked()) === 3, 'three presses parked on the device');
      await peer.reload();
      await until(async () => (await parked()) === 3, 'still there after the reload');
      await press(3, 6);
      await until(async () => (await parked()) === 6, 'six parked');
      await new Promise((r) => setTimeout(r, 300));
      expect(await stored({ subject: subjects[0] })).to.deep.equal([]);
      await fetch('/hold-chunks', { method: 'DELETE' });
      for (const subject of subjects) await storedAtLeast({ subject, type: EventTypes.reactionAdded });
      await until(async () => (await parked()) === 0, 'the outbox is empty');
      await new Promise((r) => setTimeout(r, 500));
      for (const subject of subjects) expect((await stored({ subject })).length, subject).to.equal(1);
    } finally {
      await peer.close();
    }
  });
});

describe('tampered device storage never stops delivery', () => {
  afterEach(() => localStorage.clear());

  it('outbox entries of null, a number, {} or broken JSON are set aside with one warning; the rest is sent', async () => {
    const { scope, endpoint } = scoped('tampered');
    const subject = uniqueSubject('tampered');
    const [good] = reactions(subject, 1);
    const prefix = `mutual:outbox:${absolute(endpoint)}:`;
    localStorage.setItem(`${prefix}${good.id}`, JSON.stringify(good));
    for (const [id, value] of [
      ['a', 'null'],
      ['b', '42'],
      ['c', '{}'],
      ['d', '{"id":"d"'],
    ])
      localStorage.setItem(`${prefix}${id}`, value);
    const warnings = await captureWarnings(async () => {
      const transport = new Transport({ endpoint, ...fast });
      transport.flush();
      await storedAtLeast({ subject });
    });
    expect(warnings.filter((w) => w.includes('damaged entry'))).to.have.length(1);
    expect(Object.keys(localStorage).filter((k) => k.startsWith(prefix))).to.deep.equal([]);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('mutual:damaged:')).length).to.equal(4);
    expect(await requestCount(scope)).to.be.at.least(1);
  });
});
