import type { MutualEnvelope } from './envelope.js';
import { warnOnce } from './warn.js';

/** Where unacknowledged events wait. Kept small and synchronous so `pagehide` can read it. */
export interface Outbox {
  all(): MutualEnvelope[];
  add(event: MutualEnvelope): void;
  remove(ids: Iterable<string>): void;
}

export const OUTBOX_LIMIT = 1000;
/** Prefix of every key Mutual writes to `localStorage`; "forget me" removes all of them. */
export const STORAGE_PREFIX = 'mutual:';

/** The no-trace variant: nothing touches the device; lost on reload by design. */
export class MemoryOutbox implements Outbox {
  protected events: MutualEnvelope[] = [];
  constructor(protected readonly limit = OUTBOX_LIMIT) {}
  all(): MutualEnvelope[] {
    return [...this.events];
  }
  add(event: MutualEnvelope): void {
    this.events.push(event);
    const overflow = this.events.length - this.limit;
    if (overflow > 0) {
      const dropped = this.events.splice(0, overflow);
      warnOnce(
        'outbox-full',
        `Mutual: the outbox is full (${this.limit} unsent events); dropped the oldest (${dropped.map((e) => e.type).join(', ')}). Is the endpoint reachable?`,
      );
    }
    this.save();
  }
  remove(ids: Iterable<string>): void {
    const gone = new Set(ids);
    this.events = this.events.filter((e) => !gone.has(e.id));
    this.save();
  }
  protected save(): void {}
}

/**
 * Durable outbox in `localStorage` (synchronous, so it can be read during `pagehide`, and
 * shared between tabs; the collector deduplicates whatever two tabs both send).
 */
export class StorageOutbox extends MemoryOutbox {
  private readonly key: string;
  constructor(endpoint: string, limit = OUTBOX_LIMIT) {
    super(limit);
    this.key = `${STORAGE_PREFIX}outbox:${endpoint}`;
  }
  override all(): MutualEnvelope[] {
    this.load();
    return super.all();
  }
  override add(event: MutualEnvelope): void {
    this.load();
    super.add(event);
  }
  override remove(ids: Iterable<string>): void {
    this.load();
    super.remove(ids);
  }
  private load(): void {
    try {
      const raw = localStorage.getItem(this.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      this.events = Array.isArray(parsed) ? (parsed as MutualEnvelope[]) : [];
    } catch {
      // Storage blocked (privacy mode) or corrupt: keep what we have in memory.
    }
  }
  protected override save(): void {
    try {
      if (this.events.length) localStorage.setItem(this.key, JSON.stringify(this.events));
      else localStorage.removeItem(this.key);
    } catch {
      warnOnce('outbox-storage', 'Mutual: could not write the outbox to localStorage; unsent events are kept in memory only.');
    }
  }
}
