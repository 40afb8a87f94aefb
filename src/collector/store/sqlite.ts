import type Database from 'better-sqlite3';
import { EventTypes, type MutualEnvelope } from '../../core/protocol/envelope.js';
import type { Classify, InsertOptions, OwnText, Store } from './types.js';
import {
  forgetReason,
  publicTextId,
  queueCursor,
  STORY_FIELDS,
  toItem,
  withdrawReason,
  WITHDRAWN_BY_ID,
  type ItemRow,
} from './rules.js';
import { migrate, open } from './sqlite-open.js';
import { sqliteDecisions } from './sqlite-decisions.js';
import { sqliteInsights } from './sqlite-insights.js';
import { sqliteQueues } from './sqlite-queues.js';
import { sqliteReactions } from './sqlite-reactions.js';
import { sqliteTrust } from './sqlite-trust.js';
import { createWriter, WRITES, type WriterLike } from './sqlite-thread.js';

export { StoreOpenError } from './sqlite-open.js';

/** The contract's methods, answered synchronously (better-sqlite3 is synchronous). */
export type SyncStore = { [K in keyof Store]: (...args: Parameters<Store[K]>) => Awaited<ReturnType<Store[K]>> };

/** A way to commit many writes at once (the writer thread's group commit); not part of the store contract. */
export interface Grouping {
  /** Runs store calls in one transaction, each in a savepoint of its own: one that throws leaves the others' writes. */
  group(calls: (() => unknown)[]): ({ result: unknown } | { error: unknown })[];
}

/** The store over one connection, answering synchronously: the reader on the main thread, the writer in its thread. */
export function createSyncSqliteStore(file: string): SyncStore & Grouping {
  const db = open(file);
  migrate(db);
  const claimId = db.prepare(`INSERT INTO text_ids (id, source, event) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`);
  const claimOf = db.prepare(`SELECT source, event FROM text_ids WHERE id = ?`);
  const insertItem = db.prepare(
    `INSERT INTO items (seq, kind, state, flags, flagged, updated_at) VALUES (@seq, @kind, @state, @flags, @flagged, @at)`,
  );
  const itemColumns = `i.seq, i.kind, i.state, i.flags, i.updated_at AS updatedAt, e.received_at AS receivedAt, e.envelope`;
  // One statement per set of filters, so that each uses its index ("@kind IS NULL OR …" would defeat it),
  // and the cursor as a row value: the page starts where the index already is, whatever its depth.
  const queueQueries = new Map<string, Database.Statement>();
  const queueQuery = (where: string[]) => {
    const key = where.join(' AND ');
    let statement = queueQueries.get(key);
    if (!statement) {
      statement = db.prepare(
        `SELECT ${itemColumns} FROM items i JOIN events e ON e.seq = i.seq
         ${where.length ? `WHERE ${key}` : ''} ORDER BY i.flagged DESC, i.seq DESC LIMIT @limit`,
      );
      queueQueries.set(key, statement);
    }
    return statement;
  };
  const itemQuery = db.prepare(`SELECT ${itemColumns} FROM items i JOIN events e ON e.seq = i.seq WHERE i.seq = ?`);
  const approvedQuery = db.prepare(
    `SELECT ${itemColumns} FROM items i JOIN events e ON e.seq = i.seq WHERE i.kind = @kind AND i.state = 'approved' ORDER BY i.seq DESC LIMIT @limit`,
  );
  const countsQuery = db.prepare(`SELECT kind, n FROM pending_counts WHERE n > 0`);
  const inList = (path: string, param: string) =>
    `EXISTS (SELECT 1 FROM json_each(json_extract(e.envelope, '${path}')) WHERE lower(value) = ${param})`;
  // Without topics to exclude (the feed's usual ask), no row's envelope is parsed for them: that
  // parse, on every published story, was most of the first page's time at 5,000 stories.
  const publishedWhere = `i.kind = 'story' AND i.state = 'approved'
       AND (@tag IS NULL OR ${inList('$.data.tags', '@tag')})
       AND (@topic IS NULL OR ${inList('$.data.tags', '@topic')} OR ${inList('$.data.contentWarning', '@topic')})
       AND (@exclude = '[]' OR NOT EXISTS (SELECT 1 FROM json_each(json_extract(e.envelope, '$.data.contentWarning')) w, json_each(@exclude) x WHERE lower(w.value) = x.value))`;
  const publishedQuery = db.prepare(
    `SELECT ${itemColumns} FROM items i JOIN events e ON e.seq = i.seq
     WHERE ${publishedWhere} AND (@cursor IS NULL OR i.seq < @cursor)
     ORDER BY i.seq DESC LIMIT @limit`,
  );
  const publishedTotalQuery = db.prepare(
    `SELECT COUNT(*) AS n FROM items i JOIN events e ON e.seq = i.seq WHERE ${publishedWhere}`,
  );
  const filters = ({ tag, topic, exclude = [] }: { tag?: string; topic?: string; exclude?: string[] }) => ({
    tag: tag?.toLowerCase() ?? null,
    topic: topic?.toLowerCase() ?? null,
    exclude: JSON.stringify(exclude.map((x) => x.toLowerCase())),
  });
  const responsesQuery = db.prepare(
    `SELECT ${itemColumns} FROM items i JOIN events e ON e.seq = i.seq
     WHERE i.kind = 'response' AND i.state = 'approved' AND e.subject = @story AND i.seq > @cursor
       AND json_extract(e.envelope, '$.data.redacted') IS NULL ORDER BY i.seq LIMIT @limit`,
  );
  const responseCountQuery = db.prepare(
    `SELECT e.subject AS story, COUNT(*) AS n FROM items i JOIN events e ON e.seq = i.seq
     WHERE i.kind = 'response' AND i.state = 'approved' AND e.subject IN (SELECT value FROM json_each(@stories))
       AND json_extract(e.envelope, '$.data.redacted') IS NULL GROUP BY e.subject`,
  );
  const insertOne = db.prepare(
    `INSERT OR IGNORE INTO events (id, source, type, subject, time, received_at, envelope)
     VALUES (@id, @source, @type, @subject, @time, @receivedAt, @envelope)`,
  );
  const reactionsOf = sqliteReactions(db);
  const queues = sqliteQueues(db);
  const decisions = sqliteDecisions(db, (seq) => itemQuery.get(seq) as ItemRow | undefined);
  const trust = sqliteTrust(db);
  const insertMany = db.transaction((events: MutualEnvelope[], classify?: Classify, options: InsertOptions = {}) => {
    const { forward = false, notices, members } = options;
    const receivedAt = new Date().toISOString();
    let accepted = 0;
    const statuses: ('accepted' | 'duplicate' | 'taken')[] = [];
    const seqs: (number | null)[] = [];
    for (const [i, e] of events.entries()) {
      const publicId = publicTextId(e);
      if (publicId !== null) {
        claimId.run(publicId, e.source, e.id);
        const claim = claimOf.get(publicId) as { source: string; event: string };
        if (claim.source !== e.source || claim.event !== e.id) {
          statuses.push('taken');
          seqs.push(null);
          continue;
        }
      }
      const inserted = insertOne.run({
        id: e.id,
        source: e.source,
        type: e.type,
        subject: e.subject ?? null,
        time: e.time,
        receivedAt,
        envelope: JSON.stringify(e),
      });
      const changes = inserted.changes;
      accepted += changes;
      statuses.push(changes ? 'accepted' : 'duplicate');
      seqs.push(changes ? Number(inserted.lastInsertRowid) : null);
      if (changes && (e.type === EventTypes.reactionAdded || e.type === EventTypes.reactionRemoved))
        reactionsOf.react(e);
      if (changes && forward) queues.enqueueForward(Number(inserted.lastInsertRowid));
      const notice = changes ? notices?.[i] : null;
      if (notice) queues.addNotice(notice);
      const item = changes ? classify?.(e) : null;
      const member = item ? members?.[i] : null;
      if (member) trust.addItemMember(Number(inserted.lastInsertRowid), member);
      if (item) {
        insertItem.run({
          seq: Number(inserted.lastInsertRowid),
          kind: item.kind,
          state: item.state,
          flags: JSON.stringify(item.flags),
          flagged: item.flags.length ? 1 : 0,
          at: receivedAt,
        });
      }
    }
    return { accepted, duplicates: statuses.filter((st) => st === 'duplicate').length, statuses, seqs };
  });
  const listQuery = db.prepare(
    `SELECT seq, received_at AS receivedAt, envelope FROM events
     WHERE seq > @since AND (@subject IS NULL OR subject = @subject) AND (@type IS NULL OR type = @type)
     ORDER BY seq LIMIT @limit`,
  );
  // A text redacted in place (--retain-texts, and a check-in that "Forget me" names): its words go,
  // the event stays, marked; only events that still have words.
  const redact = `UPDATE events SET envelope = json_set(json_remove(envelope, '$.data.text', '$.data.hard', '$.data.helped'), '$.data.redacted', json('true'))
     WHERE json_extract(envelope, '$.data.redacted') IS NULL
       AND (json_extract(envelope, '$.data.text') IS NOT NULL OR json_extract(envelope, '$.data.hard') IS NOT NULL OR json_extract(envelope, '$.data.helped') IS NOT NULL)`;
  const redactQuery = db.prepare(
    `${redact} AND type IN (SELECT value FROM json_each(@types)) AND received_at < @before`,
  );
  const pendingText = db.prepare(
    `SELECT e.seq FROM events e JOIN items i ON i.seq = e.seq WHERE e.id = @id AND i.state = 'pending'
       AND json_extract(e.envelope, '$.data.authorKey') IN (SELECT value FROM json_each(@keys))`,
  );
  // A check-in is never served, so never queued: its private words are redacted in place (the mood
  // stays in the counts, as with --retain-texts).
  const redactCheckIn = db.prepare(`${redact} AND id = @id AND type = @type RETURNING seq`);
  const dropItem = db.prepare(`DELETE FROM items WHERE seq = ?`);
  const dropEvent = db.prepare(`DELETE FROM events WHERE seq = ?`);
  const forgetTx = db.transaction(
    ({ reactors, events, keys = [] }: { reactors: string[]; events: string[]; keys?: string[] }) => {
      let reactions = 0;
      const texts: number[] = [];
      for (const reactor of reactors) reactions += reactionsOf.forgetReactor(reactor);
      for (const id of events) {
        for (const { seq } of pendingText.all({ id, keys: JSON.stringify(keys) }) as { seq: number }[]) {
          dropItem.run(seq);
          if (dropEvent.run(seq).changes) texts.push(seq);
        }
        for (const { seq } of redactCheckIn.all({ id, type: EventTypes.checkinSubmitted }) as { seq: number }[])
          texts.push(seq);
      }
      if (reactions || texts.length)
        decisions.appendAudit({
          at: new Date().toISOString(),
          actor: 'member-device',
          action: 'forget',
          item: 0,
          reason: forgetReason(reactions, texts),
        });
      return { reactions, texts: texts.length };
    },
  );
  // Exactly the text that holds the id, and only with its key.
  const ownText = db.prepare(
    `SELECT e.seq, e.type FROM text_ids t JOIN events e ON e.source = t.source AND e.id = t.event
     WHERE t.id = @id AND json_extract(e.envelope, '$.data.authorKey') = @key`,
  );
  // Everything of the text that peers read goes; the key's hash stays, so a retry is recognised.
  const redactStory = db.prepare(
    `UPDATE events SET envelope = json_set(json_remove(envelope, ${STORY_FIELDS.map((f) => `'$.data.${f}'`).join(', ')}), '$.data.redacted', json('true'))
     WHERE seq = ?`,
  );
  // A story's responses answer words no one can read any more: hidden with it (not deleted: they
  // are other members' words, and a moderator can still see them).
  const hideResponsesTo = db.prepare(
    `UPDATE items SET state = 'hidden', updated_at = @at
     WHERE kind = 'response' AND state <> 'hidden'
       AND seq IN (SELECT seq FROM events WHERE type = @type AND subject = @story) RETURNING seq`,
  );
  const withdrawTx = db.transaction((id: string, key: string) => {
    const row = ownText.get({ id, key }) as { seq: number; type: string } | undefined;
    if (!row) return 'unknown' as const;
    redactStory.run(row.seq);
    if (!dropItem.run(row.seq).changes) return 'already' as const;
    const at = new Date().toISOString();
    const hidden =
      row.type === EventTypes.storySubmitted
        ? (hideResponsesTo.all({ at, type: EventTypes.storyResponse, story: id }) as { seq: number }[])
            .map((r) => r.seq)
            .sort((a, b) => a - b)
        : [];
    decisions.appendAudit({
      at,
      actor: 'member-device',
      action: 'withdraw',
      item: row.seq,
      reason: withdrawReason(hidden),
    });
    return 'withdrawn' as const;
  });
  const textsQuery = db.prepare(
    `SELECT CASE WHEN e.type = @story THEN COALESCE(e.subject, e.id) ELSE e.id END AS id, i.kind, i.state,
            json_extract(e.envelope, '$.data.authorKey') AS keyHash,
            (SELECT a.reason FROM audit a WHERE a.item = i.seq AND a.action = 'hide' ORDER BY a.seq DESC LIMIT 1) AS hideReason
     FROM events e JOIN items i ON i.seq = e.seq
     WHERE (e.type = @story AND COALESCE(e.subject, e.id) IN (SELECT value FROM json_each(@ids)))
        OR (e.type IN (SELECT value FROM json_each(@byId)) AND e.id IN (SELECT value FROM json_each(@ids)))`,
  );
  const countShownQuery = db.prepare(
    `INSERT INTO shown_counts (id, n) VALUES (?, 1) ON CONFLICT (id) DO UPDATE SET n = n + 1`,
  );
  const shownQuery = db.prepare(`SELECT id, n FROM shown_counts WHERE id IN (SELECT value FROM json_each(?))`);
  /**
   * After words were deleted: the write-ahead log is folded into the file and emptied, so the old
   * pages that held them are gone from the -wal file too (secure_delete zeroes them in the file).
   */
  const scrubbed = <R>(result: R, deleted: (r: R) => boolean): R => {
    if (deleted(result)) db.pragma('wal_checkpoint(TRUNCATE)');
    return result;
  };
  const rowsToEvents = (rows: { seq: number; receivedAt: string; envelope: string }[]) =>
    rows.map((r) => ({ seq: r.seq, receivedAt: r.receivedAt, event: JSON.parse(r.envelope) as MutualEnvelope }));
  const sync: SyncStore = {
    insert: (events, classify, options) => insertMany(events, classify, options),
    ...queues.methods,
    queue({ kind, state, flagged, cursor, limit }) {
      const [cFlagged, cSeq] = queueCursor.read(cursor);
      const where = [
        state ? 'i.state = @state' : '',
        kind ? 'i.kind = @kind' : '',
        flagged === undefined ? '' : 'i.flagged = @flagged',
        cFlagged === null ? '' : '(i.flagged, i.seq) < (@cFlagged, @cSeq)',
      ].filter(Boolean);
      const rows = queueQuery(where).all({
        ...(state ? { state } : {}),
        ...(kind ? { kind } : {}),
        ...(flagged === undefined ? {} : { flagged: flagged ? 1 : 0 }),
        ...(cFlagged === null ? {} : { cFlagged, cSeq }),
        limit,
      }) as ItemRow[];
      const items = rows.map(toItem);
      return { items, next: queueCursor.after(items, limit) };
    },
    item: (seq) => {
      const row = itemQuery.get(seq) as ItemRow | undefined;
      return row && toItem(row);
    },
    ...decisions.methods,
    ...trust.methods,
    approved: (kind, limit) => (approvedQuery.all({ kind, limit }) as ItemRow[]).map(toItem),
    published: ({ cursor, limit, ...query }) =>
      (publishedQuery.all({ cursor: cursor ?? null, limit, ...filters(query) }) as ItemRow[]).map(toItem),
    publishedTotal: (query) => (publishedTotalQuery.get(filters(query)) as { n: number }).n,
    responses: (story, { cursor = 0, limit }) =>
      (responsesQuery.all({ story, cursor, limit }) as ItemRow[]).map(toItem),
    responseCounts(stories) {
      const rows = responseCountQuery.all({ stories: JSON.stringify(stories) }) as { story: string; n: number }[];
      return Object.fromEntries(rows.map((r) => [r.story, r.n]));
    },
    ...sqliteInsights(db),
    queueCounts() {
      const out: Record<string, Record<string, number>> = {};
      for (const r of countsQuery.all() as { kind: string; n: number }[]) out[r.kind] = { pending: r.n };
      return out;
    },
    counts: reactionsOf.counts,
    list({ since, limit, subject, type }) {
      const rows = listQuery.all({ since, limit, subject: subject ?? null, type: type ?? null });
      return rowsToEvents(rows as { seq: number; receivedAt: string; envelope: string }[]);
    },
    forget: (what) => scrubbed(forgetTx(what), (r) => r.reactions + r.texts > 0),
    withdraw: (id, key) => scrubbed(withdrawTx(id, key), (r) => r === 'withdrawn'),
    texts: (ids) =>
      (
        textsQuery.all({
          story: EventTypes.storySubmitted,
          ids: JSON.stringify(ids),
          byId: JSON.stringify(WITHDRAWN_BY_ID),
        }) as OwnText[]
      ).map((t) => ({
        ...t,
        keyHash: typeof t.keyHash === 'string' ? t.keyHash : null,
        hideReason: t.hideReason ?? null,
      })),
    countShown: db.transaction((ids: string[]) => {
      for (const id of [...new Set(ids)].sort()) countShownQuery.run(id);
    }),
    shownCounts: (ids) =>
      Object.fromEntries((shownQuery.all(JSON.stringify(ids)) as { id: string; n: number }[]).map((r) => [r.id, r.n])),
    redactTexts(types, before) {
      return scrubbed(redactQuery.run({ types: JSON.stringify(types), before }).changes, (n) => n > 0);
    },
    close: () => void db.close(),
  };
  // Each call is one of the store's transaction functions, which better-sqlite3 runs as a
  // savepoint inside an outer transaction: one that throws rolls back only its own writes.
  const group = db.transaction((calls: (() => unknown)[]) =>
    calls.map((call) => {
      try {
        return { result: call() };
      } catch (error) {
        return { error };
      }
    }),
  );
  return Object.assign(sync, { group });
}

export interface SqliteStoreOptions {
  /**
   * Where writes run: `worker` (default) — a worker thread with its own connection, so reading
   * counts never waits behind a write; `inline` — on the calling thread.
   */
  writer?: 'worker' | 'inline';
}

/**
 * The SQLite store: reads on the calling thread, writes on a worker thread (WAL lets both share
 * the file). A member's GET for counts answers while batches are being stored.
 */
export function createSqliteStore(file: string, options: SqliteStoreOptions = {}): Store {
  const reader = createSyncSqliteStore(file); // creates and migrates the tables first
  const writer = options.writer === 'inline' || file === ':memory:' ? reader : createWriter(file, reader);
  const store = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const [name, fn] of Object.entries(reader))
    if (name !== 'group') store[name] = (...args) => Promise.resolve((fn as (...a: unknown[]) => unknown)(...args));
  for (const name of WRITES) store[name] = (...args) => (writer as WriterLike)[name](...args);
  store.close = async () => {
    if (writer !== reader) await (writer as WriterLike).close();
    reader.close();
  };
  return store as unknown as Store;
}
