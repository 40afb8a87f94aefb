import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/share-story/define.js';
import '../../src/story-feed/define.js';
import type { MutualShareStory } from '../../src/share-story/share-story.js';
import type { MutualStoryFeed } from '../../src/story-feed/story-feed.js';
import { EventTypes } from '../../src/core/protocol/envelope.js';
import { buttonNamed, deepActive, emulateMedia, expectAxeClean, peer } from '../helpers/browser.js';
import {
  ENDPOINT,
  injectFault,
  moderateItem,
  requestCount,
  scoped,
  stored,
  TEST_MODERATOR_TOKEN,
  uniqueSubject,
  until,
} from '../helpers/collector.js';
import { XSS_PAYLOADS } from '../helpers/xss-payloads.js';

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => root(el).querySelector<T>(sel)!;
const settle = async (el: Element & { updateComplete: Promise<unknown> }) => {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
};

async function composer(attrs = '') {
  const el = document.createElement('mutual-share-story') as MutualShareStory;
  el.setAttribute('endpoint', scoped('share').endpoint);
  el.setAttribute('warning-topics', 'relapse, self-harm');
  el.setAttribute('tags', 'recovery, family');
  el.setAttribute('draft-id', uniqueSubject('form'));
  if (attrs) for (const [k, v] of new URLSearchParams(attrs)) el.setAttribute(k, v);
  return fixture<MutualShareStory>(el);
}

/** Types into a field the way a person does: focus, then keys. */
async function type(el: MutualShareStory, selector: string, text: string) {
  $<HTMLElement>(el, selector).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

/** Writes a story as a person does (a topic of its own when `tag` is given), says yes, and sends it. */
async function writeAndSend(el: MutualShareStory, heading: string, text: string, tag?: string) {
  await type(el, '#story-heading', heading);
  await type(el, '#story-text', text);
  if (tag) {
    await type(el, '#own-tags', tag);
    await sendKeys({ press: 'Enter' });
  }
  $<HTMLInputElement>(el, '#story-consent').click();
  buttonNamed(root(el), 'Send to the moderators').click();
}

/** Until the endpoint acknowledged the story just sent. */
const acknowledged = (el: MutualShareStory) =>
  until(
    () => root(el).querySelector('[part="status"]')?.textContent === 'It has reached the moderators.',
    'acknowledged',
  );

/** Until the story waits on the device for a retry. */
const queued = (el: MutualShareStory) =>
  until(() => root(el).querySelector('[part="status"]')?.textContent?.includes('Saved on this device'), 'queued');

/** "Take it back", then its confirm button, and until the story is taken back. */
async function takeBack(el: MutualShareStory, timeout?: number) {
  $(el, '#take-back').click();
  await settle(el);
  $(el, '#take-back-confirm').click();
  await until(() => root(el).querySelector('#taken-back'), 'taken back', timeout);
}

async function feedFor(tag: string) {
  const feed = await fixture<MutualStoryFeed>(
    html`<mutual-story-feed endpoint="/events" tag=${tag}></mutual-story-feed>`,
  );
  await until(
    () => feed.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false',
    'feed loaded',
  );
  return feed;
}

const cardHeadings = (feed: MutualStoryFeed) =>
  [...root(feed).querySelectorAll('mutual-story-card')].map((c) => c.getAttribute('heading'));

describe('<mutual-share-story>', () => {
  it('keyboard only: write, choose topics, preview exactly as the card, send; a moderator approves; the feed shows it', async () => {
    const tag = uniqueSubject('tag');
    const el = await composer();
    await type(el, '#story-heading', 'The first winter');
    await type(el, '#story-text', 'The evenings were long.\n\nA peer texted me every night at nine.');
    buttonNamed(root(el), 'relapse').focus();
    await sendKeys({ press: 'Enter' });
    await type(el, '#own-tags', tag);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(buttonNamed(root(el), tag).getAttribute('aria-pressed')).to.equal('true');
    await type(el, '#story-author', 'Robin');
    $<HTMLInputElement>(el, '#story-consent').focus();
    await sendKeys({ press: 'Space' });
    buttonNamed(root(el), 'Preview').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(deepActive()?.id).to.equal('preview-title');
    const card = $(el, 'mutual-story-card');
    expect(card.getAttribute('heading')).to.equal('The first winter');
    expect(card.getAttribute('content-warning')).to.equal('relapse');
    expect([...card.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal([
      'The evenings were long.',
      'A peer texted me every night at nine.',
    ]);
    await expectAxeClean(el);
    buttonNamed(root(el), 'Send to the moderators').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(deepActive()?.id).to.equal('thanks');
    expect(root(el).textContent).to.contain('A moderator will read it first');
    const [row] = await until(async () => {
      const rows = (await stored({ type: EventTypes.storySubmitted })).filter((e) =>
        (e.data.tags as string[])?.includes(tag),
      );
      return rows.length > 0 && rows;
    }, 'the story stored');
    // The author key that lets the writer take the story down is stored only as its hash.
    const { authorKey, ...data } = row.data;
    expect(authorKey).to.match(/^[0-9a-f]{64}$/);
    expect(Object.values(localStorage)).not.to.include(JSON.stringify(authorKey));
    expect(data).to.deep.equal({
      heading: 'The first winter',
      text: 'The evenings were long.\n\nA peer texted me every night at nine.',
      tags: [tag],
      contentWarning: ['relapse'],
      author: 'Robin',
    });
    await until(
      () => root(el).querySelector('[part="status"]')?.textContent === 'It has reached the moderators.',
      'acknowledged',
    );
    expect(cardHeadings(await feedFor(tag))).to.deep.equal([]);
    await moderateItem((text) => text.includes('A peer texted me every night'), 'approve');
    const feed = await feedFor(tag);
    expect(cardHeadings(feed)).to.deep.equal(['The first winter']);
    // Another person (another browser context: nothing shared with the writer) sees it too.
    await peer.open(`/tests/helpers/feed-page.html?tag=${encodeURIComponent(tag)}`, { isolated: true });
    try {
      await until(
        async () => JSON.stringify(await peer.eval<string[]>('headings()')) === '["The first winter"]',
        'the story in a second browser context',
      );
    } finally {
      await peer.close();
    }
  });

  it('a rejected story never appears', async () => {
    const tag = uniqueSubject('rejected');
    const el = await composer();
    await writeAndSend(el, 'Not for the feed', `Words a moderator hides ${tag}`, tag);
    await until(
      async () => (await stored({ type: EventTypes.storySubmitted })).some((e) => String(e.data.text).includes(tag)),
      'stored',
    );
    await moderateItem((text) => text.includes(tag), 'hide');
    expect(cardHeadings(await feedFor(tag))).to.deep.equal([]);
  });

  it('its writer takes a published story down from its card, keyboard only: gone for every peer, its words deleted', async () => {
    const tag = uniqueSubject('mine');
    const el = await composer();
    await writeAndSend(el, 'A night I shared too soon', `Words I take back ${tag}`, tag);
    await acknowledged(el);
    expect(root(el).textContent).to.contain('You can take it down whenever you like, from its card on this device.');
    await moderateItem((text) => text.includes(tag), 'approve');
    await peer.open(`/tests/helpers/feed-page.html?tag=${encodeURIComponent(tag)}`, { isolated: true });
    try {
      // Another peer reads it, and can report it, not take it down.
      await until(async () => JSON.stringify(await peer.eval<string[]>('actions()')) === '["Report"]', 'peer sees it');
      const feed = await feedFor(tag);
      const card = root(feed).querySelector('mutual-story-card')!;
      const open = async () => {
        buttonNamed(root(card), 'Take down my story').focus();
        await sendKeys({ press: 'Enter' });
        await until(() => root(card).querySelector('dialog')?.open, 'the dialog open');
      };
      await open();
      expect(root(card).querySelector('#take-down-title')!.textContent).to.equal('Take down your story?');
      expect(root(card).querySelector('#take-down-text')!.textContent).to.contain('This can’t be undone.');
      expect(deepActive()?.textContent).to.equal('Take it down');
      await expectAxeClean(card);
      // "Keep it": nothing is sent, focus returns to the button.
      await sendKeys({ press: 'Tab' });
      expect(deepActive()?.textContent).to.equal('Keep it');
      await sendKeys({ press: 'Enter' });
      await until(() => !root(card).querySelector('dialog'), 'closed');
      expect(deepActive()?.textContent).to.equal('Take down my story');
      await open();
      await sendKeys({ press: 'Enter' });
      await until(() => deepActive()?.id === 'taken-down', 'focus on the confirmation');
      expect(root(card).textContent!.trim()).to.equal('Your story has been taken down. Peers no longer see it.');
      expect(localStorage.getItem(`mutual:mine:key:${card.getAttribute('story-id')}`)).to.equal(null);
      expect(cardHeadings(await feedFor(tag))).to.deep.equal([]);
      await peer.eval('mount()');
      await until(async () => JSON.stringify(await peer.eval<string[]>('headings()')) === '[]', 'gone for the peer');
      const [row] = (await stored({ type: EventTypes.storySubmitted })).filter(
        (e) => e.id === card.getAttribute('story-id'),
      );
      expect(Object.keys(row.data).sort()).to.deep.equal(['authorKey', 'redacted']);
    } finally {
      await peer.close();
    }
  });

  it('"Take it back" right after sending, keyboard only: the moderators never see it, its words are deleted', async () => {
    const tag = uniqueSubject('regret');
    const el = await composer();
    await writeAndSend(el, 'Too soon', `Words I want back ${tag}`);
    await acknowledged(el);
    const takeBack = $(el, '#take-back');
    expect(takeBack.textContent).to.equal('Take it back');
    takeBack.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(deepActive()?.id).to.equal('take-back-confirm');
    expect($(el, '#take-back-question').textContent).to.contain('It won’t be published');
    await expectAxeClean(el);
    // "Keep it": nothing sent, focus back where it was.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(deepActive()?.id).to.equal('take-back');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.id === 'taken-back', 'focus on the confirmation');
    expect($(el, '#taken-back').textContent).to.equal(
      'Taken back. It won’t be published, and its words have been deleted.',
    );
    const queue = (await (
      await fetch(`${ENDPOINT}/moderation/queue?state=pending&limit=200`, {
        headers: { authorization: `Bearer ${TEST_MODERATOR_TOKEN}` },
      })
    ).json()) as { items: { text: string }[] };
    expect(queue.items.some((i) => i.text.includes(tag))).to.equal(false);
    expect(JSON.stringify(await stored({ type: EventTypes.storySubmitted }))).not.to.contain(tag);
    // And on to the next story.
    buttonNamed(root(el), 'Write another story').click();
    await settle(el);
    expect(root(el).querySelector('#story-heading')).to.not.equal(null);
  });

  it('taken back before it ever reached the endpoint (its first send failed): it never reaches a moderator', async () => {
    const tag = uniqueSubject('offline-regret');
    const { scope, endpoint } = scoped('regret');
    await injectFault({ scope, count: 1, status: 503, retryAfter: 1 });
    const el = await composer(`endpoint=${endpoint}`);
    let storyId = '';
    el.addEventListener('mutual-event', (e) => {
      if (e.detail.type === EventTypes.storySubmitted) storyId = e.detail.id;
    });
    await writeAndSend(el, 'Not yet sent', `Words still on the device ${tag}`);
    await queued(el);
    await takeBack(el, 8000);
    const [row] = (await stored({ type: EventTypes.storySubmitted })).filter((e) => e.id === storyId);
    expect(Object.keys(row.data).sort()).to.deep.equal(['authorKey', 'redacted']);
    expect(JSON.stringify(await stored({ type: EventTypes.storySubmitted }))).not.to.contain(tag);
    expect(await requestCount(scope)).to.be.at.least(2);
  });

  it('under no-trace the confirmation does not promise a take-down this device cannot do, and keeps no key', async () => {
    const before = Object.keys(localStorage).filter((k) => k.startsWith('mutual:mine:key:'));
    const el = await composer('no-trace');
    await writeAndSend(el, 'Nothing kept', 'Written on a shared computer.');
    await settle(el);
    expect(root(el).textContent).to.contain(
      'Nothing is kept on this device, so to take it down later, ask the people who look after this community.',
    );
    expect(root(el).textContent).not.to.contain('from its card on this device');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('mutual:mine:key:'))).to.deep.equal(before);
  });

  it('says what is missing and moves focus there; nothing is sent without consent', async () => {
    const el = await composer();
    buttonNamed(root(el), 'Preview').click();
    await settle(el);
    expect($(el, '#story-heading-error').textContent).to.equal('Please give your story a title.');
    expect(deepActive()?.id).to.equal('story-heading');
    await type(el, '#story-heading', 'Title');
    await type(el, '#story-text', 'Some words');
    buttonNamed(root(el), 'Send to the moderators').click();
    await settle(el);
    expect($(el, '#story-consent').getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive()?.id).to.equal('story-consent');
    expect(root(el).querySelector('#thanks')).to.equal(null);
  });

  it('the preview needs no consent: the member sees the card first, then says yes beside Send', async () => {
    const el = await composer();
    await type(el, '#story-heading', 'Looking first');
    await type(el, '#story-text', 'I want to see how this reads before anyone else does.');
    buttonNamed(root(el), 'Preview').click();
    await settle(el);
    expect(deepActive()?.id).to.equal('preview-title');
    expect($(el, 'mutual-story-card').getAttribute('heading')).to.equal('Looking first');
    expect(root(el).querySelector('.error')).to.equal(null);
    // Send without the yes: the box is right there, under the card, and focus goes to it.
    buttonNamed(root(el), 'Send to the moderators').click();
    await settle(el);
    const consent = $<HTMLInputElement>(el, '#story-consent');
    expect(consent.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive()?.id).to.equal('story-consent');
    expect(root(el).querySelector('#thanks')).to.equal(null);
    expect(root(el).querySelector('mutual-story-card')).not.to.equal(null);
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(consent.checked).to.equal(true);
    expect(consent.getAttribute('aria-invalid')).to.equal('false');
    buttonNamed(root(el), 'Send to the moderators').click();
    await settle(el);
    expect(deepActive()?.id).to.equal('thanks');
  });

  it('crisis language brings help lines and never blocks; they stay with the confirmation', async () => {
    const el = await composer('region=GB');
    await type(el, '#story-heading', 'Hard nights');
    await type(el, '#story-text', 'Last year I wanted to kill myself. Today I am still here.');
    const help = $(el, 'mutual-crisis-resources');
    await (help as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(help.shadowRoot!.textContent).to.contain('116 123');
    $<HTMLInputElement>(el, '#story-consent').click();
    buttonNamed(root(el), 'Send to the moderators').click();
    await settle(el);
    expect(root(el).querySelector('#thanks')).not.to.equal(null);
    expect(root(el).querySelector('mutual-crisis-resources')).not.to.equal(null);
    // Taking the story back takes nothing of the help away.
    await acknowledged(el);
    await takeBack(el);
    expect(root(el).querySelector('mutual-crisis-resources')).not.to.equal(null);
  });

  it('the draft stays on the device until the story is acknowledged', async () => {
    const id = uniqueSubject('draft');
    const first = await composer(`draft-id=${id}`);
    await type(first, '#story-heading', 'Kept');
    await type(first, '#story-text', 'Written before the page went away.');
    first.remove();
    const again = await composer(`draft-id=${id}`);
    expect($<HTMLInputElement>(again, '#story-heading').value).to.equal('Kept');
    expect($<HTMLTextAreaElement>(again, '#story-text').value).to.equal('Written before the page went away.');
  });

  it('"Your stories on this device": closed until opened, then where each stands — waiting, published, not published, taken down', async () => {
    const tag = uniqueSubject('mine');
    const draftId = uniqueSubject('mine-form');
    localStorage.removeItem('mutual:mine:stories'); // this page's other tests wrote stories too
    const write = async (el: MutualShareStory, heading: string) => {
      await writeAndSend(el, heading, `${heading} — ${tag}`);
      await acknowledged(el);
      if (heading.startsWith('Fourth')) await takeBack(el);
      buttonNamed(root(el), 'Write another story').click();
      await settle(el);
    };
    const el = await composer(`draft-id=${draftId}`);
    for (const heading of ['First to be approved', 'Second to be hidden', 'Third still waiting', 'Fourth taken back'])
      await write(el, heading);
    await moderateItem((text) => text.includes(`First to be approved — ${tag}`), 'approve');
    await moderateItem((text) => text.includes(`Second to be hidden — ${tag}`), 'hide');
    // A peer says "me too" to the published one: what came back shows in the list too.
    const first = (await stored({ type: EventTypes.storySubmitted })).find((e) =>
      String(e.data.text).includes(`First to be approved — ${tag}`),
    )!;
    await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify([
        {
          specversion: '1.0',
          id: crypto.randomUUID(),
          source: '/peer',
          type: EventTypes.reactionAdded,
          time: new Date().toISOString(),
          subject: first.subject ?? first.id,
          datacontenttype: 'application/json',
          data: { reaction: 'me-too', reactor: crypto.randomUUID().replaceAll('-', '') },
        },
      ]),
    });
    // Later, a fresh form: the list is there, closed.
    const fresh = await composer(`draft-id=${draftId}`);
    const toggle = buttonNamed(root(fresh), 'Your stories on this device (4)');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(root(fresh).querySelector('#my-stories')).to.equal(null);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !root(fresh).textContent!.includes('Checking where they stand'), 'checked');
    const rows = () =>
      [...root(fresh).querySelectorAll('#my-stories li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows()).to.deep.equal([
      'Fourth taken back Taken down',
      'Third still waiting Waiting for review',
      'Second to be hidden Not published: the moderators decided not to share this one',
      'First to be approved Published — peers can read it · 1 reaction from peers',
    ]);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await expectAxeClean(fresh);
  });

  it('a story sent before a reload and still on its way can be taken back after it', async () => {
    const id = uniqueSubject('reload-regret');
    const { scope, endpoint } = scoped('reload-regret');
    await injectFault({ scope, count: 1, status: 503, retryAfter: 2 });
    const first = await composer(`draft-id=${id}&endpoint=${endpoint}`);
    await writeAndSend(first, 'Sent, then the page went away', `Words on their way ${id}`);
    await queued(first);
    first.remove();
    // The page again: the story is still on its way, and can still be taken back.
    await takeBack(await composer(`draft-id=${id}&endpoint=${endpoint}`), 8000);
    expect(JSON.stringify(await stored({ type: EventTypes.storySubmitted }))).not.to.contain(id);
  });

  it('the XSS corpus goes through write → approve → feed and executes nothing', async () => {
    let executed = 0;
    (window as unknown as { __xss: () => void }).__xss = () => executed++;
    const tag = uniqueSubject('xss');
    for (const p of XSS_PAYLOADS.slice(0, 40)) {
      const el = await composer('no-trace');
      $<HTMLInputElement>(el, '#story-heading').value = p.slice(0, 100);
      $<HTMLInputElement>(el, '#story-heading').dispatchEvent(new Event('input'));
      $<HTMLTextAreaElement>(el, '#story-text').value = `${p} ${tag}`;
      $<HTMLTextAreaElement>(el, '#story-text').dispatchEvent(new Event('input'));
      $<HTMLInputElement>(el, '#own-tags').value = tag;
      $<HTMLInputElement>(el, '#own-tags').dispatchEvent(new Event('input'));
      $<HTMLInputElement>(el, '#own-tags').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      $<HTMLInputElement>(el, '#story-consent').click();
      buttonNamed(root(el), 'Preview').click();
      await settle(el);
      root(el).querySelector<HTMLButtonElement>('.nudge button:last-child')?.click();
      buttonNamed(root(el), 'Send to the moderators')?.click();
      await settle(el);
      root(el).querySelector<HTMLButtonElement>('.nudge button:last-child')?.click();
      el.remove();
    }
    await until(
      async () =>
        (await stored({ type: EventTypes.storySubmitted })).filter((e) => String(e.data.text).includes(tag)).length >=
        40,
      'all stored',
    );
    for (let i = 0; i < 40; i++) await moderateItem((text) => text.includes(tag), 'approve');
    const feed = await fixture<MutualStoryFeed>(
      html`<mutual-story-feed endpoint="/events" tag=${tag} page-size="50"></mutual-story-feed>`,
    );
    const served = await (await fetch(`/events?stories&limit=100&tag=${encodeURIComponent(tag)}`)).json();
    await until(
      () => root(feed).querySelectorAll('mutual-story-card').length === 40,
      `40 cards (served ${served.stories.length}, shown ${root(feed).querySelectorAll('mutual-story-card').length})`,
    );
    for (const card of root(feed).querySelectorAll('mutual-story-card')) {
      await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(card.querySelector('img, svg, script, iframe, a, x, math')).to.equal(null);
      expect(card.shadowRoot!.querySelector('img, script, iframe')).to.equal(null);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(executed).to.equal(0);
  });

  for (const [theme, locale, forced] of [
    ['light', 'en', false],
    ['dark', 'en', false],
    ['light', 'ar', false],
    ['light', 'en', true],
  ] as const) {
    it(`is axe-clean writing and after sending (${theme}, ${locale}${forced ? ', forced colours' : ''})`, async () => {
      if (forced) await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
      try {
        const el = await composer(`theme=${theme}&locale=${locale}&no-trace=`);
        await expectAxeClean(el);
        buttonNamed(root(el), locale === 'ar' ? 'معاينة' : 'Preview').click();
        await settle(el);
        await expectAxeClean(el);
      } finally {
        await emulateMedia([]);
      }
    });
  }
});
