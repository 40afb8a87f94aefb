// The published Storybook as a designer shares it: storybook-static/ on a plain static file
// server, nothing behind it. The stories that talk to an endpoint talk to the demonstration store
// in the tab (PGlite): stories load with their counts, a press is counted, and a story a member
// sent is moderated and published, with not one console error or failed request.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Frame, Page } from 'playwright';
import { serveStatic } from '../helpers/static-site.js';

let site: Awaited<ReturnType<typeof serveStatic>>;
let base: string;
let browser: Browser;

before(async () => {
  assert.ok(existsSync('storybook-static/index.html'), 'storybook-static/ is built (npm run build-storybook)');
  site = await serveStatic('storybook-static');
  ({ base, browser } = site);
});
after(() => site?.close());

/**
 * A story as a designer opens it (index.html, the story in the preview frame), with every console
 * error, page error and failed request kept.
 */
async function open(id: string): Promise<{ page: Page; frame: Frame; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  await page.goto(`${base}/index.html?path=/story/${id}`);
  const frame = await (await page.waitForSelector('#storybook-preview-iframe')).contentFrame();
  assert.ok(frame, 'the preview frame');
  return { page, frame, problems };
}

/** What the endpoint in the tab answers, asked from the page as a widget asks it. */
const ask = (frame: Frame, query: string) =>
  frame.evaluate(async (q) => (await fetch(`/events${q}`)).json(), query) as Promise<Record<string, unknown>>;

describe('the published Storybook has a live endpoint in the tab', { timeout: 120_000 }, () => {
  test('the feed shows the seeded stories with their counts, and a press is counted', async () => {
    const { page, frame, problems } = await open('elements-story-feed--from-the-endpoint');
    try {
      await frame.getByRole('heading', { name: 'The evenings were the hardest' }).waitFor({ timeout: 30_000 });
      await frame.getByRole('heading', { name: 'Sleep came back slowly' }).waitFor();
      const card = frame.locator('mutual-story-card', { hasText: 'The evenings were the hardest' });
      const meToo = card.getByRole('button', { name: /Me too/ });
      assert.match((await meToo.textContent()) ?? '', /8/, 'the 8 peers who said "me too" are counted');
      await meToo.click();
      await frame.waitForFunction(
        async () => {
          const r = await (await fetch('/events?subject=demo-evenings')).json();
          return r.counts?.['me-too'] === 9;
        },
        undefined,
        { timeout: 10_000 },
      );
      assert.equal(await meToo.getAttribute('aria-pressed'), 'true');
      assert.match((await meToo.textContent()) ?? '', /9/);
      assert.match(await frame.locator('.sb-demo-store').innerText(), /demonstration store in this browser/);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('a moderator approves the waiting story in the queue, and the feed query publishes it', async () => {
    const { page, frame, problems } = await open('admin-moderation-queue--live-in-this-browser');
    try {
      await frame.getByText('Asking for help still feels like failing.').waitFor({ timeout: 30_000 });
      const before = (await ask(frame, '?stories')).stories as { heading: string }[];
      assert.ok(!before.some((s) => s.heading === 'Learning to ask for help'), 'not published before review');
      await frame.getByRole('button', { name: 'Approve', exact: true }).click();
      await frame.waitForFunction(
        async () => {
          const r = await (await fetch('/events?stories')).json();
          return r.stories.some((s: { heading: string }) => s.heading === 'Learning to ask for help');
        },
        undefined,
        { timeout: 10_000 },
      );
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
