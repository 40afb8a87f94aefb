import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { register } from 'tsx/esm/api';
import { chromium } from './tests/helpers/chromium.mjs';
import { mount } from './tests/helpers/wtr/cloudevents-check.mjs';
import { mutualCommands } from './tests/helpers/wtr/commands.mjs';
import { countingReporter } from './tests/helpers/wtr/counting-reporter.mjs';
import { builtDemo } from './tests/helpers/wtr/built-demo.mjs';
import { holdChunks } from './tests/helpers/wtr/hold-chunks.mjs';
import { ssrPage } from './tests/helpers/wtr/ssr-page.mjs';
import { receivers } from './tests/helpers/receivers.mjs';

// The collector is TypeScript; tsx lets this config import it as is.
register();
const { createCollector } = await import('./src/collector/create-collector.ts');
const { withFaults } = await import('./tests/helpers/faults.ts');
const { createPostgresStore } = await import('./src/collector/store/index.ts');
const { freshSchema, postgresUrl } = await import('./tests/helpers/postgres.ts');
const { renderStoryPage } = await import('./demo/ssr/render-story-page.ts');

const results = '.test-results';
mkdirSync(results, { recursive: true });
for (const f of ['browser-events.db', 'journey.db', 'wtr.json'].flatMap((f) => [f, `${f}-wal`, `${f}-shm`]))
  rmSync(`${results}/${f}`, { force: true });

/** The real reference collector on a real SQLite file, with the fault switch (a test-only wrapper). */
const collector = withFaults(
  createCollector({
    db: `${results}/browser-events.db`,
    allowListing: true,
    rateLimit: { max: 5000, windowMs: 60_000 },
    // A second moderator, for two people working one queue.
    moderation: {
      moderators: [
        { label: 'tests', token: 'test-moderator-token-0123456789abcdef' },
        { label: 'Sam', token: 'sam-moderator-token-0123456789abcdef' },
      ],
    },
  }),
);

/**
 * The journey's own collectors, one per store, empty at the start: the demo pages run against them
 * as a community's first day (`/demo/index.html?built&endpoint=/journey-sqlite/events`).
 */
const pg = await postgresUrl();
const journeyStores = {
  sqlite: { db: `${results}/journey.db` },
  postgres: { store: await createPostgresStore(pg.url, { schema: freshSchema(), max: pg.kind === 'server' ? 4 : 1 }) },
  // A community where nothing has happened yet: no test writes to it.
  quiet: { db: ':memory:' },
};
const journeyCollectors = Object.entries(journeyStores).map(([name, store]) => {
  const path = `/journey-${name}/events`;
  const handler = createCollector({
    ...store,
    path,
    allowListing: true,
    rateLimit: { max: 5000, windowMs: 60_000 },
    moderation: { moderators: [{ label: 'tests', token: 'test-moderator-token-0123456789abcdef' }] },
  });
  return mount(handler, path);
});

// One group per element (`npx web-test-runner --group me-too`): its own tests alone, from the one list.
// Only when a group is asked for: otherwise web-test-runner runs every group besides the default files.
const { ELEMENTS } = await import('./src/elements.ts');
const groups = ELEMENTS.map(({ folder }) => ({ name: folder, files: `tests/elements/${folder}.test.ts` })).filter(
  ({ files }) => existsSync(files),
);

export default {
  files: ['tests/**/*.test.ts', '!tests/node/**'],
  ...(process.argv.includes('--group') && { groups }),
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 20_000 } },
  middleware: [
    mount(collector),
    ...journeyCollectors,
    builtDemo(),
    receivers(),
    holdChunks(),
    ssrPage(collector, renderStoryPage),
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), mutualCommands],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter(results)],
  browsers: [chromeLauncher({ launchOptions: chromium })],
};
