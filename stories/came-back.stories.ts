import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, within } from 'storybook/test';
import { element, embedParameters, settled, type Args } from './helpers.js';

const meta: Meta<Args> = {
  title: 'Elements/Came back',
  component: 'mutual-came-back',
  tags: ['autodocs'],
  render: (args) => element('mutual-came-back', args),
  parameters: embedParameters('mutual-came-back'),
};
export default meta;
type Story = StoryObj<Args>;

/** Closed, as a header shows it: a neutral count when something is new, never a title or a word. */
export const Default: Story = {};

const open =
  (title: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    await settled(canvasElement);
    const el = canvasElement.querySelector('mutual-came-back')!;
    const root = within(el.shadowRoot as unknown as HTMLElement);
    await userEvent.click(root.getAllByRole('button')[0]);
    await settled(canvasElement);
    await expect(await root.findByRole('heading', { name: title })).toBeTruthy();
  };

/** Opened: what came back to each text this device shared (or, with nothing shared yet, how it works). */
export const Opened: Story = { play: open('What came back to what you shared') };
/** Under no-trace nothing is kept on the device, so there is nothing to show: the panel says why. */
export const NoTrace: Story = {
  args: { 'no-trace': true },
  play: async (context) => {
    await open('What came back to what you shared')(context);
    const root = context.canvasElement.querySelector('mutual-came-back')!.shadowRoot!;
    await expect(root.textContent).toContain('This site keeps nothing on this device');
  },
};
export const Spanish: Story = { args: { locale: 'es' }, play: open('Lo que te llegó por lo que compartiste') };
export const Arabic: Story = { args: { locale: 'ar' }, play: open('ما عاد إليك مما شاركته') };
