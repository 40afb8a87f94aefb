import type { IncomingMessage, ServerResponse } from 'node:http';
import { hideReasons, type ModerationOptions } from './moderation.js';
import type { CollectorContext } from './context.js';
import { createCors } from './cors.js';
import { createForwarder, type ForwardOptions } from './forward.js';
import { createHostTokens, type HostTokenOptions } from './host-token.js';
import { HttpError, send, UNSTORABLE, unstorable } from './http.js';
import { createIntake } from './intake.js';
import { createModeratorAuth, parseModeratorTokens } from './moderator-auth.js';
import { createNotifier } from './notify.js';
import { createOriginPolicy } from './origin-policy.js';
import { clientAddress, createRateLimiter } from './rate-limit.js';
import { createRetention } from './retention.js';
import { createIngest } from './routes/ingest.js';
import { createMineRoute } from './routes/mine.js';
import { createModerationRoutes } from './routes/moderation.js';
import { createReadRoutes } from './routes/read.js';
import { createSqliteStore, isPostgresUrl, type Store } from './store/index.js';
import { createValidator } from './validate.js';

export type { EventResult } from './routes/ingest.js';

export interface CollectorOptions {
  /** SQLite file (created with its folder). Default `data/events.db`. Ignored when `store` is given (PostgreSQL: `store: await createPostgresStore(url)`). */
  db?: string;
  store?: Store;
  /** URL path the collector answers on. Default `/events`. */
  path?: string;
  /** Other sites whose pages embed the widgets (CORS). */
  origins?: string[];
  /**
   * Where this collector is served, e.g. `https://community.example`: its own origin, and the only
   * Host names it answers to (the DNS-rebinding defence). Localhost needs nothing while requests
   * arrive on loopback.
   */
  publicOrigins?: string[];
  /** Localhost origins and Host names on loopback connections (default true; development). */
  allowLocalhost?: boolean;
  /** Send `Access-Control-Allow-Credentials` for allowed origins (for widgets using `credentials="include"`). */
  allowCredentials?: boolean;
  /** Largest request body in bytes (→ 413). Default 512 KiB. */
  bodyLimit?: number;
  /** Events per client per window (→ 429 with `Retry-After`); `false` turns it off. Default 600 per minute. */
  rateLimit?: { max: number; windowMs: number } | false;
  /**
   * Reverse proxies in front of the collector whose `X-Forwarded-For` is trusted (0: none, the
   * socket's address is the client). With 1, the address the proxy saw; the rest of the header is ignored.
   */
  trustProxy?: number;
  /**
   * Retention: the free texts of check-ins and responses are deleted this many days after they
   * arrived (the events stay, so counts and aggregates do). Checked at start and hourly.
   */
  retainTextsDays?: number;
  /** Sends each accepted event on to this URL (CloudEvents structured mode, retried; the queue survives restarts). */
  forward?: ForwardOptions;
  /** The clock (ms since the epoch); tests move it. Default `Date.now`. */
  now?: () => number;
  /** Host tokens (JWT) from the host's own sign-in: verified when present, required with `require`. */
  hostTokens?: HostTokenOptions;
  /**
   * Answer `GET ?since=` with the stored events (texts included). For the demo's live panel and for
   * debugging your setup; off by default, because check-ins and responses are private.
   */
  allowListing?: boolean;
  /** Where operator notes go (each refused origin, once). Default `console.warn`. */
  log?: (line: string) => void;
  /** Moderation of what members write (see docs/moderation.md). Pre-moderation for every kind by default. */
  moderation?: ModerationOptions;
}

export type Next = (error?: unknown) => void;
export type Collector = ((req: IncomingMessage, res: ServerResponse, next?: Next) => void) & {
  store: Store;
  /** Applies the retention period now; resolves to how many events lost their texts. */
  retain(): Promise<number>;
  close(): Promise<void>;
};

/**
 * The reference collector: connect/Express-style middleware that validates CloudEvents batches,
 * stores them once each (SQLite, or the PostgreSQL store you pass), holds what members write for
 * moderation, and answers what pages read. Mount it anywhere:
 * `app.use(createCollector({ db: 'data/events.db' }))`.
 */
export function createCollector(options: CollectorOptions = {}): Collector {
  const path = options.path ?? '/events';
  // Checked here, so that a wrong reason stops the collector at start, not a moderator at work.
  const moderation = { ...options.moderation, hideReasons: hideReasons(options.moderation?.hideReasons) };
  if (!options.store && options.db && isPostgresUrl(options.db))
    throw new Error('for PostgreSQL, pass the store: createCollector({ store: await createPostgresStore(url) })');
  const store = options.store ?? createSqliteStore(options.db ?? 'data/events.db');
  const log = options.log ?? console.warn;
  const forwarder = options.forward ? createForwarder(store, options.forward, options.now, log) : undefined;
  const notifier = moderation.notify ? createNotifier(store, moderation.notify, { now: options.now, log }) : undefined;
  // Whatever an earlier run left in the queues goes out now.
  forwarder?.kick();
  notifier?.kick();
  const context: CollectorContext = {
    options,
    store,
    moderation,
    intake: createIntake(store, moderation, { forwarder, notifier }),
    validate: createValidator(),
    rate: createRateLimiter(options.rateLimit ?? { max: 600, windowMs: 60_000 }, { trustProxy: options.trustProxy }),
    hostTokens: createHostTokens(options.hostTokens),
    moderators: createModeratorAuth(
      moderation.moderators ?? parseModeratorTokens(process.env.MUTUAL_MODERATOR_TOKENS),
      (req) => clientAddress(req, options.trustProxy),
    ),
  };
  const cors = createCors(createOriginPolicy(options), {
    adminOrigins: moderation.adminOrigins,
    allowCredentials: options.allowCredentials,
  });
  const answerGet = createReadRoutes(context);
  const receive = createIngest(context);
  const answerModeration = createModerationRoutes(context);
  const answerMine = createMineRoute(context);
  const retention = createRetention(store, options.retainTextsDays, options.now ?? Date.now);

  const handler = (req: IncomingMessage, res: ServerResponse, next?: Next) => {
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    const sub = url.pathname.startsWith(path) ? url.pathname.slice(path.length) : null;
    const admin = sub !== null && sub.startsWith('/moderation/');
    const mine = sub === '/mine';
    if (sub !== '' && sub !== '/' && !admin && !mine) {
      if (next) return next();
      return send(res, 404, { error: 'not found' });
    }
    if (!cors.admit(req, res, admin)) return;
    for (const [name, value] of url.searchParams)
      if (unstorable(name) || unstorable(value)) {
        req.resume();
        return send(res, 400, { error: `${name || '(query)'} ${UNSTORABLE}`, field: name || '(query)' });
      }
    const fail = (error: unknown) => {
      req.resume();
      if (error instanceof HttpError) {
        const { retryAfter, ...extra } = error.extra as { retryAfter?: number };
        const headers: Record<string, string> = retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {};
        return send(res, error.status, { error: error.message, ...extra }, headers);
      }
      console.error('[mutual collector]', error);
      send(res, 500, { error: 'internal error' });
    };
    try {
      if (req.method === 'OPTIONS') return cors.preflight(req, res, admin);
      if (admin) return void answerModeration(req, res, url, sub!).catch(fail);
      if (mine) {
        if (req.method === 'POST') return void answerMine(req, res).catch(fail);
        req.resume();
        return send(
          res,
          405,
          { error: 'use POST, with the texts and their author keys in the body' },
          { allow: 'POST, OPTIONS' },
        );
      }
      if (req.method === 'GET') {
        context.rate.take(req, 1);
        return void answerGet(url, res).catch(fail);
      }
      if (req.method === 'POST') return void receive(req, res).catch(fail);
      req.resume();
      send(res, 405, { error: 'use GET or POST' }, { allow: 'GET, POST, OPTIONS' });
    } catch (error) {
      fail(error);
    }
  };
  return Object.assign(handler, {
    store,
    retain: retention.retain,
    close: async () => {
      retention.close();
      await notifier?.close();
      await forwarder?.close();
      await store.close();
    },
  });
}
