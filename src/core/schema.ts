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
          { type: 'array', maxItems: Limits.listItems, items: { type: ['string', 'number', 'boolean'], maxLength: Limits.listItemLength } },
        ],
      },
    },
  },
  additionalProperties: { type: ['string', 'number', 'boolean'] },
} as const;

