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

/** Writes a story and sends it, as a member would; the element's shadow root, for what comes next. */
async function send(canvasElement: HTMLElement, heading: string, text: string) {
  await settled(canvasElement);
  const el = canvasElement.querySelector('mutual-share-story')!;
  const root = within(el.shadowRoot as unknown as HTMLElement);
  await userEvent.type(root.getByLabelText('A title for your story'), heading);
  await userEvent.type(root.getByLabelText('Your story'), text);
  await userEvent.click(root.getByRole('checkbox'));
  await userEvent.click(root.getByRole('button', { name: 'Send to the moderators' }));
  await settled(canvasElement);
  return { shadow: el.shadowRoot!, root };
}

/** Sent: the confirmation says a moderator reads it first; the delivery status follows. */
export const Sent: Story = {
  args: { endpoint: '/events', 'draft-id': 'storybook-sent' },
  play: async ({ canvasElement }) => {
    const { shadow } = await send(canvasElement, 'Small steps', 'One evening at a time.');
    await expect(shadow.querySelector('#thanks')!.textContent).toBe('Thank you for sharing your story.');
  },
};

/** Sent, then "Take it back": asked inline before anything is withdrawn. */
export const TakeItBack: Story = {
  args: { endpoint: '/events', 'draft-id': 'storybook-take-back' },
  play: async ({ canvasElement }) => {
    const { shadow, root } = await send(canvasElement, 'Too soon', 'Words I may want back.');
    await userEvent.click(root.getByRole('button', { name: 'Take it back' }));
    await settled(canvasElement);
    await expect(shadow.querySelector('#take-back-question')!.textContent).toContain('It won’t be published');
  },
};

/**
 * The member's stories on this device, and where each stands: closed until opened, so a shared
 * screen does not show titles unasked. (This story puts two on the device; the local collector has
 * neither, so both read "Taken down".)
 */
export const YourStories: Story = {
  args: { endpoint: '/events', 'no-trace': false },
  render: (args) => {
    localStorage.setItem(
      'mutual:mine:stories',
      JSON.stringify([
        { id: 'storybook-mine-1', heading: 'The first winter' },
        { id: 'storybook-mine-2', heading: 'Small steps' },
      ]),
    );
    return element('mutual-share-story', args);
  },
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    const el = canvasElement.querySelector('mutual-share-story')!;
    const root = within(el.shadowRoot as unknown as HTMLElement);
    await userEvent.click(root.getByRole('button', { name: 'Your stories on this device (2)' }));
    await settled(canvasElement);
    await expect(root.getByRole('list', { name: 'Your stories on this device' })).toBeTruthy();
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
