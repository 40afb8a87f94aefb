import type { ReactiveElement } from 'lit';
import { CORE_ATTRIBUTES, createEnvelope, envelopeProblem, pageSource, type MutualEnvelope } from './envelope.js';
import { MutualEnvelopeEvent, MutualSendErrorEvent } from './events.js';
import type { SettingsController } from './settings-controller.js';
import {
  DeliveryEvent,
  getTransport,
  resolveEndpoint,
  safeHeaders,
  Transport,
  transportHolding,
  type DeliveryState,
} from './transport.js';
import { warnOnce } from './warn.js';

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
export class DeliveryController {
  constructor(
    private readonly host: ReactiveElement,
    private readonly options: DeliveryOptions,
  ) {}

  /** The transport for the configured endpoint; `null` without one, or when it is not an http(s) or relative URL. */
  get transport(): Transport | null {
    return this.transportFor(false);
  }

  private transportFor(memoryOnly: boolean): Transport | null {
    const { endpoint, noTrace, credentials, headers, delivery } = this.options.settings.config;
    const absolute = endpoint ? resolveEndpoint(endpoint) : null;
    return absolute
      ? getTransport({
          endpoint: absolute,
          noTrace: noTrace || memoryOnly,
          credentials,
          headers: safeHeaders(headers),
          ...delivery,
        })
      : null;
  }

  /**
   * Builds the envelope, lets the page see (and cancel or enrich) it as `mutual-event`, then hands it to the transport.
   * Returns the envelope that was queued, or `null` when the page cancelled it or there is no endpoint.
   */
  send(type: string, data: Record<string, unknown>, options: SendOptions = {}): MutualEnvelope | null {
    const source = this.options.settings.config.source || pageSource(location.origin, location.pathname);
    const envelope = createEnvelope(type, data, { source, subject: options.subject });
    if (!this.host.dispatchEvent(new MutualEnvelopeEvent(envelope))) return null;
    // Never build what the endpoint must refuse: a listener's enrichment that breaks the envelope
    // is left out here, with a warning naming the field, instead of costing the event (or its batch).
    for (
      let problem = envelopeProblem(envelope), guard = 0;
      problem && guard < 64;
      problem = envelopeProblem(envelope), guard++
    ) {
      warnOnce(
        `envelope:${problem.field}`,
        `Mutual: the event's ${problem.field} ${problem.message} (set by a "mutual-event" listener or an attribute); the endpoint would refuse it, so it is left out.`,
        this.host,
      );
      const [head, key] = problem.field.split('.');
      if (head === 'data' && key) delete (envelope.data as Record<string, unknown>)[key];
      else if (head === 'data') envelope.data = {};
      else if (!CORE_ATTRIBUTES.includes(head)) delete (envelope as unknown as Record<string, unknown>)[head];
      else return null; // a core attribute the endpoint would refuse: not sent (the warning says why)
    }
    const transport = this.transportFor(!!options.memoryOnly);
    if (!transport) {
      warnOnce(
        'no-endpoint',
        'Mutual: no endpoint is set (on <mutual-provider> or the widget), so events are only dispatched as DOM events and nothing is sent.',
      );
      return null;
    }
    const delivered = transport.enqueue(envelope);
    if (options.onState) this.watch(envelope.id, options.onState);
    delivered.catch((error: Error) => {
      const target = this.host.isConnected ? this.host : document;
      target.dispatchEvent(new MutualSendErrorEvent({ envelope, reason: error.message }));
    });
    return envelope;
  }

  /**
   * Follows one event's delivery (also one queued by an earlier page load, under this endpoint or
   * another one). "Not in the outbox" is not "sent": only an acknowledgement recorded for this
   * very event says `sent`; otherwise it is `unconfirmed`.
   */
  watch(id: string, onState: (state: DeliveryState) => void): void {
    const own = this.transport;
    if (!own) return;
    const transport = own.outbox.has(id) || own.isWaiting(id) ? own : transportHolding(id);
    if (!transport) return onState(Transport.acknowledged(id, true) ? 'sent' : 'unconfirmed');
    const onDelivery = (e: Event) => {
      const { ids, state } = e as DeliveryEvent;
      if (!ids.includes(id)) return;
      if (state === 'sent') Transport.acknowledged(id, true); // the record was for a later visit; this one knows
      onState(state);
      if (state !== 'queued') transport.removeEventListener('delivery', onDelivery);
    };
    transport.addEventListener('delivery', onDelivery);
  }
}
