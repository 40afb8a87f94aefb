/**
 * A part of Mutual loaded on demand (the send path, the crisis-language tables, a card's reply
 * composer): the first call starts loading it and later calls share that load; a load that failed
 * (offline before it ever arrived) is forgotten, so the next call tries again.
 */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
