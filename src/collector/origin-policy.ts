// Who may talk to the collector. Decided by configured origins, never by the Host header: a
// DNS-rebinding page (evil.example resolving to this machine) sends `Host: evil.example`, so
// trusting Host would make it "same-origin". Localhost counts only on a loopback connection.
// Each refused origin or host is logged once, with the flag that allows it.
import type { CollectorRequest } from './request.js';

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

function normalize(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin; // "null" and other opaque origins, matched as written
  }
}

function hostname(hostOrOrigin: string): string | null {
  try {
    return new URL(hostOrOrigin.includes('://') ? hostOrOrigin : `http://${hostOrOrigin}`).hostname;
  } catch {
    return null;
  }
}

export function createOriginPolicy(options: {
  /** Other sites whose pages embed the widgets (CORS). */
  origins?: string[];
  /** Where this collector is served (`https://community.example`): its own origin(s), and the Host names it answers to. */
  publicOrigins?: string[];
  allowLocalhost?: boolean;
  log?: (line: string) => void;
}) {
  const listed = new Set((options.origins ?? []).map(normalize));
  const own = new Set((options.publicOrigins ?? []).map(normalize));
  const hosts = new Set(
    [...own, ...listed].flatMap((o) => {
      try {
        return [new URL(o).host];
      } catch {
        return [];
      }
    }),
  );
  const refusals = new Set<string>();
  const note = (key: string, line: string) => {
    if (refusals.has(key) || refusals.size >= 1000) return;
    refusals.add(key);
    (options.log ?? console.warn)(line);
  };
  /** Localhost is trusted only for a connection that arrived on loopback (the collector listens locally). */
  const local = (name: string | null, req: CollectorRequest) =>
    options.allowLocalhost !== false &&
    name !== null &&
    LOCAL_NAMES.has(name) &&
    LOOPBACK_ADDRESSES.has(req.localAddress);

  return {
    /** May a page from `origin` post events and read counts (CORS)? */
    allowed(origin: string, req: CollectorRequest): boolean {
      return listed.has(origin) || own.has(origin) || local(hostname(origin), req);
    },
    /** Is `origin` the collector's own (for the moderation API)? */
    sameOrigin(origin: string, req: CollectorRequest): boolean {
      return own.has(origin) || local(hostname(origin), req);
    },
    /** Was the request addressed to a name this collector answers to? (The rebinding defence for requests without Origin.) */
    hostAllowed(req: CollectorRequest): boolean {
      const host = req.header('host') ?? '';
      return hosts.has(host) || local(hostname(host), req);
    },
    /** A blocked widget looks like a network error in the page: say here, once, how to allow it. */
    refused(origin: string): void {
      note(
        origin,
        `[mutual collector] refused requests from origin ${origin}. If its widgets are yours, allow it: --origin ${origin} (or origins: ['${origin}'] in Node).`,
      );
    },
    refusedHost(host: string): void {
      note(
        `host:${host}`,
        `[mutual collector] refused a request addressed to ${host}. If this collector is served there, say so: --public-origin https://${host} (or publicOrigins in Node).`,
      );
    },
  };
}
