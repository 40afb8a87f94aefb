import { ContextEvent } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { MutualConfig } from './config.js';
import { mutualContext } from './context.js';

type Callback = (value: MutualConfig, unsubscribe?: () => void) => void;
type Request = Event & { context?: unknown; contextTarget?: Element; callback?: Callback; subscribe?: boolean };

/**
 * Hands settings down by the community context protocol, for our one context: what `@lit/context`'s
 * `ContextProvider` does (answer requests from inside, keep subscribers, tell them of changes, and
 * hand over those inside a provider that appears below), in half its bytes, which every page with
 * a provider, a card or a check-in carries. Consumers of any kind (Lit's `ContextConsumer`
 * included) are answered the same way.
 */
export class SettingsProvider implements ReactiveController {
  #value: MutualConfig;
  /** Each subscriber, where it asked from, and its one way out (the same function every time: consumers compare it). */
  readonly #subscribers = new Map<Callback, { from: Element; leave: () => void }>();

  constructor(
    protected readonly host: ReactiveElement,
    options: { initialValue: MutualConfig },
  ) {
    this.#value = options.initialValue;
    host.addEventListener('context-request', (e: Request) => {
      const from = e.contextTarget ?? (e.composedPath()[0] as Element);
      if (e.context !== mutualContext || from === host || !e.callback) return;
      e.stopPropagation();
      const callback = e.callback;
      if (!e.subscribe) return callback(this.#value);
      let subscriber = this.#subscribers.get(callback);
      if (!subscriber)
        this.#subscribers.set(callback, (subscriber = { from, leave: () => this.#subscribers.delete(callback) }));
      callback(this.#value, subscriber.leave);
    });
    // A provider connected below this one: those inside it ask again, and it answers them.
    host.addEventListener('context-provider', (e: Request) => {
      const below = e.contextTarget ?? (e.composedPath()[0] as Element);
      if (e.context !== mutualContext || below === host) return;
      e.stopPropagation();
      for (const [callback, { from }] of this.#subscribers)
        from.dispatchEvent(new ContextEvent(mutualContext, from, callback, true));
    });
    host.addController(this);
  }

  get value(): MutualConfig {
    return this.#value;
  }

  setValue(value: MutualConfig): void {
    if (Object.is(value, this.#value)) return;
    this.#value = value;
    for (const [callback, { leave }] of this.#subscribers) callback(value, leave);
  }

  /** Says so to the providers above, which hand over the elements inside this one. */
  hostConnected(): void {
    this.host.dispatchEvent(
      Object.assign(new Event('context-provider', { bubbles: true, composed: true }), {
        context: mutualContext,
        contextTarget: this.host,
      }),
    );
  }
}
