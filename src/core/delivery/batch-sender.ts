import { DeviceKeys, STORAGE_PREFIX, writeItem } from './device-storage.js';
import { BATCH_CONTENT_TYPE, Limits, MEMBER_TEXT_TYPES, type MutualEnvelope } from '../protocol/envelope.js';
import { resolveEndpoint } from './endpoint.js';
import { MemoryOutbox, StorageOutbox, type Outbox } from './outbox.js';
import { KEEPALIVE_LIMIT, perEvent, postBatch, readJson, type Outcome } from './post.js';
import { LEASE_MS, LIVE, withSendLock } from './send-lock.js';
import { warnOnce } from '../warn.js';
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
  /**
   * Retry delay (with jitter) for the first attempts, about four seconds' worth, so a short outage
   * costs seconds, not minutes; after that it doubles per failed attempt up to `retryMaxMs`.
   */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** A request that has not answered by then counts as failed and is retried. */
  timeoutMs?: number;
}

/**
 * `queued`: waiting for a retry. `sent`: acknowledged by the endpoint. `failed`: refused for good.
 * `full`: not kept, the outbox is full of members' texts. `unconfirmed`: after a reload, the event
 * is in no outbox and no acknowledgement was recorded, so whether it arrived is unknown.
 */
export type DeliveryState = 'queued' | 'sent' | 'failed' | 'full' | 'unconfirmed';

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

/** Attempts retried at the base delay before the backoff starts to double. */
const FAST_ATTEMPTS = 8;

/**
 * Queue → batch → POST, with a durable outbox and retries. One instance per endpoint per page
 * (see `getTransport`), shared by every element and by every copy of Mutual on the page.
 */
export class Transport extends EventTarget {
  readonly endpoint: string;
  readonly outbox: Outbox;
  readonly #noTrace: boolean;
  readonly #opts: Required<Omit<TransportOptions, 'endpoint' | 'noTrace'>>;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerDue = 0;
  #inflight = false;
  /** The events of the POST under way (it is `keepalive`: it outlives the page). */
  #sending = new Set<string>();
  /** Whether that POST is small enough to be `keepalive` (browsers cap those at 64 KiB). */
  #sendingOutlivesPage = false;
  /** Outcomes of sends made by other tabs of this site, for the events this tab is waiting on. */
  readonly #channel?: BroadcastChannel;
  #attempt = 0;
  /** Consecutive network errors: after the third, the console explains how to allow this page's origin. */
  #networkFailures = 0;
  /** Lowered while a receiver refuses whole batches, to find the event it refuses. */
  #batchLimit: number;
  #waiters = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();

  constructor(options: TransportOptions) {
    super();
    // One key per endpoint however it was written ("/events" or its absolute URL).
    this.endpoint = resolveEndpoint(options.endpoint) ?? options.endpoint;
    this.#opts = {
      credentials: options.credentials ?? 'omit',
      headers: options.headers ?? {},
      batchWindowMs: options.batchWindowMs ?? 200,
      maxBatch: Math.min(options.maxBatch ?? 100, Limits.maxBatch),
      retryBaseMs: options.retryBaseMs ?? 500,
      retryMaxMs: options.retryMaxMs ?? 60_000,
      timeoutMs: options.timeoutMs ?? 15_000,
    };
    this.#batchLimit = this.#opts.maxBatch;
    this.#noTrace = !!options.noTrace;
    this.outbox = options.noTrace ? new MemoryOutbox() : new StorageOutbox(this.endpoint);
    addEventListener('online', () => {
      this.#attempt = 0;
      this.#schedule(0, true);
    });
    addEventListener('pagehide', () => this.handOff());
    // A member comes back to the tab: try now instead of waiting out the backoff.
    globalThis.document?.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && this.outbox.size) this.#schedule(0, true);
    });
    if (!this.#noTrace && typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel('mutual:delivery');
      this.#channel.onmessage = ({
        data,
      }: MessageEvent<{ endpoint: string; sent: string[]; rejected: [string, string][] }>) => {
        if (data?.endpoint !== this.endpoint) return;
        this.outbox.reload();
        const mine = (id: string) => this.#waiters.has(id);
        for (const [id, reason] of data.rejected) if (mine(id)) this.#report([id], 'failed', reason);
        const sent = data.sent.filter(mine);
        if (sent.length) this.#report(sent, 'sent');
      };
    }
    // Another tab queued events while this one sleeps in the background: it sends them if it holds the lock.
    addEventListener(
      'storage',
      (e) =>
        e.key?.startsWith(`${STORAGE_PREFIX}outbox:${this.endpoint}:`) &&
        e.newValue &&
        this.#schedule(this.#opts.batchWindowMs),
    );
    // While this page is open, other pages leave this endpoint's events to it (see adoptForeign).
    if (!this.#noTrace)
      (navigator as Navigator & { locks?: LockManager }).locks
        ?.request(LIVE + this.endpoint, { mode: 'shared' }, () => new Promise<void>(() => {}))
        .catch(() => undefined);
    // Whatever an earlier page left unsent goes out now.
    if (this.outbox.size) this.#schedule(0);
  }

  /** Store the event durably, then send it with the next batch. Resolves once the endpoint acknowledged it. */
  enqueue(event: MutualEnvelope): Promise<void> {
    const delivered = new Promise<void>((resolve, reject) => this.#waiters.set(event.id, { resolve, reject }));
    delivered.catch(() => {}); // callers that do not wait must not cause unhandled rejections
    if (!this.outbox.add(event)) {
      // Reported after the caller had a chance to watch it.
      queueMicrotask(() => this.#report([event.id], 'full', 'the outbox is full of unsent texts'));
      return delivered;
    }
    this.#schedule(this.#opts.batchWindowMs);
    return delivered;
  }

  /** Reads the outbox again from the device (events another page or tab queued or acknowledged), then sends. */
  reload(): void {
    this.outbox.reload();
    if (this.outbox.size) this.#schedule(0);
  }

  /** The endpoint as configured: an absolute http(s) URL (see `resolveEndpoint`), never re-resolved against a later `<base>`. */
  #url(): URL {
    return new URL(this.endpoint);
  }

  /** Send everything queued now instead of waiting for the batch window or a retry delay. */
  flush(): void {
    this.#schedule(0, true);
  }

  /** True while an event enqueued on this page awaits its acknowledgement. */
  isWaiting(id: string): boolean {
    return this.#waiters.has(id);
  }

  get pending(): number {
    return this.outbox.size;
  }

  #schedule(delay: number, sooner = false): void {
    const due = Date.now() + delay;
    if (this.#timer !== undefined) {
      if (!sooner || due >= this.#timerDue) return;
      clearTimeout(this.#timer);
    }
    this.#timerDue = due;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#pump();
    }, delay);
  }

  /**
   * One tab of the site sends at a time (Web Locks, else a short lease in storage), and it first
   * reads the outbox again: what another tab already sent is gone, what it queued is sent once.
   */
  async #pump(): Promise<void> {
    if (this.#inflight) return;
    this.#inflight = true;
    try {
      // Another tab of the site holds the send (no Web Locks here): try again shortly.
      if (!(await withSendLock(this.endpoint, this.#noTrace, () => this.#sendBatch()))) this.#schedule(LEASE_MS);
    } finally {
      this.#inflight = false;
    }
  }

  async #sendBatch(): Promise<void> {
    // The page's registry looks for events other pages left (see `getTransport`).
    this.dispatchEvent(new Event('sending'));
    this.outbox.reload();
    // Handed to the browser at page exit (a send that was waiting for the lock may still run in
    // the leaving page): never posted a second time from here.
    const batch = this.outbox
      .all()
      .filter((e) => !this.#handedOff.has(e.id))
      .slice(0, this.#batchLimit);
    if (!batch.length) return;
    const ids = batch.map((e) => e.id);
    if (!navigator.onLine) {
      this.#report(ids, 'queued', 'offline'); // the `online` listener resumes
      return;
    }
    this.#sending = new Set(ids);
    let outcome = await this.#post(batch);
    this.#sending = new Set();
    if (outcome.kind === 'split') {
      if (batch.length > 1) {
        // Halve until the refused event travels alone; its neighbours go through meanwhile.
        this.#batchLimit = Math.ceil(batch.length / 2);
        this.#schedule(0, true);
        return;
      }
      outcome = { kind: 'answered', rejected: new Map([[batch[0].id, outcome.reason]]) };
    }
    if (outcome.kind === 'retry') {
      this.#attempt++;
      // Sooner for the first attempts (most outages are short), then exponential backoff.
      const ceiling = Math.min(
        this.#opts.retryMaxMs,
        this.#opts.retryBaseMs * 2 ** Math.max(0, this.#attempt - FAST_ATTEMPTS),
      );
      const delay = outcome.after ?? ceiling / 2 + (Math.random() * ceiling) / 2;
      this.#report(ids, 'queued', outcome.reason);
      this.#schedule(delay);
      return;
    }
    this.#attempt = 0;
    this.#batchLimit = Math.min(this.#opts.maxBatch, this.#batchLimit * 2);
    this.#settle(batch, outcome.rejected);
    if (this.outbox.size) this.#schedule(0);
  }

  /** The endpoint answered for these events: they leave the outbox, and every tab hears how each went. */
  #settle(batch: MutualEnvelope[], rejected: Map<string, string>): void {
    const ids = batch.map((e) => e.id);
    this.outbox.remove(ids);
    for (const id of ids) writeItem(DeviceKeys.handed(id), undefined);
    for (const [id, reason] of rejected) {
      console.warn(`Mutual: the endpoint refused event ${id} and it will not be retried: ${reason}`);
      this.#report([id], 'failed', reason);
    }
    const sent = ids.filter((id) => !rejected.has(id));
    // A draft is cleared only on an acknowledgement for its own event, also on a later visit.
    for (const event of batch)
      if (!rejected.has(event.id) && MEMBER_TEXT_TYPES.has(event.type) && !this.#noTrace)
        writeItem(DeviceKeys.ack(event.id), new Date().toISOString());
    if (sent.length) this.#report(sent, 'sent');
    this.#channel?.postMessage({ endpoint: this.endpoint, sent, rejected: [...rejected] });
  }

  async #post(batch: MutualEnvelope[]): Promise<Outcome> {
    const body = JSON.stringify(batch);
    this.#sendingOutlivesPage = body.length < KEEPALIVE_LIMIT;
    const outcome = await postBatch(this.endpoint, body, this.#opts);
    if (outcome.kind !== 'network') return ((this.#networkFailures = 0), outcome);
    if (++this.#networkFailures === 3)
      warnOnce(
        `blocked:${this.endpoint}`,
        `Mutual: 3 attempts to send to ${this.endpoint} failed with a network error. If the endpoint is up, it may not allow this page's origin (${location.origin}): allow it there (the reference collector: --origin ${location.origin}). Events stay queued and are retried.`,
      );
    return { kind: 'retry', reason: outcome.reason };
  }

  #report(ids: string[], state: DeliveryState, reason?: string): void {
    if (state !== 'queued') {
      for (const id of ids) {
        const waiter = this.#waiters.get(id);
        this.#waiters.delete(id);
        if (state === 'sent') waiter?.resolve();
        else waiter?.reject(new Error(reason ?? state));
      }
    }
    this.dispatchEvent(new DeliveryEvent(ids, state, reason));
  }

  /** Events already handed to the browser on the way out (quick exit, then `pagehide`): each goes once. */
  #handedOff = new Set<string>();

  /**
   * Last chance when the page goes away: hand what is left to the browser. It stays in the outbox
   * until acknowledged (unless quick exit then forgets the device).
   */
  handOff(force = false): void {
    // The endpoint is failing or the device is offline: the exit delivery would fail too, so the
    // events stay for the next visit. (Quick exit forces it: it forgets the device next.)
    if (!force && (this.#attempt > 0 || !navigator.onLine)) return;
    // A keepalive POST under way outlives the page: its events are handed over already. Marked
    // like the rest, so the next visit does not send them again (its answer will never be read).
    if (this.#sendingOutlivesPage && !this.#noTrace)
      for (const id of this.#sending)
        if (!this.#handedOff.has(id)) {
          this.#handedOff.add(id);
          writeItem(DeviceKeys.handed(id), new Date().toISOString());
        }
    let chunk: MutualEnvelope[] = [];
    const send = () => {
      // Handed to the browser, which delivers it after the page is gone: marked on the device,
      // so the next visit does not send it again (see StorageOutbox.reload).
      if (chunk.length && this.#sendOnExit(JSON.stringify(chunk)) && !this.#noTrace) {
        for (const e of chunk) writeItem(DeviceKeys.handed(e.id), new Date().toISOString());
      }
      chunk = [];
    };
    for (const event of this.outbox.all()) {
      // Already on its way in a keepalive POST, which outlives the page: not sent twice.
      if (this.#handedOff.has(event.id) || this.#sending.has(event.id)) continue;
      this.#handedOff.add(event.id);
      if (JSON.stringify([...chunk, event]).length > KEEPALIVE_LIMIT) send();
      chunk.push(event);
    }
    send();
  }

  /**
   * A request that outlives the page. `fetch` with `keepalive` honours `credentials` (no cookies
   * by default); `sendBeacon` always sends cookies, so it is only the fallback where the host
   * asked for them.
   */
  #sendOnExit(body: string): boolean {
    try {
      void fetch(this.#url(), {
        method: 'POST',
        body,
        keepalive: true,
        credentials: this.#opts.credentials,
        headers: { 'content-type': BATCH_CONTENT_TYPE, ...this.#opts.headers },
        redirect: 'manual',
      }).then(
        // Still alive (the tab was only hidden, or came back from the back/forward cache): settle.
        async (res) =>
          res.ok &&
          this.#settle(
            JSON.parse(body) as MutualEnvelope[],
            perEvent(/json/i.test(res.headers.get('content-type') ?? '') ? await readJson(res) : null) ?? new Map(),
          ),
        () => undefined,
      );
      return true;
    } catch {
      if (this.#opts.credentials === 'omit' || typeof navigator.sendBeacon !== 'function') return false;
      return navigator.sendBeacon(this.#url(), new Blob([body], { type: BATCH_CONTENT_TYPE }));
    }
  }
}
