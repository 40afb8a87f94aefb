import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createCollector, createCollectorServer } from '../../src/collector/index.js';

// Tried as an attacker would: thousands of requests that send half their headers and stall.
test('2,000 half-sent requests from one address: other clients are still served (probe p99 ≤ 250 ms)', async () => {
  const collector = createCollector({ db: join(mkdtempSync(join(tmpdir(), 'mutual-slow-')), 'events.db') });
  const server = createCollectorServer(collector, { headersTimeoutMs: 3_000 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const attackers: Socket[] = [];
  try {
    // Another loopback address stands for the attacker's machine.
    for (let i = 0; i < 2_000; i++) {
      const socket = connect({ host: '127.0.0.1', port, localAddress: '127.0.0.2' });
      socket.on('error', () => {});
      socket.on('connect', () => socket.write('POST /events HTTP/1.1\r\nHost: localhost\r\nContent-'));
      attackers.push(socket);
    }
    await new Promise((r) => setTimeout(r, 500));
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/events?subject=probe`);
      assert.equal(res.status, 200);
      await res.arrayBuffer();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const p99 = times[Math.ceil(times.length * 0.99) - 1];
    assert.ok(p99 <= 250, `probe p99 ${p99.toFixed(1)} ms`);
    // The server holds at most 64 of them (the per-address cap), and cuts those off after the headers timeout.
    const held = () => new Promise<number>((r) => server.getConnections((_, n) => r(n)));
    assert.ok((await held()) <= 64 + 4, `${await held()} connections held (per-address cap 64, plus the probe's own)`);
    await new Promise((r) => setTimeout(r, 5_000));
    assert.equal(await held(), 0, 'stalled requests time out');
  } finally {
    for (const s of attackers) s.destroy();
    server.close();
    collector.close();
  }
});

test('100,000 subject= parameters get a clear 431 with a JSON error every time, never a reset connection', async () => {
  const collector = createCollector({ db: join(mkdtempSync(join(tmpdir(), 'mutual-huge-')), 'events.db') });
  const server = createCollectorServer(collector);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const query = Array.from({ length: 100_000 }, (_, i) => `subject=s${i}`).join('&');
  try {
    const answers: string[] = [];
    for (let i = 0; i < 10; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/events?${query}`);
        const body = (await res.json()) as { error?: string };
        answers.push(`${res.status} ${body.error ? 'json' : 'no error'}`);
      } catch (error) {
        answers.push(`failed: ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`);
      }
    }
    assert.deepEqual([...new Set(answers)], ['431 json']);
    // The server still serves everyone else.
    assert.equal((await fetch(`http://127.0.0.1:${port}/events?subject=after`)).status, 200);
  } finally {
    server.close();
    await collector.close();
  }
});
