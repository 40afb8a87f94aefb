import type { Queryable, Transaction } from './postgres-db.js';
import { EventTypes, type MutualEnvelope } from '../../core/protocol/envelope.js';
import { lockReaders } from './postgres-reactions.js';
import { forgetReason, STORY_FIELDS, withdrawReason, WITHDRAWN_BY_ID } from './rules.js';
import type { OwnText, Store } from './types.js';

/**
 * A text redacted in place (--retain-texts, and a check-in that "Forget me" names): its words go,
 * the event stays, marked; only events that still have words. Callers add their own conditions.
 */
export const REDACT = `UPDATE events SET envelope = jsonb_set(envelope::jsonb #- '{data,text}' #- '{data,hard}' #- '{data,helped}', '{data,redacted}', 'true')::text
  WHERE envelope::json #> '{data,redacted}' IS NULL
    AND (envelope::json #> '{data,text}' IS NOT NULL OR envelope::json #> '{data,hard}' IS NOT NULL OR envelope::json #> '{data,helped}' IS NOT NULL)`;
/**
 * What a member may do with their own texts and ask of them, each proved by its author key: forget
 * ("Forget me"), take down, what came back, and how many peers an encouragement was shown to.
 */
export function postgresOwnTexts(
  db: Queryable,
  transaction: Transaction,
): Pick<Store, 'forget' | 'withdraw' | 'texts' | 'countShown' | 'shownCounts'> {
  return {
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
      const { rows } = await db.query(
        `SELECT CASE WHEN e.type = $1 THEN COALESCE(e.subject, e.id) ELSE e.id END AS id, i.kind, i.state,
                (e.envelope::jsonb)->'data'->>'authorKey' AS "keyHash",
                (SELECT a.reason FROM audit a WHERE a.item = i.seq AND a.action = 'hide' ORDER BY a.seq DESC LIMIT 1) AS "hideReason"
         FROM events e JOIN items i ON i.seq = e.seq
         WHERE (e.type = $1 AND COALESCE(e.subject, e.id) = ANY($2::text[])) OR (e.type = ANY($3::text[]) AND e.id = ANY($2::text[]))`,
        [EventTypes.storySubmitted, ids, WITHDRAWN_BY_ID],
      );
      return (rows as OwnText[]).map((t) => ({ ...t, keyHash: t.keyHash ?? null, hideReason: t.hideReason ?? null }));
    },
    async countShown(ids) {
      if (!ids.length) return;
      // In one order, so two answers counting the same texts never wait on each other crosswise.
      await db.query(
        `INSERT INTO shown_counts (id, n) SELECT id, 1 FROM unnest($1::text[]) AS u(id) ORDER BY id
         ON CONFLICT (id) DO UPDATE SET n = shown_counts.n + 1`,
        [[...new Set(ids)].sort()],
      );
    },
    async shownCounts(ids) {
      const { rows } = await db.query('SELECT id, n FROM shown_counts WHERE id = ANY($1::text[])', [ids]);
      return Object.fromEntries((rows as { id: string; n: string }[]).map((r) => [r.id, Number(r.n)]));
    },
  };
}
