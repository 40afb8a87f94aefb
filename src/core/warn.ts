const registry = globalThis as typeof globalThis & { [key: symbol]: unknown };
const pageWide = (registry[Symbol.for('mutual.page')] ??= {}) as object;
const seen = (registry[Symbol.for('mutual.warned')] ??= new WeakMap<object, Set<string>>()) as WeakMap<
  object,
  Set<string>
>;

/**
 * One console warning per problem: per `owner` (usually the element with the wrong attribute),
 * or once per page when no owner is given. Shared by every copy of Mutual on the page.
 */
export function warnOnce(key: string, message: string, owner: object = pageWide): void {
  let keys = seen.get(owner);
  if (!keys) seen.set(owner, (keys = new Set()));
  if (keys.has(key)) return;
  keys.add(key);
  console.warn(message);
}
