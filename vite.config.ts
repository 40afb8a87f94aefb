import { randomBytes } from 'node:crypto';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';
import { MEMBER_ELEMENTS } from './src/elements.js';

/**
 * Mounts the reference collector on `/events` of the dev server (`npm start`) and of
 * `vite preview`, backed by a real SQLite file (MUTUAL_DB, default data/events.db).
 */
/**
 * A moderator token for this development server only, printed at start (the demo's admin page asks
 * for it). Drawn once per process: Vite reloads this file when it restarts the server (whenever the
 * collector's code changes), and a new token would sign the moderator out of the admin page.
 */
const DEV_MODERATOR_TOKEN =
  process.env.MUTUAL_DEV_MODERATOR_TOKEN ??
  ((globalThis as { [key: symbol]: string })[Symbol.for('mutual.devModeratorToken')] ??=
    randomBytes(18).toString('base64url'));

export function mutualCollector(db = process.env.MUTUAL_DB ?? 'data/events.db'): Plugin {
  const mountOn = async (server: { middlewares: { use: (fn: never) => void } }) => {
    const { createCollector } = await import('./src/collector/create-collector.js');
    const { parseModeratorTokens } = await import('./src/collector/moderator-auth.js');
    // Listing (`GET /events?since=`) feeds the demo's live panel; keep it off in production.
    const moderators = [
      { label: 'development', token: DEV_MODERATOR_TOKEN },
      ...parseModeratorTokens(process.env.MUTUAL_MODERATOR_TOKENS),
    ];
    server.middlewares.use(createCollector({ db, allowListing: true, moderation: { moderators } }) as never);
  };
  return {
    name: 'mutual-collector',
    configureServer: mountOn,
    configurePreviewServer: mountOn,
  };
}

/** `/` opens the demo; prints where events go. */
function demoHome(): Plugin {
  return {
    name: 'mutual-demo-home',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url === '/' || req.url === '/index.html') {
          res.writeHead(302, { location: '/demo/' });
          return res.end();
        }
        next();
      });
      server.httpServer?.once('listening', () => {
        setTimeout(() => {
          const url = server.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
          console.log(
            `\n  Mutual demo:      ${url}demo/\n  Plain-HTML page:  ${url}demo/plain.html\n  Snippet builder:  ${url}demo/builder.html\n  Moderation:       ${url}demo/admin.html  (development moderator token: ${DEV_MODERATOR_TOKEN})\n  Events endpoint:  ${url}events  (SQLite: ${process.env.MUTUAL_DB ?? 'data/events.db'})\n`,
          );
        }, 50);
      });
    },
  };
}

/**
 * `npm run build-demo`: the demo's pages as static files, their endpoint the collector running in
 * the browser (demo/static-endpoint.ts, loaded before each page's own script).
 */
function staticDemo(): Plugin {
  return {
    name: 'mutual-static-demo',
    apply: (_, env) => env.mode === 'demo',
    // Before Vite reads the page's scripts, so that this one is bundled with them.
    transformIndexHtml: {
      order: 'pre',
      handler: (page) =>
        page.replace(
          '<script type="module"',
          '<script type="module" src="/demo/static-endpoint.ts"></script>\n    <script type="module"',
        ),
    },
  };
}

/** Comments and indentation inside `css` templates are bytes every page downloads and no browser needs. */
export function minifyCssLiterals(): Plugin {
  return {
    name: 'mutual-minify-css-literals',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      return { code: code.replace(/\bcss`([^`]*)`/g, (_, body: string) => `css\`${minifyCss(body)}\``), map: null };
    },
  };
}
/**
 * Line breaks and indentation inside `html` and `svg` templates are bytes every page downloads:
 * a run of white space that holds a line break becomes one space, which HTML renders the same
 * (no template of ours puts such a run where white space is kept: no `<pre>`, no text in a
 * `pre-wrap` element's template). The TypeScript parser finds the templates, so expressions
 * nested in them — other templates included — are never touched as text.
 */
export function minifyHtmlLiterals(): Plugin {
  return {
    name: 'mutual-minify-html-literals',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|svg)`/.test(code)) return null;
      return { code: collapseTemplateWhitespace(code), map: null };
    },
  };
}
export function collapseTemplateWhitespace(code: string): string {
  const file = ts.createSourceFile('x.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const spans: [number, number][] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && /^(html|svg)$/.test(node.tag.text)) {
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
      for (const part of parts) spans.push([part.getStart(file), part.getEnd()]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = code;
  for (const [start, end] of spans.sort((a, b) => b[0] - a[0]))
    out = out.slice(0, start) + out.slice(start, end).replace(/[ \t]*\n\s*/g, ' ') + out.slice(end);
  return out;
}

export const minifyCss = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();

/**
 * terser, not the default minifier: about 0.5 KB less per element (issue 21). Comments marked
 * `@license` (Lit's) stay, in every build and in `npm run size` alike.
 */
const terserOptions = { ecma: 2020 as const, module: true, compress: { passes: 2 } };

const elements = MEMBER_ELEMENTS.map((e) => e.folder);

/**
 * The files for `<script type=module>` pages: Lit inside, split into chunks loaded on demand.
 * Built in library mode because only there Vite leaves out its module-preload helper (0.6 KB),
 * which these chunks never need: they import nothing a preload would speed up.
 */
export const cdn = (
  input: Record<string, string>,
  outDir: string,
  emptyOutDir: boolean,
  inlineDynamicImports = false,
) => ({
  outDir,
  emptyOutDir,
  minify: 'terser' as const,
  terserOptions,
  lib: { entry: input, formats: ['es' as const] },
  rolldownOptions: {
    preserveEntrySignatures: 'exports-only' as const,
    output: {
      format: 'es' as const,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // Everything the entry needs before it runs is one chunk, the entry a one-line facade for it:
      // left to itself the bundler cut the shared code wherever a lazy chunk reached into it, and
      // every extra file gzips on its own (me-too 15.30 → 14.63 KB). Lazy chunks import that chunk,
      // never the entry, so a page that loads `mutual.js?ver=3` (WordPress does) still runs it once.
      codeSplitting: inlineDynamicImports ? false : { groups: [{ name: 'mutual', tags: ['$initial' as const] }] },
    },
  },
});

export default defineConfig(({ mode }) => ({
  plugins: [mutualCollector(), demoHome(), staticDemo(), minifyCssLiterals(), minifyHtmlLiterals()],
  // The static demo's store runs in a module worker (PGlite, which finds its files from its own URL).
  worker: { format: 'es' as const },
  server: { port: 5173, strictPort: false, open: false },
  build:
    mode === 'size'
      ? // `npm run size`: one entry at a time, exactly as the CDN files are built (tests/perf/size.mjs).
        {
          ...cdn({ [process.env.MUTUAL_SIZE_NAME ?? 'entry']: process.env.MUTUAL_SIZE_ENTRY! }, 'dist-size', true),
          write: false,
        }
      : mode === 'demo'
        ? {
            outDir: 'demo-static',
            emptyOutDir: true,
            rolldownOptions: { input: ['demo/index.html', 'demo/admin.html'] },
          }
        : mode === 'npm'
          ? {
              // Per-element entry points for bundler users: Lit stays a normal dependency.
              outDir: 'dist/npm',
              emptyOutDir: true,
              minify: false,
              lib: {
                entry: Object.fromEntries([
                  ['index', 'src/index.ts'],
                  ['all', 'src/all.ts'],
                  ['admin', 'src/admin.ts'],
                  ['react', 'src/react/index.ts'],
                  ...elements.map((e) => [e, `src/${e}/define.ts`]),
                ]),
                formats: ['es' as const],
              },
              rolldownOptions: {
                external: [/^lit($|\/)/, /^@lit\//, /^react($|\/)/],
                // One file per source module, so package.json's sideEffects can name exactly the
                // modules that define elements (`define.js`), and a root import keeps nothing else.
                output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
              },
            }
          : mode === 'admin'
            ? // The host's admin page: the moderation queue, never on members' pages.
              cdn({ 'mutual-admin': 'src/admin.ts' }, 'dist', false)
            : mode === 'single'
              ? // For CMSs that accept one file only: every element and every language in one module.
                cdn({ 'mutual-single': 'src/all.ts' }, 'dist', false, true)
              : mode === 'loader'
                ? // The lazy loader: each element's code is fetched when its tag first appears.
                  cdn({ 'mutual-loader': 'src/loader.ts' }, 'dist', false)
                : // The CDN file: one module (Lit included) defining every element; es/ar strings load on demand from chunks/.
                  cdn({ mutual: 'src/all.ts' }, 'dist', true),
}));
