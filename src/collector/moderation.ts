/**
 * Moderation: nothing a member writes reaches another member unreviewed. Every member-written
 * item (a story response, an encouragement, a tip, a story) gets a state — `pending`, `approved`
 * or `hidden` — and only approved items are ever served. Some items are held and flagged even
 * under post-moderation: crisis language, links, contact details, words the host blocks.
 */
import type { ClassifierOptions } from './classifier.js';
import type { SenderOptions } from './sender.js';
import { EventTypes, type MutualEnvelope } from '../core/protocol/envelope.js';

export type ItemKind = 'response' | 'encouragement' | 'tip' | 'story';
export type ItemState = 'pending' | 'approved' | 'hidden';
/** Why an item is held: the automatic holds, and the host's classifier (`classifier-unavailable`: it gave no usable answer). */
export type Flag = 'crisis' | 'link' | 'contact' | 'blocked-word' | 'classifier' | 'classifier-unavailable';

/** Which events are member-written items, and of which kind. Check-ins are private: never served, so not moderated. */
export const ITEM_KINDS: Record<string, ItemKind> = {
  [EventTypes.storyResponse]: 'response',
  [EventTypes.checkinEncouragement]: 'encouragement',
  [EventTypes.checkinTipShared]: 'tip',
  'org.mutual.story.submitted': 'story',
};

/**
 * Why a moderator hid an item, from a fixed list: the writer is told what it means, kindly and in their
 * own language (under "Your stories on this device"). A moderator's own words are never sent to them.
 */
export const HIDE_REASONS = [
  'names-someone',
  'could-identify-you',
  'contact-details',
  'harmful-detail',
  'not-this-space',
] as const;
export type HideReason = (typeof HIDE_REASONS)[number];

/** The host's choice of reasons (default: all of them); a code that is not one of ours is refused. */
export function hideReasons(chosen: readonly string[] | undefined): HideReason[] {
  const unknown = chosen?.find((r) => !(HIDE_REASONS as readonly string[]).includes(r));
  if (unknown) throw new Error(`hide reason "${unknown}": use some of ${HIDE_REASONS.join(', ')}`);
  return chosen?.length ? ([...new Set(chosen)] as HideReason[]) : [...HIDE_REASONS];
}

export interface ModerationOptions {
  /** Kinds the host publishes at once and reviews afterwards (post-moderation). Default: none (pre-moderation). */
  postModerated?: ItemKind[];
  /** Words that hold an item for review (case-insensitive, whole words). */
  blockedWords?: string[];
  /** Moderator tokens with a label each; kept only as SHA-256 hashes. Default: `MUTUAL_MODERATOR_TOKENS` ("label:token,…"). */
  moderators?: { label: string; token: string }[];
  /** Origins whose pages may call the moderation API (the host's admin page). Same origin always may. */
  adminOrigins?: string[];
  /** A story reported this many times is marked for review. Default 3. */
  reportThreshold?: number;
  /** Called when something needs attention: a report, or an item held for crisis language. */
  onAttention?: (event: MutualEnvelope) => void;
  /** Every moderation CloudEvent (`org.mutual.moderation.*`: decisions and attention), for the host's own pipeline. */
  onEvent?: (event: MutualEnvelope) => void;
  /**
   * A URL that receives each moderation CloudEvent (structured mode). Queued in the store (attention
   * in the same transaction as the item that caused it), retried with backoff and `Retry-After`, never
   * redirected, at most `NOTIFY_QUEUE_CAP` waiting; a restart resumes. A string, or the URL with retry timing.
   */
  /**
   * Graduated trust, for members signed in through host tokens: after `after` of a member's items
   * were approved (none hidden since), their items of these `kinds` are post-moderated. Anything
   * flagged stays held; one hidden item starts them over. Without a token, everything is reviewed first.
   */
  trust?: { after: number; kinds: ItemKind[] };
  /** The reasons moderators choose from when they hide an item (default: every one of `HIDE_REASONS`). */
  hideReasons?: HideReason[];
  /**
   * The host's classifier (`--classify URL`): each new item is sent to it, signed, before it enters
   * the queue. It may hold an item, never publish one; no usable answer holds it for a person.
   */
  classify?: ClassifierOptions;
  notify?: string | SenderOptions;
}

/** What the text of an item is, for the checks and the queue. */
export function itemText(event: MutualEnvelope): string {
  const data = event.data as Record<string, unknown>;
  return [data.heading, data.text, ...(Array.isArray(data.paragraphs) ? data.paragraphs : [])]
    .filter((v) => typeof v === 'string')
    .join('\n');
}

/**
 * Everything of an item that peers will read, for the automatic holds: its text, and a story's
 * name, topics and content-warning topics (free entry, so as open to a phone number or a slur).
 */
export function reviewedText(event: MutualEnvelope): string {
  const data = event.data as Record<string, unknown>;
  return [itemText(event), data.author, ...strings(data.tags), ...strings(data.contentWarning)]
    .filter((v) => typeof v === 'string' && v)
    .join('\n');
}

/** The strings of a list a member sent (tags, content-warning topics); anything else is left out. */
export const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** The state a new item starts in: pending under pre-moderation, or when anything flagged it. */
export function initialState(kind: ItemKind, flags: Flag[], options: ModerationOptions, trusted = false): ItemState {
  return flags.length || !(options.postModerated?.includes(kind) || trusted) ? 'pending' : 'approved';
}
