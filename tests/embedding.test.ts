import { expect } from '@open-wc/testing';
import { EventTypes } from '../src/core/envelope.js';
import { storedAtLeast, until } from './helpers/collector.js';

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

const shadow = (doc: Document, tag: string) => until(() => doc.querySelector(tag)?.shadowRoot?.querySelector('*') && doc.querySelector(tag)!.shadowRoot!, `${tag} upgraded`);
const buttonNamed = (root: ShadowRoot, name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;

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
    await until(() => card.querySelector('mutual-crisis-resources')?.shadowRoot?.querySelector('a'), 'crisis resources');
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

  it('two copies of Mutual on one page never throw "already defined"', async () => {
    const { doc, win } = await open('/tests/helpers/double-page.html');
    await shadow(doc, 'mutual-me-too');
    await new Promise((r) => setTimeout(r, 300));
    expect(win.pageErrors ?? []).to.deep.equal([]);
    expect(doc.querySelectorAll('mutual-me-too')[0].shadowRoot!.querySelectorAll('button')).to.have.length(4);
  });

  it('the snippet builder: its form comes from custom-elements.json, the preview is live, the snippet is exact and escaped', async () => {
    const { doc, win } = await open('/demo/builder.html');
    const tag = await until(() => doc.querySelector<HTMLSelectElement>('#tag option') && doc.querySelector<HTMLSelectElement>('#tag')!, 'tag list');
    expect([...tag.options].map((o) => o.value)).to.include.members(['mutual-me-too', 'mutual-story-card', 'mutual-check-in']);
    tag.value = 'mutual-me-too';
    tag.dispatchEvent(new Event('change'));
    const field = (name: string) => doc.querySelector<HTMLInputElement>(`#fields input[name="${name}"]`)!;
    // Every documented attribute is a labelled field with its description.
    const single = field('single');
    expect(single.type).to.equal('checkbox');
    expect(doc.querySelector(`label[for="${single.id}"]`)!.textContent).to.equal('single');
    expect(doc.getElementById(single.getAttribute('aria-describedby')!)!.textContent).to.contain('one reaction at a time');
    field('subject').value = 'post "7" <b>';
    single.checked = true;
    doc.getElementById('fields')!.dispatchEvent(new Event('input'));
    const preview = doc.querySelector('#preview mutual-me-too')!;
    expect(preview.getAttribute('subject')).to.equal('post "7" <b>');
    expect(preview.hasAttribute('single')).to.equal(true);
    await until(() => preview.shadowRoot?.querySelector('button'), 'preview upgraded');
    const snippet = doc.querySelector<HTMLTextAreaElement>('#snippet')!.value;
    expect(snippet).to.equal(
      `<script type="module" src="${win.location.origin}/dist/mutual.js"></script>\n<mutual-me-too subject="post &quot;7&quot; &lt;b&gt;" single endpoint="/events"></mutual-me-too>`,
    );
  });
});
