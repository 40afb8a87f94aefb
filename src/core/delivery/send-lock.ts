import { DeviceKeys, readItem, writeItem } from './device-storage.js';

/** Prefix of the shared lock every open page holds per endpoint it has a transport for. */
export const LIVE = 'mutual:live:';

export const LEASE_MS = 2000;
const pageId = Math.random().toString(36).slice(2);

/**
 * Runs `send` while no other tab of the site sends to this endpoint: the Web Locks API, else a
 * lease in storage that expires by itself. Returns false when another tab holds the lease.
 */
export async function withSendLock(endpoint: string, noTrace: boolean, send: () => Promise<void>): Promise<boolean> {
  if (noTrace) return send().then(() => true); // memory only: nothing is shared between tabs
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks?.request) return locks.request(`mutual:send:${endpoint}`, () => send().then(() => true));
  const key = DeviceKeys.lease(endpoint);
  const lease = JSON.parse(readItem(key) ?? 'null') as { owner: string; until: number } | null;
  if (lease && lease.owner !== pageId && lease.until > Date.now()) return false;
  writeItem(key, JSON.stringify({ owner: pageId, until: Date.now() + LEASE_MS * 8 }));
  try {
    await send();
  } finally {
    writeItem(key, undefined);
  }
  return true;
}
