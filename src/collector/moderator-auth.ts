// Who is a moderator: tokens with labels, held as SHA-256 hashes and compared in constant time.
import { equalBytes, sha256Bytes } from './hash.js';
import type { CollectorRequest } from './request.js';

/** "label:token,label:token" (the environment variable's format). */
export function parseModeratorTokens(value: string | undefined): { label: string; token: string }[] {
  return (value ?? '')
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const cut = entry.indexOf(':');
      return cut > 0
        ? { label: entry.slice(0, cut).trim(), token: entry.slice(cut + 1).trim() }
        : { label: 'moderator', token: entry };
    })
    .filter((m) => m.token.length >= 16);
}

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403 | 400 | 429,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Moderator tokens, held as hashes and compared in constant time. Sent as `Authorization: Bearer`,
 * never in a URL. A wrong token is answered slowly, and a client that keeps trying is limited.
 */
export function createModeratorAuth(
  moderators: { label: string; token: string }[],
  /** The client behind the trusted proxies (`--trust-proxy`): guessing is limited per client, not per socket. */
  clientOf: (req: CollectorRequest) => string = (req) => req.remoteAddress,
) {
  const hashes = moderators.map((m) => ({ label: m.label, hash: sha256Bytes(m.token) }));
  const failures = new Map<string, { count: number; resetAt: number }>();
  return {
    get configured() {
      return hashes.length > 0;
    },
    /** The moderator's label, or an AuthError (after a delay for a wrong token). */
    async check(req: CollectorRequest, url: URL): Promise<string> {
      for (const name of ['token', 'access_token', 'bearer', 'auth']) {
        if (url.searchParams.has(name))
          throw new AuthError(400, 'a moderator token is never accepted in a URL; send it as Authorization: Bearer');
      }
      const client = clientOf(req);
      const now = Date.now();
      const tries = failures.get(client);
      const header = req.header('authorization') ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new AuthError(401, 'moderator token required (Authorization: Bearer …)');
      const given = sha256Bytes(match[1]);
      let label: string | null = null;
      for (const { label: l, hash } of hashes) if (equalBytes(given, hash)) label ??= l;
      // A valid token is always accepted: someone else's guessing never locks a moderator out.
      if (label) return label;
      if (tries && tries.resetAt > now && tries.count >= 10)
        throw new AuthError(429, 'too many wrong tokens; try again later');
      failures.set(
        client,
        tries && tries.resetAt > now
          ? { count: tries.count + 1, resetAt: tries.resetAt }
          : { count: 1, resetAt: now + 60_000 },
      );
      if (failures.size > 10_000) for (const [k, v] of failures) if (v.resetAt < now) failures.delete(k);
      await new Promise((r) => setTimeout(r, 400));
      throw new AuthError(403, 'this moderator token is not valid');
    },
  };
}
