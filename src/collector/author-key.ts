// Author keys: the secret a member's device sent with a text, the only proof that lets them take
// it down. Kept at rest only as a hash.
import { sha256Hex } from './hash.js';
import { EventTypes, type MutualEnvelope } from '../core/protocol/envelope.js';

/** An author key as it is kept at rest (SHA-256, hex): a copy of the database cannot take texts down. */
export const authorKeyHash = (key: string) => sha256Hex(key);

/** A member's text (story, response, encouragement, tip) as it is stored and forwarded: its author key replaced by the key's hash. */
export function hashAuthorKey(event: MutualEnvelope): MutualEnvelope {
  if (typeof event.data.authorKey !== 'string' || event.type === EventTypes.storyWithdrawn) return event;
  return { ...event, data: { ...event.data, authorKey: authorKeyHash(event.data.authorKey) } };
}
