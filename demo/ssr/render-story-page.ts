// A story page rendered on the server with Lit SSR (`@lit-labs/ssr`): the feed and its cards as
// declarative shadow DOM, so a story is readable — and a warned story already behind its warning —
// before any script runs. The page's script (client.ts) then hydrates them in place: the same
// nodes, no flash, and the feed goes on from `cursor` instead of fetching these stories again.
//
//   app.get('/stories', async (req, res) => {
//     const page = await (await fetch('https://community.example/events?stories&limit=10')).json();
//     res.type('html').send(await renderStoryPage({ title: 'Stories', endpoint: '/events', ...page, script: '/client.js' }));
//   });
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, nothing } from 'lit';
import type { PublishedStory } from '../../src/core/delivery/readings.js';
import { renderPublishedStory } from '../../src/story-card/published.js';
import '../../src/story-feed/define.js';

export interface StoryPageOptions {
  title: string;
  lang?: string;
  /** The endpoint the hydrated feed and cards talk to. */
  endpoint: string;
  /** A page of published stories, as `GET …/events?stories` answers it. */
  stories: PublishedStory[];
  next: string | null;
  /** Only stories with this tag, for the feed's later pages too. */
  tag?: string;
  /** The module script that hydrates the page (client.ts, built). */
  script: string;
  /** Markup before the module script (a host's own, or a test's). */
  beforeScript?: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The whole page as HTML. Every story text is bound as text, so Lit escapes it. */
export async function renderStoryPage(page: StoryPageOptions): Promise<string> {
  const feed = await collectResult(
    render(
      html`<mutual-story-feed endpoint=${page.endpoint} tag=${page.tag ?? nothing} cursor=${page.next ?? ''}
        >${page.stories.map((story) => renderPublishedStory(story, { level: 2 }))}</mutual-story-feed
      >`,
    ),
  );
  const lang = escapeHtml(page.lang ?? 'en');
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(page.title)}</title>
  </head>
  <body>
    <main>
      <h1>${escapeHtml(page.title)}</h1>
      ${feed}
    </main>
    ${page.beforeScript ?? ''}
    <script type="module" src="${escapeHtml(page.script)}"></script>
  </body>
</html>
`;
}
