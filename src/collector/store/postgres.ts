// The PostgreSQL store (with `pg`, node-postgres): the same contract as the SQLite one, for hosts
// that outgrow one machine. Several collectors may share one database: inserts are idempotent
// (ON CONFLICT DO NOTHING on source + id), and each reader's reaction state is updated under a
// transaction-scoped advisory lock, with the counts changed by atomic upserts — no lost updates.
// Envelopes are kept as the exact JSON text received (read as `json` where a query looks inside).
import pg from 'pg';
import { EventTypes, type MutualEnvelope } from '../../core/protocol/envelope.js';
import type { AuditEntry, Classify, InsertOptions, InsertResult, OwnText, Store, StoredEvent } from './types.js';
import {
  countsOf,
  forgetReason,
  isUrgentNotice,
  publicTextId,
  queueCursor,
  STORY_FIELDS,
  toItem,
  trustChange,
  withdrawReason,
  WITHDRAWN_BY_ID,
  type ItemRow,
} from './rules.js';
import { migrations, postgresDialect } from './schema.js';

/** Each change of a member's trust (see `trustChange`), answering their approvals after it. */
const TRUST_CHANGES = {
  approved: `INSERT INTO member_trust (member, approved, hidden) VALUES ($1, 1, 0)
    ON CONFLICT (member) DO UPDATE SET approved = member_trust.approved + 1 RETURNING approved`,
  hidden: `INSERT INTO member_trust (member, approved, hidden) VALUES ($1, 0, 1)
    ON CONFLICT (member) DO UPDATE SET approved = 0, hidden = member_trust.hidden + 1 RETURNING approved`,
  undone: `INSERT INTO member_trust (member, approved, hidden) VALUES ($1, 0, 0)
    ON CONFLICT (member) DO UPDATE SET approved = GREATEST(0, member_trust.approved - 1) RETURNING approved`,
} as const;

export interface PostgresStoreOptions {
  /** A schema of its own (created if missing); default `public`. Tests use one per collector. */
  schema?: string;
  /** Connections in the pool. Default 10. */
  max?: number;
}

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

/**
 * A text redacted in place (--retain-texts, and a check-in that "Forget me" names): its words go,
 * the event stays, marked; only events that still have words. Callers add their own conditions.
 */
const REDACT = `UPDATE events SET envelope = jsonb_set(envelope::jsonb #- '{data,text}' #- '{data,hard}' #- '{data,helped}', '{data,redacted}', 'true')::text
  WHERE envelope::json #> '{data,redacted}' IS NULL
    AND (envelope::json #> '{data,text}' IS NOT NULL OR envelope::json #> '{data,hard}' IS NOT NULL OR envelope::json #> '{data,helped}' IS NOT NULL)`;
const ITEM_COLUMNS = `i.seq, i.kind, i.state, i.flags, i.updated_at AS "updatedAt", e.received_at AS "receivedAt", e.envelope`;
const toStored = (r: { seq: string; receivedAt: string; envelope: string }): StoredEvent => ({
  seq: Number(r.seq),
  receivedAt: r.receivedAt,
  event: JSON.parse(r.envelope) as MutualEnvelope,
});
export async function createPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  // `?schema=name` in the URL works as the `schema` option (handy for `--db`).
  const parsed = new URL(url);
  const schema = options.schema ?? parsed.searchParams.get('schema') ?? 'public';
  parsed.searchParams.delete('schema');
  url = parsed.href;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`schema "${schema}": use lowercase letters, digits and _`);
  // Every connection works in the store's schema, set before the pool hands it out. (A SET rather
  // than a startup option: some servers, PGlite's socket server among them, ignore those. And not
  // in the pool's `connect` event, which runs it alongside the caller's first query: deprecated in
  // pg 8, an error in pg 9.)
  class SchemaClient extends pg.Client {
    override connect(): Promise<pg.Client>;
    override connect(callback: (err: Error | null) => void): void;
    override connect(callback?: (err: Error | null) => void): Promise<pg.Client> | void {
      const ready = super.connect().then(async () => (await this.query(`SET search_path TO ${schema}`), this));
      if (!callback) return ready;
      ready.then(() => callback(null), callback);
    }
  }
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, Client: SchemaClient });
  // A broken idle connection must not crash the collector; the next query gets a fresh one.
  pool.on('error', (error) => console.error('[mutual collector] PostgreSQL connection lost:', error.message));
  const migrate = await pool.connect();
  try {
    // One collector migrates at a time; the others wait, then find everything in place.
    await migrate.query('SELECT pg_advisory_lock(hashtext($1))', [`mutual-migrate:${schema}`]);
    try {
      await migrate.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await migrate.query(`SET search_path TO ${schema}`);
      const { rows: had } = await migrate.query<{ version: boolean; counts: boolean; textIds: boolean }>(
        `SELECT to_regclass('mutual_schema') IS NOT NULL AS version, to_regclass('reaction_counts') IS NOT NULL AS counts,
           to_regclass('text_ids') IS NOT NULL AS "textIds"`,
      );
      const version = had[0].version
        ? ((await migrate.query<{ version: number }>('SELECT version FROM mutual_schema')).rows[0]?.version ?? null)
        : null;
      const statements = migrations(postgresDialect, { version, hadCounts: had[0].counts, hadTextIds: had[0].textIds });
      await migrate.query('BEGIN');
      try {
        for (const sql of statements) await migrate.query(sql);
        await migrate.query('COMMIT');
      } catch (error) {
        await migrate.query('ROLLBACK');
        throw error;
      }
    } finally {
      await migrate.query('SELECT pg_advisory_unlock(hashtext($1))', [`mutual-migrate:${schema}`]);
    }
  } catch (error) {
    migrate.release();
    await pool.end();
    throw error;
  }
  migrate.release();

  const query = async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[];
  const items = async (sql: string, params: unknown[]) => (await query<ItemRow>(sql, params)).map(toItem);
  /**
   * Runs `work` in one transaction on one connection: committed, or rolled back on any error. A
   * deadlock or a serialization failure (40P01, 40001) is PostgreSQL asking for the transaction
   * again: it is retried, a few times, after a short random pause, never answered as a 500.
   */
  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        const code = (error as { code?: string }).code;
        if ((code !== '40P01' && code !== '40001') || attempt >= 5) throw error;
      } finally {
        client.release();
      }
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }

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

  async function addNotices(client: pg.Pool | pg.PoolClient, notices: MutualEnvelope[]): Promise<void> {
    await client.query(
      `INSERT INTO notify_queue (envelope, urgent, attempts, next_at)
       SELECT e, u, 0, 0 FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS n(e, u, i) ORDER BY i`,
      [notices.map((n) => JSON.stringify(n)), notices.map((n) => (isUrgentNotice(n.type) ? 1 : 0))],
    );
  }

  /**
   * Each reader's state (subject, reaction, reactor) is changed by one transaction at a time: its
   * transaction-scoped advisory lock, all of a batch's taken in one order, so two transactions
   * never wait on each other crosswise.
   */
  async function lockReaders(client: pg.PoolClient, keys: (readonly [string, string, string])[]): Promise<void> {
    if (!keys.length) return;
    await client.query(
      'SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) k ORDER BY h) locks',
      [keys.map((k) => JSON.stringify(k))],
    );
  }

  /**
   * One reader, once per subject and reaction: the latest event (by time) wins, whichever collector
   * stores it. Each reader's state is locked before it is read.
   */
  async function react(client: pg.PoolClient, reactions: MutualEnvelope[]): Promise<void> {
    if (!reactions.length) return;
    // Each reaction's reader (subject, reaction, reactor), and that as one string to key maps by.
    const keyed = reactions.map((e) => {
      const data = e.data as { reaction: string; reactor: string };
      const key = [e.subject ?? '', data.reaction, data.reactor] as const;
      return { e, key, id: JSON.stringify(key) };
    });
    const keys = [...new Map(keyed.map((r) => [r.id, r.key])).values()];
    await lockReaders(client, keys);
    const { rows } = await client.query(
      `SELECT r.subject, r.reaction, r.reactor, r.active, r.time FROM reactors r
       JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(subject, reaction, reactor)
         USING (subject, reaction, reactor)`,
      [keys.map((k) => k[0]), keys.map((k) => k[1]), keys.map((k) => k[2])],
    );
    type State = { active: number; time: string };
    const states = new Map<string, State>();
    for (const r of rows as (State & { subject: string; reaction: string; reactor: string })[])
      states.set(JSON.stringify([r.subject, r.reaction, r.reactor]), { active: Number(r.active), time: r.time });
    const changed = new Map<string, readonly [string, string, string]>();
    const deltas = new Map<string, { subject: string; reaction: string; n: number }>();
    for (const { e, key, id } of keyed) {
      const before = states.get(id);
      if (before && before.time > e.time) continue;
      const active = e.type === EventTypes.reactionAdded ? 1 : 0;
      states.set(id, { active, time: e.time });
      changed.set(id, key);
      const delta = active - (before?.active ?? 0);
      if (!delta) continue;
      const count = JSON.stringify([key[0], key[1]]);
      const known = deltas.get(count) ?? { subject: key[0], reaction: key[1], n: 0 };
      known.n += delta;
      deltas.set(count, known);
    }
    if (changed.size) {
      const list = [...changed].map(([id, key]) => ({ key, ...states.get(id)! }));
      await client.query(
        `INSERT INTO reactors (subject, reaction, reactor, active, time)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[])
         ON CONFLICT (subject, reaction, reactor) DO UPDATE SET active = excluded.active, time = excluded.time`,
        [
          list.map((s) => s.key[0]),
          list.map((s) => s.key[1]),
          list.map((s) => s.key[2]),
          list.map((s) => s.active),
          list.map((s) => s.time),
        ],
      );
    }
    // Shared rows, locked in one global order (subject, then reaction): two batches that touch
    // the same counts in other orders would otherwise wait on each other crosswise (a deadlock).
    const counts = [...deltas.values()]
      .filter((d) => d.n)
      .sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.reaction < b.reaction ? -1 : 1));
    if (counts.length)
      await client.query(
        `INSERT INTO reaction_counts (subject, reaction, n)
         SELECT subject, reaction, GREATEST(0, n) FROM unnest($1::text[], $2::text[], $3::int[]) AS d(subject, reaction, n)
         ON CONFLICT (subject, reaction) DO UPDATE SET n = GREATEST(0, reaction_counts.n + (
           SELECT d.n FROM unnest($1::text[], $2::text[], $3::int[]) AS d(subject, reaction, n)
           WHERE d.subject = excluded.subject AND d.reaction = excluded.reaction))`,
        [counts.map((d) => d.subject), counts.map((d) => d.reaction), counts.map((d) => d.n)],
      );
  }

  const store: Store = {
    insert,
    async queue({ kind, state, flagged, cursor, limit }) {
      const [cFlagged, cSeq] = queueCursor.read(cursor);
      const list = await items(
        `SELECT ${ITEM_COLUMNS} FROM items i JOIN events e ON e.seq = i.seq
         WHERE ($1::text IS NULL OR i.kind = $1) AND ($2::text IS NULL OR i.state = $2) AND ($3::int IS NULL OR i.flagged = $3)
           AND ($4::int IS NULL OR i.flagged < $4 OR (i.flagged = $4 AND i.seq < $5))
         ORDER BY i.flagged DESC, i.seq DESC LIMIT $6`,
        [kind ?? null, state ?? null, flagged === undefined ? null : flagged ? 1 : 0, cFlagged, cSeq, limit],
      );
      return { items: list, next: queueCursor.after(list, limit) };
    },
    async item(seq) {
      return (
        await items(`SELECT ${ITEM_COLUMNS} FROM items i JOIN events e ON e.seq = i.seq WHERE i.seq = $1`, [seq])
      )[0];
    },
    async moderate(seq, state, actor, action, reason) {
      const found = await transaction(async (client) => {
        const at = new Date().toISOString();
        const updated = await client.query('UPDATE items SET state = $1, updated_at = $2 WHERE seq = $3', [
          state,
          at,
          seq,
        ]);
        if (!updated.rowCount) return false;
        await client.query('INSERT INTO audit (at, actor, action, item, reason) VALUES ($1, $2, $3, $4, $5)', [
          at,
          actor,
          action,
          seq,
          reason,
        ]);
        return true;
      });
      return found ? store.item(seq) : undefined;
    },

    async audit({ cursor = 0, limit }) {
      const rows = await query<AuditEntry & { seq: string; item: string }>(
        'SELECT seq, at, actor, action, item, reason FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2',
        [cursor, limit],
      );
      return rows.map((r) => ({ ...r, seq: Number(r.seq), item: Number(r.item) }));
    },
    async appendAudit({ actor, action, item, reason }) {
      await pool.query('INSERT INTO audit (at, actor, action, item, reason) VALUES ($1, $2, $3, $4, $5)', [
        new Date().toISOString(),
        actor,
        action,
        item,
        reason,
      ]);
    },
    async memberTrust(member) {
      const rows = await query<{ approved: number; hidden: number }>(
        'SELECT approved, hidden FROM member_trust WHERE member = $1',
        [member],
      );
      return rows[0] ?? { approved: 0, hidden: 0 };
    },
    async countDecision(seq, state, previous) {
      const change = trustChange(state, previous);
      if (!change) return null;
      return transaction(async (client) => {
        const { rows } = await client.query('SELECT member FROM item_members WHERE seq = $1', [seq]);
        const member = (rows[0] as { member: string } | undefined)?.member;
        if (!member) return null;
        const before = await client.query('SELECT approved FROM member_trust WHERE member = $1 FOR UPDATE', [member]);
        const { rows: after } = await client.query(TRUST_CHANGES[change], [member]);
        return {
          member,
          before: Number((before.rows[0] as { approved?: number } | undefined)?.approved ?? 0),
          after: Number((after[0] as { approved: number }).approved),
        };
      });
    },
    approved: (kind, limit) =>
      items(
        `SELECT ${ITEM_COLUMNS} FROM items i JOIN events e ON e.seq = i.seq WHERE i.kind = $1 AND i.state = 'approved' ORDER BY i.seq DESC LIMIT $2`,
        [kind, limit],
      ),
    async queueCounts() {
      const out: Record<string, Record<string, number>> = {};
      for (const r of await query<{ kind: string; state: string; n: string }>(
        'SELECT kind, state, COUNT(*) AS n FROM items GROUP BY kind, state',
      ))
        (out[r.kind] ??= {})[r.state] = Number(r.n);
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
      const rows = await query<{ subject: string; reason: string; n: string; latest: string }>(
        `SELECT subject, envelope::json #>> '{data,reason}' AS reason, COUNT(*) AS n, MAX(received_at) AS latest
         FROM events WHERE type = $1 AND subject IS NOT NULL GROUP BY subject, reason`,
        [EventTypes.storyReported],
      );
      return rows.map((r) => ({ ...r, n: Number(r.n) }));
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
    async forwardDue(now, limit) {
      const rows = await query<{ seq: string; attempts: number; envelope: string }>(
        `SELECT q.seq, q.attempts, e.envelope FROM forward_queue q JOIN events e ON e.seq = q.seq
         WHERE q.next_at <= $1 ORDER BY q.seq LIMIT $2`,
        [now, limit],
      );
      return rows.map((r) => ({
        seq: Number(r.seq),
        attempts: r.attempts,
        event: JSON.parse(r.envelope) as MutualEnvelope,
      }));
    },
    async forwardDone(seq) {
      await pool.query('DELETE FROM forward_queue WHERE seq = $1', [seq]);
    },
    async forwardLater(seq, nextAt) {
      await pool.query('UPDATE forward_queue SET attempts = attempts + 1, next_at = $2 WHERE seq = $1', [seq, nextAt]);
    },
    async noticeAdd(notices) {
      if (notices.length) await addNotices(pool, notices);
    },
    async noticeDue(now, limit) {
      const rows = await query<{ id: string; attempts: number; envelope: string }>(
        `SELECT id, attempts, envelope FROM notify_queue WHERE next_at <= $1 ORDER BY urgent DESC, id LIMIT $2`,
        [now, limit],
      );
      return rows.map((r) => ({
        id: Number(r.id),
        attempts: r.attempts,
        event: JSON.parse(r.envelope) as MutualEnvelope,
      }));
    },
    async noticeDone(id) {
      await pool.query('DELETE FROM notify_queue WHERE id = $1', [id]);
    },
    async noticeLater(id, nextAt) {
      await pool.query('UPDATE notify_queue SET attempts = attempts + 1, next_at = $2 WHERE id = $1', [id, nextAt]);
    },
    async noticeTrim(cap) {
      const { rowCount } = await pool.query(
        `DELETE FROM notify_queue WHERE id IN (
           SELECT id FROM notify_queue ORDER BY urgent, id
           LIMIT GREATEST(0, (SELECT COUNT(*) FROM notify_queue) - $1))`,
        [cap],
      );
      return rowCount ?? 0;
    },
    async forget({ reactors, events, keys = [] }) {
      let reactions = 0;
      let texts: number[] = [];
      await transaction(async (client) => {
        texts = [];
        for (const reactor of reactors) {
          // Under the same locks as a reaction: one arriving on another collector meanwhile is
          // either counted before this deletes it, or comes after.
          const held = await client.query('SELECT subject, reaction FROM reactors WHERE reactor = $1', [reactor]);
          await lockReaders(
            client,
            (held.rows as { subject: string; reaction: string }[]).map(
              (r) => [r.subject, r.reaction, reactor] as const,
            ),
          );
          const { rows } = await client.query(
            'DELETE FROM reactors WHERE reactor = $1 RETURNING subject, reaction, active',
            [reactor],
          );
          for (const r of rows as { subject: string; reaction: string; active: number }[])
            if (r.active)
              await client.query(
                'UPDATE reaction_counts SET n = GREATEST(0, n - 1) WHERE subject = $1 AND reaction = $2',
                [r.subject, r.reaction],
              );
          const dropped = await client.query(
            `DELETE FROM events WHERE type = ANY($1::text[]) AND envelope::json #>> '{data,reactor}' = $2`,
            [[EventTypes.reactionAdded, EventTypes.reactionRemoved], reactor],
          );
          reactions += dropped.rowCount ?? 0;
        }
        for (const id of events) {
          // Only with the text's own author key (compared here: no JSON cast of a stored envelope).
          const { rows } = await client.query(
            `SELECT e.seq, e.envelope FROM events e JOIN items i ON i.seq = e.seq WHERE e.id = $1 AND i.state = 'pending'`,
            [id],
          );
          for (const r of rows as { seq: string; envelope: string }[]) {
            const key = (JSON.parse(r.envelope) as MutualEnvelope).data?.authorKey;
            if (typeof key !== 'string' || !keys.includes(key)) continue;
            await client.query('DELETE FROM items WHERE seq = $1', [r.seq]);
            const dropped = await client.query('DELETE FROM events WHERE seq = $1', [r.seq]);
            if (dropped.rowCount) texts.push(Number(r.seq));
          }
          // A check-in is never served, so never queued: its private words are redacted in place
          // (the mood stays in the counts, as with --retain-texts).
          const redacted = await client.query(`${REDACT} AND id = $1 AND type = $2 RETURNING seq`, [
            id,
            EventTypes.checkinSubmitted,
          ]);
          for (const r of redacted.rows as { seq: string }[]) texts.push(Number(r.seq));
        }
        if (reactions || texts.length)
          await client.query('INSERT INTO audit (at, actor, action, item, reason) VALUES ($1, $2, $3, $4, $5)', [
            new Date().toISOString(),
            'member-device',
            'forget',
            0,
            forgetReason(reactions, texts),
          ]);
      });
      return { reactions, texts: texts.length };
    },
    async withdraw(id, key) {
      return transaction(async (client) => {
        // Exactly the text that holds the id, and only with its key (compared here: no JSON cast
        // of a stored envelope can fail the request).
        const { rows } = await client.query(
          `SELECT e.seq, e.type, e.envelope FROM text_ids t JOIN events e ON e.source = t.source AND e.id = t.event
           WHERE t.id = $1`,
          [id],
        );
        const row = rows[0] as { seq: string; type: string; envelope: string } | undefined;
        if (!row || (JSON.parse(row.envelope) as MutualEnvelope).data?.authorKey !== key) return 'unknown' as const;
        const seq = row.seq;
        // Everything of the text that peers read goes; the key's hash stays, so a retry is recognised.
        await client.query(
          `UPDATE events SET envelope = jsonb_set(envelope::jsonb ${STORY_FIELDS.map((f) => `#- '{data,${f}}'`).join(' ')}, '{data,redacted}', 'true')::text WHERE seq = $1`,
          [seq],
        );
        const dropped = await client.query('DELETE FROM items WHERE seq = $1', [seq]);
        if (!dropped.rowCount) return 'already' as const;
        const at = new Date().toISOString();
        // A story's responses answer words no one can read any more: hidden with it (not deleted).
        const hidden =
          row.type === EventTypes.storySubmitted
            ? (
                (
                  await client.query(
                    `UPDATE items SET state = 'hidden', updated_at = $1
                     WHERE kind = 'response' AND state <> 'hidden'
                       AND seq IN (SELECT seq FROM events WHERE type = $2 AND subject = $3) RETURNING seq`,
                    [at, EventTypes.storyResponse, id],
                  )
                ).rows as { seq: string }[]
              )
                .map((r) => Number(r.seq))
                .sort((a, b) => a - b)
            : [];
        await client.query('INSERT INTO audit (at, actor, action, item, reason) VALUES ($1, $2, $3, $4, $5)', [
          at,
          'member-device',
          'withdraw',
          seq,
          withdrawReason(hidden),
        ]);
        return 'withdrawn' as const;
      });
    },
    async texts(ids) {
      const { rows } = await pool.query(
        `SELECT CASE WHEN e.type = $1 THEN COALESCE(e.subject, e.id) ELSE e.id END AS id, i.kind, i.state,
                (e.envelope::jsonb)->'data'->>'authorKey' AS "keyHash"
         FROM events e JOIN items i ON i.seq = e.seq
         WHERE (e.type = $1 AND COALESCE(e.subject, e.id) = ANY($2::text[])) OR (e.type = ANY($3::text[]) AND e.id = ANY($2::text[]))`,
        [EventTypes.storySubmitted, ids, WITHDRAWN_BY_ID],
      );
      return (rows as OwnText[]).map((t) => ({ ...t, keyHash: t.keyHash ?? null }));
    },
    async countShown(ids) {
      if (!ids.length) return;
      // In one order, so two answers counting the same texts never wait on each other crosswise.
      await pool.query(
        `INSERT INTO shown_counts (id, n) SELECT id, 1 FROM unnest($1::text[]) AS u(id) ORDER BY id
         ON CONFLICT (id) DO UPDATE SET n = shown_counts.n + 1`,
        [[...new Set(ids)].sort()],
      );
    },
    async shownCounts(ids) {
      const { rows } = await pool.query('SELECT id, n FROM shown_counts WHERE id = ANY($1::text[])', [ids]);
      return Object.fromEntries((rows as { id: string; n: string }[]).map((r) => [r.id, Number(r.n)]));
    },
    async redactTexts(types, before) {
      const { rowCount } = await pool.query(`${REDACT} AND type = ANY($1::text[]) AND received_at < $2`, [
        types,
        before,
      ]);
      return rowCount ?? 0;
    },
    close: () => pool.end(),
  };
  return store;
}
