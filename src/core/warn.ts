import type { warnings } from './warnings.js';

const registry = globalThis as typeof globalThis & { [key: symbol]: unknown };
const pageWide = (registry[Symbol.for('mutual.page')] ??= {}) as object;
const seen = (registry[Symbol.for('mutual.warned')] ??= new WeakMap<object, Set<string>>()) as WeakMap<
  object,
  Set<string>
>;

/** The first time for this `owner` and `key`: one warning per problem, shared by every copy of Mutual on the page. */
function first(owner: object, key: string): boolean {
  let keys = seen.get(owner);
  if (!keys) seen.set(owner, (keys = new Set()));
  if (keys.has(key)) return false;
  keys.add(key);
  return true;
}

/**
 * One console warning per problem: per `owner` (usually the element with the wrong attribute),
 * or once per page when no owner is given. For code that is itself loaded on demand (the send
 * path); elements' own code uses `warnAbout`, whose texts load only when needed.
 */
export function warnOnce(key: string, message: string, owner: object = pageWide): void {
  if (first(owner, key)) console.warn(message);
}

export type WarningCode = keyof typeof warnings;
type WarningParams<C extends WarningCode> = Parameters<(typeof warnings)[C]>[0];

/**
 * One console warning per problem (`key`, default the code) and `owner`, its text from
 * `warnings.ts`, loaded the first time one is needed. Offline, the code and what was wrong
 * are still said.
 */
export function warnAbout<C extends WarningCode>(
  code: C,
  params: WarningParams<C>,
  owner: object = pageWide,
  key: string = code,
): void {
  if (!first(owner, key)) return;
  import('./warnings.js').then(
    (m) => console.warn((m.warnings[code] as (p: WarningParams<C>) => string)(params)),
    () => console.warn(`Mutual: ${code}`, params),
  );
}
