import type en from './en.js';
import { registerCatalogs, type Message } from '../core/i18n/index.js';

/** Every message key, from the English source catalogue: `t()` in an element accepts only these. */
export type MessageKey = keyof typeof en;
/** A translation provides every key the English source has. */
export type Catalog = Record<MessageKey, Message>;

// English ships inside each element (only its own strings); the others load on first use, so an
// English page downloads no translation at all.
registerCatalogs({
  es: () => import('./es.js'),
  ar: () => import('./ar.js'),
});
