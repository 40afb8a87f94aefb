import { Worker } from 'node:worker_threads';
import type { MutualEnvelope } from '../../core/protocol/envelope.js';
import type { SyncStore } from './sqlite.js';
import type { Classify, InsertOptions } from './types.js';

/** The calls that write: they run on the writer thread, one transaction per batch. */
export const WRITES = [
  'insert',
  'moderate',
  'moderateMany',
  'claim',
  'forget',
  'withdraw',
  'redactTexts',
  'countShown',
  'appendAudit',
  'countDecision',
  'forwardDone',
  'forwardLater',
  'noticeAdd',
  'noticeDone',
  'noticeLater',
  'noticeTrim',
] as const;

export type WriterLike = Record<string, (...args: unknown[]) => Promise<unknown>> & { close(): Promise<void> };

/**
 * The writer thread. `classify` is a function and cannot cross threads: it runs here, and the
 * thread gets each event's item. If the thread cannot start, writes run inline (said once).
 */
export function createWriter(file: string, fallback: SyncStore): WriterLike {
  const typescript = import.meta.url.endsWith('.ts');
  const source = new URL(typescript ? './sqlite-writer.ts' : './sqlite-writer.js', import.meta.url);
  let worker: Worker | null = null;
  let failed = false;
  const pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; call: [string, unknown[]] }
  >();
  let next = 0;
  const inline = (method: string, args: unknown[]) => {
    // An insert travels with its items decided; inline, they become the classify function again.
    if (method === 'insert') {
      const [events, items, opts] = args as [MutualEnvelope[], ReturnType<Classify>[], InsertOptions];
      const itemOf = new Map(events.map((e, i) => [e, items[i]]));
      args = [events, (e: MutualEnvelope) => itemOf.get(e) ?? null, opts];
    }
    return Promise.resolve((fallback as unknown as Record<string, (...a: unknown[]) => unknown>)[method](...args));
  };
  try {
    // Run from TypeScript sources (tests, the dev server), the thread loads tsx first.
    const entry = typescript
      ? new URL(
          `data:text/javascript,${encodeURIComponent(
            `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register(); await import(${JSON.stringify(source.href)});`,
          )}`,
        )
      : source;
    worker = new Worker(entry, { workerData: { file } });
    worker.on(
      'message',
      ({ id, result, error }: { id: number; result?: unknown; error?: { message: string; code?: string } }) => {
        const call = pending.get(id);
        if (!call) return;
        pending.delete(id);
        // Idle, the thread must not keep the process alive; busy, it must.
        if (!pending.size) worker?.unref();
        if (error) call.reject(Object.assign(new Error(error.message), { code: error.code }));
        else call.resolve(result);
      },
    );
    worker.on('error', (error) => {
      if (!failed)
        console.warn(`[mutual collector] the SQLite writer thread stopped (${error.message}); writing inline.`);
      failed = true;
      worker = null;
      // What was on its way is written here instead (each call is one transaction, and inserts are idempotent).
      for (const [id, call] of pending) {
        pending.delete(id);
        inline(...call.call).then(call.resolve, call.reject);
      }
    });
    // After the listeners: adding a 'message' listener refs the thread again.
    worker.unref();
  } catch (error) {
    console.warn(`[mutual collector] no SQLite writer thread (${(error as Error).message}); writing inline.`);
    failed = true;
  }
  const call = (method: string, args: unknown[]): Promise<unknown> => {
    if (failed || !worker) return inline(method, args);
    return new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject, call: [method, args] });
      worker!.ref();
      worker!.postMessage({ id, method, args });
    });
  };
  const writer = {} as WriterLike;
  for (const name of WRITES)
    writer[name] =
      name === 'insert'
        ? (events, classify, opts) =>
            call('insert', [
              events,
              (events as MutualEnvelope[]).map((e) => (classify as Classify | undefined)?.(e) ?? null),
              opts,
            ])
        : (...args) => call(name, args);
  writer.close = async () => {
    if (!worker) return;
    await call('close', []);
    await worker.terminate();
  };
  return writer;
}
