// `npm run analyze`: custom-elements.json from the elements' JSDoc, and from it, with the
// custom-element-*-integration generators, the types and editor data shipped in the package:
// JSX (React 19, Preact, Solid), Vue and Svelte types, VS Code custom data, JetBrains web-types.
import { readFileSync, writeFileSync } from 'node:fs';
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

const camel = (name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
/**
 * Mends two generated files, as their consumer projects showed (tests/node/frameworks.test.ts):
 * - Vue camelizes a template's attribute and event names before it checks them against a
 *   component's props, so `story-id` is checked as `storyId` and `@mutual-event` as
 *   `onMutualEvent`: props keyed in kebab case refused every such attribute under `strictTemplates`.
 * - Svelte's `svelteHTML` is a global namespace; declared inside a module it was a local one, and
 *   Svelte never saw the tags. Its base props also named JSX types Svelte does not have.
 */
const mendFrameworkTypes = {
  name: 'mutual-mend-framework-types',
  packageLinkPhase() {
    const vue = 'dist/types/frameworks/vue.d.ts';
    writeFileSync(
      vue,
      readFileSync(vue, 'utf8')
        .replace(/^(\s+)"on([a-z][a-z0-9-]*)"\?:/gm, (_, space, event) => `${space}on${camel(`-${event}`)}?:`)
        .replace(/^(\s+)"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"\?:/gm, (_, space, name) => `${space}${camel(name)}?:`),
    );
    const svelte = 'dist/types/frameworks/svelte.d.ts';
    const text = readFileSync(svelte, 'utf8')
      .replace('children?: JSX.Element;', "children?: import('svelte').Snippet;")
      .replace('style?: JSX.CSSProperties;', 'style?: string;')
      .replace(
        /declare namespace svelteHTML \{[\s\S]*?\{\}\s*\}/,
        'declare global {\n  namespace svelteHTML {\n    interface IntrinsicElements extends CustomElements {}\n  }\n}',
      );
    if (!text.includes('declare global {\n  namespace svelteHTML'))
      throw new Error(`${svelte}: its shape changed; mend it anew`);
    writeFileSync(svelte, text);
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
    mendFrameworkTypes,
  ],
};
