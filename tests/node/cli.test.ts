import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

// Operator mistakes: one clear line on stderr and exit code 2, never a stack trace.
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/collector/cli.ts', ...args], {
    encoding: 'utf8',
    timeout: 20_000,
  });

function expectOneLine(args: string[], pattern: RegExp) {
  const run = cli(...args);
  assert.equal(run.status, 2, `${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
}

test('a --db that is a directory, a text file, a device, or under a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mutual-cli-'));
  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'not a database\n'.repeat(100));
  expectOneLine(['--db', dir, '--port', '0'], /--db .*: is a directory/);
  expectOneLine(['--db', text, '--port', '0'], /is not a SQLite database/);
  expectOneLine(['--db', '/dev/null', '--port', '0'], /is not a regular file/);
  expectOneLine(['--db', join(text, 'events.db'), '--port', '0'], /part of its path is a file/);
  // `export` opens the store the same way, with the same one-line answers.
  expectOneLine(['export', '--db', dir], /--db .*: is a directory/);
});

test('a port in use, an unknown flag, a malformed origin', async () => {
  const busy = createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
  const { port } = busy.address() as { port: number };
  const db = join(mkdtempSync(join(tmpdir(), 'mutual-cli-')), 'events.db');
  try {
    expectOneLine(['--db', db, '--port', String(port)], new RegExp(`port ${port} is in use`));
  } finally {
    busy.close();
  }
  expectOneLine(['--colour', 'blue'], /Unknown option '--colour'.*Flags:/);
  expectOneLine(
    ['--hide-reasons', 'names-someone,rude'],
    /^mutual-collector: --hide-reasons rude: use some of names-someone, could-identify-you/,
  );
  expectOneLine(
    ['--public-origin', 'community.example/path'],
    /--public-origin community\.example\/path: give an origin/,
  );
});

test('--help prints every flag and exits 0', () => {
  const run = cli('--help');
  assert.equal(run.status, 0, run.stderr);
  for (const flag of [
    '--port',
    '--db',
    '--origin',
    '--moderators',
    '--notify',
    '--classify',
    '--hide-reasons',
    'export',
  ])
    assert.match(run.stdout, new RegExp(flag));
});

test('export through a pipe writes every row (6,000), and CSV cells that would run as formulas are defused', async () => {
  const { createSqliteStore } = await import('../../src/collector/index.js');
  const { createEnvelope, EventTypes } = await import('../../src/core/protocol/envelope.js');
  const db = join(mkdtempSync(join(tmpdir(), 'mutual-export-pipe-')), 'events.db');
  const store = createSqliteStore(db);
  const events = Array.from({ length: 6000 }, (_, i) =>
    createEnvelope(EventTypes.storyViewed, { n: i, pad: 'x'.repeat(200) }, { source: '/t', subject: `s-${i}` }),
  );
  for (let i = 0; i < events.length; i += 500) await store.insert(events.slice(i, i + 500));
  await store.insert([createEnvelope(EventTypes.storyViewed, {}, { source: '/t', subject: '=HYPERLINK("x");1' })]);
  await store.close();
  // A real pipe, read slowly: stdout fills up and must wait, not be cut off at exit.
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/collector/cli.ts', 'export', '--db', db]);
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.pause();
  await new Promise((r) => setTimeout(r, 1500));
  child.stdout.on('data', (chunk: string) => (out += chunk));
  child.stdout.resume();
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code, signal] = await new Promise<[number | null, string | null]>((r) =>
    child.on('close', (c, s) => r([c, s])),
  );
  assert.deepEqual([code, signal], [0, null], stderr);
  assert.equal(out.trim().split('\n').length, 6001);
  const csv = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/collector/cli.ts', 'export', '--db', db, '--format', 'csv'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  assert.equal(csv.status, 0, csv.stderr);
  const last = csv.stdout.trim().split('\r\n').at(-1)!;
  assert.match(last, /,"'=HYPERLINK\(""x""\);1",/, 'quoted, with a leading apostrophe, whatever the separator');
  // A reader that goes away early: one line saying not every row was written, and a failing exit.
  const cut = spawnSync(
    'bash',
    [
      '-c',
      `node --import tsx src/collector/cli.ts export --db '${db}' | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}" >&2`,
    ],
    { encoding: 'utf8' },
  );
  const lines = cut.stderr.trim().split('\n');
  assert.deepEqual(lines, [
    'mutual-collector: export stopped: stdout was closed by the reader; not every row was written',
    '2',
  ]);
});
