import { expect } from '@open-wc/testing';
import { ENDPOINT, until } from '../helpers/collector.js';
import { expectAxeClean } from '../helpers/browser.js';
import { auth } from '../helpers/moderation.js';
import { DeviceKeys, writeItem } from '../../src/core/delivery/device-storage.js';

/**
 * The server-rendered story page (demo/ssr/render-story-page.ts, Lit SSR), served by this test
 * server from the collector's published stories: read with scripts off, then hydrated with them on.
 */
const tag = `ssr-${Math.random().toString(36).slice(2, 8)}`;
const STORIES = [
  { id: `${tag}-a`, heading: 'The evenings were the hardest', text: 'A short walk each night <b>helped</b>.' },
  { id: `${tag}-b`, heading: 'A warned story', text: 'What happened that winter.', contentWarning: ['self-harm'] },
  { id: `${tag}-c`, heading: 'Sleep came back slowly', text: 'Writing worries down before bed.', tags: ['sleep'] },
];

before(async () => {
  // Published oldest first: the feed shows the newest first (c, b, then a on the next page).
  for (const { id, ...story } of STORIES) {
    const res = await fetch(`${ENDPOINT}/moderation/stories`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ id, ...story, tags: [tag, ...(story.tags ?? [])] }),
    });
    expect(res.status).to.equal(201);
  }
});

const pageUrl = `/ssr/story-page.html?tag=${tag}&limit=2`;
const cards = (root: ParentNode) => [...root.querySelectorAll('mutual-story-card')];
const shadowText = (card: Element) => card.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

/**
 * The page in a frame with its script, once the script defined the elements; page errors after
 * the load are kept. `close` removes the frame.
 */
async function openHydrated() {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px';
  document.body.append(frame);
  frame.src = pageUrl;
  try {
    await until(
      () => frame.contentDocument?.URL.includes('/ssr/') && frame.contentDocument.readyState === 'complete',
      'the page loaded',
    );
    const win = frame.contentWindow as Window & { ssrHeadings: (Element | null)[] };
    const errors: string[] = [];
    win.addEventListener('error', (e) => errors.push(e.message));
    await until(() => win.customElements.get('mutual-story-card'), 'the script defined the elements');
    return { win, doc: frame.contentDocument!, errors, close: () => frame.remove() };
  } catch (error) {
    frame.remove();
    throw error;
  }
}

describe('server-rendered story page (Lit SSR)', () => {
  it('with scripts off: the stories are readable as text, a warned one behind its warning, and axe passes', async () => {
    const html = await (await fetch(pageUrl)).text();
    expect(html).to.contain('Writing worries down before bed.');
    expect(html, 'story text is text, never markup').not.to.contain('<b>helped</b>');
    // The page's markup in this document, where no Mutual element is defined and its script does not run.
    const body = new DOMParser().parseFromString(html, 'text/html').body;
    const container = document.createElement('div');
    container.setHTMLUnsafe(body.innerHTML.replace(/<script[\s\S]*?<\/script>/g, ''));
    document.body.append(container);
    try {
      expect(customElements.get('mutual-story-card')).to.equal(undefined);
      const [first, warned] = cards(container);
      expect(first.shadowRoot, 'declarative shadow DOM').not.to.equal(null);
      expect(shadowText(first)).to.contain('Sleep came back slowly');
      expect(first.textContent).to.contain('Writing worries down before bed.');
      expect(first.shadowRoot!.querySelector('slot'), "the story's text is shown").not.to.equal(null);
      const bar = first.shadowRoot!.querySelector('mutual-me-too');
      expect(bar?.shadowRoot?.textContent, 'its reaction bar is there too, so nothing shifts later').to.contain(
        'Me too',
      );
      expect(shadowText(warned)).to.contain('This story mentions self-harm.');
      expect(warned.shadowRoot!.querySelector('slot'), 'the warned text stays behind its warning').to.equal(null);
      const hidden = [...warned.querySelectorAll('p')].every((p) => p.getClientRects().length === 0);
      expect(hidden, 'the warned text takes no space on the page').to.equal(true);
      await expectAxeClean(container);
    } finally {
      container.remove();
    }
  });

  it('with scripts on: it hydrates in place, with no second request for these stories, and works', async () => {
    const { win, doc, errors, close } = await openHydrated();
    try {
      const [first, warned] = cards(doc) as (HTMLElement & { updateComplete: Promise<unknown> })[];
      await first.updateComplete;
      await warned.updateComplete;
      // The same heading nodes the server sent: hydrated, not rendered again.
      expect(win.ssrHeadings.length).to.equal(2);
      cards(doc).forEach((card, i) =>
        expect(card.shadowRoot!.querySelector('[part=heading]'), `card ${i}`).to.equal(win.ssrHeadings[i]),
      );
      // Working: the warned story opens on "Show story".
      const show = [...warned.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Show story')!;
      show.click();
      await until(() => warned.shadowRoot!.querySelector('slot'), 'the warned story shown');
      // The feed goes on from the server's cursor: "Load more" fetches only the next page.
      const feed = doc.querySelector('mutual-story-feed')!;
      const more = await until(
        () => feed.shadowRoot!.querySelector<HTMLButtonElement>('button.more'),
        'Load more, from the server’s cursor',
      );
      const storyRequests = () =>
        win.performance.getEntriesByType('resource').filter((r) => r.name.includes('?stories')).length;
      expect(storyRequests(), 'no request for the stories the server rendered').to.equal(0);
      more.click();
      await until(
        () =>
          shadowText(feed).includes('The evenings were the hardest') ||
          feed.shadowRoot!.querySelector('mutual-story-card'),
        'the next page',
      );
      expect(storyRequests()).to.equal(1);
      expect(cards(feed.shadowRoot!).map((c) => c.getAttribute('story-id'))).to.deep.equal([`${tag}-a`]);
      expect(errors).to.deep.equal([]);
    } finally {
      close();
    }
  });

  it('a topic this reader hid stays behind its warning once the page hydrates, with no hydration error', async () => {
    writeItem(DeviceKeys.hiddenTopics(), JSON.stringify(['sleep']));
    const { doc, errors, close } = await openHydrated();
    try {
      const [sleep] = cards(doc);
      await until(() => shadowText(sleep).includes('Topics I’d rather not see'), 'the reader’s hidden topic applied');
      expect(sleep.shadowRoot!.querySelector('slot'), 'the text is behind the warning').to.equal(null);
      expect(shadowText(sleep)).to.contain('Sleep came back slowly');
      expect(errors).to.deep.equal([]);
    } finally {
      writeItem(DeviceKeys.hiddenTopics(), undefined);
      close();
    }
  });

  it('a press this device made while offline shows, counted once, once the page hydrates', async () => {
    // Pressed, not sent yet: the server's count (0) does not hold it, so the bar adds it, once.
    writeItem(DeviceKeys.reactions(`${tag}-c`), JSON.stringify({ active: ['me-too'], sent: [] }));
    const { doc, errors, close } = await openHydrated();
    try {
      const [sleep] = cards(doc);
      const button = () =>
        sleep.shadowRoot?.querySelector('mutual-me-too')?.shadowRoot?.querySelector<HTMLButtonElement>('button');
      await until(() => button()?.getAttribute('aria-pressed') === 'true', 'the device’s press shown after hydration');
      expect(button()!.textContent).to.equal('Me too 1');
      expect(errors).to.deep.equal([]);
    } finally {
      writeItem(DeviceKeys.reactions(`${tag}-c`), undefined);
      close();
    }
  });
});
