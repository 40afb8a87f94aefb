import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/story-feed/define.js';
import type { MutualStoryFeed } from '../../src/story-feed/story-feed.js';
import type { MutualStoryCard } from '../../src/story-card/story-card.js';
import { buttonNamed, deepActive, emulateMedia, expectAxeClean, peer } from '../helpers/browser.js';
import { approveItem, getCount, publishStory, uniqueSubject, until } from '../helpers/collector.js';
import { createEnvelope, EventTypes } from '../../src/core/protocol/envelope.js';

const root = (el: Element) => el.shadowRoot!;
const cards = (feed: MutualStoryFeed) => [...root(feed).querySelectorAll<MutualStoryCard>('mutual-story-card')];
const article = (card: Element) => card.shadowRoot!.querySelector('article')!;
const loaded = (feed: MutualStoryFeed) =>
  until(() => root(feed).querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false', 'feed loaded');

async function publishThree(tag: string) {
  for (const n of [1, 2, 3])
    await publishStory({
      id: `${tag}-${n}`,
      heading: `Story ${n}`,
      text: `Paragraph one of ${n}.\n\nParagraph two.`,
      tags: [tag],
    });
}

describe('<mutual-story-feed>', () => {
  it('shows approved stories as cards in an ARIA feed, newest first; Load more by keyboard moves focus to the first new story', async () => {
    const tag = uniqueSubject('feed');
    await publishThree(tag);
    const feed = await fixture<MutualStoryFeed>(
      html`<mutual-story-feed endpoint="/events" tag=${tag} page-size="2"></mutual-story-feed>`,
    );
    await loaded(feed);
    await Promise.all(cards(feed).map((c) => c.updateComplete));
    expect(cards(feed).map((c) => c.getAttribute('heading'))).to.deep.equal(['Story 3', 'Story 2']);
    expect(cards(feed).map((c) => [...c.querySelectorAll('p')].map((p) => p.textContent))[0]).to.deep.equal([
      'Paragraph one of 3.',
      'Paragraph two.',
    ]);
    expect(cards(feed).map((c) => article(c).getAttribute('aria-posinset'))).to.deep.equal(['1', '2']);
    // The endpoint's first page says how many there are: each card has its place from the start.
    expect(cards(feed).map((c) => article(c).getAttribute('aria-setsize'))).to.deep.equal(['3', '3']);
    await expectAxeClean(feed);
    buttonNamed(root(feed), 'Load more stories').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => cards(feed).length === 3, 'third story');
    await until(() => deepActive() === article(cards(feed)[2]), 'focus on the new story');
    await cards(feed)[2].updateComplete;
    expect(article(cards(feed)[2]).getAttribute('aria-setsize')).to.equal('3');
    expect(root(feed).textContent).to.contain('You’ve reached the end.');
  });

  it('the next page is fetched while the first is read, so Load more shows it at once: no second request, no "Loading…"', async () => {
    const tag = uniqueSubject('prefetch');
    const scope = uniqueSubject('prefetch-scope');
    await publishThree(tag);
    // Watched, not replaced: to know when the page after has reached the browser.
    const responses: Promise<Response>[] = [];
    const realFetch = window.fetch;
    window.fetch = (...args: Parameters<typeof fetch>) => {
      const response = realFetch(...args);
      responses.push(response);
      return response;
    };
    try {
      const feed = await fixture<MutualStoryFeed>(
        html`<mutual-story-feed endpoint=${`/events?scope=${scope}`} tag=${tag} page-size="2"></mutual-story-feed>`,
      );
      await loaded(feed);
      await until(() => responses.length === 2, 'first page and the one after it');
      await Promise.all(responses);
      await new Promise((r) => setTimeout(r, 100)); // its body read, as the feed does
      const base = root(feed).querySelector('[part="base"]')!;
      const busy: (string | null)[] = [];
      const observer = new MutationObserver(() => busy.push(base.getAttribute('aria-busy')));
      observer.observe(base, { attributes: true, attributeFilter: ['aria-busy'] });
      buttonNamed(root(feed), 'Load more stories').click();
      await feed.updateComplete;
      observer.disconnect();
      expect(cards(feed).length).to.equal(3);
      expect(busy).to.not.include('true');
      expect(root(feed).textContent).to.contain('You’ve reached the end.');
      expect(await getCount(scope)).to.equal(2);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('cards the page rendered stay first; the loaded ones follow, without a duplicate', async () => {
    const tag = uniqueSubject('ssr');
    await publishThree(tag);
    const feed = await fixture<MutualStoryFeed>(html`<mutual-story-feed endpoint="/events" tag=${tag}>
      <mutual-story-card story-id=${`${tag}-1`} heading="Server-rendered"><p>From the page.</p></mutual-story-card>
    </mutual-story-feed>`);
    await loaded(feed);
    expect(feed.querySelector('mutual-story-card')!.getAttribute('heading')).to.equal('Server-rendered');
    expect(cards(feed).map((c) => c.getAttribute('heading'))).to.deep.equal(['Story 3', 'Story 2']);
    await feed.querySelector<MutualStoryCard>('mutual-story-card')!.updateComplete;
    expect(article(feed.querySelector('mutual-story-card')!).getAttribute('aria-posinset')).to.equal('1');
  });

  it('a card the page rendered that the endpoint also lists counts once in every card’s place (aria-setsize)', async () => {
    const tag = uniqueSubject('ssr-size');
    await publishThree(tag);
    const feed = await fixture<MutualStoryFeed>(html`<mutual-story-feed endpoint="/events" tag=${tag} page-size="2">
      <mutual-story-card story-id=${`${tag}-3`} heading="Server-rendered"><p>From the page.</p></mutual-story-card>
    </mutual-story-feed>`);
    await loaded(feed);
    const own = feed.querySelector<MutualStoryCard>('mutual-story-card')!;
    await Promise.all([own, ...cards(feed)].map((c) => c.updateComplete));
    // The first page (3, 2) repeats the page's own card: three stories in all, not four.
    expect(cards(feed).map((c) => c.getAttribute('heading'))).to.deep.equal(['Story 2']);
    expect([own, ...cards(feed)].map((c) => article(c).getAttribute('aria-setsize'))).to.deep.equal(['3', '3']);
  });

  it('with infinite, the next pages load as the reader nears the end (the button stays for keyboards)', async () => {
    const tag = uniqueSubject('infinite');
    for (const n of [1, 2, 3, 4, 5, 6])
      await publishStory({ id: `${tag}-${n}`, heading: `Story ${n}`, text: 'Words.', tags: [tag] });
    const feed = await fixture<MutualStoryFeed>(
      html`<mutual-story-feed endpoint="/events" tag=${tag} page-size="2" infinite></mutual-story-feed>`,
    );
    // The reader scrolls; nobody clicks.
    await until(() => {
      root(feed).querySelector('.more')?.scrollIntoView();
      return cards(feed).length === 6;
    }, 'all six loaded without a click');
    expect(cards(feed).map((c) => c.getAttribute('heading'))).to.deep.equal([
      'Story 6',
      'Story 5',
      'Story 4',
      'Story 3',
      'Story 2',
      'Story 1',
    ]);
    await until(() => root(feed).textContent!.includes('You’ve reached the end.'), 'the end');
  });

  it('offline: says so with a retry, and loads by itself when the connection is back', async () => {
    const tag = uniqueSubject('offline');
    await publishStory({ id: `${tag}-1`, heading: 'Back online', text: 'Words.', tags: [tag] });
    await peer.open(`/tests/helpers/feed-page.html?tag=${encodeURIComponent(tag)}`);
    try {
      await until(async () => (await peer.eval<string[]>('headings()')).length === 1, 'loaded online');
      await peer.setOffline(true);
      await peer.eval(`mount(${JSON.stringify(tag)})`);
      await until(async () => (await peer.eval<string>('footer()')).includes('You’re offline'), 'offline state');
      expect(await peer.eval<string>('footer()')).to.contain('Try again');
      await peer.setOffline(false);
      await until(
        async () => JSON.stringify(await peer.eval<string[]>('headings()')) === '["Back online"]',
        'reloaded',
      );
    } finally {
      await peer.setOffline(false);
      await peer.close();
    }
  });

  for (const [theme, locale, forced] of [
    ['dark', 'en', false],
    ['light', 'ar', false],
    ['light', 'en', true],
  ] as const) {
    it(`is axe-clean with stories (${theme}, ${locale}${forced ? ', forced colours' : ''})`, async () => {
      const tag = uniqueSubject('axe');
      await publishThree(tag);
      if (forced) await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
      try {
        const feed = await fixture<MutualStoryFeed>(
          html`<mutual-story-feed endpoint="/events" tag=${tag} theme=${theme} locale=${locale} page-size="2"></mutual-story-feed>`,
        );
        await loaded(feed);
        await Promise.all(cards(feed).map((c) => c.updateComplete));
        await expectAxeClean(feed);
      } finally {
        await emulateMedia([]);
      }
    });
  }

  it('responses come in pages: "More responses" adds the next ones, none twice', async () => {
    const tag = uniqueSubject('paged');
    await publishStory({ id: tag, heading: 'Many replies', text: 'A story many answered.', tags: [tag] });
    const texts = Array.from({ length: 25 }, (_, i) => `Reply ${String(i + 1).padStart(2, '0')} — ${tag}`);
    await fetch('/events', {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify(
        texts.map((text) =>
          createEnvelope(EventTypes.storyResponse, { text, storyId: tag }, { source: '/t', subject: tag }),
        ),
      ),
    });
    for (const text of texts) await approveItem(text);
    const feed = await fixture<MutualStoryFeed>(
      html`<mutual-story-feed endpoint="/events" tag=${tag} no-trace></mutual-story-feed>`,
    );
    await loaded(feed);
    const [card] = cards(feed);
    await card.updateComplete;
    buttonNamed(root(card), '25 peers responded').click();
    const listed = () => [...root(card).querySelectorAll('#responses li p')].map((p) => p.textContent);
    await until(() => listed().length === 20, 'the first page');
    buttonNamed(root(card), 'More responses').click();
    await until(() => listed().length === 25, 'the next page');
    expect(listed()).to.deep.equal(texts);
    expect(buttonNamed(root(card), 'More responses')).to.equal(undefined);
  });

  it('empty and error states say so, with a retry', async () => {
    const empty = await fixture<MutualStoryFeed>(
      html`<mutual-story-feed endpoint="/events" tag=${uniqueSubject('none')}></mutual-story-feed>`,
    );
    await loaded(empty);
    expect(root(empty).textContent).to.contain('No stories here yet.');
    expect(buttonNamed(root(empty), 'Try again')).not.to.equal(undefined);
    const broken = await fixture<MutualStoryFeed>(
      html`<mutual-story-feed endpoint="http://127.0.0.1:9/events"></mutual-story-feed>`,
    );
    await until(() => root(broken).querySelector('[role="alert"]'), 'error shown');
    expect(root(broken).querySelector('[role="alert"]')!.textContent).to.contain('Stories couldn’t load just now.');
    await expectAxeClean(broken);
  });

  it('a response goes through review: waiting for review for its writer only, then "1 peer responded" for everyone', async () => {
    const tag = uniqueSubject('responses');
    await publishStory({ id: tag, heading: 'Respond to me', text: 'A story to respond to.', tags: [tag] });
    const feed = await fixture<MutualStoryFeed>(
      html`<mutual-story-feed endpoint="/events" tag=${tag}></mutual-story-feed>`,
    );
    await loaded(feed);
    const [card] = cards(feed);
    await card.updateComplete;
    buttonNamed(root(card), 'Share your experience').click();
    await card.updateComplete;
    root(card).querySelector<HTMLTextAreaElement>('textarea')!.focus();
    const words = `I felt the same — ${tag}`;
    await sendKeys({ type: words });
    buttonNamed(root(card), 'Send').click();
    await until(() => root(card).querySelector('.mine'), 'own response shown');
    expect(root(card).querySelector('.mine')!.textContent).to.contain('Waiting for review');
    expect(root(card).querySelector('.mine')!.textContent).to.contain(words);
    // Another reader (no memory of it) sees nothing yet.
    const other = await fixture<MutualStoryFeed>(
      html`<mutual-story-feed endpoint="/events" tag=${tag} no-trace></mutual-story-feed>`,
    );
    await loaded(other);
    await cards(other)[0].updateComplete;
    expect(root(cards(other)[0]).textContent).not.to.contain(words);
    await until(async () => {
      try {
        await approveItem(words);
        return true;
      } catch {
        return false;
      }
    }, 'approved');
    const later = await fixture<MutualStoryFeed>(
      html`<mutual-story-feed endpoint="/events" tag=${tag} no-trace></mutual-story-feed>`,
    );
    await loaded(later);
    const laterCard = cards(later)[0];
    await laterCard.updateComplete;
    const toggle = buttonNamed(root(laterCard), '1 peer responded');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root(laterCard).querySelector('#responses li'), 'responses listed');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(root(laterCard).querySelector('#responses li p')!.textContent).to.equal(words);
    await expectAxeClean(later);
  });
});

describe('<mutual-story-feed>: every text a member wrote keeps its own direction', () => {
  it('in Arabic, an English story reads left to right: its title, its paragraphs and the name it is shared under', async () => {
    const tag = uniqueSubject('bidi');
    await publishStory({
      id: `${tag}-1`,
      heading: 'The evenings were the hardest.',
      author: 'River',
      text: 'I said “me too”, and it helped.\n\nThen I slept.',
      tags: [tag],
    });
    const feed = await fixture<MutualStoryFeed>(
      html`<mutual-story-feed endpoint="/events" tag=${tag} locale="ar"></mutual-story-feed>`,
    );
    await loaded(feed);
    const [card] = await until(() => cards(feed).length && cards(feed), 'a card');
    await until(() => card.shadowRoot?.querySelector('[part="heading"]'), 'card rendered');
    expect(article(card).getAttribute('dir')).to.equal('rtl');
    const heading = card.shadowRoot!.querySelector('[part="heading"]')!;
    expect(heading.matches(':dir(ltr)'), 'title').to.equal(true);
    const paragraphs = [...card.querySelectorAll('p')];
    expect(paragraphs.map((p) => p.matches(':dir(ltr)'))).to.deep.equal([true, true]);
    // The name sits isolated inside the Arabic sentence, so its punctuation stays where it was written.
    expect(card.shadowRoot!.querySelector('[part="meta"]')!.textContent).to.contain('\u2068River\u2069');
  });
});
