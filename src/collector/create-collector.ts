// The collector on Node: connect/Express-style middleware over the runtime-neutral handler, with
// a SQLite file as the default store and moderator tokens from the environment.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHandler, type CollectorHandler } from './handler.js';
import { json } from './request.js';
import { parseModeratorTokens } from './moderator-auth.js';
import { fromNode, writeAnswer } from './node-request.js';
import type { CollectorOptions } from './options.js';
import { createSqliteStore, isPostgresUrl } from './store/index.js';

export type { EventResult } from './routes/ingest.js';
export type { CollectorOptions } from './options.js';

export type Next = (error?: unknown) => void;
export type Collector = ((req: IncomingMessage, res: ServerResponse, next?: Next) => void) &
  Omit<CollectorHandler, 'handle'>;

/**
 * The reference collector: connect/Express-style middleware that validates CloudEvents batches,
 * stores them once each (SQLite, or the PostgreSQL store you pass), holds what members write for
 * moderation, and answers what pages read. Mount it anywhere:
 * `app.use(createCollector({ db: 'data/events.db' }))`. The same collector is a standard fetch
 * handler too: `collector.fetch(request)`.
 */
export function createCollector(options: CollectorOptions = {}): Collector {
  if (!options.store && options.db && isPostgresUrl(options.db))
    throw new Error('for PostgreSQL, pass the store: createCollector({ store: await createPostgresStore(url) })');
  const store = options.store ?? createSqliteStore(options.db ?? 'data/events.db');
  const moderators = options.moderation?.moderators ?? parseModeratorTokens(process.env.MUTUAL_MODERATOR_TOKENS);
  const handler = createHandler({ ...options, store, moderation: { ...options.moderation, moderators } });
  const middleware = (req: IncomingMessage, res: ServerResponse, next?: Next) => {
    const request = fromNode(req);
    void handler.handle(request).then((answer) => {
      if (!answer && next) return next();
      request.drain();
      writeAnswer(res, answer ?? json(404, { error: 'not found' }));
    });
  };
  return Object.assign(middleware, {
    fetch: handler.fetch,
    store: handler.store,
    retain: handler.retain,
    close: handler.close,
  });
}
