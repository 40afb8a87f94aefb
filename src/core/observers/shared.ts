/**
 * One native observer per kind and options for the whole page, shared by every element that asks
 * for the same options: 200 story cards cost one IntersectionObserver, not 200. Entries go to the
 * callback registered for their target.
 */
type Entry = IntersectionObserverEntry | ResizeObserverEntry;
type Shared = { observer: IntersectionObserver | ResizeObserver; callbacks: Map<Element, (entry: Entry) => void> };

const shared = new Map<string, Shared>();

export function sharedObserver(kind: 'intersection' | 'resize', options: object = {}): Shared {
  const key = kind + JSON.stringify(options);
  let found = shared.get(key);
  if (!found) {
    const callbacks = new Map<Element, (entry: Entry) => void>();
    const dispatch = (entries: Entry[]) => entries.forEach((entry) => callbacks.get(entry.target)?.(entry));
    const observer =
      kind === 'intersection' ? new IntersectionObserver(dispatch, options) : new ResizeObserver(dispatch);
    shared.set(key, (found = { observer, callbacks }));
  }
  return found;
}
