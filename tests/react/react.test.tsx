import type * as React from 'react';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, test } from 'vitest';
import type { ReactionDetail } from '../../src/core/events.js';
import { MeToo, Provider } from '../../src/react/index.js';

test('the React wrapper renders <mutual-me-too> with props and delivers onMutualReaction', async () => {
  const host = document.createElement('div');
  document.body.append(host);
  const received: ReactionDetail[] = [];
  const root = createRoot(host);
  await act(async () => {
    root.render(
      <Provider locale="es">
        <MeToo subject="react-1" counts='{"me-too": 2}' onMutualReaction={(e) => received.push(e.detail)} />
      </Provider>,
    );
  });
  const bar = host.querySelector('mutual-me-too')!;
  await bar.updateComplete;
  const button = bar.shadowRoot!.querySelector('button')!;
  // The provider's locale arrives through context; Spanish strings load on first use.
  await expect.poll(() => button.getAttribute('aria-label')).toBe('A mí también, 2 personas');
  await act(async () => button.click());
  expect(received).toEqual([{ subject: 'react-1', reaction: 'me-too', active: true, count: 3 }]);
  expect(button.getAttribute('aria-pressed')).toBe('true');
  root.unmount();
  localStorage.clear();
});

test('there is a React wrapper for every element in src/elements.ts, and each renders its element', async () => {
  const { MEMBER_ELEMENTS } = await import('../../src/elements.js');
  const wrappers = await import('../../src/react/index.js');
  expect(Object.keys(wrappers).sort()).toEqual(MEMBER_ELEMENTS.map((e) => e.react).sort());
  for (const { tag, react } of MEMBER_ELEMENTS) {
    const Wrapper = (wrappers as unknown as Record<string, (props: Record<string, unknown>) => React.ReactElement>)[
      react
    ];
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => root.render(<Wrapper locale="en" />));
    const el = document.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };
    expect(el, tag).not.toBeNull();
    expect(el.constructor).toBe(customElements.get(tag));
    await el.updateComplete;
    expect(el.shadowRoot, tag).not.toBeNull();
    root.unmount();
    host.remove();
  }
});

test('<QuickExit> sits first in <body> (first in the tab order), follows its props, and unmounts cleanly', async () => {
  const { QuickExit } = await import('../../src/react/index.js');
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const app = (href: string, position: string) => (
    <Provider locale="es">
      <p>Before it</p>
      <QuickExit href={href} position={position} />
    </Provider>
  );
  await act(async () => root.render(app('https://example.org/weather', 'bottom-end')));
  const el = document.querySelector('mutual-quick-exit')!;
  expect(document.body.firstElementChild).toBe(el);
  await el.updateComplete;
  expect(el.href).toBe('https://example.org/weather');
  expect(el.getAttribute('position')).toBe('bottom-end');
  // The provider around it in the React tree still gives it its settings.
  await expect.poll(() => el.shadowRoot!.querySelector('span')!.textContent).toBe('Salir de este sitio');
  await act(async () => root.render(app('https://example.org/news', 'top-start')));
  expect(el.href).toBe('https://example.org/news');
  // React unmounts without an error (the element lives outside the tree React manages).
  await act(async () => root.unmount());
  expect(document.querySelector('mutual-quick-exit')).toBeNull();
  host.remove();
});
