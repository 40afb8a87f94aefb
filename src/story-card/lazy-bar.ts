import { isServer, type ReactiveController, type ReactiveElement } from 'lit';
import { IntersectionController } from '../core/observers/intersection-controller.js';
import { renderedByServer } from '../internal/hydration.js';

const cards = new Set<ReactiveElement>();
/**
 * In a long feed, only the first cards render their reaction bar at once: as many as the screen
 * could hold if every card were 8rem tall (none is shorter), so no card on screen ever shows up
 * without its bar and then moves when it arrives. The others render it when they come within a
 * screen of the viewport. The bar is most of a card's cost, and a reader never sees it missing.
 */
const eager = () => Math.ceil(innerHeight / 128) + 1;

/** One job: whether the card renders its reaction bar yet. */
export class LazyBarController implements ReactiveController {
  /** A server (Lit SSR) renders every card's bar: it sees no screen, and the page must not shift when they hydrate. */
  wanted = isServer;
  readonly #nearness: IntersectionController;

  constructor(private readonly host: ReactiveElement) {
    this.#nearness = new IntersectionController(host, {
      config: { rootMargin: '100% 0px' },
      observeHost: false,
      callback: ({ isIntersecting }) => {
        if (!isIntersecting) return;
        this.wanted = true;
        this.#nearness.unobserve();
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    cards.add(this.host);
    // A card the server rendered hydrates with the bar it was sent.
    if (renderedByServer(this.host) || cards.size <= eager()) this.wanted = true;
    else if (!this.wanted) this.#nearness.observe();
  }

  hostDisconnected(): void {
    cards.delete(this.host);
  }
}
