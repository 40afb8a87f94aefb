import type Database from 'better-sqlite3';
import type { MutualEnvelope } from '../../core/protocol/envelope.js';
import { isUrgentNotice } from './rules.js';
import type { SyncStore } from './sqlite.js';
import type { QueueMethods } from './types.js';

type Queues = Pick<SyncStore, QueueMethods>;

/**
 * The two retry queues that survive a restart: events waiting for `--forward` (by the event's seq,
 * written in the insert's transaction) and moderation notices waiting for `--notify`.
 */
export function sqliteQueues(db: Database.Database) {
  const enqueueForward = db.prepare(`INSERT OR IGNORE INTO forward_queue (seq, attempts, next_at) VALUES (?, 0, 0)`);
  const forwardDueQuery = db.prepare(
    `SELECT q.seq, q.attempts, e.envelope FROM forward_queue q JOIN events e ON e.seq = q.seq
     WHERE q.next_at <= @now ORDER BY q.seq LIMIT @limit`,
  );
  const forwardDoneQuery = db.prepare(`DELETE FROM forward_queue WHERE seq = ?`);
  const forwardLaterQuery = db.prepare(
    `UPDATE forward_queue SET attempts = attempts + 1, next_at = @nextAt WHERE seq = @seq`,
  );
  const enqueueNotice = db.prepare(
    `INSERT INTO notify_queue (envelope, urgent, attempts, next_at) VALUES (@envelope, @urgent, 0, 0)`,
  );
  const addNotice = (notice: MutualEnvelope) =>
    enqueueNotice.run({ envelope: JSON.stringify(notice), urgent: isUrgentNotice(notice.type) ? 1 : 0 });
  const noticeDueQuery = db.prepare(
    `SELECT id, attempts, envelope FROM notify_queue WHERE next_at <= @now ORDER BY urgent DESC, id LIMIT @limit`,
  );
  const noticeDoneQuery = db.prepare(`DELETE FROM notify_queue WHERE id = ?`);
  const noticeLaterQuery = db.prepare(
    `UPDATE notify_queue SET attempts = attempts + 1, next_at = @nextAt WHERE id = @id`,
  );
  const noticeTrimQuery = db.prepare(
    `DELETE FROM notify_queue WHERE id IN (
       SELECT id FROM notify_queue ORDER BY urgent, id
       LIMIT MAX(0, (SELECT COUNT(*) FROM notify_queue) - @cap))`,
  );
  const methods: Queues = {
    forwardDue: (now, limit) =>
      (forwardDueQuery.all({ now, limit }) as { seq: number; attempts: number; envelope: string }[]).map((r) => ({
        seq: r.seq,
        attempts: r.attempts,
        event: JSON.parse(r.envelope) as MutualEnvelope,
      })),
    forwardDone: (seq) => void forwardDoneQuery.run(seq),
    forwardLater: (seq, nextAt) => void forwardLaterQuery.run({ seq, nextAt }),
    noticeAdd: db.transaction((notices: MutualEnvelope[]) => void notices.forEach(addNotice)),
    noticeDue: (now, limit) =>
      (noticeDueQuery.all({ now, limit }) as { id: number; attempts: number; envelope: string }[]).map((r) => ({
        id: r.id,
        attempts: r.attempts,
        event: JSON.parse(r.envelope) as MutualEnvelope,
      })),
    noticeDone: (id) => void noticeDoneQuery.run(id),
    noticeLater: (id, nextAt) => void noticeLaterQuery.run({ id, nextAt }),
    noticeTrim: (cap) => noticeTrimQuery.run({ cap }).changes,
  };
  return { enqueueForward: (seq: number) => void enqueueForward.run(seq), addNotice, methods };
}
