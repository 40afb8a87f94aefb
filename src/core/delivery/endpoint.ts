import { warnAbout } from '../warn.js';

/** A published story as the collector serves it: every text is data, rendered as text. */
export interface PublishedStory {
  id: string;
  heading: string | null;
  author: string | null;
  published: string;
  tags: string[];
  contentWarning: string[];
  paragraphs: string[];
  responses: number;
  reactions: Record<string, number>;
}

export interface PublishedResponse {
  id: string;
  text: string;
  time: string;
}

/** Resolved once per endpoint string: a `<base>` that page content adds later never moves it. */
const resolvedEndpoints = new Map<string, string | null>();

/**
 * The endpoint as an absolute http(s) URL, resolved against the page's own address (not
 * `<base>`, which markup inside a story could add). Anything else → one warning and `null`.
 */
export function resolveEndpoint(endpoint: string): string | null {
  // On a server (Lit SSR) nothing is sent, and no page address exists to resolve against.
  if (typeof location === 'undefined') return null;
  let resolved = resolvedEndpoints.get(endpoint);
  if (resolved !== undefined) return resolved;
  try {
    const url = new URL(endpoint, location.href);
    resolved =
      (url.protocol === 'http:' || url.protocol === 'https:') && !/[\s]/.test(endpoint.trim()) ? url.href : null;
  } catch {
    resolved = null;
  }
  if (!resolved) warnAbout('endpoint', { endpoint }, undefined, `endpoint:${endpoint}`);
  resolvedEndpoints.set(endpoint, resolved);
  return resolved;
}

/** Header names and values the browser accepts; a bad one (CR/LF, say) is left out with one warning, instead of stopping all sending. */
export function safeHeaders(headers: Record<string, string>): Record<string, string> {
  const ok: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (/^[!#$%&'*+.^_`|~0-9a-z-]+$/i.test(name) && typeof value === 'string' && !/[\r\n\0]/.test(value))
      ok[name] = value;
    else warnAbout('header', { name }, undefined, `header:${name}`);
  }
  return ok;
}

export interface ReaderOptions {
  /** An absolute http(s) URL (see `resolveEndpoint`). */
  endpoint: string;
  credentials?: RequestCredentials;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** How every reading asks the endpoint: no cookies unless the host chose them, its headers, a timeout. */
const requestInit = (opts: ReaderOptions, headers: Record<string, string> = {}): RequestInit => ({
  credentials: opts.credentials ?? 'omit',
  headers: { accept: 'application/json', ...headers, ...opts.headers },
  signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
});

/**
 * What elements read from the endpoint (counts, stories, responses, peers' messages). Small and
 * loaded with every element; the send path (`transport.ts`) loads on the first send.
 */
export class EndpointReader {
  constructor(readonly opts: ReaderOptions) {}

  get endpoint(): string {
    return this.opts.endpoint;
  }

  #countRequests = new Map<string, { resolve: (c: Record<string, number>) => void; reject: (e: Error) => void }[]>();

  /**
   * Reaction counts for a subject. Requests made in the same moment (a feed of 20 cards) share
   * one `GET endpoint?subject=a&subject=b…` (up to 50 subjects each) instead of one request per bar.
   */
  getCounts(subject: string): Promise<Record<string, number>> {
    return new Promise((resolve, reject) => {
      // 30 ms: long enough to gather bars whose first render was spread over several tasks.
      if (!this.#countRequests.size) setTimeout(() => this.#fetchCounts(), 30);
      const waiting = this.#countRequests.get(subject) ?? [];
      waiting.push({ resolve, reject });
      this.#countRequests.set(subject, waiting);
    });
  }

  #fetchCounts(): void {
    const requests = new Map(this.#countRequests);
    this.#countRequests.clear();
    const subjects = [...requests.keys()];
    for (let i = 0; i < subjects.length; i += 50) {
      const chunk = subjects.slice(i, i + 50);
      this.getJson<{ counts?: unknown; subjects?: Record<string, unknown> }>(chunk.map((s) => ['subject', s]))
        .then((body) => {
          const bySubject = chunk.length === 1 ? { [chunk[0]]: body.counts } : (body.subjects ?? {});
          for (const s of chunk) {
            const counts: Record<string, number> = {};
            const raw = bySubject[s];
            if (raw && typeof raw === 'object')
              for (const [name, n] of Object.entries(raw)) if (Number.isFinite(n)) counts[name] = Number(n);
            requests.get(s)?.forEach((r) => r.resolve(counts));
          }
        })
        .catch((error: Error) => chunk.forEach((s) => requests.get(s)?.forEach((r) => r.reject(error))));
    }
  }

  /** `GET endpoint?…` as JSON; the readings of one element are the functions below, so a bar carries none of a feed's. */
  async getJson<T>(params: [string, string][]): Promise<T> {
    const url = new URL(this.opts.endpoint);
    for (const [k, v] of params) url.searchParams.append(k, v);
    const res = await fetch(url, requestInit(this.opts));
    if (!res.ok) throw new Error(`GET ${url.pathname} answered ${res.status}`);
    return (await res.json()) as T;
  }
}

/** `GET endpoint?peer-messages=N` → recent encouragements peers wrote for each other. */
export async function getPeerMessages(reader: EndpointReader, n = 10): Promise<string[]> {
  const body = await reader.getJson<{ messages?: { text?: unknown }[] }>([['peer-messages', String(n)]]);
  return (body.messages ?? []).map((m) => m?.text).filter((t): t is string => typeof t === 'string' && !!t.trim());
}

/**
 * A page of published stories (`GET ?stories`), newest first; `next` is the cursor for the page
 * after; the first page also says how many there are in all (`total`).
 */
export function getStories(
  reader: EndpointReader,
  query: Record<string, string | undefined>,
): Promise<{ stories: PublishedStory[]; next: string | null; total?: number }> {
  const params: [string, string][] = [['stories', '']];
  for (const [k, v] of Object.entries(query)) if (v) params.push([k, v]);
  return reader.getJson(params);
}

/** A page of a story's approved responses (`GET ?responses=`), oldest first. */
export function getResponses(
  reader: EndpointReader,
  story: string,
  cursor?: string,
): Promise<{ responses: PublishedResponse[]; next: string | null }> {
  return reader.getJson([['responses', story], ...(cursor ? [['cursor', cursor] as [string, string]] : [])]);
}

/** What came back to one of this device's own texts, as the endpoint answers its author. */
export interface CameBack {
  id: string;
  kind: string;
  /** `waiting`, `published` or `not-published`. */
  state: string;
  /** A published story: its reactions by kind, and its approved responses. */
  reactions?: Record<string, number>;
  responses?: { count: number; latest: PublishedResponse[] };
  /** A published encouragement: how many peers it was shown to. */
  shownTo?: number;
  /** Not published: the host's reason the moderator chose (see `hiddenBecause`), if any. */
  reason?: string;
}

/**
 * What came back to this device's own texts (`POST …/mine`), each proved by the author key it was
 * sent with; the endpoint says nothing of a text without its key. Gone ones are left out.
 */
export async function getMine(reader: EndpointReader, texts: { id: string; key: string }[]): Promise<CameBack[]> {
  if (!texts.length) return [];
  // A POST, so that the keys travel in the body, never in a URL (logs, history, referrers).
  const url = new URL(reader.endpoint);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/mine`;
  const res = await fetch(url, {
    ...requestInit(reader.opts, { 'content-type': 'application/json' }),
    method: 'POST',
    body: JSON.stringify({ texts }),
  });
  if (!res.ok) throw new Error(`POST ${url.pathname} answered ${res.status}`);
  const body = (await res.json()) as { texts?: unknown };
  return (Array.isArray(body.texts) ? body.texts : []).filter(
    (t): t is CameBack => typeof t?.id === 'string' && typeof t?.state === 'string',
  );
}

const readers = new Map<string, EndpointReader>();

/** One reader per endpoint and settings per page, so bars that render together share a count request. */
export function getReader(options: ReaderOptions): EndpointReader {
  const key = JSON.stringify(options);
  let reader = readers.get(key);
  if (!reader) readers.set(key, (reader = new EndpointReader(options)));
  return reader;
}
