/**
 * The CloudEvents 1.0 envelope every Mutual event travels in (JSON structured mode).
 * The browser builds envelopes with `createEnvelope`; the collector validates them against
 * `envelopeSchema` (./schema.ts, built from the same `Limits`), which the build also writes to
 * `dist/mutual-event.schema.json`.
 * No DOM access here: it is imported by Node too.
 */

/** Every event type Mutual sends. Reverse-DNS, as CloudEvents recommends. */
export const EventTypes = {
  reactionAdded: 'org.mutual.reaction.added',
  reactionRemoved: 'org.mutual.reaction.removed',
  storyViewed: 'org.mutual.story.viewed',
  storyOpened: 'org.mutual.story.opened',
  storyResponse: 'org.mutual.story.response',
  storyReported: 'org.mutual.story.reported',
  checkinSubmitted: 'org.mutual.checkin.submitted',
  checkinEncouragement: 'org.mutual.checkin.encouragement',
  checkinTipShared: 'org.mutual.checkin.tip-shared',
  checkinCrisisShown: 'org.mutual.checkin.crisis-shown',
  storySubmitted: 'org.mutual.story.submitted',
  /**
   * Its author takes down what they wrote — a story, a response, an encouragement, a tip
   * (`subject`: its id): `data.authorKey` is the secret it was sent with, which only the author's
   * device keeps.
   */
  storyWithdrawn: 'org.mutual.story.withdrawn',
  /** "Forget me": the endpoint deletes this device's reactions (by reactor key) and its texts still waiting for review. */
  deviceForget: 'org.mutual.device.forget',
} as const;

/**
 * Events that carry what a member wrote, or take it back: never evicted from the outbox for
 * reactions or views.
 */
export const MEMBER_TEXT_TYPES: ReadonlySet<string> = new Set([
  EventTypes.storyResponse,
  EventTypes.checkinSubmitted,
  EventTypes.checkinEncouragement,
  EventTypes.checkinTipShared,
  'org.mutual.story.submitted',
  'org.mutual.story.withdrawn',
]);

export type MutualEventType = (typeof EventTypes)[keyof typeof EventTypes];

export interface MutualEnvelope<D extends object = Record<string, unknown>> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject?: string;
  datacontenttype: 'application/json';
  data: D;
}

export const BATCH_CONTENT_TYPE = 'application/cloudevents-batch+json';
export const SINGLE_CONTENT_TYPE = 'application/cloudevents+json';

/** Limits shared by the browser (what it will build) and the collector (what it accepts). */
export const Limits = {
  idLength: 128,
  sourceLength: 2048,
  subjectLength: 256,
  /** Free text fields (responses, check-in texts) are capped well below this. */
  stringLength: 4000,
  maxBatch: 200,
  /** Fields in `data`, items in a list (topics), and the length of each item. */
  dataProperties: 32,
  listItems: 32,
  listItemLength: 200,
  /** CloudEvents extension attributes (beyond the core ones) per event, and the length of each value. */
  extensions: 10,
  extensionLength: 256,
  /** One stored event, as JSON characters: what bounds the database's growth per accepted event. */
  eventLength: 16_384,
} as const;

/**
 * A story's text as the paragraphs its card shows: split at blank lines. The composer sends the
 * text joined this way and the collector serves it split this way, so the preview is the card.
 */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The page's address as a CloudEvents `source`: a valid URI reference (`/forum/[thread]` → `/forum/%5Bthread%5D`). */
export function pageSource(origin: string, pathname: string): string {
  return (
    origin +
    pathname
      .replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g, (c) => encodeURIComponent(c))
      .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
  );
}

function uuid(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  // crypto.randomUUID needs a secure context; fall back to getRandomValues (available everywhere).
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function createEnvelope<D extends object>(
  type: string,
  data: D,
  options: { source: string; subject?: string | null },
): MutualEnvelope<D> {
  const envelope: MutualEnvelope<D> = {
    specversion: '1.0',
    id: uuid(),
    source: options.source,
    type,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
  };
  if (options.subject) envelope.subject = options.subject;
  return envelope;
}
