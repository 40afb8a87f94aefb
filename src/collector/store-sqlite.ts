import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EventTypes, type MutualEnvelope } from '../core/envelope.js';

export interface StoredEvent {
  seq: number;
  receivedAt: string;
  event: MutualEnvelope;
}

/** What the collector needs from storage; SQLite here, room for Postgres later. */
export interface Store {
  /** Inserts new events in one transaction; ids already stored (same source + id) are skipped. One status per event, in order. */
  insert(events: MutualEnvelope[]): { accepted: number; duplicates: number; statuses: ('accepted' | 'duplicate')[] };
  /** Net reaction counts for a subject: added − removed per reaction, never below zero. */
  counts(subject: string): Record<string, number>;
  list(query: { since: number; limit: number; subject?: string; type?: string }): StoredEvent[];
  /** The newest events of one type, newest first. */
  recent(type: string, limit: number): StoredEvent[];
  close(): void;
}

export function createSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL,
      source TEXT NOT NULL,
      type TEXT NOT NULL,
      subject TEXT,
      time TEXT NOT NULL,
      received_at TEXT NOT NULL,
      envelope TEXT NOT NULL,
      UNIQUE (source, id)
    );
    CREATE INDEX IF NOT EXISTS events_subject ON events (subject, type);
  `);
  const insertOne = db.prepare(
    `INSERT OR IGNORE INTO events (id, source, type, subject, time, received_at, envelope)
     VALUES (@id, @source, @type, @subject, @time, @receivedAt, @envelope)`,
  );
  const insertMany = db.transaction((events: MutualEnvelope[]) => {
    const receivedAt = new Date().toISOString();
    let accepted = 0;
    const statuses: ('accepted' | 'duplicate')[] = [];
    for (const e of events) {
      const changes = insertOne.run({
        id: e.id,
        source: e.source,
        type: e.type,
        subject: e.subject ?? null,
        time: e.time,
        receivedAt,
        envelope: JSON.stringify(e),
      }).changes;
      accepted += changes;
      statuses.push(changes ? 'accepted' : 'duplicate');
    }
    return { accepted, duplicates: events.length - accepted, statuses };
  });
  const countQuery = db.prepare(
    `SELECT json_extract(envelope, '$.data.reaction') AS reaction,
            MAX(0, SUM(CASE type WHEN @added THEN 1 ELSE -1 END)) AS n
     FROM events WHERE subject = @subject AND type IN (@added, @removed)
     GROUP BY reaction HAVING reaction IS NOT NULL`,
  );
  const listQuery = db.prepare(
    `SELECT seq, received_at AS receivedAt, envelope FROM events
     WHERE seq > @since AND (@subject IS NULL OR subject = @subject) AND (@type IS NULL OR type = @type)
     ORDER BY seq LIMIT @limit`,
  );
  const recentQuery = db.prepare(
    `SELECT seq, received_at AS receivedAt, envelope FROM events WHERE type = @type ORDER BY seq DESC LIMIT @limit`,
  );
  const rowsToEvents = (rows: { seq: number; receivedAt: string; envelope: string }[]) =>
    rows.map((r) => ({ seq: r.seq, receivedAt: r.receivedAt, event: JSON.parse(r.envelope) as MutualEnvelope }));
  return {
    insert: (events) => insertMany(events),
    recent: (type, limit) => rowsToEvents(recentQuery.all({ type, limit }) as { seq: number; receivedAt: string; envelope: string }[]),
    counts(subject) {
      const rows = countQuery.all({ subject, added: EventTypes.reactionAdded, removed: EventTypes.reactionRemoved }) as {
        reaction: string;
        n: number;
      }[];
      return Object.fromEntries(rows.map((r) => [String(r.reaction), r.n]));
    },
    list({ since, limit, subject, type }) {
      return rowsToEvents(
        listQuery.all({ since, limit, subject: subject ?? null, type: type ?? null }) as { seq: number; receivedAt: string; envelope: string }[],
      );
    },
    close: () => db.close(),
  };
}
