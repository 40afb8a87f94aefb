// The moderation queue at a real community's scale: 100,000 pending items on each store. Figures:
// listing a page (the first, one deep in the queue, flagged first), the opening request that finds
// what waits first, and one bulk hide of 500 items; each as median and p95 beside its target.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createCollector, type CollectorOptions } from '../../src/collector/index.js';

const TOKEN = 'bench-moderator-token-0123456789';
const PENDING = 100_000;
const ROUNDS = 21;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** 100,000 encouragements (every 50th with a link, so flagged) through the collector's own HTTP intake. */
async function fill(url: string): Promise<void> {
  const batches = Array.from({ length: PENDING / 200 }, (_, b) => b);
  const post = async (b: number) => {
    const events = Array.from({ length: 200 }, (_, j) => {
      const n = b * 200 + j;
      return {
        specversion: '1.0',
        id: randomUUID(),
        source: '/bench',
        type: 'org.mutual.checkin.encouragement',
        time: new Date().toISOString(),
        subject: 'daily',
        datacontenttype: 'application/json',
        data: { text: n % 50 === 0 ? `See www.example.org ${n}` : `Keep going ${n}` },
      };
    });
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      body: JSON.stringify(events),
    });
    if (!res.ok) throw new Error(`filling the queue: ${res.status} ${await res.text()}`);
  };
  for (let i = 0; i < batches.length; i += 4) await Promise.all(batches.slice(i, i + 4).map(post));
}

export async function moderationBench(store: string, options: CollectorOptions) {
  const mod = createCollector({
    ...options,
    rateLimit: false,
    moderation: { moderators: [{ label: 'bench', token: TOKEN }] },
  });
  const srv = createServer((req, res) => mod(req, res));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(srv.address() as { port: number }).port}/events`;
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const filled = performance.now();
  await fill(url);
  const fillSeconds = (performance.now() - filled) / 1000;
  const get = async (path: string) => {
    const started = performance.now();
    const res = await fetch(`${url}/moderation${path}`, { headers });
    const body = (await res.json()) as { items: { seq: number }[]; next: string | null };
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return { ms: performance.now() - started, body };
  };
  // A cursor half-way down the plain items: page 1,000 of 50, as a moderator paging on would reach it.
  const first = await get('/queue?state=pending&kind=encouragement&limit=50');
  const deep = `0.${first.body.items.at(-1)!.seq - PENDING / 2}`;
  const requests: [string, string][] = [
    ['the opening request (what waits first, any kind)', '/queue?state=pending&limit=1'],
    ['first page of a kind (50, flagged first)', '/queue?state=pending&kind=encouragement&limit=50'],
    ['a page half-way down (cursor)', `/queue?state=pending&kind=encouragement&limit=50&cursor=${deep}`],
    ['flagged only', '/queue?state=pending&flagged=true&limit=50'],
  ];
  const times = requests.map(() => [] as number[]);
  // Alternating rounds: each request once per round, so a slow moment touches every figure alike.
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, [, path]] of requests.entries()) times[i].push((await get(path)).ms);
  // Bulk hides of 500 from the top of the queue, each from the state the moderator saw.
  const bulk: number[] = [];
  for (let round = 0; round < 7; round++) {
    const seqs: number[] = [];
    let cursor = '';
    while (seqs.length < 500) {
      const page = (await get(`/queue?state=pending&kind=encouragement&limit=200${cursor ? `&cursor=${cursor}` : ''}`))
        .body;
      seqs.push(...page.items.map((i) => i.seq));
      cursor = page.next ?? '';
    }
    const started = performance.now();
    const res = await fetch(`${url}/moderation/items`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ action: 'hide', items: seqs.slice(0, 500).map((seq) => ({ seq, from: 'pending' })) }),
    });
    const answer = (await res.json()) as { items: unknown[] };
    bulk.push(performance.now() - started);
    if (answer.items.length !== 500) throw new Error(`bulk hide moved ${answer.items.length} of 500`);
  }
  srv.close();
  await mod.close();
  const rows = requests.map(([name], i) => {
    const sorted = times[i].sort((x, y) => x - y);
    return [`${store}: ${name}`, ms(quantile(sorted, 0.5)), ms(quantile(sorted, 0.95)), '≤ 50 ms'];
  });
  bulk.sort((x, y) => x - y);
  rows.push([
    `${store}: hide 500 selected items at once`,
    ms(quantile(bulk, 0.5)),
    ms(quantile(bulk, 0.95)),
    '≤ 1,000 ms',
  ]);
  return { rows, fillSeconds };
}
