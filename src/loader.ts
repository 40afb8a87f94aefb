/**
 * The lazy loader (`dist/mutual-loader.js`): defines each Mutual element only when its tag first
 * appears on the page, so a page with only a reaction bar doesn't download the check-in form.
 */
import memberLoaders from 'virtual:mutual-member-loaders';

/** Each member element's `define.ts`, by tag (written out from src/elements.ts by the build). */
const loaders = new Map(memberLoaders);

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
