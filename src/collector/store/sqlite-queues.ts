import type Database from 'better-sqlite3';
import type { MutualEnvelope } from '../../core/protocol/envelope.js';
import { isUrgentNotice } from './rules.js';
import type { SyncStore } from './sqlite.js';
import type { QueueMethods } from './types.js';

type Queues = Pick<SyncStore, QueueMethods>;

/** A retry queue's own steps, by its table and key: sent (gone from it), or tried once more and due at `nextAt`. */
function steps(db: Database.Database, table: 'forward_queue' | 'notify_queue', key: 'seq' | 'id') {
  const done = db.prepare(`DELETE FROM ${table} WHERE ${key} = ?`);
  const later = db.prepare(`UPDATE ${table} SET attempts = attempts + 1, next_at = ? WHERE ${key} = ?`);
  return {
    done: (k: number) => void done.run(k),
    later: (k: number, nextAt: number) => void later.run(nextAt, k),
  };
}

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
  const forward = steps(db, 'forward_queue', 'seq');
  const enqueueNotice = db.prepare(
    `INSERT INTO notify_queue (envelope, urgent, attempts, next_at) VALUES (@envelope, @urgent, 0, 0)`,
  );
  const addNotice = (notice: MutualEnvelope) =>
    enqueueNotice.run({ envelope: JSON.stringify(notice), urgent: isUrgentNotice(notice.type) ? 1 : 0 });
  const noticeDueQuery = db.prepare(
    `SELECT id, attempts, envelope FROM notify_queue WHERE next_at <= @now ORDER BY urgent DESC, id LIMIT @limit`,
  );
  const notice = steps(db, 'notify_queue', 'id');
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
    forwardDone: forward.done,
    forwardLater: forward.later,
    noticeAdd: db.transaction((notices: MutualEnvelope[]) => void notices.forEach(addNotice)),
    noticeDue: (now, limit) =>
      (noticeDueQuery.all({ now, limit }) as { id: number; attempts: number; envelope: string }[]).map((r) => ({
        id: r.id,
        attempts: r.attempts,
        event: JSON.parse(r.envelope) as MutualEnvelope,
      })),
    noticeDone: notice.done,
    noticeLater: notice.later,
    noticeTrim: (cap) => noticeTrimQuery.run({ cap }).changes,
  };
  return { enqueueForward: (seq: number) => void enqueueForward.run(seq), addNotice, methods };
}
