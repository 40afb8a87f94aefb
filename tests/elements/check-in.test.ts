import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/check-in/define.js';
import type { MutualCheckIn } from '../../src/check-in/check-in.js';
import { suggestsCrisis } from '../../src/core/protocol/crisis-language.js';
import { EventTypes } from '../../src/core/protocol/envelope.js';
import { expectAxeClean, peer } from '../helpers/browser.js';
import {
  approveItem,
  injectFault,
  publishStory,
  scoped,
  stored,
  storedAtLeast,
  uniqueSubject,
  until,
} from '../helpers/collector.js';

const $ = <T extends Element = HTMLElement>(el: MutualCheckIn, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const buttonNamed = (el: MutualCheckIn, name: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;
const active = (el: MutualCheckIn) => el.shadowRoot!.activeElement as HTMLElement | null;
/** The give-back step, once its part is here (a press by script, unlike a member's, does not start loading it early). */
const giveStep = (el: MutualCheckIn) =>
  until(() => el.shadowRoot!.querySelector('#encourage, button[aria-expanded]'), 'the give-back step');

async function checkIn(attrs: Record<string, string> = {}) {
  const el = document.createElement('mutual-check-in');
  el.setAttribute('check-in-id', attrs['check-in-id'] ?? uniqueSubject('ci'));
  el.setAttribute('endpoint', attrs.endpoint ?? scoped('ci').endpoint);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return fixture<MutualCheckIn>(el);
}

async function chooseMood(el: MutualCheckIn, mood: number) {
  $<HTMLInputElement>(el, `input[value="${mood}"]`).click();
  await el.updateComplete;
}

/** Checks in (mood 4), then gives `words` back as an encouragement; until the endpoint has it. */
async function checkInAndEncourage(el: MutualCheckIn, words: string) {
  await chooseMood(el, 4);
  buttonNamed(el, 'Share my check-in').click();
  await giveStep(el);
  $<HTMLTextAreaElement>(el, '#encourage').value = words;
  $<HTMLTextAreaElement>(el, '#encourage').dispatchEvent(new Event('input'));
  buttonNamed(el, 'Send encouragement').click();
  await storedAtLeast({ type: EventTypes.checkinEncouragement, subject: el.checkInId });
}

/** What the endpoint offers peers as encouragements (`GET ?peer-messages=n`). */
const peerMessages = async (n: number) =>
  ((await (await fetch(`/events?peer-messages=${n}`)).json()) as { messages: { text: string }[] }).messages.map(
    (m) => m.text,
  );

describe('<mutual-check-in>', () => {
  afterEach(() => localStorage.clear());

  it('a full check-in by keyboard alone is stored exactly as entered', async () => {
    const id = uniqueSubject('kbd');
    const el = await checkIn({ 'check-in-id': id, topics: 'sleep,cravings,work' });
    await expectAxeClean(el);
    $<HTMLInputElement>(el, 'input[value="1"]').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[value="3"]').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('hard');
    await sendKeys({ type: 'Slept badly' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'A walk with a friend' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent).to.equal('Sleep');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent!.trim()).to.equal('Share my check-in');
    await sendKeys({ press: 'Enter' });
    const [row] = await storedAtLeast({ subject: id, type: EventTypes.checkinSubmitted });
    expect(row.data).to.deep.equal({
      mood: 3,
      topics: ['sleep', 'work'],
      hard: 'Slept badly',
      helped: 'A walk with a friend',
    });
    expect(row.data).not.to.have.property('participant');
    await el.updateComplete;
    expect(active(el)?.id).to.equal('thanks');
    await until(() => $(el, '[part="status"]').textContent === 'Sent.', 'sent status');
    expect(localStorage.getItem(`mutual:draft:checkin:${id}`)).to.equal(null);
    await expectAxeClean(el);
  });

  it('after a hard check-in, the next one on this device opens with "Last time was hard", once, and can be hidden', async () => {
    const id = uniqueSubject('last-hard');
    const first = await checkIn({ 'check-in-id': id });
    expect(first.shadowRoot!.querySelector('[part="last-time"]')).to.equal(null, 'nothing before any check-in');
    await chooseMood(first, 1);
    buttonNamed(first, 'Share my check-in').click();
    // Until the endpoint's answer reaches the page, the check-in is still on its way (a reload resumes it).
    await until(() => $(first, '[part="status"]')?.textContent === 'Sent.', 'sent status');
    first.remove();

    const next = await checkIn({ 'check-in-id': id });
    const note = $(next, '[part="last-time"]');
    expect(note.textContent).to.contain('Last time was hard. How are you today?');
    expect(note.compareDocumentPosition($(next, 'fieldset')) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    await expectAxeClean(next);
    buttonNamed(next, 'Hide this note').focus();
    await sendKeys({ press: 'Enter' });
    await next.updateComplete;
    expect(next.shadowRoot!.querySelector('[part="last-time"]')).to.equal(null);
    expect(active(next)?.getAttribute('name')).to.equal('mood', 'focus moves on to the question, not the page');
    next.remove();

    const again = await checkIn({ 'check-in-id': id });
    expect(again.shadowRoot!.querySelector('[part="last-time"]')).to.equal(null, 'said once');
    // After a good day, no note.
    await chooseMood(again, 4);
    buttonNamed(again, 'Share my check-in').click();
    await again.updateComplete;
    again.remove();
    expect((await checkIn({ 'check-in-id': id })).shadowRoot!.querySelector('[part="last-time"]')).to.equal(null);
  });

  it('a hard check-in still on its way keeps "Last time was hard" for the next fresh check-in', async () => {
    const id = uniqueSubject('last-hard-pending');
    const { scope, endpoint } = scoped('last-hard-pending');
    await injectFault({ scope, count: 1, status: 503, retryAfter: 1 });
    const first = await checkIn({ 'check-in-id': id, endpoint });
    await chooseMood(first, 2);
    buttonNamed(first, 'Share my check-in').click();
    await first.updateComplete;
    first.remove();

    // Reopened while it is still on its way: the check-in resumes; the note waits for a fresh form.
    const resumed = await checkIn({ 'check-in-id': id, endpoint });
    expect(resumed.shadowRoot!.querySelector('[part="last-time"]')).to.equal(null);
    await until(() => $(resumed, '[part="status"]')?.textContent === 'Sent.', 'sent after the retry', 10_000);
    resumed.remove();

    const next = await checkIn({ 'check-in-id': id, endpoint });
    expect($(next, '[part="last-time"]').textContent).to.contain('Last time was hard. How are you today?');
  });

  it('after a check-in with topics, up to three peers’ stories on them appear as cards; warned ones stay behind their warning', async () => {
    const topic = uniqueSubject('nights').toLowerCase();
    for (const n of [1, 2, 3, 4])
      await publishStory({
        id: `${topic}-${n}`,
        heading: `Night ${n}`,
        text: `Night number ${n} was long.`,
        tags: n === 1 ? [] : [topic],
        contentWarning: n === 1 ? [topic] : [],
      });
    const el = await checkIn({ topics: topic });
    await chooseMood(el, 2);
    buttonNamed(el, topic).click();
    await el.updateComplete;
    buttonNamed(el, 'Share my check-in').click();
    const section = await until(() => el.shadowRoot!.querySelector('[part="stories"]'), 'stories offered');
    expect(section.querySelector('[role="heading"]')!.textContent).to.equal(
      `Others who found ${topic} hard shared these`,
    );
    const cards = [...section.querySelectorAll('mutual-story-card')];
    expect(cards.length).to.equal(3, 'at most three');
    await until(() => cards.every((c) => c.shadowRoot?.querySelector('[part="base"]')), 'cards rendered');
    const warned = cards.find((c) => c.getAttribute('content-warning'));
    if (warned) {
      expect(warned.shadowRoot!.querySelector('[part="warning"]')).not.to.equal(
        null,
        'a warned story stays behind its warning',
      );
      expect(warned.shadowRoot!.querySelector('[part="story"]')).to.equal(null);
    }
    // Only the topic went to the endpoint to find them, in the feed's own request shape.
    const asked = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.searchParams.has('stories') && u.searchParams.get('topic') === topic);
    expect(asked.length).to.be.greaterThan(0);
    const keys = [...asked[0].searchParams.keys()].filter((k) => k !== 'scope'); // `scope`: the test's own endpoint
    expect(keys.sort()).to.deep.equal(['limit', 'stories', 'topic']);
    await expectAxeClean(el);
  });

  it('after crisis help, peers’ stories wait until the member asks for them', async () => {
    const topic = uniqueSubject('hard-nights').toLowerCase();
    await publishStory({ id: `${topic}-1`, heading: 'A long night', text: 'It passed.', tags: [topic] });
    const el = await checkIn({ topics: topic });
    await chooseMood(el, 1);
    buttonNamed(el, topic).click();
    await el.updateComplete;
    buttonNamed(el, 'Share my check-in').click();
    const ask = await until(() => buttonNamed(el, 'Read stories from peers who have been there'), 'the offer');
    expect(el.shadowRoot!.querySelector('mutual-crisis-resources')).not.to.equal(null, 'help comes first');
    expect(el.shadowRoot!.querySelector('[part="stories"]')).to.equal(null);
    ask.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part="stories"] mutual-story-card').length).to.equal(1);
  });

  it('without a mood it says so next to the field, moves focus there and sends nothing', async () => {
    const id = uniqueSubject('nomood');
    const el = await checkIn({ 'check-in-id': id });
    buttonNamed(el, 'Share my check-in').click();
    await el.updateComplete;
    expect($(el, '#mood-error').textContent).to.equal('Please choose how you’re feeling — any answer is okay.');
    expect($(el, '[part="moods"]').getAttribute('aria-invalid')).to.equal('true');
    expect(active(el)).to.equal($(el, 'input[value="1"]'));
    await expectAxeClean(el);
    await new Promise((r) => setTimeout(r, 400));
    expect(await stored({ subject: id })).to.have.length(0);
  });

  it('texts over the limit are not sent and say by how much', async () => {
    const id = uniqueSubject('limit');
    const el = await checkIn({ 'check-in-id': id, limit: '5' });
    await chooseMood(el, 4);
    $<HTMLTextAreaElement>(el, '#helped').focus();
    await sendKeys({ type: 'Too many words' });
    buttonNamed(el, 'Share my check-in').click();
    await el.updateComplete;
    expect($(el, '#helped-error').textContent).to.equal('Please shorten this by 9 characters.');
    expect(active(el)?.id).to.equal('helped');
    await new Promise((r) => setTimeout(r, 400));
    expect(await stored({ subject: id })).to.have.length(0);
  });

  it('give back: a peer’s encouragement is shown; an encouragement is stored', async () => {
    const id = uniqueSubject('give');
    const el = await checkIn({
      'check-in-id': id,
      'peer-messages': '["You are not alone in this."]',
      participant: 'p-123',
    });
    await chooseMood(el, 4);
    buttonNamed(el, 'Share my check-in').click();
    await giveStep(el);
    await until(() => el.shadowRoot!.querySelector('blockquote'), 'the peer’s words');
    expect($(el, 'blockquote').textContent).to.equal(
      'Someone who checked in today wrote: “\u2068You are not alone in this.\u2069”',
    );
    await expectAxeClean(el);
    $<HTMLTextAreaElement>(el, '#encourage').value = 'One day at a time, friend.';
    $<HTMLTextAreaElement>(el, '#encourage').dispatchEvent(new Event('input'));
    buttonNamed(el, 'Send encouragement').click();
    const [row] = await storedAtLeast({ subject: id, type: EventTypes.checkinEncouragement });
    const { authorKey, ...data } = row.data;
    expect(data).to.deep.equal({ text: 'One day at a time, friend.' });
    expect(authorKey).to.match(/^[0-9a-f]{64}$/);
    const [submitted] = await stored({ subject: id, type: EventTypes.checkinSubmitted });
    expect(submitted.data.participant).to.equal('p-123');
    await el.updateComplete;
    expect(active(el)?.id).to.equal('done');
  });

  it('without peer-messages, an encouragement another peer sent through the endpoint is shown once a moderator approved it, never before', async () => {
    const { endpoint } = scoped('peer');
    const words = `Keep going — from ${uniqueSubject('peer')}`;
    await checkInAndEncourage(await checkIn({ endpoint }), words);
    expect(await peerMessages(20)).not.to.include(words);
    await approveItem(words);
    const second = await checkIn({ endpoint });
    await chooseMood(second, 3);
    buttonNamed(second, 'Share my check-in').click();
    const quote = await until(() => second.shadowRoot!.querySelector('blockquote'), 'a peer message');
    const offered = await peerMessages(10);
    expect(offered).to.include(words);
    expect(
      offered.some((text) => quote.textContent === `Someone who checked in today wrote: “\u2068${text}\u2069”`),
    ).to.equal(true);
  });

  it('an encouragement given can be taken back at once, by keyboard: peers are never shown it', async () => {
    const { endpoint } = scoped('give-back-regret');
    const el = await checkIn({ endpoint });
    const words = `Hang in there — ${uniqueSubject('regret')}`;
    await checkInAndEncourage(el, words);
    await el.updateComplete;
    $(el, '#take-back').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'take-back-confirm', 'asked first');
    expect($(el, '#take-back-question').textContent).to.contain('It won’t be published');
    await expectAxeClean(el);
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.id === 'taken-back', 'focus on the confirmation');
    expect($(el, '#taken-back').textContent).to.equal(
      'Taken back. It won’t be published, and its words have been deleted.',
    );
    // Nothing left for a moderator to approve, nothing for peers.
    const outcome = await approveItem(words).then(
      () => 'approved',
      (e: Error) => e.message,
    );
    expect(outcome).to.equal('no pending item matches');
    expect(await peerMessages(50)).not.to.include(words);
  });

  it('a tip is shared only with consent; skip works', async () => {
    const id = uniqueSubject('tip');
    const el = await checkIn({ 'check-in-id': id });
    await chooseMood(el, 5);
    $<HTMLTextAreaElement>(el, '#helped').value = 'Cold water on my face';
    $<HTMLTextAreaElement>(el, '#helped').dispatchEvent(new Event('input'));
    buttonNamed(el, 'Share my check-in').click();
    await giveStep(el);
    expect($<HTMLTextAreaElement>(el, '#tip').value).to.equal('Cold water on my face');
    expect($<HTMLInputElement>(el, '#tip-consent').checked).to.equal(false);
    buttonNamed(el, 'Share my tip').click();
    await el.updateComplete;
    expect($(el, '#tip-error').textContent).to.contain('Tick the box');
    expect(active(el)?.id).to.equal('tip-consent');
    await new Promise((r) => setTimeout(r, 400));
    expect(await stored({ subject: id, type: EventTypes.checkinTipShared })).to.have.length(0);
    $<HTMLInputElement>(el, '#tip-consent').click();
    buttonNamed(el, 'Share my tip').click();
    const [row] = await storedAtLeast({ subject: id, type: EventTypes.checkinTipShared });
    expect({ ...row.data, authorKey: undefined }).to.deep.equal({
      text: 'Cold water on my face',
      authorKey: undefined,
    });
    // Skip on a second check-in.
    await el.updateComplete;
    buttonNamed(el, 'New check-in').click();
    await el.updateComplete;
    await chooseMood(el, 3);
    buttonNamed(el, 'Share my check-in').click();
    await giveStep(el);
    buttonNamed(el, 'Skip for now').click();
    await el.updateComplete;
    // Nothing was given: the words say what happened.
    expect($(el, '#done').textContent).to.equal('That’s okay. Checking in is enough for today.');
  });

  it('crisis help appears without moving the field the member is typing into', async () => {
    const el = await checkIn({ 'check-in-id': uniqueSubject('crisis-layout') });
    await chooseMood(el, 3);
    for (const id of ['#hard', '#helped']) {
      const field = $<HTMLTextAreaElement>(el, id);
      const before = field.getBoundingClientRect().top;
      field.value = 'Some nights I want to die';
      field.dispatchEvent(new Event('input'));
      await until(() => el.shadowRoot!.querySelector('mutual-crisis-resources'), 'help shown');
      await el.updateComplete;
      expect(field.getBoundingClientRect().top, id).to.equal(before);
      field.value = '';
      field.dispatchEvent(new Event('input'));
      await until(() => !el.shadowRoot!.querySelector('mutual-crisis-resources'), 'help gone');
    }
  });

  it('after crisis help, giving back is offered gently and can be passed over; the words match in en, es and ar', async () => {
    for (const [locale, notNow, open, skipped] of [
      ['en', 'Not today', 'Leave a few words for a peer', 'That’s okay. Checking in is enough for today.'],
      ['es', 'Hoy no', 'Dejar unas palabras para alguien', 'Está bien. Hacer el check-in ya es suficiente por hoy.'],
      ['ar', 'ليس اليوم', 'اترك بضع كلمات لشخص آخر', 'لا بأس. تسجيل حالك يكفي لليوم.'],
    ]) {
      const el = await checkIn({ 'check-in-id': uniqueSubject('gentle'), locale });
      await until(() => el.shadowRoot!.querySelector('input[value="1"]'), 'rendered');
      await chooseMood(el, 1);
      (el.shadowRoot!.querySelector('button[type="submit"]') as HTMLButtonElement).click();
      await giveStep(el);
      // Help first; no fields pressed on the member.
      expect(el.shadowRoot!.querySelector('mutual-crisis-resources'), locale).not.to.equal(null);
      expect(el.shadowRoot!.querySelector('textarea'), locale).to.equal(null);
      const opener = buttonNamed(el, open);
      expect(opener.getAttribute('aria-expanded')).to.equal('false');
      if (locale === 'en') {
        opener.click();
        await until(() => el.shadowRoot!.querySelector('#encourage'), 'opened');
        await el.updateComplete;
        expect(el.shadowRoot!.activeElement?.id).to.equal('encourage');
        buttonNamed(el, 'Skip for now').click();
      } else buttonNamed(el, notNow).click();
      await until(() => el.shadowRoot!.querySelector('#done'), 'done');
      expect($(el, '#done').textContent, locale).to.equal(skipped);
      // Help stays in view after passing over.
      expect(el.shadowRoot!.querySelector('mutual-crisis-resources'), locale).not.to.equal(null);
      await expectAxeClean(el);
    }
  });

  it('inside a host <form>: submitted with the form, required blocks submission, reset clears', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><mutual-check-in name="today" required topics="sleep"></mutual-check-in><button>Go</button></form>`,
    );
    const el = form.querySelector('mutual-check-in')!;
    await el.updateComplete;
    let submitted = 0;
    form.addEventListener('submit', (e) => (e.preventDefault(), submitted++));
    expect(el.shadowRoot!.querySelector('button[type="submit"]')).to.equal(null, 'the host form submits');
    expect(form.checkValidity()).to.equal(false);
    form.requestSubmit();
    expect(submitted).to.equal(0);
    await chooseMood(el, 2);
    $<HTMLTextAreaElement>(el, '#hard').value = 'Money worries';
    $<HTMLTextAreaElement>(el, '#hard').dispatchEvent(new Event('input'));
    buttonNamed(el, 'Sleep').click();
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    form.requestSubmit();
    expect(submitted).to.equal(1);
    const data = new FormData(form);
    expect([data.get('today-mood'), data.get('today-hard'), data.getAll('today-topics')]).to.deep.equal([
      '2',
      'Money worries',
      ['sleep'],
    ]);
    form.reset();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[value="2"]').checked).to.equal(false);
    expect(new FormData(form).get('today-mood')).to.equal(null);
    expect(form.checkValidity()).to.equal(false);
  });

  it('the draft survives a reload', async () => {
    const id = uniqueSubject('draft');
    const first = await checkIn({ 'check-in-id': id, topics: 'family' });
    await chooseMood(first, 2);
    $<HTMLTextAreaElement>(first, '#hard').focus();
    await sendKeys({ type: 'A long week' });
    buttonNamed(first, 'Family').click();
    first.remove();
    const again = await checkIn({ 'check-in-id': id, topics: 'family' });
    expect($<HTMLInputElement>(again, 'input[value="2"]').checked).to.equal(true);
    expect($<HTMLTextAreaElement>(again, '#hard').value).to.equal('A long week');
    expect(buttonNamed(again, 'Family').getAttribute('aria-pressed')).to.equal('true');
    buttonNamed(again, 'Clear').click();
    await again.updateComplete;
    expect(localStorage.getItem(`mutual:draft:checkin:${id}`)).to.equal(null);
    expect($<HTMLTextAreaElement>(again, '#hard').value).to.equal('');
  });

  it('refused by the endpoint: says so, leads back to the form, and what was written is still there after a reload', async () => {
    const id = uniqueSubject('refused');
    const { scope, endpoint } = scoped('refused');
    await injectFault({ scope, count: 1, status: 400 });
    const first = await checkIn({ 'check-in-id': id, endpoint });
    await chooseMood(first, 3);
    $<HTMLTextAreaElement>(first, '#helped').focus();
    await sendKeys({ type: 'Walking with my sister' });
    $<HTMLButtonElement>(first, 'button[type="submit"]').click();
    await until(
      () => $(first, '[part="status"]')?.textContent === 'This couldn’t be sent. Your check-in is still saved here.',
      'failed status',
    );
    await expectAxeClean(first);
    buttonNamed(first, 'Back to my check-in').focus();
    await sendKeys({ press: 'Enter' });
    await first.updateComplete;
    expect($<HTMLTextAreaElement>(first, '#helped').value).to.equal('Walking with my sister');
    expect(active(first)?.id).to.equal('title');
    first.remove();
    const again = await checkIn({ 'check-in-id': id, endpoint });
    expect($<HTMLInputElement>(again, 'input[value="3"]').checked).to.equal(true);
    expect($<HTMLTextAreaElement>(again, '#helped').value).to.equal('Walking with my sister');
    expect(await stored({ subject: id, type: EventTypes.checkinSubmitted })).to.have.length(0);
  });

  it('offline: "Saved — will send when you’re back online", then stored once and the draft removed (real offline tab)', async () => {
    const id = uniqueSubject('offline');
    const { endpoint } = scoped('offline-ci');
    await peer.open(`/tests/helpers/check-in-page.html?endpoint=${encodeURIComponent(endpoint)}&id=${id}`);
    const inPeer = (js: string) =>
      peer.eval<string>(`(() => { const r = document.querySelector('mutual-check-in').shadowRoot; ${js} })()`);
    try {
      await peer.setOffline(true);
      await inPeer(`r.querySelector('input[value="4"]').click(); return ''`);
      await new Promise((r) => setTimeout(r, 100));
      await inPeer(`r.querySelector('button[type="submit"]').click(); return ''`);
      await until(
        async () =>
          (await inPeer(`return r.querySelector('[part="status"]').textContent`)) ===
          'Saved — will send when you’re back online.',
        'queued status',
      );
      expect(JSON.parse(localStorage.getItem(`mutual:draft:checkin:${id}`)!).mood).to.equal(4);
      await peer.setOffline(false);
      await storedAtLeast({ subject: id, type: EventTypes.checkinSubmitted });
      await until(
        async () => (await inPeer(`return r.querySelector('[part="status"]').textContent`)) === 'Sent.',
        'sent status',
      );
      expect(localStorage.getItem(`mutual:draft:checkin:${id}`)).to.equal(null);
      expect(await stored({ subject: id, type: EventTypes.checkinSubmitted })).to.have.length(1);
    } finally {
      await peer.close();
    }
  });

  it('crisis resources appear for the lowest mood and for crisis phrases (en/es/ar), not for ordinary text', async () => {
    const id = uniqueSubject('crisis');
    const el = await checkIn({ 'check-in-id': id });
    expect(el.shadowRoot!.querySelector('mutual-crisis-resources')).to.equal(null);
    await chooseMood(el, 1);
    expect(el.shadowRoot!.querySelector('mutual-crisis-resources')).not.to.equal(null);
    await expectAxeClean(el);
    const [row] = await storedAtLeast({ subject: id, type: EventTypes.checkinCrisisShown });
    expect(row.data).to.deep.equal({ trigger: 'mood' });
    await chooseMood(el, 3);
    expect(el.shadowRoot!.querySelector('mutual-crisis-resources')).to.equal(null);
    $<HTMLTextAreaElement>(el, '#hard').value = 'Honestly I WANT TO DIE some nights';
    $<HTMLTextAreaElement>(el, '#hard').dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('mutual-crisis-resources')).not.to.equal(null);
    // Never includes the text.
    await new Promise((r) => setTimeout(r, 400));
    for (const e of await stored({ subject: id, type: EventTypes.checkinCrisisShown }))
      expect(JSON.stringify(e)).not.to.contain('DIE');
  });

  it('the crisis phrase list matches case- and accent-insensitively in en, es and ar', () => {
    const positive = [
      'I keep thinking about SUICIDE',
      'Pienso en suicidarme',
      'Ya no quiero vivir',
      'quiero MORIR',
      'أريد أن أموت',
      'أفكر في الانتحار',
      'I might hurt myself',
      'pienso en hacerme dano',
    ];
    const negative = [
      'I died laughing at that film',
      'Tengo un día difícil',
      'العمل متعب اليوم',
      'Killing time at the bus stop',
      'Me duele la cabeza',
    ];
    for (const text of positive) expect(suggestsCrisis(text), text).to.equal(true);
    for (const text of negative) expect(suggestsCrisis(text), text).to.equal(false);
  });

  for (const [theme, locale] of [
    ['dark', 'en'],
    ['light', 'ar'],
  ] as const) {
    it(`is axe-clean at every step (${theme}, ${locale})`, async () => {
      const el = await checkIn({ theme, locale, topics: 'sleep,work' });
      await expectAxeClean(el);
      buttonNamed(el, locale === 'ar' ? 'شارك حالتي' : 'Share my check-in').click();
      await el.updateComplete;
      await expectAxeClean(el);
      await chooseMood(el, 1);
      await expectAxeClean(el);
      (el.shadowRoot!.querySelector('button[type="submit"]') as HTMLButtonElement).click();
      await giveStep(el);
      await expectAxeClean(el);
      buttonNamed(el, locale === 'ar' ? 'ليس اليوم' : 'Not today').click();
      await el.updateComplete;
      await expectAxeClean(el);
    });
  }
});
