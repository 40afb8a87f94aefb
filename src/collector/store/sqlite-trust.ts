import type Database from 'better-sqlite3';
import type { ItemState } from '../moderation.js';
import { trustChange } from './rules.js';
import type { SyncStore } from './sqlite.js';

/**
 * Graduated trust (with host tokens): which member wrote an item (a hash of the token's subject),
 * and how many of their items moderators approved since the last one hidden.
 */
export function sqliteTrust(db: Database.Database) {
  const addItemMember = db.prepare(`INSERT OR IGNORE INTO item_members (seq, member) VALUES (@seq, @member)`);
  const trustQuery = db.prepare(`SELECT approved, hidden FROM member_trust WHERE member = ?`);
  const memberOf = db.prepare(`SELECT member FROM item_members WHERE seq = ?`);
  const countApproved = db.prepare(
    `INSERT INTO member_trust (member, approved, hidden) VALUES (@member, 1, 0)
     ON CONFLICT (member) DO UPDATE SET approved = approved + 1`,
  );
  const countHidden = db.prepare(
    `INSERT INTO member_trust (member, approved, hidden) VALUES (@member, 0, 1)
     ON CONFLICT (member) DO UPDATE SET approved = 0, hidden = hidden + 1`,
  );
  const trustOf = (member: string) =>
    (trustQuery.get(member) as { approved: number; hidden: number } | undefined) ?? { approved: 0, hidden: 0 };
  const uncountApproved = db.prepare(`UPDATE member_trust SET approved = MAX(0, approved - 1) WHERE member = @member`);
  const countDecisionTx = db.transaction((seq: number, state: ItemState, previous: ItemState) => {
    const change = trustChange(state, previous);
    const member = change && (memberOf.get(seq) as { member: string } | undefined)?.member;
    if (!member) return null;
    const before = trustOf(member).approved;
    ({ approved: countApproved, hidden: countHidden, undone: uncountApproved })[change].run({ member });
    return { member, before, after: trustOf(member).approved };
  });
  const methods: Pick<SyncStore, 'memberTrust' | 'countDecision'> = {
    memberTrust: (member) => trustOf(member),
    countDecision: (seq, state, previous) => countDecisionTx(seq, state, previous),
  };
  return {
    addItemMember: (seq: number, member: string) => void addItemMember.run({ seq, member }),
    methods,
  };
}
