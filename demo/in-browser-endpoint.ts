// The reference collector running in this browser tab, for the published Storybook and a static
// demo, where no server answers `/events`: the same fetch handler and PostgreSQL store as on a
// server, on PGlite (PostgreSQL in WebAssembly) in memory. Requests a page makes to `/events`
// are answered here; everything else goes to the network as before. Nothing leaves the tab, and a
// reload starts again from the seeded stories.
import { PGlite } from '@electric-sql/pglite';
import { createHandler } from '../src/collector/handler.js';
import { createPgliteStore } from '../src/collector/store/pglite.js';
import { createEnvelope, EventTypes } from '../src/core/protocol/envelope.js';

/** The moderator token of the demonstration store: public on purpose, it guards nothing but this tab. */
export const DEMO_MODERATOR_TOKEN = 'demonstration-store-in-this-browser';

const SEED_STORIES = [
  {
    id: 'demo-evenings',
    heading: 'The evenings were the hardest',
    author: 'Sam',
    tags: ['sleep', 'loneliness'],
    text: 'For months the evenings were the hardest part. What helped was a short walk at the same time each night, and telling one person how the day had been.\n\nI still have bad nights, but fewer.',
  },
  {
    id: 'demo-sleep',
    heading: 'Sleep came back slowly',
    author: 'Ari',
    tags: ['sleep'],
    text: 'I thought I had forgotten how to sleep. A friend from this group suggested writing tomorrow’s worries down before bed. It felt silly, and then it helped.',
  },
  {
    id: 'demo-first-meeting',
    heading: 'Going to my first meeting',
    author: null,
    tags: ['recovery'],
    contentWarning: ['relapse'],
    text: 'I sat in the car for twenty minutes before going in. Nobody asked me to say anything. Someone said “me too” after I finally did, and that was enough to come back the next week.',
  },
];
const WAITING = {
  heading: 'Learning to ask for help',
  tags: ['anxiety'],
  text: 'Asking for help still feels like failing. This week I asked anyway, and nobody thought less of me.',
};

export interface InBrowserEndpoint {
  path: string;
  token: string;
  handle(request: Request): Promise<Response>;
}

let started: Promise<InBrowserEndpoint> | undefined;

/**
 * Starts the endpoint once (PGlite takes a second or two), seeds it, and answers `path` from then
 * on. In memory by default (Storybook: a reload starts again); `persist` keeps it in IndexedDB,
 * shared by the tabs and pages of the static demo, so a story sent on one page is reviewed on another.
 */
export function startInBrowserEndpoint(
  path = '/events',
  options: { persist?: boolean } = {},
): Promise<InBrowserEndpoint> {
  return (started ??= start(path, !!options.persist));
}

async function open(persist: boolean) {
  if (!persist) return PGlite.create();
  const { PGliteWorker } = await import('@electric-sql/pglite/worker');
  return PGliteWorker.create(new Worker(new URL('./in-browser-store-worker.ts', import.meta.url), { type: 'module' }));
}

async function start(path: string, persist: boolean): Promise<InBrowserEndpoint> {
  // Answered from the first moment: a widget that sends while PGlite starts waits for it, rather
  // than reaching a static server that would refuse it for good.
  let ready: (handle: (request: Request) => Promise<Response>) => void = () => {};
  const handling = new Promise<(request: Request) => Promise<Response>>((r) => (ready = r));
  intercept(path, async (request) => (await handling)(request));
  const store = await createPgliteStore(await open(persist));
  const handler = createHandler({
    store,
    path,
    publicOrigins: [location.origin],
    // One visitor in one tab: no limits to hit, and the events panel may list what was stored.
    rateLimit: false,
    allowListing: true,
    moderation: { moderators: [{ label: 'demonstration', token: DEMO_MODERATOR_TOKEN }] },
    log: () => {},
  });
  const post = (sub: string, body: unknown, headers: Record<string, string> = {}) =>
    handler.fetch(
      new Request(new URL(path + sub, location.origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_MODERATOR_TOKEN}`, ...headers },
        body: JSON.stringify(body),
      }),
    );
  // Seeded once: a kept store already has its stories (and whatever visitors did since).
  if (!(await store.publishedTotal({}))) await seed(post);
  ready(handler.fetch);
  return { path, token: DEMO_MODERATOR_TOKEN, handle: handler.fetch };
}

async function seed(post: (sub: string, body: unknown, headers?: Record<string, string>) => Promise<Response>) {
  for (const story of SEED_STORIES) await post('/moderation/stories', story);
  // Peers have said "me too" already, so counts show from the start.
  const reactions = SEED_STORIES.flatMap(({ id }, n) =>
    Array.from({ length: [12, 7, 5][n] }, (_, r) =>
      createEnvelope(
        EventTypes.reactionAdded,
        { reaction: r % 3 ? 'me-too' : 'strength', reactor: `demo-reader-${String(r).padStart(8, '0')}` },
        { source: '/demo', subject: id },
      ),
    ),
  );
  await post('', reactions, { 'content-type': 'application/cloudevents-batch+json' });
  // One story waits for a moderator, so the queue has something to review.
  const authorKey = crypto.randomUUID().replaceAll('-', '');
  await post('', createEnvelope(EventTypes.storySubmitted, { ...WAITING, authorKey }, { source: '/demo' }), {
    'content-type': 'application/cloudevents+json',
  });
}

/** Sends the page's requests to `path` (fetch and beacons) to `handle`; everything else to the network. */
function intercept(path: string, handle: (request: Request) => Promise<Response>): void {
  const ours = (url: URL) =>
    url.origin === location.origin && (url.pathname === path || url.pathname.startsWith(`${path}/`));
  const network = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input, init) => {
    const request = new Request(input, init);
    return ours(new URL(request.url)) ? handle(request) : network(input, init);
  };
  // A page closing sends what is left with a beacon; here it is answered like any other request.
  const beacon = navigator.sendBeacon?.bind(navigator);
  if (beacon)
    navigator.sendBeacon = (url, data) => {
      const target = new URL(String(url), location.href);
      if (!ours(target)) return beacon(url, data);
      const type = data instanceof Blob ? data.type : 'application/cloudevents-batch+json';
      void handle(new Request(target, { method: 'POST', body: data, headers: { 'content-type': type } }));
      return true;
    };
}
