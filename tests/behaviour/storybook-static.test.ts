import { expect } from '@open-wc/testing';
import { until } from '../helpers/collector.js';

/**
 * The published Storybook, as a designer shares it: `npm run build-storybook` output served over
 * HTTP (this test server serves the repository), opened in Chromium.
 */
describe('the built Storybook (storybook-static/)', () => {
  it('has its index page and story index', async () => {
    const index = await fetch('/storybook-static/index.html');
    expect(index.status).to.equal(200);
    expect(await index.text()).to.contain('<title>');
    const stories = (await (await fetch('/storybook-static/index.json')).json()) as {
      entries: Record<string, { type: string }>;
    };
    expect(Object.keys(stories.entries)).to.include('elements-me-too--default');
  });

  it('opens index.html, and a story renders its element', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1000px; height: 700px';
    document.body.append(frame);
    try {
      frame.src = '/storybook-static/index.html?path=/story/elements-me-too--default';
      await until(
        () => frame.contentDocument?.querySelector('#storybook-preview-iframe'),
        'the manager UI with its preview',
        15_000,
      );
      const preview = frame.contentDocument!.querySelector<HTMLIFrameElement>('#storybook-preview-iframe')!;
      const bar = await until(
        () => preview.contentDocument?.querySelector('mutual-me-too')?.shadowRoot?.querySelector('button'),
        'the element rendered',
        15_000,
      );
      expect(bar.textContent).to.contain('Me too');
      expect(getComputedStyle(preview.contentDocument!.querySelector('mutual-me-too')!).fontFamily).to.contain(
        'system-ui',
      );
    } finally {
      frame.remove();
    }
  });

  it('publishes docs/ as Docs pages: the collector page shows the flags from docs/collector.md', async () => {
    const stories = (await (await fetch('/storybook-static/index.json')).json()) as {
      entries: Record<string, { type: string }>;
    };
    for (const page of [
      'events',
      'collector',
      'moderation',
      'moderating-a-community',
      'privacy-safety-and-accessibility',
      'performance-and-reliability',
    ])
      expect(stories.entries[`docs-${page}--docs`]?.type, page).to.equal('docs');
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1000px; height: 700px';
    document.body.append(frame);
    try {
      frame.src = '/storybook-static/iframe.html?id=docs-collector--docs&viewMode=docs';
      const heading = await until(
        () => [...(frame.contentDocument?.querySelectorAll('h1') ?? [])].find((h) => h.textContent === 'The collector'),
        'the page rendered from docs/collector.md',
        15_000,
      );
      expect(heading.tagName).to.equal('H1');
      const text = frame.contentDocument!.body.textContent!;
      expect(text).to.contain('--notify URL');
      expect(frame.contentDocument!.querySelectorAll('table').length).to.be.greaterThan(0);
    } finally {
      frame.remove();
    }
  });
});
