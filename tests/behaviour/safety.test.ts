import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/all.js';
import type { MutualCheckIn } from '../../src/check-in/check-in.js';
import type { MutualCrisisResources } from '../../src/crisis-resources/crisis-resources.js';
import { EventTypes } from '../../src/core/protocol/envelope.js';
import type { MutualMeToo } from '../../src/me-too/me-too.js';
import type { MutualQuickExit } from '../../src/quick-exit/quick-exit.js';
import type { MutualStoryCard } from '../../src/story-card/story-card.js';
import { buttonNamed, captureWarnings, deepActive, expectAxeClean, pause, typeInto } from '../helpers/browser.js';
import { injectFault, scoped, stored, storedAtLeast, uniqueSubject, until } from '../helpers/collector.js';

const text = (el: Element | null | undefined) => el?.textContent!.replace(/\s+/g, ' ').trim() ?? '';

describe('<mutual-quick-exit>', () => {
  async function load(frame: HTMLIFrameElement, url: string) {
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    frame.src = url;
    await loaded;
    const doc = frame.contentDocument!;
    await until(
      () => doc.querySelector('mutual-quick-exit')?.shadowRoot?.querySelector('button'),
      'quick exit upgraded',
    );
    return doc;
  }
  const landed = (frame: HTMLIFrameElement) =>
    until(
      () =>
        frame.contentWindow?.location.pathname === '/tests/helpers/neutral.html' &&
        frame.contentDocument?.readyState === 'complete',
      'on the neutral site',
    );

  it('is first in the tab order, labelled, and a click replaces the page so Back does not return', async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      const doc = await load(frame, '/tests/helpers/quick-exit-page.html');
      expect(doc.body.firstElementChild!.localName).to.equal('mutual-quick-exit');
      const button = doc.querySelector('mutual-quick-exit')!.shadowRoot!.querySelector('button')!;
      expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Leave this site Or press Shift 3 times');
      frame.contentWindow!.focus();
      await sendKeys({ press: 'Tab' });
      expect(doc.activeElement!.localName).to.equal('mutual-quick-exit');
      const before = frame.contentWindow!.history.length;
      button.click();
      await landed(frame);
      expect(frame.contentWindow!.history.length).to.equal(before, 'replace, not push: Back does not return');
    } finally {
      frame.remove();
    }
  });

  it('is axe-clean in light, dark and Arabic, and warns once about a non-http href', async () => {
    // (It moves itself to the start of <body>, so it is created by hand rather than with fixture().)
    const create = async (attrs: Record<string, string>) => {
      const el = document.createElement('mutual-quick-exit') as MutualQuickExit;
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      document.body.append(el);
      await el.updateComplete;
      expect(document.body.firstElementChild).to.equal(el);
      return el;
    };
    for (const [theme, locale] of [
      ['light', 'en'],
      ['dark', 'en'],
      ['light', 'ar'],
    ]) {
      const el = await create({ theme, locale, href: 'https://example.org/weather' });
      await expectAxeClean(el);
      el.remove();
    }
    const warnings = await captureWarnings(async () => {
      const el = await create({ href: 'javascript:alert(1)' });
      expect(el.destination).to.equal('https://www.google.com/search?q=weather');
      el.remove();
    });
    expect(warnings).to.have.length(1);
  });

  it('stays where a framework put it when nothing in <body> comes before it; moves to the start otherwise', async () => {
    // An app's root rendered first in <body>, with the quick exit first in it: already first in
    // the tab order, and the framework must be able to remove it from there again.
    const app = document.createElement('div');
    const el = document.createElement('mutual-quick-exit') as MutualQuickExit;
    app.append(el);
    document.body.prepend(app);
    await el.updateComplete;
    try {
      expect(el.parentElement === app, 'stayed in the app root').to.equal(true);
      app.removeChild(el);
      // Anywhere else, it goes to the start of <body>.
      app.append(document.createElement('p'), el);
      await el.updateComplete;
      expect(document.body.firstElementChild === el, 'moved to the start of <body>').to.equal(true);
    } finally {
      el.remove();
      app.remove();
    }
  });

  it('placed inside <mutual-provider locale="es">, it moves to the start of <body> and still speaks Spanish, following a switch', async () => {
    const provider = document.createElement('mutual-provider');
    provider.setAttribute('locale', 'es');
    const el = document.createElement('mutual-quick-exit') as MutualQuickExit;
    provider.append(document.createElement('p'), el);
    document.body.append(provider);
    const label = () => el.shadowRoot?.querySelector('span')?.textContent;
    try {
      expect(document.body.firstElementChild === el, 'moved to the start of <body>').to.equal(true);
      await until(() => label() === 'Salir de este sitio', 'Spanish');
      provider.setAttribute('locale', 'ar');
      await until(() => el.shadowRoot!.querySelector('button')!.getAttribute('dir') === 'rtl', 'Arabic');
    } finally {
      el.remove();
      provider.remove();
    }
  });

  const status = (doc: Document) =>
    doc.querySelector('mutual-quick-exit')!.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

  it('Shift pressed 3 times leaves, saying how many presses are left; Shift+letter and other keys do not count', async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      const doc = await load(frame, '/tests/helpers/quick-exit-page.html');
      frame.contentWindow!.focus();
      const input = doc.querySelector('input')!;
      input.focus();
      await sendKeys({ press: 'Shift' });
      await until(() => status(doc) === 'Shift: press 2 more times to leave this site.', 'two more');
      // Typing a capital letter is not a press, and another key ends the count.
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'KeyA' });
      await sendKeys({ up: 'Shift' });
      await until(() => status(doc) === 'Leaving by keyboard expired.', 'reset by another key');
      await sendKeys({ press: 'Shift' });
      await sendKeys({ press: 'Shift' });
      await until(() => status(doc) === 'Shift: press 1 more time to leave this site.', 'one more');
      expect(input.value).to.equal('A');
      expect(frame.contentWindow!.location.pathname).to.equal('/tests/helpers/quick-exit-page.html');
      await sendKeys({ press: 'Shift' });
      // Hidden at once, behind the overlay (its size: the pageshow test), while the neutral site loads.
      expect(doc.querySelector('mutual-quick-exit')!.hasAttribute('leaving')).to.equal(true);
      await landed(frame);
    } finally {
      frame.remove();
    }
  });

  it('Shift presses more than 5 seconds apart expire, and say so', async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      const doc = await load(frame, '/tests/helpers/quick-exit-page.html');
      frame.contentWindow!.focus();
      doc.querySelector('input')!.focus();
      await sendKeys({ press: 'Shift' });
      await sendKeys({ press: 'Shift' });
      await until(() => status(doc) === 'Leaving by keyboard expired.', 'expired', 8000);
      await sendKeys({ press: 'Shift' });
      await pause(300);
      expect(frame.contentWindow!.location.pathname).to.equal('/tests/helpers/quick-exit-page.html');
      expect(status(doc)).to.equal('Shift: press 2 more times to leave this site.');
    } finally {
      frame.remove();
    }
  });

  it('leaving covers the whole page; coming back through the back/forward cache shows it again, reset', async () => {
    const el = document.createElement('mutual-quick-exit') as MutualQuickExit;
    document.body.append(el);
    await el.updateComplete;
    try {
      el.toggleAttribute('leaving', true);
      // Leaving covers the whole page at once.
      const box = el.shadowRoot!.querySelector('[part="overlay"]')!.getBoundingClientRect();
      expect([box.width, box.height]).to.deep.equal([innerWidth, innerHeight]);
      dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      expect(el.hasAttribute('leaving')).to.equal(false);
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part="overlay"]')!).display).to.equal('none');
    } finally {
      el.remove();
    }
  });

  it('keys="escape": Escape pressed twice quickly leaves; once does not', async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      const doc = await load(frame, '/tests/helpers/quick-exit-page.html?keys=escape');
      expect(doc.querySelector('mutual-quick-exit')!.shadowRoot!.querySelector('small')!.textContent).to.equal(
        'Or press Escape twice',
      );
      frame.contentWindow!.focus();
      doc.querySelector('input')!.focus();
      await sendKeys({ press: 'Escape' });
      await pause(1200);
      expect(frame.contentWindow!.location.pathname).to.equal('/tests/helpers/quick-exit-page.html');
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
      await landed(frame);
    } finally {
      frame.remove();
    }
  });
});

describe('no-trace, forget me, topic filters', () => {
  afterEach(() => localStorage.clear());

  async function mutualStorage(): Promise<string[]> {
    const local = Object.keys(localStorage).filter((k) => k.startsWith('mutual'));
    const session = Object.keys(sessionStorage);
    const dbs = (await indexedDB.databases()).map((d) => `idb:${d.name}`);
    return [...local, ...session, ...dbs];
  }

  it('no-trace: after reactions, a response and a full check-in nothing of Mutual’s is on the device; events still arrive', async () => {
    localStorage.clear();
    const { endpoint } = scoped('notrace');
    const story = uniqueSubject('nt-story');
    const checkInId = uniqueSubject('nt-ci');
    const provider = await fixture(html`<mutual-provider no-trace endpoint=${endpoint}>
      <mutual-story-card story-id=${story}><p>A story.</p></mutual-story-card>
      <mutual-check-in check-in-id=${checkInId}></mutual-check-in>
    </mutual-provider>`);
    const card = provider.querySelector('mutual-story-card')!;
    await card.updateComplete;
    const bar = card.shadowRoot!.querySelector('mutual-me-too')!;
    await bar.updateComplete;
    bar.settleMs = 20;
    bar.shadowRoot!.querySelector('button')!.click();
    buttonNamed(card.shadowRoot!, 'Share your experience').click();
    await until(() => card.shadowRoot!.querySelector('textarea'), 'the reply composer');
    expect(card.shadowRoot!.querySelector('#response-note')!.textContent).to.contain('Nothing is saved on this device');
    const textarea = card.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'Me too, and it got easier.';
    textarea.dispatchEvent(new Event('input'));
    await card.updateComplete;
    buttonNamed(card.shadowRoot!, 'Send').click();
    const form = provider.querySelector('mutual-check-in')!;
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLInputElement>('input[value="3"]')!.click();
    const hard = form.shadowRoot!.querySelector<HTMLTextAreaElement>('#hard')!;
    hard.value = 'Work stress';
    hard.dispatchEvent(new Event('input'));
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await storedAtLeast({ subject: story, type: EventTypes.reactionAdded });
    await storedAtLeast({ subject: story, type: EventTypes.storyResponse });
    const [checkIn] = await storedAtLeast({ subject: checkInId, type: EventTypes.checkinSubmitted });
    expect(checkIn.data.hard).to.equal('Work stress');
    expect(await mutualStorage()).to.deep.equal([]);
  });

  it('the forget button clears what Mutual kept and says so', async () => {
    const provider = await fixture(
      html`<mutual-provider forget-button><mutual-me-too subject=${uniqueSubject('fg')}></mutual-me-too></mutual-provider>`,
    );
    const bar = provider.querySelector('mutual-me-too')!;
    await bar.updateComplete;
    bar.shadowRoot!.querySelector('button')!.click();
    expect(Object.keys(localStorage).some((k) => k.startsWith('mutual:reactions:'))).to.equal(true);
    const forget = provider.shadowRoot!.querySelector<HTMLButtonElement>('[part="forget-button"]')!;
    expect(forget.textContent).to.equal('Forget me on this device');
    forget.click();
    await (provider as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(Object.keys(localStorage).filter((k) => k.startsWith('mutual:'))).to.deep.equal([]);
    expect(provider.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('has been removed');
    await expectAxeClean(provider);
  });

  it('topic filters: host hidden-topics and the reader’s own choice keep matching stories collapsed, with "show anyway"', async () => {
    const provider = await fixture(html`<mutual-provider hidden-topics="self-harm">
      <mutual-story-card story-id="tf-1" content-warning="Self-harm, grief"><p>One</p></mutual-story-card>
      <mutual-story-card story-id="tf-2" content-warning="relapse"><p>Two</p></mutual-story-card>
      <mutual-story-card story-id="tf-3" content-warning="relapse, family"><p>Three</p></mutual-story-card>
    </mutual-provider>`);
    const [first, second, third] = provider.querySelectorAll('mutual-story-card');
    await Promise.all([first.updateComplete, second.updateComplete, third.updateComplete]);
    const notice = (card: MutualStoryCard) => card.shadowRoot!.querySelector('[part="warning"] p')!.textContent!;
    expect(notice(first)).to.equal('Hidden by your settings: this story mentions Self-harm and grief.');
    expect(notice(second)).to.equal('This story mentions relapse. You can choose whether to read it now.');
    await expectAxeClean(first);
    // The reader hides "relapse" from the second card's settings: every card with that topic follows.
    const settings = buttonNamed(second.shadowRoot!, 'Topics I’d rather not see');
    settings.click();
    await second.updateComplete;
    expect(settings.getAttribute('aria-expanded')).to.equal('true');
    second.shadowRoot!.querySelector<HTMLInputElement>('#topic-settings input')!.click();
    await Promise.all([second.updateComplete, third.updateComplete]);
    expect(notice(second)).to.contain('Hidden by your settings');
    expect(notice(third)).to.contain('Hidden by your settings');
    expect(JSON.parse(localStorage.getItem('mutual:hidden-topics')!)).to.deep.equal(['relapse']);
    await expectAxeClean(second);
    buttonNamed(third.shadowRoot!, 'Show anyway').click();
    await third.updateComplete;
    expect(third.querySelector('p')!.checkVisibility()).to.equal(true);
  });
});

describe('crisis help stays on screen', () => {
  afterEach(() => localStorage.clear());

  it('after crisis language and Send, the confirmation comes with the help lines and the give-back step below them', async () => {
    const id = uniqueSubject('crisis-stays');
    const el = await fixture<MutualCheckIn>(
      html`<mutual-check-in locale="en-GB" check-in-id=${id} endpoint=${scoped('crisis').endpoint}></mutual-check-in>`,
    );
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[value="2"]')!.click();
    await typeInto(root, '#hard', 'Honestly I want to end my life');
    await el.updateComplete;
    expect(root.querySelector('mutual-crisis-resources')).not.to.equal(null);
    buttonNamed(root, 'Share my check-in').click();
    await storedAtLeast({ subject: id, type: EventTypes.checkinSubmitted });
    await until(() => text(root.querySelector('[part="status"]')) === 'Sent.', 'Sent.');
    const help = root.querySelector('mutual-crisis-resources')!;
    expect(help, 'help lines after sending').not.to.equal(null);
    await help.updateComplete;
    expect(text(help.shadowRoot!.querySelector('[part="line"]'))).to.equal('Samaritans: 116 123 (24/7)');
    // Order on screen: thanks, status, help lines, then a gentle invitation to give back, closed.
    expect(
      root.querySelector('#thanks')!.compareDocumentPosition(help) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).to.be.greaterThan(0);
    expect(
      help.compareDocumentPosition(buttonNamed(root, 'Leave a few words for a peer')) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).to.be.greaterThan(0);
    expect(root.querySelector('#encourage')).to.equal(null);
    await expectAxeClean(el);
    // Passing over the give-back step does not take them away either.
    buttonNamed(root, 'Not today').click();
    await el.updateComplete;
    expect(root.querySelector('#done')).not.to.equal(null);
    expect(root.querySelector('mutual-crisis-resources')).not.to.equal(null);
    // A fresh check-in starts without them.
    buttonNamed(root, 'New check-in').click();
    await el.updateComplete;
    expect(root.querySelector('mutual-crisis-resources')).to.equal(null);
  });

  it('the lowest mood keeps them too, after a reload while the check-in waits to be sent', async () => {
    const id = uniqueSubject('crisis-mood');
    const { scope, endpoint } = scoped('crisis-mood');
    await injectFault({ scope, count: 50, status: 503, retryAfter: 30 });
    const el = await fixture<MutualCheckIn>(
      html`<mutual-check-in check-in-id=${id} endpoint=${endpoint}></mutual-check-in>`,
    );
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="1"]')!.click();
    await el.updateComplete;
    buttonNamed(el.shadowRoot!, 'Share my check-in').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('mutual-crisis-resources')).not.to.equal(null);
    el.remove();
    const again = await fixture<MutualCheckIn>(
      html`<mutual-check-in check-in-id=${id} endpoint=${endpoint}></mutual-check-in>`,
    );
    expect(again.shadowRoot!.querySelector('#thanks')).not.to.equal(null);
    expect(again.shadowRoot!.querySelector('mutual-crisis-resources')).not.to.equal(null);
  });

  it('after a report "I’m worried about the writer", the confirmation keeps the help lines and takes focus; closing returns to Report', async () => {
    const id = uniqueSubject('worried');
    const el = await fixture<MutualStoryCard>(
      html`<mutual-story-card story-id=${id} locale="es-MX" endpoint=${scoped('worried').endpoint}><p>Story</p></mutual-story-card>`,
    );
    const root = el.shadowRoot!;
    const report = buttonNamed(root, 'Reportar');
    report.focus();
    report.click();
    await until(() => root.querySelector('dialog')?.open, 'dialog open');
    root.querySelector<HTMLInputElement>('input[value="worried"]')!.click();
    await el.updateComplete;
    buttonNamed(root, 'Enviar reporte').click();
    await storedAtLeast({ subject: id, type: EventTypes.storyReported });
    await until(() => deepActive()?.id === 'report-thanks', 'focus on the confirmation');
    const help = root.querySelector<MutualCrisisResources>('dialog mutual-crisis-resources')!;
    expect(help).not.to.equal(null);
    await help.updateComplete;
    expect(text(help.shadowRoot!.querySelector('[part="line"]'))).to.equal('Línea de la Vida: 800 911 2000 (24 h)');
    await expectAxeClean(el);
    buttonNamed(root, 'Cerrar').click();
    await until(() => deepActive() === report, 'focus back on Report');
  });
});

describe('focus never falls to the page', () => {
  afterEach(() => localStorage.clear());

  it('after sending a response, focus moves to the confirmation', async () => {
    const id = uniqueSubject('focus-resp');
    const el = await fixture<MutualStoryCard>(
      html`<mutual-story-card story-id=${id} endpoint=${scoped('focus').endpoint}><p>Story</p></mutual-story-card>`,
    );
    const root = el.shadowRoot!;
    buttonNamed(root, 'Share your experience').click();
    await until(() => root.querySelector('textarea'), 'the reply composer');
    await typeInto(root, 'textarea', 'Same here. Walks helped me.');
    buttonNamed(root, 'Send').focus();
    await sendKeys({ press: 'Enter' });
    await storedAtLeast({ subject: id, type: EventTypes.storyResponse });
    await until(() => deepActive()?.id === 'response-status', 'focus on the confirmation');
    expect(text(deepActive())).to.equal('Thank you for sharing back. Your words may help someone feel less alone.');
    expect(document.activeElement).not.to.equal(document.body);
  });

  it('after each check-in step change, focus moves to the new step’s heading', async () => {
    const el = await fixture<MutualCheckIn>(
      html`<mutual-check-in check-in-id=${uniqueSubject('steps')} endpoint=${scoped('steps').endpoint}></mutual-check-in>`,
    );
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[value="4"]')!.click();
    buttonNamed(root, 'Share my check-in').click();
    await until(() => deepActive()?.id === 'thanks', 'thanks heading');
    expect(deepActive()!.getAttribute('role')).to.equal('heading');
    // The give-back step joins the heading where it stands: focus stays on it.
    await until(() => buttonNamed(root, 'Skip for now'), 'the give-back step');
    expect(deepActive()?.id).to.equal('thanks');
    buttonNamed(root, 'Skip for now').click();
    await until(() => deepActive()?.id === 'done', 'done heading');
    buttonNamed(root, 'New check-in').click();
    await until(() => deepActive()?.id === 'title', 'form heading');
    expect(text(deepActive())).to.equal('Check in with yourself');
  });

  it('after a refused check-in, "Back to my check-in" moves focus to the form’s heading', async () => {
    const { scope, endpoint } = scoped('back-focus');
    await injectFault({ scope, count: 1, status: 400 });
    const el = await fixture<MutualCheckIn>(
      html`<mutual-check-in check-in-id=${uniqueSubject('back')} endpoint=${endpoint}></mutual-check-in>`,
    );
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[value="3"]')!.click();
    buttonNamed(root, 'Share my check-in').click();
    await until(() => buttonNamed(root, 'Back to my check-in'), 'refused');
    buttonNamed(root, 'Back to my check-in').click();
    await until(() => deepActive()?.id === 'title', 'form heading');
  });
});

describe('headings fit the host’s page', () => {
  it('an h1, then cards and a check-in: the defaults pass axe’s heading-order rule', async () => {
    const page = await fixture(html`<main>
      <h1>Our community</h1>
      <mutual-story-card story-id="h-1" heading="First week" no-reactions><p>Story one</p></mutual-story-card>
      <mutual-story-card story-id="h-2" heading="Second week" no-reactions><p>Story two</p></mutual-story-card>
      <mutual-check-in check-in-id="h-ci"></mutual-check-in>
    </main>`);
    for (const el of page.querySelectorAll('mutual-story-card, mutual-check-in'))
      await (el as MutualCheckIn).updateComplete;
    const results = await window.axe.run(page, { runOnly: ['heading-order'] });
    expect(results.violations).to.deep.equal([]);
    const card = page.querySelector('mutual-story-card')!;
    expect(card.shadowRoot!.querySelector('[part="heading"]')!.getAttribute('aria-level')).to.equal('2');
  });

  it('heading-level: a card under an h2 renders level 3, a check-in level 3 with its help lines at 4', async () => {
    const page = await fixture(html`<section>
      <h1>Community</h1>
      <h2>Stories</h2>
      <mutual-story-card story-id="h-3" heading="Third week" heading-level="3" no-reactions><p>Story</p></mutual-story-card>
      <mutual-check-in check-in-id="h-ci-3" heading-level="3"></mutual-check-in>
    </section>`);
    const card = page.querySelector('mutual-story-card')!;
    const checkIn = page.querySelector('mutual-check-in')!;
    await card.updateComplete;
    await checkIn.updateComplete;
    expect(card.shadowRoot!.querySelector('[part="heading"]')!.getAttribute('aria-level')).to.equal('3');
    expect(checkIn.shadowRoot!.querySelector('#title')!.getAttribute('aria-level')).to.equal('3');
    checkIn.shadowRoot!.querySelector<HTMLInputElement>('input[value="1"]')!.click();
    await checkIn.updateComplete;
    const help = checkIn.shadowRoot!.querySelector('mutual-crisis-resources')!;
    await help.updateComplete;
    expect(help.shadowRoot!.querySelector('[part="title"]')!.getAttribute('aria-level')).to.equal('4');
    const results = await window.axe.run(page, { runOnly: ['heading-order'] });
    expect(results.violations).to.deep.equal([]);
  });
});

describe('every setting reaches every part', () => {
  afterEach(() => localStorage.clear());

  it('a card on a page with no provider: its endpoint reaches its reaction bar, and a press is stored', async () => {
    const id = uniqueSubject('cms-card');
    const el = await fixture<MutualStoryCard>(
      html`<mutual-story-card story-id=${id} endpoint=${scoped('cms').endpoint}><p>Story</p></mutual-story-card>`,
    );
    const bar = await until(() => el.shadowRoot!.querySelector('mutual-me-too'), 'bar');
    await bar.updateComplete;
    bar.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    const [row] = await storedAtLeast({ subject: id, type: EventTypes.reactionAdded });
    expect(row.data).to.deep.include({ reaction: 'me-too' });
  });

  it('no-trace on a card: its reaction bar writes nothing to the device', async () => {
    const id = uniqueSubject('nt-card');
    const el = await fixture<MutualStoryCard>(
      html`<mutual-story-card no-trace story-id=${id} endpoint=${scoped('nt').endpoint}><p>Story</p></mutual-story-card>`,
    );
    const bar = await until(() => el.shadowRoot!.querySelector('mutual-me-too'), 'bar');
    await bar.updateComplete;
    bar.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await storedAtLeast({ subject: id, type: EventTypes.reactionAdded });
    expect(Object.keys(localStorage).filter((k) => k.startsWith('mutual'))).to.deep.equal([]);
  });

  it('locale, theme, string overrides, reactions, counts and gentle counts on a card reach its bar', async () => {
    const el = await fixture<MutualStoryCard>(html`<mutual-story-card
      story-id=${uniqueSubject('settings')}
      locale="es"
      theme="dark"
      reactions="me-too,strength"
      counts='{"me-too": 3, "strength": 12}'
      hide-counts-below="5"
      strings='{"me-too.strength":"Fuerza"}'
      ><p>Historia</p></mutual-story-card
    >`);
    const bar = (await until(() => el.shadowRoot!.querySelector('mutual-me-too'), 'bar')) as MutualMeToo;
    await bar.updateComplete;
    const buttons = [...bar.shadowRoot!.querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'A mí también, algunas personas',
      'Fuerza, 12 personas',
    ]);
    expect(text(buttons[0].querySelector('[part="count"]'))).to.equal('Algunas personas');
    expect(getComputedStyle(bar).colorScheme).to.equal('dark');
  });
});

describe('a refused reaction rolls back', () => {
  afterEach(() => localStorage.clear());

  it('a 4xx for "Me too": not pressed again, the count as it was, a polite message, forgotten on the device; pressing again adds, never removes', async () => {
    const subject = uniqueSubject('refused');
    const { scope, endpoint } = scoped('refused');
    const bar = await fixture<MutualMeToo>(
      html`<mutual-me-too subject=${subject} endpoint=${endpoint} counts='{"me-too": 4}'></mutual-me-too>`,
    );
    bar.settleMs = 0;
    await injectFault({ scope, count: 1, status: 422 });
    const button = bar.shadowRoot!.querySelector<HTMLButtonElement>('button')!;
    button.click();
    await bar.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(text(button.querySelector('[part="count"]'))).to.equal('5');
    await until(() => button.getAttribute('aria-pressed') === 'false', 'rolled back');
    expect(text(button.querySelector('[part="count"]'))).to.equal('4');
    expect(text(bar.shadowRoot!.querySelector('[role="status"]'))).to.equal(
      '“Me too” could not be saved, so it was not counted. You can try again later.',
    );
    expect(localStorage.getItem(`mutual:reactions:${subject}`)).to.equal(null);
    // Pressing again sends "added" (the first one was never counted), not "removed".
    button.click();
    await storedAtLeast({ subject, type: EventTypes.reactionAdded });
    await pause(300);
    expect(await stored({ subject, type: EventTypes.reactionRemoved })).to.deep.equal([]);
    expect(button.getAttribute('aria-pressed')).to.equal('true');
  });

  it('a removal waits for the answer to its "added": a refused add is never taken off someone else’s count', async () => {
    const subject = uniqueSubject('refused-race');
    const { scope, endpoint } = scoped('race');
    await injectFault({ scope, count: 1, status: 400, delayMs: 600 });
    const bar = await fixture<MutualMeToo>(
      html`<mutual-me-too subject=${subject} endpoint=${endpoint}></mutual-me-too>`,
    );
    bar.settleMs = 0;
    const button = bar.shadowRoot!.querySelector<HTMLButtonElement>('button')!;
    button.click();
    await pause(300); // the "added" is on its way
    button.click(); // take it back before the answer
    await pause(1500);
    expect(await stored({ subject })).to.deep.equal([]);
  });
});

describe('reader topic filters really hide', () => {
  afterEach(() => localStorage.clear());

  it('a story tagged with a hidden topic stays collapsed behind "Show anyway", warning or not', async () => {
    const wrapper = await fixture(html`<mutual-provider hidden-topics="relapse">
      <mutual-story-card story-id="tagged" tags="relapse, family"><p>The week I slipped.</p></mutual-story-card>
      <mutual-story-card story-id="other" tags="family"><p>A good week.</p></mutual-story-card>
    </mutual-provider>`);
    const [tagged, other] = [...wrapper.querySelectorAll('mutual-story-card')] as MutualStoryCard[];
    await tagged.updateComplete;
    await other.updateComplete;
    const root = tagged.shadowRoot!;
    expect(root.querySelector('slot:not([name])')).to.equal(null);
    expect(text(root.querySelector('[part="warning"] p'))).to.equal(
      'Hidden by your settings: this story mentions relapse.',
    );
    expect(other.shadowRoot!.querySelector('[part="warning"]')).to.equal(null);
    buttonNamed(root, 'Show anyway').click();
    await tagged.updateComplete;
    expect(root.querySelector('slot')).not.to.equal(null);
  });

  it('the reader’s own choice hides a tagged story too', async () => {
    localStorage.setItem('mutual:hidden-topics', JSON.stringify(['gambling']));
    const el = await fixture<MutualStoryCard>(
      html`<mutual-story-card story-id="bet" tags="Gambling"><p>Story</p></mutual-story-card>`,
    );
    expect(text(el.shadowRoot!.querySelector('[part="warning"] p'))).to.equal(
      'Hidden by your settings: this story mentions Gambling.',
    );
  });
});

describe('quick exit only when meant, and it leaves nothing behind', () => {
  afterEach(() => localStorage.clear());

  async function load(frame: HTMLIFrameElement, url: string) {
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    frame.src = url;
    await loaded;
    const doc = frame.contentDocument!;
    await until(
      () => doc.querySelector('mutual-quick-exit')?.shadowRoot?.querySelector('button'),
      'quick exit upgraded',
    );
    await until(() => doc.querySelector('mutual-story-card')?.shadowRoot?.querySelector('.report'), 'card upgraded');
    return doc;
  }
  const onNeutral = (frame: HTMLIFrameElement) =>
    frame.contentWindow?.location.pathname === '/tests/helpers/neutral.html';

  async function withPage(query: string, run: (frame: HTMLIFrameElement, doc: Document) => Promise<void>) {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 800px; height: 600px';
    document.body.append(frame);
    try {
      await run(frame, await load(frame, `/tests/helpers/quick-exit-community.html?${query}`));
    } finally {
      frame.remove();
    }
  }

  it('Escape that closes the report dialog, then one more Escape: the reader stays', async () => {
    await withPage(`keys=escape&endpoint=${encodeURIComponent(scoped('qx').endpoint)}`, async (frame, doc) => {
      const card = doc.querySelector('mutual-story-card')!;
      frame.contentWindow!.focus();
      card.shadowRoot!.querySelector<HTMLButtonElement>('.report')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => card.shadowRoot!.querySelector('dialog')?.open, 'dialog open');
      await sendKeys({ press: 'Escape' });
      await until(() => !card.shadowRoot!.querySelector('dialog'), 'dialog closed');
      await sendKeys({ press: 'Escape' });
      await pause(400);
      expect(onNeutral(frame)).to.equal(false);
    });
  });

  it('Escape that closes the response composer, or that the page handled, does not count', async () => {
    await withPage(`keys=escape&endpoint=${encodeURIComponent(scoped('qx2').endpoint)}`, async (frame, doc) => {
      const card = doc.querySelector('mutual-story-card')!;
      frame.contentWindow!.focus();
      buttonNamed(card.shadowRoot!, 'Share your experience').click();
      await until(() => card.shadowRoot!.querySelector('textarea'), 'the reply composer');
      card.shadowRoot!.querySelector('textarea')!.focus();
      await sendKeys({ press: 'Escape' });
      await until(() => !card.shadowRoot!.querySelector('textarea'), 'composer closed');
      await sendKeys({ press: 'Escape' });
      await pause(400);
      expect(onNeutral(frame)).to.equal(false);
      // The page's own handler (say, its menu) takes Escape: neither press counts.
      const handled = (e: KeyboardEvent) => e.key === 'Escape' && e.preventDefault();
      doc.addEventListener('keydown', handled);
      doc.querySelector<HTMLInputElement>('input')!.focus();
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
      await pause(400);
      expect(onNeutral(frame)).to.equal(false);
      doc.removeEventListener('keydown', handled);
      // Two quick Escapes with nothing open still leave.
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
      await until(() => onNeutral(frame), 'left');
    });
  });

  it('leaving hands unsent events to the exit delivery, then removes everything Mutual kept; the next visit shows nothing', async () => {
    const id = uniqueSubject('qx-ci');
    const story = uniqueSubject('qx-story');
    const { scope, endpoint } = scoped('qx-leave');
    await injectFault({ scope, count: 100, status: 503, retryAfter: 60 });
    await withPage(`endpoint=${encodeURIComponent(endpoint)}&checkin=${id}&story=${story}`, async (frame, doc) => {
      const checkIn = doc.querySelector('mutual-check-in')!;
      const card = doc.querySelector('mutual-story-card')!;
      const ci = checkIn.shadowRoot!;
      ci.querySelector<HTMLInputElement>('input[value="2"]')!.click();
      const hard = ci.querySelector<HTMLTextAreaElement>('#hard')!;
      hard.value = 'I am scared to go home';
      hard.dispatchEvent(new Event('input'));
      buttonNamed(ci, 'Share my check-in').click();
      buttonNamed(card.shadowRoot!, 'Share your experience').click();
      await until(() => card.shadowRoot!.querySelector('textarea'), 'the reply composer');
      const reply = card.shadowRoot!.querySelector('textarea')!;
      reply.value = 'Me too, it gets easier';
      reply.dispatchEvent(new Event('input'));
      const bar = await until(
        () => card.shadowRoot!.querySelector('mutual-me-too')?.shadowRoot?.querySelector('button'),
        'bar',
      );
      bar.click();
      await until(() => frame.contentWindow!.localStorage.getItem(`mutual:reactions:${story}`), 'reaction remembered');
      await until(
        () => Object.keys(localStorage).some((k) => k.startsWith('mutual:outbox:')),
        'check-in in the outbox',
      );
      doc.querySelector<HTMLButtonElement>('mutual-quick-exit')!.shadowRoot!.querySelector('button')!.click();
      await until(() => onNeutral(frame), 'left');
      expect(Object.keys(localStorage).filter((k) => k.startsWith('mutual'))).to.deep.equal([]);
      // The next visit: an empty check-in, no reply, nothing pressed.
      const next = await load(
        frame,
        `/tests/helpers/quick-exit-community.html?endpoint=${encodeURIComponent(scoped('qx-next').endpoint)}&checkin=${id}&story=${story}`,
      );
      const nextCheckIn = next.querySelector('mutual-check-in')!;
      await nextCheckIn.updateComplete;
      expect(nextCheckIn.shadowRoot!.querySelector<HTMLTextAreaElement>('#hard')!.value).to.equal('');
      expect(nextCheckIn.shadowRoot!.querySelector('#thanks')).to.equal(null);
      const nextCard = next.querySelector('mutual-story-card')!;
      expect(nextCard.shadowRoot!.querySelector('textarea')).to.equal(null);
      const nextBar = await until(
        () => nextCard.shadowRoot!.querySelector('mutual-me-too')?.shadowRoot?.querySelector('button'),
        'bar',
      );
      expect(nextBar.getAttribute('aria-pressed')).to.equal('false');
    });
  });

  it('keep-data: leaving keeps the draft for the next visit', async () => {
    const id = uniqueSubject('qx-keep');
    await withPage(`keep-data&checkin=${id}`, async (frame, doc) => {
      const ci = doc.querySelector('mutual-check-in')!.shadowRoot!;
      ci.querySelector<HTMLInputElement>('input[value="3"]')!.click();
      await until(() => localStorage.getItem(`mutual:draft:checkin:${id}`), 'draft kept');
      doc.querySelector('mutual-quick-exit')!.shadowRoot!.querySelector('button')!.click();
      await until(() => onNeutral(frame), 'left');
      expect(JSON.parse(localStorage.getItem(`mutual:draft:checkin:${id}`)!).mood).to.equal(3);
    });
  });

  it('unsent events go out with the exit delivery when the endpoint is up', async () => {
    const id = uniqueSubject('qx-deliver');
    await withPage(
      `endpoint=${encodeURIComponent(scoped('qx-up').endpoint)}&checkin=${id}&batch=5000`,
      async (frame, doc) => {
        const ci = doc.querySelector('mutual-check-in')!.shadowRoot!;
        ci.querySelector<HTMLInputElement>('input[value="2"]')!.click();
        buttonNamed(ci, 'Share my check-in').click();
        doc.querySelector('mutual-quick-exit')!.shadowRoot!.querySelector('button')!.click();
        await until(() => onNeutral(frame), 'left');
      },
    );
    const [row] = await storedAtLeast({ subject: id, type: EventTypes.checkinSubmitted });
    expect(row.data).to.deep.include({ mood: 2 });
    expect(Object.keys(localStorage).filter((k) => k.startsWith('mutual'))).to.deep.equal([]);
  });
});
