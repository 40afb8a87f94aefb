import { EventTypes } from '../../core/protocol/envelope.js';

/**
 * The tables both stores keep, written once: SQLite and PostgreSQL differ only in the words of a
 * `Dialect` (how a sequence, a large integer and JSON are spelled, and SQLite's `WITHOUT ROWID`).
 */
export interface Dialect {
  serial: string;
  integer: string;
  json: string;
  keyedOnly: string;
}

export const sqliteDialect: Dialect = {
  serial: 'INTEGER PRIMARY KEY AUTOINCREMENT',
  integer: 'INTEGER',
  json: 'TEXT',
  keyedOnly: ' WITHOUT ROWID',
};

export const postgresDialect: Dialect = {
  serial: 'BIGSERIAL PRIMARY KEY',
  integer: 'BIGINT',
  json: 'JSONB',
  keyedOnly: '',
};

/** What peers read of a member's text (`data.…`): deleted when its author takes it down. */
export const STORY_FIELDS = ['heading', 'text', 'author', 'tags', 'contentWarning'] as const;

/** Member texts taken down by their own id (a story by the id it is served under). */
export const WITHDRAWN_BY_ID: string[] = [
  EventTypes.storyResponse,
  EventTypes.checkinEncouragement,
  EventTypes.checkinTipShared,
];

/** Every member text peers may read: each has one public id, claimed once (see `text_ids`). */
export const TEXT_TYPES: string[] = [EventTypes.storySubmitted, ...WITHDRAWN_BY_ID];

/**
 * The id peers, take-downs and responses know a text by: a story's `subject` (a host's CMS id) or
 * else its event id; any other text's event id. `null` for events that are not texts.
 */
export const publicTextId = (e: { type: string; id: string; subject?: string | null }): string | null =>
  !TEXT_TYPES.includes(e.type) ? null : e.type === EventTypes.storySubmitted ? (e.subject ?? e.id) : e.id;

/** The same, in SQL over `events` (for the one-time backfill of `text_ids`). */
const PUBLIC_ID_SQL = `CASE WHEN type = '${EventTypes.storySubmitted}' THEN COALESCE(subject, id) ELSE id END`;

/**
 * Claims for the texts already stored when `text_ids` is new: the first text to use an id keeps it
 * (a later one that reused it could not take it down, nor the responses under it).
 */
export const BACKFILL_TEXT_IDS = `INSERT INTO text_ids (id, source, event)
  SELECT ${PUBLIC_ID_SQL}, source, id FROM events
  WHERE type IN (${TEXT_TYPES.map((t) => `'${t}'`).join(', ')}) ORDER BY seq
  ON CONFLICT DO NOTHING`;

const items = (seqs: number[]) => seqs.map((seq) => `#${seq}`).join(', ');

/** The audit line of a text its author took down; `responses`: the items hidden with it, by number, never by words. */
export const withdrawReason = (responses: number[]) =>
  `taken down by its author${responses.length ? `; ${responses.length} response(s) to it hidden with it: ${items(responses)}` : ''}`;

/** The audit line of a device's "Forget me": how many reactions, and every text it touched, by item number. */
export const forgetReason = (reactions: number, texts: number[]) =>
  `deleted at the member's request: reactions ${reactions}, texts ${texts.length}${texts.length ? ` (${items(texts)})` : ''}`;

export const tables = (d: Dialect): string[] => [
  `CREATE TABLE IF NOT EXISTS events (
     seq ${d.serial},
     id TEXT NOT NULL,
     source TEXT NOT NULL,
     type TEXT NOT NULL,
     subject TEXT,
     time TEXT NOT NULL,
     received_at TEXT NOT NULL,
     envelope TEXT NOT NULL,
     UNIQUE (source, id)
   )`,
  `CREATE INDEX IF NOT EXISTS events_subject ON events (subject, type)`,
  // Moderation: one row per member's text, its state and flags.
  `CREATE TABLE IF NOT EXISTS items (
     seq ${d.integer} PRIMARY KEY REFERENCES events (seq),
     kind TEXT NOT NULL,
     state TEXT NOT NULL,
     flags ${d.json} NOT NULL,
     flagged INTEGER NOT NULL,
     updated_at TEXT NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS items_queue ON items (state, kind, flagged DESC, seq DESC)`,
  // The audit log is never rewritten (each store adds the trigger that refuses it).
  `CREATE TABLE IF NOT EXISTS audit (
     seq ${d.serial},
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     item ${d.integer} NOT NULL,
     reason TEXT NOT NULL
   )`,
  // Reactions: each reader's latest state per subject and reaction (by their anonymous reactor
  // key), and the counts kept up to date as events arrive (read in O(1), never recomputed).
  `CREATE TABLE IF NOT EXISTS reactors (
     subject TEXT NOT NULL,
     reaction TEXT NOT NULL,
     reactor TEXT NOT NULL,
     active INTEGER NOT NULL,
     time TEXT NOT NULL,
     PRIMARY KEY (subject, reaction, reactor)
   )${d.keyedOnly}`,
  `CREATE TABLE IF NOT EXISTS reaction_counts (
     subject TEXT NOT NULL,
     reaction TEXT NOT NULL,
     n INTEGER NOT NULL,
     PRIMARY KEY (subject, reaction)
   )${d.keyedOnly}`,
  // Each text's public id, claimed by the first event (source, id) that used it: a stranger can
  // neither take an id that exists (and with it take-downs or the responses under it) nor reuse it.
  `CREATE TABLE IF NOT EXISTS text_ids (
     id TEXT PRIMARY KEY,
     source TEXT NOT NULL,
     event TEXT NOT NULL
   )`,
  // Accepted events waiting to be forwarded (--forward); survives a restart.
  `CREATE TABLE IF NOT EXISTS forward_queue (
     seq ${d.integer} PRIMARY KEY,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_at ${d.integer} NOT NULL
   )`,
  // Graduated trust (with host tokens): which member wrote an item (a hash of the token's subject),
  // and how many of their items moderators approved since the last one hidden.
  `CREATE TABLE IF NOT EXISTS item_members (
     seq ${d.integer} PRIMARY KEY,
     member TEXT NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS member_trust (
     member TEXT PRIMARY KEY,
     approved INTEGER NOT NULL DEFAULT 0,
     hidden INTEGER NOT NULL DEFAULT 0
   )`,
  // How many times each approved encouragement was shown to peers (by its id): a count, never who.
  `CREATE TABLE IF NOT EXISTS shown_counts (
     id TEXT PRIMARY KEY,
     n ${d.integer} NOT NULL
   )`,
  // Moderation CloudEvents waiting for the notify URL (--notify); survives a restart. `urgent`
  // (attention: crisis language, a report) is the last to be set aside when the queue is full.
  `CREATE TABLE IF NOT EXISTS notify_queue (
     id ${d.serial},
     envelope TEXT NOT NULL,
     urgent INTEGER NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_at ${d.integer} NOT NULL
   )`,
];

/** A moderation CloudEvent that must reach a person (crisis language, a report). */
export const isUrgentNotice = (type: string) => type === 'org.mutual.moderation.attention';
