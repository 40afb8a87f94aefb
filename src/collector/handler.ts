// The collector's request handling, on no runtime in particular: a CollectorRequest in, an Answer
// out. Node's middleware (create-collector.ts) and the standard fetch handler (`collector.fetch`,
// for Deno, Bun, workers and the in-browser store) are both this.
import type { CollectorContext } from './context.js';
import { createCors } from './cors.js';
import { createForwarder } from './forward.js';
import { createHostTokens } from './host-token.js';
import { HttpError, UNSTORABLE, unstorable } from './http.js';
import { createIntake } from './intake.js';
import { hideReasons } from './moderation.js';
import { createModeratorAuth } from './moderator-auth.js';
import { createNotifier } from './notify.js';
import type { CollectorOptions } from './options.js';
import { createOriginPolicy } from './origin-policy.js';
import { clientAddress, createRateLimiter } from './rate-limit.js';
import { fromFetch, json, toResponse, type Answer, type CollectorRequest, type ConnectionInfo } from './request.js';
import { createRetention } from './retention.js';
import { createIngest } from './routes/ingest.js';
import { createMineRoute } from './routes/mine.js';
import { createModerationRoutes } from './routes/moderation.js';
import { createReadRoutes } from './routes/read.js';
import type { Store } from './store/types.js';
import { createValidator } from './validate.js';

export interface CollectorHandler {
  /** The answer to a request under the collector's path; `null` for any other path (the host's own). */
  handle(req: CollectorRequest): Promise<Answer | null>;
  /** The standard fetch handler: `Deno.serve(collector.fetch)`, `export default { fetch: collector.fetch }`. */
  fetch(request: Request, info?: ConnectionInfo): Promise<Response>;
  store: Store;
  /** Applies the retention period now; resolves to how many events lost their texts. */
  retain(): Promise<number>;
  close(): Promise<void>;
}

export function createHandler(options: CollectorOptions & { store: Store }): CollectorHandler {
  const path = options.path ?? '/events';
  // Checked here, so that a wrong reason stops the collector at start, not a moderator at work.
  const moderation = { ...options.moderation, hideReasons: hideReasons(options.moderation?.hideReasons) };
  const { store } = options;
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
    moderators: createModeratorAuth(moderation.moderators ?? [], (req) => clientAddress(req, options.trustProxy)),
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

  function route(req: CollectorRequest, sub: string): Promise<Answer> | Answer {
    const { method, url } = req;
    for (const [name, value] of url.searchParams)
      if (unstorable(name) || unstorable(value))
        return json(400, { error: `${name || '(query)'} ${UNSTORABLE}`, field: name || '(query)' });
    const admin = sub.startsWith('/moderation/');
    if (method === 'OPTIONS') return cors.preflight(req, admin);
    if (admin) return answerModeration(req, url, sub);
    if (sub === '/mine') {
      if (method === 'POST') return answerMine(req);
      return json(
        405,
        { error: 'use POST, with the texts and their author keys in the body' },
        { allow: 'POST, OPTIONS' },
      );
    }
    if (method === 'GET') {
      context.rate.take(req, 1);
      return answerGet(url);
    }
    if (method === 'POST') return receive(req);
    return json(405, { error: 'use GET or POST' }, { allow: 'GET, POST, OPTIONS' });
  }

  function failed(error: unknown): Answer {
    if (error instanceof HttpError) {
      const { retryAfter, ...extra } = error.extra as { retryAfter?: number };
      return json(
        error.status,
        { error: error.message, ...extra },
        retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {},
      );
    }
    console.error('[mutual collector]', error);
    return json(500, { error: 'internal error' });
  }

  async function handle(req: CollectorRequest): Promise<Answer | null> {
    const { pathname } = req.url;
    const sub = pathname.startsWith(path) ? pathname.slice(path.length) : null;
    if (sub === null || (sub !== '' && sub !== '/' && sub !== '/mine' && !sub.startsWith('/moderation/'))) return null;
    const door = cors.admit(req, sub.startsWith('/moderation/'));
    if ('refused' in door) return door.refused;
    let answer: Answer;
    try {
      answer = await route(req, sub);
    } catch (error) {
      answer = failed(error);
    }
    return { ...answer, headers: { ...door.headers, ...answer.headers } };
  }

  return {
    handle,
    fetch: async (request, info) =>
      toResponse((await handle(fromFetch(request, info))) ?? json(404, { error: 'not found' })),
    store,
    retain: retention.retain,
    close: async () => {
      retention.close();
      await notifier?.close();
      await forwarder?.close();
      await store.close();
    },
  };
}
