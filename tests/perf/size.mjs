#!/usr/bin/env node
// `npm run size`: min+gzip size of what a page downloads, built exactly as the CDN files are
// (vite.config.ts, mode "size": terser, CSS templates minified, Lit inside), one entry at a time.
// Each row counts the entry and every chunk it imports statically; chunks loaded on demand are
// listed separately with what loads them. Rows are checked against package.json "sizeBudgets"
// (gzip bytes); the issue-36 targets are printed beside them. Exits 1 when a budget is exceeded.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const budgets = pkg.sizeBudgets ?? {};
const targets = pkg.sizeTargets ?? {};
const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

/** Builds one entry as the CDN build would; returns its chunks by file name. */
async function buildEntry(name, entry, mode = 'size') {
  process.env.MUTUAL_SIZE_NAME = name;
  process.env.MUTUAL_SIZE_ENTRY = entry;
  const result = await build({
    configFile: 'vite.config.ts',
    mode,
    logLevel: 'silent',
    ...(mode === 'size' ? {} : { build: { write: false, emptyOutDir: false } }),
  });
  const chunks = (Array.isArray(result) ? result[0] : result).output.filter((o) => o.type === 'chunk');
  return new Map(chunks.map((c) => [c.fileName, c]));
}

/** A chunk and everything it imports statically: what the browser fetches before it runs. */
function staticClosure(chunks, fileName, seen = new Set()) {
  if (seen.has(fileName)) return seen;
  seen.add(fileName);
  for (const dep of chunks.get(fileName)?.imports ?? []) staticClosure(chunks, dep, seen);
  return seen;
}
const measure = (chunks, files) => ({
  min: [...files].reduce((n, f) => n + Buffer.byteLength(chunks.get(f).code), 0),
  gzip: [...files].reduce((n, f) => n + gz(chunks.get(f).code), 0),
});
const entryOf = (chunks) => [...chunks.values()].find((c) => c.isEntry).fileName;

/** Chunks loaded on demand from an entry's closure, and those they load on demand in turn. */
function lazyChunks(chunks, loaded) {
  const lazy = new Set();
  const visit = (files) => {
    for (const f of files)
      for (const dep of chunks.get(f).dynamicImports)
        if (!loaded.has(dep) && !lazy.has(dep)) {
          lazy.add(dep);
          visit(staticClosure(chunks, dep));
        }
  };
  visit(loaded);
  return lazy;
}

/** What makes a page fetch each lazily loaded chunk. */
const when = {
  es: 'the first time an element renders in Spanish',
  ar: 'the first time an element renders in Arabic',
  'crisis-language': 'crisis-language tables: when a member first writes in a composer (check-in, story, reply)',
  'story-card':
    "the story composer's preview card: when the member starts writing (pointer or focus), or asks for the preview",
  'story-card.reply':
    'the reply composer and report dialog: when a reader reaches for a card (pointer or focus), has read one for a second, or a reply sent before a reload still waits',
  'check-in.give-back':
    "the check-in's give-back step (a peer's encouragement, giving back, stories on the member's topics): when a member first touches the check-in, or one sent before a reload is shown",
  warnings: 'the first console warning of shared code on the page (a wrong attribute, say): its text',
  transport:
    'the send path: when a member first touches an element, on the first send, or at once when an earlier page left events unsent',
};

const rows = [];
const onDemand = new Map();
let over = 0;
const measured = {};
function row(label, key, size) {
  measured[key] = size.gzip;
  const budget = budgets[key];
  const target = targets[key];
  const ok = budget === undefined || size.gzip <= budget;
  if (!ok) over++;
  const vsTarget = target === undefined ? '' : `${kb(target)} ${size.gzip <= target ? 'met' : 'NOT MET'}`;
  rows.push([
    label,
    kb(size.min),
    kb(size.gzip),
    budget === undefined ? '' : `${kb(budget)} ${ok ? 'ok' : 'OVER'}`,
    vsTarget,
  ]);
}

async function entryRow(label, key, entry) {
  const chunks = await buildEntry(key, entry);
  const loaded = staticClosure(chunks, entryOf(chunks));
  row(label, key, measure(chunks, loaded));
  for (const file of lazyChunks(chunks, loaded)) {
    const name = chunks.get(file).name;
    const size = measure(chunks, [file]);
    const known = onDemand.get(name) ?? { sizes: [], by: new Set() };
    known.sizes.push(size.gzip);
    known.by.add(key);
    onDemand.set(name, known);
  }
}

// The floor: Lit with exactly what the elements use of it (static properties, repeat, @lit/context).
const floorDir = join('node_modules', '.cache', 'mutual-size');
mkdirSync(floorDir, { recursive: true });
const floor = join(floorDir, 'lit-floor.js');
writeFileSync(
  floor,
  `export { LitElement, html, css, nothing } from 'lit';
export { repeat } from 'lit/directives/repeat.js';
export { createContext, ContextProvider, ContextConsumer } from '@lit/context';\n`,
);
await entryRow('Lit with repeat and @lit/context, as the elements use it (the floor)', 'lit', floor);
await entryRow('all member elements with Lit (src/all.ts = dist/mutual.js)', 'all', 'src/all.ts');
await entryRow('admin elements with Lit (src/admin.ts = dist/mutual-admin.js)', 'admin', 'src/admin.ts');
// The element list lives in src/elements.ts; read its folders without a TypeScript loader.
const folders = [
  ...readFileSync('src/elements.ts', 'utf8').matchAll(/folder: '([a-z-]+)'[^}]*audience: 'members'/g),
].map((m) => m[1]);
for (const el of folders) await entryRow(`<mutual-${el}> alone with Lit`, el, `src/${el}/define.ts`);

// Pages as hosts compose them (issue 36): the elements each page places, in one entry.
const page = (name, folders) => {
  const file = join(floorDir, `${name}.js`);
  writeFileSync(
    file,
    folders.map((f) => `import ${JSON.stringify(join(process.cwd(), 'src', f, 'define.ts'))};\n`).join(''),
  );
  return file;
};
await entryRow(
  'a story page: feed, cards and bars (the composer loads when a member starts writing)',
  'story-page',
  page('story-page', ['story-feed', 'story-card', 'me-too']),
);
await entryRow(
  'a check-in page: check-in, crisis resources and quick exit',
  'checkin-page',
  page('checkin-page', ['check-in', 'crisis-resources', 'quick-exit']),
);

// The lazy loader on a page with one <mutual-me-too>: the loader, then me-too's chunk and its imports.
{
  const chunks = await buildEntry('mutual-loader', 'src/loader.ts', 'loader');
  const loaderFile = [...chunks.values()].find((c) => c.isEntry && c.name === 'mutual-loader').fileName;
  const meToo = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith('src/me-too/define.ts'));
  const files = new Set([loaderFile, ...staticClosure(chunks, meToo.fileName)]);
  row('page with one <mutual-me-too> through the lazy loader', 'loader-me-too', measure(chunks, files));
}

// What a consumer's bundler makes of the npm entries (dist/npm, as the packed package holds them):
// esbuild with splitting and minify, the way an app bundles it. Printed beside the same targets,
// not budgeted (another bundler's choices); needs `npm run build` first.
const consumerRows = [];
async function consumerRow(label, key, entry) {
  if (!existsSync(entry)) return consumerRows.push([label, 'not built (npm run build)', '', '', '']);
  const { build: esbuild } = await import('esbuild');
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    outdir: join(floorDir, 'consumer'),
    metafile: true,
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((f) => [relative(process.cwd(), f.path), f.text]));
  const outputs = result.metafile.outputs;
  const main = Object.keys(outputs).find((o) => outputs[o].entryPoint === entry);
  const closure = new Set();
  const visit = (o) => {
    if (closure.has(o)) return;
    closure.add(o);
    for (const i of outputs[o].imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(main);
  const gzip = [...closure].reduce((n, o) => n + gz(files.get(o)), 0);
  const min = [...closure].reduce((n, o) => n + Buffer.byteLength(files.get(o)), 0);
  const target = targets[key];
  consumerRows.push([
    label,
    kb(min),
    kb(gzip),
    `${closure.size} file${closure.size > 1 ? 's' : ''}`,
    target === undefined ? '' : `${kb(target)} ${gzip <= target ? 'met' : 'NOT MET'}`,
  ]);
}
await consumerRow('<mutual-me-too> (mutual-widgets/me-too)', 'me-too', 'dist/npm/me-too.js');
await consumerRow('every member element (mutual-widgets/all)', 'all', 'dist/npm/all.js');

const heads = [
  'output (what the page fetches before the element runs)',
  'min',
  'min+gzip',
  'budget (gzip)',
  'target (issue 36)',
];
const widths = heads.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(line(heads));
for (const r of rows) console.log(line(r));
console.log('\nBundled by a consumer from dist/npm (esbuild, splitting and minify; what the page fetches first):');
for (const r of consumerRows) console.log(line(r));
console.log('\nLoaded on demand (not in the rows above):');
// A chunk's size depends on the entry: what the entry already loaded is not in it (a range then).
const range = (sizes) => {
  const [low, high] = [Math.min(...sizes), Math.max(...sizes)];
  return high - low < 10 ? kb(high) : `${(low / 1024).toFixed(2)}–${kb(high)}`;
};
for (const [name, { sizes, by }] of [...onDemand].sort((a, b) => a[0].localeCompare(b[0])))
  console.log(
    `  ${name.padEnd(26)} ${range(sizes).padStart(14)} gzip  ${when[name] ?? (name.endsWith('.warnings') ? 'the first console warning of this element: its text' : 'on demand')}; in ${[...by].sort().join(', ')}`,
  );
// `npm run size -- --write-budgets`: a deliberate raise (or a tightening), to today's figures + 1%.
if (process.argv.includes('--write-budgets')) {
  const next = {
    ...Object.fromEntries(
      Object.entries(measured)
        .filter(([k]) => k in budgets)
        .map(([k, n]) => [k, Math.round(n * 1.01)]),
    ),
  };
  pkg.sizeBudgets = { ...budgets, ...next };
  writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
  console.log('\npackage.json: sizeBudgets set to these figures + 1%.');
  process.exit(0);
}
if (over) {
  console.log(`\n${over} output(s) over budget.`);
  process.exit(1);
}
