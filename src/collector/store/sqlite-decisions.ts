import type Database from 'better-sqlite3';
import type { ItemState } from '../moderation.js';
import { conflict, toItem, toLook, type ItemRow } from './rules.js';
import type { SyncStore } from './sqlite.js';
import type { AuditEntry, Decided } from './types.js';

/**
 * Moderators' decisions and what is written about them: an item's state, the audit log (appended,
 * never rewritten) and who is reviewing an item.
 */
export function sqliteDecisions(db: Database.Database, itemOf: (seq: number) => ItemRow | undefined) {
  const setState = db.prepare(
    `UPDATE items SET state = @state, updated_at = @at WHERE seq = @seq AND (@from IS NULL OR state = @from)`,
  );
  const addAudit = db.prepare(
    `INSERT INTO audit (at, actor, action, item, reason) VALUES (@at, @actor, @action, @item, @reason)`,
  );
  const auditQuery = db.prepare(
    `SELECT seq, at, actor, action, item, reason FROM audit WHERE seq > @cursor AND (@item IS NULL OR item = @item)
     ORDER BY seq LIMIT @limit`,
  );
  const claimQuery = db.prepare(
    `INSERT INTO claims (seq, actor, until) VALUES (@seq, @actor, @until)
     ON CONFLICT (seq) DO UPDATE SET actor = excluded.actor, until = excluded.until
     WHERE claims.until <= @now OR claims.actor = excluded.actor`,
  );
  const claimHolder = db.prepare(`SELECT actor, until FROM claims WHERE seq = ?`);
  // Opening an item is a look; so is deciding it (an import's "publish" is no one's look).
  const look = db.prepare(`INSERT INTO first_looks (seq, at) VALUES (?, ?) ON CONFLICT DO NOTHING`);
  const looksQuery = db.prepare(
    `SELECT e.received_at AS receivedAt, f.at AS lookedAt, i.state, i.flags FROM items i JOIN events e ON e.seq = i.seq
     LEFT JOIN first_looks f ON f.seq = i.seq WHERE e.received_at >= ?`,
  );
  const claimTx = db.transaction((seq: number, actor: string, now: number, until: number) => {
    claimQuery.run({ seq, actor, now, until });
    look.run(seq, new Date(now).toISOString());
    return claimHolder.get(seq) as { actor: string; until: number };
  });
  const appendAudit = (entry: Omit<AuditEntry, 'seq'>) => void addAudit.run(entry);

  type One = { seq: number; from?: ItemState };
  const decideMany = db.transaction(
    (items: One[], state: ItemState, actor: string, action: string, reason: string): Decided => {
      const at = new Date().toISOString();
      const out: Decided = { items: [], conflicts: [], missing: [] };
      for (const { seq, from } of items) {
        if (!setState.run({ seq, state, at, from: from ?? null }).changes) {
          (from && itemOf(seq) ? out.conflicts : out.missing).push(seq);
          continue;
        }
        addAudit.run({ at, actor, action, item: seq, reason });
        if (action !== 'publish') look.run(seq, at);
        out.items.push(toItem(itemOf(seq)!));
      }
      return out;
    },
  );

  const methods: Pick<SyncStore, 'claim' | 'moderate' | 'moderateMany' | 'audit' | 'appendAudit' | 'firstLooks'> = {
    claim: (seq, actor, now, until) => claimTx(seq, actor, now, until),
    moderate(seq, state, actor, action, reason, from) {
      const { items, conflicts } = decideMany([{ seq, from }], state, actor, action, reason);
      if (conflicts.length) throw conflict(seq);
      return items[0];
    },
    moderateMany: (items, state, actor, action, reason) => decideMany(items, state, actor, action, reason),
    audit: ({ cursor = 0, limit, item }) => auditQuery.all({ cursor, limit, item: item ?? null }) as AuditEntry[],
    firstLooks: (from) =>
      (looksQuery.all(from) as { receivedAt: string; lookedAt: string | null; state: ItemState; flags: string }[]).map(
        toLook,
      ),
    appendAudit: (entry) => appendAudit({ at: new Date().toISOString(), ...entry }),
  };
  return { appendAudit, methods };
}
