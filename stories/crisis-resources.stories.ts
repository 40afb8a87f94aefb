import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { element, embedParameters, type Args } from './helpers.js';

const meta: Meta<Args> = {
  title: 'Elements/Crisis resources',
  component: 'mutual-crisis-resources',
  tags: ['autodocs'],
  render: (args) => element('mutual-crisis-resources', args),
  parameters: embedParameters('mutual-crisis-resources'),
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const Spanish: Story = { args: { locale: 'es' } };
export const Arabic: Story = { args: { locale: 'ar' } };
export const HostLines: Story = {
  args: { lines: '[{"name":"Samaritans (UK & Ireland)","contact":"116 123","href":"tel:116123","hours":"24/7"}]' },
};
