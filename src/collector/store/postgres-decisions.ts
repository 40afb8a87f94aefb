import type { Queryable, Transaction } from './postgres-db.js';
import type { Flag, ItemState } from '../moderation.js';
import { conflict, toItem, toLook, type ItemRow } from './rules.js';
import type { AuditEntry, Store } from './types.js';

const ITEM_COLUMNS = `i.seq, i.kind, i.state, i.flags, i.updated_at AS "updatedAt", e.received_at AS "receivedAt", e.envelope`;

/**
 * Moderators' decisions and what is written about them: an item's state, the audit log (appended,
 * never rewritten) and who is reviewing an item. Many items move in one statement, whatever their number.
 */
export function postgresDecisions(
  db: Queryable,
  transaction: Transaction,
): Pick<Store, 'claim' | 'moderate' | 'moderateMany' | 'audit' | 'appendAudit' | 'firstLooks'> {
  const methods: ReturnType<typeof postgresDecisions> = {
    async claim(seq, actor, now, until) {
      const { rows } = await db.query<{ actor: string; until: string }>(
        `WITH claimed AS (
           INSERT INTO claims (seq, actor, until) VALUES ($1, $2, $4)
           ON CONFLICT (seq) DO UPDATE SET actor = excluded.actor, until = excluded.until
           WHERE claims.until <= $3 OR claims.actor = excluded.actor
           RETURNING actor, until)
         SELECT actor, until FROM claimed
         UNION ALL SELECT actor, until FROM claims WHERE seq = $1 AND NOT EXISTS (SELECT 1 FROM claimed)`,
        [seq, actor, now, until],
      );
      await db.query('INSERT INTO first_looks (seq, at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        seq,
        new Date(now).toISOString(),
      ]);
      return { actor: rows[0].actor, until: Number(rows[0].until) };
    },
    async moderate(seq, state, actor, action, reason, from) {
      const { items, conflicts } = await methods.moderateMany([{ seq, from }], state, actor, action, reason);
      if (conflicts.length) throw conflict(seq);
      return items[0];
    },
    moderateMany: (wanted, state, actor, action, reason) =>
      transaction(async (client) => {
        const seqs = wanted.map((w) => w.seq);
        const moved = await client.query<{ seq: string }>(
          `WITH wanted AS (SELECT * FROM unnest($1::bigint[], $2::text[]) AS w(seq, from_state)),
           moved AS (
             UPDATE items i SET state = $3, updated_at = $4 FROM wanted w
             WHERE i.seq = w.seq AND (w.from_state IS NULL OR i.state = w.from_state) RETURNING i.seq),
           logged AS (INSERT INTO audit (at, actor, action, item, reason) SELECT $4, $5, $6, seq, $7 FROM moved ORDER BY seq),
           looked AS (INSERT INTO first_looks (seq, at) SELECT seq, $4 FROM moved WHERE $6 <> 'publish' ON CONFLICT DO NOTHING)
           SELECT seq FROM moved`,
          [seqs, wanted.map((w) => w.from ?? null), state, new Date().toISOString(), actor, action, reason],
        );
        const done = new Set(moved.rows.map((r) => Number(r.seq)));
        const left = seqs.filter((s) => !done.has(s));
        const { rows: exist } = left.length
          ? await client.query<{ seq: string }>('SELECT seq FROM items WHERE seq = ANY($1::bigint[])', [left])
          : { rows: [] };
        const there = new Set(exist.map((r) => Number(r.seq)));
        const { rows } = done.size
          ? await client.query<ItemRow>(
              `SELECT ${ITEM_COLUMNS} FROM items i JOIN events e ON e.seq = i.seq WHERE i.seq = ANY($1::bigint[])`,
              [[...done]],
            )
          : { rows: [] as ItemRow[] };
        const bySeq = new Map(rows.map((r) => [Number(r.seq), toItem(r)]));
        const fromOf = new Map(wanted.map((w) => [w.seq, w.from]));
        return {
          items: seqs.filter((s) => done.has(s)).map((s) => bySeq.get(s)!),
          conflicts: left.filter((s) => there.has(s) && fromOf.get(s)),
          missing: left.filter((s) => !there.has(s) || !fromOf.get(s)),
        };
      }),
    async firstLooks(from) {
      const { rows } = await db.query<{
        receivedAt: string;
        lookedAt: string | null;
        state: ItemState;
        flags: Flag[];
      }>(
        `SELECT e.received_at AS "receivedAt", f.at AS "lookedAt", i.state, i.flags FROM items i JOIN events e ON e.seq = i.seq
         LEFT JOIN first_looks f ON f.seq = i.seq WHERE e.received_at >= $1`,
        [from],
      );
      return rows.map(toLook);
    },
    async audit({ cursor = 0, limit, item }) {
      const { rows } = await db.query<AuditEntry & { seq: string; item: string }>(
        `SELECT seq, at, actor, action, item, reason FROM audit WHERE seq > $1 AND ($3::bigint IS NULL OR item = $3)
         ORDER BY seq LIMIT $2`,
        [cursor, limit, item ?? null],
      );
      return rows.map((r) => ({ ...r, seq: Number(r.seq), item: Number(r.item) }));
    },
    async appendAudit({ actor, action, item, reason }) {
      await db.query('INSERT INTO audit (at, actor, action, item, reason) VALUES ($1, $2, $3, $4, $5)', [
        new Date().toISOString(),
        actor,
        action,
        item,
        reason,
      ]);
    },
  };
  return methods;
}
