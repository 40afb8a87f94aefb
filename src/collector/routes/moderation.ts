// The moderation API (`Authorization: Bearer <moderator token>`), under the endpoint's path:
// the queue, one item and its decision, imports from a CMS, the audit log, reports and the pulse.
import { createEnvelope, EventTypes } from '../../core/protocol/envelope.js';
import type { CollectorContext } from '../context.js';
import { HttpError, readJsonObject } from '../http.js';
import { json, type Answer, type CollectorRequest } from '../request.js';
import { ITEM_KINDS, itemText, type ItemKind, type ItemState } from '../moderation.js';
import { AuthError } from '../moderator-auth.js';
import { pulse } from '../pulse.js';
import { queryNumber, seqCursor } from '../query.js';
import type { QueueItem } from '../store/index.js';

/** How long opening an item keeps it a moderator's: long enough to read it, short enough to be let go. */
const CLAIM_MS = 2 * 60_000;
/** The most items one bulk decision takes (a page of the queue is 20 to 200). */
const BULK_MAX = 500;

export function createModerationRoutes({ options, store, moderation, moderators, validate, intake }: CollectorContext) {
  /** What moderators see of an item: its text as data (the admin element renders it as text), flags and context. */
  const forModerators = (item: QueueItem) => ({
    seq: item.seq,
    kind: item.kind,
    state: item.state,
    flags: item.flags,
    receivedAt: item.receivedAt,
    updatedAt: item.updatedAt,
    subject: item.event.subject ?? null,
    text: itemText(item.event),
    data: item.event.data,
  });

  const ACTIONS: Record<string, ItemState> = { approve: 'approved', hide: 'hidden', restore: 'pending' };

  /**
   * The moderation API (Authorization: Bearer <moderator token>):
   * GET /moderation/queue?kind=&state=&flagged=&cursor=&limit= · GET /moderation/items/SEQ ·
   * GET /moderation/items/SEQ/history · POST /moderation/items/SEQ/claim ·
   * POST /moderation/items/SEQ {"action":"approve|hide|restore","reason":"…","from":"pending|approved|hidden"} ·
   * POST /moderation/items {"action":…,"reason":…,"items":[{"seq":1,"from":"pending"}]} (up to 500) ·
   * GET /moderation/audit?cursor=&limit=
   */
  /** A decision moves its member's trust; a change of trust is audited, by item id, without words. */
  async function countTrust(seq: number, state: ItemState, previous: ItemState): Promise<void> {
    const trust = moderation.trust;
    if (!trust) return;
    const change = await store.countDecision(seq, state, previous);
    if (!change) return;
    if (change.before < trust.after && change.after >= trust.after)
      await store.appendAudit({ actor: 'collector', action: 'trusted', item: seq, reason: '' });
    else if (change.before >= trust.after && change.after < trust.after)
      await store.appendAudit({ actor: 'collector', action: 'untrusted', item: seq, reason: '' });
  }

  /** What a decision asks for: the action (own keys only: "toString" or "__proto__" is no action), and its reason. */
  function decisionOf(body: Record<string, unknown>) {
    const state =
      typeof body.action === 'string' && Object.hasOwn(ACTIONS, body.action) ? ACTIONS[body.action] : undefined;
    if (!state) throw new HttpError(400, 'action must be approve, hide or restore', { field: 'action' });
    const reason = typeof body.reason === 'string' ? body.reason.slice(0, 500) : '';
    return { state, action: String(body.action), reason };
  }

  function stateOf(value: unknown, field: string): ItemState {
    if (!Object.values(ACTIONS).includes(value as ItemState))
      throw new HttpError(400, `${field} must be pending, approved or hidden`, { field });
    return value as ItemState;
  }

  /** Who decided an item first, and what it is now (for a 409). */
  async function decidedFirst(seq: number) {
    const now = await store.item(seq);
    const last = (await store.audit({ item: seq, limit: 200 })).at(-1);
    return { state: now?.state ?? null, by: last?.actor ?? null, at: last?.at ?? null };
  }

  /** After decisions: each member's trust moves, and the host hears of them all at once. */
  async function decided(
    items: QueueItem[],
    state: ItemState,
    previous: (item: QueueItem) => ItemState | undefined,
    actor: string,
    reason: string,
  ) {
    for (const item of items) {
      const before = previous(item);
      if (before) await countTrust(item.seq, state, before);
    }
    const type = state === 'approved' ? 'approved' : state === 'hidden' ? 'hidden' : 'restored';
    await intake.emit(
      items.map((item) => ({
        type,
        data: { item: item.seq, kind: item.kind, by: actor, reason },
        subject: item.event.subject,
      })),
    );
  }

  async function answerModeration(req: CollectorRequest, url: URL, sub: string): Promise<Answer> {
    if (!moderators.configured)
      throw new HttpError(403, 'no moderator tokens are configured (MUTUAL_MODERATOR_TOKENS or moderation.moderators)');
    let actor: string;
    try {
      actor = await moderators.check(req, url);
    } catch (error) {
      if (error instanceof AuthError)
        throw new HttpError(error.status, error.message, error.status === 429 ? { retryAfter: 60 } : {});
      throw error;
    }
    const limit = queryNumber(url, 'limit', 50, 200);
    if (req.method === 'GET' && sub === '/moderation/queue') {
      const kind = url.searchParams.get('kind') as ItemKind | null;
      const state = url.searchParams.get('state') as ItemState | null;
      if (kind && !Object.values(ITEM_KINDS).includes(kind))
        throw new HttpError(400, `kind must be one of ${Object.values(ITEM_KINDS).join(', ')}`, { field: 'kind' });
      if (state && !['pending', 'approved', 'hidden'].includes(state))
        throw new HttpError(400, 'state must be pending, approved or hidden', { field: 'state' });
      const flagged = url.searchParams.get('flagged');
      if (flagged !== null && flagged !== 'true' && flagged !== 'false')
        throw new HttpError(400, 'flagged must be true or false', { field: 'flagged' });
      const cursor = url.searchParams.get('cursor');
      if (cursor !== null && !/^[01]\.[1-9]\d{0,15}$/.test(cursor))
        throw new HttpError(400, 'cursor must be the "next" of an earlier page', { field: 'cursor' });
      const page = await store.queue({
        kind: kind ?? undefined,
        state: state ?? undefined,
        flagged: flagged === null ? undefined : flagged === 'true',
        cursor: cursor ?? undefined,
        limit,
      });
      return json(200, {
        items: page.items.map(forModerators),
        next: page.next,
        counts: await store.queueCounts(),
        // What a moderator may give as the reason for hiding (the writer is told what it means).
        hideReasons: moderation.hideReasons,
      });
    }
    if (req.method === 'GET' && sub === '/moderation/reports') {
      // Grouped by story: reasons and counts; "I'm worried about the writer" first.
      const threshold = moderation.reportThreshold ?? 3;
      type Reported = {
        subject: string;
        total: number;
        worried: number;
        reasons: Record<string, number>;
        latest: string;
      };
      // With the story's item and state, so that the same actions (Approve keeps it, Hide takes it down) resolve them.
      const stories = new Map<string, Reported & { item: number | null; state: ItemState | null }>();
      for (const r of await store.reports()) {
        const s = stories.get(r.subject) ?? {
          subject: r.subject,
          total: 0,
          worried: 0,
          reasons: {},
          latest: '',
          item: r.item,
          state: r.state,
        };
        s.total += r.n;
        s.reasons[r.reason ?? 'other'] = r.n;
        if (r.reason === 'worried') s.worried += r.n;
        if (r.latest > s.latest) s.latest = r.latest;
        stories.set(r.subject, s);
      }
      const list = [...stories.values()]
        .map((s) => ({ ...s, markedForReview: s.total >= threshold }))
        .sort(
          (a, b) =>
            Number(b.worried > 0) - Number(a.worried > 0) || b.total - a.total || b.latest.localeCompare(a.latest),
        );
      return json(200, { stories: list.slice(0, limit), threshold });
    }
    if (req.method === 'GET' && sub === '/moderation/pulse') {
      return json(200, await pulse(store, queryNumber(url, 'days', 30, 90), (options.now ?? Date.now)()));
    }
    if (req.method === 'POST' && sub === '/moderation/stories') {
      // A host publishes stories it already has (imported from its CMS): stored and approved at once, audited.
      const body = await readJsonObject(req, 64 * 1024);
      const { id, ...data } = body;
      if (typeof data.text !== 'string' || !data.text.trim())
        throw new HttpError(400, 'text is required', { field: 'text' });
      const event = createEnvelope(EventTypes.storySubmitted, data, {
        source: 'urn:mutual:import',
        subject: typeof id === 'string' ? id : undefined,
      });
      const problem = validate(event);
      if (problem) throw new HttpError(400, `invalid story: ${problem.field} ${problem.message}`, problem);
      const [seq] = (await intake.insert([event])).seqs;
      if (seq === null) throw new HttpError(409, 'this story is already stored');
      const item = await store.moderate(seq, 'approved', actor, 'publish', 'imported');
      return json(201, forModerators(item!));
    }
    if (req.method === 'GET' && sub === '/moderation/audit') {
      return json(200, {
        entries: await store.audit({ cursor: seqCursor(url) ?? 0, limit }),
      });
    }
    const history = /^\/moderation\/items\/(\d{1,15})\/history$/.exec(sub);
    if (history && req.method === 'GET') {
      const seq = Number(history[1]);
      if (!(await store.item(seq))) throw new HttpError(404, `no item ${seq}`);
      return json(200, { item: seq, entries: await store.audit({ item: seq, limit: 200 }) });
    }
    // A moderator opening an item claims it for a while, so a second one sees who is reviewing it.
    const claim = /^\/moderation\/items\/(\d{1,15})\/claim$/.exec(sub);
    if (claim && req.method === 'POST') {
      const seq = Number(claim[1]);
      if (!(await store.item(seq))) throw new HttpError(404, `no item ${seq}`);
      const now = (options.now ?? Date.now)();
      const held = await store.claim(seq, actor, now, now + CLAIM_MS);
      return json(200, {
        item: seq,
        reviewing: held.actor,
        until: new Date(held.until).toISOString(),
        mine: held.actor === actor,
      });
    }
    const match = /^\/moderation\/items\/(\d+)$/.exec(sub);
    if (match) {
      const seq = Number(match[1]);
      if (match[1].length > 15) throw new HttpError(404, `no item ${match[1]}`);
      if (req.method === 'GET') {
        const item = await store.item(seq);
        if (!item) throw new HttpError(404, `no item ${seq}`);
        return json(200, forModerators(item));
      }
      if (req.method === 'POST') {
        const body = await readJsonObject(req, 8192);
        const { state, action, reason } = decisionOf(body);
        // The state the moderator saw: another moderator's decision since then wins, and this one is refused.
        const from = body.from === undefined ? undefined : stateOf(body.from, 'from');
        const previous = moderation.trust ? (await store.item(seq))?.state : undefined;
        let item: QueueItem | undefined;
        try {
          item = await store.moderate(seq, state, actor, action, reason, from);
        } catch (error) {
          if ((error as { code?: string }).code !== 'MUTUAL_CONFLICT') throw error;
          const first = await decidedFirst(seq);
          throw new HttpError(
            409,
            `${first.by ?? 'another moderator'} decided this item first: it is ${first.state ?? 'gone'} now, and this decision changed nothing`,
            { field: 'from', ...first },
          );
        }
        if (!item) throw new HttpError(404, `no item ${seq}`);
        await decided([item], state, () => previous, actor, reason);
        return json(200, forModerators(item));
      }
    }
    if (req.method === 'POST' && sub === '/moderation/items') {
      // One decision on a selection (or the undo of one): each item from the state the moderator saw.
      const body = await readJsonObject(req, 64 * 1024);
      const { state, action, reason } = decisionOf(body);
      const list = body.items;
      if (!Array.isArray(list) || !list.length || list.length > BULK_MAX)
        throw new HttpError(400, `items must list 1 to ${BULK_MAX} items`, { field: 'items' });
      const wanted = list.map((entry, n) => {
        const { seq, from } = (entry ?? {}) as { seq?: unknown; from?: unknown };
        if (!Number.isSafeInteger(seq) || (seq as number) < 1)
          throw new HttpError(400, `items[${n}].seq must be an item's number`, { field: `items[${n}].seq` });
        return { seq: seq as number, from: stateOf(from, `items[${n}].from`) };
      });
      if (new Set(wanted.map((w) => w.seq)).size !== wanted.length)
        throw new HttpError(400, 'items must name each item once', { field: 'items' });
      const result = await store.moderateMany(wanted, state, actor, action, reason);
      const fromOf = new Map(wanted.map((w) => [w.seq, w.from]));
      await decided(result.items, state, (item) => fromOf.get(item.seq), actor, reason);
      return json(200, {
        items: result.items.map(forModerators),
        conflicts: await Promise.all(result.conflicts.map(async (seq) => ({ seq, ...(await decidedFirst(seq)) }))),
        gone: result.missing,
      });
    }
    throw new HttpError(404, 'not a moderation route');
  }

  return answerModeration;
}
