import type { Preview } from '@storybook/web-components-vite';
import '../src/index.js';

const preview: Preview = {
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};
export default preview;
