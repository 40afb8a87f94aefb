export { EventTypes, createEnvelope, type MutualEnvelope, type MutualEventType } from './protocol/envelope.js';
export * from './events.js';
export type { MutualConfig, Theme } from './config.js';
export { mutualContext } from './context.js';
export type { TransportOptions, DeliveryState } from './delivery/transport.js';
export { forgetDevice } from './delivery/device-footprint.js';
export { VERSION } from './define.js';
