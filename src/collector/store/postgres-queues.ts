import type { Queryable } from './postgres-db.js';
import type { MutualEnvelope } from '../../core/protocol/envelope.js';
import { isUrgentNotice } from './rules.js';
import type { QueueMethods, Store } from './types.js';

/** Moderation notices waiting for `--notify`, in their order. */
export async function addNotices(client: Queryable, notices: MutualEnvelope[]): Promise<void> {
  await client.query(
    `INSERT INTO notify_queue (envelope, urgent, attempts, next_at)
       SELECT e, u, 0, 0 FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS n(e, u, i) ORDER BY i`,
    [notices.map((n) => JSON.stringify(n)), notices.map((n) => (isUrgentNotice(n.type) ? 1 : 0))],
  );
}

/**
 * The two retry queues that survive a restart: events waiting for `--forward` (by the event's seq,
 * written in the insert's transaction) and moderation notices waiting for `--notify`.
 */
export function postgresQueues(db: Queryable) {
  const query = async <T>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];
  // A retry queue's own steps, by its table and key: sent (gone from it), or tried once more and due at `nextAt`.
  const steps = (table: 'forward_queue' | 'notify_queue', key: 'seq' | 'id') => ({
    done: async (k: number) => void (await db.query(`DELETE FROM ${table} WHERE ${key} = $1`, [k])),
    later: async (k: number, nextAt: number) =>
      void (await db.query(`UPDATE ${table} SET attempts = attempts + 1, next_at = $2 WHERE ${key} = $1`, [k, nextAt])),
  });
  const forward = steps('forward_queue', 'seq');
  const notice = steps('notify_queue', 'id');
  const methods: Pick<Store, QueueMethods> = {
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
    forwardDone: forward.done,
    forwardLater: forward.later,
    async noticeAdd(notices) {
      if (notices.length) await addNotices(db, notices);
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
    noticeDone: notice.done,
    noticeLater: notice.later,
    async noticeTrim(cap) {
      const { rowCount } = await db.query(
        `DELETE FROM notify_queue WHERE id IN (
           SELECT id FROM notify_queue ORDER BY urgent, id
           LIMIT GREATEST(0, (SELECT COUNT(*) FROM notify_queue) - $1))`,
        [cap],
      );
      return rowCount ?? 0;
    },
  };
  return methods;
}
