import type { ReactiveController, ReactiveElement } from 'lit';
import { acknowledged, deviceKeys, DeviceKeys, queuedOnDevice, writeItem } from './device-storage.js';
import { getReader, resolveEndpoint, safeHeaders, type EndpointReader } from './endpoint.js';
import { BATCH_CONTENT_TYPE, createEnvelope, pageSource, type MutualEnvelope } from '../protocol/envelope.js';
import { MutualEnvelopeEvent, MutualSendErrorEvent } from '../events.js';
import { onDemand } from '../on-demand.js';
import type { SettingsController } from '../settings-controller.js';
import type { DeliveryState, TransportOptions } from './transport.js';
import { warnAbout } from '../warn.js';

type SendPath = typeof import('./transport.js');
let sendPath: SendPath | undefined;

/**
 * The send path (POST, outbox, retries, tabs, exit delivery) is most of the delivery code and many
 * pages never send: it loads once per page, when a member first touches an element (so it is there
 * before the press is over), on the first send, or at once when an earlier page left events unsent.
 */
const importSendPath = onDemand(
  () => import('./transport.js'),
  (m) => (sendPath = m),
);
const loadSendPath = (): Promise<SendPath> =>
  importSendPath().catch((error: unknown) => {
    // Offline, say, before it ever loaded: the events wait on the device, and go when the
    // connection is back (or with the next visit).
    addEventListener('online', () => void loadSendPath().then(runPending, () => undefined), { once: true });
    throw error;
  });
const preload = () => void loadSendPath().catch(() => undefined);

/** Work waiting for the send path: sends made before it loaded, deliveries to follow, leftovers to send. */
const pending = new Set<(m: SendPath) => void>();

function runPending(m: SendPath): void {
  for (const work of pending) {
    pending.delete(work);
    work(m);
  }
}

/** Runs `work` with the send path: now when it is here, else once it has loaded (`unavailable` meanwhile, if it failed). */
function withSendPath(work: (m: SendPath) => void, unavailable?: () => void): void {
  if (sendPath) return work(sendPath);
  pending.add(work);
  loadSendPath().then(runPending, () => unavailable?.());
}

/** Events sent before the send path was here, by the settings they go with. */
const waiting = new Map<MutualEnvelope, TransportOptions>();

/**
 * Quick exit: every unsent event is handed to the browser now, to be delivered after the page is
 * gone — also those sent while the send path was still loading.
 */
export function handOffAll(): void {
  sendPath?.handOffAll();
  for (const [envelope, options] of waiting)
    void fetch(options.endpoint, {
      method: 'POST',
      body: JSON.stringify([envelope]),
      keepalive: true,
      credentials: options.credentials ?? 'omit',
      headers: { 'content-type': BATCH_CONTENT_TYPE, ...options.headers },
      redirect: 'manual',
    }).catch(() => undefined);
  waiting.clear();
}

/** Endpoints whose leftover events this page has looked for already. */
const checked = new Set<string>();

export interface DeliveryOptions {
  settings: SettingsController;
}

export interface SendOptions {
  subject?: string | null;
  /** Told when the event waits for a retry (`queued`), is acknowledged (`sent`) or refused (`failed`). */
  onState?: (state: DeliveryState) => void;
  /** Queue it in memory only, whatever `no-trace` says ("Forget me" leaves nothing on the device). */
  memoryOnly?: boolean;
}

/** One job: sending an element's events, and following their delivery. Elements never call `fetch`. */
export class DeliveryController implements ReactiveController {
  constructor(
    private readonly host: ReactiveElement,
    private readonly options: DeliveryOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('pointerdown', preload, { once: true });
    this.host.addEventListener('focusin', preload, { once: true });
    const options = this.#transportOptions(false);
    if (!options || options.noTrace || checked.has(options.endpoint)) return;
    checked.add(options.endpoint);
    // Whatever an earlier page left unsent for this endpoint goes out now (its transport also
    // adopts what was left for endpoints no element on this page uses).
    if (deviceKeys(DeviceKeys.outbox(options.endpoint, '')).length) withSendPath((m) => m.getTransport(options));
  }

  /** Reads from the configured endpoint; `null` without one, or when it is not an http(s) or relative URL. */
  get reader(): EndpointReader | null {
    const options = this.#transportOptions(false);
    return (
      options && getReader({ endpoint: options.endpoint, credentials: options.credentials, headers: options.headers })
    );
  }

  #transportOptions(memoryOnly: boolean): TransportOptions | null {
    const { endpoint, noTrace, credentials, headers, delivery } = this.options.settings.config;
    const absolute = endpoint ? resolveEndpoint(endpoint) : null;
    return absolute
      ? { endpoint: absolute, noTrace: noTrace || memoryOnly, credentials, headers: safeHeaders(headers), ...delivery }
      : null;
  }

  /**
   * Builds the envelope, lets the page see (and cancel or enrich) it as `mutual-event`, then hands it to the transport.
   * Returns the envelope that was queued, or `null` when the page cancelled it or there is no endpoint.
   */
  send(type: string, data: Record<string, unknown>, sendOptions: SendOptions = {}): MutualEnvelope | null {
    const source = this.options.settings.config.source || pageSource(location.origin, location.pathname);
    const envelope = createEnvelope(type, data, { source, subject: sendOptions.subject });
    if (!this.host.dispatchEvent(new MutualEnvelopeEvent(envelope))) return null;
    const options = this.#transportOptions(!!sendOptions.memoryOnly);
    if (!options) {
      warnAbout('no-endpoint', undefined);
      return null;
    }
    const parked = DeviceKeys.outbox(options.endpoint, envelope.id);
    const refused = (reason: string) => {
      const target = this.host.isConnected ? this.host : document;
      target.dispatchEvent(new MutualSendErrorEvent({ envelope, reason }));
    };
    const deliver = (m: SendPath) => {
      writeItem(parked, undefined); // the outbox takes it from here, or says it is full
      // Checked after the page's `mutual-event` listeners ran, so one enrichment cannot get a whole batch refused.
      if (!m.repairEnvelope(envelope, this.host)) {
        sendOptions.onState?.('failed');
        return refused('a core attribute the endpoint would refuse');
      }
      const transport = m.getTransport(options);
      const delivered = transport.enqueue(envelope);
      if (sendOptions.onState) m.watch(transport, envelope.id, sendOptions.onState);
      delivered.catch((error: Error) => refused(error.message));
    };
    if (sendPath) deliver(sendPath);
    else {
      // Until the send path has loaded, the event waits where the outbox keeps it: a page closed
      // meanwhile loses nothing, the next visit sends it.
      if (!options.noTrace) writeItem(parked, JSON.stringify(envelope));
      waiting.set(envelope, options);
      withSendPath(
        (m) => waiting.delete(envelope) && deliver(m),
        () => sendOptions.onState?.('queued'),
      );
    }
    return envelope;
  }

  /**
   * Follows one event's delivery (also one queued by an earlier page load, under this endpoint or
   * another one). "Not in the outbox" is not "sent": only an acknowledgement recorded for this
   * very event says `sent`; otherwise it is `unconfirmed`.
   */
  watch(id: string, onState: (state: DeliveryState) => void): void {
    const options = this.#transportOptions(false);
    if (!options) return;
    if (!sendPath && !queuedOnDevice(id)) return onState(acknowledged(id, true) ? 'sent' : 'unconfirmed');
    // Still on the device while the send path cannot load: `queued` until it can.
    withSendPath(
      (m) => m.watch(m.getTransport(options), id, onState),
      () => onState('queued'),
    );
  }
}
