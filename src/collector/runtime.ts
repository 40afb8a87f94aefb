// What differs between the runtimes the collector runs on (Node, Deno, Bun, workers, a browser tab).

/** Node's timers keep the process alive unless unref'd; elsewhere a timer is a plain number. */
export const unref = (timer: unknown): void => (timer as { unref?: () => void } | undefined)?.unref?.();
