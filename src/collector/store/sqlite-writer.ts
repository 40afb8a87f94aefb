// The SQLite store's writer thread: its own connection; inserts that wait together commit together. The main thread
// sends each insert with its events' moderation items already decided (a function cannot cross).
import { parentPort, workerData } from 'node:worker_threads';
import type { MutualEnvelope } from '../../core/protocol/envelope.js';
import { createSyncSqliteStore } from './sqlite.js';
import type { Classify, InsertOptions } from './types.js';

const store = createSyncSqliteStore((workerData as { file: string }).file);
type Item = ReturnType<Classify>;

interface Call {
  id: number;
  method: string;
  args: unknown[];
}

function run({ method, args }: Call): unknown {
  if (method === 'insert') {
    const [events, items, options] = args as [MutualEnvelope[], Item[], InsertOptions | undefined];
    const itemOf = new Map(events.map((e, i) => [e, items[i]]));
    return store.insert(events, (e) => itemOf.get(e) ?? null, options);
  }
  if (method === 'close') return store.close();
  return (store as unknown as Record<string, (...a: unknown[]) => unknown>)[method](...args);
}

const reply = (id: number, outcome: { result: unknown } | { error: unknown }) =>
  parentPort!.postMessage(
    'error' in outcome
      ? { id, error: { message: (outcome.error as Error).message, code: (outcome.error as { code?: string }).code } }
      : { id, result: outcome.result },
  );

/**
 * Group commit: the inserts that arrived while the last transaction ran are committed together,
 * each in a savepoint of its own (one refused batch leaves the others). Ten clients' batches cost
 * one commit instead of ten: the pages that every batch touches (the counts, the indexes' last
 * leaves) are written to the WAL once. Every other call runs alone, in the order it came.
 */
let queue: Call[] = [];
const alone = (call: Call): { result: unknown } | { error: unknown } => {
  try {
    return { result: run(call) };
  } catch (error) {
    return { error };
  }
};
function flush(): void {
  const calls = queue;
  queue = [];
  let i = 0;
  while (i < calls.length) {
    let end = i;
    while (end < calls.length && calls[end].method === 'insert') end++;
    if (end === i) {
      reply(calls[i].id, alone(calls[i]));
      i++;
      continue;
    }
    const inserts = calls.slice(i, end);
    let outcomes: ({ result: unknown } | { error: unknown })[];
    try {
      outcomes = inserts.length > 1 ? store.group(inserts.map((call) => () => run(call))) : [alone(inserts[0])];
    } catch {
      // The commit itself failed (the disk, say): each on its own, so each gets its own answer.
      outcomes = inserts.map(alone);
    }
    inserts.forEach((call, k) => reply(call.id, outcomes[k]));
    i = end;
  }
}

parentPort!.on('message', (call: Call) => {
  // What is already waiting on the port is delivered before the immediate: it joins this group.
  if (!queue.length) setImmediate(flush);
  queue.push(call);
});
