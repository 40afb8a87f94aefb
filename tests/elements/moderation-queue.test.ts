import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/all.js';
import '../../src/admin.js';
import type { MutualModerationQueue } from '../../src/moderation-queue/moderation-queue.js';
import { createEnvelope, EventTypes } from '../../src/core/protocol/envelope.js';
import { deepActive, expectAxeClean } from '../helpers/browser.js';
import { ENDPOINT, TEST_MODERATOR_TOKEN, until, uniqueSubject } from '../helpers/collector.js';
import { DANGEROUS, XSS_PAYLOADS } from '../helpers/xss-payloads.js';
import { auditLog, auth, clearQueue, itemTexts, queue, served, submit } from '../helpers/moderation.js';

describe('<mutual-moderation-queue>', () => {
  beforeEach(clearQueue);

  it('an encouragement waits in the queue; Approve by keyboard serves it, focus moves on, Undo takes it back', async () => {
    const words = `You showed up today — ${uniqueSubject('mod')}`;
    const other = `One evening at a time — ${uniqueSubject('mod')}`;
    await submit(EventTypes.checkinEncouragement, [words, other]);
    expect(await served()).not.to.include(words);
    const el = await queue();
    const root = el.shadowRoot!;
    expect(root.querySelector('#tab-encouragement')!.textContent!.trim()).to.equal('Encouragements (2)');
    expect(itemTexts(el)).to.deep.equal([other, words]);
    await expectAxeClean(el);
    // Keyboard: Tab from the tab list into the panel, to the second item's Approve.
    root.querySelector<HTMLButtonElement>('#tab-encouragement')!.focus();
    const approve = [...root.querySelectorAll<HTMLButtonElement>('[part="item"] button')].filter(
      (b) => b.textContent!.trim() === 'Approve',
    )[1];
    approve.focus();
    await sendKeys({ press: 'Enter' });
    await until(
      () => root.querySelector('[role="status"]')!.textContent!.includes('Approved. Members can now read it.'),
      'announced',
    );
    expect(await served()).to.include(words);
    await until(() => deepActive()?.getAttribute('part') === 'item', 'focus on the next item');
    expect(document.activeElement).not.to.equal(document.body);
    expect(root.querySelector('#tab-encouragement')!.textContent!.trim()).to.equal('Encouragements (1)');
    root.querySelector<HTMLButtonElement>('#undo')!.click();
    await until(() => itemTexts(el).includes(words), 'back in the queue');
    expect(await served()).not.to.include(words);
    const audit = await auditLog();
    expect(audit.slice(-2).map((e) => [e.actor, e.action])).to.deep.equal([
      ['tests', 'approve'],
      ['tests', 'restore'],
    ]);
  });

  it('flagged items come first; crisis language brings help lines for the moderator; Hide keeps it from every member', async () => {
    const plain = `Keep going — ${uniqueSubject('mod')}`;
    const crisis = `Nobody would miss you — ${uniqueSubject('mod')}`;
    await submit(EventTypes.checkinEncouragement, [crisis, plain]);
    const el = await queue();
    const root = el.shadowRoot!;
    // The crisis item comes first, its words covered until the moderator chooses to read them.
    expect(itemTexts(el)).to.deep.equal([
      'This may be hard to read: it has crisis language. It stays covered until you choose to read it.',
      plain,
    ]);
    expect(root.textContent).not.to.contain(crisis);
    const first = root.querySelector('[part="item"]')!;
    const read = [...first.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Read it')!;
    read.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(itemTexts(el)).to.deep.equal([crisis, plain]);
    expect(deepActive()).to.equal(first, 'focus stays on the item, not the page');
    expect([...first.querySelectorAll('.flags li')].map((li) => li.textContent)).to.deep.equal(['Crisis language']);
    expect(first.querySelector('mutual-crisis-resources')).not.to.equal(null);
    [...first.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Hide')!.click();
    await until(() => !itemTexts(el).includes(crisis), 'hidden');
    expect(await served()).not.to.include(crisis);
    await expectAxeClean(el);
  });

  it('care for the moderator: after the set number of crisis items read, a break is offered once, with the host’s page', async () => {
    const words = [1, 2, 3].map((n) => `I want to end my life ${n} — ${uniqueSubject('care')}`);
    await submit(EventTypes.checkinEncouragement, words);
    const el = await fixture<MutualModerationQueue>(
      html`<mutual-moderation-queue endpoint=${ENDPOINT} .token=${TEST_MODERATOR_TOKEN} break-after="2" care-href="https://care.example/moderators"></mutual-moderation-queue>`,
    );
    await until(() => el.shadowRoot!.querySelectorAll('.veiled').length === 3, 'three covered items');
    const readNext = async () => {
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Read it')!.click();
      await el.updateComplete;
    };
    await readNext();
    expect(el.shadowRoot!.querySelector('[part="care"]')).to.equal(null);
    await readNext();
    const care = el.shadowRoot!.querySelector('[part="care"]')!;
    expect(care.getAttribute('role')).to.equal('status');
    expect(care.textContent).to.contain('You have read 2 posts with crisis language in this session.');
    expect(care.querySelector('a')!.getAttribute('href')).to.equal('https://care.example/moderators');
    // It never blocks the work: the buttons are all there.
    expect(
      [...el.shadowRoot!.querySelectorAll('button')].filter((b) => b.textContent!.trim() === 'Hide').length,
    ).to.equal(3);
    await expectAxeClean(el);
    [...care.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Thanks')!.click();
    await el.updateComplete;
    await readNext();
    expect(el.shadowRoot!.querySelector('[part="care"]')).to.equal(null, 'offered once');
    expect(Object.keys(localStorage).filter((k) => k.startsWith('mutual:'))).to.deep.equal([], 'nothing kept');
  });

  it('a story its writer took down before review leaves the queue when a moderator acts on it, and the moderator is told why', async () => {
    const key = 'a-writer-changed-their-mind-0001';
    const title = `Taken back ${uniqueSubject('gone')}`;
    const story = createEnvelope(
      EventTypes.storySubmitted,
      { heading: title, text: 'Words I took back.', tags: [], contentWarning: [], authorKey: key },
      { source: location.href },
    );
    const post = (events: unknown[]) =>
      fetch(ENDPOINT, {
        method: 'POST',
        headers: { 'content-type': 'application/cloudevents-batch+json' },
        body: JSON.stringify(events),
      });
    await post([story]);
    const el = await queue();
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('#tab-story')!.click();
    await until(() => itemTexts(el).some((t) => t!.includes(title)), 'the story in the queue');
    // Meanwhile, on the writer's device: "Take down my story".
    await post([
      createEnvelope(EventTypes.storyWithdrawn, { authorKey: key }, { source: location.href, subject: story.id }),
    ]);
    const approve = [...root.querySelectorAll<HTMLButtonElement>('[part="item"] button')].find(
      (b) => b.textContent!.trim() === 'Approve',
    )!;
    approve.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !itemTexts(el).some((t) => t!.includes(title)), 'gone from the list');
    expect(root.textContent).to.contain('Its writer took this back before review, so there is nothing left to decide.');
    expect(root.querySelector('#undo')).to.equal(null);
    await until(() => deepActive()?.id === 'tab-story', 'focus on the tab, not the page');
    const stories = (await (await fetch(`${ENDPOINT}?stories&limit=50`)).json()) as { stories: { heading: string }[] };
    expect(stories.stories.map((s) => s.heading)).not.to.include(title);
  });

  it('shortcuts: a approves, u undoes, h hides, i opens the history, ? lists them; never with Ctrl or from a field outside', async () => {
    const words = `Small steps count ${uniqueSubject('keys')}`;
    await submit(EventTypes.checkinEncouragement, [words]);
    const outside = document.createElement('input');
    document.body.append(outside);
    try {
      const el = await queue();
      const root = el.shadowRoot!;
      const item = () => root.querySelector<HTMLElement>('[part="item"]')!;
      item().focus();
      // Ctrl+A selects, as everywhere; typing "a" in the page's own field types.
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'a' });
      await sendKeys({ up: 'Control' });
      outside.focus();
      await sendKeys({ type: 'ah' });
      expect(outside.value).to.equal('ah');
      expect(itemTexts(el)).to.deep.equal([words], 'nothing decided');
      item().focus();
      await sendKeys({ press: 'a' });
      await until(() => (root.querySelector('[role="status"]')?.textContent ?? '').includes('Approved.'), 'approved');
      expect(await served()).to.include(words);
      await sendKeys({ press: 'u' });
      await until(() => itemTexts(el).includes(words), 'back after u');
      expect(await served()).not.to.include(words);
      await until(() => deepActive() === item(), 'focus on the item again');
      await sendKeys({ press: 'i' });
      const history = await until(() => root.querySelector('.history li:nth-child(2)'), 'its history');
      const entries = [...root.querySelectorAll('.history li')].map((li) =>
        li.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(entries[0]).to.match(/^Approved by tests, /);
      expect(entries[1]).to.match(/^Put back in the queue by tests, .* · undo$/);
      expect(history.closest('[role="region"]')!.getAttribute('aria-label')).to.equal('History of this item');
      const toggle = [...root.querySelectorAll('[part="item"] button')].find(
        (b) => b.textContent!.trim() === 'History',
      )!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      await expectAxeClean(el);
      // "?" lists every shortcut in a dialog; Escape closes it and focus is back where it was.
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Slash' });
      await sendKeys({ up: 'Shift' });
      const dialog = await until(() => root.querySelector<HTMLDialogElement>('dialog[open]'), 'the list of shortcuts');
      expect([...dialog.querySelectorAll('dt')].map((d) => d.textContent)).to.deep.equal([
        'j',
        'k',
        'x',
        'a',
        'h',
        'u',
        'i',
        '?',
      ]);
      expect(dialog.contains(deepActive())).to.equal(true, 'focus inside the dialog');
      await expectAxeClean(el);
      await sendKeys({ press: 'Escape' });
      await until(() => !root.querySelector('dialog[open]'), 'closed');
      expect(deepActive()).to.equal(item(), 'focus back on the item');
      await sendKeys({ press: 'h' });
      await until(() => !itemTexts(el).includes(words), 'hidden by h');
      expect(await served()).not.to.include(words);
    } finally {
      outside.remove();
    }
  });

  it('two moderators on one item: the later one is told who decided first, and nothing changes', async () => {
    const words = `Breathing helped me ${uniqueSubject('claim')}`;
    await submit(EventTypes.checkinEncouragement, [words]);
    const sam = await queue();
    const alex = await queue();
    const approve = (el: MutualModerationQueue) =>
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="item"] button')].find(
        (b) => b.textContent!.trim() === 'Approve',
      )!;
    const hide = [...alex.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="item"] button')].find(
      (b) => b.textContent!.trim() === 'Hide',
    )!;
    approve(sam).click();
    await until(() => !itemTexts(sam).includes(words), 'approved in the first queue');
    hide.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !itemTexts(alex).includes(words), 'gone from the second queue');
    expect(alex.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal(
      'tests decided this first: it is approved now, and nothing changed.',
    );
    expect(alex.shadowRoot!.querySelector('#undo')).to.equal(null, 'nothing to undo');
    expect(await served()).to.include(words, 'still published');
    await until(() => deepActive()?.id === 'tab-encouragement', 'focus on the tab, not the page');
  });

  it('claims: a moderator opening an item another is reviewing sees who ("Sam is reviewing this.")', async () => {
    const words = `Tonight I reached out ${uniqueSubject('claim')}`;
    await submit(EventTypes.checkinEncouragement, [words]);
    const sam = await queue('sam-moderator-token-0123456789abcdef');
    const mine = await queue();
    const itemIn = (el: MutualModerationQueue) =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"]')].find((i) => i.textContent!.includes(words))!;
    const claims = () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/claim')).length;
    const before = claims();
    itemIn(sam).focus();
    await until(() => claims() > before, 'Sam’s claim answered');
    await sam.updateComplete;
    expect(itemIn(sam).querySelector('.reviewing')).to.equal(null, 'no note on one’s own claim');
    itemIn(mine).focus();
    const note = await until(() => itemIn(mine).querySelector('.reviewing'), 'the note');
    expect(note.textContent).to.equal('Sam is reviewing this.');
    expect(itemIn(mine).getAttribute('aria-describedby')).to.contain(note.id);
    await expectAxeClean(mine);
  });

  it('j and k move between items; arrow keys move between tabs', async () => {
    await submit(
      EventTypes.checkinEncouragement,
      ['first', 'second', 'third'].map((w) => `${w} ${uniqueSubject('jk')}`),
    );
    const el = await queue();
    const root = el.shadowRoot!;
    const items = [...root.querySelectorAll<HTMLElement>('[part="item"]')];
    items[0].querySelector('button')!.focus();
    await sendKeys({ press: 'j' });
    expect(deepActive()).to.equal(items[1]);
    await sendKeys({ press: 'j' });
    expect(deepActive()).to.equal(items[2]);
    await sendKeys({ press: 'k' });
    expect(deepActive()).to.equal(items[1]);
    root.querySelector<HTMLButtonElement>('#tab-encouragement')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => deepActive()?.id === 'tab-response', 'next tab');
    expect(root.querySelector('#tab-response')!.getAttribute('aria-selected')).to.equal('true');
  });

  it('without a token, or with a wrong one, it says so (with Try again); the token is never an attribute or on the device', async () => {
    const none = await fixture<MutualModerationQueue>(
      html`<mutual-moderation-queue endpoint=${ENDPOINT}></mutual-moderation-queue>`,
    );
    expect(none.shadowRoot!.querySelector('[role="tabpanel"]')!.textContent!.trim()).to.equal(
      'Sign in with your moderator token to see what is waiting for review.',
    );
    // No numbers before the endpoint has given any: "(0)" would say the queue is empty.
    expect([...none.shadowRoot!.querySelectorAll('[role="tab"]')].map((t) => t.textContent!.trim())).to.deep.equal([
      'Encouragements',
      'Responses',
      'Tips',
      'Stories',
      'Reports',
    ]);
    const wrong = await queue('not-the-right-token-0123456789');
    expect(wrong.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal(
      'This moderator token was not accepted.',
    );
    expect(wrong.shadowRoot!.querySelector('[role="tabpanel"] button')!.textContent!.trim()).to.equal('Try again');
    const ok = await queue();
    expect(ok.hasAttribute('token')).to.equal(false);
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.to.contain(TEST_MODERATOR_TOKEN);
    expect(ok.outerHTML).not.to.contain(TEST_MODERATOR_TOKEN);
  });

  it('a story shows the moderator everything peers would read: title, name, content warning and topics, as text', async () => {
    const id = uniqueSubject('queued-story');
    const res = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify([
        createEnvelope(
          EventTypes.storySubmitted,
          {
            heading: 'A walk every morning',
            text: 'I started walking at six.',
            author: '<b>Robin</b>',
            contentWarning: ['relapse'],
            tags: ['mornings', 'walking'],
          },
          { source: location.href, subject: id },
        ),
      ]),
    });
    expect(res.status).to.equal(200);
    const el = await queue();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#tab-story')!.click();
    await el.updateComplete;
    await until(
      () => el.shadowRoot!.querySelector('[role="tabpanel"]')?.getAttribute('aria-busy') === 'false',
      'the story tab loaded',
    );
    const item = await until(() => el.shadowRoot!.querySelector('[part="item"]'), 'the story in the queue');
    expect(item.querySelector('.veiled')!.textContent).to.equal(
      'It carries a content warning (relapse). It stays covered until you choose to read it.',
    );
    [...item.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Read it')!.click();
    await el.updateComplete;
    expect(item.querySelector('strong')!.textContent).to.equal('A walk every morning');
    expect(item.querySelector('p[id^="text-"]')!.textContent).to.equal(
      'A walk every morning\nI started walking at six.',
    );
    expect([...item.querySelectorAll('.shown > div')].map((d) => d.textContent)).to.deep.equal([
      'Shown as<b>Robin</b>',
      'Content warningrelapse',
      'Topicsmornings and walking',
    ]);
    expect(item.querySelector('.shown b')).to.equal(null);
    await expectAxeClean(el);
  });

  it('once the endpoint answered, every tab has its number — "(0)" for a kind with nothing waiting', async () => {
    // A community of its own, where most kinds have nothing waiting (the endpoint leaves those out).
    const endpoint = await executeServerCommand<string, object>('mutual:standalone-url', {});
    const el = await fixture<MutualModerationQueue>(
      html`<mutual-moderation-queue endpoint=${endpoint} .token=${TEST_MODERATOR_TOKEN}></mutual-moderation-queue>`,
    );
    await until(
      () => el.shadowRoot!.querySelector('[role="tabpanel"]')?.getAttribute('aria-busy') === 'false',
      'loaded',
    );
    const res = await fetch(`${endpoint}/moderation/queue?state=pending&kind=encouragement&limit=1`, {
      headers: { authorization: `Bearer ${TEST_MODERATOR_TOKEN}` },
    });
    const { counts } = (await res.json()) as { counts: Record<string, { pending?: number }> };
    const labels = { encouragement: 'Encouragements', response: 'Responses', tip: 'Tips', story: 'Stories' };
    const tabs = [...el.shadowRoot!.querySelectorAll('[role="tab"]')].map((t) => t.textContent!.trim());
    expect(tabs).to.deep.equal([
      ...Object.entries(labels).map(([kind, label]) => `${label} (${counts[kind]?.pending ?? 0})`),
      'Reports',
    ]);
  });

  it('the XSS corpus goes through the queue as text and executes nothing', async () => {
    const hits: string[] = [];
    (window as unknown as { __xss: () => void }).__xss = () => hits.push('executed');
    await submit(EventTypes.storyResponse, XSS_PAYLOADS.slice(0, 40));
    const el = await queue();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#tab-response')!.click();
    await until(() => itemTexts(el).length >= 20, 'responses listed');
    await new Promise((r) => setTimeout(r, 300));
    expect(hits).to.deep.equal([]);
    for (const item of el.shadowRoot!.querySelectorAll('[part="item"] > p'))
      expect(item.querySelector(DANGEROUS)).to.equal(null);
    expect(itemTexts(el).every((t) => XSS_PAYLOADS.includes(t!))).to.equal(true);
  });
});

describe('<mutual-moderation-queue> reports', () => {
  it('opens on what is waiting first (flagged first), not on an empty tab', async () => {
    const { executeServerCommand } = await import('@web/test-runner-commands');
    const endpoint = await executeServerCommand<string, object>('mutual:standalone-url', {});
    const story = createEnvelope(
      EventTypes.storySubmitted,
      { heading: 'Tonight', text: `Some nights I want to die. ${uniqueSubject('flagged')}`, authorKey: 'k'.repeat(32) },
      { source: location.href },
    );
    await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify([story]),
    });
    const el = await fixture<MutualModerationQueue>(
      html`<mutual-moderation-queue endpoint=${endpoint} .token=${TEST_MODERATOR_TOKEN}></mutual-moderation-queue>`,
    );
    await until(
      () => el.shadowRoot!.querySelector('[role="tabpanel"]')?.getAttribute('aria-busy') === 'false',
      'queue loaded',
    );
    expect(el.shadowRoot!.querySelector('[role="tab"][aria-selected="true"]')!.id).to.equal('tab-story');
    const item = el.shadowRoot!.querySelector('[part="item"]')!;
    expect(item.textContent).to.contain('This may be hard to read: it has crisis language.');
    [...item.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Read it')!.click();
    await el.updateComplete;
    expect(item.textContent).to.contain('Some nights I want to die.');
  });

  it('reports are resolved with the same actions, by keyboard: Keep it published, or Hide', async () => {
    const kept = uniqueSubject('kept-story');
    const gone = uniqueSubject('gone-story');
    const send = async (events: ReturnType<typeof createEnvelope>[]) =>
      expect(
        (
          await fetch(ENDPOINT, {
            method: 'POST',
            headers: { 'content-type': 'application/cloudevents-batch+json' },
            body: JSON.stringify(events),
          })
        ).status,
      ).to.equal(200);
    const story = (id: string, text: string) =>
      createEnvelope(EventTypes.storySubmitted, { text }, { source: location.href, subject: id });
    await send([story(kept, 'Walking helped me most.'), story(gone, 'A story someone reported.')]);
    const pending = (await (
      await fetch(`${ENDPOINT}/moderation/queue?state=pending&kind=story&limit=200`, { headers: auth })
    ).json()) as { items: { seq: number; subject: string }[] };
    for (const item of pending.items.filter((i) => [kept, gone].includes(i.subject)))
      await fetch(`${ENDPOINT}/moderation/items/${item.seq}`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ action: 'approve' }),
      });
    await new Promise((r) => setTimeout(r, 5));
    const report = (subject: string) =>
      createEnvelope(EventTypes.storyReported, { reason: 'worried' }, { source: location.href, subject });
    await send([report(kept), report(kept), report(kept), report(gone), report(gone), report(gone)]);
    const el = await queue();
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('#tab-reports')!.click();
    const group = (id: string) => root.querySelector<HTMLElement>(`[id="report-${id}"]`);
    await until(() => group(kept) && group(gone), 'both reported stories');
    const keep = [...group(kept)!.querySelectorAll('button')].find(
      (b) => b.textContent!.trim() === 'Keep it published',
    )!;
    keep.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !group(kept), 'resolved');
    expect(root.querySelector('[role="status"]')!.textContent!.trim()).to.equal(
      'Kept published. Its reports are resolved.',
    );
    expect(document.activeElement).not.to.equal(document.body);
    const hide = [...group(gone)!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Hide')!;
    hide.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !group(gone), 'hidden');
    const stories = ((await (await fetch(`${ENDPOINT}?stories=50`)).json()) as { stories: { id: string }[] }).stories;
    expect(stories.map((s) => s.id))
      .to.include(kept)
      .and.not.to.include(gone);
    const open = (
      (await (await fetch(`${ENDPOINT}/moderation/reports?limit=200`, { headers: auth })).json()) as {
        stories: { subject: string }[];
      }
    ).stories.map((s) => s.subject);
    expect(open).not.to.include.members([kept]);
    expect(open).not.to.include(gone);
    await expectAxeClean(el);
  });

  it('groups reports per story with reasons and counts; "worried about the writer" comes first, with help lines', async () => {
    const { executeServerCommand } = await import('@web/test-runner-commands');
    const endpoint = await executeServerCommand<string, object>('mutual:standalone-url', {});
    const worried = uniqueSubject('worried-story');
    const spam = uniqueSubject('spam-story');
    const report = (subject: string, reason: string) =>
      createEnvelope(EventTypes.storyReported, { reason }, { source: location.href, subject });
    await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify([report(spam, 'spam'), report(spam, 'spam'), report(worried, 'worried')]),
    });
    const el = await fixture<MutualModerationQueue>(
      html`<mutual-moderation-queue endpoint=${endpoint} .token=${TEST_MODERATOR_TOKEN}></mutual-moderation-queue>`,
    );
    await until(() => el.shadowRoot!.querySelector('#tab-reports'), 'tabs');
    el.shadowRoot!.querySelector<HTMLButtonElement>('#tab-reports')!.click();
    await until(() => el.shadowRoot!.querySelector('[part="item"] strong'), 'reports listed');
    const items = [...el.shadowRoot!.querySelectorAll('[part="item"]')];
    const mine = items.filter((i) => [worried, spam].some((s) => i.textContent!.includes(s)));
    expect(mine[0].querySelector('strong')!.textContent).to.equal(`${worried}: 1 report`);
    expect(mine[0].querySelector('mutual-crisis-resources')).not.to.equal(null);
    expect([...mine[1].querySelectorAll('.flags li')].map((li) => li.textContent)).to.deep.equal(['Spam (2)']);
    expect(mine[1].querySelector('mutual-crisis-resources')).to.equal(null);
    await expectAxeClean(el);
  });
});

describe('the admin elements on a page', () => {
  beforeEach(clearQueue);

  it('take the token from the provider, link each item to the story it answers, and run under a strict CSP with Trusted Types', async () => {
    const story = uniqueSubject('csp-story');
    await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify([
        createEnvelope(
          EventTypes.storyResponse,
          { text: 'Me too. Walks helped.', storyId: story },
          { source: location.href, subject: story },
        ),
      ]),
    });
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 900px; height: 1200px';
    document.body.append(frame);
    try {
      await new Promise((r) => {
        frame.addEventListener('load', r, { once: true });
        frame.src = '/tests/helpers/csp-admin-page.html';
      });
      const doc = frame.contentDocument!;
      const win = frame.contentWindow as Window & { cspViolations?: string[] };
      await until(
        () => win.customElements.get('mutual-moderation-queue') && win.customElements.get('mutual-provider'),
        'defined',
      );
      (doc.querySelector('mutual-provider') as HTMLElement & { moderatorToken?: string }).moderatorToken =
        TEST_MODERATOR_TOKEN;
      const queueRoot = await until(() => doc.querySelector('mutual-moderation-queue')?.shadowRoot, 'queue');
      queueRoot.querySelector<HTMLButtonElement>('#tab-response')!.click();
      const link = await until(
        () => queueRoot.querySelector<HTMLAnchorElement>('[part="item"] .meta a'),
        'the story link',
      );
      expect(new URL(link.href).pathname).to.equal(`/stories/${encodeURIComponent(story)}`);
      expect(link.textContent).to.equal(`About ${story}`);
      [...queueRoot.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Approve')!.click();
      await until(() => queueRoot.querySelector('[role="status"]')!.textContent!.includes('Approved'), 'approved');
      queueRoot.querySelector<HTMLButtonElement>('#tab-reports')!.click();
      const pulse = doc.querySelector('mutual-community-pulse')!;
      pulse.setAttribute('days', '14'); // loads again with the provider's token now set
      await until(() => pulse.shadowRoot?.querySelector('figure'), 'pulse charts');
      expect(win.cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
