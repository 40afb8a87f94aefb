import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import '../src/all.js';
import '../src/admin.js';
import { defineEventsLog } from './events-log.js';
import { startInBrowserEndpoint } from '../demo/in-browser-endpoint.js';

// No server answers `/events` in a published Storybook: the collector runs in this tab instead
// (PGlite), the same in `npm run storybook` and the Vitest run, so what designers see is what is tested.
// Stories render at once; their requests wait for the store (a second or two, once per tab).
void startInBrowserEndpoint('/events');
defineEventsLog();

interface Member {
  kind: string;
  privacy?: string;
  static?: boolean;
  type?: { text: string };
}
interface Declaration {
  members?: Member[];
  attributes?: Member[];
  cssParts?: { name: string }[];
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}
/**
 * What an attribute holds, as a designer edits it: anything a page can write as text (comma
 * lists, JSON, `string | HelpLine[]`) is a text field, not "Set object".
 */
const plainType = <T extends { type?: { text: string }; default?: string }>(m: T): T => {
  const text = m.type?.text ?? (m.default?.startsWith("'") || m.default === 'DEFAULT_REACTIONS' ? 'string' : undefined);
  if (!text) return m;
  return { ...m, type: { text: /\bstring\b/.test(text) ? 'string' : text.replace(/ \| undefined$/, '') } };
};
/**
 * What a page author can set or call: the attributes (each also a property, listed once) and
 * public methods — not internal state, statics or private members.
 */
const publicManifest = (full: Manifest): Manifest => ({
  ...full,
  modules: full.modules.map((mod) => ({
    ...mod,
    declarations: mod.declarations?.map((d) => ({
      ...d,
      members: d.members?.filter((m) => m.kind === 'method' && !m.static && !m.privacy),
      attributes: d.attributes?.map(plainType),
      // Shown as `::part(name)`: what a stylesheet writes, and no clash with an attribute of the same name (`topics`).
      cssParts: d.cssParts?.map((p) => ({ ...p, name: `::part(${p.name})` })),
    })),
  })),
});

/**
 * Stories that show a mistake (a missing subject, an endpoint that refuses) expect the warning a
 * developer would see. It is shown under the story instead of printed, so a clean run prints none.
 */
let expectedWarnings: string[] = [];
// Storybook runs Lit's development build (clearer errors while designing); Lit's own switch
// (`litIssuedWarnings`) keeps its one "dev mode" notice out of every story's console.
((globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ??= new Set()).add('dev-mode');
const consoleWarn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const line = args.map(String).join(' ');
  if (!expectedWarnings.some((w) => line.includes(w))) return consoleWarn(...args);
  const out = document.querySelector('output.sb-expected-warning');
  if (out) out.textContent = `Console warning: ${line}`;
};

// Controls, argTypes and docs tables come from the generated manifest (npm run analyze).
setCustomElementsManifest(publicManifest(manifest as Manifest));

const preview: Preview = {
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    layout: 'padded',
  },
  globalTypes: {
    theme: {
      description: 'Theme for every Mutual widget',
      toolbar: { title: 'Theme', icon: 'contrast', items: ['light', 'dark', 'auto'], dynamicTitle: true },
    },
    locale: {
      description: 'Language (Arabic renders right-to-left)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'ar', title: 'العربية' },
        ],
        dynamicTitle: true,
      },
    },
    motion: {
      description: 'Reduced motion',
      toolbar: {
        title: 'Motion',
        icon: 'transfer',
        items: [
          { value: 'full', title: 'Motion on' },
          { value: 'reduced', title: 'Reduced motion' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', motion: 'full' },
  decorators: [
    (story, { parameters }) => {
      expectedWarnings = parameters.expectedWarnings ?? [];
      return expectedWarnings.length
        ? html`${story()}<output class="sb-expected-warning" style="display: block; margin-top: 8px; font: 13px ui-monospace, monospace"></output>`
        : story();
    },
    (story, { globals, parameters }) => html`<mutual-provider
        endpoint=${parameters.endpoint ?? '/events'}
        theme=${globals.theme ?? 'light'}
        locale=${globals.locale ?? 'en'}
        style=${globals.motion === 'reduced' ? '--mutual-duration: 0ms' : ''}
      >
        <div style="padding: 16px; background: light-dark(#fff, #161c1a); color-scheme: inherit; font-family: system-ui, -apple-system, 'Segoe UI', sans-serif">
          ${story()}
        </div>
      </mutual-provider>
      <sb-events-log></sb-events-log>`,
  ],
};
export default preview;
