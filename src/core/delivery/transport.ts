// The send path, loaded on demand: the page's transports (one per endpoint and settings, shared by
// every copy of Mutual on the page), the events other pages left, and following one event's delivery.
import { acknowledged, DeviceKeys, outboxed, queuedOnDevice, readItem, writeItem } from './device-storage.js';
import { resolveEndpoint } from './endpoint.js';
import { LIVE } from './send-lock.js';
import { DeliveryEvent, Transport, type DeliveryState, type TransportOptions } from './batch-sender.js';

export { Transport, DeliveryEvent, type DeliveryState, type TransportOptions } from './batch-sender.js';
export { repairEnvelope } from './envelope-check.js';

const registry = globalThis as typeof globalThis & { [key: symbol]: unknown };

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
    if (!noTrace) {
      const own = transport;
      own.addEventListener('sending', () => adoptOrphans(own));
      adoptOrphans(own);
    }
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
