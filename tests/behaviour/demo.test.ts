import { expect, fixture, html } from '@open-wc/testing';
import '../../src/all.js';
import { peer } from '../helpers/browser.js';
import { EventTypes } from '../../src/core/protocol/envelope.js';
import { stored, until } from '../helpers/collector.js';

/** The demo pages as a visitor opens them (in a real tab, console recorded from the first script). */
describe('the demo looks like the product', () => {
  for (const page of ['/demo/index.html', '/demo/plain.html', '/demo/builder.html', '/demo/admin.html']) {
    it(`${page} prints no console warnings or errors, and axe finds nothing`, async () => {
      await peer.open(page);
      try {
        await until(
          () =>
            peer.eval<boolean>(
              `[...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('mutual-')).every((e) => e.shadowRoot?.childElementCount)`,
            ),
          'every widget rendered',
        );
        await new Promise((r) => setTimeout(r, 1200));
        const printed = (await peer.console()).filter(
          (m) => m.type === 'warn' || m.type === 'warning' || m.type === 'error',
        );
        expect(printed).to.deep.equal([]);
        // The host page and its widgets together: landmarks and heading order are the page's.
        expect(await peer.axe()).to.deep.equal([]);
      } finally {
        await peer.close();
      }
    });
  }

  it('"Me too" on the page\'s own cards in the feed reaches the endpoint, with no "no endpoint" warning', async () => {
    const subjects = ['harbour-101', 'harbour-103'];
    const before = await Promise.all(subjects.map((subject) => stored({ subject, type: EventTypes.reactionAdded })));
    // A visitor of their own: nothing remembered from an earlier test's press.
    await peer.open('/demo/index.html', { isolated: true });
    try {
      for (const subject of subjects)
        await until(
          () =>
            peer.eval<boolean>(`(() => {
              const card = document.querySelector('mutual-story-card[story-id="${subject}"]');
              card.scrollIntoView();
              const button = card.shadowRoot.querySelector('mutual-me-too')?.shadowRoot?.querySelector('button');
              button?.click();
              return !!button;
            })()`),
          `${subject}: Me too pressed`,
        );
      for (const [i, subject] of subjects.entries())
        await until(
          async () => (await stored({ subject, type: EventTypes.reactionAdded })).length > before[i].length,
          `${subject}: the press arrived`,
        );
      const printed = (await peer.console()).map((m) => m.text);
      expect(printed.filter((t) => /no endpoint/.test(t))).to.deep.equal([]);
    } finally {
      await peer.close();
    }
  });

  it('a language switch re-renders every widget in place (English, Español, العربية)', async () => {
    await peer.open('/demo/index.html');
    try {
      await until(
        () => peer.eval<boolean>(`!!document.querySelector('mutual-check-in')?.shadowRoot?.querySelector('#title')`),
        'rendered',
      );
      const texts = () =>
        peer.eval<string[]>(`[
          document.querySelector('mutual-check-in').shadowRoot.querySelector('#title').textContent.trim(),
          document.querySelector('mutual-story-card').shadowRoot.querySelector('mutual-me-too')?.shadowRoot?.querySelector('[part~="label"]')?.textContent.trim(),
          document.querySelector('mutual-story-card').shadowRoot.querySelector('[part="base"]')?.getAttribute('dir'),
          document.querySelector('mutual-quick-exit').shadowRoot.querySelector('span').textContent.trim(),
        ]`);
      // The cards render in turn (a feed of them): wait for the first one's bar.
      await until(async () => (await texts())[1] === 'Me too', 'the first card’s bar');
      expect((await texts()).slice(0, 2)).to.deep.equal(['Check in with yourself', 'Me too']);
      expect((await texts())[3]).to.equal('Leave this site');
      await peer.eval(
        `(() => { const s = document.getElementById('language'); s.value = 'es'; s.dispatchEvent(new Event('change')); return true })()`,
      );
      await until(async () => (await texts())[1] === 'A mí también', 'Spanish');
      await until(async () => (await texts())[3] === 'Salir de este sitio', 'the quick exit in Spanish too');
      await peer.eval(
        `(() => { const s = document.getElementById('language'); s.value = 'ar'; s.dispatchEvent(new Event('change')); return true })()`,
      );
      await until(async () => (await texts())[2] === 'rtl', 'Arabic, right to left');
      expect(await peer.eval<string>('document.documentElement.lang')).to.equal('ar');
    } finally {
      await peer.close();
    }
  });

  for (const width of [390, 768, 1280]) {
    it(`the fixed quick-exit button covers no content at ${width} px`, async () => {
      await peer.open('/demo/index.html');
      try {
        await peer.viewport(width);
        await until(
          () =>
            peer.eval<boolean>(`!!document.querySelector('mutual-quick-exit')?.shadowRoot?.querySelector('button')`),
          'rendered',
        );
        const overlaps = await peer.eval<string[]>(`(() => {
          const exit = document.querySelector('mutual-quick-exit').shadowRoot.querySelector('button').getBoundingClientRect();
          const hit = (r) => r.width && r.height && r.left < exit.right && r.right > exit.left && r.top < exit.bottom && r.bottom > exit.top;
          const words = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (!n.textContent.trim() || n.parentElement.closest('mutual-quick-exit')) continue;
            const range = document.createRange();
            range.selectNodeContents(n);
            if ([...range.getClientRects()].some(hit)) words.push(n.textContent.trim().slice(0, 40));
          }
          for (const el of document.querySelectorAll('a, select, label, h1, h2, mutual-story-card, mutual-check-in')) if (hit(el.getBoundingClientRect())) words.push(el.localName);
          return words;
        })()`);
        expect(overlaps).to.deep.equal([]);
        expect(await peer.eval<number>('document.documentElement.scrollWidth')).to.be.at.most(width);
        if (width < 640) {
          // A phone: a full-width bar at the top in its own space. Nothing a member taps, in the
          // widgets' shadow roots too, lies under it.
          const under = await peer.eval<string[]>(`(() => {
            const exit = document.querySelector('mutual-quick-exit');
            const bar = exit.getBoundingClientRect();
            const found = [];
            const walk = (root) => {
              for (const el of root.querySelectorAll('*')) {
                if (el === exit) continue;
                if (el.shadowRoot) walk(el.shadowRoot);
                if (!el.matches('button, a, label, input, select, textarea, summary')) continue;
                const r = el.getBoundingClientRect();
                if (r.width && r.height && r.top < bar.bottom && r.bottom > bar.top) found.push(el.textContent.trim().slice(0, 30) || el.localName);
              }
            };
            walk(document);
            return [getComputedStyle(exit).position, Math.round(bar.width) >= ${width} - 20 ? 'full width' : 'narrow', ...found];
          })()`);
          expect(under).to.deep.equal(['sticky', 'full width']);
        }
      } finally {
        await peer.close();
      }
    });
  }

  it('the "Forget me on this device" control sits in the layout, not against the left edge', async () => {
    await peer.open('/demo/index.html');
    try {
      await peer.viewport(1280);
      await until(
        () =>
          peer.eval<boolean>(
            `!!document.querySelector('mutual-provider').shadowRoot.querySelector('[part="forget-button"]')`,
          ),
        'forget button',
      );
      const left = await peer.eval<number>(
        `document.querySelector('mutual-provider').shadowRoot.querySelector('[part="forget-button"]').getBoundingClientRect().left`,
      );
      const main = await peer.eval<number>(`document.querySelector('main h2').getBoundingClientRect().left`);
      expect(left).to.be.closeTo(main, 2);
    } finally {
      await peer.close();
    }
  });

  it('widgets placed one after another on a plain page keep a gap by default', async () => {
    const page = await fixture(html`<div>
      <mutual-me-too subject="gap-1" counts="hidden"></mutual-me-too>
      <mutual-me-too subject="gap-2" counts="hidden"></mutual-me-too>
      <mutual-crisis-resources locale="en-GB"></mutual-crisis-resources>
    </div>`);
    await Promise.all(
      [...page.children].map((e) => (e as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete),
    );
    const [a, b, c] = [...page.children].map((e) => e.getBoundingClientRect());
    expect(a.height).to.be.greaterThan(0);
    expect(b.top - a.bottom).to.be.at.least(12);
    expect(c.top - b.bottom).to.be.at.least(12);
  });
});
