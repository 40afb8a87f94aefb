import { deviceKeys, deviceState, KEY_PREFIXES, readItem, STORAGE_PREFIX } from './device-storage.js';

// "Forget me" and quick exit: read or clear all that Mutual keeps; only the provider, quick exit and
// "what came back" need it, so an element that keeps one thing carries none of this scan.

/**
 * What this device sent that the endpoint can still tie to it, for "Forget me": the reactor keys of
 * its reactions (`reactions:*`) and the ids of its texts that may still wait for review (its own
 * responses and drafts on their way), and whether it wrote texts it could still take down
 * (`authored`: their keys go with it). Read from storage and from memory (no-trace).
 */
export function deviceFootprint(): {
  reactors: string[];
  events: string[];
  /** The author key of each text this device wrote, by the text's id: what proves it wrote it. */
  keyOf: Record<string, string>;
  authored: boolean;
} {
  const reactors = new Set<string>();
  const events = new Set<string>();
  const keyOf: Record<string, string> = {};
  let authored = false;
  const keys = new Set([...deviceKeys(''), ...deviceState.memory.keys()]);
  for (const key of keys) {
    let value: unknown;
    try {
      value = JSON.parse(readItem(key) ?? deviceState.memory.get(key) ?? 'null');
    } catch {
      continue;
    }
    if (key.startsWith(KEY_PREFIXES.reactions)) {
      const reactor = (value as { reactor?: unknown } | null)?.reactor;
      if (typeof reactor === 'string') reactors.add(reactor);
    } else if (key.startsWith(KEY_PREFIXES.myResponses) && Array.isArray(value)) {
      for (const r of value) if (typeof r?.id === 'string') events.add(r.id);
    } else if (key === KEY_PREFIXES.mySent && Array.isArray(value)) {
      for (const id of value) if (typeof id === 'string') events.add(id);
    } else if (key.startsWith(KEY_PREFIXES.authorKey)) {
      authored = true;
      const id = key.slice(KEY_PREFIXES.authorKey.length);
      if (typeof value === 'string' && id) {
        keyOf[id] = value;
        events.add(id);
      }
    } else if (key.startsWith(KEY_PREFIXES.draft)) {
      const pending = (value as { pendingId?: unknown } | null)?.pendingId;
      if (typeof pending === 'string') events.add(pending);
    }
  }
  return { reactors: [...reactors], events: [...events], keyOf, authored };
}

/**
 * Removes everything Mutual keeps on this device (outboxes, drafts, remembered reactions).
 * `forGood` (quick exit): nothing is written again while this page lives.
 */
export function forgetDevice(forGood = false): void {
  deviceState.memory.clear();
  if (forGood) deviceState.left = true;
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(STORAGE_PREFIX)) localStorage.removeItem(key);
  } catch {
    /* storage unavailable: nothing stored there */
  }
}
