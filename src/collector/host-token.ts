// Optional host tokens: a host that already signs its members in hands the widgets a short-lived
// JWT (`<mutual-provider token>`); the collector verifies signature, expiry and audience with
// `jose` (a well-kept library: JWS, JWKS fetching and caching, clock tolerance — not hand-written).
import type { CollectorRequest } from './request.js';
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
  /**
   * The longest a token may still be valid for, in seconds (default 24 h): a token must carry `exp`,
   * and one that expires later than this from now is refused — a leaked token cannot live on.
   */
  maxLifetimeSeconds?: number;
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
            requiredClaims: ['exp'],
          });
      })
    : null;
  return {
    configured,
    /**
     * The token's subject when a valid token came with the request (rate limits then apply per
     * subject), `undefined` without one; 401 for a bad token, or for none when one is required.
     */
    async check(req: CollectorRequest): Promise<string | undefined> {
      const header = req.header('authorization');
      if (!header || !verifier) {
        if (options.require) throw new HttpError(401, 'a host token is required (Authorization: Bearer <JWT>)');
        return undefined;
      }
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (!token) throw new HttpError(401, 'the Authorization header must be "Bearer <JWT>"');
      try {
        const { payload } = await (await verifier)(token);
        const left = payload.exp! - Date.now() / 1000;
        if (left > (options.maxLifetimeSeconds ?? 86_400) + 5)
          throw new HttpError(401, 'the host token lives too long (its exp is further away than the collector allows)');
        return payload.sub ?? `token:${payload.jti ?? 'anonymous'}`;
      } catch (error) {
        if (error instanceof HttpError) throw error;
        const { code = 'ERR_JWT_INVALID', claim } = error as { code?: string; claim?: string };
        if (claim === 'exp' && code === 'ERR_JWT_CLAIM_VALIDATION_FAILED')
          throw new HttpError(401, 'the host token must carry an expiry (exp)');
        throw new HttpError(401, `the host token was not accepted (${code})`);
      }
    },
  };
}
