import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EventTypes } from '../../src/core/protocol/envelope.js';
import { stored, storedAtLeast, until } from '../helpers/collector.js';
import { buttonNamed, peer } from '../helpers/browser.js';

type FrameWindow = Window & typeof globalThis & { cspViolations?: string[]; pageErrors?: string[] };

async function open(url: string): Promise<{ win: FrameWindow; doc: Document; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '2000px';
  frame.src = url;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  return { win: frame.contentWindow as FrameWindow, doc: frame.contentDocument!, frame };
}

/** The snippet builder in a frame, once its widget list is filled; `choose` picks a widget as an editor does. */
async function openBuilder() {
  const opened = await open('/demo/builder.html');
  const tag = await until(
    () =>
      opened.doc.querySelector<HTMLSelectElement>('#tag option') &&
      opened.doc.querySelector<HTMLSelectElement>('#tag')!,
    'tag list',
  );
  const choose = (name: string) => {
    tag.value = name;
    tag.dispatchEvent(new Event('change'));
  };
  return { ...opened, tag, choose };
}

const shadow = (doc: Document, tag: string) =>
  until(
    () => doc.querySelector(tag)?.shadowRoot?.querySelector('*') && doc.querySelector(tag)!.shadowRoot!,
    `${tag} upgraded`,
  );

/**
 * A page in a browser context of its own (nothing of Mutual in its cache, so a part that is not
 * loaded yet cannot come from there), closed afterwards; `inPeer` runs code there with `r`, the
 * shadow root of the first `tag`.
 */
async function inOwnContext(
  url: string,
  tag: string,
  work: (inPeer: (js: string) => Promise<string>) => Promise<void>,
): Promise<void> {
  await peer.open(url, { isolated: true });
  try {
    await work((js) => peer.eval<string>(`(() => { const r = document.querySelector('${tag}').shadowRoot; ${js} })()`));
  } finally {
    await peer.close();
  }
}

describe('embedding', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('the plain-HTML demo page works from the built dist/mutual.js alone: elements upgrade, events reach the collector', async () => {
    const { doc, win } = await open('/demo/plain.html');
    const bar = await shadow(doc, 'mutual-me-too');
    await shadow(doc, 'mutual-story-card');
    await shadow(doc, 'mutual-check-in');
    bar.querySelector('button')!.click();
    const [row] = await storedAtLeast({ subject: 'plain-article-1', type: EventTypes.reactionAdded });
    expect(row.source).to.equal(`${location.origin}/demo/plain.html`);
    expect(win.document.querySelectorAll(':not(:defined)').length).to.equal(0);
  });

  it('the single-file build (dist/mutual-single.js) shows Spanish and Arabic without fetching anything else', async () => {
    const { doc, win } = await open('/tests/helpers/single-file-page.html');
    const [es, ar] = [...doc.querySelectorAll('mutual-me-too')];
    await until(
      () => es.shadowRoot?.querySelector('button')?.getAttribute('aria-label') === 'A mí también, 2 personas',
      'Spanish',
    );
    await until(() => ar.shadowRoot?.querySelector('button')?.textContent?.includes('وأنا أيضًا'), 'Arabic');
    const scripts = win.performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.js') && !p.startsWith('/__web-dev-server'));
    expect(scripts).to.deep.equal(['/dist/mutual-single.js']);
  });

  it('under a strict CSP with Trusted Types, every element runs its main paths with zero violations', async () => {
    const { doc, win } = await open('/tests/helpers/csp-page.html');
    const bar = await shadow(doc, 'mutual-me-too');
    bar.querySelector('button')!.click();
    const card = await shadow(doc, 'mutual-story-card');
    buttonNamed(card, 'Show story').click();
    await until(() => buttonNamed(card, 'Share your experience'), 'revealed');
    buttonNamed(card, 'Share your experience').click();
    const textarea = await until(() => card.querySelector('textarea'), 'composer');
    textarea.value = 'Thank you for writing this.';
    textarea.dispatchEvent(new Event('input'));
    await until(() => buttonNamed(card, 'Send'), 'send button');
    buttonNamed(card, 'Send').click();
    buttonNamed(card, 'Report').click();
    await until(() => card.querySelector('dialog')?.open, 'report dialog');
    card.querySelector<HTMLInputElement>('input[value="worried"]')!.click();
    await until(
      () => card.querySelector('mutual-crisis-resources')?.shadowRoot?.querySelector('a'),
      'crisis resources',
    );
    const form = await shadow(doc, 'mutual-check-in');
    form.querySelector<HTMLInputElement>('input[value="1"]')!.click();
    await until(() => form.querySelector('mutual-crisis-resources'), 'crisis shown');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => form.querySelector('#thanks'), 'give-back step');
    await storedAtLeast({ subject: 'csp-story', type: EventTypes.storyResponse });
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('the loader defines only the elements on the page, and late-added ones still upgrade', async () => {
    const { doc, win } = await open('/tests/helpers/loader-page.html');
    await shadow(doc, 'mutual-me-too');
    expect(win.customElements.get('mutual-me-too')).to.be.a('function');
    expect(win.customElements.get('mutual-check-in')).to.equal(undefined);
    expect(win.customElements.get('mutual-story-card')).to.equal(undefined);
    const late = doc.createElement('mutual-check-in');
    doc.body.append(late);
    await shadow(doc, 'mutual-check-in');
    expect(win.customElements.get('mutual-check-in')).to.be.a('function');
    expect(win.customElements.get('mutual-story-card')).to.equal(undefined);
  });

  it('a page that only shows reactions never downloads the send path; touching a bar loads it, and the press arrives', async () => {
    const { doc, win } = await open('/tests/helpers/cdn-page.html');
    const subject = `send-path-${Date.now()}`;
    doc.body.innerHTML = `<mutual-me-too subject="${subject}" endpoint="/events"></mutual-me-too>`;
    const bar = await shadow(doc, 'mutual-me-too');
    const fetched = () =>
      win.performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.startsWith('/dist/chunks/transport-'));
    await until(
      () => win.performance.getEntriesByType('resource').some((e) => e.name.includes('subject=')),
      'counts read',
    );
    expect(fetched()).to.deep.equal([]);
    bar.querySelector('button')!.focus();
    await until(() => fetched().length === 1, 'send path loaded on focus');
    await sendKeys({ press: 'Enter' });
    const [row] = await storedAtLeast({ subject, type: EventTypes.reactionAdded });
    expect(row.data).to.deep.include({ reaction: 'me-too' });
  });

  it('a page whose attributes are right never downloads the warning texts; a wrong one gets its one full warning', async () => {
    const { doc, win } = await open('/tests/helpers/cdn-page.html');
    const warned: string[] = [];
    win.console.warn = (...args: unknown[]) => warned.push(args.map(String).join(' '));
    const fetched = () =>
      win.performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.startsWith('/dist/chunks/') && p.includes('warnings'));
    doc.body.innerHTML = `<mutual-me-too subject="right-${Date.now()}"></mutual-me-too>`;
    await shadow(doc, 'mutual-me-too');
    await new Promise((r) => setTimeout(r, 200));
    expect(fetched()).to.deep.equal([]);
    expect(warned).to.deep.equal([]);
    doc.body.insertAdjacentHTML('beforeend', `<mutual-me-too subject="wrong" layout="wide"></mutual-me-too>`);
    await until(() => warned.length > 0, 'the warning');
    expect(warned).to.deep.equal(['<mutual-me-too>: layout="wide" is not "full" or "compact"; using "full".']);
    expect(fetched()).to.have.length(1);
  });

  it('offline before the send path ever loaded: a check-in says it is saved, and goes once the connection is back', async () => {
    const id = `offline-first-${Date.now()}`;
    // Its own browser context: nothing of Mutual in its cache, so the send path really cannot load.
    await inOwnContext('/tests/helpers/cdn-page.html', 'mutual-check-in', async (inPeer) => {
      await until(() => peer.eval<boolean>(`!!customElements.get('mutual-check-in')`), 'defined');
      await peer.setOffline(true);
      await peer.eval(
        `(document.body.innerHTML = '<mutual-check-in endpoint="/events" check-in-id="${id}"></mutual-check-in>', '')`,
      );
      await until(() => inPeer(`return r.querySelector('input[value="4"]') ? 'ready' : ''`), 'rendered');
      await inPeer(`r.querySelector('input[value="4"]').click(); return ''`);
      await inPeer(`r.querySelector('button[type="submit"]').click(); return ''`);
      await until(
        async () =>
          (await inPeer(`return r.querySelector('[part="status"]').textContent`)) ===
          'Saved — will send when you’re back online.',
        'queued while the send path cannot load',
      );
      await peer.setOffline(false);
      const [row] = await storedAtLeast({ subject: id, type: EventTypes.checkinSubmitted });
      expect(row.data).to.deep.include({ mood: 4 });
      await until(
        async () => (await inPeer(`return r.querySelector('[part="status"]').textContent`)) === 'Sent.',
        'sent status',
      );
    });
  });

  it('a check-in page downloads the give-back step only once a member touches the check-in', async () => {
    const { doc, win } = await open('/tests/helpers/cdn-page.html');
    const part = () =>
      win.performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.startsWith('/dist/chunks/check-in.give-back-'));
    doc.body.innerHTML = `<mutual-check-in check-in-id="touch-${Date.now()}"></mutual-check-in>`;
    const checkIn = await shadow(doc, 'mutual-check-in');
    await new Promise((r) => setTimeout(r, 300));
    expect(part()).to.deep.equal([]);
    checkIn.querySelector<HTMLInputElement>('input[value="3"]')!.focus();
    await until(() => part().length === 1, 'give-back step loaded on focus');
  });

  it('offline before the give-back step ever loaded: thanks, status and help lines at once, a new check-in offered; the step comes with the connection', async () => {
    const id = `offline-give-${Date.now()}`;
    // Its own browser context: the give-back part is in no cache.
    await inOwnContext('/tests/helpers/cdn-page.html', 'mutual-check-in', async (inPeer) => {
      const words = () => inPeer(`return r.querySelector('[part="base"]').textContent.replace(/\\s+/g, ' ').trim()`);
      await until(() => peer.eval<boolean>(`!!customElements.get('mutual-check-in')`), 'defined');
      await peer.setOffline(true);
      await peer.eval(
        `(document.body.innerHTML = '<mutual-check-in endpoint="/events" check-in-id="${id}"></mutual-check-in>', '')`,
      );
      await until(() => inPeer(`return r.querySelector('input[value="1"]') ? 'ready' : ''`), 'rendered');
      // A pointer press, as a member makes it: that is what starts loading the step.
      await inPeer(
        `r.querySelector('input[value="1"]').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true })); r.querySelector('input[value="1"]').click(); return ''`,
      );
      await inPeer(`r.querySelector('button[type="submit"]').click(); return ''`);
      await until(async () => (await words()).includes('New check-in'), 'a new check-in offered');
      const shown = await words();
      expect(shown).to.include('Thank you for checking in.');
      expect(shown).to.include('Saved — will send when you’re back online.');
      expect(await inPeer(`return r.querySelector('mutual-crisis-resources') ? 'help' : 'none'`)).to.equal('help');
      expect(await inPeer(`return r.activeElement?.id ?? ''`)).to.equal('thanks');
      await peer.setOffline(false);
      // After crisis help the step is offered gently, and the help lines stay.
      await until(async () => (await words()).includes('Not today'), 'the give-back step once back online');
      expect(await words()).not.to.include('New check-in');
      expect(await inPeer(`return r.querySelector('mutual-crisis-resources') ? 'help' : 'none'`)).to.equal('help');
      const [row] = await storedAtLeast({ subject: id, type: EventTypes.checkinSubmitted });
      expect(row.data).to.deep.include({ mood: 1 });
    });
  });

  it('offline before the crisis-language tables ever loaded: help lines show for any words, and follow the words once the tables load', async () => {
    // Its own browser context: the tables (loaded when a member first writes) are in no cache.
    await inOwnContext('/tests/helpers/cdn-page.html', 'mutual-check-in', async (inPeer) => {
      const write = (text: string) =>
        inPeer(
          `const t = r.querySelector('#hard'); t.value = ${JSON.stringify(text)}; t.dispatchEvent(new Event('input', { bubbles: true })); return ''`,
        );
      const helpShown = async () =>
        (await inPeer(`return r.querySelector('mutual-crisis-resources') ? 'yes' : 'no'`)) === 'yes';
      await until(() => peer.eval<boolean>(`!!customElements.get('mutual-check-in')`), 'defined');
      await peer.eval(
        `(document.body.innerHTML = '<mutual-check-in check-in-id="offline-tables"></mutual-check-in>', '')`,
      );
      await until(() => inPeer(`return r.querySelector('#hard') ? 'ready' : ''`), 'rendered');
      expect(await helpShown()).to.equal(false);
      await peer.setOffline(true);
      await write('A long week at work');
      // The words cannot be checked: the help lines show rather than risk missing someone.
      await until(helpShown, 'help lines while the tables cannot load');
      await peer.setOffline(false);
      await write('A long week at work, better now');
      await until(async () => !(await helpShown()), 'ordinary words, checked once the tables load');
      await write('I want to end my life');
      await until(helpShown, 'crisis words');
    });
  });

  it('a card page never downloads the reply composer until a reader reaches for it; then "Share your experience" opens it', async () => {
    const { doc, win } = await open('/tests/helpers/cdn-page.html');
    const reply = () =>
      win.performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.startsWith('/dist/chunks/story-card.reply-'));
    doc.body.innerHTML = `<mutual-story-card story-id="reach-${Date.now()}" endpoint="/events"><p>A story.</p></mutual-story-card>`;
    const card = await shadow(doc, 'mutual-story-card');
    await new Promise((r) => setTimeout(r, 300));
    expect(reply()).to.deep.equal([]);
    buttonNamed(card, 'Share your experience').focus();
    await until(() => reply().length === 1, 'reply part loaded on focus');
    await sendKeys({ press: 'Enter' });
    await until(() => card.activeElement?.localName === 'textarea', 'focus in the composer');
    expect(card.querySelector('label[for="response"]')!.textContent).to.equal('Your experience, in your own words');
  });

  it('a story composer page loads the preview card when the member starts writing, not before; the preview is the card', async () => {
    const { doc, win } = await open('/tests/helpers/loader-page.html');
    doc.body.innerHTML = `<mutual-share-story endpoint="/events" draft-id="preview-${Date.now()}"></mutual-share-story>`;
    const form = await shadow(doc, 'mutual-share-story');
    await new Promise((r) => setTimeout(r, 300));
    expect(win.customElements.get('mutual-story-card')).to.equal(undefined);
    const heading = form.querySelector<HTMLInputElement>('#story-heading')!;
    heading.focus();
    await until(() => win.customElements.get('mutual-story-card'), 'the card defined once writing starts');
    const write = (selector: string, value: string) => {
      const field = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
      field.value = value;
      field.dispatchEvent(new Event('input'));
    };
    write('#story-heading', 'The first winter');
    write('#story-text', 'The evenings were long.');
    form.querySelector<HTMLInputElement>('#story-consent')!.click();
    buttonNamed(form, 'Preview').click();
    const card = await until(
      () => form.querySelector('mutual-story-card')?.shadowRoot?.querySelector('[part="heading"]'),
      'the preview card rendered',
    );
    expect(card.textContent).to.equal('The first winter');
  });

  it('offline before the preview card ever loaded: the preview shows the words as text, and the story is kept and sent once back online', async () => {
    // Letters only: digits in a title could read as a phone number (the identity nudge).
    const id = `offline preview ${[...crypto.getRandomValues(new Uint8Array(10))].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
    // Its own browser context: the card's chunk is in no cache.
    await inOwnContext('/tests/helpers/loader-page.html', 'mutual-share-story', async (inPeer) => {
      await peer.eval(
        `(document.body.innerHTML = '<mutual-share-story endpoint="/events" draft-id="${id.replaceAll(' ', '-')}"></mutual-share-story>', '')`,
      );
      await until(() => inPeer(`return r?.querySelector('#story-heading') ? 'ready' : ''`), 'composer rendered');
      await peer.setOffline(true);
      await inPeer(
        `for (const [s, v] of [['#story-heading', '${id}'], ['#story-text', 'Written offline.']]) { const f = r.querySelector(s); f.value = v; f.dispatchEvent(new Event('input')); }
         r.querySelector('#story-consent').click(); return ''`,
      );
      await inPeer(
        `[...r.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Preview').click(); return ''`,
      );
      await until(
        () => inPeer(`return r.querySelector('mutual-story-card p')?.textContent ?? ''`),
        'the words in the preview',
      );
      expect(await peer.eval<boolean>(`!!customElements.get('mutual-story-card')`)).to.equal(false);
      await inPeer(
        `[...r.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Send to the moderators').click(); return ''`,
      );
      await until(
        async () =>
          (await inPeer(`return r.querySelector('[part="status"]')?.textContent ?? ''`)) ===
          'Saved on this device — it will be sent as soon as the connection is back.',
        'kept on the device',
      );
      await peer.setOffline(false);
      const row = await until(
        async () => (await stored({ type: EventTypes.storySubmitted })).find((e) => e.data.heading === id),
        'the story stored once back online',
      );
      expect(row.data).to.deep.include({ heading: id, text: 'Written offline.' });
    });
  });

  it('offline before the reply part ever loaded: "Share your experience" says so, and opens once the connection is back', async () => {
    // Its own browser context: the reply part is in no cache.
    await inOwnContext('/tests/helpers/cdn-page.html', 'mutual-story-card', async (inPeer) => {
      const press = () =>
        inPeer(
          `[...r.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Share your experience').click(); return ''`,
        );
      await until(() => peer.eval<boolean>(`!!customElements.get('mutual-story-card')`), 'defined');
      await peer.setOffline(true);
      await peer.eval(
        `(document.body.innerHTML = '<mutual-story-card story-id="offline-reply"><p>A story.</p></mutual-story-card>', '')`,
      );
      await until(() => inPeer(`return r.querySelector('.share') ? 'ready' : ''`), 'rendered');
      await press();
      await until(
        async () =>
          (await inPeer(`return r.querySelector('[role="alert"]')?.textContent ?? ''`)) ===
          'This needs a connection to open. Please try again when you’re back online.',
        'said why nothing opened',
      );
      await peer.setOffline(false);
      await press();
      await until(() => inPeer(`return r.querySelector('textarea') ? 'open' : ''`), 'composer once back online');
      expect(await inPeer(`return r.querySelector('[role="alert"]') ? 'still there' : 'gone'`)).to.equal('gone');
    });
  });

  it('a page that loads dist/mutual.js?ver=3 (as WordPress enqueues scripts) runs it once: lazy parts never fetch it again', async () => {
    const { doc, win } = await open('/tests/helpers/versioned-page.html');
    doc.body.innerHTML = `<mutual-me-too subject="versioned-${Date.now()}" endpoint="/events" locale="es"></mutual-me-too>`;
    const bar = await shadow(doc, 'mutual-me-too');
    await until(
      () => bar.querySelector('button')?.textContent?.includes('A mí también'),
      'Spanish strings (a lazy chunk)',
    );
    bar.querySelector('button')!.focus();
    const scripts = () =>
      win.performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name))
        .filter((u) => u.pathname.endsWith('.js') && !u.pathname.startsWith('/__web-dev-server'));
    await until(
      () => scripts().some((u) => u.pathname.startsWith('/dist/chunks/transport-')),
      'send path (a lazy chunk)',
    );
    expect(
      scripts()
        .filter((u) => u.pathname === '/dist/mutual.js')
        .map((u) => u.search),
    ).to.deep.equal(['?ver=3']);
  });

  it('two copies of Mutual on one page never throw "already defined"', async () => {
    const { doc, win } = await open('/tests/helpers/double-page.html');
    await shadow(doc, 'mutual-me-too');
    await new Promise((r) => setTimeout(r, 300));
    expect(win.pageErrors ?? []).to.deep.equal([]);
    expect(doc.querySelectorAll('mutual-me-too')[0].shadowRoot!.querySelectorAll('button')).to.have.length(4);
  });

  it('the snippet builder: its form comes from custom-elements.json, the preview is live, the snippet is exact and escaped', async () => {
    const { doc, win, tag, choose } = await openBuilder();
    expect([...tag.options].map((o) => o.value)).to.include.members([
      'mutual-me-too',
      'mutual-story-card',
      'mutual-check-in',
    ]);
    // The admin elements need a token no snippet can carry: not offered to a CMS editor.
    const { MEMBER_ELEMENTS } = await import('../../src/elements.js');
    expect([...tag.options].map((o) => o.value).sort()).to.deep.equal(
      MEMBER_ELEMENTS.map((e) => e.tag)
        .filter((t) => t !== 'mutual-provider')
        .sort(),
    );
    choose('mutual-me-too');
    const field = (name: string) => doc.querySelector<HTMLInputElement>(`#fields input[name="${name}"]`)!;
    // Every documented attribute is a labelled field with its description.
    const single = field('single');
    expect(single.type).to.equal('checkbox');
    expect(doc.querySelector(`label[for="${single.id}"]`)!.textContent).to.equal('single');
    expect(doc.getElementById(single.getAttribute('aria-describedby')!)!.textContent).to.contain(
      'one reaction at a time',
    );
    field('subject').value = 'post "7" <b>';
    single.checked = true;
    doc.getElementById('fields')!.dispatchEvent(new Event('input'));
    const preview = doc.querySelector('#preview mutual-me-too')!;
    expect(preview.getAttribute('subject')).to.equal('post "7" <b>');
    expect(preview.hasAttribute('single')).to.equal(true);
    await until(() => preview.shadowRoot?.querySelector('button'), 'preview upgraded');
    const snippet = doc.querySelector<HTMLTextAreaElement>('#snippet')!.value;
    expect(snippet).to.equal(
      `<script type="module" src="/mutual/mutual.js"></script>\n<mutual-me-too subject="post &quot;7&quot; &lt;b&gt;" single endpoint="/events"></mutual-me-too>`,
    );
    expect(snippet).not.to.contain('localhost');
    // The editor sets where their site serves Mutual.
    const url = doc.querySelector<HTMLInputElement>('#script-url')!;
    url.value = 'https://cdn.peers.example/mutual/mutual.js';
    url.dispatchEvent(new Event('input'));
    expect(doc.querySelector<HTMLTextAreaElement>('#snippet')!.value).to.match(
      /^<script type="module" src="https:\/\/cdn\.peers\.example\/mutual\/mutual\.js"><\/script>/,
    );
    expect(win.document.title).to.equal('Mutual snippet builder');
  });

  it('the snippet builder: a quick exit previewed (it moves to the start of <body>) is gone once another widget is chosen', async () => {
    const { doc, choose } = await openBuilder();
    choose('mutual-quick-exit');
    await until(() => doc.querySelector('mutual-quick-exit'), 'the quick exit previewed');
    choose('mutual-me-too');
    await until(() => doc.querySelector('#preview mutual-me-too'), 'the bar previewed');
    expect(doc.querySelectorAll('mutual-quick-exit').length).to.equal(0);
  });

  it('the snippet builder uses fitting controls and confirms a copy in a live region', async () => {
    const { doc, choose } = await openBuilder();
    choose('mutual-check-in');
    const control = (name: string) =>
      doc.querySelector<HTMLInputElement | HTMLSelectElement>(`#fields [name="${name}"]`)!;
    expect(control('locale').localName).to.equal('select');
    expect([...(control('locale') as HTMLSelectElement).options].map((o) => o.value)).to.deep.equal([
      '',
      'en',
      'es',
      'ar',
    ]);
    expect(control('theme').localName).to.equal('select');
    expect((control('required') as HTMLInputElement).type).to.equal('checkbox');
    expect((control('limit') as HTMLInputElement).type).to.equal('number');
    expect((control('heading-level') as HTMLInputElement).type).to.equal('number');
    (control('locale') as HTMLSelectElement).value = 'es';
    control('locale').dispatchEvent(new Event('change', { bubbles: true }));
    expect(doc.querySelector<HTMLTextAreaElement>('#snippet')!.value).to.contain(' locale="es"');
    expect(doc.querySelector<HTMLTextAreaElement>('#snippet')!.value).not.to.contain('limit=');
    const status = doc.getElementById('copied')!;
    expect(status.getAttribute('role')).to.equal('status');
    doc.getElementById('copy')!.click();
    await until(() => status.textContent, 'copy confirmed');
    expect(status.textContent).to.match(/^(Copied\.|Copying was not allowed here)/);
  });

  it('the snippet builder works on a 390 px phone: no horizontal scroll, the preview inside its panel, the snippet full width', async () => {
    const { doc, frame, choose } = await openBuilder();
    frame.style.width = '390px';
    choose('mutual-story-card');
    await until(
      () => doc.querySelector('#preview mutual-story-card')?.shadowRoot?.querySelector('article'),
      'preview upgraded',
    );
    await new Promise((r) => requestAnimationFrame(r));
    expect(doc.documentElement.scrollWidth, 'no horizontal scroll').to.be.at.most(390);
    const panel = doc.getElementById('preview')!.getBoundingClientRect();
    const card = doc.querySelector('#preview mutual-story-card')!.getBoundingClientRect();
    expect(card.left).to.be.at.least(panel.left);
    expect(card.right).to.be.at.most(panel.right + 0.5);
    const snippet = doc.getElementById('snippet')!.getBoundingClientRect();
    expect(snippet.width).to.be.closeTo(doc.getElementById('snippet')!.parentElement!.getBoundingClientRect().width, 1);
  });
});
