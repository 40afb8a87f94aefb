import type { IncomingMessage, ServerResponse } from 'node:http';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { BATCH_CONTENT_TYPE, EventTypes, Limits, SINGLE_CONTENT_TYPE, type MutualEnvelope } from '../core/envelope.js';
import { envelopeSchema } from '../core/schema.js';
import { createSqliteStore, type Store } from './store-sqlite.js';

export interface CollectorOptions {
  /** SQLite file (created with its folder). Default `data/events.db`. Ignored when `store` is given. */
  db?: string;
  store?: Store;
  /** URL path the collector answers on. Default `/events`. */
  path?: string;
  /** Origins allowed besides the collector's own origin (and localhost, unless `allowLocalhost: false`). */
  origins?: string[];
  allowLocalhost?: boolean;
  /** Send `Access-Control-Allow-Credentials` for allowed origins (for widgets using `credentials="include"`). */
  allowCredentials?: boolean;
  /** Largest request body in bytes (→ 413). Default 512 KiB. */
  bodyLimit?: number;
  /** Requests per client per window (→ 429 with `Retry-After`); `false` turns it off. Default 600 per minute. */
  rateLimit?: { max: number; windowMs: number } | false;
  /**
   * Answer `GET ?since=` with the stored events (texts included). For the demo's live panel and for
   * debugging your setup; off by default, because check-ins and responses are private.
   */
  allowListing?: boolean;
  /** Enables `POST {path}/faults` and `GET {path}/stats` for fault-injection tests. Never in production. */
  faults?: boolean;
  /** Where operator notes go (each refused origin, once). Default `console.warn`. */
  log?: (line: string) => void;
}

export type Next = (error?: unknown) => void;
export type Collector = ((req: IncomingMessage, res: ServerResponse, next?: Next) => void) & {
  store: Store;
  close(): void;
};

/** Each event's outcome in a batch answer. `id` is null when the event had no string id. */
export type EventResult =
  | { id: string | null; status: 'accepted' | 'duplicate' }
  | { id: string | null; status: 'rejected'; field: string; reason: string };

interface Fault {
  remaining: number;
  mode: 'fail' | 'hang';
  status: number;
  retryAfter?: number;
  hangMs: number;
  /** `fail`: answer `status` after this many milliseconds (a slow refusal). */
  delayMs?: number;
  scope?: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (ajv: Ajv2020) => void;

/** Validates one event against the shared schema; `null` when valid, else the first problem. */
export function createValidator(): (event: unknown) => { field: string; message: string } | null {
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(envelopeSchema);
  return (event) => {
    if (validate(event)) return null;
    const error = validate.errors?.[0];
    const missing = (error?.params as { missingProperty?: string } | undefined)?.missingProperty;
    const field = missing ?? (error?.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(event)');
    return { field, message: error?.message ?? 'invalid' };
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** False when any key or string holds a lone surrogate (ill-formed Unicode from a `\ud800` escape). Iterative: deep nesting can't overflow the stack. */
function wellFormed(value: unknown): boolean {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (!v.isWellFormed()) return false;
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (!k.isWellFormed()) return false;
        stack.push(x);
      }
    }
  }
  return true;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new HttpError(413, `body larger than ${limit} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `body larger than ${limit} bytes`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(utf8.decode(Buffer.concat(chunks)));
      } catch {
        reject(new HttpError(400, 'body is not valid UTF-8'));
      }
    });
    req.on('error', reject);
  });
}

/**
 * The reference collector: connect/Express-style middleware that validates CloudEvents batches,
 * stores them once each in SQLite and answers reaction counts. Mount it anywhere:
 * `app.use(createCollector({ db: 'data/events.db' }))`.
 */
export function createCollector(options: CollectorOptions = {}): Collector {
  const path = options.path ?? '/events';
  const store = options.store ?? createSqliteStore(options.db ?? 'data/events.db');
  const bodyLimit = options.bodyLimit ?? 512 * 1024;
  const rateLimit = options.rateLimit ?? { max: 600, windowMs: 60_000 };
  const allowed = new Set(options.origins ?? []);
  const refusedOrigins = new Set<string>();
  const validate = createValidator();
  const faults: Fault[] = [];
  const stats = new Map<string, number>();
  const getStats = new Map<string, number>();
  const clients = new Map<string, { count: number; resetAt: number }>();

  function originAllowed(origin: string, req: IncomingMessage): boolean {
    if (allowed.has(origin)) return true;
    try {
      const url = new URL(origin);
      if (url.host === req.headers.host) return true;
      return options.allowLocalhost !== false && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    } catch {
      return false; // "null" and other opaque origins must be listed explicitly
    }
  }

  function checkRate(req: IncomingMessage): void {
    if (!rateLimit) return;
    const client = req.socket.remoteAddress ?? 'unknown';
    const now = Date.now();
    let entry = clients.get(client);
    if (!entry || entry.resetAt <= now) clients.set(client, (entry = { count: 0, resetAt: now + rateLimit.windowMs }));
    if (++entry.count > rateLimit.max) {
      const seconds = Math.ceil((entry.resetAt - now) / 1000);
      throw new HttpError(429, 'too many requests from this client', { retryAfter: seconds });
    }
  }

  async function receive(req: IncomingMessage, res: ServerResponse, scope: string | null): Promise<void> {
    stats.set(scope ?? '', (stats.get(scope ?? '') ?? 0) + 1);
    const fault = faults.find((f) => f.remaining > 0 && (!f.scope || f.scope === scope));
    if (fault) {
      fault.remaining--;
      if (fault.mode === 'hang') {
        req.resume();
        setTimeout(() => res.destroy(), fault.hangMs).unref?.();
        return;
      }
      const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
      req.resume();
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      return send(res, fault.status, { error: 'injected fault' }, headers);
    }
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (![BATCH_CONTENT_TYPE, SINGLE_CONTENT_TYPE, 'application/json'].includes(type)) {
      req.resume();
      throw new HttpError(415, `content-type must be ${BATCH_CONTENT_TYPE} (or ${SINGLE_CONTENT_TYPE})`);
    }
    const text = await readBody(req, bodyLimit);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'body is not valid JSON');
    }
    if (!wellFormed(body)) {
      throw new HttpError(400, 'body contains ill-formed Unicode (a lone surrogate)');
    }
    if (type === BATCH_CONTENT_TYPE && !Array.isArray(body)) throw new HttpError(400, 'a batch must be a JSON array of events');
    const events = (Array.isArray(body) ? body : [body]) as unknown[];
    if (!events.length) throw new HttpError(400, 'the batch is empty');
    if (events.length > Limits.maxBatch) throw new HttpError(413, `at most ${Limits.maxBatch} events per batch`);
    // One bad event never takes its neighbours with it: the valid ones are stored, and the answer
    // gives each event's outcome in order (see README, "The answer").
    const problems = events.map((event) => validate(event));
    const valid = events.filter((_, i) => !problems[i]) as MutualEnvelope[];
    const { statuses } = valid.length ? store.insert(valid) : { statuses: [] };
    let next = 0;
    const results: EventResult[] = events.map((event, i) => {
      const id = typeof (event as { id?: unknown })?.id === 'string' ? (event as { id: string }).id : null;
      const problem = problems[i];
      return problem ? { id, status: 'rejected', field: problem.field, reason: problem.message } : { id, status: statuses[next++] };
    });
    const count = (status: EventResult['status']) => results.filter((r) => r.status === status).length;
    const summary = { accepted: count('accepted'), duplicates: count('duplicate'), rejected: count('rejected'), results };
    if (!valid.length) {
      const first = results[0] as EventResult & { field: string; reason: string };
      throw new HttpError(400, `invalid event: ${first.field} ${first.reason}`, { index: 0, field: first.field, message: first.reason, ...summary });
    }
    send(res, 200, summary);
  }

  function answerGet(url: URL, res: ServerResponse): void {
    const subject = url.searchParams.get('subject');
    const since = url.searchParams.get('since');
    if (since !== null) {
      if (!options.allowListing) throw new HttpError(403, 'listing stored events is turned off (createCollector({ allowListing: true }) to turn it on)');
      const from = Number(since);
      if (!Number.isInteger(from) || from < 0) throw new HttpError(400, 'since must be a sequence number ≥ 0', { field: 'since' });
      const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 100) || 100, 1), 1000);
      const events = store.list({ since: from, limit, subject: subject ?? undefined, type: url.searchParams.get('type') ?? undefined });
      return send(res, 200, { events, next: events.at(-1)?.seq ?? from });
    }
    const peerMessages = url.searchParams.get('peer-messages');
    if (peerMessages !== null) {
      // Encouragements are written for other peers to read: the only texts answered to anyone.
      const limit = Math.min(Math.max(Number(peerMessages) || 5, 1), 20);
      const messages = store
        .recent(EventTypes.checkinEncouragement, limit)
        .map(({ event }) => ({ text: String(event.data.text ?? ''), time: event.time }))
        .filter((m) => m.text);
      return send(res, 200, { messages });
    }
    const subjects = url.searchParams.getAll('subject');
    if (subjects.length) {
      if (subjects.length > 100) throw new HttpError(400, 'at most 100 subjects per request', { field: 'subject' });
      if (subjects.some((s) => !s || s.length > Limits.subjectLength)) throw new HttpError(400, 'subject is empty or too long', { field: 'subject' });
      if (subjects.length === 1) return send(res, 200, { subject, counts: store.counts(subject!) });
      return send(res, 200, { subjects: Object.fromEntries(subjects.map((s) => [s, store.counts(s)])) });
    }
    throw new HttpError(400, 'ask for ?subject=ID (reaction counts), ?peer-messages=N (recent encouragements) or ?since=SEQ (recent events)');
  }

  async function configureFault(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'DELETE') {
      faults.length = 0;
      return send(res, 200, { faults: 0 });
    }
    const body = JSON.parse((await readBody(req, 4096)) || '{}') as Partial<Fault> & { count?: number };
    faults.push({
      remaining: body.count ?? 1,
      mode: body.mode === 'hang' ? 'hang' : 'fail',
      status: body.status ?? 503,
      retryAfter: body.retryAfter,
      hangMs: body.hangMs ?? 30_000,
      delayMs: body.delayMs,
      scope: body.scope,
    });
    send(res, 200, { faults: faults.length });
  }

  const handler = (req: IncomingMessage, res: ServerResponse, next?: Next) => {
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    const sub = url.pathname.startsWith(path) ? url.pathname.slice(path.length) : null;
    const known = sub === '' || sub === '/' || (options.faults && (sub === '/faults' || sub === '/stats'));
    if (!known) {
      if (next) return next();
      return send(res, 404, { error: 'not found' });
    }
    const origin = req.headers.origin;
    const cors: Record<string, string> = {};
    if (origin) {
      if (!originAllowed(origin, req)) {
        // A blocked widget looks like a network error in the page: say here, once, how to allow it.
        if (!refusedOrigins.has(origin) && refusedOrigins.size < 1000) {
          refusedOrigins.add(origin);
          (options.log ?? console.warn)(`[mutual collector] refused requests from origin ${origin}. If its widgets are yours, allow it: --origin ${origin} (or origins: ['${origin}'] in Node).`);
        }
        req.resume();
        return send(res, 403, { error: `origin ${origin} is not allowed` });
      }
      Object.assign(cors, { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-expose-headers': 'Retry-After' });
      if (options.allowCredentials) cors['access-control-allow-credentials'] = 'true';
    }
    for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
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
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': (req.headers['access-control-request-headers'] as string | undefined) ?? 'content-type',
          'access-control-max-age': '600',
        });
        return void res.end();
      }
      if (sub === '/faults') return void configureFault(req, res).catch(fail);
      if (sub === '/stats') {
        const scope = url.searchParams.get('scope') ?? '';
        return send(res, 200, { requests: stats.get(scope) ?? 0, gets: getStats.get(scope) ?? 0 });
      }
      checkRate(req);
      if (req.method === 'GET') {
        const scope = url.searchParams.get('scope') ?? '';
        if (options.faults) getStats.set(scope, (getStats.get(scope) ?? 0) + 1);
        return answerGet(url, res);
      }
      if (req.method === 'POST') return void receive(req, res, url.searchParams.get('scope')).catch(fail);
      req.resume();
      send(res, 405, { error: 'use GET or POST' }, { allow: 'GET, POST, OPTIONS' });
    } catch (error) {
      fail(error);
    }
  };
  return Object.assign(handler, { store, close: () => store.close() });
}
