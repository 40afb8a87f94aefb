// What the collector's routes share: errors with a status, what no store can keep, and a JSON body.
import type { CollectorRequest } from './request.js';

/** An error that becomes a JSON answer with this status (and `extra` fields, e.g. the field at fault). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * Where `value` holds a character no store can keep: U+0000 (PostgreSQL's text and JSON types
 * refuse it) or a lone surrogate (ill-formed Unicode from a `\ud800` escape). Decided here, once,
 * for both stores: refused, naming the field (`data.text`, `tags.2`, or the key itself). `null`
 * when everything can be stored. Iterative: deep nesting can't overflow the stack.
 */
export function unstorable(value: unknown, at = ''): string | null {
  const bad = (s: string) => s.includes('\0') || !s.isWellFormed();
  const stack: [unknown, string][] = [[value, at]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (bad(v)) return path || '(value)';
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const here = path ? `${path}.${k}` : k;
        if (bad(k)) return path || '(key)';
        stack.push([x, here]);
      }
    }
  }
  return null;
}

export const UNSTORABLE = 'holds a character that cannot be stored (U+0000 or a lone surrogate)';

/**
 * A moderation request's JSON object body: malformed JSON, another type, or an unstorable
 * character is a 400 naming what is wrong, before anything is written.
 */
export async function readJsonObject(req: CollectorRequest, limit: number): Promise<Record<string, unknown>> {
  const text = (await req.text(limit)) || '{}';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'body is not valid JSON', { field: '(body)' });
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new HttpError(400, 'body must be a JSON object', { field: '(body)' });
  const field = unstorable(body);
  if (field) throw new HttpError(400, `${field} ${UNSTORABLE}`, { field });
  return body as Record<string, unknown>;
}
