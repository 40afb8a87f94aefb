import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { mutualCollector } from './vite.config.js';
import { chromium } from './tests/helpers/chromium.mjs';

/**
 * Runs every story as a test in Debian's Chromium (no browser download): render, `play`
 * function, and an axe check from the a11y addon. Part of `npm test`.
 */
/** A fresh object per project: Vitest names the instances it is given. */
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromium }),
  instances: [{ browser: 'chromium' as const }],
});

export default defineConfig({
  plugins: [mutualCollector(process.env.MUTUAL_DB ?? '.test-results/storybook-events.db')],
  test: {
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: browser(),
        },
      },
      // React users: the @lit/react wrappers rendered by React in the same browser.
      { extends: true, test: { name: 'react', include: ['tests/react/**/*.test.tsx'], browser: browser() } },
    ],
  },
});
