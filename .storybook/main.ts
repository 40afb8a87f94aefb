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
    return config;
  },
};
export default config;
