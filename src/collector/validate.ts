// Validation against the shared JSON Schema (built from the same Limits the browser checks).
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { EventTypes, Limits, type MutualEnvelope } from '../core/protocol/envelope.js';
import { envelopeSchema } from '../core/protocol/schema.js';
import { UNSTORABLE, unstorable } from './http.js';

/** A reactor key: what the widget draws (hex), or any host's own opaque id of the same shape. */
const REACTOR = /^[A-Za-z0-9_-]{16,128}$/;

const AUTHORED = new Set<string>([
  EventTypes.storyWithdrawn,
  EventTypes.storySubmitted,
  EventTypes.storyResponse,
  EventTypes.checkinEncouragement,
  EventTypes.checkinTipShared,
]);

/**
 * A reaction counts once per reader: it must say which reaction and carry the reader's anonymous
 * key for this subject (`data.reactor`, see docs/collector.md, "Counts nobody can forge").
 */
function reactionProblem(event: MutualEnvelope): { field: string; message: string } | null {
  if (event.type === EventTypes.deviceForget) {
    const data = event.data as Record<string, unknown>;
    if (!Array.isArray(data.reactors) || data.reactors.some((r) => typeof r !== 'string' || !REACTOR.test(r)))
      return { field: 'data.reactors', message: 'must be a list of reactor keys' };
    if (!Array.isArray(data.events) || data.events.some((id) => typeof id !== 'string' || !id))
      return { field: 'data.events', message: 'must be a list of event ids' };
    if (
      data.keys !== undefined &&
      (!Array.isArray(data.keys) || data.keys.some((k) => typeof k !== 'string' || !REACTOR.test(k)))
    )
      return { field: 'data.keys', message: 'must be a list of author keys' };
    return null;
  }
  const data = event.data as Record<string, unknown>;
  // A member text's author key: the device's secret for taking it down later (stored only as its hash).
  if (AUTHORED.has(event.type)) {
    if (event.type === EventTypes.storyWithdrawn && !event.subject)
      return { field: 'subject', message: 'must name the text to take down' };
    if (
      (event.type === EventTypes.storyWithdrawn || data.authorKey !== undefined) &&
      (typeof data.authorKey !== 'string' || !REACTOR.test(data.authorKey))
    )
      return { field: 'data.authorKey', message: 'must be the text’s author key (16 to 128 letters, digits, - or _)' };
    return null;
  }
  if (event.type !== EventTypes.reactionAdded && event.type !== EventTypes.reactionRemoved) return null;
  if (!event.subject) return { field: 'subject', message: 'is required for a reaction' };
  if (typeof data.reaction !== 'string' || !data.reaction || data.reaction.length > 64)
    return { field: 'data.reaction', message: 'must name the reaction (1 to 64 characters)' };
  if (typeof data.reactor !== 'string' || !REACTOR.test(data.reactor))
    return { field: 'data.reactor', message: 'must be the reader’s anonymous key (16 to 128 letters, digits, - or _)' };
  return null;
}

const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (
  ajv: Ajv2020,
) => void;

/** Validates one event against the shared schema; `null` when valid, else the first problem. */
export function createValidator(): (event: unknown) => { field: string; message: string } | null {
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(envelopeSchema);
  return (event) => {
    // First, so a NUL in `id` or `subject` is refused alone, whatever the schema says of it.
    const unstored = unstorable(event);
    if (unstored) return { field: unstored, message: UNSTORABLE };
    if (validate(event)) {
      if (JSON.stringify(event).length > Limits.eventLength)
        return { field: 'data', message: `makes the event longer than ${Limits.eventLength} characters` };
      return reactionProblem(event as MutualEnvelope);
    }
    const error = validate.errors?.[0];
    const params = error?.params as { missingProperty?: string } | undefined;
    // A bad extension name: ajv reports the name on the propertyNames error that follows.
    const named = validate.errors?.find((e) => (e.params as { propertyName?: string }).propertyName);
    const field =
      params?.missingProperty ??
      (named?.params as { propertyName?: string } | undefined)?.propertyName ??
      (error?.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(event)');
    return { field, message: error?.message ?? 'invalid' };
  };
}
