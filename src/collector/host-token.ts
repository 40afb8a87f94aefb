// Optional host tokens: a host that already signs its members in hands the widgets a short-lived
// JWT (`<mutual-provider token>`); the collector verifies signature, expiry and audience with
// `jose` (a well-kept library: JWS, JWKS fetching and caching, clock tolerance — not hand-written).
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http.js';

export interface HostTokenOptions {
  /** Shared secret for HS256 tokens. */
  secret?: string;
  /** Where the host publishes its public keys (RS256/ES256 tokens). */
  jwksUrl?: string;
  /** The `aud` the tokens must carry (e.g. the collector's public origin). */
  audience?: string;
  issuer?: string;
  /** Refuse posts without a valid token (401). */
  require?: boolean;
}

export function createHostTokens(options: HostTokenOptions = {}) {
  const configured = !!(options.secret || options.jwksUrl);
  if (options.require && !configured) throw new Error('requiring a host token needs a JWT secret or a JWKS URL');
  const verifier = configured
    ? import('jose').then((jose) => {
        const key = options.secret
          ? new TextEncoder().encode(options.secret)
          : jose.createRemoteJWKSet(new URL(options.jwksUrl!));
        return (token: string) =>
          jose.jwtVerify(token, key as Parameters<typeof jose.jwtVerify>[1], {
            audience: options.audience,
            issuer: options.issuer,
            clockTolerance: 5,
          });
      })
    : null;
  return {
    configured,
    /**
     * The token's subject when a valid token came with the request (rate limits then apply per
     * subject), `undefined` without one; 401 for a bad token, or for none when one is required.
     */
    async check(req: IncomingMessage): Promise<string | undefined> {
      const header = req.headers.authorization;
      if (!header || !verifier) {
        if (options.require) throw new HttpError(401, 'a host token is required (Authorization: Bearer <JWT>)');
        return undefined;
      }
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (!token) throw new HttpError(401, 'the Authorization header must be "Bearer <JWT>"');
      try {
        const { payload } = await (await verifier)(token);
        return payload.sub ?? `token:${payload.jti ?? 'anonymous'}`;
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'ERR_JWT_INVALID';
        throw new HttpError(401, `the host token was not accepted (${code})`);
      }
    },
  };
}
