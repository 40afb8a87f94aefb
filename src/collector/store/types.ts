import type { MutualEnvelope } from '../../core/protocol/envelope.js';
import type { Flag, ItemKind, ItemState } from '../moderation.js';

/** A member-written item as moderators see it. */
export interface QueueItem {
  seq: number;
  kind: ItemKind;
  state: ItemState;
  flags: Flag[];
  receivedAt: string;
  updatedAt: string;
  event: MutualEnvelope;
}

export type { AuditEntry } from '../../core/protocol/moderation.js';
import type { AuditEntry } from '../../core/protocol/moderation.js';

/** What a decision on many items did: the items it moved, and those it left as they were. */
export interface Decided {
  items: QueueItem[];
  conflicts: number[];
  missing: number[];
}

export interface InsertResult {
  accepted: number;
  duplicates: number;
  /** `taken`: a text whose public id another text already has (see `publicTextId`); not stored. */
  statuses: ('accepted' | 'duplicate' | 'taken')[];
  seqs: (number | null)[];
}

/** Decides, for each new event, whether it is a member-written item and how it starts. */
export type Classify = (event: MutualEnvelope) => { kind: ItemKind; state: ItemState; flags: Flag[] } | null;

export interface StoredEvent {
  seq: number;
  receivedAt: string;
  event: MutualEnvelope;
}

/**
 * What the collector needs from storage: the contract both stores keep (SQLite, the embedded
 * default; PostgreSQL for hosts that outgrow one machine), checked by tests/node/store-contract.test.ts.
 * Every method is async, so a store may live across a network.
 */
/** A member's text by its public id, with what proves its authorship (the stored hash of its author key). */
export interface OwnText {
  id: string;
  kind: ItemKind;
  state: ItemState;
  /** SHA-256 (hex) of the author key it was sent with; null for texts sent without one. */
  keyHash: string | null;
  /** The reason given when it was last hidden (a moderator's, as written), if any. */
  hideReason: string | null;
}

export interface InsertOptions {
  /** Also queue each accepted event to be forwarded (`--forward`). */
  forward?: boolean;
  /** By position: the notice an event causes if it is stored (not a duplicate), queued in the same transaction. */
  notices?: (MutualEnvelope | null)[];
  /** By position: the member (a hash of the host token's subject) who wrote each item, for graduated trust. */
  members?: (string | null)[];
}

export interface Store {
  /**
   * Inserts new events in one transaction; ids already stored (same source + id) are skipped. One
   * status per event, in order. `classify` makes member-written items enter moderation.
   */
  insert(events: MutualEnvelope[], classify?: Classify, options?: InsertOptions): Promise<InsertResult>;
  /**
   * The forward queue (`--forward`): accepted events waiting to be sent on, in the same
   * transaction as their insert, so the queue survives a restart. `due` gives those whose time has come.
   */
  forwardDue(now: number, limit: number): Promise<{ seq: number; attempts: number; event: MutualEnvelope }[]>;
  /** Sent on: out of the queue. */
  forwardDone(seq: number): Promise<void>;
  /** Not sent yet: try again at `nextAt` (ms). */
  forwardLater(seq: number, nextAt: number): Promise<void>;
  /**
   * The notify queue (`--notify`): moderation CloudEvents waiting for the host's URL. Attention
   * comes in with the insert that caused it (`InsertOptions.notices`); decisions through `noticeAdd`.
   */
  noticeAdd(notices: MutualEnvelope[]): Promise<void>;
  noticeDue(now: number, limit: number): Promise<{ id: number; attempts: number; event: MutualEnvelope }[]>;
  noticeDone(id: number): Promise<void>;
  noticeLater(id: number, nextAt: number): Promise<void>;
  /** Keeps at most `cap` waiting, setting aside the oldest non-urgent first; answers how many went. */
  noticeTrim(cap: number): Promise<number>;
  /** The moderation queue: flagged first, then newest; `cursor` is the last item's position from the previous page. */
  queue(query: {
    kind?: ItemKind;
    state?: ItemState;
    flagged?: boolean;
    cursor?: string;
    limit: number;
  }): Promise<{ items: QueueItem[]; next: string | null }>;
  item(seq: number): Promise<QueueItem | undefined>;
  /**
   * Moves an item to `state` and appends to the audit log (never rewritten). With `from`, only an item
   * still in that state moves: another one rejects with `code` `MUTUAL_CONFLICT` and nothing changes.
   */
  moderate(
    seq: number,
    state: ItemState,
    actor: string,
    action: string,
    reason: string,
    from?: ItemState,
  ): Promise<QueueItem | undefined>;
  /**
   * One decision on many items, in one transaction (a moderator's bulk action, or its undo). Each
   * item moves as `moderate` would move it alone; one decided meanwhile (not in `from` any more) stays
   * as it is and is named in `conflicts`, one that is gone in `missing`.
   */
  moderateMany(
    items: { seq: number; from?: ItemState }[],
    state: ItemState,
    actor: string,
    action: string,
    reason: string,
  ): Promise<Decided>;
  /**
   * `actor` is reviewing item `seq` until `until` (ms) — unless another moderator's claim is still running
   * at `now`. Answers whoever holds it afterwards.
   */
  claim(seq: number, actor: string, now: number, until: number): Promise<{ actor: string; until: number }>;
  /** The audit log in order; with `item`, that item's history only. */
  audit(query: { cursor?: number; limit: number; item?: number }): Promise<AuditEntry[]>;
  /** Appends to the audit log (a change of a member's trust, say): ids and actions only, never words. */
  appendAudit(entry: Omit<AuditEntry, 'seq' | 'at'>): Promise<void>;
  /** A member's standing: items approved since the last one hidden, and items hidden in all. */
  memberTrust(member: string): Promise<{ approved: number; hidden: number }>;
  /**
   * After a decision on an item its member wrote: approved counts one more, hidden starts them over
   * (pre-moderation again), and an approval undone (back to pending) counts one less. Answers the
   * member and their standing before and after, or null.
   */
  countDecision(
    seq: number,
    state: ItemState,
    previous: ItemState,
  ): Promise<{ member: string; before: number; after: number } | null>;
  /** Approved items of a kind, newest first. */
  approved(kind: ItemKind, limit: number): Promise<QueueItem[]>;
  /** Items waiting for review, per kind (the queue's tab counts): `{ story: { pending: 3 } }`. */
  queueCounts(): Promise<Record<string, Record<string, number>>>;
  /**
   * Published stories (approved `story.submitted` items), newest first, after `cursor` (an item
   * seq). `tag`/`topic` keep stories carrying it (tags or content warning); `exclude` drops
   * stories whose content warning names any of them.
   */
  published(query: {
    cursor?: number;
    limit: number;
    tag?: string;
    topic?: string;
    exclude?: string[];
  }): Promise<QueueItem[]>;
  /** How many stories `published` lists with these filters, over all pages (the feed's `aria-setsize`). */
  publishedTotal(query: { tag?: string; topic?: string; exclude?: string[] }): Promise<number>;
  /** Approved responses to a story, oldest first, after `cursor`; not those whose text retention removed. */
  responses(story: string, query: { cursor?: number; limit: number }): Promise<QueueItem[]>;
  /** Approved responses per story (still with their text). */
  responseCounts(stories: string[]): Promise<Record<string, number>>;
  /** Reports per story and reason. */
  /**
   * Reports per story and reason, counting only those since a moderator last approved or hid the story
   * (that resolves them), with the story's item and state (`null`: not a stored story).
   */
  reports(): Promise<
    { subject: string; reason: string; n: number; latest: string; item: number | null; state: ItemState | null }[]
  >;
  /** Events per UTC day and type since `from` (ISO date), with the check-in mood. Aggregates only. */
  /**
   * Items received since `from` (ISO): when each arrived, when a moderator first opened or decided it
   * (`null`: not yet), whether it still waits for review, and whether it was flagged for crisis language.
   */
  firstLooks(
    from: string,
  ): Promise<{ receivedAt: string; lookedAt: string | null; pending: boolean; crisis: boolean }[]>;
  daily(from: string): Promise<{ day: string; type: string; mood: number | null; n: number }[]>;
  /** Reaction counts for a subject: readers (reactor keys) whose latest event is `added`, per reaction. */
  counts(subject: string): Promise<Record<string, number>>;
  list(query: { since: number; limit: number; subject?: string; type?: string }): Promise<StoredEvent[]>;
  /**
   * Retention: removes the free texts (`data.text`, `data.hard`, `data.helped`) of events of these
   * types received before `before` (ISO time), marking them `data.redacted: true`; the events, and
   * so the counts and aggregates, stay. Returns how many events lost their texts.
   */
  redactTexts(types: string[], before: string): Promise<number>;
  /**
   * "Forget me" from a device: deletes the reactions of these reactor keys (the counts follow) and
   * these events when they are member texts still pending review; appends an audit entry with the
   * numbers only. Idempotent.
   */
  /**
   * `keys`: the hashes of the author keys the device holds. A text waiting for review is deleted
   * only when its own key is among them (its id alone proves nothing: ids of texts are public);
   * a check-in (never served, its id never public) is redacted by id.
   */
  forget(what: {
    reactors: string[];
    events: string[];
    keys?: string[];
  }): Promise<{ reactions: number; texts: number }>;
  /**
   * Its author takes a text down (`id`: a story's id, as served, or a response's, an
   * encouragement's, a tip's): the one submitted with this key (`keyHash`, SHA-256 hex of `data.authorKey`)
   * leaves moderation and is never served again, its words deleted in place; an audit entry
   * records it. `already` when it was taken down before (a retry); `unknown` when nothing has this
   * id and key.
   */
  withdraw(id: string, keyHash: string): Promise<'withdrawn' | 'already' | 'unknown'>;
  /**
   * These member texts (a story by the id it is served under, other texts by their own id): kind,
   * moderation state and the hash that proves who wrote it. Texts not found (taken down,
   * forgotten, never arrived) are left out. Only an answer to their author may say anything of them.
   */
  texts(ids: string[]): Promise<OwnText[]>;
  /** Counts one more showing to peers for each of these texts (encouragements), never who saw them. */
  countShown(ids: string[]): Promise<void>;
  /** How many times each text was shown to peers; texts never shown are left out. */
  shownCounts(ids: string[]): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** The retry queues' part of the contract (`--forward` and `--notify`), kept in a module of its own by each store. */
export type QueueMethods =
  | 'forwardDue'
  | 'forwardDone'
  | 'forwardLater'
  | 'noticeAdd'
  | 'noticeDue'
  | 'noticeDone'
  | 'noticeLater'
  | 'noticeTrim';
