import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { type Args, element, embedParameters, settled } from './helpers.js';

const bar = (canvas: HTMLElement) => canvas.querySelector('mutual-me-too')!;
const buttons = (canvas: HTMLElement) => [...bar(canvas).shadowRoot!.querySelectorAll('button')];

const meta: Meta<Args> = {
  title: 'Elements/Me too',
  component: 'mutual-me-too',
  tags: ['autodocs'],
  render: (args) => element('mutual-me-too', args),
  args: { subject: 'story-42', counts: '{"me-too": 12, "understand": 4, "strength": 7}' },
  parameters: embedParameters('mutual-me-too'),
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    const [meToo] = buttons(canvasElement);
    await expect(meToo.getAttribute('aria-pressed')).toBe('false');
    meToo.click();
    await waitFor(() => expect(meToo.getAttribute('aria-pressed')).toBe('true'));
    meToo.click(); // leave the story as it was
    await waitFor(() => expect(meToo.getAttribute('aria-pressed')).toBe('false'));
  },
};
export const NoCounts: Story = { args: { subject: 'story-new', counts: undefined } };
export const LargeCounts: Story = {
  args: { counts: '{"me-too": 12840, "understand": 1530, "strength": 999, "helped": 2200000}' },
};
export const Pressed: Story = {
  args: { subject: 'story-pressed' },
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    const [meToo] = buttons(canvasElement);
    if (meToo.getAttribute('aria-pressed') !== 'true') meToo.click();
    await waitFor(() => expect(meToo.getAttribute('aria-pressed')).toBe('true'));
  },
};
export const Readonly: Story = { args: { readonly: true } };
export const Compact: Story = { args: { layout: 'compact' } };
export const Single: Story = { args: { single: true } };
export const GentleCounts: Story = { args: { 'hide-counts-below': 5, counts: '{"me-too": 2, "understand": 9}' } };
export const CountsHidden: Story = { args: { counts: 'hidden' } };
export const CustomReaction: Story = { args: { reactions: 'me-too,hug:Sending a hug,helped' } };
export const MissingSubject: Story = {
  args: { subject: undefined },
  parameters: { expectedWarnings: ['"subject" attribute is missing'] },
};
