#!/usr/bin/env node
// `npm test`: lint, typecheck, collector tests (node:test) and browser tests (web-test-runner in
// headless Chromium), then one line `N passed, N failed` summed from the real results.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p) => p && existsSync(p));
}

let chrome = findChromium();
// A fresh machine: install Debian's Chromium when we can (root with apt, as CI is), saying what runs.
if (!chrome && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('No Chromium found; installing it: apt-get update && apt-get install -y chromium');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  chrome = findChromium();
}
if (!chrome) {
  console.log(
    'No Chromium found: install it with `sudo apt-get install -y chromium` (or set CHROME_PATH to a Chrome/Chromium binary), then run `npm test` again.',
  );
  process.exit(1);
}

const results = '.test-results';
mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome, ...env } });
  return r.status === 0;
}

// Static checks count as one check each.
for (const [label, args] of [
  ['lint (eslint)', ['eslint', '.']],
  ['format (prettier --check, print width 120)', ['prettier', '--check', '.']],
  ['typecheck (tsc --noEmit)', ['tsc', '--noEmit']],
  ['size (npm run size: within the budgets in package.json)', ['node', 'tests/perf/size.mjs']],
]) {
  if (run(label, 'npx', args)) passed++;
  else failed++;
}

// Everything is tested as users get it: the built dist/ (CDN file, loader, npm entries, packed
// tarball), custom-elements.json and the built Storybook. CI has just built them; otherwise build now.
const built = process.env.CI && existsSync('dist/npm/index.js') && existsSync('storybook-static/index.html');
if (!built) {
  if (run('build (npm run build)', 'npm', ['run', 'build', '--silent'])) passed++;
  else failed++;
  if (run('build Storybook (npm run build-storybook)', 'npm', ['run', 'build-storybook', '--silent'])) passed++;
  else failed++;
}

/** Runs node:test files and adds their real counts (TAP) to the total. */
function nodeTests(label, files, env = {}) {
  const tapFile = `${results}/node-${label.replace(/\W+/g, '-')}.tap`;
  run(
    label,
    'node',
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    env,
  );
  try {
    const tap = readFileSync(tapFile, 'utf8');
    const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? 0);
    passed += count('pass');
    failed += count('fail') + count('cancelled');
    if (!/^# tests \d+/m.test(tap)) failed++;
  } catch {
    failed++;
  }
}

// Collector and Node-side tests: real HTTP servers, a real SQLite file, and PostgreSQL (a server
// with MUTUAL_PG_URL — CI starts Debian's — else an embedded PGlite) for the store contract.
const nodeFiles = readdirSync('tests/node')
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `tests/node/${f}`);
nodeTests('collector tests (node:test, SQLite)', nodeFiles);
// The whole collector suite again, on PostgreSQL.
console.log(
  process.env.MUTUAL_PG_URL ? '\nPostgreSQL: the server at MUTUAL_PG_URL' : '\nPostgreSQL: embedded (PGlite)',
);
nodeTests(
  'collector tests (node:test, PostgreSQL)',
  ['collector', 'moderation', 'stories', 'data-rights', 'attacks', 'notify', 'fuzz', 'classifier', 'trust'].map(
    (f) => `tests/node/${f}.test.ts`,
  ),
  { MUTUAL_TEST_STORE: 'postgres' },
);
// And on PGlite called in this process: the engine of the in-browser store (static Storybook, demo).
nodeTests(
  'collector tests (node:test, PGlite)',
  ['collector', 'moderation', 'stories', 'data-rights', 'trust'].map((f) => `tests/node/${f}.test.ts`),
  { MUTUAL_TEST_STORE: 'pglite' },
);

// Browser tests in real headless Chromium with the collector mounted into the test server.
run('browser tests (web-test-runner, headless Chromium)', 'npx', ['web-test-runner']);
try {
  const wtr = JSON.parse(readFileSync(`${results}/wtr.json`, 'utf8'));
  passed += wtr.passed;
  failed += wtr.failed;
} catch {
  failed++;
}

// Every Storybook story rendered, played and axe-checked in Chromium (Storybook's Vitest addon),
// and the React wrappers rendered by React — both through Vitest's browser mode.
// One Vitest run per project: together they share one browser page and interfere.
for (const project of ['storybook', 'react']) {
  const out = `${results}/vitest-${project}.json`;
  rmSync(out, { force: true });
  run(`${project === 'storybook' ? 'stories' : 'React wrappers'} (Vitest browser mode, headless Chromium)`, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
  } catch {
    failed++;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
