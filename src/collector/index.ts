export { createCollector, type Collector, type CollectorOptions, type Next } from './create-collector.js';
export { createHandler, type CollectorHandler } from './handler.js';
export { createPgliteStore, type PGliteLike } from './store/pglite.js';
export { createValidator } from './validate.js';
export { createCollectorServer, type ServerLimits } from './server.js';
export { createPostgresStore, createSqliteStore, openStore, type Store, type StoredEvent } from './store/index.js';
export { EventTypes, type MutualEnvelope } from '../core/protocol/envelope.js';
export { envelopeSchema } from '../core/protocol/schema.js';
export { verifyClassifierRequest, type ClassifierOptions } from './classifier.js';
