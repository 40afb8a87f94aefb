import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/me-too/define.js';
import '../../src/provider/define.js';
import type { MutualMeToo } from '../../src/me-too/me-too.js';
import { EventTypes } from '../../src/core/protocol/envelope.js';
import { captureWarnings, emulateMedia, expectAxeClean } from '../helpers/browser.js';
import { counts, scoped, stored, storedAtLeast, uniqueSubject, until } from '../helpers/collector.js';

const buttons = (el: MutualMeToo) => [...el.shadowRoot!.querySelectorAll('button')];
const button = (el: MutualMeToo, label: string) => buttons(el).find((b) => b.textContent!.includes(label))!;

async function bar(attrs: { subject?: string; endpoint?: string; counts?: string; extra?: string } = {}) {
  const el = await fixture<MutualMeToo>(html`<mutual-me-too
    subject=${attrs.subject ?? uniqueSubject('mt')}
    endpoint=${attrs.endpoint ?? scoped('mt').endpoint}
    counts=${attrs.counts ?? ''}
  ></mutual-me-too>`);
  el.settleMs = 30;
  return el;
}

const storedFor = (subject: string, n: number) => storedAtLeast({ subject }, n);

describe('<mutual-me-too>', () => {
  afterEach(() => localStorage.clear());

  it('a reader counts once per subject: one anonymous key per subject, never the same on two subjects', async () => {
    const [first, second] = [uniqueSubject('key-a'), uniqueSubject('key-b')];
    const a = await bar({ subject: first });
    const b = await bar({ subject: second });
    button(a, 'Me too').click();
    button(b, 'Me too').click();
    const [[rowA], [rowB]] = await Promise.all([storedFor(first, 1), storedFor(second, 1)]);
    expect(rowA.data.reactor).not.to.equal(rowB.data.reactor);
    // Pressing again on the same subject (another reaction, later) keeps the key: still one reader.
    await until(() => !a.shadowRoot!.querySelector('[aria-busy="true"]'), 'settled');
    button(a, 'I understand').click();
    const rows = await storedFor(first, 2);
    expect(new Set(rows.map((r) => r.data.reactor)).size).to.equal(1);
    expect(await counts(first)).to.deep.equal({ 'me-too': 1, understand: 1 });
  });

  it('renders the default reactions as a labelled toolbar of toggle buttons, one tab stop', async () => {
    const el = await bar({ counts: '{"me-too": 12}' });
    const toolbar = el.shadowRoot!.querySelector('[role="toolbar"]')!;
    expect(toolbar.getAttribute('aria-label')).to.equal('Respond to this as a peer');
    expect(buttons(el).map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Me too 12',
      'I understand',
      'Sending strength',
      'This helped me',
    ]);
    expect(buttons(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'false', 'false', 'false']);
    expect(buttons(el).map((b) => b.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    expect(button(el, 'Me too').getAttribute('aria-label')).to.equal('Me too, 12 people');
    // Each button shows its icon as real SVG, hidden from assistive technology.
    for (const icon of buttons(el).map((b) => b.querySelector('[part="icon"]')!)) {
      expect(icon.namespaceURI).to.equal('http://www.w3.org/2000/svg');
      expect(icon.getAttribute('aria-hidden')).to.equal('true');
      expect(icon.querySelector('path, circle')!.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    }
    await expectAxeClean(el);
  });

  it('a click presses the reaction at once and the collector stores reaction.added for the subject', async () => {
    const subject = uniqueSubject('click');
    const el = await bar({ subject, counts: '{"me-too": 2}' });
    const seen = oneEvent(el, 'mutual-reaction');
    button(el, 'Me too').click();
    const event = await seen;
    expect(event.detail).to.deep.equal({ subject, reaction: 'me-too', active: true, count: 3 });
    await el.updateComplete;
    expect(button(el, 'Me too').getAttribute('aria-pressed')).to.equal('true');
    expect(button(el, 'Me too').getAttribute('aria-label')).to.equal('Me too, 3 people');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Me too: 3 people');
    const [row] = await storedFor(subject, 1);
    expect(row.type).to.equal(EventTypes.reactionAdded);
    expect(row.subject).to.equal(subject);
    const { reactor, ...data } = row.data as { reactor: string };
    expect(data).to.deep.equal({ reaction: 'me-too' });
    expect(reactor).to.match(/^[0-9a-f]{32}$/);
    expect(await counts(subject)).to.deep.equal({ 'me-too': 1 });
  });

  it('a real click on a reaction’s icon presses it, and that reaction becomes the bar’s tab stop', async () => {
    const subject = uniqueSubject('icon');
    const el = await bar({ subject });
    const icon = buttons(el)[2].querySelector('svg')!.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(icon.x + icon.width / 2), Math.round(icon.y + icon.height / 2)],
    });
    await el.updateComplete;
    expect(button(el, 'Sending strength').getAttribute('aria-pressed')).to.equal('true');
    expect(buttons(el).map((b) => b.tabIndex)).to.deep.equal([-1, -1, 0, -1]);
    const [row] = await storedFor(subject, 1);
    expect(row.data).to.deep.include({ reaction: 'strength' });
    await resetMouse();
  });

  it('works by keyboard: arrows move between reactions (one tab stop), Enter and Space toggle', async () => {
    const subject = uniqueSubject('keys');
    const el = await bar({ subject });
    buttons(el)[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.textContent).to.contain('I understand');
    expect(buttons(el).map((b) => b.tabIndex)).to.deep.equal([-1, 0, -1, -1]);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button(el, 'I understand').getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(button(el, 'This helped me').getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.textContent).to.contain('This helped me');
    const rows = await storedFor(subject, 2);
    expect(rows.map((r) => r.data.reaction).sort()).to.deep.equal(['helped', 'understand']);
  });

  it('in Arabic the bar is right-to-left, labels are translated, and ArrowLeft moves forward', async () => {
    const el = await fixture<MutualMeToo>(
      html`<mutual-me-too subject="ar-1" locale="ar" counts='{"me-too": 3}'></mutual-me-too>`,
    );
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    const three = new Intl.NumberFormat('ar').format(3);
    expect(buttons(el)[0].getAttribute('aria-label')).to.equal(`وأنا أيضًا، ${three} أشخاص`);
    buttons(el)[0].focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.shadowRoot!.activeElement?.textContent).to.contain('أفهمك');
    await expectAxeClean(el);
  });

  it('in Arabic, one and two keep the number a reader sees in the button’s name (label in name)', async () => {
    for (const n of [1, 2]) {
      const el = await fixture<MutualMeToo>(
        html`<mutual-me-too subject="ar-${n}" locale="ar" counts='{"me-too": ${n}}'></mutual-me-too>`,
      );
      const shown = buttons(el)[0].textContent!.replace(/\s+/g, ' ').trim();
      expect(shown).to.equal(`وأنا أيضًا ${new Intl.NumberFormat('ar').format(n)}`);
      expect(buttons(el)[0].getAttribute('aria-label')!.replace('،', '')).to.include(shown);
      await expectAxeClean(el);
    }
  });

  it('without a provider it follows the page’s language when a client-side switch changes <html lang>', async () => {
    const html0 = document.documentElement;
    const before = html0.getAttribute('lang');
    try {
      const el = await fixture<MutualMeToo>(html`<mutual-me-too subject="lang-switch"></mutual-me-too>`);
      expect(buttons(el)[0].textContent).to.contain('Me too');
      html0.setAttribute('lang', 'es');
      await until(() => buttons(el)[0].textContent!.includes('A mí también'), 'Spanish');
      html0.setAttribute('lang', 'ar');
      await until(() => el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir') === 'rtl', 'Arabic');
    } finally {
      if (before === null) html0.removeAttribute('lang');
      else html0.setAttribute('lang', before);
    }
  });

  it('remembers the visitor’s reaction after a reload; pressing again stores the removal', async () => {
    const subject = uniqueSubject('reload');
    const { endpoint } = scoped('reload');
    let el = await bar({ subject, endpoint });
    button(el, 'Sending strength').click();
    await storedFor(subject, 1);
    el.remove();
    // A new element for the same subject, as after a reload: pressed state and live count from the endpoint.
    el = await bar({ subject, endpoint });
    await until(() => el.shadowRoot!.querySelector('[part="count"]'), 'count loaded');
    expect(button(el, 'Sending strength').getAttribute('aria-pressed')).to.equal('true');
    expect(button(el, 'Sending strength').getAttribute('aria-label')).to.equal('Sending strength, 1 person');
    button(el, 'Sending strength').click();
    const rows = await storedFor(subject, 2);
    expect(rows.map((r) => r.type)).to.deep.equal([EventTypes.reactionAdded, EventTypes.reactionRemoved]);
    expect(await counts(subject)).to.deep.equal({});
  });

  it('rapid toggling sends only the final state', async () => {
    const subject = uniqueSubject('rapid');
    const el = await bar({ subject });
    el.settleMs = 300;
    for (let i = 0; i < 41; i++) button(el, 'Me too').click();
    await storedFor(subject, 1);
    await new Promise((r) => setTimeout(r, 600));
    const rows = await stored({ subject });
    expect(rows.map((r) => r.type)).to.deep.equal([EventTypes.reactionAdded]);
  });

  it('counts come from the endpoint (GET ?subject=) and are formatted compactly above 999', async () => {
    const subject = uniqueSubject('get');
    const el = await bar({ subject, counts: '{"me-too": 1234, "helped": 5}' });
    expect(button(el, 'Me too').textContent).to.contain('1.2K');
    // The endpoint knows nothing of this subject yet: it says 0 for what it has, attribute counts stay for the rest.
    button(el, 'I understand').click();
    await storedFor(subject, 1);
    const fresh = await bar({ subject: subject, endpoint: scoped('get').endpoint });
    await until(() => button(fresh, 'I understand').textContent!.includes('1'), 'count from GET');
    expect(button(fresh, 'I understand').getAttribute('aria-label')).to.equal('I understand, 1 person');
  });

  it('a feed of bars asks for all their counts in one request', async () => {
    const { scope, endpoint } = scoped('feed');
    const subjects = Array.from({ length: 12 }, () => uniqueSubject('feed'));
    const wrapper = await fixture(
      html`<div>${subjects.map((s) => html`<mutual-me-too subject=${s} endpoint=${endpoint}></mutual-me-too>`)}</div>`,
    );
    const bars = [...wrapper.querySelectorAll('mutual-me-too')];
    bars[3].settleMs = 20;
    await bars[3].updateComplete;
    bars[3].shadowRoot!.querySelector('button')!.click();
    await storedFor(subjects[3], 1);
    const fresh = await fixture(
      html`<div>${subjects.map((s) => html`<mutual-me-too subject=${s} endpoint=${endpoint}></mutual-me-too>`)}</div>`,
    );
    const bar = fresh.querySelectorAll('mutual-me-too')[3];
    await until(() => bar.shadowRoot!.querySelector('[part="count"]'), 'count loaded');
    expect(bar.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal('Me too, 1 person');
    const { gets } = (await (await fetch(`/events/stats?scope=${scope}`)).json()) as { gets: number };
    expect(gets).to.equal(2, 'one GET per feed of 12 bars');
  });

  it('malformed counts JSON or a failing GET → one warning and a working bar without counts', async () => {
    const subject = uniqueSubject('bad');
    let el!: MutualMeToo;
    const warnings = await captureWarnings(async () => {
      el = await fixture<MutualMeToo>(
        html`<mutual-me-too subject=${subject} counts="{oops" endpoint="/no-such-endpoint"></mutual-me-too>`,
      );
      await new Promise((r) => setTimeout(r, 300));
    });
    expect(warnings.filter((w) => w.includes('"counts" attribute must be a JSON object'))).to.have.length(1);
    expect(warnings.filter((w) => w.includes('could not load counts'))).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[part="count"]')).to.equal(null);
    button(el, 'Me too').click();
    await el.updateComplete;
    expect(button(el, 'Me too').getAttribute('aria-pressed')).to.equal('true');
  });

  it('ignores unknown reaction names with a warning and accepts a host’s own reaction with a label', async () => {
    let el!: MutualMeToo;
    const warnings = await captureWarnings(async () => {
      el = await fixture<MutualMeToo>(
        html`<mutual-me-too subject="custom-1" reactions="me-too,thumbs-down,hug:Sending a hug"></mutual-me-too>`,
      );
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('unknown reaction "thumbs-down"');
    expect(buttons(el).map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Me too', 'Sending a hug']);
  });

  it('without a subject: one warning, disabled buttons and a reassuring note', async () => {
    let el!: MutualMeToo;
    const warnings = await captureWarnings(async () => {
      el = await fixture<MutualMeToo>(html`<mutual-me-too></mutual-me-too>`);
      el.requestUpdate();
      await el.updateComplete;
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('"subject" attribute is missing');
    expect(buttons(el).every((b) => b.disabled)).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part="note"]')!.textContent).to.contain('Nothing is wrong on your side');
    await expectAxeClean(el);
  });

  it('a cancelled mutual-reaction changes nothing and sends nothing', async () => {
    const subject = uniqueSubject('cancel');
    const el = await bar({ subject, counts: '{"me-too": 4}' });
    el.addEventListener('mutual-reaction', (e) => e.preventDefault());
    button(el, 'Me too').click();
    await el.updateComplete;
    expect(button(el, 'Me too').getAttribute('aria-pressed')).to.equal('false');
    expect(button(el, 'Me too').textContent).to.contain('4');
    await new Promise((r) => setTimeout(r, 500));
    expect(await stored({ subject })).to.have.length(0);
  });

  it('`single` keeps at most one reaction: choosing another moves it', async () => {
    const subject = uniqueSubject('single');
    const el = await bar({ subject });
    el.single = true;
    button(el, 'Me too').click();
    button(el, 'I understand').click();
    await el.updateComplete;
    expect(buttons(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true', 'false', 'false']);
    const rows = await storedFor(subject, 1);
    expect(rows.map((r) => [r.type, r.data.reaction])).to.deep.equal([[EventTypes.reactionAdded, 'understand']]);
  });

  it('`readonly` lists counts without buttons', async () => {
    const el = await fixture<MutualMeToo>(
      html`<mutual-me-too subject="ro" readonly counts='{"me-too": 7, "helped": 2}'></mutual-me-too>`,
    );
    expect(buttons(el)).to.have.length(0);
    const items = [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).to.deep.equal(['Me too 7', 'I understand', 'Sending strength', 'This helped me 2']);
    await expectAxeClean(el);
  });

  it('gentle counts: below the threshold reads "A few people"; counts="hidden" shows no numbers', async () => {
    const el = await fixture<MutualMeToo>(
      html`<mutual-me-too subject="gentle" hide-counts-below="3" counts='{"me-too": 2, "helped": 8}'></mutual-me-too>`,
    );
    expect(button(el, 'Me too').textContent).to.contain('A few people');
    expect(button(el, 'Me too').getAttribute('aria-label')).to.equal('Me too, a few people');
    expect(button(el, 'This helped me').textContent).to.contain('8');
    const hidden = await fixture<MutualMeToo>(
      html`<mutual-me-too subject="gentle" counts="hidden" locale="es"></mutual-me-too>`,
    );
    expect(hidden.shadowRoot!.querySelector('[part="count"]')).to.equal(null);
    expect(buttons(hidden)[0].getAttribute('aria-label')).to.equal('A mí también');
  });

  it('compact layout keeps full accessible names', async () => {
    const el = await fixture<MutualMeToo>(
      html`<mutual-me-too subject="compact" layout="compact" counts='{"understand": 1}'></mutual-me-too>`,
    );
    expect(button(el, 'I understand').getAttribute('aria-label')).to.equal('I understand, 1 person');
    await expectAxeClean(el);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is axe-clean with a pressed reaction in the ${theme} theme`, async () => {
      const el = await fixture<MutualMeToo>(
        html`<mutual-me-too subject="theme-${theme}" theme=${theme} counts='{"me-too": 5}'></mutual-me-too>`,
      );
      button(el, 'Me too').click();
      await el.updateComplete;
      await expectAxeClean(el);
    });
  }

  it('in forced-colors mode a pressed reaction is still distinguishable and axe-clean', async () => {
    await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
    try {
      const el = await fixture<MutualMeToo>(html`<mutual-me-too subject="forced"></mutual-me-too>`);
      button(el, 'Me too').click();
      await el.updateComplete;
      const pressed = getComputedStyle(button(el, 'Me too')).backgroundColor;
      const plain = getComputedStyle(button(el, 'I understand')).backgroundColor;
      expect(pressed).not.to.equal(plain);
      await expectAxeClean(el);
    } finally {
      await emulateMedia([]);
    }
  });
});

describe('<mutual-me-too>: the count a member sees holds their own press exactly once', () => {
  afterEach(() => {
    document.querySelectorAll('iframe').forEach((f) => f.remove());
    localStorage.clear();
  });

  /** Eight peers already sent strength (eight reactor keys), straight to the collector. */
  async function eightPeers(subject: string) {
    const events = Array.from({ length: 8 }, (_, i) => ({
      specversion: '1.0',
      id: crypto.randomUUID(),
      source: 'urn:test:peers',
      type: EventTypes.reactionAdded,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      subject,
      data: { reaction: 'strength', reactor: `${i}`.padStart(32, 'a') },
    }));
    const res = await fetch('/events', {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify(events),
    });
    expect(res.status).to.be.lessThan(300);
    expect(await counts(subject)).to.deep.equal({ strength: 8 });
  }

  /** The built dist/mutual.js on a plain page, in a frame: the bar's "Sending strength" count and pressed state. */
  async function page(subject: string) {
    const frame = document.createElement('iframe');
    frame.src = `/tests/helpers/bar-page.html?subject=${subject}`;
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    const strength = () =>
      frame.contentDocument?.querySelector('mutual-me-too')?.shadowRoot?.querySelectorAll('button')[2] as
        HTMLButtonElement | undefined;
    const seen = () => {
      const b = strength();
      return b
        ? `${b.querySelector('[part="count"]')?.textContent?.trim() ?? '0'} ${b.getAttribute('aria-pressed')}`
        : '';
    };
    await until(() => seen().startsWith('8') || seen().endsWith('true'), 'the bar shows the count');
    return { frame, strength, seen };
  }

  it('9 before the acknowledgement, after it, after a reload and in another tab — never 8, never 10', async () => {
    const subject = uniqueSubject('own-press');
    await eightPeers(subject);
    const first = await page(subject);
    expect(first.seen()).to.equal('8 false');
    first.strength()!.click();
    await until(() => first.seen() === '9 true', 'at once');
    await storedAtLeast({ subject, type: EventTypes.reactionAdded }, 9);
    // Past the acknowledgement (the bar settles, sends, and hears back): still 9.
    const after: string[] = [];
    for (let i = 0; i < 20; i++) {
      after.push(first.seen());
      await new Promise((r) => setTimeout(r, 100));
    }
    expect([...new Set(after)]).to.deep.equal(['9 true']);
    // A second tab, opened now, reads 9 from the endpoint: the press is in it once.
    const second = await page(subject);
    await until(() => second.seen() === '9 true', 'another tab');
    // A reload of the first.
    first.frame.contentWindow!.location.reload();
    await new Promise((r) => first.frame.addEventListener('load', r, { once: true }));
    await until(() => first.seen() === '9 true', 'after a reload');
    // Taken back in the second tab: 8 there, and the first follows without a reload.
    second.strength()!.click();
    await until(() => second.seen() === '8 false', 'unpressed');
    await until(() => first.seen() === '8 false', 'the other tab follows');
    await until(async () => (await counts(subject)).strength === 8, 'the endpoint has 8');
    await new Promise((r) => setTimeout(r, 1500));
    expect([first.seen(), second.seen()]).to.deep.equal(['8 false', '8 false']);
  });

  it('damaged memory of a reaction is set aside with one warning; the bar renders and works', async () => {
    const subject = uniqueSubject('damaged');
    for (const damaged of ['null', '42', '{}', '{"active":"me-too","sent":[]}', '{"active":[1],"sent":[]}']) {
      localStorage.setItem(`mutual:reactions:${subject}`, damaged);
      let el!: MutualMeToo;
      const warnings = await captureWarnings(async () => {
        el = await bar({ subject });
      });
      expect(
        warnings.filter((w) => w.includes('was damaged')),
        damaged,
      ).to.have.length(1);
      expect(
        buttons(el).map((b) => b.getAttribute('aria-pressed')),
        damaged,
      ).to.deep.equal(['false', 'false', 'false', 'false']);
      el.remove();
    }
    const el = await bar({ subject });
    button(el, 'Me too').click();
    await storedAtLeast({ subject, type: EventTypes.reactionAdded });
  });
});
