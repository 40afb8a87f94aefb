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
    ['--public-origin', 'community.example/path'],
    /--public-origin community\.example\/path: give an origin/,
  );
});
