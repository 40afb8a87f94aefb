// What every composer does, run once per composer (as Web Awesome's form-control-base-tests): the
// identity nudge, and a send that fails once — retried, stored once, the draft kept on the device
// until the endpoint acknowledged it. Each composer's own file tests what only it does.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { buttonNamed, deepActive, pause } from './browser.js';
import { injectFault, requestCount, scoped, stored, uniqueSubject, until } from './collector.js';

type Host = HTMLElement & { updateComplete: Promise<unknown> };

export interface ComposerSpec {
  /** What the member writes, as a test title says it ("a story response"). */
  name: string;
  /** The CloudEvents type it sends. */
  type: string;
  /** Mounts it against `endpoint` (`key`: what names its draft) and brings it to its field. */
  mount(endpoint: string, key: string): Promise<Host>;
  /** The field for the member's own words. */
  field: string;
  /** Whatever else it needs before Send (a title, consent). */
  prepare?(el: Host): Promise<void>;
  /** Its buttons' names, in its language. */
  buttons: { send: string; edit: string; sendAnyway: string };
  /** The nudge's line about a phone number, and what it asks, in its language. */
  phoneNote: string;
  othersNote: string;
  /** Its line while a send waits on the device for a retry, in part. */
  waiting: string;
  /** The member's words in what was stored. */
  words(data: Record<string, unknown>): string;
}

const drafts = () =>
  Object.keys(localStorage)
    .filter((k) => k.startsWith('mutual:draft:'))
    .map((k) => localStorage.getItem(k) ?? '');

/** What the collector stored of this composer's type that holds `marker` in the member's words. */
const sent = async (spec: ComposerSpec, marker: string) =>
  (await stored({ type: spec.type })).filter((e) => spec.words(e.data as Record<string, unknown>).includes(marker));

async function write(spec: ComposerSpec, el: Host, words: string): Promise<void> {
  el.shadowRoot!.querySelector<HTMLElement>(spec.field)!.focus();
  await sendKeys({ type: words });
  await el.updateComplete;
  await spec.prepare?.(el);
  buttonNamed(el.shadowRoot!, spec.buttons.send).click();
  await el.updateComplete;
}

export function composerSuite(spec: ComposerSpec): void {
  describe(`${spec.name}: what every composer does`, () => {
    afterEach(() => localStorage.clear());

    it('a phone number gets the gentle note: Edit returns to the field and sends nothing; Send anyway sends it', async () => {
      const marker = uniqueSubject('suite-nudge');
      const el = await spec.mount(scoped('suite-nudge').endpoint, marker);
      const words = `Text me on 07700 900123 if you want to talk ${marker}`;
      await write(spec, el, words);
      const note = await until(() => el.shadowRoot!.querySelector('#nudge-text'), 'the note');
      expect(note.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`${spec.phoneNote} ${spec.othersNote}`);
      await until(() => el.shadowRoot!.activeElement?.id === 'nudge-text', 'focus on the note');
      buttonNamed(el.shadowRoot!, spec.buttons.edit).click();
      await el.updateComplete;
      expect(deepActive()).to.equal(el.shadowRoot!.querySelector(spec.field), 'back in the field');
      await pause(300);
      expect(await sent(spec, marker)).to.have.length(0);
      buttonNamed(el.shadowRoot!, spec.buttons.send).click();
      await el.updateComplete;
      buttonNamed(el.shadowRoot!, spec.buttons.sendAnyway).click();
      const [event] = await until(async () => (await sent(spec, marker)).length > 0 && sent(spec, marker), 'stored');
      expect(spec.words(event.data as Record<string, unknown>)).to.equal(words);
    });

    it('a send that fails once is retried and stored once; the draft stays on the device until acknowledged', async () => {
      const marker = uniqueSubject('suite-retry');
      const { scope, endpoint } = scoped(`suite-retry-${marker}`);
      const el = await spec.mount(endpoint, marker);
      // After mounting: what the composer sends on its way there (a check-in before its tip) goes through.
      await injectFault({ scope, count: 1, status: 503, retryAfter: 1 });
      const before = await requestCount(scope);
      const words = `One evening at a time, with a friend on the phone. ${marker}`;
      await write(spec, el, words);
      await until(() => el.shadowRoot!.textContent!.includes(spec.waiting), 'waiting on the device');
      expect(drafts().some((d) => d.includes(marker))).to.equal(true, 'the draft is on the device');
      const [event] = await until(async () => (await sent(spec, marker)).length > 0 && sent(spec, marker), 'stored');
      expect(spec.words(event.data as Record<string, unknown>)).to.equal(words);
      await until(() => !drafts().some((d) => d.includes(marker)), 'the draft let go once acknowledged');
      expect(await sent(spec, marker)).to.have.length(1);
      expect((await requestCount(scope)) - before).to.be.at.least(2, 'refused once, then sent again');
    });
  });
}
