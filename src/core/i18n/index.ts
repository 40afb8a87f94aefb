import { warnAbout } from '../warn.js';

/**
 * Core knows no element, so it knows no message key: `src/locales/` holds the catalogues and
 * their key type (`MessageKey`), and registers how to load each translation.
 */
export type MessageKey = string;
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;
type Catalog = Record<string, Message>;
/** An element's own English strings (its `*.messages.ts`): the source and the fallback. */
export type Messages = Catalog;

const loaders: Record<string, () => Promise<{ default: Catalog }>> = {};
const catalogs: Record<string, Catalog> = {};

/** How to load each translation (by language), registered by `src/locales/`. */
export function registerCatalogs(more: Record<string, () => Promise<{ default: Catalog }>>): void {
  Object.assign(loaders, more);
  languages.clear();
}
const loading: Record<string, Promise<void>> = {};

/**
 * Resolves when the catalogue for `locale` is ready, with the parts an element also needs (`admin`:
 * strings only admin pages use, registered as `es:admin`); `undefined` when it already is (render at once).
 */
export function loadCatalog(locale: string, parts: readonly string[] = []): Promise<void> | undefined {
  const lang = catalogLocale(locale);
  // Asked before every render: nothing to build when all is there.
  if (lang === 'en' || (loaded.has(lang) && parts.every((part) => loaded.has(`${lang}:${part}`)))) return undefined;
  const wanted = [lang, ...parts.map((part) => `${lang}:${part}`)].filter((name) => !loaded.has(name) && loaders[name]);
  if (!wanted.length) return undefined;
  return Promise.all(
    wanted.map(
      (name) =>
        (loading[name] ??= loaders[name]().then(
          (m) => {
            catalogs[lang] = { ...catalogs[lang], ...m.default };
            loaded.add(name);
          },
          () => {
            delete loading[name]; // try again on the next render
            warnAbout('catalog', { lang }, undefined, `catalog:${lang}`);
          },
        )),
    ),
  ).then(() => undefined);
}
const loaded = new Set<string>();
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** Asked for on every string an element renders: worked out once per locale. */
const languages = new Map<string, string>();

/** `es-MX` → `es`; anything unknown → `en`. */
export function catalogLocale(locale: string): string {
  let lang = languages.get(locale);
  if (lang === undefined) {
    const base = locale.toLowerCase().split(/[-_]/)[0];
    languages.set(locale, (lang = base in loaders ? base : 'en'));
  }
  return lang;
}

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL.has(locale.toLowerCase().split(/[-_]/)[0]) ? 'rtl' : 'ltr';
}

export type Params = Record<string, string | number>;

/** Intl objects are costly to build; one per locale and options is plenty. */
const intlCache = new Map<string, unknown>();
export function intl<T>(key: string, make: () => T): T {
  let value = intlCache.get(key) as T | undefined;
  if (!value) intlCache.set(key, (value = make()));
  return value;
}

/**
 * Looks up `key` for `locale`: a host override wins, then the locale's catalogue, then the
 * element's English `source`. Plural messages pick their form from `params.count`; numbers are
 * formatted for the locale.
 */
export function translate(
  locale: string,
  key: MessageKey,
  source: Messages,
  params: Params = {},
  overrides: Record<string, string> = {},
): string {
  const message = (overrides[key] ?? catalogs[catalogLocale(locale)]?.[key] ?? source[key] ?? key) as Message;
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = Number(params.count ?? 0);
    const form = intl(`plural|${locale}`, () => new Intl.PluralRules(locale)).select(count);
    text = message[form] ?? message.other ?? '';
  }
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' ? formatCount(locale, value) : value;
  });
}

/** Counts as people read them: `12`, `1.2K` above 999, in the locale's digits. */
export function formatCount(locale: string, n: number): string {
  // A page of bars formats the same few small counts hundreds of times.
  const key = `${locale}|${n}`;
  let text = counts.get(key);
  if (text === undefined) {
    const compact = n > 999;
    text = intl(
      `count|${locale}|${compact}`,
      () => new Intl.NumberFormat(locale, compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
    ).format(n);
    if (counts.size < 1000) counts.set(key, text);
  }
  return text;
}
const counts = new Map<string, string>();
