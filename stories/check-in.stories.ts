import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { type Args, element, embedParameters, settled } from './helpers.js';

const form = (canvas: HTMLElement) => canvas.querySelector('mutual-check-in')!;
const q = <T extends HTMLElement>(canvas: HTMLElement, selector: string) =>
  form(canvas).shadowRoot!.querySelector<T>(selector)!;
const stamp = () => `check-in-${Math.random().toString(36).slice(2, 8)}`;

const meta: Meta<Args> = {
  title: 'Elements/Check-in',
  component: 'mutual-check-in',
  tags: ['autodocs'],
  // A fresh id per render: a draft typed in one story doesn't appear in the next.
  render: (args) => element('mutual-check-in', { ...args, 'check-in-id': args['check-in-id'] ?? stamp() }),
  args: { topics: 'sleep,cravings,work,family', 'peer-messages': '["You showed up today. That counts."]' },
  parameters: embedParameters('mutual-check-in'),
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const ValidationError: Story = {
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    q(canvasElement, 'button[type="submit"]').click();
    await waitFor(() => expect(q(canvasElement, '#mood-error')).toBeTruthy());
  },
};
export const CrisisResourcesShown: Story = {
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    q(canvasElement, 'input[value="1"]').click();
    await waitFor(() => expect(q(canvasElement, 'mutual-crisis-resources')).toBeTruthy());
  },
};
export const GiveBackStep: Story = {
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    q(canvasElement, 'input[value="4"]').click();
    q<HTMLTextAreaElement>(canvasElement, '#helped').value = 'A walk after dinner';
    q(canvasElement, '#helped').dispatchEvent(new Event('input'));
    q(canvasElement, 'button[type="submit"]').click();
    await waitFor(() => expect(q(canvasElement, '#encourage')).toBeTruthy());
  },
};
/** Chooses a mood, submits, and waits until the status line says `status`. */
async function submitUntil(canvas: HTMLElement, mood: number, status: string) {
  await settled(canvas);
  q(canvas, `input[value="${mood}"]`).click();
  q(canvas, 'button[type="submit"]').click();
  await waitFor(() => expect(q(canvas, '[part="status"]').textContent).toContain(status), { timeout: 5000 });
}
export const SiteUnreachable: Story = {
  // An endpoint nobody answers while the device is online: the check-in waits in the outbox, and
  // says so without claiming the member is offline.
  parameters: { endpoint: 'http://127.0.0.1:9/events', expectedWarnings: ['failed with a network error'] },
  // Memory only: this unreachable endpoint's outbox is not left behind in the browser.
  args: { 'no-trace': true },
  play: ({ canvasElement }) => submitUntil(canvasElement, 3, 'It will keep trying'),
};
export const SendRefused: Story = {
  // An endpoint that does not exist answers 404: refused for good, so nothing is retried and the
  // person is led back to what they wrote.
  parameters: { endpoint: '/no-such-endpoint', expectedWarnings: ['the endpoint refused event'] },
  args: { 'no-trace': true },
  play: async ({ canvasElement }) => {
    await submitUntil(canvasElement, 2, 'couldn’t be sent');
    await expect(q(canvasElement, '[part="actions"] button').textContent).toBe('Back to my check-in');
  },
};
export const Done: Story = {
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
    q(canvasElement, 'input[value="5"]').click();
    q(canvasElement, 'button[type="submit"]').click();
    await waitFor(() => expect(q(canvasElement, 'button.link')).toBeTruthy());
    q(canvasElement, 'button.link').click();
    await waitFor(() => expect(q(canvasElement, '#done')).toBeTruthy());
  },
};
