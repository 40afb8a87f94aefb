// `POST …/mine`: what came back to a member's own texts, answered only against proof that they
// wrote them — the author key each text was sent with, which only their device keeps and which
// the collector holds as a hash. A stranger who knows an id learns nothing that is not public.
import { Limits } from '../../core/protocol/envelope.js';
import { authorKeyHash } from '../author-key.js';
import type { CollectorContext } from '../context.js';
import { HttpError, readJsonObject } from '../http.js';
import { json, type Answer, type CollectorRequest } from '../request.js';
import { itemText } from '../moderation.js';

const STATE = { pending: 'waiting', approved: 'published', hidden: 'not-published' } as const;

export function createMineRoute({ store, rate, moderation }: CollectorContext) {
  const reasons = new Set<string>(moderation.hideReasons);
  return async function answerMine(req: CollectorRequest): Promise<Answer> {
    const body = await readJsonObject(req, 32 * 1024);
    const proofs = body.texts;
    if (!Array.isArray(proofs) || !proofs.length || proofs.length > Limits.listItems)
      throw new HttpError(400, `texts must list 1 to ${Limits.listItems} {id, key}`, { field: 'texts' });
    const keys = new Map<string, string>();
    proofs.forEach((p: unknown, i) => {
      const { id, key } = (p ?? {}) as { id?: unknown; key?: unknown };
      if (typeof id !== 'string' || !id || id.length > Limits.subjectLength)
        throw new HttpError(400, 'each text needs its id', { field: `texts[${i}].id` });
      if (typeof key !== 'string' || !/^[0-9a-f]{32,128}$/.test(key))
        throw new HttpError(400, 'each text needs the author key it was sent with', { field: `texts[${i}].key` });
      keys.set(id, authorKeyHash(key));
    });
    // One device's texts cost as many requests as there are texts.
    rate.take(req, keys.size);
    const own = (await store.texts([...keys.keys()])).filter((t) => t.keyHash !== null && t.keyHash === keys.get(t.id));
    const stories = own.filter((t) => t.kind === 'story' && t.state === 'approved').map((t) => t.id);
    const [responseCounts, shown] = await Promise.all([
      store.responseCounts(stories),
      store.shownCounts(own.filter((t) => t.kind === 'encouragement').map((t) => t.id)),
    ]);
    const texts = await Promise.all(
      own.map(async (t) => {
        const published = t.state === 'approved';
        const answer: Record<string, unknown> = { id: t.id, kind: t.kind, state: STATE[t.state] };
        if (published && t.kind === 'story') {
          const responses = await store.responses(t.id, { cursor: 0, limit: 20 });
          answer.reactions = await store.counts(t.id);
          answer.responses = {
            count: responseCounts[t.id] ?? 0,
            latest: responses.map((r) => ({ id: r.event.id, text: itemText(r.event), time: r.event.time })),
          };
        }
        if (published && t.kind === 'encouragement') answer.shownTo = shown[t.id] ?? 0;
        // Why it was not published, when the moderator chose one of the host's reasons; never their own words.
        if (t.state === 'hidden' && t.hideReason && reasons.has(t.hideReason)) answer.reason = t.hideReason;
        return answer;
      }),
    );
    return json(200, { texts });
  };
}
