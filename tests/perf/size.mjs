#!/usr/bin/env node
// `npm run size`: min+gzip size of every build output and of each element bundled alone with Lit,
// against the budgets in package.json ("sizeBudgets", bytes gzip: "all", one per element, "element" for the rest).
// Exits 1 when one is exceeded.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const budgets = pkg.sizeBudgets;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

async function bundle(entry, contents) {
  const result = await build({
    ...(contents ? { stdin: { contents, resolveDir: process.cwd(), loader: 'ts' } } : { entryPoints: [entry] }),
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    conditions: ['production'],
    tsconfig: 'tsconfig.json',
    // Spanish and Arabic strings are separate chunks loaded on demand; measure what an English page loads.
    splitting: true,
    outdir: '/tmp/mutual-size',
    logLevel: 'silent',
  });
  const main = result.outputFiles.find((f) =>
    f.path.endsWith(contents ? 'stdin.js' : entry.split('/').pop().replace('.ts', '.js')),
  );
  const shared = result.outputFiles.filter((f) => f.path.includes('chunk-') && !/\b(es|ar)-/.test(f.path));
  // Static imports of shared chunks are loaded too; locale chunks are not.
  const bytes = [main, ...shared.filter((c) => !isLocale(c.text))];
  return { min: bytes.reduce((n, f) => n + f.contents.length, 0), gzip: bytes.reduce((n, f) => n + gz(f.contents), 0) };
}
const isLocale = (text) =>
  /"reaction\.me-too":"(A mí también|وأنا أيضًا)/.test(text) || /reaction\.me-too.{0,4}(A m|\\u0648)/.test(text);

const rows = [];
let over = 0;
function row(name, size, budget) {
  const ok = budget === undefined || size.gzip <= budget;
  if (!ok) over++;
  rows.push([name, kb(size.min), kb(size.gzip), budget === undefined ? '' : `${kb(budget)} ${ok ? 'ok' : 'OVER'}`]);
}

row(
  'Lit alone (LitElement + html + css), the floor',
  await bundle(null, "import { LitElement, html, css } from 'lit'; export { LitElement, html, css };"),
);
row('all elements with Lit (src/all.ts)', await bundle('src/all.ts'), budgets?.all);
// The element list lives in src/elements.ts; read its folders without a TypeScript loader.
const folders = [
  ...readFileSync('src/elements.ts', 'utf8').matchAll(/folder: '([a-z-]+)'[^}]*audience: 'members'/g),
].map((m) => m[1]);
row('admin elements with Lit (src/admin.ts)', await bundle('src/admin.ts'), budgets?.admin);
for (const el of folders) {
  row(`<mutual-${el}> alone with Lit`, await bundle(`src/${el}/define.ts`), budgets?.[el] ?? budgets?.element);
}
if (existsSync('dist')) {
  const files = [
    'dist/mutual.js',
    'dist/mutual-loader.js',
    ...(existsSync('dist/chunks') ? readdirSync('dist/chunks').map((f) => join('dist/chunks', f)) : []),
  ];
  for (const f of files.filter((f) => f.endsWith('.js'))) {
    const buf = readFileSync(f);
    row(f, { min: statSync(f).size, gzip: gz(buf) });
  }
} else rows.push(['(run `npm run build` to include dist/ files)', '', '', '']);

const widths = [0, 1, 2, 3].map((i) =>
  Math.max(...rows.map((r) => r[i].length), ['output', 'min', 'min+gzip', 'budget (gzip)'][i].length),
);
const line = (r) => r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(line(['output', 'min', 'min+gzip', 'budget (gzip)']));
for (const r of rows) console.log(line(r));
if (over) {
  console.log(`\n${over} output(s) over budget.`);
  process.exit(1);
}
