import type { ReactiveControllerHost } from 'lit';
import type { ModerationApi } from './moderation-api.js';

/** Claimed again at most this often while a moderator moves in and out of one item. */
const RENEW_MS = 60_000;

/**
 * One job (no lifecycle, so not a reactive controller): opening an item claims it for a while, and an
 * item another moderator holds says who ("Sam is reviewing this"). Without an answer nothing is said: a
 * decision made from a stale view is still refused (409), so two moderators never change one item twice.
 */
export class ClaimsController {
  #others = new Map<number, string>();
  #claimed = new Map<number, number>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: ModerationApi,
  ) {}

  /** Who else is reviewing this item, if anyone. */
  reviewing(seq: number): string | undefined {
    return this.#others.get(seq);
  }

  async open(seq: number): Promise<void> {
    if (Date.now() - (this.#claimed.get(seq) ?? 0) < RENEW_MS) return;
    this.#claimed.set(seq, Date.now());
    try {
      const { reviewing, mine } = await this.api.claim(seq);
      if (mine) this.#others.delete(seq);
      else this.#others.set(seq, reviewing);
      this.host.requestUpdate();
    } catch {
      this.#claimed.delete(seq);
    }
  }
}
