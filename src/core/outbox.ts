import type { MutualEnvelope } from './envelope.js';
import { deviceKeys, readItem, writeItem } from './device-storage.js';
import { warnOnce } from './warn.js';

/** Where unacknowledged events wait. Kept small and synchronous so `pagehide` can read it. */
export interface Outbox {
  all(): MutualEnvelope[];
  has(id: string): boolean;
  readonly size: number;
  add(event: MutualEnvelope): void;
  remove(ids: Iterable<string>): void;
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
  add(event: MutualEnvelope): void {
    this.events.set(event.id, event);
    this.stored(event);
    if (this.events.size > this.limit) {
      const dropped = [...this.events.keys()].slice(0, this.events.size - this.limit);
      warnOnce('outbox-full', `Mutual: the outbox is full (${this.limit} unsent events); dropped the oldest. Is the endpoint reachable?`);
      this.remove(dropped);
    }
  }
  remove(ids: Iterable<string>): void {
    for (const id of ids) if (this.events.delete(id)) this.removed(id);
  }
  protected stored(_event: MutualEnvelope): void {}
  protected removed(_id: string): void {}
}

/**
 * Durable outbox in `localStorage`, one key per event: adding or acknowledging an event is one
 * small synchronous write (crash-safe, cheap with thousands queued), readable during `pagehide`.
 * Events another page left behind are picked up when the outbox is created (the next page load).
 */
export class StorageOutbox extends MemoryOutbox {
  private readonly prefix: string;
  constructor(endpoint: string, limit = OUTBOX_LIMIT) {
    super(limit);
    this.prefix = `outbox:${endpoint}:`;
    const found: MutualEnvelope[] = [];
    for (const key of deviceKeys(this.prefix)) {
      try {
        found.push(JSON.parse(readItem(key)!) as MutualEnvelope);
      } catch {
        writeItem(key, undefined);
      }
    }
    for (const e of found.sort((a, b) => a.time.localeCompare(b.time))) this.events.set(e.id, e);
  }
  protected override stored(event: MutualEnvelope): void {
    if (!writeItem(this.prefix + event.id, JSON.stringify(event))) {
      warnOnce('outbox-storage', 'Mutual: could not write the outbox to localStorage; unsent events are kept in memory only.');
    }
  }
  protected override removed(id: string): void {
    writeItem(this.prefix + id, undefined);
  }
}
