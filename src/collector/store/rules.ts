// What both stores decide alike, with no SQL in it: each store keeps only its statements.
import { EventTypes, type MutualEnvelope } from '../../core/protocol/envelope.js';
import type { Flag, ItemKind, ItemState } from '../moderation.js';
import type { QueueItem } from './types.js';

/** An item as either store's query returns it (PostgreSQL gives bigints as strings, and JSONB as values). */
export interface ItemRow {
  seq: number | string;
  kind: ItemKind;
  state: ItemState;
  flags: string | Flag[];
  updatedAt: string;
  receivedAt: string;
  envelope: string;
}

export const toItem = (r: ItemRow): QueueItem => ({
  seq: Number(r.seq),
  kind: r.kind,
  state: r.state,
  flags: typeof r.flags === 'string' ? (JSON.parse(r.flags) as Flag[]) : r.flags,
  receivedAt: r.receivedAt,
  updatedAt: r.updatedAt,
  event: JSON.parse(r.envelope) as MutualEnvelope,
});

/**
 * The moderation queue's order is flagged first, then newest: a page's cursor is the last item's
 * place in that order, `flagged.seq` (the collector checks its shape before a store sees it).
 */
export const queueCursor = {
  read(cursor: string | undefined): [number | null, number | null] {
    if (!cursor) return [null, null];
    const [flagged, seq] = cursor.split('.').map(Number);
    return [flagged, seq];
  },
  after(items: QueueItem[], limit: number): string | null {
    const last = items.at(-1);
    return items.length === limit && last ? `${last.flags.length ? 1 : 0}.${last.seq}` : null;
  },
};

/** Another moderator decided first: the item is no longer in the state this decision was made from. */
export const conflict = (seq: number) =>
  Object.assign(new Error(`item ${seq} was decided meanwhile`), { code: 'MUTUAL_CONFLICT' });

/** Reaction counts by name, from a store's rows (those above zero). */
export const countsOf = (rows: { reaction: string; n: number | string }[]): Record<string, number> =>
  Object.fromEntries(rows.map((r) => [String(r.reaction), Number(r.n)]));

/**
 * How a decision moves its member's trust: an approval counts one more, a hiding starts them over,
 * and an approval undone (back to pending) counts one less. Anything else leaves it as it was.
 */
export function trustChange(state: ItemState, previous: ItemState): 'approved' | 'hidden' | 'undone' | null {
  if (state === previous) return null;
  if (state === 'approved' || state === 'hidden') return state;
  return previous === 'approved' ? 'undone' : null;
}

/** What peers read of a member's text (`data.…`): deleted when its author takes it down. */
export const STORY_FIELDS = ['heading', 'text', 'author', 'tags', 'contentWarning'] as const;

/** Member texts taken down by their own id (a story by the id it is served under). */
export const WITHDRAWN_BY_ID: string[] = [
  EventTypes.storyResponse,
  EventTypes.checkinEncouragement,
  EventTypes.checkinTipShared,
];

/** Every member text peers may read: each has one public id, claimed once (see `text_ids`). */
export const TEXT_TYPES: string[] = [EventTypes.storySubmitted, ...WITHDRAWN_BY_ID];

/**
 * The id peers, take-downs and responses know a text by: a story's `subject` (a host's CMS id) or
 * else its event id; any other text's event id. `null` for events that are not texts.
 */
export const publicTextId = (e: { type: string; id: string; subject?: string | null }): string | null =>
  !TEXT_TYPES.includes(e.type) ? null : e.type === EventTypes.storySubmitted ? (e.subject ?? e.id) : e.id;

const items = (seqs: number[]) => seqs.map((seq) => `#${seq}`).join(', ');

/** The audit line of a text its author took down; `responses`: the items hidden with it, by number, never by words. */
export const withdrawReason = (responses: number[]) =>
  `taken down by its author${responses.length ? `; ${responses.length} response(s) to it hidden with it: ${items(responses)}` : ''}`;

/** The audit line of a device's "Forget me": how many reactions, and every text it touched, by item number. */
export const forgetReason = (reactions: number, texts: number[]) =>
  `deleted at the member's request: reactions ${reactions}, texts ${texts.length}${texts.length ? ` (${items(texts)})` : ''}`;

/** A moderation CloudEvent that must reach a person (crisis language, a report). */
export const isUrgentNotice = (type: string) => type === 'org.mutual.moderation.attention';

/** A row of `firstLooks`, as either store's query returns it. */
export const toLook = (r: {
  receivedAt: string;
  lookedAt: string | null;
  state: ItemState;
  flags: string | Flag[];
}) => ({
  receivedAt: r.receivedAt,
  lookedAt: r.lookedAt,
  pending: r.state === 'pending',
  crisis: (typeof r.flags === 'string' ? (JSON.parse(r.flags) as Flag[]) : r.flags).includes('crisis'),
});
