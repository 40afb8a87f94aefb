import { MEMBER_TEXT_TYPES, type MutualEnvelope } from '../protocol/envelope.js';
import { deviceKeys, DeviceKeys, readItem, writeItem } from './device-storage.js';
import { warnOnce } from '../warn.js';

/** Where unacknowledged events wait. Kept small and synchronous so `pagehide` can read it. */
export interface Outbox {
  all(): MutualEnvelope[];
  has(id: string): boolean;
  readonly size: number;
  /** False when it could not be kept: the outbox is full of members' texts. */
  add(event: MutualEnvelope): boolean;
  remove(ids: Iterable<string>): void;
  /** Syncs with the device: events stored by another page or tab are added, acknowledged ones dropped. */
  reload(): void;
}

export const OUTBOX_LIMIT = 1000;
export { STORAGE_PREFIX } from './device-storage.js';

/** The no-trace variant: nothing touches the device; lost on reload by design. */
export class MemoryOutbox implements Outbox {
  protected events = new Map<string, MutualEnvelope>();
  constructor(protected readonly limit = OUTBOX_LIMIT) {}
  all(): MutualEnvelope[] {
    return [...this.events.values()];
  }
  has(id: string): boolean {
    return this.events.has(id);
  }
  get size(): number {
    return this.events.size;
  }
  /**
   * When full, the oldest reaction or view makes room. A member's words are never evicted: when
   * the outbox holds only texts, the new event is not kept (the caller says so to the member).
   */
  add(event: MutualEnvelope): boolean {
    // Already here (parked before the send path loaded, and read back with the outbox): it makes
    // no room, or the oldest press would go for one that was never missing.
    if (this.events.size >= this.limit && !this.events.has(event.id)) {
      const oldest = [...this.events.values()].find((e) => !MEMBER_TEXT_TYPES.has(e.type));
      if (!oldest) {
        warnOnce(
          'outbox-texts',
          `Mutual: the outbox is full of unsent texts (${this.limit}); a new event was not kept. Is the endpoint reachable?`,
        );
        return false;
      }
      warnOnce(
        'outbox-full',
        `Mutual: the outbox is full (${this.limit} unsent events); dropped the oldest reactions and views. Is the endpoint reachable?`,
      );
      this.remove([oldest.id]);
    }
    this.events.set(event.id, event);
    this.stored(event);
    return true;
  }
  remove(ids: Iterable<string>): void {
    for (const id of ids) if (this.events.delete(id)) this.removed(id);
  }
  reload(): void {}
  protected stored(_event: MutualEnvelope): void {}
  protected removed(_id: string): void {}
}

/**
 * Durable outbox in `localStorage`, one key per event: adding or acknowledging an event is one
 * small synchronous write (crash-safe, cheap with thousands queued), readable during `pagehide`.
 * Events another page left behind are picked up when the outbox is created (the next page load).
 */
export class StorageOutbox extends MemoryOutbox {
  readonly #prefix: string;
  constructor(endpoint: string, limit = OUTBOX_LIMIT) {
    super(limit);
    this.#prefix = DeviceKeys.outbox(endpoint, '');
    this.reload();
  }
  override reload(): void {
    // Runs before every send: events already in memory are not parsed again.
    const found = new Map<string, MutualEnvelope>();
    for (const key of deviceKeys(this.#prefix)) {
      const id = key.slice(this.#prefix.length);
      const known = this.events.get(id);
      if (known) {
        found.set(id, known);
        continue;
      }
      const raw = readItem(key);
      let event: MutualEnvelope | undefined;
      try {
        event = JSON.parse(raw!) as MutualEnvelope;
      } catch {
        /* not JSON: damaged */
      }
      // What was tampered with (or cut short) is set aside, never sent, and never stops the rest.
      if (
        !event ||
        typeof event !== 'object' ||
        event.id !== id ||
        typeof event.type !== 'string' ||
        typeof event.time !== 'string'
      ) {
        warnOnce(
          'outbox-damaged',
          'Mutual: a damaged entry in the outbox on this device was set aside (mutual:damaged:…).',
        );
        if (raw !== null) writeItem(`damaged:${key}`, raw);
        writeItem(key, undefined);
        continue;
      }
      found.set(id, event);
    }
    // Handed to an earlier page's exit delivery: a reaction or view counts as delivered (a receiver
    // that does not deduplicate would count it twice); a member's words are sent again, to be sure.
    for (const [id, e] of found) {
      if (readItem(DeviceKeys.handed(id)) === null) continue;
      writeItem(DeviceKeys.handed(id), undefined);
      if (MEMBER_TEXT_TYPES.has(e.type)) continue;
      writeItem(this.#prefix + id, undefined);
      found.delete(id);
    }
    for (const id of this.events.keys()) if (!found.has(id) && this.#persisted) this.events.delete(id);
    for (const e of [...found.values()].sort((a, b) => a.time.localeCompare(b.time)))
      if (!this.events.has(e.id)) this.events.set(e.id, e);
  }
  /** False while storage refuses writes: then memory is all there is, and nothing is dropped on reload. */
  #persisted = true;
  protected override stored(event: MutualEnvelope): void {
    this.#persisted = writeItem(this.#prefix + event.id, JSON.stringify(event));
    if (!this.#persisted) {
      warnOnce(
        'outbox-storage',
        'Mutual: could not write the outbox to localStorage; unsent events are kept in memory only.',
      );
    }
  }
  protected override removed(id: string): void {
    writeItem(this.#prefix + id, undefined);
  }
}
