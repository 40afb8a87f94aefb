import { EventTypes } from '../../core/protocol/envelope.js';
import { TEXT_TYPES } from './rules.js';

/**
 * The tables both stores keep, and how a database moves from one version of them to the next, written once:
 * SQLite and PostgreSQL differ only in the words of a `Dialect`.
 */
export interface Dialect {
  serial: string;
  integer: string;
  json: string;
  /** SQLite's `WITHOUT ROWID`. */
  keyedOnly: string;
  /** An event's `data.reaction`, as text. */
  reaction: string;
  /** The larger of two values. */
  greatest: string;
  /** What only this store has: the audit log's append-only triggers, its own indexes. */
  extras: string[];
}

const APPEND_ONLY = `'the audit log is append-only'`;

export const sqliteDialect: Dialect = {
  serial: 'INTEGER PRIMARY KEY AUTOINCREMENT',
  integer: 'INTEGER',
  json: 'TEXT',
  keyedOnly: ' WITHOUT ROWID',
  reaction: `json_extract(envelope, '$.data.reaction')`,
  greatest: 'MAX',
  extras: [
    // The queue's tab counts, kept as items come, move and go (a GROUP BY grew with the queue).
    `CREATE TRIGGER IF NOT EXISTS items_pending_added AFTER INSERT ON items WHEN NEW.state = 'pending' BEGIN
       INSERT INTO pending_counts (kind, n) VALUES (NEW.kind, 1) ON CONFLICT (kind) DO UPDATE SET n = n + 1; END`,
    `CREATE TRIGGER IF NOT EXISTS items_pending_moved AFTER UPDATE OF state, kind ON items
       WHEN OLD.state = 'pending' OR NEW.state = 'pending' BEGIN
       UPDATE pending_counts SET n = n - 1 WHERE OLD.state = 'pending' AND kind = OLD.kind;
       INSERT INTO pending_counts (kind, n) SELECT NEW.kind, 1 WHERE NEW.state = 'pending' ON CONFLICT (kind) DO UPDATE SET n = n + 1; END`,
    `CREATE TRIGGER IF NOT EXISTS items_pending_gone AFTER DELETE ON items WHEN OLD.state = 'pending' BEGIN
       UPDATE pending_counts SET n = n - 1 WHERE kind = OLD.kind; END`,
    `CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, ${APPEND_ONLY}); END`,
    `CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, ${APPEND_ONLY}); END`,
  ],
};

export const postgresDialect: Dialect = {
  serial: 'BIGSERIAL PRIMARY KEY',
  integer: 'BIGINT',
  json: 'JSONB',
  keyedOnly: '',
  reaction: `envelope::json #>> '{data,reaction}'`,
  greatest: 'GREATEST',
  extras: [
    `CREATE INDEX IF NOT EXISTS events_type ON events (type, seq)`,
    // The queue's tab counts, kept as items come, move and go (a GROUP BY grew with the queue).
    `CREATE OR REPLACE FUNCTION mutual_pending_count() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'UPDATE' AND OLD.state = NEW.state AND OLD.kind = NEW.kind THEN RETURN NULL; END IF;
       IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.state = 'pending' THEN
         UPDATE pending_counts SET n = n - 1 WHERE kind = OLD.kind;
       END IF;
       IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.state = 'pending' THEN
         INSERT INTO pending_counts (kind, n) VALUES (NEW.kind, 1) ON CONFLICT (kind) DO UPDATE SET n = pending_counts.n + 1;
       END IF;
       RETURN NULL;
     END $$`,
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'items_pending_count' AND tgrelid = 'items'::regclass) THEN
         CREATE TRIGGER items_pending_count AFTER INSERT OR UPDATE OF state, kind OR DELETE ON items
           FOR EACH ROW EXECUTE FUNCTION mutual_pending_count();
       END IF;
     END $$`,
    `CREATE OR REPLACE FUNCTION mutual_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION ${APPEND_ONLY}; END $$`,
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'audit_append_only' AND tgrelid = 'audit'::regclass) THEN
         CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION mutual_audit_append_only();
       END IF;
     END $$`,
  ],
};

/** The same, in SQL over `events` (for the one-time backfill of `text_ids`). */
const PUBLIC_ID_SQL = `CASE WHEN type = '${EventTypes.storySubmitted}' THEN COALESCE(subject, id) ELSE id END`;

/**
 * Claims for the texts already stored when `text_ids` is new: the first text to use an id keeps it
 * (a later one that reused it could not take it down, nor the responses under it).
 */
const BACKFILL_TEXT_IDS = `INSERT INTO text_ids (id, source, event)
  SELECT ${PUBLIC_ID_SQL}, source, id FROM events
  WHERE type IN (${TEXT_TYPES.map((t) => `'${t}'`).join(', ')}) ORDER BY seq
  ON CONFLICT DO NOTHING`;

const tables = (d: Dialect): string[] => [
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
  // What waits first, whatever its kind (the queue opens on it).
  `CREATE INDEX IF NOT EXISTS items_waiting ON items (state, flagged DESC, seq DESC)`,
  // The audit log is never rewritten (each store adds the trigger that refuses it).
  `CREATE TABLE IF NOT EXISTS audit (
     seq ${d.serial},
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     item ${d.integer} NOT NULL,
     reason TEXT NOT NULL
   )`,
  // An item's history (…/items/SEQ/history, and why its writer's text was not published).
  `CREATE INDEX IF NOT EXISTS audit_item ON audit (item, seq)`,
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
  // Which moderator is reviewing an item, until when (ms): two moderators do not work one item at once.
  `CREATE TABLE IF NOT EXISTS claims (
     seq ${d.integer} PRIMARY KEY,
     actor TEXT NOT NULL,
     until ${d.integer} NOT NULL
   )`,
  // Items waiting for review per kind, kept by each store's triggers on `items`.
  `CREATE TABLE IF NOT EXISTS pending_counts (
     kind TEXT PRIMARY KEY,
     n ${d.integer} NOT NULL
   )`,
  // When a moderator first opened or decided an item (ms-precise ISO time): the pulse's time to a first look.
  `CREATE TABLE IF NOT EXISTS first_looks (
     seq ${d.integer} PRIMARY KEY,
     at TEXT NOT NULL
   )`,
  // The schema's version (see `migrations`): one row.
  `CREATE TABLE IF NOT EXISTS mutual_schema (version INTEGER NOT NULL)`,
];

/**
 * What a database needs beyond its tables, by the version that brings it. Tables and columns only ever
 * come as new `CREATE … IF NOT EXISTS` in `tables`; a step is the data a new table starts from.
 */
const STEPS: { version: number; sql: (d: Dialect) => string }[] = [
  {
    // Counts kept as reactions arrive: a database from before them starts from its events (added − removed).
    version: 2,
    sql: (d) => `INSERT INTO reaction_counts (subject, reaction, n)
      SELECT subject, ${d.reaction}, ${d.greatest}(0, SUM(CASE type WHEN '${EventTypes.reactionAdded}' THEN 1 ELSE -1 END))
      FROM events WHERE type IN ('${EventTypes.reactionAdded}', '${EventTypes.reactionRemoved}')
        AND subject IS NOT NULL AND ${d.reaction} IS NOT NULL
      GROUP BY subject, ${d.reaction}
      ON CONFLICT DO NOTHING`,
  },
  { version: 3, sql: () => BACKFILL_TEXT_IDS },
  {
    // The queue's counts, kept from now on: a database from before them starts from its items.
    version: 4,
    sql: () => `INSERT INTO pending_counts (kind, n)
      SELECT kind, COUNT(*) FROM items WHERE state = 'pending' GROUP BY kind ON CONFLICT DO NOTHING`,
  },
];

/** The version this collector writes, and the newest it can read. */
export const SCHEMA_VERSION = 4;

/** What a store found in its database before it created anything. */
export interface Found {
  /** `mutual_schema`'s version; `null` without one. */
  version: number | null;
  hadCounts: boolean;
  hadTextIds: boolean;
}

/** A database that a newer collector wrote: this one would misread it (`message` is one plain sentence). */
export class SchemaTooNewError extends Error {}

/**
 * The statements that bring a database to `SCHEMA_VERSION`, in order. A database without a version (or
 * with 1, which collectors wrote before versions meant anything) is placed by the tables it had.
 */
export function migrations(d: Dialect, found: Found): string[] {
  const from =
    found.version !== null && found.version > 1 ? found.version : !found.hadCounts ? 1 : !found.hadTextIds ? 2 : 3;
  if (from > SCHEMA_VERSION)
    throw new SchemaTooNewError(
      `was written by a newer Mutual collector (schema ${from}; this one reads up to ${SCHEMA_VERSION}): upgrade the collector`,
    );
  const steps = STEPS.filter((s) => s.version > from).map((s) => s.sql(d));
  const stamp =
    found.version === SCHEMA_VERSION
      ? []
      : ['DELETE FROM mutual_schema', `INSERT INTO mutual_schema (version) VALUES (${SCHEMA_VERSION})`];
  return [...tables(d), ...d.extras, ...steps, ...stamp];
}
