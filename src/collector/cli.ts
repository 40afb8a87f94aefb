#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** Operator mistakes get one clear line and exit code 2, never a stack trace. */
function fail(message: string): never {
  console.error(`mutual-collector: ${message}`);
  process.exit(2);
}

/** `--db` as it may be printed: a PostgreSQL URL's password never is. */
const shown = (db: string) => db.replace(/(\/\/[^:/@]*):[^@/]*@/, '$1:…@');

/**
 * Opens the store `--db` names, or fails in one line: a SQLite path that cannot be used, and a
 * PostgreSQL server that is not reachable, refuses the password or lacks the database alike.
 */
async function openStoreOrFail(db: string) {
  const { openStore } = await import('./store/index.js');
  try {
    return await openStore(db);
  } catch (error) {
    const { code, message } = error as Error & { code?: string };
    return fail(
      `--db ${shown(db)}: ${code === 'ERR_MODULE_NOT_FOUND' ? 'PostgreSQL needs the pg package: npm install pg' : message}`,
    );
  }
}

const HELP = `Usage: mutual-collector [flags]
       mutual-collector export [--db FILE|URL] [--format ndjson|csv]

The reference collector for Mutual: stores CloudEvents from the widgets, counts reactions,
holds what members write for review and publishes what moderators approve.

  --port N                 port to listen on (default 8787)
  --host ADDR              address to listen on (default 127.0.0.1)
  --db FILE|URL            SQLite file (default data/events.db) or a postgres:// URL
  --path PATH              where events are posted (default /events)
  --origin URL             a page origin allowed to send (repeat for more)
  --public-origin URL      the collector's own public origin(s), behind a proxy
  --trust-proxy N          proxies in front of the collector whose X-Forwarded-For is read (0–10)
  --retain-texts Nd        delete the words of check-ins and responses after N days
  --forward URL            send every accepted event on to this CloudEvents receiver
  --jwt-secret FILE        verify members' host tokens with the secret in FILE (or MUTUAL_JWT_SECRET)
  --jwks-url URL           verify host tokens against this JSON Web Key Set
  --jwt-audience AUD       the audience host tokens must carry
  --jwt-max-lifetime T     the longest a host token may still be valid for (default 24h; e.g. 30m, 12h)
  --require-token          refuse events without a valid host token
  --list                   allow GET ?since= (listing stored events; development only)
  --post-moderation KIND   publish KIND at once and review afterwards (response, encouragement, tip, story)
  --trust-after N          with host tokens: after N approved items (none hidden since), a member's
  --trusted-kind KIND      items of KIND are published at once (flagged ones stay held)
  --blocked-words FILE     words that hold an item for review (one a line)
  --hide-reasons LIST      the reasons moderators choose from when they hide an item, comma-separated
                           (default all: names-someone, could-identify-you, contact-details,
                           harmful-detail, not-this-space); the writer is told what the reason means
  --moderators FILE        moderator tokens, "label:token" a line (or MUTUAL_MODERATOR_TOKENS)
  --admin-origin URL       the origin of the hosts' admin page (moderation API)
  --notify URL             POST moderation events (crisis language, reports) to this URL
  --classify URL           ask this classifier about each new item, signed (secret: --classify-secret FILE
                           or MUTUAL_CLASSIFY_SECRET); it may hold items, never publish them
  --classify-secret FILE   the classifier's shared secret
  --help                   this text

Docs: docs/collector.md.
`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}

/**
 * Writes to stdout, waiting when its buffer is full, and fails loudly when the reader went away:
 * a piped export either writes every row or exits non-zero saying so.
 */
function toStdout(chunk: string): void | Promise<void> {
  if (process.stdout.write(chunk)) return;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

// `mutual-collector export --db … --format ndjson|csv`: the host's data, to stdout.
if (process.argv[2] === 'export') {
  let args;
  try {
    ({ values: args } = parseArgs({
      args: process.argv.slice(3),
      options: { db: { type: 'string', default: 'data/events.db' }, format: { type: 'string', default: 'ndjson' } },
    }));
  } catch (error) {
    fail(`${(error as Error).message}. export takes --db and --format ndjson|csv.`);
  }
  if (!['ndjson', 'csv'].includes(args.format)) fail(`--format ${args.format}: use ndjson or csv`);
  const { exportEvents } = await import('./export.js');
  const store = await openStoreOrFail(args.db);
  process.stdout.on('error', (error: NodeJS.ErrnoException) =>
    fail(
      `export stopped: stdout ${error.code === 'EPIPE' ? 'was closed by the reader' : error.message}; not every row was written`,
    ),
  );
  await exportEvents(store, args.format as 'ndjson' | 'csv', toStdout);
  await store.close();
  // Exit only once stdout has taken everything (process.exit would cut a pipe short).
  await new Promise<void>((resolve) => process.stdout.end(resolve));
  process.exit(0);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string', default: 'data/events.db' },
      path: { type: 'string', default: '/events' },
      origin: { type: 'string', multiple: true, default: [] },
      'public-origin': { type: 'string', multiple: true, default: [] },
      'trust-proxy': { type: 'string', default: '0' },
      'retain-texts': { type: 'string' },
      forward: { type: 'string' },
      'jwt-secret': { type: 'string' },
      'jwks-url': { type: 'string' },
      'jwt-audience': { type: 'string' },
      'jwt-max-lifetime': { type: 'string' },
      'require-token': { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      'post-moderation': { type: 'string', multiple: true, default: [] },
      'trust-after': { type: 'string' },
      'trusted-kind': { type: 'string', multiple: true, default: [] },
      'blocked-words': { type: 'string' },
      'hide-reasons': { type: 'string' },
      moderators: { type: 'string' },
      'admin-origin': { type: 'string', multiple: true, default: [] },
      notify: { type: 'string' },
      classify: { type: 'string' },
      'classify-secret': { type: 'string' },
    },
  }));
} catch (error) {
  fail(
    `${(error as Error).message}. Flags: --port, --host, --db, --path, --origin, --public-origin, --trust-proxy, --retain-texts, --forward, --jwt-secret, --jwks-url, --jwt-audience, --jwt-max-lifetime, --require-token, --list, --post-moderation, --blocked-words, --hide-reasons, --moderators, --admin-origin, --notify, --classify, --classify-secret, --trust-after, --trusted-kind.`,
  );
}

for (const [flag, list] of [
  ['--origin', values.origin],
  ['--public-origin', values['public-origin']],
] as const)
  for (const origin of list)
    if (!/^https?:\/\/[^/]+$/.test(origin.replace(/\/$/, '')))
      fail(`${flag} ${origin}: give an origin such as https://community.example (scheme and host, no path)`);

const retain = values['retain-texts'];
const retainDays = retain === undefined ? undefined : Number(/^(\d+)d$/.exec(retain)?.[1] ?? NaN);
if (retainDays !== undefined && !(retainDays >= 1)) fail(`--retain-texts ${retain}: give a number of days such as 30d`);
if (values.forward && !/^https?:\/\/[^/]/.test(values.forward))
  fail(`--forward ${values.forward}: give the http(s) URL of the receiver (a Knative broker, say)`);
const trustProxy = Number(values['trust-proxy']);
if (!Number.isInteger(trustProxy) || trustProxy < 0 || trustProxy > 10)
  fail(`--trust-proxy ${values['trust-proxy']}: give the number of proxies in front of the collector (0 to 10)`);

const KINDS = ['response', 'encouragement', 'tip', 'story'] as const;
for (const kind of values['trusted-kind'])
  if (!(KINDS as readonly string[]).includes(kind)) fail(`--trusted-kind ${kind}: use one of ${KINDS.join(', ')}`);
const trustAfter = values['trust-after'] === undefined ? undefined : Number(values['trust-after']);
if (trustAfter !== undefined && !(Number.isInteger(trustAfter) && trustAfter >= 1 && trustAfter <= 1000))
  fail(`--trust-after ${values['trust-after']}: give how many approved items earn trust (1–1000)`);
if (trustAfter !== undefined && !values['trusted-kind'].length)
  fail(
    '--trust-after needs --trusted-kind KIND (response, encouragement, tip, story): what trust lets through at once',
  );
for (const kind of values['post-moderation'])
  if (!(KINDS as readonly string[]).includes(kind)) fail(`--post-moderation ${kind}: use one of ${KINDS.join(', ')}`);
const readList = (flag: string, file: string | undefined) => {
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    return fail(
      `${flag} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
};
// A secret on the command line would show in `ps`: --jwt-secret names a file holding it (or set MUTUAL_JWT_SECRET).
const jwtSecret = values['jwt-secret']
  ? readList('--jwt-secret', values['jwt-secret'])?.trim()
  : process.env.MUTUAL_JWT_SECRET || undefined;
if (values['jwks-url'] && !/^https?:\/\//.test(values['jwks-url']))
  fail(`--jwks-url ${values['jwks-url']}: give the http(s) address of the host's JSON Web Key Set`);
const classifySecret = values['classify-secret']
  ? readList('--classify-secret', values['classify-secret'])?.trim()
  : process.env.MUTUAL_CLASSIFY_SECRET;
if (values.classify && !/^https?:\/\/[^/]/.test(values.classify))
  fail(`--classify ${values.classify}: give the http(s) URL of the classifier`);
if (values.classify && (classifySecret ?? '').length < 16)
  fail('--classify needs a secret of at least 16 characters: --classify-secret FILE or MUTUAL_CLASSIFY_SECRET');
if (values['require-token'] && !jwtSecret && !values['jwks-url'])
  fail('--require-token needs --jwt-secret FILE (or MUTUAL_JWT_SECRET) or --jwks-url to verify tokens with');

const lifetime = values['jwt-max-lifetime'];
const lifetimeMatch = lifetime === undefined ? undefined : /^(\d+)(m|h)$/.exec(lifetime);
if (lifetime !== undefined && (!lifetimeMatch || Number(lifetimeMatch[1]) < 1))
  fail(`--jwt-max-lifetime ${lifetime}: give minutes or hours, such as 30m or 24h`);
const maxLifetimeSeconds = lifetimeMatch
  ? Number(lifetimeMatch[1]) * (lifetimeMatch[2] === 'h' ? 3600 : 60)
  : undefined;

const blockedWords = readList('--blocked-words', values['blocked-words'])
  ?.split(/\r?\n/)
  .map((w) => w.trim())
  .filter((w) => w && !w.startsWith('#'));
const moderatorsFile = readList('--moderators', values.moderators);
const { HIDE_REASONS } = await import('./moderation.js');
const reasons = values['hide-reasons']
  ?.split(',')
  .map((r) => r.trim())
  .filter(Boolean);
const unknownReason = reasons?.find((r) => !(HIDE_REASONS as readonly string[]).includes(r));
if (unknownReason) fail(`--hide-reasons ${unknownReason}: use some of ${HIDE_REASONS.join(', ')}`);

// The collector's own dependencies are optional peers of the widget package: say which are missing.
const { createCollector } = await import('./create-collector.js').catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  const missing = /Cannot find (?:package|module) '([^']+)'/.exec(error.message)?.[1];
  return fail(
    `the collector needs better-sqlite3, ajv and ajv-formats${missing ? ` (${missing} is missing)` : ''}: npm install better-sqlite3@12 ajv ajv-formats`,
  );
});

const { parseModeratorTokens } = await import('./moderator-auth.js');
const moderators = parseModeratorTokens(moderatorsFile ?? process.env.MUTUAL_MODERATOR_TOKENS);
const collector = createCollector({
  store: await openStoreOrFail(values.db),
  path: values.path,
  origins: values.origin,
  publicOrigins: values['public-origin'],
  trustProxy,
  retainTextsDays: retainDays,
  forward: values.forward ? { url: values.forward } : undefined,
  hostTokens: {
    secret: jwtSecret,
    jwksUrl: values['jwks-url'],
    audience: values['jwt-audience'],
    require: values['require-token'],
    maxLifetimeSeconds,
  },
  allowListing: values.list,
  moderation: {
    postModerated: values['post-moderation'] as (typeof KINDS)[number][],
    trust:
      trustAfter === undefined
        ? undefined
        : { after: trustAfter, kinds: values['trusted-kind'] as (typeof KINDS)[number][] },
    blockedWords,
    hideReasons: reasons as (typeof HIDE_REASONS)[number][] | undefined,
    moderators,
    adminOrigins: values['admin-origin'],
    notify: values.notify,
    classify: values.classify ? { url: values.classify, secret: classifySecret! } : undefined,
  },
});
const { createCollectorServer } = await import('./server.js');
const server = createCollectorServer(collector);
server.on('error', (error: NodeJS.ErrnoException) =>
  fail(error.code === 'EADDRINUSE' ? `port ${values.port} is in use; choose another with --port` : error.message),
);
server.listen(Number(values.port), values.host, () => {
  console.log(
    `Mutual collector: http://${values.host === '127.0.0.1' ? 'localhost' : values.host}:${values.port}${values.path} → ${shown(values.db)}`,
  );
  // Labels only: tokens are never printed.
  console.log(
    moderators.length
      ? `Moderators: ${moderators.map((m) => m.label).join(', ')}`
      : 'No moderator tokens: members’ texts wait unreviewed (set MUTUAL_MODERATOR_TOKENS or --moderators FILE).',
  );
});
const stop = () => server.close(() => void collector.close().then(() => process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
