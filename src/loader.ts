/**
 * The lazy loader (`dist/mutual-loader.js`): defines each Mutual element only when its tag first
 * appears on the page, so a page with only a reaction bar doesn't download the check-in form.
 */
const loaders: Record<string, () => Promise<unknown>> = {
  'mutual-provider': () => import('./provider/define.js'),
  'mutual-me-too': () => import('./me-too/define.js'),
  'mutual-story-card': () => import('./story-card/define.js'),
  'mutual-check-in': () => import('./check-in/define.js'),
  'mutual-crisis-resources': () => import('./crisis-resources/define.js'),
  'mutual-quick-exit': () => import('./quick-exit/define.js'),
};

function scan(root: ParentNode): void {
  for (const [tag, load] of Object.entries(loaders)) {
    if (!customElements.get(tag) && root.querySelector(tag)) {
      delete loaders[tag];
      void load();
    }
  }
}

if (typeof document !== 'undefined') {
  scan(document);
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) scan(n.parentNode ?? n);
  }).observe(document.documentElement, { childList: true, subtree: true });
}
export {};
