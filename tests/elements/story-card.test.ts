import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/story-card/define.js';
import type { MutualStoryCard } from '../../src/story-card/story-card.js';
import { createEnvelope, EventTypes } from '../../src/core/protocol/envelope.js';
import { captureWarnings, emulateMedia, expectAxeClean } from '../helpers/browser.js';
import {
  injectFault,
  moderateItem,
  requestCount,
  scoped,
  stored,
  storedAtLeast,
  uniqueSubject,
  until,
} from '../helpers/collector.js';

const LONG = Array.from(
  { length: 30 },
  (_, i) => `Sentence ${i + 1} of a long story about the first months of recovery.`,
).join(' ');
const daysAgo = (n: number) => new Date(Date.now() - n * 864e5).toISOString();
const $ = <T extends Element = HTMLElement>(el: MutualStoryCard, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const buttonNamed = (el: MutualStoryCard, name: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;

async function card(
  opts: { id?: string | null; endpoint?: string; cw?: string; text?: string; attrs?: Record<string, string> } = {},
) {
  const el = document.createElement('mutual-story-card');
  if (opts.id !== null) el.setAttribute('story-id', opts.id ?? uniqueSubject('story'));
  el.setAttribute('endpoint', opts.endpoint ?? scoped('story').endpoint);
  if (opts.cw) el.setAttribute('content-warning', opts.cw);
  for (const [k, v] of Object.entries(opts.attrs ?? {})) el.setAttribute(k, v);
  const p = document.createElement('p');
  p.textContent = opts.text ?? 'Some days the cravings were loud. Calling a peer helped.';
  el.append(p);
  return fixture<MutualStoryCard>(el);
}

/** A card whose endpoint fails its first POST with a 503 (retry after 1 s); the reply is typed and sent. */
async function replyThroughOneFailure(name: string, text: string) {
  const id = uniqueSubject(name);
  const { scope, endpoint } = scoped(name);
  await injectFault({ scope, count: 1, status: 503, retryAfter: 1 });
  const el = await card({ id, endpoint });
  buttonNamed(el, 'Share your experience').click();
  await until(() => el.shadowRoot!.querySelector('textarea'), 'the reply composer');
  $<HTMLTextAreaElement>(el, 'textarea').focus();
  await sendKeys({ type: text });
  buttonNamed(el, 'Send').click();
  await until(() => el.shadowRoot!.textContent!.includes('Saved on this device'), 'queued message');
  return { el, id, scope };
}

describe('<mutual-story-card>', () => {
  afterEach(() => localStorage.clear());

  it('shows heading, author, relative date with the full date, and tags; axe-clean', async () => {
    const el = await card({
      attrs: { heading: 'One day at a time', author: 'River', published: daysAgo(3), tags: 'recovery, family' },
    });
    expect($(el, '[part="heading"]').textContent).to.equal('One day at a time');
    // The name is isolated (FSI … PDI, invisible) so it keeps its own direction in any language.
    expect($(el, '[part="meta"]').textContent).to.contain('Shared by \u2068River\u2069');
    const time = $(el, 'time');
    expect(time.textContent).to.equal('3 days ago');
    expect(time.getAttribute('datetime')).to.match(/^\d{4}-\d{2}-\d{2}T/);
    expect(time.getAttribute('title')).to.match(/\d{4}/);
    expect([...el.shadowRoot!.querySelectorAll('[part="tags"] li')].map((li) => li.textContent)).to.deep.equal([
      'recovery',
      'family',
    ]);
    expect(el.shadowRoot!.querySelector('mutual-me-too')!.getAttribute('subject')).to.equal(el.storyId);
    await expectAxeClean(el);
  });

  it('defaults the author to a localized "A peer" and formats dates per locale', async () => {
    const es = await card({ attrs: { locale: 'es', published: daysAgo(3) } });
    expect($(es, '[part="meta"]').textContent).to.contain('Compartido por Un par');
    expect($(es, 'time').textContent).to.equal('hace 3 días');
    const ar = await card({ attrs: { locale: 'ar', published: daysAgo(1) } });
    expect($(ar, '[part="base"]').getAttribute('dir')).to.equal('rtl');
    expect($(ar, 'time').textContent).to.equal(
      new Intl.RelativeTimeFormat('ar', { numeric: 'auto' }).format(-1, 'day'),
    );
    await expectAxeClean(ar);
  });

  it('clamps a long story; Read more / Show less work by keyboard with aria-expanded', async () => {
    const el = await card({ text: LONG });
    const toggle = await until(
      () => el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-controls="story"]'),
      'read more button',
    );
    expect(toggle.textContent!.trim()).to.equal('Read more');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    const story = $(el, '[part="story"]');
    expect(story.scrollHeight).to.be.greaterThan(story.clientHeight);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.textContent!.trim()).to.equal('Show less');
    expect(story.scrollHeight).to.be.at.most(story.clientHeight + 1);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('a content warning hides the story from view and from assistive tech until revealed; the reveal is stored', async () => {
    const id = uniqueSubject('cw');
    const el = await card({ id, cw: 'relapse, self-harm', text: 'Sensitive words here.' });
    const text = el.querySelector('p')!;
    expect(text.checkVisibility()).to.equal(false);
    expect(el.shadowRoot!.querySelector('slot')).to.equal(
      null,
      'no slot: the text is not rendered nor in the accessibility tree',
    );
    expect(el.shadowRoot!.querySelector('mutual-me-too')).to.equal(null);
    expect($(el, '[part="warning"]').textContent).to.contain('This story mentions relapse and self-harm.');
    await expectAxeClean(el);
    const show = buttonNamed(el, 'Show story');
    show.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text.checkVisibility()).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="story"]'));
    const [row] = await storedAtLeast({ subject: id, type: EventTypes.storyOpened });
    expect(row.data).to.deep.equal({ topics: ['relapse', 'self-harm'] });
    await expectAxeClean(el);
  });

  it('sends story.viewed once after a second in view, and nothing for a card scrolled past', async () => {
    const seen = uniqueSubject('seen');
    const passed = uniqueSubject('passed');
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.append(spacer);
    try {
      const far = await card({ id: passed });
      spacer.after(far); // below the fold
      far.scrollIntoView();
      await new Promise((r) => setTimeout(r, 300));
      window.scrollTo(0, 0);
      const visible = await card({ id: seen });
      document.body.prepend(visible);
      await storedAtLeast({ subject: seen, type: EventTypes.storyViewed });
      await new Promise((r) => setTimeout(r, 1500));
      expect(await stored({ subject: seen, type: EventTypes.storyViewed })).to.have.length(1);
      expect(await stored({ subject: passed, type: EventTypes.storyViewed })).to.have.length(0);
      visible.remove();
      far.remove();
    } finally {
      spacer.remove();
    }
  });

  it('the composer sends the response, shows a warm confirmation and clears the draft', async () => {
    const id = uniqueSubject('resp');
    const el = await card({ id });
    buttonNamed(el, 'Share your experience').click();
    await until(() => el.shadowRoot!.querySelector('textarea'), 'the reply composer');
    const textarea = $<HTMLTextAreaElement>(el, 'textarea');
    expect(el.shadowRoot!.activeElement).to.equal(textarea);
    expect($(el, 'label[for="response"]').textContent).to.equal('Your experience, in your own words');
    await sendKeys({ type: 'Me too. Walking helped me.' });
    expect($(el, '#response-count').textContent!.trim()).to.equal('26 of 1,000 characters');
    expect($(el, '#response-note').textContent).to.contain('may be shown to other peers');
    await expectAxeClean(el);
    buttonNamed(el, 'Send').click();
    const [row] = await storedAtLeast({ subject: id, type: EventTypes.storyResponse });
    const { authorKey, ...data } = row.data;
    expect(data).to.deep.equal({ text: 'Me too. Walking helped me.', storyId: id });
    // The key that lets the writer take it down later: on the device, and only its hash at the endpoint.
    expect(authorKey).to.match(/^[0-9a-f]{64}$/);
    expect(localStorage.getItem(`mutual:mine:key:${row.id}`)).to.match(/^"[0-9a-f]{32}"$/);
    await until(() => el.shadowRoot!.textContent!.includes('Thank you for sharing back'), 'confirmation');
    expect(localStorage.getItem(`mutual:draft:response:${id}`)).to.equal(null);
  });

  it('a failed send is retried and stored once; the draft stays until acknowledged', async () => {
    const { el, id, scope } = await replyThroughOneFailure('retry', 'Keep going.');
    expect(JSON.parse(localStorage.getItem(`mutual:draft:response:${id}`)!).text).to.equal('Keep going.');
    await until(() => el.shadowRoot!.textContent!.includes('Thank you for sharing back'), 'sent after retry');
    expect(await stored({ subject: id, type: EventTypes.storyResponse })).to.have.length(1);
    expect(await requestCount(scope)).to.equal(2);
  });

  it('writing on while a reply waits for a retry: the first reply is stored, the new words stay', async () => {
    const { el, id } = await replyThroughOneFailure('edit-queued', 'First thought.');
    $<HTMLTextAreaElement>(el, 'textarea').focus();
    await sendKeys({ type: ' And another.' });
    const [sent] = await storedAtLeast({ subject: id, type: EventTypes.storyResponse });
    expect((sent.data as { text: string }).text).to.equal('First thought.');
    await new Promise((r) => setTimeout(r, 100));
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('First thought. And another.');
    expect(JSON.parse(localStorage.getItem(`mutual:draft:response:${id}`)!)).to.deep.equal({
      text: 'First thought. And another.',
    });
  });

  it('in a long feed, the cards on screen have their bar at once; the others render it as they come near the viewport', async () => {
    const feed = document.createElement('div');
    const cards = Array.from({ length: 40 }, (_, i) => {
      const el = document.createElement('mutual-story-card');
      el.setAttribute('story-id', uniqueSubject(`feed-${i}`));
      el.setAttribute('heading', `Story ${i}`);
      el.append(Object.assign(document.createElement('p'), { textContent: 'One evening at a time.' }));
      return el;
    });
    feed.append(...cards);
    document.body.append(feed);
    const bar = (c: MutualStoryCard) => c.shadowRoot!.querySelector('mutual-me-too');
    // Whether each card's first render had its bar (read as that render completes, before any
    // observer could have asked for it): a card on screen never appears without it.
    const barAtFirst = cards.map((c) => c.updateComplete.then(() => !!bar(c)));
    try {
      const first = await Promise.all(barAtFirst);
      const onScreen = cards.map((c) => c.getBoundingClientRect().top < innerHeight);
      expect(onScreen.filter(Boolean).length).to.be.greaterThan(0);
      expect(
        cards.filter((_, i) => onScreen[i] && !first[i]).map((c) => c.getAttribute('heading')),
        'cards on screen first shown without their bar',
      ).to.deep.equal([]);
      const last = cards[39];
      await new Promise((r) => setTimeout(r, 100));
      expect(bar(last), 'far below the viewport: not yet').to.equal(null);
      last.scrollIntoView();
      const shown = await until(() => bar(last), 'bar near the viewport');
      expect(shown.getAttribute('subject')).to.equal(last.storyId);
      await until(() => shown.shadowRoot?.querySelector('button'), 'bar rendered');
      // Tabbing on from the card before reaches this card's bar first, as in every card.
      cards[38].shadowRoot!.querySelector<HTMLElement>('.report')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(last.shadowRoot!.activeElement).to.equal(shown);
      expect(shown.shadowRoot!.activeElement!.getAttribute('aria-label')).to.equal('Me too');
    } finally {
      feed.remove();
      window.scrollTo(0, 0);
    }
  });

  it('a reload mid-draft restores what was written', async () => {
    const id = uniqueSubject('draft');
    const { endpoint } = scoped('draft');
    const first = await card({ id, endpoint });
    buttonNamed(first, 'Share your experience').click();
    await until(() => first.shadowRoot!.querySelector('textarea'), 'the reply composer');
    $<HTMLTextAreaElement>(first, 'textarea').focus();
    await sendKeys({ type: 'Half a thought' });
    first.remove();
    const again = await card({ id, endpoint });
    buttonNamed(again, 'Share your experience').click();
    await until(() => again.shadowRoot!.querySelector('textarea'), 'the reply composer');
    expect($<HTMLTextAreaElement>(again, 'textarea').value).to.equal('Half a thought');
  });

  it('crisis language in a reply brings help lines under it, and never stops the reply', async () => {
    const id = uniqueSubject('reply-crisis');
    const el = await card({ id, attrs: { region: 'GB' } });
    buttonNamed(el, 'Share your experience').click();
    await until(() => el.shadowRoot!.querySelector('textarea'), 'the reply composer');
    $<HTMLTextAreaElement>(el, 'textarea').focus();
    await sendKeys({ type: 'Honestly I want to die some nights, ' });
    await el.updateComplete;
    const help = $(el, '[part="composer"] mutual-crisis-resources');
    await (help as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(help.shadowRoot!.textContent).to.contain('116 123');
    await sendKeys({ type: 'but reading this helped.' });
    buttonNamed(el, 'Send').click();
    const [row] = await storedAtLeast({ subject: id, type: EventTypes.storyResponse });
    expect(row.data.text).to.equal('Honestly I want to die some nights, but reading this helped.');
  });

  it('over the limit: says why, keeps the text, sends nothing', async () => {
    const id = uniqueSubject('limit');
    const el = await card({ id, attrs: { 'response-limit': '10' } });
    buttonNamed(el, 'Share your experience').click();
    await until(() => el.shadowRoot!.querySelector('textarea'), 'the reply composer');
    $<HTMLTextAreaElement>(el, 'textarea').focus();
    await sendKeys({ type: 'This is far too long' });
    buttonNamed(el, 'Send').click();
    await el.updateComplete;
    expect($(el, '.error').textContent).to.equal('Please shorten your reply by 10 characters to send it.');
    expect($(el, 'textarea').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'textarea'));
    await new Promise((r) => setTimeout(r, 400));
    expect(await stored({ subject: id })).to.have.length(0);
  });

  it('report dialog: keyboard only, focus kept inside, reason stored, Escape closes and focus returns', async () => {
    const id = uniqueSubject('report');
    const el = await card({ id });
    const report = buttonNamed(el, 'Report');
    report.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await until(() => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]'), 'dialog open');
    expect(dialog.contains(el.shadowRoot!.activeElement)).to.equal(true);
    // Send report and Close do not touch: a space between them, as between every pair of buttons.
    const gap =
      buttonNamed(el, 'Close').getBoundingClientRect().top -
      buttonNamed(el, 'Send report').getBoundingClientRect().bottom;
    expect(gap).to.be.at.least(4);
    // Submitting without a reason says so.
    buttonNamed(el, 'Send report').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#report-error').textContent).to.equal('Please choose a reason.');
    // Tab around: focus never leaves the dialog.
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      expect(dialog.contains(el.shadowRoot!.activeElement), `tab ${i}`).to.equal(true);
    }
    dialog.querySelector<HTMLInputElement>('input[value="harmful"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(dialog.querySelector<HTMLInputElement>('input[value="spam"]')!.checked).to.equal(true);
    buttonNamed(el, 'Send report').focus();
    await sendKeys({ press: 'Enter' });
    const [row] = await storedAtLeast({ subject: id, type: EventTypes.storyReported });
    expect(row.data).to.deep.equal({ reason: 'spam' });
    await el.updateComplete;
    expect(dialog.textContent).to.contain('will take a look');
    await expectAxeClean(el);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'dialog closed');
    expect(el.shadowRoot!.activeElement).to.equal(report);
  });

  it('take down my story: only on the device that wrote it; waiting for the connection, then refused, it says so and keeps focus in the dialog', async () => {
    const id = uniqueSubject('own');
    expect(buttonNamed(await card({ id }), 'Report')).not.to.equal(undefined);
    // The device that wrote it keeps its author key (the endpoint here has no such story, and says so).
    localStorage.setItem(`mutual:mine:key:${id}`, JSON.stringify('a-key-the-endpoint-never-saw-0000'));
    const { scope, endpoint } = scoped('own');
    await injectFault({ scope, count: 1, status: 503, retryAfter: 1 });
    const el = await card({ id, endpoint });
    expect(buttonNamed(el, 'Report')).to.equal(undefined);
    buttonNamed(el, 'Take down my story').click();
    const dialog = await until(() => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]'), 'dialog open');
    buttonNamed(el, 'Take it down').click();
    await until(
      () => dialog.textContent!.includes('couldn’t take it down just now. It will keep trying.'),
      'waiting for the site',
    );
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Close');
    expect(buttonNamed(el, 'Take it down')).to.equal(undefined);
    await until(() => dialog.textContent!.includes('couldn’t be taken down from here'), 'refused');
    expect(dialog.querySelector('[role="status"]')!.textContent).to.equal(
      'This couldn’t be taken down from here. The people who look after this community can remove it for you.',
    );
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Close');
    expect(await requestCount(scope)).to.be.at.least(2);
    await expectAxeClean(el);
    await sendKeys({ press: 'Escape' });
    await until(() => !el.shadowRoot!.querySelector('dialog'), 'closed');
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Take down my story');
    // Nothing of the story went: it is still there to read, and the key is still on the device.
    expect(el.textContent).to.contain('Calling a peer helped');
    expect(localStorage.getItem(`mutual:mine:key:${id}`)).to.not.equal(null);
  });

  it('its writer takes a response down, pending or published, keyboard only: gone from the list and the count', async () => {
    const id = uniqueSubject('own-reply');
    const el = await card({ id });
    buttonNamed(el, 'Share your experience').click();
    await until(() => el.shadowRoot!.querySelector('textarea'), 'the reply composer');
    await sendKeys({ type: `Me too, and I take it back ${id}` });
    buttonNamed(el, 'Send').click();
    await until(() => el.shadowRoot!.textContent!.includes('Thank you for sharing back'), 'confirmation');
    // Waiting for review: only its writer sees it, with the way to take it down.
    expect(buttonNamed(el, 'Take down my response')).not.to.equal(undefined);
    await moderateItem((text) => text.includes(id), 'approve');
    // Later, as the feed shows it: "1 peer responded", opened.
    const later = await card({ id, attrs: { responses: '1' } });
    buttonNamed(later, '1 peer responded').click();
    // Once the approved list is in, the response is no longer "waiting": it is shown once, as everyone sees it.
    await until(
      () =>
        later.shadowRoot!.textContent!.includes(`I take it back ${id}`) &&
        !later.shadowRoot!.textContent!.includes('Waiting for review'),
      'the published response',
    );
    const opener = buttonNamed(later, 'Take down my response');
    opener.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await until(() => later.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]'), 'dialog');
    expect($(later, '#take-down-title').textContent).to.equal('Take down your response?');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.isConnected, 'closed');
    expect(later.shadowRoot!.activeElement === opener).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => later.shadowRoot!.querySelector('dialog[open]'), 'dialog again');
    expect(later.shadowRoot!.activeElement?.textContent).to.equal('Take it down');
    await sendKeys({ press: 'Enter' });
    await until(() => later.shadowRoot!.activeElement?.id === 'taken-down', 'focus on the confirmation');
    expect($(later, '#taken-down').textContent).to.equal('Your response has been taken down. Peers no longer see it.');
    expect(later.shadowRoot!.textContent).not.to.contain(`I take it back ${id}`);
    expect(buttonNamed(later, '1 peer responded')).to.equal(undefined);
    const served = await (await fetch(`/events?responses=${encodeURIComponent(id)}`)).json();
    expect(served.responses).to.deep.equal([]);
    await expectAxeClean(later);
  });

  it('a take-down that waited for the connection arrives later without pulling focus from where the member is', async () => {
    const key = 'a-key-for-a-story-written-here-01';
    const story = createEnvelope(
      EventTypes.storySubmitted,
      { heading: 'Later', text: 'Words to take back.', tags: [], contentWarning: [], authorKey: key },
      { source: location.href },
    );
    await fetch('/events', {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify([story]),
    });
    localStorage.setItem(`mutual:mine:key:${story.id}`, JSON.stringify(key));
    const { scope, endpoint } = scoped('later');
    await injectFault({ scope, count: 1, status: 503, retryAfter: 1 });
    const el = await card({ id: story.id, endpoint });
    const elsewhere = document.createElement('button');
    elsewhere.textContent = 'Elsewhere on the page';
    document.body.append(elsewhere);
    try {
      buttonNamed(el, 'Take down my story').click();
      await until(() => el.shadowRoot!.querySelector('dialog[open]'), 'dialog open');
      buttonNamed(el, 'Take it down').click();
      await until(() => el.shadowRoot!.textContent!.includes('It will keep trying.'), 'waiting');
      buttonNamed(el, 'Close').click();
      await until(() => !el.shadowRoot!.querySelector('dialog'), 'closed');
      // The member reads on elsewhere while the device waits for the connection.
      elsewhere.focus();
      await until(() => el.shadowRoot!.textContent!.includes('Your story has been taken down.'), 'taken down', 8000);
      expect(document.activeElement === elsewhere).to.equal(true);
    } finally {
      elsewhere.remove();
    }
  });

  for (const [theme, locale, forced] of [
    ['dark', 'en', false],
    ['light', 'ar', false],
    ['light', 'en', true],
  ] as const) {
    it(`the take-down dialog is axe-clean (${theme}, ${locale}${forced ? ', forced colours' : ''})`, async () => {
      const id = uniqueSubject('own-axe');
      localStorage.setItem(`mutual:mine:key:${id}`, JSON.stringify('an-author-key-for-axe-000000'));
      if (forced) await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
      try {
        const el = await card({ id, attrs: { theme, locale } });
        el.shadowRoot!.querySelector<HTMLButtonElement>('.report')!.click();
        await until(() => el.shadowRoot!.querySelector('dialog[open]'), 'dialog open');
        expect($(el, '#take-down-title').textContent).to.equal(
          locale === 'ar' ? 'هل تريد سحب قصتك؟' : 'Take down your story?',
        );
        await expectAxeClean(el);
      } finally {
        await emulateMedia([]);
      }
    });
  }

  it('"I’m worried about the writer" shows the crisis resources', async () => {
    const el = await card({ attrs: { locale: 'en-US' } });
    el.openReport();
    await until(() => el.shadowRoot!.querySelector('dialog[open]'), 'the report dialog');
    $<HTMLInputElement>(el, 'input[value="worried"]').click();
    await el.updateComplete;
    const resources = $(el, 'mutual-crisis-resources');
    await (resources as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(resources.shadowRoot!.textContent).to.contain('988');
    await expectAxeClean(el);
  });

  it('share-href links to the host’s form with the story id; mutual-share-back can take over', async () => {
    const id = uniqueSubject('share');
    const el = await card({ id, attrs: { 'share-href': '/share-form?from=card' } });
    const link = $<HTMLAnchorElement>(el, 'a.share');
    expect(new URL(link.href).searchParams.get('story')).to.equal(id);
    expect(new URL(link.href).searchParams.get('from')).to.equal('card');
    el.addEventListener('mutual-share-back', (e) => e.preventDefault());
    const event = oneEvent(el, 'mutual-share-back');
    link.click();
    expect((await event).detail).to.deep.equal({ storyId: id, href: link.href });
    // A javascript: URL is never used as a link.
    const unsafe = await card({ attrs: { 'share-href': 'javascript:alert(1)' } });
    expect(unsafe.shadowRoot!.querySelector('a.share')).to.equal(null);
    expect(buttonNamed(unsafe, 'Share your experience')?.tagName).to.equal('BUTTON');
  });

  it('without story-id: one warning, the story is still shown, nothing is sent', async () => {
    const { scope, endpoint } = scoped('noid');
    let el!: MutualStoryCard;
    const warnings = await captureWarnings(async () => {
      el = await card({ id: null, endpoint });
    });
    expect(warnings, warnings.join(' | ')).to.have.length(1);
    expect(warnings[0]).to.contain('"story-id" attribute is missing');
    expect(el.querySelector('p')!.checkVisibility()).to.equal(true);
    await new Promise((r) => setTimeout(r, 1300));
    expect(await requestCount(scope)).to.equal(0);
    await expectAxeClean(el);
  });
});
