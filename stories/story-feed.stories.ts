import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { element, embedParameters, SAMPLE_STORY, type Args } from './helpers.js';

// The feed loads published stories from the endpoint: here the demonstration store in this browser,
// seeded with three approved stories (approve more in Admin → Moderation queue → Live in this browser).
const meta: Meta<Args> = {
  title: 'Elements/Story feed',
  component: 'mutual-story-feed',
  tags: ['autodocs'],
  render: (args) => element('mutual-story-feed', args),
  args: { endpoint: '/events', 'page-size': 5 },
  parameters: embedParameters('mutual-story-feed'),
};
export default meta;
type Story = StoryObj<Args>;

/** Approved stories from the endpoint, with their counts. */
export const FromTheEndpoint: Story = {};

/** No endpoint answers: the error state, with "Try again". */
export const CouldNotLoad: Story = { args: { endpoint: 'http://127.0.0.1:9/events' } };

/** A tag nothing carries: the empty state. */
export const Empty: Story = { args: { tag: 'a-tag-no-story-has' } };

/** A server-rendered card stays first; loaded stories follow it. */
export const WithServerRenderedCards: Story = {
  render: (args) => html`<mutual-story-feed endpoint=${String(args.endpoint)} page-size="5">
    <mutual-story-card story-id="server-1" heading="Rendered by the page" author="Sam"><p>${SAMPLE_STORY}</p></mutual-story-card>
  </mutual-story-feed>`,
};
