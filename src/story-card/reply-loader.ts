import type { Messages } from '../core/i18n/index.js';
import { onDemand } from '../core/on-demand.js';

export type Reply = typeof import('./story-card.reply.js');

/**
 * The reply composer and the report dialog, with the help lines each can show, are a part of their
 * own (≈ 4 KB): most readers of a feed read and react. It loads once per page, the first time a
 * reader moves towards it (a pointer or focus on a card's actions), once a card has been read for
 * a second, or when a reply sent before a reload still waits for delivery.
 */
export function createReplyLoader(options: {
  /** Whether an event's path goes through a card a reader can reply to. */
  isCard: (node: EventTarget) => boolean;
  /** The card's messages, which the part adds its own to. */
  messages: () => Messages;
}) {
  let part: Reply | undefined;
  const load: () => Promise<Reply> = onDemand(
    () => import('./story-card.reply.js'),
    (m) => (m.register(options.messages()), (part = m)),
  );
  const preload = () => void load().catch(() => undefined);
  /**
   * A reader reaching for a card — a pointer or focus anywhere in one — starts loading the part
   * before the press is over. One capturing page listener for every card, gone once it has fired
   * (a pair of listeners on each card cost ≈ 0.4 ms per 200 cards mounted).
   */
  let reaching = false;
  const onReach = (e: Event) => {
    if (!e.composedPath().some(options.isCard)) return;
    removeEventListener('pointerdown', onReach, true);
    removeEventListener('focusin', onReach, true);
    preload();
  };
  return {
    /** The part, once it has loaded. */
    get part(): Reply | undefined {
      return part;
    },
    load,
    preload,
    listenForReach(): void {
      if (reaching || part) return;
      reaching = true;
      addEventListener('pointerdown', onReach, true);
      addEventListener('focusin', onReach, true);
    },
  };
}
