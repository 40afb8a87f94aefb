// The static demo (`npm run build-demo`) on a plain static file server, nothing behind it: its
// endpoint is the collector in the browser, kept in IndexedDB and shared by the demo's pages. The
// loop works across them: the community page shows the seeded stories, the moderation page
// approves the one waiting, and the community page shows it after a reload. No console error.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium as launch, type Browser } from 'playwright';
import { chromium } from '../helpers/chromium.mjs';

const root = resolve('demo-static');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
};
let server: Server;
let base: string;
let browser: Browser;

before(async () => {
  execFileSync('npx', ['vite', 'build', '--mode', 'demo', '--logLevel', 'error'], { stdio: 'inherit' });
  server = createServer((req, res) => {
    const path = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(root) || !existsSync(path) || !statSync(path).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launch.launch({ executablePath: chromium.executablePath, args: chromium.args });
});
after(async () => {
  await browser?.close();
  server?.close();
});

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
