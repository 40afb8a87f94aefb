import { warnAbout } from '../warn.js';

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
export const requestInit = (opts: ReaderOptions, headers: Record<string, string> = {}): RequestInit => ({
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

  /** `GET endpoint?…` as JSON; the readings of one element are the functions below, so a bar carries none of a feed's. */
  async getJson<T>(params: [string, string][]): Promise<T> {
    const url = new URL(this.opts.endpoint);
    for (const [k, v] of params) url.searchParams.append(k, v);
    const res = await fetch(url, requestInit(this.opts));
    if (!res.ok) throw new Error(`GET ${url.pathname} answered ${res.status}`);
    return (await res.json()) as T;
  }
}

const readers = new Map<string, EndpointReader>();

/** One reader per endpoint and settings per page, so bars that render together share a count request. */
export function getReader(options: ReaderOptions): EndpointReader {
  const key = JSON.stringify(options);
  let reader = readers.get(key);
  if (!reader) readers.set(key, (reader = new EndpointReader(options)));
  return reader;
}
