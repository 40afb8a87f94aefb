import { BATCH_CONTENT_TYPE } from '../protocol/envelope.js';
import { warnOnce } from '../warn.js';

/**
 * What one POST came to. `answered`: the endpoint took the batch; `rejected` lists the events it
 * refused for good (from per-event answers, or the whole batch when it was one event). `split`: a
 * receiver refused a whole batch without saying which event: send halves to find it.
 */
export type Outcome =
  | { kind: 'answered'; rejected: Map<string, string> }
  | { kind: 'retry'; after?: number; reason: string }
  | { kind: 'split'; reason: string };

/** Per-event answers (the reference collector's format, see docs/events.md, "The answer"). */
export function perEvent(body: unknown): Map<string, string> | null {
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return null;
  const rejected = new Map<string, string>();
  for (const r of results as { id?: unknown; status?: unknown; field?: unknown; reason?: unknown }[]) {
    if (r?.status === 'rejected' && typeof r.id === 'string')
      rejected.set(r.id, `${r.field ?? ''} ${r.reason ?? 'rejected'}`.trim());
  }
  return rejected;
}

export const readJson = (res: Response) => res.json().catch(() => null) as Promise<unknown>;

export const KEEPALIVE_LIMIT = 60_000; // browsers cap keepalive/beacon bodies at 64 KiB in total

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** How a batch is sent: cookies only if the host asks, its headers, and how long an answer may take. */
export interface PostOptions {
  credentials: RequestCredentials;
  headers: Record<string, string>;
  timeoutMs: number;
}

/**
 * One POST of a batch to the endpoint (an absolute URL), and what its answer means. `network`: no
 * answer at all (offline, refused by CORS, timed out).
 */
export async function postBatch(
  endpoint: string,
  body: string,
  opts: PostOptions,
): Promise<Outcome | { kind: 'network'; reason: string }> {
  let res: Response;
  try {
    res = await fetch(new URL(endpoint), {
      method: 'POST',
      body,
      keepalive: body.length < KEEPALIVE_LIMIT,
      credentials: opts.credentials,
      headers: { 'content-type': BATCH_CONTENT_TYPE, ...opts.headers },
      // Only the endpoint receives events: a redirect is never followed (it could re-POST a
      // private check-in to another origin, or turn the POST into a GET that "succeeds").
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (error) {
    return { kind: 'network', reason: error instanceof Error ? error.message : String(error) };
  }
  // Read every answer: an unread keepalive response keeps counting against the browser's
  // 64 KiB keepalive quota, and later sends would fail with "Failed to fetch".
  if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
    warnOnce(
      `redirect:${endpoint}`,
      `Mutual: ${endpoint} answered with a redirect. Events are never sent to another address: set the endpoint to its final URL. They stay queued and are retried.`,
    );
    return { kind: 'retry', reason: 'redirect' };
  }
  const isJson = /json/i.test(res.headers.get('content-type') ?? '');
  if (res.ok) {
    if (/html/i.test(res.headers.get('content-type') ?? '')) {
      // A single-page app's fallback page is not the endpoint: nothing was stored.
      await res.arrayBuffer().catch(() => undefined);
      warnOnce(
        `html:${endpoint}`,
        `Mutual: ${endpoint} answered with an HTML page, not an acknowledgement; is it the right URL? Events stay queued and are retried.`,
      );
      return { kind: 'retry', reason: 'html answer' };
    }
    const answer = isJson ? await readJson(res) : await res.arrayBuffer().catch(() => null);
    return { kind: 'answered', rejected: perEvent(answer) ?? new Map() };
  }
  const answer = isJson ? await readJson(res) : null;
  const reason =
    `${res.status} ${answer ? JSON.stringify(answer).slice(0, 200) : (await res.text().catch(() => '')).slice(0, 200)}`.trim();
  if (res.status >= 500 || res.status === 408 || res.status === 429) {
    return { kind: 'retry', after: parseRetryAfter(res.headers.get('retry-after')), reason };
  }
  const rejected = perEvent(answer);
  return rejected ? { kind: 'answered', rejected } : { kind: 'split', reason };
}
