import { expect } from '@open-wc/testing';
import { until } from './helpers/collector.js';

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
});
