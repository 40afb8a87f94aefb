#!/usr/bin/env node
// `npm start` on a fresh clone: installs the dependencies when they are missing, builds the
// library and custom-elements.json, then serves the demo with a live endpoint (vite.config.ts
// prints the URLs). Only Node's built-ins here: this runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const dry = process.env.MUTUAL_DRY_RUN === '1';
function step(label, command, args) {
  console.log(`▶ ${label}: ${command} ${args.join(' ')}`);
  if (dry) return;
  const r = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`npm start: "${command} ${args.join(' ')}" failed (exit ${r.status}); see above.`);
    process.exit(r.status ?? 1);
  }
}

if (!existsSync('node_modules/.bin/vite')) {
  step(
    'Installing the dependencies (first run)',
    'npm',
    existsSync('package-lock.json') ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'],
  );
}
step('Building the library', 'npx', ['vite', 'build', '--logLevel', 'warn']);
step('Describing the elements (custom-elements.json)', 'npm', ['run', 'analyze', '--silent']);
step('Serving the demo', 'npx', ['vite']);
