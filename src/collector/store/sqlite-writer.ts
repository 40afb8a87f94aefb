// The SQLite store's writer thread: its own connection, one transaction per call. The main thread
// sends each insert with its events' moderation items already decided (a function cannot cross).
import { parentPort, workerData } from 'node:worker_threads';
import type { MutualEnvelope } from '../../core/protocol/envelope.js';
import { createSyncSqliteStore } from './sqlite.js';
import type { Classify, InsertOptions } from './types.js';

const store = createSyncSqliteStore((workerData as { file: string }).file);
type Item = ReturnType<Classify>;

parentPort!.on('message', ({ id, method, args }: { id: number; method: string; args: unknown[] }) => {
  try {
    let result: unknown;
    if (method === 'insert') {
      const [events, items, options] = args as [MutualEnvelope[], Item[], InsertOptions | undefined];
      result = store.insert(events, (e) => items[events.indexOf(e)], options);
    } else if (method === 'close') {
      store.close();
    } else {
      result = (store as unknown as Record<string, (...a: unknown[]) => unknown>)[method](...args);
    }
    parentPort!.postMessage({ id, result });
  } catch (error) {
    parentPort!.postMessage({
      id,
      error: { message: (error as Error).message, code: (error as { code?: string }).code },
    });
  }
});
