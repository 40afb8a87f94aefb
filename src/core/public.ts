export { EventTypes, createEnvelope, type MutualEnvelope, type MutualEventType } from './envelope.js';
export * from './events.js';
export type { MutualConfig, Theme } from './config.js';
export { mutualContext } from './context.js';
export type { TransportOptions, DeliveryState } from './transport.js';
export { forgetDevice } from './device-storage.js';
export { VERSION } from './define.js';
