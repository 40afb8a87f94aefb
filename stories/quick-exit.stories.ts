import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { element, embedParameters, type Args } from './helpers.js';

// The button moves itself to the start of <body> (first in the tab order) and is fixed in a corner.
// Pressing it in Storybook would leave Storybook, so no play function presses it.
const meta: Meta<Args> = {
  title: 'Elements/Quick exit',
  component: 'mutual-quick-exit',
  tags: ['autodocs'],
  render: (args) => {
    document.querySelectorAll('body > mutual-quick-exit').forEach((el) => el.remove());
    return element('mutual-quick-exit', args);
  },
  args: { href: 'https://www.bbc.co.uk/weather' },
  parameters: embedParameters('mutual-quick-exit'),
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const BottomStart: Story = { args: { position: 'bottom-start' } };
