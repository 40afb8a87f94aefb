import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { element, embedParameters, LONG_STORY, SAMPLE_STORY, type Args } from './helpers.js';

const card = (canvas: HTMLElement) => canvas.querySelector('mutual-story-card')!;
const button = (canvas: HTMLElement, selector: string) => card(canvas).shadowRoot!.querySelector<HTMLElement>(selector)!;
const threeDaysAgo = new Date(Date.now() - 3 * 864e5).toISOString().slice(0, 10);

const meta: Meta<Args> = {
  title: 'Elements/Story card',
  component: 'mutual-story-card',
  tags: ['autodocs'],
  render: (args) => element('mutual-story-card', args),
  args: { 'story-id': 'story-42', heading: 'The evenings were the hardest', author: 'River', published: threeDaysAgo, tags: 'recovery, cravings', text: SAMPLE_STORY },
  argTypes: { text: { control: 'text', description: 'The story (light-DOM paragraphs)' } },
  parameters: embedParameters('mutual-story-card'),
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const ContentWarning: Story = {
  args: { 'content-warning': 'relapse, self-harm' },
  play: async ({ canvasElement }) => {
    const text = card(canvasElement).querySelector('p')!;
    await expect(text.checkVisibility()).toBe(false);
    button(canvasElement, '[part="warning"] button').click();
    await waitFor(() => expect(text.checkVisibility()).toBe(true));
  },
};
export const LongText: Story = { args: { text: LONG_STORY } };
export const NoAuthor: Story = { args: { author: undefined, heading: undefined } };
export const ShareLink: Story = { args: { 'share-href': 'https://example.org/share' } };
export const NoReactions: Story = { args: { 'no-reactions': true } };
export const ComposerOpen: Story = {
  args: { 'story-id': 'story-composer' },
  play: async ({ canvasElement }) => {
    button(canvasElement, 'button.share').click();
    await waitFor(() => expect(button(canvasElement, 'textarea')).toBeTruthy());
  },
};
export const ReportDialogOpen: Story = {
  play: async ({ canvasElement }) => {
    button(canvasElement, 'button.report').click();
    await waitFor(() => expect((button(canvasElement, 'dialog') as HTMLDialogElement).open).toBe(true));
  },
};
export const MissingStoryId: Story = { args: { 'story-id': undefined } };
