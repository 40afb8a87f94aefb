import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

// `npm start` in a fresh clone (no node_modules): what it runs, in order (a dry run: installing
// for real takes minutes, and CI's own run is the real install).
test('npm start on a fresh clone installs the dependencies, builds, then serves', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mutual-fresh-'));
  mkdirSync(join(dir, 'demo'));
  for (const f of ['package.json', 'package-lock.json', 'demo/serve.mjs']) copyFileSync(f, join(dir, f));
  const out = execFileSync('npm', ['start', '--silent'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, MUTUAL_DRY_RUN: '1' },
  });
  const steps = out.split('\n').filter((l) => l.startsWith('▶'));
  assert.deepEqual(steps, [
    '▶ Installing the dependencies (first run): npm ci --no-audit --no-fund',
    '▶ Building the library: npx vite build --logLevel warn',
    '▶ Describing the elements (custom-elements.json): npm run analyze --silent',
    '▶ Serving the demo: npx vite',
  ]);
  // With dependencies installed, it goes straight to building.
  const again = execFileSync('npm', ['start', '--silent'], {
    encoding: 'utf8',
    env: { ...process.env, MUTUAL_DRY_RUN: '1' },
  });
  assert.ok(!again.includes('Installing'));
});

// The demo's admin page keeps the development token in its memory: when Vite restarts the dev
// server (it does whenever the collector's code changes), the moderator must stay signed in.
test('the development moderator token stays the same when the dev server restarts', async () => {
  const { createServer } = await import('vite');
  const printed: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void printed.push(args.join(' '));
  const dir = mkdtempSync(join(tmpdir(), 'mutual-dev-'));
  const env = { db: process.env.MUTUAL_DB, token: process.env.MUTUAL_DEV_MODERATOR_TOKEN };
  process.env.MUTUAL_DB = join(dir, 'events.db');
  delete process.env.MUTUAL_DEV_MODERATOR_TOKEN;
  const server = await createServer({ configFile: 'vite.config.ts', logLevel: 'silent', server: { port: 0 } });
  const tokenPrinted = async () => {
    for (let i = 0; i < 100 && !printed.some((l) => l.includes('moderator token')); i++)
      await new Promise((r) => setTimeout(r, 50));
    const line = printed.splice(0).find((l) => l.includes('moderator token'));
    return /development moderator token: ([\w-]+)\)/.exec(line ?? '')?.[1];
  };
  const queue = async (token: string) => {
    const url = server.resolvedUrls!.local[0];
    return (await fetch(`${url}events/moderation/queue`, { headers: { authorization: `Bearer ${token}` } })).status;
  };
  try {
    await server.listen();
    const token = await tokenPrinted();
    assert.ok(token, 'a token is printed');
    assert.equal(await queue(token), 200);
    await server.restart();
    assert.equal(await tokenPrinted(), token);
    assert.equal(await queue(token), 200);
  } finally {
    await server.close();
    console.log = log;
    for (const [key, value] of [
      ['MUTUAL_DB', env.db],
      ['MUTUAL_DEV_MODERATOR_TOKEN', env.token],
    ] as const)
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  }
});
