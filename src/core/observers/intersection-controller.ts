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
  private readonly shared;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: IntersectionControllerOptions,
  ) {
    this.shared = sharedObserver('intersection', options.config);
    host.addController(this);
  }

  hostConnected(): void {
    if (this.options.observeHost !== false) this.observe();
  }

  hostDisconnected(): void {
    this.unobserve();
  }

  observe(): void {
    this.shared.callbacks.set(this.host, this.options.callback as (entry: unknown) => void);
    this.shared.observer.observe(this.host);
  }

  unobserve(): void {
    this.shared.callbacks.delete(this.host);
    this.shared.observer.unobserve(this.host);
  }
}
