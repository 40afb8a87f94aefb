// `--retain-texts Nd`: the free texts of check-ins and responses are deleted N days after they
// arrived (the events stay, so counts and aggregates do). At start, then hourly.
import { EventTypes } from '../core/protocol/envelope.js';
import { unref } from './runtime.js';
import type { Store } from './store/index.js';

export function createRetention(store: Store, days: number | undefined, now: () => number) {
  const retain = async () => {
    if (!days) return 0;
    const before = new Date(now() - days * 864e5).toISOString();
    return store.redactTexts([EventTypes.checkinSubmitted, EventTypes.storyResponse], before);
  };
  const timer = days
    ? setInterval(
        () => void retain().catch((e: Error) => console.error('[mutual collector] retention:', e.message)),
        36e5,
      )
    : undefined;
  unref(timer);
  if (days) void retain().catch(() => {});
  return { retain, close: () => clearInterval(timer) };
}
