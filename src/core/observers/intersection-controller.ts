import type { ReactiveController, ReactiveElement } from 'lit';
import { sharedObserver } from './shared.js';

export interface IntersectionControllerOptions {
  /** `threshold` and `rootMargin`; elements asking for the same ones share one observer. */
  config?: IntersectionObserverInit;
  callback: (entry: IntersectionObserverEntry) => void;
  /** Observe the host while it is connected (default); `false` to call `observe()` yourself. */
  observeHost?: boolean;
}

/**
 * Intersection as a reactive controller, in the shape of `@lit-labs/observers`, but backed by one
 * shared observer per config (see `shared.ts`): the story card's feed-scale budget needs that.
 */
export class IntersectionController implements ReactiveController {
  // Made when first used: a server rendering the element (Lit SSR) constructs it, but never connects it.
  get #shared() {
    return sharedObserver('intersection', this.options.config);
  }

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: IntersectionControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.options.observeHost !== false) this.observe();
  }

  hostDisconnected(): void {
    this.unobserve();
  }

  #targets = new Set<Element>();

  /** Observes the host, or an element it rendered (a "Load more" button near the end of a feed). */
  observe(target: Element = this.host): void {
    this.#targets.add(target);
    this.#shared.callbacks.set(target, this.options.callback as (entry: unknown) => void);
    this.#shared.observer.observe(target);
  }

  unobserve(target?: Element): void {
    for (const el of target ? [target] : [...this.#targets]) {
      this.#targets.delete(el);
      this.#shared.callbacks.delete(el);
      this.#shared.observer.unobserve(el);
    }
  }
}
