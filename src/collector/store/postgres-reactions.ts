import type { Queryable } from './postgres-db.js';
import { EventTypes, type MutualEnvelope } from '../../core/protocol/envelope.js';

/**
 * Each reader's state (subject, reaction, reactor) is changed by one transaction at a time: its
 * transaction-scoped advisory lock, all of a batch's taken in one order, so two transactions
 * never wait on each other crosswise.
 */
export async function lockReaders(client: Queryable, keys: (readonly [string, string, string])[]): Promise<void> {
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
export async function react(client: Queryable, reactions: MutualEnvelope[]): Promise<void> {
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
