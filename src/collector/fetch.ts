// `mutual-widgets/collector/fetch`: the collector for runtimes with the standard fetch handler
// (Deno, Bun, workers, a browser tab), without Node's http or the SQLite driver. Bring the store:
// PostgreSQL through node-postgres where the runtime has it, or PGlite.
export { createHandler, type CollectorHandler } from './handler.js';
export type { CollectorOptions } from './options.js';
export type { Answer, CollectorRequest, ConnectionInfo } from './request.js';
export { createPgliteStore, type PGliteLike } from './store/pglite.js';
export type { Store, StoredEvent } from './store/types.js';
export { EventTypes, type MutualEnvelope } from '../core/protocol/envelope.js';
