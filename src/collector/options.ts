// What a host configures on a collector, whatever runtime it runs on.
import type { ForwardOptions } from './forward.js';
import type { HostTokenOptions } from './host-token.js';
import type { ModerationOptions } from './moderation.js';
import type { Store } from './store/types.js';

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
