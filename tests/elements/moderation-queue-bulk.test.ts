import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/all.js';
import '../../src/admin.js';
import type { MutualModerationQueue } from '../../src/moderation-queue/moderation-queue.js';
import { EventTypes } from '../../src/core/protocol/envelope.js';
import { deepActive, expectAxeClean } from '../helpers/browser.js';
import { ENDPOINT, until, uniqueSubject } from '../helpers/collector.js';
import { auditLog, auth, clearQueue, itemTexts, queue, served, submit } from '../helpers/moderation.js';

const SAM = 'sam-moderator-token-0123456789abcdef';
const status = (el: MutualModerationQueue) =>
  el.shadowRoot!.querySelector('[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
const bar = (el: MutualModerationQueue) => el.shadowRoot!.querySelector<HTMLElement>('[part="bulk"]')!;
const button = (el: Element, name: string) =>
  [...el.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === name)!;
const itemWith = (el: MutualModerationQueue, words: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"]')].find((i) => i.textContent!.includes(words))!;
/** The requests the page made to one moderation path since `since` (by the browser's own record). */
const requests = (path: string, since: number) =>
  performance
    .getEntriesByType('resource')
    .filter((e) => e.startTime > since && new URL(e.name).pathname.endsWith(path));

describe('<mutual-moderation-queue> bulk actions', () => {
  beforeEach(clearQueue);

  it('select all (never what is still covered), approve in one request, one Undo puts them all back', async () => {
    const words = ['Sleep came back slowly', 'The walk helped', 'I called my sister'].map(
      (w) => `${w} ${uniqueSubject('bulk')}`,
    );
    const crisis = `Nobody would miss me ${uniqueSubject('bulk')}`;
    await submit(EventTypes.checkinEncouragement, [...words, crisis]);
    const el = await queue();
    const root = el.shadowRoot!;
    expect(bar(el).getAttribute('aria-label')).to.equal('Selected items');
    expect(bar(el).textContent).to.contain('0 selected');
    expect(button(bar(el), 'Approve selected').disabled).to.equal(true);
    // The covered crisis item has no checkbox: it cannot be approved unread.
    expect(itemWith(el, 'This may be hard to read').querySelector('input[type="checkbox"]')).to.equal(null);
    const selectAll = root.querySelector<HTMLInputElement>('#select-all')!;
    expect(selectAll.labels![0].textContent!.trim()).to.equal('Select all you have read on this page');
    selectAll.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(bar(el).textContent).to.contain('3 selected');
    expect(selectAll.checked).to.equal(true);
    // x on an item unselects it; the bar says so, and "select all" is half-checked.
    itemWith(el, words[0]).focus();
    await sendKeys({ press: 'x' });
    await el.updateComplete;
    expect(bar(el).textContent).to.contain('2 selected');
    expect(itemWith(el, words[0]).querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).to.equal(false);
    expect(selectAll.indeterminate).to.equal(true);
    await expectAxeClean(el);
    const before = performance.now();
    button(bar(el), 'Approve selected').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => status(el).startsWith('2 approved. Members can now read them.'), 'announced');
    expect(requests('/moderation/items', before).length).to.equal(1, 'one request for the selection');
    expect(await served()).to.include.members([words[1], words[2]]);
    expect(await served()).not.to.include(words[0]);
    expect(itemTexts(el)).to.have.length(2, 'the covered item and the one left out stay');
    await until(() => deepActive()?.getAttribute('part') === 'item', 'focus on the first item left');
    expect(root.querySelector('#tab-encouragement')!.textContent!.trim()).to.equal('Encouragements (2)');
    // One Undo, by its key: both are back in the queue, and no member reads them.
    await sendKeys({ press: 'u' });
    await until(() => words.every((w) => itemTexts(el).includes(w)), 'both back');
    expect(await served()).not.to.include.members([words[1]]);
    expect(status(el)).to.equal('Back in the queue.');
    const log = (await auditLog()).slice(-4).map((e) => e.action);
    expect(log).to.deep.equal(['approve', 'approve', 'restore', 'restore']);
  });

  it('hide a selection with one reason for their writers; one decided meanwhile by Sam stays as Sam left it', async () => {
    const words = ['It named my old school', 'My number is below', 'A good week'].map(
      (w) => `${w} ${uniqueSubject('bulk')}`,
    );
    await submit(EventTypes.checkinEncouragement, words);
    const sam = await queue(SAM);
    const mine = await queue();
    for (const w of words) itemWith(mine, w).querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await mine.updateComplete;
    expect(bar(mine).textContent).to.contain('3 selected');
    // Sam approves one first, from another queue.
    button(itemWith(sam, words[2]), 'Approve').click();
    await until(() => !itemTexts(sam).includes(words[2]), 'Sam approved it');
    const reason = await until(() => bar(mine).querySelector('select'), 'the reason for the selection');
    expect(reason.closest('label')!.textContent).to.contain('Reason to tell their writers, if you hide them');
    reason.value = 'could-identify-you';
    reason.dispatchEvent(new Event('change'));
    button(bar(mine), 'Hide selected').click();
    await until(() => status(mine).startsWith('2 hidden.'), 'announced');
    expect(status(mine)).to.equal(
      '2 hidden. No member will see them. 1 was decided by another moderator first, and stays as it is. Undo',
    );
    expect(itemTexts(mine)).to.deep.equal([]);
    expect(await served()).to.include(words[2], 'still approved, as Sam left it');
    const log = (await auditLog()).slice(-3).map((e) => [e.actor, e.action, e.reason]);
    expect(log).to.deep.equal([
      ['Sam', 'approve', ''],
      ['tests', 'hide', 'could-identify-you'],
      ['tests', 'hide', 'could-identify-you'],
    ]);
    // Nothing left in the list: focus goes to Undo, never to the page.
    await until(() => deepActive()?.id === 'undo', 'focus on Undo');
  });

  for (const [theme, locale] of [
    ['dark', 'en'],
    ['light', 'ar'],
  ] as const) {
    it(`the selection bar, reasons, history and the list of shortcuts are axe-clean (${theme}, ${locale})`, async () => {
      await submit(EventTypes.checkinEncouragement, [`Rain helps ${uniqueSubject('axe')}`]);
      const el = await fixture<MutualModerationQueue>(
        html`<mutual-moderation-queue endpoint=${ENDPOINT} theme=${theme} locale=${locale}
          .token=${auth.authorization.slice(7)}></mutual-moderation-queue>`,
      );
      const root = el.shadowRoot!;
      const item = await until(() => root.querySelector<HTMLElement>('[part="item"]'), 'the item');
      item.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
      await el.updateComplete;
      expect(bar(el).querySelector('select')).not.to.equal(null);
      item.focus();
      await sendKeys({ press: 'i' });
      await until(() => root.querySelector('.history li, .history p'), 'the history');
      await expectAxeClean(el);
      if (locale === 'ar') {
        expect(root.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
        expect(bar(el).textContent).to.contain('عنصر واحد محدد');
      }
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Slash' });
      await sendKeys({ up: 'Shift' });
      await until(() => root.querySelector('dialog[open]'), 'the list of shortcuts');
      await expectAxeClean(el);
      await sendKeys({ press: 'Escape' });
    });
  }
});
