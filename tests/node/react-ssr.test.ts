import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';

// Next.js and other React frameworks render on the server first: the wrappers must not throw there.
test('React renderToString of every wrapper does not throw (server rendering)', async () => {
  const { CheckIn, CrisisResources, MeToo, Provider, QuickExit, StoryCard } = await import('../../src/react/index.js');
  const html = renderToString(
    h(
      Provider,
      { endpoint: '/events' },
      h(StoryCard, { storyId: 'ssr-1', heading: 'A story' }, h('p', null, 'Story text')),
      h(MeToo, { subject: 'ssr-1' }),
      h(CheckIn, { checkInId: 'ssr' }),
      h(CrisisResources, null),
      h(QuickExit, null),
    ),
  );
  for (const tag of [
    'mutual-provider',
    'mutual-story-card',
    'mutual-me-too',
    'mutual-check-in',
    'mutual-crisis-resources',
  ]) {
    assert.ok(html.includes(`<${tag}`), tag);
  }
  // The quick exit is put in place (then at the start of <body>) once the page runs: its button
  // lives in a shadow root, so server HTML could show nothing of it before then either.
  assert.ok(!html.includes('<mutual-quick-exit'));
  assert.ok(html.includes('<p>Story text</p>'));
});
