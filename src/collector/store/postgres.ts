// The PostgreSQL store (with `pg`, node-postgres): the same contract as the SQLite one, for hosts
// that outgrow one machine. Several collectors may share one database: inserts are idempotent
// (ON CONFLICT DO NOTHING on source + id), and each reader's reaction state is updated under a
// transaction-scoped advisory lock, with the counts changed by atomic upserts — no lost updates.
// Envelopes are kept as the exact JSON text received (read as `json` where a query looks inside).
import { EventTypes, type MutualEnvelope } from '../../core/protocol/envelope.js';
import type { ItemState } from '../moderation.js';
import type { Classify, InsertOptions, InsertResult, Store, StoredEvent } from './types.js';
import { countsOf, publicTextId, queueCursor, toItem, type ItemRow } from './rules.js';
import type { PostgresDb } from './postgres-db.js';
import { postgresDecisions } from './postgres-decisions.js';
import { addNotices, postgresQueues } from './postgres-queues.js';
import { react } from './postgres-reactions.js';
import { postgresOwnTexts, REDACT } from './postgres-own-texts.js';
import { postgresTrust } from './postgres-trust.js';

/** A story's tags or content warning (`path`) name `param`, case-insensitively. */
const has = (path: string, param: string) =>
  `EXISTS (SELECT 1 FROM json_array_elements_text(CASE WHEN json_typeof(e.envelope::json #> '{data,${path}}') = 'array' THEN e.envelope::json #> '{data,${path}}' ELSE '[]'::json END) v WHERE lower(v) = ${param})`;
/** Published stories with the feed's filters: $1 tag, $2 topic, $3 topics to exclude. */
const PUBLISHED_WHERE = `i.kind = 'story' AND i.state = 'approved'
  AND ($1::text IS NULL OR ${has('tags', '$1')})
  AND ($2::text IS NULL OR ${has('tags', '$2')} OR ${has('contentWarning', '$2')})
  AND NOT EXISTS (SELECT 1 FROM unnest($3::text[]) x WHERE ${has('contentWarning', 'x')})`;
const publishedFilters = ({ tag, topic, exclude = [] }: { tag?: string; topic?: string; exclude?: string[] }) => [
  tag?.toLowerCase() ?? null,
  topic?.toLowerCase() ?? null,
  exclude.map((x) => x.toLowerCase()),
];

const ITEM_COLUMNS = `i.seq, i.kind, i.state, i.flags, i.updated_at AS "updatedAt", e.received_at AS "receivedAt", e.envelope`;
const toStored = (r: { seq: string; receivedAt: string; envelope: string }): StoredEvent => ({
  seq: Number(r.seq),
  receivedAt: r.receivedAt,
  event: JSON.parse(r.envelope) as MutualEnvelope,
});
/** The store on a PostgreSQL database: a server's db (postgres-open.ts) or PGlite (pglite.ts). */
export function postgresStoreOn(db: PostgresDb): Store {
  const { transaction } = db;
  const query = async <T>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];
  const items = async (sql: string, params: unknown[]) => (await query<ItemRow>(sql, params)).map(toItem);
  /**
   * A batch in a fixed number of round trips, whatever its size (it was five per reaction): the
   * events in one statement, then the reactions' locks, their readers' states, and the new states
   * and counts, each one statement.
   */
  async function insert(events: MutualEnvelope[], classify?: Classify, options?: InsertOptions): Promise<InsertResult> {
    const receivedAt = new Date().toISOString();
    const statuses: ('accepted' | 'duplicate' | 'taken')[] = [];
    const seqs: (number | null)[] = [];
    await transaction(async (client) => {
      // Texts claim their public ids first (in one order, so two batches never wait crosswise); one
      // whose id another text holds is not stored.
      const claims = events
        .map((e, n) => ({ e, n, id: publicTextId(e) }))
        .filter((c): c is { e: MutualEnvelope; n: number; id: string } => c.id !== null)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.n - b.n));
      const taken = new Set<MutualEnvelope>();
      if (claims.length) {
        await client.query(
          `INSERT INTO text_ids (id, source, event)
           SELECT id, source, event FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS c(id, source, event, n)
           ORDER BY n ON CONFLICT DO NOTHING`,
          [claims.map((c) => c.id), claims.map((c) => c.e.source), claims.map((c) => c.e.id)],
        );
        const { rows: held } = await client.query('SELECT id, source, event FROM text_ids WHERE id = ANY($1::text[])', [
          claims.map((c) => c.id),
        ]);
        const holder = new Map((held as { id: string; source: string; event: string }[]).map((r) => [r.id, r]));
        for (const { e, id } of claims) {
          const h = holder.get(id);
          if (!h || h.source !== e.source || h.event !== e.id) taken.add(e);
        }
      }
      const storing = events.filter((e) => !taken.has(e));
      // Rows go in in the batch's order (ordinality), so `seq` follows it as in SQLite. A repeat of
      // an event within the batch conflicts with the first one and is skipped like any duplicate.
      const { rows } = await client.query(
        `INSERT INTO events (id, source, type, subject, time, received_at, envelope)
         SELECT id, source, type, subject, time, $6, envelope
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $7::text[])
           WITH ORDINALITY AS b(id, source, type, subject, time, envelope, n)
         ORDER BY n
         ON CONFLICT (source, id) DO NOTHING RETURNING seq, source, id`,
        [
          storing.map((e) => e.id),
          storing.map((e) => e.source),
          storing.map((e) => e.type),
          storing.map((e) => e.subject ?? null),
          storing.map((e) => e.time),
          receivedAt,
          storing.map((e) => JSON.stringify(e)),
        ],
      );
      const inserted = new Map(
        (rows as { seq: string; source: string; id: string }[]).map((r) => [`${r.source}\n${r.id}`, Number(r.seq)]),
      );
      const accepted: { e: MutualEnvelope; seq: number }[] = [];
      for (const e of events) {
        if (taken.has(e)) {
          statuses.push('taken');
          seqs.push(null);
          continue;
        }
        const key = `${e.source}\n${e.id}`;
        const seq = inserted.get(key) ?? null;
        inserted.delete(key); // the first of two copies in one batch is the accepted one
        statuses.push(seq === null ? 'duplicate' : 'accepted');
        seqs.push(seq);
        if (seq !== null) accepted.push({ e, seq });
      }
      const notices = accepted.flatMap(({ e }) => options?.notices?.[events.indexOf(e)] ?? []);
      if (notices.length) await addNotices(client, notices);
      await react(
        client,
        accepted
          .map((a) => a.e)
          .filter((e) => e.type === EventTypes.reactionAdded || e.type === EventTypes.reactionRemoved),
      );
      if (options?.forward && accepted.length)
        await client.query(
          'INSERT INTO forward_queue (seq, attempts, next_at) SELECT unnest($1::bigint[]), 0, 0 ON CONFLICT DO NOTHING',
          [accepted.map((a) => a.seq)],
        );
      const classified = accepted.flatMap(({ e, seq }) => {
        const item = classify?.(e);
        return item ? [{ seq, member: options?.members?.[events.indexOf(e)] ?? null, ...item }] : [];
      });
      const authored = classified.filter((c): c is typeof c & { member: string } => !!c.member);
      if (authored.length)
        await client.query(
          `INSERT INTO item_members (seq, member) SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING`,
          [authored.map((a) => a.seq), authored.map((a) => a.member)],
        );
      if (classified.length)
        await client.query(
          `INSERT INTO items (seq, kind, state, flags, flagged, updated_at)
           SELECT seq, kind, state, flags::jsonb, flagged, $6
           FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::int[]) AS i(seq, kind, state, flags, flagged)`,
          [
            classified.map((i) => i.seq),
            classified.map((i) => i.kind),
            classified.map((i) => i.state),
            classified.map((i) => JSON.stringify(i.flags)),
            classified.map((i) => (i.flags.length ? 1 : 0)),
            receivedAt,
          ],
        );
    });
    const acceptedCount = statuses.filter((s) => s === 'accepted').length;
    return { accepted: acceptedCount, duplicates: statuses.filter((st) => st === 'duplicate').length, statuses, seqs };
  }

  const store: Store = {
    insert,
    ...postgresQueues(db),
    ...postgresTrust(transaction, query),
    ...postgresOwnTexts(db, transaction),
    ...postgresDecisions(db, transaction),
    async queue({ kind, state, flagged, cursor, limit }) {
      const [cFlagged, cSeq] = queueCursor.read(cursor);
      // Only the filters asked for, and the cursor as a row value: each page starts where the index is.
      const params: unknown[] = [];
      const where = [
        state ? `i.state = $${params.push(state)}` : '',
        kind ? `i.kind = $${params.push(kind)}` : '',
        flagged === undefined ? '' : `i.flagged = $${params.push(flagged ? 1 : 0)}`,
        cFlagged === null ? '' : `(i.flagged, i.seq) < ($${params.push(cFlagged)}, $${params.push(cSeq)})`,
      ].filter(Boolean);
      const list = await items(
        `SELECT ${ITEM_COLUMNS} FROM items i JOIN events e ON e.seq = i.seq
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.flagged DESC, i.seq DESC LIMIT $${params.push(limit)}`,
        params,
      );
      return { items: list, next: queueCursor.after(list, limit) };
    },
    async item(seq) {
      return (
        await items(`SELECT ${ITEM_COLUMNS} FROM items i JOIN events e ON e.seq = i.seq WHERE i.seq = $1`, [seq])
      )[0];
    },
    approved: (kind, limit) =>
      items(
        `SELECT ${ITEM_COLUMNS} FROM items i JOIN events e ON e.seq = i.seq WHERE i.kind = $1 AND i.state = 'approved' ORDER BY i.seq DESC LIMIT $2`,
        [kind, limit],
      ),
    async queueCounts() {
      const out: Record<string, Record<string, number>> = {};
      for (const r of await query<{ kind: string; n: string }>('SELECT kind, n FROM pending_counts WHERE n > 0'))
        out[r.kind] = { pending: Number(r.n) };
      return out;
    },
    published: ({ cursor, limit, ...query }) =>
      items(
        `SELECT ${ITEM_COLUMNS} FROM items i JOIN events e ON e.seq = i.seq
         WHERE ${PUBLISHED_WHERE} AND ($4::bigint IS NULL OR i.seq < $4)
         ORDER BY i.seq DESC LIMIT $5`,
        [...publishedFilters(query), cursor ?? null, limit],
      ),
    async publishedTotal(filters) {
      const [row] = await query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM items i JOIN events e ON e.seq = i.seq WHERE ${PUBLISHED_WHERE}`,
        publishedFilters(filters),
      );
      return Number(row.n);
    },
    responses: (story, { cursor = 0, limit }) =>
      items(
        `SELECT ${ITEM_COLUMNS} FROM items i JOIN events e ON e.seq = i.seq
         WHERE i.kind = 'response' AND i.state = 'approved' AND e.subject = $1 AND i.seq > $2
           AND e.envelope::json #> '{data,redacted}' IS NULL ORDER BY i.seq LIMIT $3`,
        [story, cursor, limit],
      ),
    async responseCounts(stories) {
      const rows = await query<{ story: string; n: string }>(
        `SELECT e.subject AS story, COUNT(*) AS n FROM items i JOIN events e ON e.seq = i.seq
         WHERE i.kind = 'response' AND i.state = 'approved' AND e.subject = ANY($1::text[])
           AND e.envelope::json #> '{data,redacted}' IS NULL GROUP BY e.subject`,
        [stories],
      );
      return Object.fromEntries(rows.map((r) => [r.story, Number(r.n)]));
    },
    async reports() {
      // Reports since the last decision on the story they are about: a moderator's Approve or Hide resolves them.
      const rows = await query<{
        subject: string;
        reason: string;
        n: string;
        latest: string;
        item: string | null;
        state: ItemState | null;
      }>(
        `SELECT r.subject, r.envelope::json #>> '{data,reason}' AS reason, COUNT(*) AS n, MAX(r.received_at) AS latest,
                i.seq AS item, i.state
         FROM events r LEFT JOIN text_ids t ON t.id = r.subject
           LEFT JOIN events s ON s.source = t.source AND s.id = t.event LEFT JOIN items i ON i.seq = s.seq
         WHERE r.type = $1 AND r.subject IS NOT NULL
           AND r.received_at > COALESCE((SELECT MAX(a.at) FROM audit a WHERE a.item = i.seq AND a.action IN ('approve', 'hide')), '')
         GROUP BY r.subject, reason, i.seq, i.state`,
        [EventTypes.storyReported],
      );
      return rows.map((r) => ({ ...r, n: Number(r.n), item: r.item === null ? null : Number(r.item) }));
    },
    async daily(from) {
      const rows = await query<{ day: string; type: string; mood: number | null; n: string }>(
        `SELECT substr(received_at, 1, 10) AS day, type,
                CASE WHEN type = $2 AND json_typeof(envelope::json #> '{data,mood}') = 'number' THEN (envelope::json #>> '{data,mood}')::float END AS mood,
                COUNT(*) AS n
         FROM events WHERE received_at >= $1 GROUP BY 1, 2, 3`,
        [from, EventTypes.checkinSubmitted],
      );
      return rows.map((r) => ({ ...r, n: Number(r.n) }));
    },
    async counts(subject) {
      const rows = await query<{ reaction: string; n: number }>(
        'SELECT reaction, n FROM reaction_counts WHERE subject = $1 AND n > 0',
        [subject],
      );
      return countsOf(rows);
    },
    async list({ since, limit, subject, type }) {
      const rows = await query<{ seq: string; receivedAt: string; envelope: string }>(
        `SELECT seq, received_at AS "receivedAt", envelope FROM events
         WHERE seq > $1 AND ($2::text IS NULL OR subject = $2) AND ($3::text IS NULL OR type = $3) ORDER BY seq LIMIT $4`,
        [since, subject ?? null, type ?? null, limit],
      );
      return rows.map(toStored);
    },
    async redactTexts(types, before) {
      const { rowCount } = await db.query(`${REDACT} AND type = ANY($1::text[]) AND received_at < $2`, [types, before]);
      return rowCount ?? 0;
    },
    close: () => db.close(),
  };
  return store;
}
