/**
 * The lazy loader (`dist/mutual-loader.js`): defines each Mutual element only when its tag first
 * appears on the page, so a page with only a reaction bar doesn't download the check-in form.
 */
/**
 * Each member element's `define.ts`, by tag: written out (tests/node/elements.test.ts checks it
 * against src/elements.ts), because a template-literal `import()` made the bundler ship a lookup
 * helper and a chunk for every `define.ts` it could match, admin elements included.
 */
const loaders = new Map<string, () => Promise<unknown>>([
  ['mutual-provider', () => import('./provider/define.js')],
  ['mutual-me-too', () => import('./me-too/define.js')],
  ['mutual-story-card', () => import('./story-card/define.js')],
  ['mutual-check-in', () => import('./check-in/define.js')],
  ['mutual-crisis-resources', () => import('./crisis-resources/define.js')],
  ['mutual-quick-exit', () => import('./quick-exit/define.js')],
  ['mutual-share-story', () => import('./share-story/define.js')],
  ['mutual-story-feed', () => import('./story-feed/define.js')],
  ['mutual-came-back', () => import('./came-back/define.js')],
]);

function scan(root: ParentNode): void {
  for (const [tag, load] of loaders) {
    if (!customElements.get(tag) && root.querySelector(tag)) {
      loaders.delete(tag);
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
