import type { Transaction } from './postgres-db.js';
import { trustChange } from './rules.js';
import type { Store } from './types.js';

/** Each change of a member's trust (see `trustChange`), answering their approvals after it. */
const TRUST_CHANGES = {
  approved: `INSERT INTO member_trust (member, approved, hidden) VALUES ($1, 1, 0)
    ON CONFLICT (member) DO UPDATE SET approved = member_trust.approved + 1 RETURNING approved`,
  hidden: `INSERT INTO member_trust (member, approved, hidden) VALUES ($1, 0, 1)
    ON CONFLICT (member) DO UPDATE SET approved = 0, hidden = member_trust.hidden + 1 RETURNING approved`,
  undone: `INSERT INTO member_trust (member, approved, hidden) VALUES ($1, 0, 0)
    ON CONFLICT (member) DO UPDATE SET approved = GREATEST(0, member_trust.approved - 1) RETURNING approved`,
} as const;

/** Graduated trust (with host tokens): a member's approvals since the last item hidden. */
export function postgresTrust(
  transaction: Transaction,
  query: <T>(sql: string, params?: unknown[]) => Promise<T[]>,
): Pick<Store, 'memberTrust' | 'countDecision'> {
  return {
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
  };
}
