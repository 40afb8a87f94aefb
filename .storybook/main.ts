import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // The project's vite.config.ts brings the collector plugin (events really post to /events);
  // its library build settings are not for Storybook.
  viteFinal(config) {
    if (config.build) {
      delete config.build.lib;
      delete config.build.outDir;
      delete config.build.emptyOutDir;
    }
    // Pre-bundle every Lit entry together, so Storybook's renderer and the elements share one
    // copy of Lit (otherwise Lit warns "Multiple versions of Lit loaded").
    config.optimizeDeps = {
      ...config.optimizeDeps,
      include: [...(config.optimizeDeps?.include ?? []), 'lit', 'lit/decorators.js', 'lit/directive-helpers.js', '@lit/context'],
    };
    return config;
  },
};
export default config;
