import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { asksForToken, element, type Args } from './helpers.js';

// An admin element: it loads from the endpoint with a moderator token, which is a property only
// (never an attribute, never in the snippet). Paste the token `npm start` prints into the
// "token" control to see the live data from the local collector.
const meta: Meta<Args> = {
  title: 'Admin/Moderation queue',
  component: 'mutual-moderation-queue',
  tags: ['autodocs'],
  render: ({ token, ...args }) => {
    const el = element('mutual-moderation-queue', args) as HTMLElement & { token?: string };
    if (typeof token === 'string' && token) el.token = token;
    return el;
  },
  args: { endpoint: '/events', token: '' },
  argTypes: { token: { control: 'text', description: 'Moderator token (set as a property, never an attribute).' } },
};
export default meta;
type Story = StoryObj<Args>;

/** Without a token it says what it needs, and loads nothing. */
export const WithoutToken: Story = {
  play: asksForToken('mutual-moderation-queue', 'Sign in with your moderator token to see what is waiting for review.'),
};

/** A token the endpoint does not accept. */
export const TokenRefused: Story = { args: { token: 'not-a-moderator-token-0000000000' } };
