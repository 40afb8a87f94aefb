/**
 * The CloudEvents 1.0 envelope every Mutual event travels in (JSON structured mode).
 * This module is the single definition of the schema: the browser builds envelopes with
 * `createEnvelope`, the collector validates them against `envelopeSchema`, and the build
 * writes the same object to `dist/mutual-event.schema.json`.
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
} as const;

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
} as const;

const TYPE_PATTERN = '^org\\.mutual(\\.[a-z][a-z0-9-]*)+$';

/** JSON Schema (draft 2020-12) for one Mutual event. */
export const envelopeSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://mutual.invalid/schema/mutual-event.schema.json',
  title: 'Mutual event (CloudEvents 1.0, JSON structured mode)',
  type: 'object',
  required: ['specversion', 'id', 'source', 'type', 'time', 'datacontenttype', 'data'],
  properties: {
    specversion: { const: '1.0' },
    id: { type: 'string', minLength: 1, maxLength: Limits.idLength },
    source: { type: 'string', minLength: 1, maxLength: Limits.sourceLength, format: 'uri-reference' },
    type: { type: 'string', pattern: TYPE_PATTERN, maxLength: 128 },
    time: { type: 'string', format: 'date-time' },
    subject: { type: 'string', minLength: 1, maxLength: Limits.subjectLength },
    datacontenttype: { const: 'application/json' },
    data: {
      type: 'object',
      maxProperties: 32,
      additionalProperties: {
        anyOf: [
          { type: 'string', maxLength: Limits.stringLength },
          { type: 'number' },
          { type: 'boolean' },
          { type: 'null' },
          { type: 'array', maxItems: 32, items: { type: ['string', 'number', 'boolean'], maxLength: 200 } },
        ],
      },
    },
  },
  additionalProperties: { type: ['string', 'number', 'boolean'] },
} as const;

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
