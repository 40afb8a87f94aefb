// The door of every request: the Host it was addressed to, the page origin it came from (CORS),
// and the preflight. The moderation API answers the host's admin pages only.
import { json, type Answer, type CollectorRequest } from './request.js';
import type { createOriginPolicy } from './origin-policy.js';

export function createCors(
  origins: ReturnType<typeof createOriginPolicy>,
  options: { adminOrigins?: string[]; allowCredentials?: boolean },
) {
  const adminOrigins = new Set(options.adminOrigins ?? []);
  return {
    /** A refusal (403) for a request that may not pass; else the CORS headers its answer carries. */
    admit(req: CollectorRequest, admin: boolean): { refused: Answer } | { headers: Record<string, string> } {
      const host = req.header('host');
      if (!origins.hostAllowed(req)) {
        origins.refusedHost(host ?? '');
        return {
          refused: json(403, {
            error: `this collector does not answer to ${host ?? '(no Host)'}; its public origin must be configured (--public-origin)`,
          }),
        };
      }
      const origin = req.header('origin');
      if (!origin) return { headers: {} };
      if (admin ? !adminOrigins.has(origin) && !origins.sameOrigin(origin, req) : !origins.allowed(origin, req)) {
        origins.refused(origin);
        return { refused: json(403, { error: `origin ${origin} is not allowed` }) };
      }
      return {
        headers: {
          'access-control-allow-origin': origin,
          vary: 'Origin',
          'access-control-expose-headers': 'Retry-After',
          ...(options.allowCredentials && { 'access-control-allow-credentials': 'true' }),
        },
      };
    },
    preflight(req: CollectorRequest, admin: boolean): Answer {
      return {
        status: 204,
        body: null,
        headers: {
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': admin
            ? 'content-type, authorization'
            : (req.header('access-control-request-headers') ?? 'content-type'),
          'access-control-max-age': '600',
        },
      };
    },
  };
}
