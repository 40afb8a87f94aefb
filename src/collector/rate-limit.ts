// Requests per client per window (→ 429 with Retry-After).
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http.js';

export function createRateLimiter(rateLimit: { max: number; windowMs: number } | false) {
  const clients = new Map<string, { count: number; resetAt: number }>();
  return function checkRate(req: IncomingMessage): void {
    if (!rateLimit) return;
    const client = req.socket.remoteAddress ?? 'unknown';
    const now = Date.now();
    let entry = clients.get(client);
    if (!entry || entry.resetAt <= now) clients.set(client, (entry = { count: 0, resetAt: now + rateLimit.windowMs }));
    if (++entry.count > rateLimit.max) {
      const seconds = Math.ceil((entry.resetAt - now) / 1000);
      throw new HttpError(429, 'too many requests from this client', { retryAfter: seconds });
    }
  };
}
