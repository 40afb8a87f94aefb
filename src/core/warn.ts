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
 * path); elements' own code uses `warner`, whose texts load only when needed.
 */
export function warnOnce(key: string, message: string, owner: object = pageWide): void {
  if (first(owner, key)) console.warn(message);
}

type Catalog = Record<string, (params: never) => string>;

/**
 * A `warn(code, params, owner?, key?)` for one catalogue of warning texts (`core/warnings.ts`, an
 * element's `*.warnings.ts`), loaded the first time one of them is needed: one console warning per
 * problem (`key`, default the code) and `owner`. Offline, the code and what was wrong are still said.
 */
export function warner<W extends Catalog>(load: () => Promise<{ warnings: W }>) {
  return <C extends keyof W & string>(
    code: C,
    params: Parameters<W[C]>[0],
    owner: object = pageWide,
    key: string = code,
  ): void => {
    if (!first(owner, key)) return;
    load().then(
      (m) => console.warn((m.warnings[code] as (p: typeof params) => string)(params)),
      () => console.warn(`Mutual: ${code}`, params),
    );
  };
}

/** The warnings of shared code (`core/warnings.ts`). */
export const warnAbout = warner(() => import('./warnings.js'));
