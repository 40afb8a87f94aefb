import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import { mutualContext } from '../../src/core/context.js';
import '../../src/all.js';
import { defineElement, VERSION } from '../../src/core/define.js';
import { EventTypes } from '../../src/core/protocol/envelope.js';
import type { MutualMeToo } from '../../src/me-too/me-too.js';
import type { MutualProvider } from '../../src/provider/provider.js';
import { captureWarnings, expectAxeClean } from '../helpers/browser.js';
import {
  counts,
  ENDPOINT,
  injectFault,
  requestCount,
  scoped,
  stored,
  storedAtLeast,
  TEST_MODERATOR_TOKEN,
  uniqueSubject,
  until,
} from '../helpers/collector.js';

/** A third-party element with its own shadow root, to prove context crosses shadow boundaries. */
class HostCard extends LitElement {
  static override properties = { subject: {} };
  subject = '';
  override render() {
    return html`<article><mutual-me-too subject=${this.subject}></mutual-me-too></article>`;
  }
}
customElements.define('test-host-card', HostCard);

const innerBar = (card: Element) => card.shadowRoot!.querySelector('mutual-me-too')!;
const press = async (bar: MutualMeToo, index = 0) => {
  bar.settleMs = 20;
  await bar.updateComplete;
  bar.shadowRoot!.querySelectorAll('button')[index].click();
};

/** A host's own element reading the settings with Lit's ContextConsumer (mutualContext is exported). */
class HostReader extends LitElement {
  readonly settings = new ContextConsumer(this, { context: mutualContext, subscribe: true });
  override render() {
    return html`<p>${this.settings.value?.endpoint ?? 'none'}</p>`;
  }
}
customElements.define('test-host-reader', HostReader);

describe('<mutual-provider>', () => {
  afterEach(() => localStorage.clear());

  it("hands its settings to a host's own Lit ContextConsumer, and tells it of a change", async () => {
    const provider = await fixture<MutualProvider>(
      html`<mutual-provider endpoint="/events/a"><test-host-reader></test-host-reader></mutual-provider>`,
    );
    const reader = provider.querySelector<HostReader>('test-host-reader')!;
    await until(() => reader.shadowRoot!.textContent!.includes('/events/a'), 'endpoint handed to a Lit consumer');
    provider.setAttribute('endpoint', '/events/b');
    await until(() => reader.shadowRoot!.textContent!.includes('/events/b'), 'and its change');
  });

  it('hands its endpoint to a widget inside another shadow root; the envelope arrives intact', async () => {
    const { endpoint } = scoped('prov');
    const subject = uniqueSubject('prov');
    const provider = await fixture<MutualProvider>(
      html`<mutual-provider endpoint=${endpoint}><test-host-card subject=${subject}></test-host-card></mutual-provider>`,
    );
    const card = provider.querySelector('test-host-card')!;
    await (card as HostCard).updateComplete;
    const sent = oneEvent(provider, 'mutual-event');
    await press(innerBar(card));
    const { detail } = await sent;
    const [row] = await storedAtLeast({ subject });
    expect(row).to.deep.equal(detail);
    expect(row).to.include({
      specversion: '1.0',
      type: EventTypes.reactionAdded,
      subject,
      source: `${location.origin}${location.pathname}`,
      datacontenttype: 'application/json',
    });
    expect(row.id).to.match(/^[0-9a-f-]{36}$/);
    expect(Date.now() - Date.parse(row.time)).to.be.within(0, 30_000);
  });

  it('a host token on the provider goes with every event as Authorization: Bearer, and never into storage', async () => {
    const { scope, endpoint } = scoped('token');
    const subject = uniqueSubject('token');
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtZW1iZXIifQ.c2lnbmF0dXJl';
    const provider = await fixture<MutualProvider>(html`<mutual-provider endpoint=${endpoint} token=${token}>
      <mutual-me-too subject=${subject}></mutual-me-too>
    </mutual-provider>`);
    const bar = provider.querySelector('mutual-me-too')!;
    await bar.updateComplete;
    bar.shadowRoot!.querySelector('button')!.click();
    await storedAtLeast({ subject });
    const seen = (await (await fetch(`/cloudevents-check?scope=${scope}`)).json()) as { authorization: string };
    expect(seen.authorization).to.equal(`Bearer ${token}`);
    expect(JSON.stringify({ ...localStorage })).not.to.contain(token);
  });

  it('a widget’s own endpoint wins over the provider’s', async () => {
    const outer = scoped('outer');
    const own = scoped('own');
    const subject = uniqueSubject('own');
    const provider = await fixture<MutualProvider>(
      html`<mutual-provider endpoint=${outer.endpoint} source="urn:community:test"
        ><mutual-me-too subject=${subject} endpoint=${own.endpoint}></mutual-me-too
      ></mutual-provider>`,
    );
    await press(provider.querySelector('mutual-me-too')!);
    const [row] = await storedAtLeast({ subject });
    expect(row.source).to.equal('urn:community:test');
    expect(await requestCount(own.scope)).to.equal(1);
    expect(await requestCount(outer.scope)).to.equal(0);
  });

  it('preventDefault() on mutual-event stops the event; enrichment is stored', async () => {
    const { endpoint } = scoped('enrich');
    const cancelled = uniqueSubject('cancelled');
    const enriched = uniqueSubject('enriched');
    const provider = await fixture<MutualProvider>(
      html`<mutual-provider endpoint=${endpoint}>
        <mutual-me-too subject=${cancelled}></mutual-me-too>
        <mutual-me-too subject=${enriched}></mutual-me-too>
      </mutual-provider>`,
    );
    provider.addEventListener('mutual-event', (e) => {
      if (e.detail.subject === cancelled) e.preventDefault();
      else e.detail.data.community = 'recovery-circle';
    });
    const [a, b] = provider.querySelectorAll('mutual-me-too');
    await press(a);
    await press(b);
    const [row] = await storedAtLeast({ subject: enriched });
    expect(row.data).to.deep.include({ reaction: 'me-too', community: 'recovery-circle' });
    await new Promise((r) => setTimeout(r, 400));
    expect(await stored({ subject: cancelled })).to.have.length(0);
  });

  it('an event the endpoint refuses fires mutual-send-error on the widget and warns', async () => {
    const { scope, endpoint } = scoped('refuse');
    const subject = uniqueSubject('refuse');
    const bar = await fixture<MutualMeToo>(
      html`<mutual-me-too subject=${subject} endpoint=${endpoint}></mutual-me-too>`,
    );
    await injectFault({ scope, count: 1, status: 422 });
    const failed = oneEvent(bar, 'mutual-send-error');
    const warnings = await captureWarnings(async () => {
      await press(bar);
      const { detail } = await failed;
      expect(detail.envelope.subject).to.equal(subject);
      expect(detail.reason).to.match(/^422/);
    });
    expect(warnings.join()).to.contain('refused event');
  });

  it('without any endpoint: widgets still work and dispatch events, with one console note', async () => {
    const subject = uniqueSubject('none');
    const warnings = await captureWarnings(async () => {
      const provider = await fixture<MutualProvider>(
        html`<mutual-provider><mutual-me-too subject=${subject}></mutual-me-too></mutual-provider>`,
      );
      const bar = provider.querySelector('mutual-me-too')!;
      const seen = oneEvent(provider, 'mutual-event');
      await press(bar);
      expect((await seen).detail.subject).to.equal(subject);
      await press(bar, 1);
      await new Promise((r) => setTimeout(r, 100));
    });
    // (The note is page-wide: it may already have been printed by an earlier test in this file.)
    expect(warnings.filter((w) => w.includes('no endpoint')).length).to.be.at.most(1);
  });

  it('theming: --mutual-color-accent on the provider reaches every widget; one string override renames everywhere', async () => {
    const provider = await fixture<MutualProvider>(
      html`<mutual-provider style="--mutual-color-accent: rgb(120, 20, 160)" strings='{"me-too.me-too": "Same here"}'>
        <mutual-me-too subject="a"></mutual-me-too>
        <test-host-card subject="b"></test-host-card>
      </mutual-provider>`,
    );
    const card = provider.querySelector('test-host-card') as HostCard;
    await card.updateComplete;
    for (const bar of [provider.querySelector('mutual-me-too')!, innerBar(card)]) {
      await bar.updateComplete;
      const icon = bar.shadowRoot!.querySelector('[part="icon"]')!;
      expect(getComputedStyle(icon).color).to.equal('rgb(120, 20, 160)');
      expect(bar.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal('Same here');
    }
  });

  it('locale and theme on the provider apply to widgets inside; a widget’s own locale wins', async () => {
    const provider = await fixture<MutualProvider>(
      html`<mutual-provider locale="es" theme="dark">
        <mutual-me-too subject="x"></mutual-me-too>
        <mutual-me-too subject="y" locale="ar"></mutual-me-too>
      </mutual-provider>`,
    );
    const [es, ar] = provider.querySelectorAll('mutual-me-too');
    await Promise.all([es.updateComplete, ar.updateComplete]);
    expect(es.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal('A mí también');
    expect(ar.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(es).colorScheme).to.equal('dark');
    // Dark surface: the default light text colour would be unreadable; the dark token applies.
    expect(getComputedStyle(es).color).to.equal('rgb(230, 238, 235)');
    await expectAxeClean(provider);
  });

  it('locale falls back to the nearest lang attribute, then English', async () => {
    const el = await fixture(html`<div lang="es-MX"><mutual-me-too subject="l"></mutual-me-too></div>`);
    const bar = el.querySelector('mutual-me-too')!;
    expect(bar.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal('A mí también');
  });

  it('an invalid locale warns once and falls back instead of breaking the widget', async () => {
    let bar!: MutualMeToo;
    const warnings = await captureWarnings(async () => {
      bar = await fixture<MutualMeToo>(
        html`<mutual-me-too subject="l" locale="not a tag!" counts='{"me-too": 1200}'></mutual-me-too>`,
      );
      bar.requestUpdate();
      await bar.updateComplete;
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('"not a tag!" is not a valid language tag');
    expect(bar.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal('Me too, 1.2K people');
  });

  it('an invalid theme warns once and falls back', async () => {
    const warnings = await captureWarnings(() =>
      fixture(html`<mutual-me-too subject="t" theme="neon"></mutual-me-too>`),
    );
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('theme="neon"');
  });

  it('a second copy of Mutual defining the same tags does not throw; a different version warns once', async () => {
    class OtherCopy extends HTMLElement {
      static version = '9.9.9';
    }
    class SameVersion extends HTMLElement {
      static version = VERSION;
    }
    const warnings = await captureWarnings(() => {
      defineElement('mutual-me-too', SameVersion);
      defineElement('mutual-me-too', OtherCopy);
      defineElement('mutual-me-too', OtherCopy);
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('already defined by version');
  });

  it('forget() clears everything Mutual stored on the device', async () => {
    const { endpoint } = scoped('forget');
    const provider = await fixture<MutualProvider>(
      html`<mutual-provider endpoint=${endpoint}><mutual-me-too subject=${uniqueSubject('f')}></mutual-me-too></mutual-provider>`,
    );
    localStorage.setItem('not-mutual', 'keep');
    await press(provider.querySelector('mutual-me-too')!);
    await until(() => Object.keys(localStorage).some((k) => k.startsWith('mutual:reactions:')), 'reaction remembered');
    provider.forget();
    expect(Object.keys(localStorage).filter((k) => k.startsWith('mutual:'))).to.deep.equal([]);
    expect(localStorage.getItem('not-mutual')).to.equal('keep');
  });

  it('"Forget me" also asks the endpoint to forget: the reaction is gone from the counts', async () => {
    const { endpoint } = scoped('forget-endpoint');
    const subject = uniqueSubject('forget-me');
    const provider = await fixture<MutualProvider>(
      html`<mutual-provider endpoint=${endpoint} forget-button><mutual-me-too subject=${subject}></mutual-me-too></mutual-provider>`,
    );
    await press(provider.querySelector('mutual-me-too')!);
    await until(async () => (await counts(subject))['me-too'] === 1, 'counted');
    const button = provider.shadowRoot!.querySelector<HTMLButtonElement>('[part="forget-button"]')!;
    button.click();
    await until(async () => !(await counts(subject))['me-too'], 'forgotten by the endpoint');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('mutual:'))).to.deep.equal([]);
    await provider.updateComplete;
    expect(provider.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('removed');
    // Nothing written here: nothing said about published texts.
    expect(provider.shadowRoot!.querySelector('[role="status"]')!.textContent).not.to.contain('stays up');
  });

  it('"Forget me" on a device that wrote texts says that what was already published stays up, and who can take it down', async () => {
    const provider = await fixture<MutualProvider>(
      html`<mutual-provider endpoint=${scoped('forget-authored').endpoint} forget-button></mutual-provider>`,
    );
    localStorage.setItem('mutual:mine:key:a-story-written-here', JSON.stringify('an-author-key-0000000000'));
    provider.shadowRoot!.querySelector<HTMLButtonElement>('[part="forget-button"]')!.click();
    await provider.updateComplete;
    expect(provider.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain(
      'If a story or response of yours was already published, it stays up: the people who look after this community can take it down for you.',
    );
    expect(localStorage.getItem('mutual:mine:key:a-story-written-here')).to.equal(null);
  });

  it('"Forget me" after a story reached the moderators: its draft is gone, yet the endpoint still deletes it', async () => {
    const { endpoint } = scoped('forget-story');
    const words = `Written on a bad night — ${uniqueSubject('forget-story')}`;
    // What an older or damaged record left on the device is replaced, never in the way.
    localStorage.setItem('mutual:mine:sent', JSON.stringify('not a list'));
    const provider = await fixture<MutualProvider>(
      html`<mutual-provider endpoint=${endpoint} forget-button><mutual-share-story></mutual-share-story></mutual-provider>`,
    );
    const composer = provider.querySelector('mutual-share-story')!;
    const root = composer.shadowRoot!;
    const field = <T extends HTMLInputElement | HTMLTextAreaElement>(id: string, value: string) => {
      const el = root.querySelector<T>(id)!;
      el.value = value;
      el.dispatchEvent(new Event('input'));
    };
    field('#story-heading', 'Too much');
    field('#story-text', words);
    root.querySelector<HTMLInputElement>('#story-consent')!.click();
    [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Send to the moderators')!.click();
    await until(
      () => root.querySelector('[part="status"]')?.textContent === 'It has reached the moderators.',
      'acknowledged',
    );
    const pending = async () => {
      const res = await fetch(`${ENDPOINT}/moderation/queue?kind=story&state=pending&limit=100`, {
        headers: { authorization: `Bearer ${TEST_MODERATOR_TOKEN}` },
      });
      return ((await res.json()) as { items: { text: string }[] }).items.some((i) => i.text.includes(words));
    };
    expect(await pending()).to.equal(true);
    provider.shadowRoot!.querySelector<HTMLButtonElement>('[part="forget-button"]')!.click();
    await until(async () => !(await pending()), 'deleted by the endpoint');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('mutual:'))).to.deep.equal([]);
  });
});
