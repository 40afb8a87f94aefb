import type en from './en.js';
import type { Message } from '../core/i18n/index.js';

/** Every message key, from the English source catalogue: `t()` in an element accepts only these. */
export type MessageKey = keyof typeof en;
/** A translation provides every key the English source has. */
export type Catalog = Record<MessageKey, Message>;

/**
 * How to load each translation. English ships inside each element (only its own strings); the
 * others load on first use, so an English page downloads no translation at all. A plain export,
 * not a registration run on import: a bundler may drop a module imported only for its effects.
 */
export const catalogLoaders = {
  es: () => import('./es.js'),
  ar: () => import('./ar.js'),
};
