import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { register } from 'tsx/esm/api';
import { receivers } from './tests/helpers/receivers.mjs';

// The collector is TypeScript; tsx lets this config import it as is.
register();
const { createCollector } = await import('./src/collector/create-collector.ts');
const { withFaults } = await import('./tests/helpers/faults.ts');

const results = '.test-results';
mkdirSync(results, { recursive: true });
for (const f of ['browser-events.db', 'browser-events.db-wal', 'browser-events.db-shm', 'wtr.json'])
  rmSync(`${results}/${f}`, { force: true });

/** The real reference collector with a real SQLite file, fault switch on (tests only). */
const collector = withFaults(
  createCollector({
    db: `${results}/browser-events.db`,
    allowListing: true,
    rateLimit: { max: 5000, windowMs: 60_000 },
    moderation: { moderators: [{ label: 'tests', token: 'test-moderator-token-0123456789abcdef' }] },
  }),
);

/**
 * A second, standalone collector on its own port and SQLite file, which the fault tests can stop
 * in the middle of a batch (after it stored the batch, before it answers) and restart.
 */
import { createServer } from 'node:http';
let standalonePort = 0; // a free port, chosen at first listen and reused on restart
const standaloneDb = `${results}/standalone-events.db`;
for (const f of ['', '-wal', '-shm']) rmSync(standaloneDb + f, { force: true });
// Also the admin elements' own community (moderators allowed from the test page's origin).
const standaloneOptions = {
  db: standaloneDb,
  rateLimit: false,
  allowListing: true,
  moderation: {
    moderators: [{ label: 'tests', token: 'test-moderator-token-0123456789abcdef' }],
    adminOrigins: ['http://localhost:8000'],
  },
};
let standalone = createCollector(standaloneOptions);
let killNext = 0;
let restartAfter = 1000;
const sockets = new Set();
const standaloneServer = createServer((req, res) => {
  if (req.method === 'POST' && killNext > 0) {
    killNext--;
    // Crash mid-batch: the batch is stored, the answer never leaves, the server goes down.
    res.end = () => {
      for (const s of sockets) s.destroy();
      standaloneServer.close();
      standalone.close();
      setTimeout(() => {
        standalone = createCollector(standaloneOptions);
        standaloneServer.listen(standalonePort, '127.0.0.1');
      }, restartAfter);
      return res;
    };
  }
  standalone(req, res);
});
standaloneServer.on('connection', (s) => {
  sockets.add(s);
  s.on('close', () => sockets.delete(s));
});
standaloneServer.on('error', (error) => console.error('[standalone collector]', error.message));
standaloneServer.listen(0, '127.0.0.1', () => (standalonePort = standaloneServer.address().port));

/**
 * The last raw request the transport sent per scope (headers + body, teed off the stream), so a
 * test can have the official CloudEvents SDK parse exactly what went over the wire.
 */
const { HTTP } = await import('cloudevents');
const lastRequest = new Map();
function capture(req) {
  const scope = new URL(req.url, 'http://x').searchParams.get('scope');
  if (req.method !== 'POST' || !scope) return;
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () =>
    lastRequest.set(scope, { headers: { ...req.headers }, body: Buffer.concat(chunks).toString('utf8') }),
  );
}
function cloudEventsCheck(ctx) {
  const raw = lastRequest.get(ctx.query.scope);
  if (!raw) return void ((ctx.status = 404), (ctx.body = { error: 'no request captured' }));
  try {
    const parsed = HTTP.toEvent({ headers: raw.headers, body: raw.body });
    const events = (Array.isArray(parsed) ? parsed : [parsed]).map(
      (e) => (
        e.validate(),
        { id: e.id, type: e.type, subject: e.subject, specversion: e.specversion, source: e.source, data: e.data }
      ),
    );
    ctx.body = { contentType: raw.headers['content-type'], events };
  } catch (error) {
    ctx.status = 422;
    ctx.body = { error: String(error?.message ?? error), errors: error?.errors };
  }
}

/** Koa → connect: hand /events requests to the collector untouched. */
function mount(handler) {
  return (ctx, next) => {
    if (ctx.path === '/cloudevents-check') return cloudEventsCheck(ctx);
    if (!ctx.path.startsWith('/events')) return next();
    capture(ctx.req);
    ctx.respond = false;
    return new Promise((resolve) => {
      ctx.res.on('close', resolve);
      ctx.res.on('finish', resolve);
      handler(ctx.req, ctx.res, () => resolve(next()));
    });
  };
}

/**
 * Commands the page cannot do itself. Real offline mode cuts the test runner's own websocket,
 * so network tests run in a second tab ("peer page", same origin and storage) driven from here.
 */
const peerPages = new Map();
const mutualCommands = {
  name: 'mutual-commands',
  async executeCommand({ command, payload, session }) {
    if (!command.startsWith('mutual:')) return undefined;
    const page = session.browser.getPage(session.id);
    if (command === 'mutual:media') {
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', { features: payload.features ?? [] });
      await cdp.detach();
      return true;
    }
    if (command === 'mutual:standalone-url') return `http://127.0.0.1:${standalonePort}/events`;
    if (command === 'mutual:standalone-crash') {
      killNext = payload.count ?? 1;
      restartAfter = payload.restartAfter ?? 1000;
      return true;
    }
    if (command === 'mutual:peer-open') {
      const peer = await page.browser().newPage();
      peerPages.set(session.id, peer);
      // What the page printed, from its very first script (a page cannot hook that itself).
      peer.consoleMessages = [];
      peer.on('console', (m) => peer.consoleMessages.push({ type: m.type(), text: m.text() }));
      peer.on('pageerror', (e) => peer.consoleMessages.push({ type: 'error', text: String(e?.message ?? e) }));
      await peer.goto(new URL(payload.url, page.url()).href, { waitUntil: 'load' });
      return true;
    }
    const peer = peerPages.get(session.id);
    if (!peer) throw new Error('no peer page open');
    if (command === 'mutual:peer-network') {
      await peer.setOfflineMode(!!payload.offline);
      return true;
    }
    if (command === 'mutual:peer-eval') return peer.evaluate(payload.expression);
    if (command === 'mutual:peer-console') return peer.consoleMessages;
    if (command === 'mutual:peer-viewport') {
      await peer.setViewport({ width: payload.width, height: payload.height ?? 900 });
      return true;
    }
    if (command === 'mutual:peer-reload') {
      await peer.reload({ waitUntil: 'load' });
      return true;
    }
    if (command === 'mutual:peer-close') {
      peerPages.delete(session.id);
      await peer.close();
      return true;
    }
    return undefined;
  },
};

/** Writes the real pass/fail counts for tests/run.mjs to sum with the other runners. */
const countingReporter = {
  onTestRunFinished({ sessions }) {
    let passed = 0;
    let failed = 0;
    const walk = (suite) => {
      for (const t of suite.tests ?? []) {
        if (t.skipped) continue;
        if (t.passed) passed++;
        else failed++;
      }
      for (const s of suite.suites ?? []) walk(s);
    };
    for (const session of sessions) {
      if (session.testResults) walk(session.testResults);
      // A file that failed to load or threw outside a test counts as one failure.
      if (!session.passed && (session.errors?.length || !session.testResults)) failed++;
    }
    writeFileSync(`${results}/wtr.json`, JSON.stringify({ passed, failed }));
  },
};

export default {
  files: ['tests/**/*.test.ts', '!tests/node/**'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 20_000 } },
  middleware: [mount(collector), receivers()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), mutualCommands],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-setuid-sandbox',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
        ],
      },
    }),
  ],
};
