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
