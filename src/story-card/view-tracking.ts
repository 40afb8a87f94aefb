import type { ReactiveController, ReactiveElement } from 'lit';
import { IntersectionController } from '../core/observers/intersection-controller.js';

/** Stories viewed on this page, by any copy of Mutual: each is counted once. */
const viewed = ((globalThis as typeof globalThis & { [k: symbol]: unknown })[Symbol.for('mutual.viewed')] ??=
  new Set<string>()) as Set<string>;

export interface ViewTrackingOptions {
  /** The story, when there is one to count (none in a preview). */
  subject: () => string | undefined;
  /** Called once per story and page, when it counts as viewed. */
  onViewed: (subject: string) => void;
}

/** One job: half the card in view for a second counts as viewed, once per story and page. */
export class ViewTrackingController implements ReactiveController {
  #timer?: ReturnType<typeof setTimeout>;

  constructor(
    host: ReactiveElement,
    private readonly options: ViewTrackingOptions,
  ) {
    new IntersectionController(host, {
      config: { threshold: [0, 0.5] },
      callback: ({ intersectionRatio }) => {
        clearTimeout(this.#timer);
        if (intersectionRatio >= 0.5) this.#timer = setTimeout(() => this.#viewed(), 1000);
      },
    });
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  #viewed(): void {
    const subject = this.options.subject();
    if (!subject || viewed.has(subject)) return;
    viewed.add(subject);
    this.options.onViewed(subject);
  }
}
