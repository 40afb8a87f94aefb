// `--classify URL`: the host's own classifier sees each new member-written item before it enters
// the queue, over a request signed with HMAC-SHA256 (a timestamp and the body, as Coral's external
// moderation phases do). It can only make things stricter: hold an item, never publish one. A
// classifier that is slow, down or answers nonsense leaves the item held for a person.
import { equalBytes, hmacSha256Hex } from './hash.js';

export interface ClassifierOptions {
  url: string;
  /** Shared with the classifier, which checks the signature; at least 16 characters. */
  secret: string;
  /** How long to wait for an answer (ms). Default 2 s. */
  timeoutMs?: number;
}

/** What the classifier is asked: the item's id, kind and everything of it peers would read. */
export interface ClassifierRequest {
  id: string;
  kind: string;
  text: string;
}

/** `held`: the classifier held it; `unavailable`: no usable answer, so a person decides. */
export type Verdict = 'pass' | 'held' | 'unavailable';

export const SIGNATURE_HEADER = 'x-mutual-signature';
export const TIMESTAMP_HEADER = 'x-mutual-timestamp';

export const sign = (secret: string, timestamp: string, body: string) =>
  `sha256=${hmacSha256Hex(secret, `${timestamp}.${body}`)}`;

/**
 * For a classifier written in Node: whether a request really comes from this collector, and is
 * fresh (at most `toleranceSeconds` old, so a recorded request cannot be replayed later).
 */
export function verifyClassifierRequest(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  { now = Date.now(), toleranceSeconds = 300 } = {},
): boolean {
  const timestamp = String(headers[TIMESTAMP_HEADER] ?? '');
  const signature = String(headers[SIGNATURE_HEADER] ?? '');
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const bytes = new TextEncoder();
  return equalBytes(bytes.encode(signature), bytes.encode(sign(secret, timestamp, body)));
}

export function createClassifier(options: ClassifierOptions, now: () => number = Date.now) {
  const { url, secret, timeoutMs = 2_000 } = options;
  if (secret.length < 16) throw new Error('the classifier secret must be at least 16 characters');
  return async function classify(item: ClassifierRequest): Promise<Verdict> {
    const body = JSON.stringify(item);
    const timestamp = String(Math.floor(now() / 1000));
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: sign(secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) return 'unavailable';
      const answer = (await res.json()) as { hold?: unknown };
      if (!answer || typeof answer !== 'object' || (answer.hold !== undefined && typeof answer.hold !== 'boolean'))
        return 'unavailable';
      return answer.hold ? 'held' : 'pass';
    } catch {
      return 'unavailable';
    }
  };
}
