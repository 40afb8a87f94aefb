// What `--forward` and `--notify` share: a queue kept in the store (so a restart resumes where it
// stopped), one CloudEvent per request in structured mode, retries with backoff that honour
// `Retry-After`, and no redirects (a receiver that answers 3xx is not followed to another server).
import { unref } from './runtime.js';

/** One waiting event: its key in the queue, how often it was tried, the event. */
export interface Waiting {
  key: number;
  attempts: number;
  event: { type: string };
}

/** The queue a sender works through; every call is one statement in the store. */
export interface SendQueue {
  due(now: number, limit: number): Promise<Waiting[]>;
  done(key: number): Promise<void>;
  later(key: number, nextAt: number): Promise<void>;
  /** Keeps the queue at most `cap` long; answers how many were set aside. */
  trim?(cap: number): Promise<number>;
}

export interface SenderOptions {
  url: string;
  /** First retry delay (ms); doubles up to `retryMaxMs`. Default 1 s. */
  retryBaseMs?: number;
  /** Longest wait between tries (ms). Default 5 min: an event is never dropped, only delayed. */
  retryMaxMs?: number;
}

/** The longest `Retry-After` honoured: a receiver cannot park the queue for a day. */
const RETRY_AFTER_MAX_MS = 3_600_000;

/** Milliseconds a `Retry-After` header asks for (delta-seconds or an HTTP date), or undefined. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, RETRY_AFTER_MAX_MS) : undefined;
}

export function createSender(
  queue: SendQueue,
  options: SenderOptions & {
    /** Who is sending, for the log: "forwarding", "the notify URL". */
    name: string;
    cap?: number;
    log?: (line: string) => void;
    now?: () => number;
  },
) {
  const { url, retryBaseMs = 1_000, retryMaxMs = 300_000, name, cap, log = console.warn, now = Date.now } = options;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Undefined when the receiver took it; else why not, and how long it asked us to wait. */
  async function send(event: unknown): Promise<{ why: string; waitMs?: number } | undefined> {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' },
        body: JSON.stringify(event),
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return undefined;
      return { why: `HTTP ${res.status}`, waitMs: retryAfterMs(res.headers.get('retry-after'), now()) };
    } catch (error) {
      return { why: (error as Error).message };
    }
  }

  async function pump(): Promise<void> {
    if (cap) {
      const dropped = await queue.trim?.(cap);
      if (dropped)
        log(`[mutual collector] ${name}: the queue holds ${cap} events; the ${dropped} oldest were set aside.`);
    }
    for (;;) {
      again = false;
      const due = await queue.due(now(), 50);
      for (const { key, attempts, event } of due) {
        if (closed) return;
        const failed = await send(event);
        if (!failed) {
          await queue.done(key);
          continue;
        }
        // Said once per event, when it is clearly not a blip; never the URL (it may hold a secret).
        if (attempts === 3)
          log(`[mutual collector] ${name}: ${event.type} not delivered yet (${failed.why}); still trying.`);
        const backoff = Math.min(retryMaxMs, retryBaseMs * 2 ** attempts);
        await queue.later(key, now() + Math.max(backoff, failed.waitMs ?? 0));
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
      .catch((error: Error) => log(`[mutual collector] ${name}: ${error.message}`))
      .finally(() => {
        running = undefined;
        clearTimeout(timer);
        if (!closed) unref((timer = setTimeout(kick, retryBaseMs)));
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
