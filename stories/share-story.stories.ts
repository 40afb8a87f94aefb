import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, within } from 'storybook/test';
import { element, embedParameters, settled, type Args } from './helpers.js';

const meta: Meta<Args> = {
  title: 'Elements/Share story',
  component: 'mutual-share-story',
  tags: ['autodocs'],
  render: (args) => element('mutual-share-story', args),
  args: { 'warning-topics': 'relapse, self-harm', tags: 'recovery, family', 'no-trace': true },
  parameters: embedParameters('mutual-share-story'),
};
export default meta;
type Story = StoryObj<Args>;

/** The empty form: title, story, topics, name, consent. */
export const Writing: Story = {};

/** Preview without a title: the form says what is missing and moves focus there. */
export const SaysWhatIsMissing: Story = {
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    const el = canvasElement.querySelector('mutual-share-story')!;
    await userEvent.click(within(el.shadowRoot as unknown as HTMLElement).getByRole('button', { name: 'Preview' }));
    await settled(canvasElement);
    await expect(el.shadowRoot!.querySelector('#story-heading-error')!.textContent).toBe(
      'Please give your story a title.',
    );
  },
};

/** The preview: the story exactly as its card will appear. */
export const Preview: Story = {
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    const el = canvasElement.querySelector('mutual-share-story')!;
    const root = within(el.shadowRoot as unknown as HTMLElement);
    await userEvent.type(root.getByLabelText('A title for your story'), 'The first winter');
    await userEvent.type(root.getByLabelText('Your story'), 'The evenings were long. A peer texted me every night.');
    await userEvent.click(root.getByRole('checkbox'));
    await userEvent.click(root.getByRole('button', { name: 'Preview' }));
    await settled(canvasElement);
    await expect(el.shadowRoot!.querySelector('mutual-story-card')!.getAttribute('heading')).toBe('The first winter');
  },
};

/** Sent: the confirmation says a moderator reads it first; the delivery status follows. */
export const Sent: Story = {
  args: { endpoint: '/events', 'draft-id': 'storybook-sent' },
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    const el = canvasElement.querySelector('mutual-share-story')!;
    const root = within(el.shadowRoot as unknown as HTMLElement);
    await userEvent.type(root.getByLabelText('A title for your story'), 'Small steps');
    await userEvent.type(root.getByLabelText('Your story'), 'One evening at a time.');
    await userEvent.click(root.getByRole('checkbox'));
    await userEvent.click(root.getByRole('button', { name: 'Send to the moderators' }));
    await settled(canvasElement);
    await expect(el.shadowRoot!.querySelector('#thanks')!.textContent).toBe('Thank you for sharing your story.');
  },
};

/** Sent, then "Take it back": asked inline before anything is withdrawn. */
export const TakeItBack: Story = {
  args: { endpoint: '/events', 'draft-id': 'storybook-take-back' },
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    const el = canvasElement.querySelector('mutual-share-story')!;
    const root = within(el.shadowRoot as unknown as HTMLElement);
    await userEvent.type(root.getByLabelText('A title for your story'), 'Too soon');
    await userEvent.type(root.getByLabelText('Your story'), 'Words I may want back.');
    await userEvent.click(root.getByRole('checkbox'));
    await userEvent.click(root.getByRole('button', { name: 'Send to the moderators' }));
    await settled(canvasElement);
    await userEvent.click(root.getByRole('button', { name: 'Take it back' }));
    await settled(canvasElement);
    await expect(el.shadowRoot!.querySelector('#take-back-question')!.textContent).toContain('It won’t be published');
  },
};

/** Crisis language while writing: help lines appear, nothing is blocked. */
export const CrisisLanguage: Story = {
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    const el = canvasElement.querySelector('mutual-share-story')!;
    const root = within(el.shadowRoot as unknown as HTMLElement);
    await userEvent.type(root.getByLabelText('Your story'), 'Some nights I want to die.');
    await settled(canvasElement);
    await expect(el.shadowRoot!.querySelector('mutual-crisis-resources')).not.toBeNull();
  },
};

/** In Arabic, right to left. */
export const Arabic: Story = { args: { locale: 'ar' } };
