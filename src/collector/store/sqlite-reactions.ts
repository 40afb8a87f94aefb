import type Database from 'better-sqlite3';
import { EventTypes, type MutualEnvelope } from '../../core/protocol/envelope.js';
import { countsOf } from './rules.js';

/**
 * Reactions: each reader's latest state per subject and reaction, and the counts kept up to date
 * as events arrive (read in O(1), never recomputed).
 */
export function sqliteReactions(db: Database.Database) {
  const reactorQuery = db.prepare(
    `SELECT active, time FROM reactors WHERE subject = @subject AND reaction = @reaction AND reactor = @reactor`,
  );
  const newReactor = db.prepare(
    `INSERT OR IGNORE INTO reactors (subject, reaction, reactor, active, time) VALUES (@subject, @reaction, @reactor, @active, @time)`,
  );
  const upsertReactor = db.prepare(
    `INSERT INTO reactors (subject, reaction, reactor, active, time) VALUES (@subject, @reaction, @reactor, @active, @time)
     ON CONFLICT (subject, reaction, reactor) DO UPDATE SET active = excluded.active, time = excluded.time`,
  );
  const addCount = db.prepare(
    `INSERT INTO reaction_counts (subject, reaction, n) VALUES (@subject, @reaction, @delta)
     ON CONFLICT (subject, reaction) DO UPDATE SET n = MAX(0, n + @delta)`,
  );
  const countQuery = db.prepare(`SELECT reaction, n FROM reaction_counts WHERE subject = ? AND n > 0`);
  const reactorRows = db.prepare(`SELECT subject, reaction, active FROM reactors WHERE reactor = ?`);
  const dropReactor = db.prepare(`DELETE FROM reactors WHERE reactor = ?`);
  const dropReactions = db.prepare(
    `DELETE FROM events WHERE type IN (@added, @removed) AND json_extract(envelope, '$.data.reactor') = @reactor`,
  );
  return {
    /** One reader, once per subject and reaction: the latest `added` or `removed` (by event time) wins. */
    react(e: MutualEnvelope): void {
      const data = e.data as { reaction: string; reactor: string };
      const key = { subject: e.subject ?? '', reaction: data.reaction, reactor: data.reactor };
      const active = e.type === EventTypes.reactionAdded ? 1 : 0;
      // Most reactions are a reader's first on that subject: one statement then, not a read and a write.
      if (newReactor.run({ ...key, active, time: e.time }).changes) {
        if (active) addCount.run({ subject: key.subject, reaction: key.reaction, delta: 1 });
        return;
      }
      const before = reactorQuery.get(key) as { active: number; time: string };
      if (before.time > e.time) return; // an older event arriving late changes nothing
      upsertReactor.run({ ...key, active, time: e.time });
      const delta = active - before.active;
      if (delta) addCount.run({ subject: key.subject, reaction: key.reaction, delta });
    },
    /** A reader's reactions leave the counts and the store ("Forget me"); how many events went. */
    forgetReactor(reactor: string): number {
      for (const r of reactorRows.all(reactor) as { subject: string; reaction: string; active: number }[])
        if (r.active) addCount.run({ subject: r.subject, reaction: r.reaction, delta: -1 });
      dropReactor.run(reactor);
      return dropReactions.run({ added: EventTypes.reactionAdded, removed: EventTypes.reactionRemoved, reactor })
        .changes;
    },
    counts: (subject: string) => countsOf(countQuery.all(subject) as { reaction: string; n: number }[]),
  };
}
