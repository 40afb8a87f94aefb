import type { ReactiveController, ReactiveElement } from 'lit';
import { sharedObserver } from './shared.js';

export interface ResizeControllerOptions {
  /** The element to watch in the host's shadow root, found after each render. */
  target: () => Element | null | undefined;
  callback: (entry: ResizeObserverEntry) => void;
}

/**
 * Resize as a reactive controller, in the shape of `@lit-labs/observers`, backed by one shared
 * ResizeObserver for the page. It follows its target across renders and lets go on disconnect.
 */
export class ResizeController implements ReactiveController {
  // Made when first used: a server rendering the element (Lit SSR) constructs it, but never connects it.
  get #shared() {
    return sharedObserver('resize');
  }
  #observed?: Element;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: ResizeControllerOptions,
  ) {
    host.addController(this);
  }

  /** Moved in the page: observe again without waiting for a render. */
  hostConnected(): void {
    if (this.host.hasUpdated) this.hostUpdated();
  }

  hostUpdated(): void {
    const target = this.options.target() ?? undefined;
    if (target === this.#observed) return;
    this.#release();
    if (target) {
      this.#shared.callbacks.set(target, this.options.callback as (entry: unknown) => void);
      this.#shared.observer.observe(target);
      this.#observed = target;
    }
  }

  hostDisconnected(): void {
    this.#release();
  }

  /** Report the target once more after the next layout (its content changed; nothing forces a layout now). */
  remeasure(): void {
    const target = this.#observed;
    if (!target) return;
    this.#shared.observer.unobserve(target);
    this.#shared.observer.observe(target);
  }

  #release(): void {
    if (!this.#observed) return;
    this.#shared.callbacks.delete(this.#observed);
    this.#shared.observer.unobserve(this.#observed);
    this.#observed = undefined;
  }
}
