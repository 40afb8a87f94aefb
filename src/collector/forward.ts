// `--forward URL`: each accepted event is sent on, one per request in CloudEvents structured mode
// (a Knative broker accepts no batches), with retries and backoff. The queue is in the store,
// written in the same transaction as the event, so a restart resumes where it stopped.
import type { Store } from './store/index.js';

export interface ForwardOptions {
  url: string;
  /** First retry delay (ms); doubles up to `retryMaxMs`. Default 1 s. */
  retryBaseMs?: number;
  /** Longest wait between tries (ms). Default 5 min: an event is never dropped, only delayed. */
  retryMaxMs?: number;
}

export function createForwarder(store: Store, options: ForwardOptions, now: () => number = Date.now) {
  const { url, retryBaseMs = 1_000, retryMaxMs = 300_000 } = options;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function send(event: unknown): Promise<boolean> {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' },
        body: JSON.stringify(event),
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.ok;
    } catch {
      return false;
    }
  }

  async function pump(): Promise<void> {
    for (;;) {
      again = false;
      const due = await store.forwardDue(now(), 50);
      for (const { seq, attempts, event } of due) {
        if (closed) return;
        if (await send(event)) await store.forwardDone(seq);
        else await store.forwardLater(seq, now() + Math.min(retryMaxMs, retryBaseMs * 2 ** attempts));
      }
      if (!due.length && !again) return;
    }
  }

  /** Sends what is due now; also checks again every `retryBaseMs` for retries coming due. */
  function kick(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = pump()
      .catch((error: Error) => console.error('[mutual collector] forwarding:', error.message))
      .finally(() => {
        running = undefined;
        clearTimeout(timer);
        if (!closed) (timer = setTimeout(kick, retryBaseMs)).unref();
      });
  }

  return {
    kick,
    /** Resolves once nothing is being sent (tests, shutdown). */
    async close(): Promise<void> {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}
