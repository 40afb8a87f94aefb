import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_MODERATOR_TOKEN } from '../demo/in-browser-endpoint.js';
import { asksForToken, element, type Args } from './helpers.js';

// An admin element: it loads from the endpoint with a moderator token, which is a property only
// (never an attribute, never in the snippet). The endpoint here is the demonstration store in this
// browser, whose token "Live in this browser" uses.
const meta: Meta<Args> = {
  title: 'Admin/Community pulse',
  component: 'mutual-community-pulse',
  tags: ['autodocs'],
  render: ({ token, ...args }) => {
    const el = element('mutual-community-pulse', args) as HTMLElement & { token?: string };
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
  play: asksForToken('mutual-community-pulse', 'Sign in with your moderator token to see the community’s pulse.'),
};

/** A token the endpoint does not accept. */
export const TokenRefused: Story = { args: { token: 'not-a-moderator-token-0000000000' } };

/** Signed in to the demonstration store in this browser (its token is public: it guards only this tab). */
export const LiveInThisBrowser: Story = { args: { token: DEMO_MODERATOR_TOKEN } };
