// `--notify URL`: moderation CloudEvents for the host (attention for crisis language and reports,
// every decision). Attention is the one notification that must arrive, so it is as durable as
// `--forward`: queued in the store with the event that caused it.
import { createSender, type SenderOptions } from './sender.js';
import type { Store } from './store/index.js';

/** The most notices that wait; past it the oldest decisions go first, attention last. */
export const NOTIFY_QUEUE_CAP = 10_000;

export function createNotifier(
  store: Store,
  notify: string | SenderOptions,
  options: { now?: () => number; log?: (line: string) => void; cap?: number } = {},
) {
  return createSender(
    {
      due: async (at, limit) => (await store.noticeDue(at, limit)).map(({ id, ...rest }) => ({ key: id, ...rest })),
      done: (id) => store.noticeDone(id),
      later: (id, nextAt) => store.noticeLater(id, nextAt),
      trim: (cap) => store.noticeTrim(cap),
    },
    {
      ...(typeof notify === 'string' ? { url: notify } : notify),
      name: 'the notify URL',
      cap: options.cap ?? NOTIFY_QUEUE_CAP,
      now: options.now,
      log: options.log,
    },
  );
}
