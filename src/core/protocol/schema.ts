import { Limits } from './envelope.js';

/** JSON Schema for one Mutual event; kept out of the browser bundle (only the collector validates). */
const TYPE_PATTERN = '^org\\.mutual(\\.[a-z][a-z0-9-]*)+$';

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
      maxProperties: Limits.dataProperties,
      additionalProperties: {
        anyOf: [
          { type: 'string', maxLength: Limits.stringLength },
          { type: 'number' },
          { type: 'boolean' },
          { type: 'null' },
          {
            type: 'array',
            maxItems: Limits.listItems,
            items: { type: ['string', 'number', 'boolean'], maxLength: Limits.listItemLength },
          },
        ],
      },
    },
  },
  // Extensions: a few short attributes, named as CloudEvents asks (lowercase letters and digits).
  maxProperties: 8 + Limits.extensions,
  propertyNames: { pattern: '^[a-z0-9]{1,20}$' },
  additionalProperties: {
    anyOf: [{ type: 'string', maxLength: Limits.extensionLength }, { type: ['number', 'boolean'] }],
  },
} as const;

/**
 * JSON Schema of the reference collector's answer to a batch: each event's outcome, in order.
 * Any receiver may answer this way; Mutual then drops only the refused events (see docs/events.md).
 */
export const answerSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://mutual.invalid/schema/mutual-answer.schema.json',
  title: 'Answer to a batch of Mutual events (per-event outcomes)',
  type: 'object',
  required: ['results'],
  properties: {
    accepted: { type: 'integer', minimum: 0 },
    duplicates: { type: 'integer', minimum: 0 },
    rejected: { type: 'integer', minimum: 0 },
    results: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'status'],
        properties: {
          id: { type: ['string', 'null'] },
          status: { enum: ['accepted', 'duplicate', 'rejected'] },
          field: { type: 'string', description: 'for `rejected`: the envelope field at fault, e.g. `data.topics`' },
          reason: { type: 'string', description: 'for `rejected`: why, in words' },
        },
      },
    },
  },
} as const;
