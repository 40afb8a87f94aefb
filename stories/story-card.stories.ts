import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { type Args, element, embedParameters, LONG_STORY, SAMPLE_STORY, settled } from './helpers.js';

const card = (canvas: HTMLElement) => canvas.querySelector('mutual-story-card')!;
const button = (canvas: HTMLElement, selector: string) =>
  card(canvas).shadowRoot!.querySelector<HTMLElement>(selector)!;
const threeDaysAgo = new Date(Date.now() - 3 * 864e5).toISOString().slice(0, 10);

const meta: Meta<Args> = {
  title: 'Elements/Story card',
  component: 'mutual-story-card',
  tags: ['autodocs'],
  render: (args) => element('mutual-story-card', args),
  args: {
    'story-id': 'story-42',
    heading: 'The evenings were the hardest',
    author: 'River',
    published: threeDaysAgo,
    tags: 'recovery, cravings',
    text: SAMPLE_STORY,
  },
  argTypes: { text: { control: 'text', description: 'The story (light-DOM paragraphs)' } },
  parameters: embedParameters('mutual-story-card'),
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
/** The warning, as a reader first meets it: the story stays hidden until they choose. */
export const ContentWarning: Story = {
  args: { 'content-warning': 'relapse, self-harm' },
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await expect(card(canvasElement).querySelector('p')!.checkVisibility()).toBe(false);
    await expect(button(canvasElement, '[part="warning"] p').textContent).toContain('relapse');
  },
};
/** After "Show story". */
export const ContentWarningRevealed: Story = {
  args: { 'content-warning': 'relapse, self-harm' },
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    const text = card(canvasElement).querySelector('p')!;
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
    await settled(canvasElement);
    button(canvasElement, 'button.share').click();
    await waitFor(() => expect(button(canvasElement, 'textarea')).toBeTruthy());
  },
};
export const ReportDialogOpen: Story = {
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    button(canvasElement, 'button.report').click();
    await waitFor(() => expect((button(canvasElement, 'dialog') as HTMLDialogElement).open).toBe(true));
  },
};
/**
 * The member's own story, on the device that wrote it: "Take down my story" instead of Report,
 * asking before anything is sent. (The device keeps the story's author key; this story puts one there.)
 */
export const OwnStoryTakeDown: Story = {
  args: { 'story-id': 'story-mine' },
  render: (args) => {
    localStorage.setItem('mutual:mine:key:story-mine', JSON.stringify('storybook-author-key-000000'));
    return element('mutual-story-card', args);
  },
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await expect(button(canvasElement, 'button.report').textContent).toBe('Take down my story');
    button(canvasElement, 'button.report').click();
    await waitFor(() => expect((button(canvasElement, 'dialog') as HTMLDialogElement).open).toBe(true));
    await expect(button(canvasElement, '#take-down-text').textContent).toContain('This can’t be undone.');
  },
};
/**
 * The member's own response, still waiting for review: only they see it here, with "Take down my
 * response" (the device keeps the response and its author key; this story puts them there).
 */
export const OwnResponseWaiting: Story = {
  args: { 'story-id': 'story-with-my-reply' },
  render: (args) => {
    const reply = {
      id: 'my-reply-1',
      text: 'Me too. The evenings still get long, but walking helps.',
      time: new Date().toISOString(),
    };
    localStorage.setItem('mutual:mine:responses:story-with-my-reply', JSON.stringify([reply]));
    localStorage.setItem(`mutual:mine:key:${reply.id}`, JSON.stringify('storybook-author-key-000001'));
    return element('mutual-story-card', args);
  },
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    await expect(button(canvasElement, '[part="responses"]').textContent).toContain('Waiting for review');
    await expect(button(canvasElement, '[data-take-down="my-reply-1"]').textContent).toBe('Take down my response');
  },
};
export const MissingStoryId: Story = {
  args: { 'story-id': undefined },
  parameters: { expectedWarnings: ['"story-id" attribute is missing'] },
};
export const HiddenBySettings: Story = {
  args: { 'content-warning': 'self-harm' },
  render: (args) => {
    const provider = document.createElement('mutual-provider');
    provider.setAttribute('hidden-topics', 'self-harm');
    provider.append(element('mutual-story-card', args));
    return provider;
  },
};
export const IdentityNudge: Story = {
  args: { 'story-id': 'story-nudge' },
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    button(canvasElement, 'button.share').click();
    await waitFor(() => expect(button(canvasElement, 'textarea')).toBeTruthy());
    const textarea = button(canvasElement, 'textarea') as HTMLTextAreaElement;
    textarea.value = 'Message me at river@example.com';
    textarea.dispatchEvent(new Event('input'));
    await waitFor(() => expect(button(canvasElement, '[part="composer"] button.primary')).toBeTruthy());
    button(canvasElement, '[part="composer"] button.primary').click();
    await waitFor(() => expect(button(canvasElement, '#nudge-text')).toBeTruthy());
  },
};
