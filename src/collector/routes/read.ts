// The public GET routes: what a member's page reads. A table, so that a request that asks for
// nothing is told every query there is.
import { Limits, paragraphsOf } from '../../core/protocol/envelope.js';
import type { CollectorContext } from '../context.js';
import { HttpError } from '../http.js';
import { json, type Answer } from '../request.js';
import { itemText, strings } from '../moderation.js';
import { pageLimit, queryNumber, seqCursor } from '../query.js';

interface ReadRoute {
  /** The query parameter that selects this route; the first present wins. */
  query: string;
  usage: string;
  answer(url: URL): Promise<unknown>;
}

export function createReadRoutes({ options, store }: CollectorContext) {
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

  const routes: ReadRoute[] = [
    {
      query: 'since',
      usage: '?since=SEQ&limit=&subject=&type= (stored events, when listing is allowed)',
      async answer(url) {
        if (!options.allowListing)
          throw new HttpError(
            403,
            'listing stored events is turned off (createCollector({ allowListing: true }) to turn it on)',
          );
        const since = url.searchParams.get('since')!;
        // At most 15 digits: a sequence number both stores can hold (PostgreSQL's bigint refuses more).
        if (!/^\d{1,15}$/.test(since))
          throw new HttpError(400, 'since must be a sequence number ≥ 0', { field: 'since' });
        const from = Number(since);
        const events = await store.list({
          since: from,
          limit: queryNumber(url, 'limit', 100, 1000),
          subject: url.searchParams.get('subject') ?? undefined,
          type: url.searchParams.get('type') ?? undefined,
        });
        return { events, next: events.at(-1)?.seq ?? from };
      },
    },
    {
      query: 'stories',
      usage: '?stories&cursor=&limit=&tag=&topic=&exclude-topics= (published stories)',
      answer: publishedStories,
    },
    {
      query: 'responses',
      usage: '?responses=STORY&cursor=&limit= (a story’s approved responses)',
      async answer(url) {
        const story = url.searchParams.get('responses')!;
        if (!story || story.length > Limits.subjectLength)
          throw new HttpError(400, 'responses must name a story id', { field: 'responses' });
        const limit = pageLimit(url, 20);
        const items = await store.responses(story, { cursor: seqCursor(url) ?? 0, limit });
        return {
          story,
          responses: items.map((i) => ({ id: i.event.id, text: itemText(i.event), time: i.event.time })),
          next: items.length === limit ? String(items.at(-1)!.seq) : null,
        };
      },
    },
    {
      query: 'peer-messages',
      usage: '?peer-messages=N (approved encouragements)',
      async answer(url) {
        // Encouragements are written for other peers to read: served only once a moderator approved them.
        const limit = queryNumber(url, 'peer-messages', 5, 20);
        const shown = (await store.approved('encouragement', limit)).filter(({ event }) => event.data.text);
        // Their writers learn how many peers their words reached (POST …/mine), never who.
        await store.countShown(shown.map(({ event }) => event.id));
        return { messages: shown.map(({ event }) => ({ text: String(event.data.text), time: event.time })) };
      },
    },
    {
      query: 'subject',
      usage: '?subject=ID (reaction counts; up to 100 subjects)',
      async answer(url) {
        const subjects = url.searchParams.getAll('subject');
        if (subjects.length > 100) throw new HttpError(400, 'at most 100 subjects per request', { field: 'subject' });
        if (subjects.some((s) => !s || s.length > Limits.subjectLength))
          throw new HttpError(400, 'subject is empty or too long', { field: 'subject' });
        if (subjects.length === 1) return { subject: subjects[0], counts: await store.counts(subjects[0]) };
        const all = await Promise.all(subjects.map(async (s) => [s, await store.counts(s)] as const));
        return { subjects: Object.fromEntries(all) };
      },
    },
  ];

  return async function answerGet(url: URL): Promise<Answer> {
    const route = routes.find((r) => url.searchParams.has(r.query));
    if (!route) throw new HttpError(400, `ask for one of: ${routes.map((r) => r.usage).join('; ')}`);
    return json(200, await route.answer(url));
  };
}
