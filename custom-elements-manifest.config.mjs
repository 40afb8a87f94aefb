// `npm run analyze`: custom-elements.json from the elements' JSDoc, and from it, with the
// custom-element-*-integration generators, the types and editor data shipped in the package:
// JSX (React 19, Preact, Solid), Vue and Svelte types, VS Code custom data, JetBrains web-types.
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { customElementSveltePlugin } from 'custom-element-svelte-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';

// Relative to the generated files (dist/types/frameworks/): each element's own declaration file.
const componentTypePath = (_name, tag) => {
  const folder = tag.replace(/^mutual-/, '');
  return `../${folder}/${folder}.js`;
};
const common = { outdir: 'dist/types/frameworks', componentTypePath, hideLogs: true };

/**
 * Events the analyzer reads from `dispatchEvent(new …)` calls: ours are documented with `@fires`
 * by name, so a nameless copy goes, and a global type (`Event`) is not imported from a module.
 */
const tidyEvents = {
  name: 'mutual-tidy-events',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules ?? [])
      for (const declaration of mod.declarations ?? []) {
        if (!declaration.events) continue;
        declaration.events = declaration.events.filter((event) => event.name);
        for (const event of declaration.events) if (event.type?.text === 'Event') delete event.type;
      }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/collector/**'],
  litelement: true,
  plugins: [
    tidyEvents,
    customElementJsxPlugin({ ...common, fileName: 'jsx.d.ts' }),
    customElementVuejsPlugin({ ...common, fileName: 'vue.d.ts' }),
    customElementSveltePlugin({ ...common, fileName: 'svelte.d.ts' }),
    customElementVsCodePlugin({
      outdir: 'dist',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideLogs: true,
    }),
    customElementJetBrainsPlugin({ outdir: 'dist', fileName: 'web-types.json', packageJson: false, hideLogs: true }),
  ],
};
