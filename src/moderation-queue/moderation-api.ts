import type { AuditEntry } from '../core/protocol/moderation.js';
export type Kind = 'response' | 'encouragement' | 'tip' | 'story';
export interface Item {
  seq: number;
  kind: Kind;
  state: 'pending' | 'approved' | 'hidden';
  flags: string[];
  receivedAt: string;
  subject: string | null;
  text: string;
  /** The event's data as the member sent it (a story's name, topics and content warnings are in it). */
  data?: Record<string, unknown>;
}
export interface ReportedStory {
  subject: string;
  total: number;
  worried: number;
  reasons: Record<string, number>;
  latest: string;
  markedForReview: boolean;
  /** The story's item in the queue, and its state (`null`: no stored story by that id). */
  item: number | null;
  state: Item['state'] | null;
}
/** One decision in an item's history. */
export type HistoryEntry = AuditEntry;
export type Bucket = number | '<5';
export interface PulseDay {
  day: string;
  checkins: Bucket;
  moods: Record<'1' | '2' | '3' | '4' | '5', Bucket>;
  reactions: Bucket;
  responses: Bucket;
  reports: Bucket;
  crisisShown: Bucket;
}
/** How soon moderators first looked at one week's items (seconds). */
export interface LookTimes {
  looked: number;
  waiting: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}
export type FirstLook = Record<'all' | 'crisis', Record<'thisWeek' | 'lastWeek', LookTimes>>;
export interface Page {
  items: Item[];
  next: string | null;
  counts: Partial<Record<Kind, Partial<Record<Item['state'], number>>>>;
  /** The host's reasons a moderator may give when hiding (the writer is told what each means). */
  hideReasons?: string[];
}

/** The page once `decided` have left it (each was waiting: its kind's count of pending falls by one). */
export function withoutDecided(page: Page, decided: Item[]): Page {
  const counts = { ...page.counts };
  for (const { kind } of decided)
    counts[kind] = { ...counts[kind], pending: Math.max(0, (counts[kind]?.pending ?? 1) - 1) };
  return { ...page, items: page.items.filter((i) => !decided.includes(i)), counts };
}

/**
 * Talks to the collector's moderation API for one element: the token travels only in the
 * `Authorization` header, is held in memory and never written to the device or a URL.
 */
export class ModerationApi {
  constructor(private readonly options: { endpoint: () => string | null; token: () => string | undefined }) {}

  /** Whether there is a token to ask with (the element's, else the provider's). */
  get hasToken(): boolean {
    return !!this.options.token();
  }

  #url(path: string): URL {
    const endpoint = this.options.endpoint();
    if (!endpoint) throw new Error('no endpoint');
    const base = new URL(endpoint, location.href);
    base.search = '';
    return new URL(`${base.pathname.replace(/\/$/, '')}/moderation${path}`, base);
  }

  async #call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const token = this.options.token();
    if (!token) throw Object.assign(new Error('no token'), { status: 401 });
    const res = await fetch(this.#url(path), {
      ...init,
      credentials: 'omit',
      redirect: 'error',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    if (!res.ok) {
      const answer = (await res.json().catch(() => null)) as Record<string, unknown> | null;
      throw Object.assign(new Error(`${res.status}`), { status: res.status, answer });
    }
    return (await res.json()) as T;
  }

  queue(kind: Kind, cursor?: string | null): Promise<Page> {
    return this.#call(
      `/queue?state=pending&kind=${kind}&limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
  }

  /** The kind of what a moderator should see first: the first item waiting, flagged first (none: nothing waits). */
  async firstWaiting(): Promise<Kind | undefined> {
    return (await this.#call<Page>('/queue?state=pending&limit=1')).items[0]?.kind;
  }

  /** Reports grouped by story, "worried about the writer" first. */
  reports(): Promise<{ stories: ReportedStory[]; threshold: number }> {
    return this.#call('/reports');
  }

  /** The community pulse: per-day aggregates (buckets under 5 arrive as "<5"), and the time to a first look. */
  pulse(days: number): Promise<{ days: PulseDay[]; hiddenBelow: number; firstLook?: FirstLook }> {
    return this.#call(`/pulse?days=${days}`);
  }

  /**
   * A decision, made from the state the moderator saw (`from`): if another moderator decided first, it
   * rejects with status 409 and `answer.by` / `answer.state`, and nothing changed.
   */
  act(seq: number, action: 'approve' | 'hide' | 'restore', from: Item['state'], reason = ''): Promise<Item> {
    return this.#call(`/items/${seq}`, { method: 'POST', body: JSON.stringify({ action, reason, from }) });
  }

  /**
   * One decision on a selection, each item from the state the moderator saw: the answer names those
   * decided meanwhile by another moderator (`conflicts`) and those their writers took back (`gone`).
   */
  actMany(
    action: 'approve' | 'hide' | 'restore',
    items: { seq: number; from: Item['state'] }[],
    reason = '',
  ): Promise<{ items: Item[]; conflicts: { seq: number; by: string | null }[]; gone: number[] }> {
    return this.#call('/items', { method: 'POST', body: JSON.stringify({ action, reason, items }) });
  }

  /** Opening an item claims it for a while; answers who is reviewing it (`mine`: this moderator). */
  claim(seq: number): Promise<{ reviewing: string; mine: boolean }> {
    return this.#call(`/items/${seq}/claim`, { method: 'POST' });
  }

  /** One item's audit trail, oldest first. */
  async history(seq: number): Promise<HistoryEntry[]> {
    return (await this.#call<{ entries: HistoryEntry[] }>(`/items/${seq}/history`)).entries;
  }
}
