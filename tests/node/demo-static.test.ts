// The static demo (`npm run build-demo`) on a plain static file server, nothing behind it: its
// endpoint is the collector in the browser, kept in IndexedDB and shared by the demo's pages. The
// loop works across them: the community page shows the seeded stories, the moderation page
// approves the one waiting, and the community page shows it after a reload. No console error.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright';
import { serveStatic } from '../helpers/static-site.js';

let site: Awaited<ReturnType<typeof serveStatic>>;
let base: string;
let browser: Browser;

before(async () => {
  execFileSync('npx', ['vite', 'build', '--mode', 'demo', '--logLevel', 'error'], { stdio: 'inherit' });
  site = await serveStatic('demo-static');
  ({ base, browser } = site);
});
after(() => site?.close());

test(
  'the static demo: stories, a moderator approves on one page, the community page shows it',
  { timeout: 120_000 },
  async () => {
    const context = await browser.newContext();
    const problems: string[] = [];
    context.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
    context.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    try {
      const community = await context.newPage();
      await community.goto(`${base}/demo/index.html`);
      const feed = community.locator('mutual-story-feed');
      await feed.getByRole('heading', { name: 'Sleep came back slowly' }).waitFor({ timeout: 60_000 });
      assert.match(await community.locator('aside.demo-store-note').innerText(), /demonstration store in this browser/);
      await community.close();

      const admin = await context.newPage();
      await admin.goto(`${base}/demo/admin.html`);
      await admin.locator('#token').fill('demonstration-store-in-this-browser');
      await admin.getByRole('button', { name: 'Show the queue' }).click();
      await admin.getByText('Asking for help still feels like failing.').waitFor({ timeout: 60_000 });
      await admin.getByRole('button', { name: 'Approve', exact: true }).click();
      await admin
        .getByText('Asking for help still feels like failing.')
        .waitFor({ state: 'detached', timeout: 10_000 });
      await admin.close();

      const again = await context.newPage();
      await again.goto(`${base}/demo/index.html`);
      await again
        .locator('mutual-story-feed')
        .getByRole('heading', { name: 'Learning to ask for help' })
        .waitFor({ timeout: 60_000 });
      await again.close();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  },
);
