/**
 * A part of Mutual loaded on demand (the send path, the crisis-language tables, a card's reply
 * composer): the first call starts loading it and later calls share that load; a load that failed
 * (offline before it ever arrived) is forgotten, so the next call tries again.
 *
 * Some browsers (Chromium before 151, among them) keep a failed dynamic import failed for the
 * page's life: importing the same URL again fails at once, even online. So a retry imports the
 * module the browser named in its error under a new query, which is a new module to it; the
 * modules it imports in turn were never fetched (the first request failed) and load normally.
 */
export function onDemand<M, T = M>(importer: () => Promise<M>, then?: (module: M) => T): () => Promise<T> {
  let loading: Promise<T> | undefined;
  let failed: string | undefined;
  let tries = 0;
  const attempt = (): Promise<M> =>
    failed
      ? (import(/* @vite-ignore */ `${failed}${failed.includes('?') ? '&' : '?'}retry=${++tries}`) as Promise<M>)
      : importer();
  return () =>
    (loading ??= attempt().then(
      (module) => (then ? then(module) : (module as unknown as T)),
      (error: unknown) => {
        loading = undefined;
        failed ??= failedModule(error);
        throw error;
      },
    ));
}

/** The same-origin script a failed dynamic import names (Chromium and Firefox say which), if any. */
function failedModule(error: unknown): string | undefined {
  const url = /\bhttps?:\/\/[^\s'"]+\.js\b/.exec(String((error as Error | undefined)?.message ?? ''))?.[0];
  return url && new URL(url).origin === location.origin ? url : undefined;
}
