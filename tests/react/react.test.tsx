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
