// Events per client per window (→ 429 with Retry-After). A batch of 200 events costs 200, a GET
// costs 1. Behind a reverse proxy the client is read from X-Forwarded-For across the configured
// number of trusted hops (never more: the leftmost entries are whatever the client wrote).
import type { CollectorRequest } from './request.js';
import { HttpError } from './http.js';

export interface RateLimitOptions {
  max: number;
  windowMs: number;
}

/** The client's address: the socket's, or — behind `trustProxy` proxies — the one the outermost trusted proxy saw. */
export function clientAddress(req: CollectorRequest, trustProxy = 0): string {
  const socket = req.remoteAddress;
  if (!trustProxy) return socket;
  const forwarded = (req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  return chain[Math.max(0, chain.length - 1 - trustProxy)];
}

export function createRateLimiter(rateLimit: RateLimitOptions | false, options: { trustProxy?: number } = {}) {
  const clients = new Map<string, { count: number; resetAt: number }>();
  let nextPrune = 0;
  /** Forgets clients whose window is over, at most once a window: memory stays bounded by active clients. */
  const prune = (now: number) => {
    if (now < nextPrune || !rateLimit) return;
    nextPrune = now + rateLimit.windowMs;
    for (const [key, entry] of clients) if (entry.resetAt <= now) clients.delete(key);
  };
  return {
    /** Charges `cost` events to the client (or to `key`, a host token's subject); throws 429 past the limit. */
    take(req: CollectorRequest, cost: number, key?: string): void {
      if (!rateLimit) return;
      const now = Date.now();
      prune(now);
      const client = key ? `token:${key}` : clientAddress(req, options.trustProxy);
      let entry = clients.get(client);
      if (!entry || entry.resetAt <= now)
        clients.set(client, (entry = { count: 0, resetAt: now + rateLimit.windowMs }));
      if (entry.count + cost > rateLimit.max) {
        const seconds = Math.ceil((entry.resetAt - now) / 1000);
        throw new HttpError(429, `too many events from this client (at most ${rateLimit.max} per window)`, {
          retryAfter: seconds,
        });
      }
      entry.count += cost;
    },
    /** Clients remembered now (for tests of the pruning). */
    get size(): number {
      return clients.size;
    },
  };
}
