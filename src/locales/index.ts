import type en from './en.js';
import type { Message } from '../core/i18n/index.js';

/** Every message key, from the English source catalogue: `t()` in an element accepts only these. */
export type MessageKey = keyof typeof en;
/** The keys only the admin elements use: their translations load with those elements alone. */
export type AdminKey = Extract<MessageKey, `moderation-queue.${string}` | `community-pulse.${string}`>;
/** A translation provides every key the English source has: the members' part, and the admin part. */
export type Catalog = Record<Exclude<MessageKey, AdminKey>, Message>;
export type AdminCatalog = Record<AdminKey, Message>;

/**
 * How to load each translation. English ships inside each element (only its own strings); the
 * others load on first use, so an English page downloads no translation at all, and a member's
 * page no admin strings. A plain export,
 * not a registration run on import: a bundler may drop a module imported only for its effects.
 */
export const catalogLoaders = {
  es: () => import('./es.js'),
  ar: () => import('./ar.js'),
};

/**
 * The admin part of each translation (`catalogParts: ['admin']`), registered by the admin elements
 * alone, so that members' pages and bundles never reference it.
 */
export const adminCatalogLoaders = {
  'es:admin': () => import('./es/admin.js'),
  'ar:admin': () => import('./ar/admin.js'),
};
