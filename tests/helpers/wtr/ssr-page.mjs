// `/ssr/story-page.html?tag=…`: the server-rendered story page (demo/ssr/render-story-page.ts),
// rendered in this test server's Node from the test collector's published stories. Before the
// page's script, a test-only line keeps each card's heading node, so a test can tell hydration
// (the same nodes) from a second render (new ones).
const KEEP_NODES = `<script>window.ssrHeadings = [...document.querySelectorAll('mutual-story-card')].map((c) => c.shadowRoot && c.shadowRoot.querySelector('[part=heading]'));</script>`;

export function ssrPage(collector, renderStoryPage) {
  return async (ctx, next) => {
    if (ctx.path !== '/ssr/story-page.html') return next();
    const tag = String(ctx.query.tag ?? '');
    const limit = String(ctx.query.limit ?? '2');
    const answer = await collector.fetch(
      new Request(`http://localhost/events?stories&limit=${limit}&tag=${encodeURIComponent(tag)}`),
      { localAddress: '127.0.0.1' },
    );
    const { stories, next: cursor } = await answer.json();
    ctx.type = 'html';
    ctx.body = await renderStoryPage({
      title: 'Stories from our community',
      endpoint: '/events',
      tag,
      stories,
      next: cursor,
      script: '/demo/ssr/client.ts',
      beforeScript: KEEP_NODES,
    });
  };
}
