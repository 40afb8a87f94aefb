import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BATCH_CONTENT_TYPE,
  createEnvelope,
  EventTypes,
  Limits,
  paragraphsOf,
  SINGLE_CONTENT_TYPE,
  type MutualEnvelope,
} from '../core/envelope.js';
import { HttpError, readBody, readJsonObject, send, UNSTORABLE, unstorable } from './http.js';
import { createOriginPolicy } from './origin-policy.js';
import { clientAddress, createRateLimiter } from './rate-limit.js';
import { createHostTokens, type HostTokenOptions } from './host-token.js';
import { createForwarder, type ForwardOptions } from './forward.js';
import { createNotifier } from './notify.js';
import { createValidator } from './validate.js';
import { createSqliteStore, isPostgresUrl, type Classify, type QueueItem, type Store } from './store/index.js';
import {
  AuthError,
  authorKeyHash,
  createModeratorAuth,
  hashAuthorKey,
  flagsFor,
  initialState,
  ITEM_KINDS,
  itemText,
  reviewedText,
  strings,
  parseModeratorTokens,
  type Flag,
  type ItemKind,
  type ItemState,
  type ModerationOptions,
} from './moderation.js';

export interface CollectorOptions {
  /** SQLite file (created with its folder). Default `data/events.db`. Ignored when `store` is given (PostgreSQL: `store: await createPostgresStore(url)`). */
  db?: string;
  store?: Store;
  /** URL path the collector answers on. Default `/events`. */
  path?: string;
  /** Other sites whose pages embed the widgets (CORS). */
  origins?: string[];
  /**
   * Where this collector is served, e.g. `https://community.example`: its own origin, and the only
   * Host names it answers to (the DNS-rebinding defence). Localhost needs nothing while requests
   * arrive on loopback.
   */
  publicOrigins?: string[];
  /** Localhost origins and Host names on loopback connections (default true; development). */
  allowLocalhost?: boolean;
  /** Send `Access-Control-Allow-Credentials` for allowed origins (for widgets using `credentials="include"`). */
  allowCredentials?: boolean;
  /** Largest request body in bytes (→ 413). Default 512 KiB. */
  bodyLimit?: number;
  /** Events per client per window (→ 429 with `Retry-After`); `false` turns it off. Default 600 per minute. */
  rateLimit?: { max: number; windowMs: number } | false;
  /**
   * Reverse proxies in front of the collector whose `X-Forwarded-For` is trusted (0: none, the
   * socket's address is the client). With 1, the address the proxy saw; the rest of the header is ignored.
   */
  trustProxy?: number;
  /**
   * Retention: the free texts of check-ins and responses are deleted this many days after they
   * arrived (the events stay, so counts and aggregates do). Checked at start and hourly.
   */
  retainTextsDays?: number;
  /** Sends each accepted event on to this URL (CloudEvents structured mode, retried; the queue survives restarts). */
  forward?: ForwardOptions;
  /** The clock (ms since the epoch); tests move it. Default `Date.now`. */
  now?: () => number;
  /** Host tokens (JWT) from the host's own sign-in: verified when present, required with `require`. */
  hostTokens?: HostTokenOptions;
  /**
   * Answer `GET ?since=` with the stored events (texts included). For the demo's live panel and for
   * debugging your setup; off by default, because check-ins and responses are private.
   */
  allowListing?: boolean;
  /** Where operator notes go (each refused origin, once). Default `console.warn`. */
  log?: (line: string) => void;
  /** Moderation of what members write (see docs/moderation.md). Pre-moderation for every kind by default. */
  moderation?: ModerationOptions;
}

export type Next = (error?: unknown) => void;
export type Collector = ((req: IncomingMessage, res: ServerResponse, next?: Next) => void) & {
  store: Store;
  /** Applies the retention period now; resolves to how many events lost their texts. */
  retain(): Promise<number>;
  close(): Promise<void>;
};

/** Each event's outcome in a batch answer. `id` is null when the event had no string id. */
export type EventResult =
  | { id: string | null; status: 'accepted' | 'duplicate' }
  | { id: string | null; status: 'rejected'; field: string; reason: string };

/**
 * The reference collector: connect/Express-style middleware that validates CloudEvents batches,
 * stores them once each in SQLite and answers reaction counts. Mount it anywhere:
 * `app.use(createCollector({ db: 'data/events.db' }))`.
 */
export function createCollector(options: CollectorOptions = {}): Collector {
  const path = options.path ?? '/events';
  if (!options.store && options.db && isPostgresUrl(options.db))
    throw new Error('for PostgreSQL, pass the store: createCollector({ store: await createPostgresStore(url) })');
  const store = options.store ?? createSqliteStore(options.db ?? 'data/events.db');
  const bodyLimit = options.bodyLimit ?? 512 * 1024;
  const rateLimit = options.rateLimit ?? { max: 600, windowMs: 60_000 };
  const origins = createOriginPolicy(options);
  const validate = createValidator();
  const rate = createRateLimiter(rateLimit, { trustProxy: options.trustProxy });
  const hostTokens = createHostTokens(options.hostTokens);
  const log = options.log ?? console.warn;
  const moderation = options.moderation ?? {};
  const forwarder = options.forward ? createForwarder(store, options.forward, options.now, log) : undefined;
  const notifier = moderation.notify ? createNotifier(store, moderation.notify, { now: options.now, log }) : undefined;
  // Whatever an earlier run left in the queues goes out now.
  forwarder?.kick();
  notifier?.kick();
  const moderators = createModeratorAuth(
    moderation.moderators ?? parseModeratorTokens(process.env.MUTUAL_MODERATOR_TOKENS),
    (req) => clientAddress(req, options.trustProxy),
  );
  const adminOrigins = new Set(moderation.adminOrigins ?? []);
  /** A moderation CloudEvent. Never carries a member's text. */
  const moderationEvent = (type: string, data: Record<string, unknown>, subject?: string) =>
    createEnvelope(`org.mutual.moderation.${type}`, data, { source: 'urn:mutual:collector', subject });
  /** A decision: to the host's callback, and queued for the notify URL. */
  const emit = async (type: string, data: Record<string, unknown>, subject?: string) => {
    const event = moderationEvent(type, data, subject);
    moderation.onEvent?.(event);
    if (!notifier) return;
    await store.noticeAdd([event]);
    notifier.kick();
  };
  const flagCache = new WeakMap<MutualEnvelope, Flag[]>();
  const flagsOf = (event: MutualEnvelope) => {
    let flags = flagCache.get(event);
    if (!flags) flagCache.set(event, (flags = flagsFor(reviewedText(event), moderation.blockedWords)));
    return flags;
  };
  /** Member-written items enter moderation: pending (or approved under post-moderation unless held). */
  const classify: Classify = (event) => {
    const kind = ITEM_KINDS[event.type];
    if (!kind) return null;
    const flags = flagsOf(event);
    return { kind, flags, state: initialState(kind, flags, moderation) };
  };
  /** What an incoming event asks of a person: a report, or an item held for crisis language. */
  const attentionFor = (event: MutualEnvelope): MutualEnvelope | null => {
    const report = event.type === EventTypes.storyReported;
    if (!report && !(ITEM_KINDS[event.type] && flagsOf(event).includes('crisis'))) return null;
    return moderationEvent(
      'attention',
      {
        reason: report ? 'report' : 'crisis-language',
        ...(report && { report: String(event.data.reason ?? '') }),
        eventId: event.id,
      },
      event.subject,
    );
  };
  /** Stores events; what needs attention is queued for the notify URL in the same transaction. */
  const insert = async (events: MutualEnvelope[]) => {
    const notices = events.map(attentionFor);
    const result = await store.insert(events, classify, {
      forward: !!forwarder,
      notices: notifier ? notices : undefined,
    });
    forwarder?.kick();
    notifier?.kick();
    notices.forEach((notice, i) => {
      if (!notice || result.statuses[i] !== 'accepted') return;
      moderation.onEvent?.(notice);
      moderation.onAttention?.(notice);
    });
    return result;
  };

  /** A count from the query (`limit`, `days`…): the fallback when absent or empty, a whole number clamped to 1…max, else a 400 naming it. */
  const queryNumber = (url: URL, name: string, fallback: number, max: number) => {
    const value = url.searchParams.get(name);
    if (value === null || value === '') return fallback;
    if (!/^\d{1,16}$/.test(value)) throw new HttpError(400, `${name} must be a whole number`, { field: name });
    return Math.min(Math.max(Number(value), 1), max);
  };
  const pageLimit = (url: URL, fallback: number) => queryNumber(url, 'limit', fallback, 100);
  /** A page's `cursor`: the `next` an earlier page gave (a positive integer), else a 400 naming it. */
  const seqCursor = (url: URL): number | undefined => {
    const cursor = url.searchParams.get('cursor');
    if (cursor === null || cursor === '') return undefined;
    if (!/^[1-9]\d{0,15}$/.test(cursor))
      throw new HttpError(400, 'cursor must be the "next" of an earlier page', { field: 'cursor' });
    return Number(cursor);
  };

  /**
   * `GET ?stories`: published stories, newest first, with cursor paging and topic filters; each
   * with its approved response count and reaction counts in the same answer (no request per card).
   * Only approved stories; their texts are data for the feed to render as text.
   */
  async function publishedStories(url: URL) {
    const limit = pageLimit(url, 20);
    const cursor = seqCursor(url);
    const exclude = (url.searchParams.get('exclude-topics') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const filters = {
      tag: url.searchParams.get('tag') ?? undefined,
      topic: url.searchParams.get('topic') ?? undefined,
      exclude,
    };
    const items = await store.published({ cursor, limit, ...filters });
    // The first page says how many there are in all, so a feed can give each card its place
    // ("3 of 120") from the start; later pages need not count again.
    const total = cursor ? undefined : await store.publishedTotal(filters);
    const ids = items.map((i) => i.event.subject ?? i.event.id);
    const responses = await store.responseCounts(ids);
    const reactions = await Promise.all(ids.map((id) => store.counts(id)));
    const stories = items.map((item, n) => {
      const data = item.event.data as Record<string, unknown>;
      return {
        id: ids[n],
        heading: typeof data.heading === 'string' ? data.heading : null,
        author: typeof data.author === 'string' && data.author.trim() ? data.author : null,
        published: item.updatedAt,
        tags: strings(data.tags),
        contentWarning: strings(data.contentWarning),
        paragraphs: paragraphsOf(String(data.text ?? '')),
        responses: responses[ids[n]] ?? 0,
        reactions: reactions[n],
      };
    });
    return {
      stories,
      next: items.length === limit ? String(items.at(-1)!.seq) : null,
      ...(total !== undefined && { total }),
    };
  }

  /** What moderators see of an item: its text as data (the admin element renders it as text), flags and context. */
  const forModerators = (item: QueueItem) => ({
    seq: item.seq,
    kind: item.kind,
    state: item.state,
    flags: item.flags,
    receivedAt: item.receivedAt,
    updatedAt: item.updatedAt,
    subject: item.event.subject ?? null,
    text: itemText(item.event),
    data: item.event.data,
  });

  const ACTIONS: Record<string, ItemState> = { approve: 'approved', hide: 'hidden', restore: 'pending' };

  /**
   * The moderation API (Authorization: Bearer <moderator token>):
   * GET /moderation/queue?kind=&state=&flagged=&cursor=&limit= · GET /moderation/items/SEQ ·
   * POST /moderation/items/SEQ {"action":"approve|hide|restore","reason":"…"} · GET /moderation/audit?cursor=&limit=
   */
  async function answerModeration(req: IncomingMessage, res: ServerResponse, url: URL, sub: string): Promise<void> {
    if (!moderators.configured)
      throw new HttpError(403, 'no moderator tokens are configured (MUTUAL_MODERATOR_TOKENS or moderation.moderators)');
    let actor: string;
    try {
      actor = await moderators.check(req, url);
    } catch (error) {
      if (error instanceof AuthError)
        throw new HttpError(error.status, error.message, error.status === 429 ? { retryAfter: 60 } : {});
      throw error;
    }
    const limit = queryNumber(url, 'limit', 50, 200);
    if (req.method === 'GET' && sub === '/moderation/queue') {
      const kind = url.searchParams.get('kind') as ItemKind | null;
      const state = url.searchParams.get('state') as ItemState | null;
      if (kind && !Object.values(ITEM_KINDS).includes(kind))
        throw new HttpError(400, `kind must be one of ${Object.values(ITEM_KINDS).join(', ')}`, { field: 'kind' });
      if (state && !['pending', 'approved', 'hidden'].includes(state))
        throw new HttpError(400, 'state must be pending, approved or hidden', { field: 'state' });
      const flagged = url.searchParams.get('flagged');
      if (flagged !== null && flagged !== 'true' && flagged !== 'false')
        throw new HttpError(400, 'flagged must be true or false', { field: 'flagged' });
      const cursor = url.searchParams.get('cursor');
      if (cursor !== null && !/^[01]\.[1-9]\d{0,15}$/.test(cursor))
        throw new HttpError(400, 'cursor must be the "next" of an earlier page', { field: 'cursor' });
      const page = await store.queue({
        kind: kind ?? undefined,
        state: state ?? undefined,
        flagged: flagged === null ? undefined : flagged === 'true',
        cursor: cursor ?? undefined,
        limit,
      });
      return send(res, 200, {
        items: page.items.map(forModerators),
        next: page.next,
        counts: await store.queueCounts(),
      });
    }
    if (req.method === 'GET' && sub === '/moderation/reports') {
      // Grouped by story: reasons and counts; "I'm worried about the writer" first.
      const threshold = moderation.reportThreshold ?? 3;
      const stories = new Map<
        string,
        { subject: string; total: number; worried: number; reasons: Record<string, number>; latest: string }
      >();
      for (const r of await store.reports()) {
        const s = stories.get(r.subject) ?? { subject: r.subject, total: 0, worried: 0, reasons: {}, latest: '' };
        s.total += r.n;
        s.reasons[r.reason ?? 'other'] = r.n;
        if (r.reason === 'worried') s.worried += r.n;
        if (r.latest > s.latest) s.latest = r.latest;
        stories.set(r.subject, s);
      }
      const list = [...stories.values()]
        .map((s) => ({ ...s, markedForReview: s.total >= threshold }))
        .sort(
          (a, b) =>
            Number(b.worried > 0) - Number(a.worried > 0) || b.total - a.total || b.latest.localeCompare(a.latest),
        );
      return send(res, 200, { stories: list.slice(0, limit), threshold });
    }
    if (req.method === 'GET' && sub === '/moderation/pulse') {
      return send(res, 200, await pulse(queryNumber(url, 'days', 30, 90)));
    }
    if (req.method === 'POST' && sub === '/moderation/stories') {
      // A host publishes stories it already has (imported from its CMS): stored and approved at once, audited.
      const body = await readJsonObject(req, 64 * 1024);
      const { id, ...data } = body;
      if (typeof data.text !== 'string' || !data.text.trim())
        throw new HttpError(400, 'text is required', { field: 'text' });
      const event = createEnvelope(EventTypes.storySubmitted, data, {
        source: 'urn:mutual:import',
        subject: typeof id === 'string' ? id : undefined,
      });
      const problem = validate(event);
      if (problem) throw new HttpError(400, `invalid story: ${problem.field} ${problem.message}`, problem);
      const [seq] = (await insert([event])).seqs;
      if (seq === null) throw new HttpError(409, 'this story is already stored');
      const item = await store.moderate(seq, 'approved', actor, 'publish', 'imported');
      return send(res, 201, forModerators(item!));
    }
    if (req.method === 'GET' && sub === '/moderation/audit') {
      return send(res, 200, {
        entries: await store.audit({ cursor: seqCursor(url) ?? 0, limit }),
      });
    }
    const match = /^\/moderation\/items\/(\d+)$/.exec(sub);
    if (match) {
      const seq = Number(match[1]);
      if (match[1].length > 15) throw new HttpError(404, `no item ${match[1]}`);
      if (req.method === 'GET') {
        const item = await store.item(seq);
        if (!item) throw new HttpError(404, `no item ${seq}`);
        return send(res, 200, forModerators(item));
      }
      if (req.method === 'POST') {
        const body = await readJsonObject(req, 8192);
        // Own keys only: "toString" or "__proto__" is no action.
        const state =
          typeof body.action === 'string' && Object.hasOwn(ACTIONS, body.action) ? ACTIONS[body.action] : undefined;
        if (!state) throw new HttpError(400, 'action must be approve, hide or restore', { field: 'action' });
        const reason = typeof body.reason === 'string' ? body.reason.slice(0, 500) : '';
        const item = await store.moderate(seq, state, actor, String(body.action), reason);
        if (!item) throw new HttpError(404, `no item ${seq}`);
        await emit(
          state === 'approved' ? 'approved' : state === 'hidden' ? 'hidden' : 'restored',
          { item: seq, kind: item.kind, by: actor, reason },
          item.event.subject,
        );
        return send(res, 200, forModerators(item));
      }
    }
    throw new HttpError(404, 'not a moderation route');
  }

  /**
   * The community pulse: per UTC day, aggregate counts only. Any bucket under 5 is reported as
   * "fewer than 5" (`"<5"`), so that no single person's check-in can be picked out.
   */
  async function pulse(days: number) {
    const start = new Date(Date.now() - (days - 1) * 864e5);
    const from = start.toISOString().slice(0, 10);
    const rows = await store.daily(from);
    const hide = (n: number) => (n > 0 && n < 5 ? '<5' : n);
    const out = Array.from({ length: days }, (_, i) => {
      const day = new Date(start.getTime() + i * 864e5).toISOString().slice(0, 10);
      const of = (type: string) => rows.filter((r) => r.day === day && r.type === type).reduce((n, r) => n + r.n, 0);
      const moods = Object.fromEntries(
        [1, 2, 3, 4, 5].map((m) => [
          m,
          hide(
            rows
              .filter((r) => r.day === day && r.type === EventTypes.checkinSubmitted && Number(r.mood) === m)
              .reduce((n, r) => n + r.n, 0),
          ),
        ]),
      );
      return {
        day,
        checkins: hide(of(EventTypes.checkinSubmitted)),
        moods,
        reactions: hide(of(EventTypes.reactionAdded)),
        responses: hide(of(EventTypes.storyResponse)),
        reports: hide(of(EventTypes.storyReported)),
        crisisShown: hide(of(EventTypes.checkinCrisisShown)),
      };
    });
    return { days: out, hiddenBelow: 5 };
  }

  async function receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (![BATCH_CONTENT_TYPE, SINGLE_CONTENT_TYPE, 'application/json'].includes(type)) {
      req.resume();
      throw new HttpError(415, `content-type must be ${BATCH_CONTENT_TYPE} (or ${SINGLE_CONTENT_TYPE})`);
    }
    // The body first, in the same tick: a tee that reads it too (a proxy, a logger) must not race us.
    const text = await readBody(req, bodyLimit);
    // A valid host token moves the limits from the address to the member (its subject).
    const member = await hostTokens.check(req);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'body is not valid JSON');
    }
    if (type === BATCH_CONTENT_TYPE && !Array.isArray(body))
      throw new HttpError(400, 'a batch must be a JSON array of events');
    const events = (Array.isArray(body) ? body : [body]) as unknown[];
    if (!events.length) throw new HttpError(400, 'the batch is empty');
    if (events.length > Limits.maxBatch) throw new HttpError(413, `at most ${Limits.maxBatch} events per batch`);
    // Limits count events, not requests: a batch of 200 costs 200.
    rate.take(req, events.length, member);
    // One bad event never takes its neighbours with it: the valid ones are stored, and the answer
    // gives each event's outcome in order (see docs/events.md, "The answer").
    const problems = events.map((event) => validate(event));
    const valid = events.filter((_, i) => !problems[i]) as MutualEnvelope[];
    // Acted on, not stored: "Forget me" deletes what its keys and ids point to, and an author's
    // withdrawal takes their story or response down; each records that it did (how many, never
    // what). After the others are stored: a story and its withdrawal may arrive in one batch (sent
    // while offline, taken back before the connection came back).
    const isAct = (e: MutualEnvelope) => e.type === EventTypes.deviceForget || e.type === EventTypes.storyWithdrawn;
    const toStore = valid.filter((e) => !isAct(e)).map(hashAuthorKey);
    const statuses = toStore.length ? (await insert(toStore)).statuses : [];
    // A text may not claim an id another text already has (its take-down, its responses).
    const stored = statuses.map((status, i) =>
      status === 'taken'
        ? {
            field: toStore[i].type === EventTypes.storySubmitted && toStore[i].subject ? 'subject' : 'id',
            message: 'is the id of another text already; a text needs an id of its own',
          }
        : status,
    );
    const acted = new Map<MutualEnvelope, { field: string; message: string } | null>();
    for (const e of valid.filter(isAct))
      if (e.type === EventTypes.deviceForget) {
        const data = e.data as { reactors?: string[]; events?: string[]; keys?: string[] };
        await store.forget({
          reactors: data.reactors ?? [],
          events: data.events ?? [],
          keys: (data.keys ?? []).map(authorKeyHash),
        });
        acted.set(e, null);
      } else {
        const outcome = await store.withdraw(e.subject!, authorKeyHash(e.data.authorKey as string));
        // A host that mirrors published texts (a CMS, a search index) must take its copy down too.
        if (outcome === 'withdrawn') await emit('withdrawn', { id: e.subject, by: 'author' }, e.subject);
        acted.set(
          e,
          outcome === 'unknown' ? { field: 'subject', message: 'names no text this author key may take down' } : null,
        );
      }
    let nextStored = 0;
    const outcomes = valid.map((e) => (acted.has(e) ? (acted.get(e) ?? ('accepted' as const)) : stored[nextStored++]));
    let next = 0;
    const results: EventResult[] = events.map((event, i) => {
      const id = typeof (event as { id?: unknown })?.id === 'string' ? (event as { id: string }).id : null;
      const problem = problems[i] ?? outcomes[next++];
      return typeof problem === 'string'
        ? { id, status: problem }
        : { id, status: 'rejected', field: problem.field, reason: problem.message };
    });
    const count = (status: EventResult['status']) => results.filter((r) => r.status === status).length;
    const summary = {
      accepted: count('accepted'),
      duplicates: count('duplicate'),
      rejected: count('rejected'),
      results,
    };
    if (!valid.length) {
      const first = results[0] as EventResult & { field: string; reason: string };
      throw new HttpError(400, `invalid event: ${first.field} ${first.reason}`, {
        index: 0,
        field: first.field,
        message: first.reason,
        ...summary,
      });
    }
    send(res, 200, summary);
  }

  async function answerGet(url: URL, res: ServerResponse): Promise<void> {
    const subject = url.searchParams.get('subject');
    const since = url.searchParams.get('since');
    if (since !== null) {
      if (!options.allowListing)
        throw new HttpError(
          403,
          'listing stored events is turned off (createCollector({ allowListing: true }) to turn it on)',
        );
      // At most 15 digits: a sequence number both stores can hold (PostgreSQL's bigint refuses more).
      if (!/^\d{1,15}$/.test(since))
        throw new HttpError(400, 'since must be a sequence number ≥ 0', { field: 'since' });
      const from = Number(since);
      const limit = queryNumber(url, 'limit', 100, 1000);
      const events = await store.list({
        since: from,
        limit,
        subject: subject ?? undefined,
        type: url.searchParams.get('type') ?? undefined,
      });
      return send(res, 200, { events, next: events.at(-1)?.seq ?? from });
    }
    if (url.searchParams.has('stories')) return send(res, 200, await publishedStories(url));
    const texts = url.searchParams.get('texts');
    if (texts !== null) {
      // Where a member's own texts stand, asked by the device that wrote them (ids only it keeps
      // for what is not published): waiting for review, published, or not published.
      const ids = [...new Set(texts.split(',').filter(Boolean))];
      if (!ids.length || ids.length > Limits.listItems || ids.some((id) => id.length > Limits.subjectLength))
        throw new HttpError(400, `texts must list 1 to ${Limits.listItems} ids`, { field: 'texts' });
      const states = await store.textStates(ids);
      const word = { pending: 'waiting', approved: 'published', hidden: 'not-published' } as const;
      return send(res, 200, { texts: states.map((t) => ({ id: t.id, state: word[t.state] })) });
    }
    const responsesTo = url.searchParams.get('responses');
    if (responsesTo !== null) {
      if (!responsesTo || responsesTo.length > Limits.subjectLength)
        throw new HttpError(400, 'responses must name a story id', { field: 'responses' });
      const limit = pageLimit(url, 20);
      const items = await store.responses(responsesTo, {
        cursor: seqCursor(url) ?? 0,
        limit,
      });
      return send(res, 200, {
        story: responsesTo,
        responses: items.map((i) => ({ id: i.event.id, text: itemText(i.event), time: i.event.time })),
        next: items.length === limit ? String(items.at(-1)!.seq) : null,
      });
    }
    const peerMessages = url.searchParams.get('peer-messages');
    if (peerMessages !== null) {
      // Encouragements are written for other peers to read: served only once a moderator approved them.
      const limit = queryNumber(url, 'peer-messages', 5, 20);
      const messages = (await store.approved('encouragement', limit))
        .map(({ event }) => ({ text: String(event.data.text ?? ''), time: event.time }))
        .filter((m) => m.text);
      return send(res, 200, { messages });
    }
    const subjects = url.searchParams.getAll('subject');
    if (subjects.length) {
      if (subjects.length > 100) throw new HttpError(400, 'at most 100 subjects per request', { field: 'subject' });
      if (subjects.some((s) => !s || s.length > Limits.subjectLength))
        throw new HttpError(400, 'subject is empty or too long', { field: 'subject' });
      if (subjects.length === 1) return send(res, 200, { subject, counts: await store.counts(subject!) });
      const all = await Promise.all(subjects.map(async (s) => [s, await store.counts(s)] as const));
      return send(res, 200, { subjects: Object.fromEntries(all) });
    }
    throw new HttpError(
      400,
      'ask for ?subject=ID (reaction counts), ?peer-messages=N (recent encouragements) or ?since=SEQ (recent events)',
    );
  }

  const handler = (req: IncomingMessage, res: ServerResponse, next?: Next) => {
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    const sub = url.pathname.startsWith(path) ? url.pathname.slice(path.length) : null;
    const admin = sub !== null && sub.startsWith('/moderation/');
    const known = sub === '' || sub === '/' || admin;
    if (!known) {
      if (next) return next();
      return send(res, 404, { error: 'not found' });
    }
    if (!origins.hostAllowed(req)) {
      origins.refusedHost(String(req.headers.host ?? ''));
      req.resume();
      return send(res, 403, {
        error: `this collector does not answer to ${req.headers.host ?? '(no Host)'}; its public origin must be configured (--public-origin)`,
      });
    }
    const origin = req.headers.origin;
    const cors: Record<string, string> = {};
    if (origin) {
      // The moderation API answers the host's admin pages only.
      if (admin ? !adminOrigins.has(origin) && !origins.sameOrigin(origin, req) : !origins.allowed(origin, req)) {
        origins.refused(origin);
        req.resume();
        return send(res, 403, { error: `origin ${origin} is not allowed` });
      }
      Object.assign(cors, {
        'access-control-allow-origin': origin,
        vary: 'Origin',
        'access-control-expose-headers': 'Retry-After',
      });
      if (options.allowCredentials) cors['access-control-allow-credentials'] = 'true';
    }
    for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
    for (const [name, value] of url.searchParams)
      if (unstorable(name) || unstorable(value)) {
        req.resume();
        return send(res, 400, { error: `${name || '(query)'} ${UNSTORABLE}`, field: name || '(query)' });
      }
    const fail = (error: unknown) => {
      req.resume();
      if (error instanceof HttpError) {
        const { retryAfter, ...extra } = error.extra as { retryAfter?: number };
        const headers: Record<string, string> = retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {};
        return send(res, error.status, { error: error.message, ...extra }, headers);
      }
      console.error('[mutual collector]', error);
      send(res, 500, { error: 'internal error' });
    };
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': admin
            ? 'content-type, authorization'
            : ((req.headers['access-control-request-headers'] as string | undefined) ?? 'content-type'),
          'access-control-max-age': '600',
        });
        return void res.end();
      }
      if (admin) return void answerModeration(req, res, url, sub!).catch(fail);
      if (req.method === 'GET') {
        rate.take(req, 1);
        return void answerGet(url, res).catch(fail);
      }
      if (req.method === 'POST') return void receive(req, res).catch(fail);
      req.resume();
      send(res, 405, { error: 'use GET or POST' }, { allow: 'GET, POST, OPTIONS' });
    } catch (error) {
      fail(error);
    }
  };
  const now = options.now ?? Date.now;
  const retain = async () => {
    if (!options.retainTextsDays) return 0;
    const before = new Date(now() - options.retainTextsDays * 864e5).toISOString();
    return store.redactTexts([EventTypes.checkinSubmitted, EventTypes.storyResponse], before);
  };
  const retention = options.retainTextsDays
    ? setInterval(
        () => void retain().catch((e: Error) => console.error('[mutual collector] retention:', e.message)),
        36e5,
      )
    : undefined;
  retention?.unref();
  if (options.retainTextsDays) void retain().catch(() => {});
  return Object.assign(handler, {
    store,
    retain,
    close: async () => {
      clearInterval(retention);
      await notifier?.close();
      await forwarder?.close();
      await store.close();
    },
  });
}
