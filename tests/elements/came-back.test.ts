import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/share-story/define.js';
import '../../src/came-back/define.js';
import '../../src/moderation-queue/define.js';
import type { MutualModerationQueue } from '../../src/moderation-queue/moderation-queue.js';
import type { MutualShareStory } from '../../src/share-story/share-story.js';
import type { MutualCameBack } from '../../src/came-back/came-back.js';
import { createEnvelope, EventTypes, type MutualEnvelope } from '../../src/core/protocol/envelope.js';
import { buttonNamed, deepActive, emulateMedia, expectAxeClean } from '../helpers/browser.js';
import { ENDPOINT, moderateItem, stored, TEST_MODERATOR_TOKEN, uniqueSubject, until } from '../helpers/collector.js';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element) => root(el).textContent!.replace(/\s+/g, ' ');

/** Peers elsewhere: their reactions and words, posted as their own pages would post them. */
const post = (events: MutualEnvelope[]) =>
  fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/cloudevents-batch+json' },
    body: JSON.stringify(events),
  });
const peerKey = () => crypto.randomUUID().replaceAll('-', '');
/** One more peer's reaction to a story. */
const reaction = (name: string, subject: string) =>
  createEnvelope(EventTypes.reactionAdded, { reaction: name, reactor: peerKey() }, { source: '/p', subject });

/** A member writes a story in the composer, as they would, until the endpoint acknowledged it. */
async function shareStory(heading: string, words: string): Promise<string> {
  const el = document.createElement('mutual-share-story') as MutualShareStory;
  el.setAttribute('endpoint', ENDPOINT);
  el.setAttribute('draft-id', uniqueSubject('came-back-form'));
  await fixture(el);
  const field = (selector: string) => root(el).querySelector<HTMLElement>(selector)!;
  field('#story-heading').focus();
  await sendKeys({ type: heading });
  field('#story-text').focus();
  await sendKeys({ type: words });
  field('#story-consent').click();
  buttonNamed(root(el), 'Send to the moderators').click();
  await until(
    () => root(el).querySelector('[part="status"]')?.textContent === 'It has reached the moderators.',
    'acknowledged',
  );
  const story = await until(
    async () => (await stored({ type: EventTypes.storySubmitted })).find((e) => String(e.data.text).includes(words)),
    'the story stored',
  );
  el.remove();
  return story.subject ?? story.id;
}

async function cameBack(attrs: Record<string, string> = {}) {
  const el = document.createElement('mutual-came-back') as MutualCameBack;
  el.setAttribute('endpoint', ENDPOINT);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return fixture<MutualCameBack>(el);
}

describe('<mutual-came-back>', () => {
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('mutual:')) localStorage.removeItem(key);
  });

  it('a member who shared a story sees what came back: a neutral "new" count, then reactions and responses as text', async () => {
    const words = `The evenings were long ${uniqueSubject('came-back')}`;
    const id = await shareStory('Evenings', words);
    await moderateItem((t) => t.includes(words), 'approve');
    // Two other peers: "me too" and strength, and a response that a moderator approves.
    const reply = `Me too <b>${uniqueSubject('reply')}</b>`;
    await post([
      reaction('me-too', id),
      reaction('me-too', id),
      reaction('strength', id),
      createEnvelope(
        EventTypes.storyResponse,
        { text: reply, storyId: id, authorKey: peerKey() },
        { source: '/p', subject: id },
      ),
    ]);
    await moderateItem((t) => t === reply, 'approve');

    const el = await cameBack();
    const button = () => root(el).querySelector<HTMLButtonElement>('[part="button"]')!;
    await until(() => root(el).querySelector('[part="badge"]'), 'the badge');
    // Closed: a neutral count only, never a title or a word.
    expect(button().textContent!.replace(/\s+/g, ' ').trim()).to.equal('What came back 4 new');
    expect(text(el)).not.to.contain('Evenings');
    expect(button().getAttribute('aria-expanded')).to.equal('false');

    button().focus();
    await sendKeys({ press: 'Enter' });
    await until(() => text(el).includes('peer responded'), 'the panel with what came back');
    expect(button().getAttribute('aria-expanded')).to.equal('true');
    expect(deepActive()?.getAttribute('part')).to.equal('title', 'focus moves to the panel');
    expect(text(el)).to.contain('Your story “\u2068Evenings\u2069”', 'the title isolated in its own direction');
    expect(text(el)).to.contain('2 said me too · 1 sent strength');
    expect(text(el)).to.contain('1 peer responded:');
    const quote = root(el).querySelector('blockquote')!;
    expect(quote.textContent).to.equal(reply, 'a peer’s words as text');
    expect(quote.querySelector('b')).to.equal(null);
    await expectAxeClean(el);

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(root(el).querySelector('[part="panel"]')).to.equal(null);
    expect(deepActive()).to.equal(button(), 'focus returns to the button');
    expect(root(el).querySelector('[part="badge"]')).to.equal(null, 'seen: nothing new any more');

    // Something more comes back later: the badge counts only that.
    await post([reaction('helped', id)]);
    const later = await cameBack();
    await until(() => root(later).querySelector('[part="badge"]'), 'the badge for the new one');
    expect(root(later).querySelector('[part="badge"]')!.textContent).to.equal('1 new');
  });

  it('not published, and why: the moderator picks a reason by keyboard, the writer is told kindly what it means', async () => {
    const words = `My street and my school ${uniqueSubject('reason')}`;
    await shareStory('Where I live', words);
    const queue = document.createElement('mutual-moderation-queue') as MutualModerationQueue;
    queue.setAttribute('endpoint', ENDPOINT);
    queue.token = TEST_MODERATOR_TOKEN;
    await fixture(queue);
    root(queue).querySelector<HTMLButtonElement>('#tab-story')?.click();
    const item = await until(
      () => [...root(queue).querySelectorAll<HTMLElement>('[part="item"]')].find((i) => i.textContent!.includes(words)),
      'the story in the queue',
    );
    const select = item.querySelector('select')!;
    expect(select.closest('label')!.textContent).to.contain('Reason to tell the writer, if you hide it');
    select.focus();
    // In the field, "h" is the field's own (it picks "Harmful detail") and hides nothing.
    await sendKeys({ press: 'h' });
    expect(select.selectedOptions[0].textContent).to.equal('Harmful detail');
    expect(item.isConnected).to.equal(true);
    await sendKeys({ press: 'Home' });
    for (let i = 0; i < 2; i++) await sendKeys({ press: 'ArrowDown' });
    expect(select.selectedOptions[0].textContent).to.equal('Could identify the writer');
    item.focus();
    await sendKeys({ press: 'h' });
    // Lit reuses list items by place: the story is gone when no item holds its words.
    await until(
      () => ![...root(queue).querySelectorAll('[part="item"]')].some((i) => i.textContent!.includes(words)),
      'hidden',
    );
    queue.remove();

    const el = await cameBack();
    root(el).querySelector<HTMLButtonElement>('[part="button"]')!.click();
    await until(() => text(el).includes('Not published.'), 'the panel');
    expect(text(el)).to.contain(
      'Not published. It held details that could identify you, so it wasn’t shared, to keep you safe here.',
    );
    await expectAxeClean(el);
    // The composer's "Your stories on this device" says it too.
    const composer = document.createElement('mutual-share-story') as MutualShareStory;
    composer.setAttribute('endpoint', ENDPOINT);
    await fixture(composer);
    const mine = await until(
      () =>
        [...root(composer).querySelectorAll<HTMLButtonElement>('button')].find((b) => /Your stor/.test(b.textContent!)),
      'the list of this device’s stories',
    );
    mine.click();
    await until(() => text(composer).includes('could identify you'), 'the reason in the list');
    expect(text(composer)).to.contain('Not published: the moderators decided not to share this one. It held details');
  });

  it('nothing to show under no-trace, or after "Forget me": the panel says why, and sends no keys', async () => {
    const words = `Kept then forgotten ${uniqueSubject('forget')}`;
    await shareStory('Forgotten', words);
    const requests: string[] = [];
    const observer = new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => e.name.includes('/events/mine') && requests.push(e.name)),
    );
    observer.observe({ type: 'resource', buffered: false });
    const noTrace = await cameBack({ 'no-trace': '' });
    root(noTrace).querySelector<HTMLButtonElement>('[part="button"]')!.click();
    await noTrace.updateComplete;
    expect(text(noTrace)).to.contain('This site keeps nothing on this device, so there is nothing to show here.');
    for (const key of Object.keys(localStorage)) if (key.startsWith('mutual:')) localStorage.removeItem(key);
    const forgotten = await cameBack();
    root(forgotten).querySelector<HTMLButtonElement>('[part="button"]')!.click();
    await forgotten.updateComplete;
    await until(() => text(forgotten).includes('Nothing here yet'), 'nothing to show');
    observer.disconnect();
    expect(requests).to.deep.equal([], 'no keys left the device');
  });

  it('the open panel is axe-clean in dark, in Arabic and in forced colours, and its marks stay visible', async () => {
    const words = `A quiet morning ${uniqueSubject('came-back-themes')}`;
    const id = await shareStory('Mornings', words);
    await moderateItem((t) => t.includes(words), 'approve');
    await post([reaction('me-too', id)]);
    const opened = async (attrs: Record<string, string>) => {
      const el = await cameBack(attrs);
      // Seen once, the badge is gone on the next ones: open the panel as soon as the element is there.
      root(el).querySelector<HTMLButtonElement>('[part="button"]')!.click();
      await until(() => text(el).includes('Mornings'), 'the panel with the story');
      return el;
    };
    const dark = await opened({ theme: 'dark' });
    const panel = root(dark).querySelector('[part="panel"]')!;
    expect(getComputedStyle(panel).backgroundColor).not.to.equal(getComputedStyle(document.body).backgroundColor);
    await expectAxeClean(dark);
    const ar = await opened({ locale: 'ar' });
    expect(root(ar).querySelector('[dir]')!.getAttribute('dir')).to.equal('rtl');
    expect(text(ar)).to.contain('\u2068Mornings\u2069', 'the English title in its own direction');
    await expectAxeClean(ar);
    await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
    try {
      const forced = await opened({});
      const badge = root(forced).querySelector('[part="button"]')!;
      // The button keeps a visible edge when forced colours drop backgrounds.
      expect(getComputedStyle(badge).borderStyle).not.to.equal('none');
      await expectAxeClean(forced);
    } finally {
      await emulateMedia([]);
    }
  });

  it('speaks Spanish and Arabic (right to left)', async () => {
    const es = await cameBack({ locale: 'es' });
    await until(() => text(es).includes('Lo que te llegó'), 'Spanish');
    const ar = await cameBack({ locale: 'ar' });
    await until(() => text(ar).includes('ما عاد إليك'), 'Arabic');
    expect(root(ar).querySelector('[dir]')!.getAttribute('dir')).to.equal('rtl');
  });
});
