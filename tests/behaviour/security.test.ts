import { expect, fixture, html } from '@open-wc/testing';
import '../../src/all.js';
import type { MutualQuickExit } from '../../src/quick-exit/quick-exit.js';
import { DANGEROUS, XSS_PAYLOADS } from '../helpers/xss-payloads.js';

declare global {
  interface Window {
    __xss: () => void;
    __xssCalls: number;
  }
}

window.__xssCalls = 0;
window.__xss = () => window.__xssCalls++;

/** Every shadow root inside `root`, recursively (widgets embed widgets). */
function shadowRoots(root: Element | ShadowRoot): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) found.push(el.shadowRoot, ...shadowRoots(el.shadowRoot));
  }
  return found;
}

async function settle(el: Element) {
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  await new Promise((r) => setTimeout(r, 0));
}

function expectNoMarkup(el: Element, payload: string) {
  const roots = el.shadowRoot ? [el.shadowRoot, ...shadowRoots(el.shadowRoot)] : [];
  for (const root of roots) {
    const bad = root.querySelector(DANGEROUS);
    expect(
      bad,
      `payload ${JSON.stringify(payload)} produced <${bad?.localName}> in <${(root.host as Element).localName}>`,
    ).to.equal(null);
    for (const a of root.querySelectorAll('a[href]')) {
      expect((a as HTMLAnchorElement).protocol, `link from ${JSON.stringify(payload)}`).to.match(/^(https?|tel|sms):$/);
    }
  }
}

describe('security: an XSS corpus in every attribute, slot and text field', () => {
  before(() => expect(XSS_PAYLOADS.length).to.be.at.least(100));
  afterEach(() => {
    localStorage.clear();
    expect(window.__xssCalls, 'the canary was called: a payload executed').to.equal(0);
  });

  it(`<mutual-me-too>: subject, reactions, counts, strings (${XSS_PAYLOADS.length} payloads)`, async () => {
    for (const p of XSS_PAYLOADS) {
      const el = await fixture(html`<mutual-me-too
        subject=${p}
        reactions=${`me-too,hug:${p}`}
        counts=${JSON.stringify({ 'me-too': 3, [p]: 5 })}
        strings=${JSON.stringify({ 'me-too.me-too': p })}
        locale=${p}
      ></mutual-me-too>`);
      await settle(el);
      el.shadowRoot!.querySelector('button')?.click();
      await settle(el);
      expectNoMarkup(el, p);
      expect(
        [...el.shadowRoot!.querySelectorAll('button')].some((b) => b.getAttribute('aria-label')!.startsWith(p)),
      ).to.equal(true, 'shown as text');
    }
  });

  it('<mutual-story-card>: every attribute, the slotted text, a response and the report dialog', async () => {
    for (const p of XSS_PAYLOADS) {
      const host = document.createElement('mutual-story-card');
      for (const name of [
        'story-id',
        'author',
        'heading',
        'tags',
        'content-warning',
        'published',
        'reactions',
        'response-limit',
      ])
        host.setAttribute(name, p);
      host.setAttribute('share-href', p);
      const para = document.createElement('p');
      para.textContent = p;
      host.append(para);
      const el = await fixture(host);
      await settle(el);
      expect(el.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.equal(p);
      (el.shadowRoot!.querySelector('[part="warning"] button') as HTMLButtonElement).click();
      await settle(el);
      expect(para.textContent).to.equal(p);
      expect(para.children.length).to.equal(0);
      const share = el.shadowRoot!.querySelector<HTMLElement>('.share');
      if (share instanceof HTMLButtonElement) {
        share.click();
        await settle(el);
        const textarea = el.shadowRoot!.querySelector('textarea')!;
        textarea.value = p;
        textarea.dispatchEvent(new Event('input'));
        await settle(el);
      }
      (el.shadowRoot!.querySelector('.report') as HTMLButtonElement).click();
      await settle(el);
      expectNoMarkup(el, p);
      el.shadowRoot!.querySelector('dialog')?.close();
    }
  });

  it('<mutual-check-in>: topics, peer messages, participant, texts, give-back', async () => {
    for (const p of XSS_PAYLOADS) {
      const el = await fixture(html`<mutual-check-in check-in-id=${p} topics=${`sleep,${p}`} participant=${p}
        peer-messages=${JSON.stringify([p])} no-trace></mutual-check-in>`);
      await settle(el);
      const root = el.shadowRoot!;
      root.querySelector<HTMLInputElement>('input[value="3"]')!.click();
      for (const id of ['#hard', '#helped']) {
        const t = root.querySelector<HTMLTextAreaElement>(id)!;
        t.value = p;
        t.dispatchEvent(new Event('input'));
      }
      await settle(el);
      expectNoMarkup(el, p);
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await settle(el);
      root.querySelector<HTMLButtonElement>('.nudge button:last-child')?.click();
      await settle(el);
      expectNoMarkup(el, p);
      const quote = root.querySelector('blockquote');
      if (quote) expect(quote.textContent).to.contain(p);
    }
  });

  it('<mutual-crisis-resources> lines and <mutual-quick-exit> href', async () => {
    for (const p of XSS_PAYLOADS) {
      const el = await fixture(
        html`<mutual-crisis-resources lines=${JSON.stringify([{ name: p, contact: p, href: p, hours: p }])}></mutual-crisis-resources>`,
      );
      await settle(el);
      expectNoMarkup(el, p);
      const exit = document.createElement('mutual-quick-exit');
      exit.setAttribute('href', p);
      exit.setAttribute('position', p);
      document.body.append(exit);
      await settle(exit);
      expectNoMarkup(exit, p);
      const target = (exit as MutualQuickExit).destination;
      expect(new URL(target).protocol).to.match(/^https?:$/);
      exit.remove();
    }
  });
});
