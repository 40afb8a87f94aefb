import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // A Storybook to publish for designers: no onboarding checklist in the sidebar.
  features: { sidebarOnboardingChecklist: false },
  // The project's vite.config.ts brings the collector plugin (events really post to /events);
  // its library build settings are not for Storybook.
  viteFinal(config) {
    // Storybook's own build.outDir and build.emptyOutDir stay: deleting emptyOutDir made the
    // preview build empty storybook-static/ after the manager had written index.html there.
    if (config.build) delete config.build.lib;
    // Pre-bundle every Lit entry together, so Storybook's renderer and the elements share one
    // copy of Lit (otherwise Lit warns "Multiple versions of Lit loaded").
    config.optimizeDeps = {
      ...config.optimizeDeps,
      // PGlite finds its WebAssembly and data files next to its own module; pre-bundling moves it away from them.
      exclude: [...(config.optimizeDeps?.exclude ?? []), '@electric-sql/pglite'],
      include: [
        ...(config.optimizeDeps?.include ?? []),
        'lit',
        'lit/decorators.js',
        'lit/directive-helpers.js',
        '@lit/context',
      ],
    };
    return config;
  },
};
export default config;
