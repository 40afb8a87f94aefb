import { expect } from 'storybook/test';
import { EventTypes } from '../src/core/protocol/envelope.js';

export type Args = Record<string, unknown>;

/** Args that are not attributes (story text, layout helpers). */
const NOT_ATTRIBUTES = new Set(['text']);

/** Only plain values become attributes (event argTypes hold action functions). */
const isAttribute = ([name, value]: [string, unknown]) =>
  !NOT_ATTRIBUTES.has(name) &&
  ['string', 'number', 'boolean'].includes(typeof value) &&
  value !== false &&
  value !== '';

/** Waits until every Mutual element in the story has rendered (first renders may wait a task). */
export async function settled(canvas: HTMLElement): Promise<void> {
  await Promise.all(
    [...canvas.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*')].map(
      (el) => el.updateComplete,
    ),
  );
}

/** An admin element's play without a moderator token: it says what it needs (`text`), and no error. */
export const asksForToken =
  (tag: string, text: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    await settled(canvasElement);
    const root = canvasElement.querySelector(tag)!.shadowRoot!;
    await expect(root.textContent).toContain(text);
    await expect(root.querySelector('[role="alert"]')).toBeNull();
  };

/** The element for a story, built from args as attributes — exactly what a CMS editor would paste. */
export function element(tag: string, args: Args): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(args).filter(isAttribute))
    el.setAttribute(name, value === true ? '' : String(value));
  if (typeof args.text === 'string') {
    for (const paragraph of args.text.split(/\n{2,}/)) {
      const p = document.createElement('p');
      p.textContent = paragraph;
      el.append(p);
    }
  }
  return el;
}

/** Where a site serves Mutual when it self-hosts (README, "Install"): the folder dist/ copied as /mutual/. */
export const SCRIPT_URL = '/mutual/mutual.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML snippet for the story's current args (shown as "Embed" on each docs page). */
export function snippet(tag: string, args: Args): string {
  const attrs = Object.entries(args)
    .filter(isAttribute)
    .map(([n, v]) => (v === true ? ` ${n}` : ` ${n}="${escape(String(v))}"`))
    .join('');
  const body =
    typeof args.text === 'string'
      ? `\n${args.text
          .split(/\n{2,}/)
          .map((p) => `  <p>${escape(p)}</p>`)
          .join('\n')}\n`
      : '';
  return `<script type="module" src="${SCRIPT_URL}"></script>\n<${tag}${attrs}>${body}</${tag}>`;
}

/** Story parameters shared by every element: the embed snippet built from the current args. */
export function embedParameters(tag: string) {
  return {
    docs: {
      source: {
        language: 'html',
        transform: (_code: string, context: { args: Args }) => snippet(tag, context.args),
      },
    },
  };
}

export const SAMPLE_STORY =
  'The first weeks were the hardest. I kept a list of people I could text when the evenings got long, and one night I finally did.\n\nNobody lectured me. Someone just said "me too" — and stayed up talking until the craving passed.';

export const LONG_STORY = Array.from(
  { length: 6 },
  (_, i) =>
    `Week ${i + 1}: some days went better than others. What helped was small and steady — a walk before work, a message to someone who understood, a meeting when I didn't feel like going. I'm writing this for whoever is in week one right now.`,
).join('\n\n');

export { EventTypes };
