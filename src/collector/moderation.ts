/**
 * Moderation: nothing a member writes reaches another member unreviewed. Every member-written
 * item (a story response, an encouragement, a tip, a story) gets a state — `pending`, `approved`
 * or `hidden` — and only approved items are ever served. Some items are held and flagged even
 * under post-moderation: crisis language, links, contact details, words the host blocks.
 */
import type { SenderOptions } from './sender.js';
import { unmask } from '../core/unmask.js';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { suggestsCrisis } from '../core/crisis-language.js';
import { EventTypes, type MutualEnvelope } from '../core/envelope.js';
import { findIdentifiers } from '../core/identity.js';

export type ItemKind = 'response' | 'encouragement' | 'tip' | 'story';
export type ItemState = 'pending' | 'approved' | 'hidden';
export type Flag = 'crisis' | 'link' | 'contact' | 'blocked-word';

/** Which events are member-written items, and of which kind. Check-ins are private: never served, so not moderated. */
export const ITEM_KINDS: Record<string, ItemKind> = {
  [EventTypes.storyResponse]: 'response',
  [EventTypes.checkinEncouragement]: 'encouragement',
  [EventTypes.checkinTipShared]: 'tip',
  'org.mutual.story.submitted': 'story',
};

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

/** The automatic holds for a text: the same phrase tables and identity detector the browser uses. */
export function flagsFor(text: string, blockedWords: string[] = []): Flag[] {
  const flags: Flag[] = [];
  if (suggestsCrisis(text)) flags.push('crisis');
  const found = findIdentifiers(text);
  if (found.includes('url')) flags.push('link');
  if (found.some((k) => k !== 'url')) flags.push('contact');
  const lower = unmask(text).toLowerCase();
  if (
    blockedWords.some(
      (w) =>
        w &&
        new RegExp(
          `(?<![\\p{L}\\p{N}])${w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
          'u',
        ).test(lower),
    )
  )
    flags.push('blocked-word');
  return flags;
}

/** The state a new item starts in: pending under pre-moderation, or when anything flagged it. */
export function initialState(kind: ItemKind, flags: Flag[], options: ModerationOptions): ItemState {
  return flags.length || !options.postModerated?.includes(kind) ? 'pending' : 'approved';
}

/** "label:token,label:token" (the environment variable's format). */
export function parseModeratorTokens(value: string | undefined): { label: string; token: string }[] {
  return (value ?? '')
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const cut = entry.indexOf(':');
      return cut > 0
        ? { label: entry.slice(0, cut).trim(), token: entry.slice(cut + 1).trim() }
        : { label: 'moderator', token: entry };
    })
    .filter((m) => m.token.length >= 16);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** An author key as it is kept at rest (SHA-256, hex): a copy of the database cannot take texts down. */
export const authorKeyHash = (key: string) => createHash('sha256').update(key).digest('hex');

/** A member's text (story, response, encouragement, tip) as it is stored and forwarded: its author key replaced by the key's hash. */
export function hashAuthorKey(event: MutualEnvelope): MutualEnvelope {
  if (typeof event.data.authorKey !== 'string' || event.type === EventTypes.storyWithdrawn) return event;
  return { ...event, data: { ...event.data, authorKey: authorKeyHash(event.data.authorKey) } };
}

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403 | 400 | 429,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Moderator tokens, held as hashes and compared in constant time. Sent as `Authorization: Bearer`,
 * never in a URL. A wrong token is answered slowly, and a client that keeps trying is limited.
 */
export function createModeratorAuth(
  moderators: { label: string; token: string }[],
  /** The client behind the trusted proxies (`--trust-proxy`): guessing is limited per client, not per socket. */
  clientOf: (req: IncomingMessage) => string = (req) => req.socket.remoteAddress ?? 'unknown',
) {
  const hashes = moderators.map((m) => ({ label: m.label, hash: sha256(m.token) }));
  const failures = new Map<string, { count: number; resetAt: number }>();
  return {
    get configured() {
      return hashes.length > 0;
    },
    /** The moderator's label, or an AuthError (after a delay for a wrong token). */
    async check(req: IncomingMessage, url: URL): Promise<string> {
      for (const name of ['token', 'access_token', 'bearer', 'auth']) {
        if (url.searchParams.has(name))
          throw new AuthError(400, 'a moderator token is never accepted in a URL; send it as Authorization: Bearer');
      }
      const client = clientOf(req);
      const now = Date.now();
      const tries = failures.get(client);
      const header = String(req.headers.authorization ?? '');
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new AuthError(401, 'moderator token required (Authorization: Bearer …)');
      const given = sha256(match[1]);
      let label: string | null = null;
      for (const { label: l, hash } of hashes) if (timingSafeEqual(given, hash)) label ??= l;
      // A valid token is always accepted: someone else's guessing never locks a moderator out.
      if (label) return label;
      if (tries && tries.resetAt > now && tries.count >= 10)
        throw new AuthError(429, 'too many wrong tokens; try again later');
      failures.set(
        client,
        tries && tries.resetAt > now
          ? { count: tries.count + 1, resetAt: tries.resetAt }
          : { count: 1, resetAt: now + 60_000 },
      );
      if (failures.size > 10_000) for (const [k, v] of failures) if (v.resetAt < now) failures.delete(k);
      await new Promise((r) => setTimeout(r, 400));
      throw new AuthError(403, 'this moderator token is not valid');
    },
  };
}
