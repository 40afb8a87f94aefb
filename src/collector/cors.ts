// The door of every request: the Host it was addressed to, the page origin it came from (CORS),
// and the preflight. The moderation API answers the host's admin pages only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { send } from './http.js';
import type { createOriginPolicy } from './origin-policy.js';

export function createCors(
  origins: ReturnType<typeof createOriginPolicy>,
  options: { adminOrigins?: string[]; allowCredentials?: boolean },
) {
  const adminOrigins = new Set(options.adminOrigins ?? []);
  return {
    /** Answers a request that may not pass (403) and returns false; else sets the CORS headers. */
    admit(req: IncomingMessage, res: ServerResponse, admin: boolean): boolean {
      if (!origins.hostAllowed(req)) {
        origins.refusedHost(String(req.headers.host ?? ''));
        req.resume();
        send(res, 403, {
          error: `this collector does not answer to ${req.headers.host ?? '(no Host)'}; its public origin must be configured (--public-origin)`,
        });
        return false;
      }
      const origin = req.headers.origin;
      if (!origin) return true;
      if (admin ? !adminOrigins.has(origin) && !origins.sameOrigin(origin, req) : !origins.allowed(origin, req)) {
        origins.refused(origin);
        req.resume();
        send(res, 403, { error: `origin ${origin} is not allowed` });
        return false;
      }
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-expose-headers', 'Retry-After');
      if (options.allowCredentials) res.setHeader('access-control-allow-credentials', 'true');
      return true;
    },
    preflight(req: IncomingMessage, res: ServerResponse, admin: boolean): void {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': admin
          ? 'content-type, authorization'
          : ((req.headers['access-control-request-headers'] as string | undefined) ?? 'content-type'),
        'access-control-max-age': '600',
      });
      res.end();
    },
  };
}
