// Every place a host puts a widget, under one provider (`?endpoint=`, Spanish, dark, no-trace),
// loaded through one entry (`?entry=cdn|single|loader|npm`): a bar directly in the provider, a
// card the page wrote inside a feed, the card the feed loads (`?tag=`), a bar inside the host's
// own shadow root, and a bar added after everything loaded (the loader upgrades it late).
// `?s=` prefixes the subjects. What the page printed is kept in `warnings`.
const params = new URLSearchParams(location.search);
const s = params.get('s') ?? 'placement';
const warnings: string[] = [];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  warnings.push(args.map(String).join(' '));
  warn(...args);
};

// A site's own component that renders a widget in its shadow root.
customElements.define(
  'site-panel',
  class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      this.attachShadow({ mode: 'open' }).innerHTML =
        `<section><h2>From the site's component</h2><mutual-me-too subject="${s}-shadow"></mutual-me-too></section>`;
    }
  },
);

const provider = document.createElement('mutual-provider');
for (const [name, value] of Object.entries({ endpoint: params.get('endpoint')!, locale: 'es', theme: 'dark' }))
  provider.setAttribute(name, value);
provider.toggleAttribute('no-trace', true);
provider.innerHTML = `
  <mutual-me-too subject="${s}-direct"></mutual-me-too>
  <mutual-story-feed tag="${params.get('tag')}" heading-level="2">
    <mutual-story-card story-id="${s}-written" heading="Written by the page" heading-level="2">
      <p>The page's own story.</p>
    </mutual-story-card>
  </mutual-story-feed>
  <site-panel></site-panel>
  <div id="late"></div>`;
document.querySelector('main')!.append(provider);

const entries: Record<string, string> = {
  cdn: '/dist/mutual.js',
  single: '/dist/mutual-single.js',
  loader: '/dist/mutual-loader.js',
  npm: '/dist/npm/all.js',
};
// `late-provider`: the widgets are defined (and upgraded) first, the provider a moment later, as
// the lazy loader may do it in any order.
const load = async (entry: string) => {
  if (entry !== 'late-provider') return import(entries[entry]);
  await Promise.all(['me-too', 'story-card', 'story-feed'].map((name) => import(`/dist/npm/${name}.js`)));
  await new Promise((r) => setTimeout(r, 300));
  const provider = '/dist/npm/provider.js';
  return import(provider);
};
const ready = load(params.get('entry') ?? 'cdn').then(async () => {
  await new Promise((r) => setTimeout(r, 200));
  provider.querySelector('#late')!.innerHTML = `<mutual-me-too subject="${s}-late"></mutual-me-too>`;
});

Object.assign(window, { warnings, ready });
