// Who may post: the collector's own origin, listed origins, and localhost (unless turned off).
// Each refused origin is logged once, with how to allow it.
import type { IncomingMessage } from 'node:http';

export function createOriginPolicy(options: {
  origins?: string[];
  allowLocalhost?: boolean;
  log?: (line: string) => void;
}) {
  const allowed = new Set(options.origins ?? []);
  const refusedOrigins = new Set<string>();
  return {
    allowed(origin: string, req: IncomingMessage): boolean {
      if (allowed.has(origin)) return true;
      try {
        const url = new URL(origin);
        if (url.host === req.headers.host) return true;
        return options.allowLocalhost !== false && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
      } catch {
        return false; // "null" and other opaque origins must be listed explicitly
      }
    },
    sameOrigin(origin: string, req: IncomingMessage): boolean {
      try {
        return new URL(origin).host === req.headers.host;
      } catch {
        return false;
      }
    },
    /** A blocked widget looks like a network error in the page: say here, once, how to allow it. */
    refused(origin: string): void {
      if (refusedOrigins.has(origin) || refusedOrigins.size >= 1000) return;
      refusedOrigins.add(origin);
      (options.log ?? console.warn)(
        `[mutual collector] refused requests from origin ${origin}. If its widgets are yours, allow it: --origin ${origin} (or origins: ['${origin}'] in Node).`,
      );
    },
  };
}
