import type { MutualEnvelope } from '../../src/core/protocol/envelope.js';

/**
 * Talks to the real reference collector mounted on the test server at /events
 * (web-test-runner.config.mjs): a real SQLite file, fault switch enabled.
 */
export const ENDPOINT = '/events';

let counter = 0;
/** A fresh scope per test: endpoint `/events?scope=…` so faults and request counts don't leak between tests. */
export function scoped(name = 't'): { scope: string; endpoint: string } {
  const scope = `${name}-${Date.now().toString(36)}-${++counter}`;
  return { scope, endpoint: `${ENDPOINT}?scope=${scope}` };
}

export function uniqueSubject(name = 'subject'): string {
  return `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface Stored {
  seq: number;
  receivedAt: string;
  event: MutualEnvelope;
}

/** Everything the collector stored, optionally for one subject or type. */
export async function stored(
  filter: { subject?: string; type?: string } = {},
  endpoint = ENDPOINT,
): Promise<MutualEnvelope[]> {
  const all: MutualEnvelope[] = [];
  let since = 0;
  for (;;) {
    const url = new URL(endpoint, location.href);
    url.searchParams.set('since', String(since));
    url.searchParams.set('limit', '1000');
    if (filter.subject) url.searchParams.set('subject', filter.subject);
    if (filter.type) url.searchParams.set('type', filter.type);
    const body = (await (await fetch(url)).json()) as { events: Stored[]; next: number };
    all.push(...body.events.map((e) => e.event));
    if (body.events.length < 1000) return all;
    since = body.next;
  }
}

export async function counts(subject: string): Promise<Record<string, number>> {
  const res = await fetch(`${ENDPOINT}?subject=${encodeURIComponent(subject)}`);
  return ((await res.json()) as { counts: Record<string, number> }).counts;
}

/** Makes the next `count` POSTs in `scope` fail (`status`, default 503) or hang. */
export async function injectFault(fault: {
  scope: string;
  count: number;
  mode?: 'fail' | 'hang';
  status?: number;
  retryAfter?: number;
  hangMs?: number;
  delayMs?: number;
}): Promise<void> {
  await fetch(`${ENDPOINT}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
}

/** How many POSTs the collector received in `scope` (including failed ones). */
export async function requestCount(scope: string): Promise<number> {
  return ((await (await fetch(`${ENDPOINT}/stats?scope=${scope}`)).json()) as { requests: number }).requests;
}

/** How many GETs the collector received in `scope`. */
export async function getCount(scope: string): Promise<number> {
  return ((await (await fetch(`${ENDPOINT}/stats?scope=${scope}`)).json()) as { gets: number }).gets;
}

/** Polls until `check` returns something truthy; fails with `message` after `timeout` ms. */
export async function until<T>(
  check: () => T | Promise<T>,
  message: string,
  timeout = 10_000,
): Promise<Exclude<T, false | null | undefined | 0 | ''>> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, false | null | undefined | 0 | ''>;
    if (Date.now() > end) throw new Error(`Timed out: ${message}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The moderator token the test collector accepts (web-test-runner.config.mjs); tests only. */
export const TEST_MODERATOR_TOKEN = 'test-moderator-token-0123456789abcdef';

/** Approves the pending item with this text through the moderation API, as a moderator would. */
export function approveItem(text: string): Promise<void> {
  return moderateItem((t) => t === text, 'approve');
}

/** Approves or hides (rejects) the pending item whose text `matches`, through the moderation API. */
export async function moderateItem(matches: (text: string) => boolean, action: 'approve' | 'hide'): Promise<void> {
  const headers = { authorization: `Bearer ${TEST_MODERATOR_TOKEN}` };
  const { items } = (await (
    await fetch(`${ENDPOINT}/moderation/queue?state=pending&limit=200`, { headers })
  ).json()) as { items: { seq: number; text: string }[] };
  const item = items.find((i) => matches(i.text));
  if (!item) throw new Error('no pending item matches');
  const res = await fetch(`${ENDPOINT}/moderation/items/${item.seq}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ action, reason: 'test' }),
  });
  if (!res.ok) throw new Error(`${action} answered ${res.status}`);
}

/** Publishes a story the host already has (the moderation API's import), as a CMS import would. */
export async function publishStory(story: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${ENDPOINT}/moderation/stories`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_MODERATOR_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(story),
  });
  if (!res.ok) throw new Error(`publish answered ${res.status}`);
}

/** Waits until the collector has stored at least `n` events matching `filter`, and returns them. */
export function storedAtLeast(filter: { subject?: string; type?: string }, n = 1): Promise<MutualEnvelope[]> {
  return until(
    async () => {
      const rows = await stored(filter);
      return rows.length >= n && rows;
    },
    `${n} event(s) stored for ${JSON.stringify(filter)}`,
  );
}
