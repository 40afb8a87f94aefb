// Build step: writes the envelope's JSON Schema to dist/mutual-event.schema.json.
import { writeFileSync } from 'node:fs';
import { envelopeSchema } from '../core/schema.js';

writeFileSync(new URL('../../mutual-event.schema.json', import.meta.url), `${JSON.stringify(envelopeSchema, null, 2)}\n`);
