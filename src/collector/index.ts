export { createCollector, createValidator, type Collector, type CollectorOptions } from './create-collector.js';
export { createSqliteStore, type Store, type StoredEvent } from './store-sqlite.js';
export { envelopeSchema, EventTypes, type MutualEnvelope } from '../core/envelope.js';
