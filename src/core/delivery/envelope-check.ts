import { Limits, type MutualEnvelope } from '../protocol/envelope.js';
import { warnOnce } from '../warn.js';

/** The CloudEvents attributes Mutual uses; any other top-level attribute is an extension. */
const CORE_ATTRIBUTES = ['specversion', 'id', 'source', 'type', 'time', 'datacontenttype', 'subject', 'data'];

/**
 * The first field of an envelope that the collector's schema would refuse, or null. Checked in
 * the page after the host's `mutual-event` listeners ran, so one enrichment cannot get a whole
 * batch refused. The collector's JSON Schema (./schema.ts) is built from the same `Limits`.
 */
export function envelopeProblem(envelope: MutualEnvelope): { field: string; message: string } | null {
  const data = envelope.data as Record<string, unknown>;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { field: 'data', message: 'must be an object' };
  const entries = Object.entries(data);
  if (entries.length > Limits.dataProperties)
    return { field: 'data', message: `must have at most ${Limits.dataProperties} fields` };
  for (const [key, value] of entries) {
    const field = `data.${key}`;
    if (typeof value === 'string') {
      if (value.length > Limits.stringLength)
        return { field, message: `must be at most ${Limits.stringLength} characters` };
    } else if (Array.isArray(value)) {
      if (value.length > Limits.listItems) return { field, message: `must have at most ${Limits.listItems} items` };
      if (
        value.some(
          (v) => !['string', 'number', 'boolean'].includes(typeof v) || String(v).length > Limits.listItemLength,
        )
      ) {
        return {
          field,
          message: `items must be strings, numbers or booleans of at most ${Limits.listItemLength} characters`,
        };
      }
    } else if (value !== null && !['number', 'boolean'].includes(typeof value))
      return { field, message: 'must be a string, number, boolean, null or list' };
  }
  let extensions = 0;
  for (const [key, value] of Object.entries(envelope)) {
    if (key !== 'data' && !['string', 'number', 'boolean'].includes(typeof value))
      return { field: key, message: 'must be a string, number or boolean' };
    if (CORE_ATTRIBUTES.includes(key)) continue;
    if (++extensions > Limits.extensions)
      return { field: key, message: `is one extension attribute too many (at most ${Limits.extensions})` };
    if (!/^[a-z0-9]{1,20}$/.test(key)) return { field: key, message: 'must be 1 to 20 lowercase letters or digits' };
    if (String(value).length > Limits.extensionLength)
      return { field: key, message: `must be at most ${Limits.extensionLength} characters` };
  }
  if (envelope.subject !== undefined && (!envelope.subject || envelope.subject.length > Limits.subjectLength))
    return { field: 'subject', message: `must be 1 to ${Limits.subjectLength} characters` };
  if (!envelope.source || envelope.source.length > Limits.sourceLength)
    return { field: 'source', message: `must be 1 to ${Limits.sourceLength} characters` };
  return null;
}

/**
 * Leaves out what the endpoint would refuse — a listener's enrichment that breaks the envelope —
 * with a warning naming the field, instead of costing the event (or its batch). False when a core
 * attribute is wrong: then the event cannot be sent at all (the warning says why).
 */
export function repairEnvelope(envelope: MutualEnvelope, host: EventTarget): boolean {
  for (
    let problem = envelopeProblem(envelope), guard = 0;
    problem && guard < 64;
    problem = envelopeProblem(envelope), guard++
  ) {
    warnOnce(
      `envelope:${problem.field}`,
      `Mutual: the event's ${problem.field} ${problem.message} (set by a "mutual-event" listener or an attribute); the endpoint would refuse it, so it is left out.`,
      host,
    );
    const [head, key] = problem.field.split('.');
    if (head === 'data' && key) delete (envelope.data as Record<string, unknown>)[key];
    else if (head === 'data') envelope.data = {};
    else if (!CORE_ATTRIBUTES.includes(head)) delete (envelope as unknown as Record<string, unknown>)[head];
    else return false;
  }
  return true;
}
