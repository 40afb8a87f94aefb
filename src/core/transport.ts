import { BATCH_CONTENT_TYPE, Limits, type MutualEnvelope } from './envelope.js';
import { MemoryOutbox, StorageOutbox, type Outbox } from './outbox.js';

export interface TransportOptions {
  /** Absolute or page-relative URL events are POSTed to. */
  endpoint: string;
  /** Default `'omit'`: no cookies go with events unless the host asks. */
  credentials?: RequestCredentials;
  /** Extra request headers, e.g. a bearer token the host supplies. */
  headers?: Record<string, string>;
  /** Keep the outbox in memory only (nothing written to the device). */
  noTrace?: boolean;
  /** Events queued within this window travel in one request. */
  batchWindowMs?: number;
  maxBatch?: number;
  /** First retry delay; doubles per failed attempt (with jitter) up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** A request that has not answered by then counts as failed and is retried. */
  timeoutMs?: number;
}

export type DeliveryState = 'queued' | 'sent' | 'failed';

/** Fired on a Transport whenever events change delivery state. */
export class DeliveryEvent extends Event {
  constructor(
    readonly ids: readonly string[],
    readonly state: DeliveryState,
    readonly reason?: string,
  ) {
    super('delivery');
  }
}

type Outcome = { kind: 'ok' } | { kind: 'retry'; after?: number; reason: string } | { kind: 'drop'; reason: string };

const KEEPALIVE_LIMIT = 60_000; // browsers cap keepalive/beacon bodies at 64 KiB in total

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * Queue → batch → POST, with a durable outbox and retries. One instance per endpoint per page
 * (see `getTransport`), shared by every element and by every copy of Mutual on the page.
 */
export class Transport extends EventTarget {
  readonly endpoint: string;
  readonly outbox: Outbox;
  private readonly opts: Required<Omit<TransportOptions, 'endpoint' | 'noTrace'>>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerDue = 0;
  private inflight = false;
  private attempt = 0;
  private waiters = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();

  constructor(options: TransportOptions) {
    super();
    this.endpoint = options.endpoint;
    this.opts = {
      credentials: options.credentials ?? 'omit',
      headers: options.headers ?? {},
      batchWindowMs: options.batchWindowMs ?? 200,
      maxBatch: Math.min(options.maxBatch ?? 100, Limits.maxBatch),
      retryBaseMs: options.retryBaseMs ?? 1000,
      retryMaxMs: options.retryMaxMs ?? 60_000,
      timeoutMs: options.timeoutMs ?? 15_000,
    };
    this.outbox = options.noTrace ? new MemoryOutbox() : new StorageOutbox(options.endpoint);
    addEventListener('online', () => {
      this.attempt = 0;
      this.schedule(0, true);
    });
    addEventListener('pagehide', () => this.handOff());
    // Whatever an earlier page left unsent goes out now.
    if (this.outbox.size) this.schedule(0);
  }

  /** Store the event durably, then send it with the next batch. Resolves once the endpoint acknowledged it. */
  enqueue(event: MutualEnvelope): Promise<void> {
    this.outbox.add(event);
    const delivered = new Promise<void>((resolve, reject) => this.waiters.set(event.id, { resolve, reject }));
    delivered.catch(() => {}); // callers that do not wait must not cause unhandled rejections
    this.schedule(this.opts.batchWindowMs);
    return delivered;
  }

  /** Send everything queued now instead of waiting for the batch window or a retry delay. */
  flush(): void {
    this.schedule(0, true);
  }

  /** True while an event enqueued on this page awaits its acknowledgement. */
  isWaiting(id: string): boolean {
    return this.waiters.has(id);
  }

  get pending(): number {
    return this.outbox.size;
  }

  private countRequests = new Map<string, { resolve: (c: Record<string, number>) => void; reject: (e: Error) => void }[]>();

  /**
   * Reaction counts for a subject. Requests made in the same moment (a feed of 20 cards) share
   * one `GET endpoint?subject=a&subject=b…` (up to 50 subjects each) instead of one request per bar.
   */
  getCounts(subject: string): Promise<Record<string, number>> {
    return new Promise((resolve, reject) => {
      // 30 ms: long enough to gather bars whose first render was spread over several tasks.
      if (!this.countRequests.size) setTimeout(() => this.fetchCounts(), 30);
      const waiting = this.countRequests.get(subject) ?? [];
      waiting.push({ resolve, reject });
      this.countRequests.set(subject, waiting);
    });
  }

  private fetchCounts(): void {
    const requests = new Map(this.countRequests);
    this.countRequests.clear();
    const subjects = [...requests.keys()];
    for (let i = 0; i < subjects.length; i += 50) {
      const chunk = subjects.slice(i, i + 50);
      this.getJson<{ counts?: unknown; subjects?: Record<string, unknown> }>(chunk.map((s) => ['subject', s]))
        .then((body) => {
          const bySubject = chunk.length === 1 ? { [chunk[0]]: body.counts } : (body.subjects ?? {});
          for (const s of chunk) {
            const counts: Record<string, number> = {};
            const raw = bySubject[s];
            if (raw && typeof raw === 'object') for (const [name, n] of Object.entries(raw)) if (Number.isFinite(n)) counts[name] = Number(n);
            requests.get(s)?.forEach((r) => r.resolve(counts));
          }
        })
        .catch((error: Error) => chunk.forEach((s) => requests.get(s)?.forEach((r) => r.reject(error))));
    }
  }

  /** `GET endpoint?peer-messages=N` → recent encouragements peers wrote for each other. */
  async getPeerMessages(n = 10): Promise<string[]> {
    const body = await this.getJson<{ messages?: { text?: unknown }[] }>([['peer-messages', String(n)]]);
    return (body.messages ?? []).map((m) => m?.text).filter((t): t is string => typeof t === 'string' && !!t.trim());
  }

  private async getJson<T>(params: [string, string][]): Promise<T> {
    const url = this.url();
    for (const [k, v] of params) url.searchParams.append(k, v);
    const res = await fetch(url, {
      credentials: this.opts.credentials,
      headers: { accept: 'application/json', ...this.opts.headers },
      signal: AbortSignal.timeout(this.opts.timeoutMs),
    });
    if (!res.ok) throw new Error(`GET ${url.pathname} answered ${res.status}`);
    return (await res.json()) as T;
  }

  private url(): URL {
    return new URL(this.endpoint, document.baseURI);
  }

  private schedule(delay: number, sooner = false): void {
    const due = Date.now() + delay;
    if (this.timer !== undefined) {
      if (!sooner || due >= this.timerDue) return;
      clearTimeout(this.timer);
    }
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pump();
    }, delay);
  }

  private async pump(): Promise<void> {
    if (this.inflight) return;
    const batch = this.outbox.all().slice(0, this.opts.maxBatch);
    if (!batch.length) return;
    const ids = batch.map((e) => e.id);
    if (!navigator.onLine) {
      this.report(ids, 'queued', 'offline'); // the `online` listener resumes
      return;
    }
    this.inflight = true;
    const outcome = await this.post(batch);
    this.inflight = false;
    if (outcome.kind === 'retry') {
      this.attempt++;
      const ceiling = Math.min(this.opts.retryMaxMs, this.opts.retryBaseMs * 2 ** (this.attempt - 1));
      const delay = outcome.after ?? ceiling / 2 + (Math.random() * ceiling) / 2;
      this.report(ids, 'queued', outcome.reason);
      this.schedule(delay);
      return;
    }
    this.attempt = 0;
    this.outbox.remove(ids);
    if (outcome.kind === 'drop') {
      console.warn(`Mutual: the endpoint refused ${ids.length} event(s) and they will not be retried: ${outcome.reason}`);
    }
    this.report(ids, outcome.kind === 'ok' ? 'sent' : 'failed', outcome.kind === 'drop' ? outcome.reason : undefined);
    if (this.outbox.size) this.schedule(0);
  }

  private async post(batch: MutualEnvelope[]): Promise<Outcome> {
    const body = JSON.stringify(batch);
    try {
      const res = await fetch(this.url(), {
        method: 'POST',
        body,
        keepalive: body.length < KEEPALIVE_LIMIT,
        credentials: this.opts.credentials,
        headers: { 'content-type': BATCH_CONTENT_TYPE, ...this.opts.headers },
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      if (res.ok) {
        // Read the answer: an unread keepalive response keeps counting against the browser's
        // 64 KiB keepalive quota, and later sends would fail with "Failed to fetch".
        await res.arrayBuffer().catch(() => undefined);
        return { kind: 'ok' };
      }
      const reason = `${res.status} ${(await res.text().catch(() => '')).slice(0, 200)}`.trim();
      if (res.status >= 500 || res.status === 408 || res.status === 429) {
        return { kind: 'retry', after: parseRetryAfter(res.headers.get('retry-after')), reason };
      }
      return { kind: 'drop', reason };
    } catch (error) {
      return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  private report(ids: string[], state: DeliveryState, reason?: string): void {
    if (state !== 'queued') {
      for (const id of ids) {
        const waiter = this.waiters.get(id);
        this.waiters.delete(id);
        if (state === 'sent') waiter?.resolve();
        else waiter?.reject(new Error(reason));
      }
    }
    this.dispatchEvent(new DeliveryEvent(ids, state, reason));
  }

  /** Events already handed to the browser on the way out (quick exit, then `pagehide`): each goes once. */
  private handedOff = new Set<string>();

  /**
   * Last chance when the page goes away: hand what is left to the browser. It stays in the outbox
   * until acknowledged (unless quick exit then forgets the device).
   */
  handOff(): void {
    if (typeof navigator.sendBeacon !== 'function') return;
    let chunk: MutualEnvelope[] = [];
    const send = () => {
      if (chunk.length) navigator.sendBeacon(this.url(), new Blob([JSON.stringify(chunk)], { type: BATCH_CONTENT_TYPE }));
      chunk = [];
    };
    for (const event of this.outbox.all()) {
      if (this.handedOff.has(event.id)) continue;
      this.handedOff.add(event.id);
      if (JSON.stringify([...chunk, event]).length > KEEPALIVE_LIMIT) send();
      chunk.push(event);
    }
    send();
  }
}

const registry = globalThis as typeof globalThis & { [key: symbol]: unknown };

/** Every transport on the page hands its unsent events to the browser now (quick exit). */
export function handOffAll(): void {
  for (const transport of ((registry[Symbol.for('mutual.transports')] as Map<string, Transport> | undefined) ?? new Map()).values()) transport.handOff();
}

/** One transport per endpoint and settings per page, shared by every copy of Mutual. */
export function getTransport(options: TransportOptions): Transport {
  const transports = (registry[Symbol.for('mutual.transports')] ??= new Map<string, Transport>()) as Map<
    string,
    Transport
  >;
  const { endpoint, noTrace = false, credentials = 'omit', headers = {}, ...timing } = options;
  const key = JSON.stringify([endpoint, noTrace, credentials, headers, timing]);
  let transport = transports.get(key);
  if (!transport) transports.set(key, (transport = new Transport(options)));
  return transport;
}
