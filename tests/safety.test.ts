import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/all.js';
import type { MutualCheckIn } from '../src/check-in/check-in.js';
import { EventTypes } from '../src/core/protocol/envelope.js';
import type { MutualStoryCard } from '../src/story-card/story-card.js';
import { buttonNamed, captureWarnings, expectAxeClean } from './helpers/browser.js';
import type { MutualQuickExit } from '../src/quick-exit/quick-exit.js';
import { scoped, stored, storedAtLeast, uniqueSubject, until } from './helpers/collector.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('identity nudge in the composers', () => {
  afterEach(() => localStorage.clear());

  it('story response: a phone number gets a gentle note; Edit sends nothing, Send anyway sends', async () => {
    const id = uniqueSubject('nudge');
    const card = await fixture<MutualStoryCard>(
      html`<mutual-story-card story-id=${id} endpoint=${scoped('nudge').endpoint}><p>Story</p></mutual-story-card>`,
    );
    const root = card.shadowRoot!;
    buttonNamed(root, 'Share your experience').click();
    await until(() => root.querySelector('textarea'), 'the reply composer');
    root.querySelector('textarea')!.focus();
    await sendKeys({ type: 'Text me on 07700 900123 if you want to talk' });
    buttonNamed(root, 'Send').click();
    await card.updateComplete;
    expect(root.querySelector('#nudge-text')!.textContent!.trim()).to.equal(
      'This looks like a phone number. Others will see it. Remove it?',
    );
    await until(() => root.activeElement?.id === 'nudge-text', 'focus on the note');
    await expectAxeClean(card);
    buttonNamed(root, 'Edit').click();
    await card.updateComplete;
    expect(root.activeElement).to.equal(root.querySelector('textarea'));
    expect(root.querySelector('#nudge-text')).to.equal(null);
    await pause(300);
    expect(await stored({ subject: id, type: EventTypes.storyResponse })).to.have.length(0);
    buttonNamed(root, 'Send').click();
    await card.updateComplete;
    buttonNamed(root, 'Send anyway').click();
    const [row] = await storedAtLeast({ subject: id, type: EventTypes.storyResponse });
    expect(row.data.text).to.equal('Text me on 07700 900123 if you want to talk');
  });

  it('check-in (es): an email address in "what helped" is noted in Spanish; Send anyway submits', async () => {
    const id = uniqueSubject('nudge-ci');
    const el = await fixture<MutualCheckIn>(
      html`<mutual-check-in locale="es" check-in-id=${id} endpoint=${scoped('nudge-ci').endpoint}></mutual-check-in>`,
    );
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[value="4"]')!.click();
    const helped = root.querySelector<HTMLTextAreaElement>('#helped')!;
    helped.value = 'Hablar con ana.lopez@correo.es';
    helped.dispatchEvent(new Event('input'));
    await el.updateComplete;
    buttonNamed(root, 'Compartir cómo estoy').click();
    await el.updateComplete;
    expect(root.querySelector('#nudge-text')!.textContent!.trim()).to.equal(
      'Esto parece una dirección de correo. Otras personas lo verán. ¿Quieres quitarlo?',
    );
    await pause(300);
    expect(await stored({ subject: id })).to.have.length(0);
    buttonNamed(root, 'Enviar de todos modos').click();
    const [row] = await storedAtLeast({ subject: id, type: EventTypes.checkinSubmitted });
    expect(row.data.helped).to.equal('Hablar con ana.lopez@correo.es');
  });

  it('give-back tip (ar): a handle is noted before the tip is shared', async () => {
    const id = uniqueSubject('nudge-tip');
    const el = await fixture<MutualCheckIn>(
      html`<mutual-check-in locale="ar" check-in-id=${id} endpoint=${scoped('nudge-tip').endpoint}></mutual-check-in>`,
    );
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[value="5"]')!.click();
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    root.querySelector<HTMLTextAreaElement>('#tip')!.value = 'تابعني على @salma_recovery';
    root.querySelector<HTMLTextAreaElement>('#tip')!.dispatchEvent(new Event('input'));
    root.querySelector<HTMLInputElement>('#tip-consent')!.click();
    buttonNamed(root, 'شارك نصيحتي').click();
    await el.updateComplete;
    expect(root.querySelector('#nudge-text')!.textContent).to.contain('يبدو هذا اسم مستخدم');
    await pause(300);
    expect(await stored({ subject: id, type: EventTypes.checkinTipShared })).to.have.length(0);
    buttonNamed(root, 'أرسل على أي حال').click();
    await storedAtLeast({ subject: id, type: EventTypes.checkinTipShared });
  });
});

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
