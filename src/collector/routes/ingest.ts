// `POST /events`: a batch (or one event) from a member's page. Each event is validated alone and
// answered alone; "Forget me" and take-downs are acted on, after the rest of their batch is stored.
import {
  BATCH_CONTENT_TYPE,
  EventTypes,
  Limits,
  SINGLE_CONTENT_TYPE,
  type MutualEnvelope,
} from '../../core/protocol/envelope.js';
import type { CollectorContext } from '../context.js';
import { HttpError } from '../http.js';
import { json, type Answer, type CollectorRequest } from '../request.js';
import { authorKeyHash, hashAuthorKey } from '../author-key.js';

/** Each event's outcome in a batch answer. `id` is null when the event had no string id. */
export type EventResult =
  | { id: string | null; status: 'accepted' | 'duplicate' }
  | { id: string | null; status: 'rejected'; field: string; reason: string };

export function createIngest({ options, store, validate, rate, hostTokens, intake }: CollectorContext) {
  const bodyLimit = options.bodyLimit ?? 512 * 1024;
  async function receive(req: CollectorRequest): Promise<Answer> {
    const type = (req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (![BATCH_CONTENT_TYPE, SINGLE_CONTENT_TYPE, 'application/json'].includes(type))
      throw new HttpError(415, `content-type must be ${BATCH_CONTENT_TYPE} (or ${SINGLE_CONTENT_TYPE})`);
    // The body first, in the same tick: a tee that reads it too (a proxy, a logger) must not race us.
    const text = await req.text(bodyLimit);
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
    const statuses = toStore.length ? (await intake.insert(toStore, member)).statuses : [];
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
        if (outcome === 'withdrawn')
          await intake.emit([{ type: 'withdrawn', data: { id: e.subject, by: 'author' }, subject: e.subject }]);
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
    return json(200, summary);
  }

  return receive;
}
