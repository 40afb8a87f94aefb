import { expect } from '@open-wc/testing';
import { EventTypes } from '../../src/core/protocol/envelope.js';
import { publishStory, storedAtLeast, uniqueSubject, until } from '../helpers/collector.js';

type PlacementWindow = Window & typeof globalThis & { warnings: string[]; ready: Promise<void> };

const ENTRIES = ['cdn', 'single', 'loader', 'npm', 'late-provider'] as const;

/** Where each placement's reaction bar is, as a person would find it on the page; and its subject. */
const PLACEMENTS: Record<
  string,
  (doc: Document, s: string) => { bar: Element | null | undefined; subject: string; card?: Element | null }
> = {
  'directly in a provider': (doc, s) => ({
    bar: doc.querySelector(`mutual-me-too[subject="${s}-direct"]`),
    subject: `${s}-direct`,
  }),
  'a card the page wrote inside a feed': (doc, s) => {
    const card = doc.querySelector(`mutual-story-card[story-id="${s}-written"]`);
    return { card, bar: card?.shadowRoot?.querySelector('mutual-me-too'), subject: `${s}-written` };
  },
  'a card the feed loaded': (doc, s) => {
    const card = doc
      .querySelector('mutual-story-feed')
      ?.shadowRoot?.querySelector(`mutual-story-card[story-id="${s}-loaded"]`);
    return { card, bar: card?.shadowRoot?.querySelector('mutual-me-too'), subject: `${s}-loaded` };
  },
  "inside the host's own shadow root": (doc, s) => ({
    bar: doc.querySelector('site-panel')?.shadowRoot?.querySelector('mutual-me-too'),
    subject: `${s}-shadow`,
  }),
  'added late (the loader upgrades it when it appears)': (doc, s) => ({
    bar: doc.querySelector(`#late mutual-me-too`),
    subject: `${s}-late`,
  }),
};

async function open(url: string): Promise<PlacementWindow> {
  const frame = document.createElement('iframe');
  Object.assign(frame.style, { width: '1000px', height: '800px' });
  frame.src = url;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const win = frame.contentWindow as PlacementWindow;
  await win.ready;
  return win;
}

describe('settings reach every element, wherever the page puts it, from every entry', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  for (const entry of ENTRIES)
    it(`${entry}: each placement sends to the provider's endpoint, in its language and theme, leaving no trace`, async () => {
      const s = uniqueSubject(`place-${entry}`);
      await publishStory({ id: `${s}-loaded`, heading: 'Loaded by the feed', text: 'A published story.', tags: [s] });
      const win = await open(`/tests/helpers/placements-page.html?entry=${entry}&endpoint=/events&tag=${s}&s=${s}`);
      for (const [placement, find] of Object.entries(PLACEMENTS)) {
        const { subject } = find(win.document, s);
        // A card renders its bar as it nears the reader's view, as a reader scrolls to it.
        const button = await until(() => {
          const found = find(win.document, s);
          found.card?.scrollIntoView();
          return found.bar?.shadowRoot?.querySelector<HTMLButtonElement>('button');
        }, `${placement}: the bar rendered`);
        const bar = find(win.document, s).bar!;
        // The provider's locale="es" and theme="dark" arrive.
        await until(() => button.textContent!.includes('A mí también'), `${placement}: Spanish`);
        expect(win.getComputedStyle(bar).colorScheme, `${placement}: theme`).to.equal('dark');
        button.click();
        const [event] = await storedAtLeast({ subject, type: EventTypes.reactionAdded });
        expect(event.data, placement).to.include({ reaction: 'me-too' });
        expect(button.getAttribute('aria-pressed'), placement).to.equal('true');
      }
      // no-trace arrived everywhere: nothing of Mutual on the device.
      expect(Object.keys(win.localStorage).filter((k) => k.startsWith('mutual'))).to.deep.equal([]);
      expect(win.warnings.filter((w) => /endpoint/i.test(w))).to.deep.equal([]);
    });
});
