import { requestInit, type EndpointReader } from './endpoint.js';

// What feeds, cards, check-ins and "what came back" read; kept apart from the reader itself so that
// a page of reaction bars carries none of it.

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
