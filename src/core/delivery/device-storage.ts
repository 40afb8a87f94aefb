/**
 * Everything Mutual keeps on the device, under keys starting `mutual:` in `localStorage`: the
 * outbox, drafts, remembered reactions, reveal and topic choices. This module is the only one
 * that touches storage; under no-trace (or when storage is blocked) the same calls use memory,
 * which is gone on reload.
 */
export const STORAGE_PREFIX = 'mutual:';

/**
 * The keys elements keep things under (after the prefix), in one place: "Forget me" reads them
 * back to tell the endpoint what this device sent.
 */
export const KEY_PREFIXES = {
  reactions: 'reactions:',
  myResponses: 'mine:responses:',
  mySent: 'mine:sent',
  authorKey: 'mine:key:',
  myStories: 'mine:stories',
  draft: 'draft:',
  outbox: 'outbox:',
} as const;
export const DeviceKeys = {
  /** A reaction bar's pressed reactions and its reactor key for the subject. */
  reactions: (subject: string) => KEY_PREFIXES.reactions + subject,
  /** This device's own responses to a story, still waiting for review. */
  myResponses: (story: string) => KEY_PREFIXES.myResponses + story,
  /**
   * The ids (only) of texts this device sent and the endpoint acknowledged — a story, say, whose
   * draft is gone — so "Forget me" can still name them while they wait for review.
   */
  mySent: () => KEY_PREFIXES.mySent,
  /**
   * The author key of a text this device wrote for peers (a story, a response, an encouragement, a
   * tip: its `data.authorKey`), by the text's id: with it, and only with it, the member can take the text down later. Gone with "Forget me"
   * and quick exit.
   */
  authorKey: (id: string) => KEY_PREFIXES.authorKey + id,
  /** The stories this device sent (id and title only, the newest 20), so the member can see where they stand. */
  myStories: () => KEY_PREFIXES.myStories,
  /** A composer's draft (`response`, `checkin`, `encourage`, `tip`, `story`) kept until acknowledged. */
  draft: (kind: string, id: string) => `${KEY_PREFIXES.draft}${kind}:${id}`,
  /** An unacknowledged event in the outbox of an endpoint (an absolute URL). */
  outbox: (endpoint: string, id: string) => `${KEY_PREFIXES.outbox}${endpoint}:${id}`,
  /** The endpoint's acknowledgement of a member's text, kept until its draft reads it. */
  ack: (id: string) => `ack:${id}`,
  /** What `<mutual-came-back>` last showed of each own text (a total per id), so "new" counts only what came after. */
  cameBackSeen: () => 'mine:came-back',
  /** The last check-in on this device was hard ("Really struggling", "Having a hard time"): the next one says so, once. */
  lastHard: (checkIn: string) => `mine:last-hard:${checkIn}`,
  /** The topics this reader chose to hide (story cards keep them behind a notice). */
  hiddenTopics: () => 'hidden-topics',
  /** An event handed to the page's exit delivery (`sendBeacon`/keepalive) at this time; not sent again soon. */
  handed: (id: string) => `handed:${id}`,
  /** The short lease a tab holds while it sends to an endpoint, where Web Locks are missing. */
  lease: (endpoint: string) => `lease:${endpoint}`,
} as const;

/**
 * 128 random bits as hex: a reactor key, a text's author key. `getRandomValues` works on
 * plain-http pages too (no secure context needed).
 */
export const randomKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** Every `<endpoint>:<id>` waiting in an outbox on the device (`DeviceKeys.outbox` gives its key back). */
export const outboxed = (): string[] =>
  deviceKeys(KEY_PREFIXES.outbox).map((key) => key.slice(KEY_PREFIXES.outbox.length));

/** Whether an event waits in some endpoint's outbox on this device (this page's or another's). */
export const queuedOnDevice = (id: string): boolean => outboxed().some((entry) => entry.endsWith(`:${id}`));

/** Whether the endpoint acknowledged this member's text on this device; `consume` drops the record. */
export function acknowledged(id: string, consume = false): boolean {
  const found = readItem(DeviceKeys.ack(id)) !== null;
  if (found && consume) writeItem(DeviceKeys.ack(id), undefined);
  return found;
}

type Registry = typeof globalThis & { [k: symbol]: unknown };
/** Shared by every copy of Mutual on the page, like the transports. */
export const deviceState = ((globalThis as Registry)[Symbol.for('mutual.device')] ??= {
  memory: new Map<string, string>(),
  left: false,
}) as { memory: Map<string, string>; left: boolean };

/** Memory only: no-trace asked for it, or quick exit forgot the device and the page is going away. */
const inMemory = (noTrace: boolean) => noTrace || deviceState.left;

export function readItem(key: string, noTrace = false): string | null {
  if (inMemory(noTrace)) return deviceState.memory.get(key) ?? null;
  try {
    return localStorage.getItem(STORAGE_PREFIX + key);
  } catch {
    return deviceState.memory.get(key) ?? null;
  }
}

/** Stores `raw` (or removes the key for `undefined`). Returns false when only memory could keep it. */
export function writeItem(key: string, raw: string | undefined, noTrace = false): boolean {
  if (!inMemory(noTrace)) {
    try {
      if (raw === undefined) localStorage.removeItem(STORAGE_PREFIX + key);
      else localStorage.setItem(STORAGE_PREFIX + key, raw);
      return true;
    } catch {
      // Storage blocked or full: keep it for this page at least.
    }
  }
  if (raw === undefined) deviceState.memory.delete(key);
  else deviceState.memory.set(key, raw);
  return inMemory(noTrace);
}

/** Whether this browser can keep anything on the device now (storage allowed, not full). */
export function canKeep(): boolean {
  if (deviceState.left) return false;
  try {
    localStorage.setItem(`${STORAGE_PREFIX}probe`, '1');
    localStorage.removeItem(`${STORAGE_PREFIX}probe`);
    return true;
  } catch {
    return false;
  }
}

/** Keys (without the prefix) that start with `prefix`, from the device (not from memory). */
export function deviceKeys(prefix: string): string[] {
  if (deviceState.left) return [];
  try {
    return Object.keys(localStorage)
      .filter((k) => k.startsWith(STORAGE_PREFIX + prefix))
      .map((k) => k.slice(STORAGE_PREFIX.length));
  } catch {
    return [];
  }
}
