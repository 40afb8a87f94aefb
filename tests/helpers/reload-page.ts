// A "page load" for the durability tests (opened in the peer tab or an iframe): a transport to
// `?endpoint=`, which at once flushes whatever an earlier load left in the outbox, plus `queue()`.
import { createEnvelope, EventTypes } from '../../src/core/protocol/envelope.js';
import { getTransport } from '../../src/core/delivery/transport.js';

const params = new URLSearchParams(location.search);
// Through the page's registry, as elements get theirs (a bare `new Transport` is invisible to it,
// so adopting leftovers would start a second transport for the same endpoint).
const transport = getTransport({
  endpoint: params.get('endpoint')!,
  retryBaseMs: 100,
  retryMaxMs: 200,
  batchWindowMs: 20,
});

function queue(n: number, subject: string): string[] {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const event = createEnvelope(
      EventTypes.reactionAdded,
      { reaction: 'me-too', reactor: 'test-reactor-0123456789' },
      { source: location.origin, subject },
    );
    ids.push(event.id);
    void transport.enqueue(event);
  }
  return ids;
}

Object.assign(window, {
  queued: queue(Number(params.get('n') ?? 0), params.get('subject') ?? 'none'),
  mutualTest: { queue, pending: () => transport.pending, online: () => navigator.onLine },
});
