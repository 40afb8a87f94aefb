// `--forward URL`: each accepted event is sent on, one per request in CloudEvents structured mode
// (a Knative broker accepts no batches). The queue is written in the same transaction as the event.
import { createSender, type SenderOptions } from './sender.js';
import type { Store } from './store/index.js';

export type ForwardOptions = SenderOptions;

export function createForwarder(store: Store, options: ForwardOptions, now?: () => number, log?: (l: string) => void) {
  return createSender(
    {
      due: async (at, limit) => (await store.forwardDue(at, limit)).map(({ seq, ...rest }) => ({ key: seq, ...rest })),
      done: (seq) => store.forwardDone(seq),
      later: (seq, nextAt) => store.forwardLater(seq, nextAt),
    },
    { ...options, name: 'forwarding', now, log },
  );
}
