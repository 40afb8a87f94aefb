// Crash safety, measured: a real collector process under load is killed with SIGKILL again and
// again and restarted; its clients retry as the widgets do. Every event a 200 acknowledged must be
// in the store afterwards, and every event sent is stored exactly once once the retries are done.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { Store } from '../../src/collector/index.js';

export interface CrashFigures {
  kills: number;
  sent: number;
  acknowledged: number;
  lostAcknowledged: number;
  storedOnce: number;
  storedTwice: number;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

function startChild(port: number, args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/perf/crash-child.ts', String(port), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`the collector exited (${code}) before it was ready`)));
  });
}

const batch = () =>
  Array.from({ length: 20 }, (_, i) => ({
    specversion: '1.0',
    id: randomUUID(),
    source: '/crash',
    type: 'org.mutual.reaction.added',
    time: new Date().toISOString(),
    subject: `crash-${i}`,
    datacontenttype: 'application/json',
    data: { reaction: 'me-too', reactor: `crash-reactor-${randomUUID()}` },
  }));

/**
 * `kills` times: load from `clients` senders for `loadMs`, then SIGKILL, then a restart. A batch
 * that got no answer is sent again (same ids) until one comes, as the outbox does.
 */
export async function crashRun(
  args: string[],
  openStore: () => Promise<Store>,
  { kills = 8, clients = 4, loadMs = 700 } = {},
): Promise<CrashFigures> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/events`;
  const acknowledged = new Set<string>();
  const sent = new Set<string>();
  let child = await startChild(port, args);
  let stopping = false;
  const post = async (events: ReturnType<typeof batch>) => {
    for (;;) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/cloudevents-batch+json' },
          body: JSON.stringify(events),
          signal: AbortSignal.timeout(5_000),
        });
        const body = (await res.json()) as { results?: { id: string; status: string }[] };
        if (res.ok) {
          for (const r of body.results ?? [])
            if (r.status === 'accepted' || r.status === 'duplicate') acknowledged.add(r.id);
          return;
        }
      } catch {
        // no answer: the collector is down or went down mid-request; try the same batch again
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const sender = async () => {
    while (!stopping) {
      const events = batch();
      for (const e of events) sent.add(e.id);
      await post(events);
    }
  };
  const senders = Array.from({ length: clients }, sender);
  for (let k = 0; k < kills; k++) {
    await new Promise((r) => setTimeout(r, loadMs));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    child = await startChild(port, args);
  }
  await new Promise((r) => setTimeout(r, loadMs));
  stopping = true;
  await Promise.all(senders); // each finishes its batch, retried until answered
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
  const store = await openStore();
  const stored = new Map<string, number>();
  for (let since = 0; ;) {
    const page = await store.list({ since, limit: 5_000 });
    if (!page.length) break;
    for (const e of page) stored.set(e.event.id, (stored.get(e.event.id) ?? 0) + 1);
    since = page.at(-1)!.seq;
  }
  await store.close();
  return {
    kills,
    sent: sent.size,
    acknowledged: acknowledged.size,
    lostAcknowledged: [...acknowledged].filter((id) => !stored.has(id)).length,
    storedOnce: [...sent].filter((id) => stored.get(id) === 1).length,
    storedTwice: [...stored.values()].filter((n) => n > 1).length,
  };
}
