// Build step: writes the envelope's JSON Schema to dist/mutual-event.schema.json.
import { writeFileSync } from 'node:fs';
import { answerSchema, envelopeSchema } from '../core/protocol/schema.js';

writeFileSync(
  new URL('../../mutual-event.schema.json', import.meta.url),
  `${JSON.stringify(envelopeSchema, null, 2)}\n`,
);
writeFileSync(
  new URL('../../mutual-answer.schema.json', import.meta.url),
  `${JSON.stringify(answerSchema, null, 2)}\n`,
);
