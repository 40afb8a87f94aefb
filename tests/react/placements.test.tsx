import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, test } from 'vitest';

type Wrappers = typeof import('../../src/react/index.js');

/** What the collector stored for `subject` (the dev server mounts it on /events). */
async function reactions(subject: string): Promise<{ data: { reaction: string } }[]> {
  const res = await fetch(`/events?since=0&subject=${encodeURIComponent(subject)}&type=org.mutual.reaction.added`);
  return ((await res.json()) as { events: { event: { data: { reaction: string } } }[] }).events.map((e) => e.event);
}

test("inside React's <Provider> (the built npm entry), a bar and a card's bar send to its endpoint in its language and theme, leaving no trace", async () => {
  // The package as a React app gets it: the built entry, not the sources.
  const entry = '../../dist/npm/react.js';
  const { Provider, MeToo, StoryCard } = (await import(/* @vite-ignore */ entry)) as Wrappers;
  const s = `react-${Date.now().toString(36)}`;
  localStorage.clear();
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  try {
    await act(async () => {
      root.render(
        <Provider endpoint="/events" locale="es" theme="dark" noTrace>
          <MeToo subject={`${s}-bar`} />
          <StoryCard storyId={`${s}-card`} heading="From React">
            <p>A story the app rendered.</p>
          </StoryCard>
        </Provider>,
      );
    });
    const bars = () => [
      host.querySelector('mutual-me-too'),
      host.querySelector('mutual-story-card')?.shadowRoot?.querySelector('mutual-me-too'),
    ];
    for (const [i, subject] of [`${s}-bar`, `${s}-card`].entries()) {
      await expect.poll(() => bars()[i]?.shadowRoot?.querySelector('button')?.textContent).toContain('A mí también');
      const bar = bars()[i]!;
      expect(getComputedStyle(bar).colorScheme).toBe('dark');
      bar.shadowRoot!.querySelector('button')!.click();
      await expect.poll(async () => (await reactions(subject)).map((e) => e.data.reaction)).toEqual(['me-too']);
    }
    expect(Object.keys(localStorage).filter((k) => k.startsWith('mutual'))).toEqual([]);
    expect(warnings.filter((w) => /endpoint/i.test(w))).toEqual([]);
  } finally {
    console.warn = warn;
    root.unmount();
    host.remove();
  }
});
