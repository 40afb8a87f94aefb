// A built folder (storybook-static/, demo-static/) on a plain static file server, as a host
// publishes it: files only, nothing behind them, and Chromium to open it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium as launch, type Browser } from 'playwright';
import { chromium } from './chromium.mjs';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** Serves `folder` on a free port of loopback and starts Chromium; `close` ends both. */
export async function serveStatic(folder: string): Promise<{ base: string; browser: Browser; close(): Promise<void> }> {
  const root = resolve(folder);
  const server = createServer((req, res) => {
    const path = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(root) || !existsSync(path) || !statSync(path).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser = await launch.launch({ executablePath: chromium.executablePath, args: chromium.args });
  return {
    base: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}
