import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createCollector, type CollectorOptions } from '../../src/collector/index.js';
import { createEnvelope, EventTypes } from '../../src/core/protocol/envelope.js';

const SECRET = 'a-host-secret-of-at-least-32-bytes-0123456789';
const AUDIENCE = 'https://community.example';

async function start(options: CollectorOptions) {
  const collector = createCollector({ db: join(mkdtempSync(join(tmpdir(), 'mutual-jwt-')), 'events.db'), ...options });
  const server = createServer((req, res) => collector(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/events`;
  return { url, stop: () => (server.close(), collector.close()) };
}

const event = () =>
  createEnvelope(EventTypes.storyViewed, {}, { source: '/t', subject: `s-${Math.random().toString(36).slice(2)}` });

function post(url: string, token?: string, n = 1) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/cloudevents-batch+json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(Array.from({ length: n }, event)),
  });
}

const hs = (claims: { sub?: string; aud?: string; exp?: string | number }) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub ?? 'member-1')
    .setAudience(claims.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? '5m')
    .sign(new TextEncoder().encode(SECRET));

test('--require-token: no token, a bad signature, an expired token or the wrong audience → 401; a valid one → 200', async () => {
  const { url, stop } = await start({ hostTokens: { secret: SECRET, audience: AUDIENCE, require: true } });
  try {
    const none = await post(url);
    assert.equal(none.status, 401);
    assert.match(((await none.json()) as { error: string }).error, /host token is required/);
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('member-1')
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('another-secret-of-at-least-32-bytes-xxxxx'));
    assert.equal((await post(url, forged)).status, 401);
    assert.equal((await post(url, await hs({ exp: Math.floor(Date.now() / 1000) - 60 }))).status, 401);
    assert.equal((await post(url, await hs({ aud: 'https://elsewhere.example' }))).status, 401);
    assert.equal((await post(url, 'not-a-jwt')).status, 401);
    assert.equal((await post(url, await hs({}))).status, 200);
  } finally {
    stop();
  }
});

test('a host token must expire, and not later than the maximum lifetime (default 24 h; configurable)', async () => {
  const { url, stop } = await start({ hostTokens: { secret: SECRET, audience: AUDIENCE, require: true } });
  const key = new TextEncoder().encode(SECRET);
  try {
    const forever = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('member-1')
      .setAudience(AUDIENCE)
      .sign(key);
    const noExp = await post(url, forever);
    assert.equal(noExp.status, 401);
    assert.match(((await noExp.json()) as { error: string }).error, /exp/);
    const year = await post(url, await hs({ exp: '365d' }));
    assert.equal(year.status, 401);
    assert.match(((await year.json()) as { error: string }).error, /lives too long/);
    assert.equal((await post(url, await hs({ exp: '23h' }))).status, 200);
  } finally {
    stop();
  }
  const short = await start({ hostTokens: { secret: SECRET, audience: AUDIENCE, maxLifetimeSeconds: 600 } });
  try {
    assert.equal((await post(short.url, await hs({ exp: '1h' }))).status, 401);
    assert.equal((await post(short.url, await hs({ exp: '5m' }))).status, 200);
  } finally {
    short.stop();
  }
});

test('with a token, rate limits apply per member (token subject), not per address', async () => {
  const { url, stop } = await start({
    hostTokens: { secret: SECRET, audience: AUDIENCE },
    rateLimit: { max: 5, windowMs: 60_000 },
  });
  try {
    const a = await hs({ sub: 'member-a' });
    const b = await hs({ sub: 'member-b' });
    assert.equal((await post(url, a, 5)).status, 200);
    assert.equal((await post(url, a)).status, 429);
    assert.equal((await post(url, b, 5)).status, 200, 'another member on the same address has their own limit');
    // Without --require-token, a post without a token still works (per address).
    assert.equal((await post(url)).status, 200);
  } finally {
    stop();
  }
});

test('keys from the host’s JWKS URL (RS256)', async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const jwks = createServer((_, res) => res.end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
  const jwksUrl = `http://127.0.0.1:${(jwks.address() as { port: number }).port}/jwks.json`;
  const { url, stop } = await start({ hostTokens: { jwksUrl, audience: AUDIENCE, require: true } });
  try {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('member-rs')
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    assert.equal((await post(url, token)).status, 200);
    assert.equal((await post(url, await hs({}))).status, 401, 'an HS256 token is not signed by the host’s keys');
  } finally {
    stop();
    jwks.close();
  }
});
