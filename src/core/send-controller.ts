import { ContextConsumer, ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { defaultConfig, parseJsonAttribute, THEMES, type MutualConfig, type Theme } from './config.js';
import { mutualContext } from './context.js';
import { createEnvelope, envelopeProblem, pageSource, type MutualEnvelope } from './envelope.js';
import { MutualEnvelopeEvent, MutualSendErrorEvent } from './events.js';
import { catalogLocale, directionOf, translate, type MessageKey, type Messages, type Params } from './i18n/index.js';
import { readItem, writeItem } from './device-storage.js';
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

/** The attributes every Mutual element (and the provider) accepts; they win over the provider's. */
export interface MutualHost extends ReactiveElement {
  endpoint?: string;
  locale?: string;
  theme?: string;
  noTrace: boolean;
  strings?: string;
  /** Only on elements that show crisis help (and the provider). */
  region?: string;
}

export interface SendOptions {
  subject?: string | null;
  /** Told when the event waits for a retry (`queued`), is acknowledged (`sent`) or refused (`failed`). */
  onState?: (state: DeliveryState) => void;
}

function langOf(node: Element): string | null {
  for (let el: Element | null = node; el;) {
    const lang = el.getAttribute('lang');
    if (lang) return lang;
    el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
  }
  return null;
}

/**
 * Gives an element its resolved settings (provider context + its own attributes), its strings,
 * its storage and `send()`. Elements never call `fetch` or touch storage themselves.
 */
export class MutualController implements ReactiveController {
  private readonly consumer: ContextConsumer<typeof mutualContext, MutualHost>;

  /** `messages`: the host's own English strings, the fallback under every locale. */
  /** Hands this element's resolved settings to the Mutual elements it renders inside itself. */
  private readonly nested?: ContextProvider<typeof mutualContext>;

  /**
   * `messages`: the host's own English strings, the fallback under every locale.
   * `nests`: the host renders other Mutual elements, which then inherit its settings (a card's
   * `endpoint` or `no-trace` reaches its reaction bar, a check-in's `region` its help lines).
   */
  constructor(
    private readonly host: MutualHost,
    private readonly messages: Messages = {},
    nests = false,
  ) {
    host.addController(this);
    this.consumer = new ContextConsumer(host, { context: mutualContext, subscribe: true });
    if (nests) this.nested = new ContextProvider(host, { context: mutualContext, initialValue: defaultConfig });
  }

  hostUpdate(): void {
    this.nested?.setValue(this.resolved().handedDown);
  }

  private cache?: {
    inherited: MutualConfig;
    attrs: string;
    config: MutualConfig;
    locale: string;
    handedDown: MutualConfig;
  };

  /** Moved elsewhere in the page: the nearest `lang` may differ, so resolve again. */
  hostConnected(): void {
    this.cache = undefined;
  }

  /** Resolved from the provider's config and the host's own attributes; recomputed only when either changes. */
  get config(): MutualConfig {
    return this.resolved().config;
  }

  private resolved() {
    const host = this.host;
    const inherited = this.consumer.value ?? defaultConfig;
    const attrs = JSON.stringify([host.endpoint, host.locale, host.theme, host.noTrace, host.strings, host.region]);
    if (this.cache?.inherited === inherited && this.cache.attrs === attrs) return this.cache;
    const config = this.resolve(inherited);
    const locale = this.resolveLocale(config);
    // Nested elements get the resolved locale too: the `lang` they would find is only the language.
    return (this.cache = { inherited, attrs, config, locale, handedDown: { ...config, locale } });
  }

  private resolve(inherited: MutualConfig): MutualConfig {
    const host = this.host;
    let theme: Theme | null = inherited.theme;
    if (host.theme) {
      if ((THEMES as string[]).includes(host.theme)) theme = host.theme as Theme;
      else
        warnOnce(
          'theme',
          `<${host.localName}>: theme="${host.theme}" is not one of ${THEMES.join(', ')}; using the default.`,
          host,
        );
    }
    const strings = parseJsonAttribute<Record<string, string>>(host, 'strings', host.strings, 'object');
    return {
      ...inherited,
      endpoint: host.endpoint || inherited.endpoint,
      locale: host.locale || inherited.locale,
      region: host.region || inherited.region,
      theme,
      noTrace: host.noTrace || inherited.noTrace,
      strings: strings ? { ...inherited.strings, ...strings } : inherited.strings,
    };
  }

  /** The widget's locale: its `locale` attribute, else the provider's, else the nearest `lang`, else `en`. */
  get locale(): string {
    return this.resolved().locale;
  }

  private resolveLocale(config: MutualConfig): string {
    for (const candidate of [config.locale, langOf(this.host)]) {
      if (!candidate) continue;
      try {
        return Intl.getCanonicalLocales(candidate)[0];
      } catch {
        warnOnce(
          `locale:${candidate}`,
          `<${this.host.localName}>: "${candidate}" is not a valid language tag; using another locale.`,
          this.host,
        );
      }
    }
    return 'en';
  }

  get lang(): string {
    return catalogLocale(this.locale);
  }

  get dir(): 'ltr' | 'rtl' {
    return directionOf(this.locale);
  }

  t(key: MessageKey, params?: Params): string {
    return translate(this.locale, key, this.messages, params, this.config.strings);
  }

  /** The transport for the configured endpoint; `null` without one, or when it is not an http(s) or relative URL. */
  get transport(): Transport | null {
    const { endpoint, noTrace, credentials, headers, delivery } = this.config;
    const absolute = endpoint ? resolveEndpoint(endpoint) : null;
    return absolute
      ? getTransport({ endpoint: absolute, noTrace, credentials, headers: safeHeaders(headers), ...delivery })
      : null;
  }

  /**
   * Builds the envelope, lets the page see (and cancel or enrich) it as `mutual-event`, then hands it to the transport.
   * Returns the envelope that was queued, or `null` when the page cancelled it or there is no endpoint.
   */
  send(type: string, data: Record<string, unknown>, options: SendOptions = {}): MutualEnvelope | null {
    const source = this.config.source || pageSource(location.origin, location.pathname);
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
      else if (!['specversion', 'id', 'source', 'type', 'time', 'datacontenttype', 'subject'].includes(head))
        delete (envelope as unknown as Record<string, unknown>)[head];
      else return null; // a core attribute the endpoint would refuse: not sent (the warning says why)
    }
    const transport = this.transport;
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

  /** Device storage that respects no-trace (memory only, gone on reload). */
  recall<T>(key: string): T | undefined {
    const raw = readItem(key, this.config.noTrace);
    if (raw == null) return undefined;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return undefined;
    }
  }

  remember(key: string, value: unknown): void {
    writeItem(key, value === undefined ? undefined : JSON.stringify(value), this.config.noTrace);
  }
}

export { forgetDevice } from './device-storage.js';
