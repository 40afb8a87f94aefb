import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { SAMPLE_STORY } from './helpers.js';

const meta: Meta = {
  title: 'Elements/Provider',
  component: 'mutual-provider',
  tags: ['autodocs'],
};
export default meta;

/** One provider restyles and relabels every widget inside it. */
export const ThemedCommunity: StoryObj = {
  render: () => html`<mutual-provider
    style="--mutual-color-accent: light-dark(#6b3fa0, #cfb0f5); --mutual-color-accent-soft: light-dark(#efe6fa, #3a2a52); --mutual-radius-m: 4px"
    strings='{"me-too.me-too": "Same here"}'
  >
    <mutual-story-card story-id="story-themed" heading="A purple community" author="Sam"><p>${SAMPLE_STORY}</p></mutual-story-card>
    <mutual-me-too subject="article-7"></mutual-me-too>
  </mutual-provider>`,
};

/** `forget-button` adds a small "Forget me on this device" action. */
export const ForgetButton: StoryObj = {
  render: () =>
    html`<mutual-provider forget-button><mutual-me-too subject="forget-demo"></mutual-me-too></mutual-provider>`,
};
