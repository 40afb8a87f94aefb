import {
  acknowledged,
  DeviceKeys,
  outboxed,
  queuedOnDevice,
  readItem,
  STORAGE_PREFIX,
  writeItem,
} from './device-storage.js';
import { BATCH_CONTENT_TYPE, Limits, MEMBER_TEXT_TYPES, type MutualEnvelope } from '../protocol/envelope.js';
import { resolveEndpoint } from './endpoint.js';
export { repairEnvelope } from './envelope-check.js';
import { MemoryOutbox, StorageOutbox, type Outbox } from './outbox.js';
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

/**
 * What one POST came to. `answered`: the endpoint took the batch; `rejected` lists the events it
 * refused for good (from per-event answers, or the whole batch when it was one event). `split`: a
 * receiver refused a whole batch without saying which event: send halves to find it.
 */
type Outcome =
  | { kind: 'answered'; rejected: Map<string, string> }
  | { kind: 'retry'; after?: number; reason: string }
  | { kind: 'split'; reason: string };

/** Per-event answers (the reference collector's format, see docs/events.md, "The answer"). */
function perEvent(body: unknown): Map<string, string> | null {
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return null;
  const rejected = new Map<string, string>();
  for (const r of results as { id?: unknown; status?: unknown; field?: unknown; reason?: unknown }[]) {
    if (r?.status === 'rejected' && typeof r.id === 'string')
      rejected.set(r.id, `${r.field ?? ''} ${r.reason ?? 'rejected'}`.trim());
  }
  return rejected;
}

const readJson = (res: Response) => res.json().catch(() => null) as Promise<unknown>;

/** Attempts retried at the base delay before the backoff starts to double. */
const FAST_ATTEMPTS = 8;

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
    if (!this.#noTrace) adoptOrphans(this);
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
    let res: Response;
    try {
      res = await fetch(this.#url(), {
        method: 'POST',
        body,
        keepalive: body.length < KEEPALIVE_LIMIT,
        credentials: this.#opts.credentials,
        headers: { 'content-type': BATCH_CONTENT_TYPE, ...this.#opts.headers },
        // Only the endpoint receives events: a redirect is never followed (it could re-POST a
        // private check-in to another origin, or turn the POST into a GET that "succeeds").
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#opts.timeoutMs),
      });
    } catch (error) {
      if (++this.#networkFailures === 3) {
        warnOnce(
          `blocked:${this.endpoint}`,
          `Mutual: 3 attempts to send to ${this.endpoint} failed with a network error. If the endpoint is up, it may not allow this page's origin (${location.origin}): allow it there (the reference collector: --origin ${location.origin}). Events stay queued and are retried.`,
        );
      }
      return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
    this.#networkFailures = 0;
    // Read every answer: an unread keepalive response keeps counting against the browser's
    // 64 KiB keepalive quota, and later sends would fail with "Failed to fetch".
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
      warnOnce(
        `redirect:${this.endpoint}`,
        `Mutual: ${this.endpoint} answered with a redirect. Events are never sent to another address: set the endpoint to its final URL. They stay queued and are retried.`,
      );
      return { kind: 'retry', reason: 'redirect' };
    }
    const isJson = /json/i.test(res.headers.get('content-type') ?? '');
    if (res.ok) {
      if (/html/i.test(res.headers.get('content-type') ?? '')) {
        // A single-page app's fallback page is not the endpoint: nothing was stored.
        await res.arrayBuffer().catch(() => undefined);
        warnOnce(
          `html:${this.endpoint}`,
          `Mutual: ${this.endpoint} answered with an HTML page, not an acknowledgement; is it the right URL? Events stay queued and are retried.`,
        );
        return { kind: 'retry', reason: 'html answer' };
      }
      const answer = isJson ? await readJson(res) : await res.arrayBuffer().catch(() => null);
      return { kind: 'answered', rejected: perEvent(answer) ?? new Map() };
    }
    const answer = isJson ? await readJson(res) : null;
    const reason =
      `${res.status} ${answer ? JSON.stringify(answer).slice(0, 200) : (await res.text().catch(() => '')).slice(0, 200)}`.trim();
    if (res.status >= 500 || res.status === 408 || res.status === 429) {
      return { kind: 'retry', after: parseRetryAfter(res.headers.get('retry-after')), reason };
    }
    const rejected = perEvent(answer);
    return rejected ? { kind: 'answered', rejected } : { kind: 'split', reason };
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

const registry = globalThis as typeof globalThis & { [key: symbol]: unknown };

const LEASE_MS = 2000;
const pageId = Math.random().toString(36).slice(2);

/**
 * Runs `send` while no other tab of the site sends to this endpoint: the Web Locks API, else a
 * lease in storage that expires by itself. Returns false when another tab holds the lease.
 */
async function withSendLock(endpoint: string, noTrace: boolean, send: () => Promise<void>): Promise<boolean> {
  if (noTrace) return send().then(() => true); // memory only: nothing is shared between tabs
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks?.request) return locks.request(`mutual:send:${endpoint}`, () => send().then(() => true));
  const key = DeviceKeys.lease(endpoint);
  const lease = JSON.parse(readItem(key) ?? 'null') as { owner: string; until: number } | null;
  if (lease && lease.owner !== pageId && lease.until > Date.now()) return false;
  writeItem(key, JSON.stringify({ owner: pageId, until: Date.now() + LEASE_MS * 8 }));
  try {
    await send();
  } finally {
    writeItem(key, undefined);
  }
  return true;
}
const transports = () =>
  (registry[Symbol.for('mutual.transports')] ??= new Map<string, Transport>()) as Map<string, Transport>;

/** The transport whose outbox holds this event (on this page), if any. */
export function transportHolding(id: string): Transport | undefined {
  for (const transport of transports().values()) if (transport.outbox.has(id)) return transport;
  return undefined;
}

/**
 * Events that a page left under another endpoint string (an earlier relative form of the same
 * endpoint, or an endpoint the site has since changed) are not orphaned: the same endpoint
 * adopts them; another one gets its own transport, which sends them where they were written for.
 */
function adoptOrphans(current: Transport): void {
  const byEndpoint = new Map<string, { key: string; id: string }[]>();
  const foreign = new Set<string>();
  for (const entry of outboxed()) {
    const cut = entry.lastIndexOf(':');
    const [written, id] = [entry.slice(0, cut), entry.slice(cut + 1)];
    const key = DeviceKeys.outbox(written, id);
    const endpoint = resolveEndpoint(written);
    if (endpoint && written !== endpoint) byEndpoint.set(endpoint, [...(byEndpoint.get(endpoint) ?? []), { key, id }]);
    else if (endpoint && ![...transports().values()].some((t) => t.endpoint === endpoint)) foreign.add(endpoint);
  }
  for (const [endpoint, keys] of byEndpoint) {
    for (const { key, id } of keys) {
      const raw = readItem(key);
      writeItem(key, undefined);
      if (raw) writeItem(DeviceKeys.outbox(endpoint, id), raw);
    }
    if (endpoint === current.endpoint) current.reload();
    else getTransport({ endpoint });
  }
  if (foreign.size) {
    const done: Promise<void> = adoptForeign(current, foreign).finally(
      () => adopting === done && (adopting = undefined),
    );
    adopting = done;
  }
}

/** Set while other endpoints' events are being looked at: a watcher waits for it before it decides. */
let adopting: Promise<void> | undefined;

/** Prefix of the shared lock every open page holds per endpoint it has a transport for. */
const LIVE = 'mutual:live:';
let recheck: ReturnType<typeof setTimeout> | undefined;

/**
 * Another endpoint's events are an open page's while that page is open (it holds `LIVE` +
 * endpoint): it sends them, or hands them to its exit delivery, which takes no lock — adopting
 * them too could send them twice. Events no open page holds are orphans: this page sends them.
 */
async function adoptForeign(current: Transport, endpoints: Set<string>): Promise<void> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  const held = new Set(locks?.query ? ((await locks.query()).held ?? []).map((l) => l.name) : []);
  let waiting = false;
  for (const endpoint of endpoints) {
    if (held.has(LIVE + endpoint)) waiting = true;
    else if (![...transports().values()].some((t) => t.endpoint === endpoint)) getTransport({ endpoint });
  }
  // The page that holds them may close without sending (offline, say): look again later.
  if (waiting) recheck ??= setTimeout(() => ((recheck = undefined), adoptOrphans(current)), 5000);
}

/** Every transport on the page hands its unsent events to the browser now (quick exit). */
export function handOffAll(): void {
  for (const transport of transports().values()) transport.handOff(true);
}

/** One transport per endpoint and settings per page, shared by every copy of Mutual. */
export function getTransport(options: TransportOptions): Transport {
  const { endpoint, noTrace = false, credentials = 'omit', headers = {}, ...timing } = options;
  const key = JSON.stringify([endpoint, noTrace, credentials, headers, timing]);
  let transport = transports().get(key);
  if (!transport) {
    transports().set(key, (transport = new Transport(options)));
    if (!noTrace) adoptOrphans(transport);
  }
  return transport;
}

/** Follows one event's delivery from `own` (or the transport on this page whose outbox holds it). */
export function watch(own: Transport, id: string, onState: (state: DeliveryState) => void, told = false): void {
  const transport = own.outbox.has(id) || own.isWaiting(id) ? own : transportHolding(id);
  if (!transport && adopting) return void adopting.then(() => watch(own, id, onState, told));
  if (!transport && queuedOnDevice(id)) {
    // Another open page holds it: its tab sends it, or leaves it to this one when it closes.
    if (!told) onState('queued');
    return void setTimeout(() => watch(own, id, onState, true), 1000);
  }
  if (!transport) return onState(acknowledged(id, true) ? 'sent' : 'unconfirmed');
  const onDelivery = (e: Event) => {
    const { ids, state } = e as DeliveryEvent;
    if (!ids.includes(id)) return;
    if (state === 'sent') acknowledged(id, true); // the record was for a later visit; this one knows
    onState(state);
    if (state !== 'queued') transport.removeEventListener('delivery', onDelivery);
  };
  transport.addEventListener('delivery', onDelivery);
}
