// Growth: what a member's reads cost once a community is large. A feed of 5,000 published stories
// (`GET ?stories`, the first page with its total) and reaction counts over 1,000,000 events
// (`GET ?subject=`), both through the collector's HTTP, each as median and p99 of 201 requests;
// and the bytes each stored event takes on disk. SQLite, rate limits off.
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createCollector } from '../../src/collector/index.js';
import type { MutualEnvelope } from '../../src/core/protocol/envelope.js';

const STORIES = 5_000;
const EVENTS = Number(process.env.MUTUAL_BENCH_EVENTS ?? 1_000_000);
const SUBJECTS = 10_000;
const REQUESTS = 201;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

const envelope = (type: string, subject: string, data: Record<string, unknown>): MutualEnvelope => ({
  specversion: '1.0',
  id: randomUUID(),
  source: '/bench',
  type,
  time: new Date().toISOString(),
  subject,
  datacontenttype: 'application/json',
  data,
});

async function timed(url: () => string): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const res = await fetch(url());
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url()} answered ${res.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

export async function growthBench(db: string) {
  const collector = createCollector({ db, rateLimit: false });
  const server = createServer((req, res) => collector(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/events`;
  const approved = () => ({ kind: 'story' as const, state: 'approved' as const, flags: [] });
  for (let b = 0; b < STORIES / 500; b++)
    await collector.store.insert(
      Array.from({ length: 500 }, (_, i) =>
        envelope('org.mutual.story.submitted', `story-${b * 500 + i}`, {
          heading: `A story ${b * 500 + i}`,
          text: 'The evenings were the hardest. Walking with a friend helped, a little every day.',
          tags: ['sleep', 'work'],
          contentWarning: [],
        }),
      ),
      approved,
    );
  const feed = await timed(() => `${url}?stories&limit=20`);
  const started = performance.now();
  for (let n = 0; n < EVENTS; n += 1000)
    await collector.store.insert(
      Array.from({ length: 1000 }, (_, i) =>
        envelope('org.mutual.reaction.added', `load-${(n + i) % SUBJECTS}`, {
          reaction: 'me-too',
          reactor: randomUUID().replaceAll('-', ''),
        }),
      ),
    );
  const fillSeconds = (performance.now() - started) / 1000;
  const counts = await timed(() => `${url}?subject=load-${Math.floor(Math.random() * SUBJECTS)}`);
  server.close();
  await collector.close();
  const size = (f: string) => statSync(f, { throwIfNoEntry: false })?.size ?? 0;
  const bytes = size(db) + size(`${db}-wal`);
  return { feed, counts, bytesPerEvent: bytes / (EVENTS + STORIES), events: EVENTS, fillSeconds };
}
