import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { consumer, link } from '../helpers/consumer.js';

async function bundle(dir: string, code: string): Promise<string> {
  writeFileSync(join(dir, 'entry.js'), code);
  const out = await build({
    entryPoints: [join(dir, 'entry.js')],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    absWorkingDir: dir,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

const dir = consumer();

test('a consumer that imports only the root entry bundles no element', async () => {
  const text = await bundle(dir, "import { EventTypes } from 'mutual-widgets'; console.log(EventTypes.reactionAdded);");
  assert.ok(text.includes('org.mutual.reaction.added'));
  assert.ok(!text.includes('customElements'), 'no element is defined');
  assert.ok(!/mutual-(me-too|check-in|story-card)/.test(text), 'no element code');
  const size = gzipSync(text).length;
  assert.ok(size < 1024, `root import is ${size} B gzip`);
});

test('mutual-widgets/all defines every member element and no admin element; mutual-widgets/admin the moderation queue; mutual-widgets/me-too only its own', async () => {
  const all = await bundle(dir, "import 'mutual-widgets/all';");
  for (const tag of [
    'mutual-provider',
    'mutual-me-too',
    'mutual-story-card',
    'mutual-check-in',
    'mutual-crisis-resources',
    'mutual-quick-exit',
  ])
    assert.ok(all.includes(tag), tag);
  // (The element list names every tag; the queue's code and strings are what must stay out.)
  assert.ok(!all.includes('Sign in with your moderator token'), 'admin elements never load on members’ pages');
  const admin = await bundle(dir, "import 'mutual-widgets/admin';");
  assert.ok(admin.includes('Sign in with your moderator token'));
  const meToo = await bundle(dir, "import 'mutual-widgets/me-too';");
  assert.ok(meToo.includes('mutual-me-too'));
  assert.ok(!meToo.includes('mutual-check-in'));
});

test('the package exports an entry, types and a wrapper for every element in src/elements.ts', async () => {
  const { MEMBER_ELEMENTS } = await import('../../src/elements.js');
  const pkg = JSON.parse(readFileSync(join(dir, 'node_modules', 'mutual-widgets', 'package.json'), 'utf8'));
  for (const { folder } of MEMBER_ELEMENTS) {
    assert.ok(pkg.exports[`./${folder}`], `exports ./${folder}`);
    assert.ok(pkg.sideEffects.includes(`./dist/npm/${folder}.js`), `sideEffects ${folder}`);
    readFileSync(join(dir, 'node_modules', 'mutual-widgets', pkg.exports[`./${folder}`].import));
    readFileSync(join(dir, 'node_modules', 'mutual-widgets', pkg.exports[`./${folder}`].types));
  }
});

test('npx mutual-collector without its optional dependencies prints one line naming what to install', () => {
  const cli = join(dir, 'node_modules', 'mutual-widgets', 'dist', 'node', 'collector', 'cli.js');
  const run = (args: string[]) => {
    try {
      execFileSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return { code: 0, stderr: '' };
    } catch (error) {
      const e = error as { status: number; stderr: string };
      return { code: e.status, stderr: e.stderr };
    }
  };
  const missing = run(['--port', '0']);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr.trim().split('\n').length, 1, missing.stderr);
  assert.match(missing.stderr, /npm install better-sqlite3@12 ajv ajv-formats/);
  const unknown = run(['--prot', '9']);
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stderr.trim().split('\n').length, 1, unknown.stderr);
  assert.match(unknown.stderr, /--prot/);
});

test('npm pack after npm start (which builds only the CDN files) still packs every entry the package exports', () => {
  // What `npm start` builds: the CDN files, with an emptied dist/.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error']);
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown> };
  const dir = mkdtempSync(join(tmpdir(), 'mutual-pack-'));
  const file = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  const listed = new Set(
    execFileSync('tar', ['-tzf', join(dir, file)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
      .trim()
      .split('\n')
      .map((f) => f.replace(/^package\//, './')),
  );
  const exported = Object.values(pkg.exports).flatMap((e) =>
    typeof e === 'string' ? [e] : Object.values(e as Record<string, string>),
  );
  assert.deepEqual(
    exported.filter((f) => !listed.has(f)),
    [],
    'every file the exports name is in the tarball',
  );
});

test('every package the built npm entries import is a dependency (or React, a peer): nothing more to install', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    dependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
  };
  const declared = new Set([...Object.keys(pkg.dependencies), 'react', 'react-dom']);
  const imported = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js'))
        for (const [, spec] of readFileSync(path, 'utf8').matchAll(/\bfrom\s*["'](@?[a-z][\w.-]*(?:\/[\w.-]+)*)["']/g))
          imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  };
  walk('dist/npm');
  assert.ok(imported.has('@lit/react'), 'the React entry imports @lit/react');
  assert.deepEqual(
    [...imported].filter((name) => !declared.has(name)),
    [],
  );
});

test('JSX types from the tarball: React 19 type-checks raw tags, and refuses a wrong attribute or value', () => {
  const app = join(dir, 'jsx-app');
  mkdirSync(app, { recursive: true });
  link(dir, ['react', '@types/react', 'typescript']);
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        jsx: 'react-jsx',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        noEmit: true,
        types: [],
      },
      include: ['*.tsx'],
    }),
  );
  writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module' }));
  const types = `import type { CustomElements } from 'mutual-widgets/jsx';
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`;
  const check = (body: string) => {
    writeFileSync(join(app, 'app.tsx'), `${types}\nexport const App = () => (${body});\n`);
    try {
      execFileSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', app], { encoding: 'utf8' });
      return '';
    } catch (error) {
      return String((error as { stdout?: string }).stdout);
    }
  };
  assert.equal(
    check(`<mutual-provider endpoint="/events" locale="es">
      <mutual-me-too subject="story-42" hide-counts-below={3} layout="compact" />
      <mutual-story-card story-id="s-1" heading="The evenings were the hardest" />
    </mutual-provider>`),
    '',
    'good usage type-checks',
  );
  assert.match(check(`<mutual-me-too subjekt="story-42" />`), /subjekt/, 'a misspelt attribute is an error');
  assert.match(check(`<mutual-me-too subject="s" layout="huge" />`), /huge/, 'a value outside the list is an error');
});

test('editor data ships: VS Code custom HTML data and JetBrains web-types name every element', () => {
  const root = join(dir, 'node_modules', 'mutual-widgets');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vscode = JSON.parse(readFileSync(join(root, pkg.exports['./vscode.html-custom-data.json']), 'utf8'));
  const webTypes = JSON.parse(readFileSync(join(root, pkg['web-types']), 'utf8'));
  const tags = (vscode.tags as { name: string }[]).map((t) => t.name);
  const jetbrains = (webTypes.contributions.html.elements as { name: string }[]).map((e) => e.name);
  for (const tag of ['mutual-me-too', 'mutual-story-card', 'mutual-check-in', 'mutual-came-back']) {
    assert.ok(tags.includes(tag), `VS Code: ${tag}`);
    assert.ok(jetbrains.includes(tag), `JetBrains: ${tag}`);
  }
  const meToo = (vscode.tags as { name: string; attributes: { name: string; values?: { name: string }[] }[] }[]).find(
    (t) => t.name === 'mutual-me-too',
  )!;
  assert.deepEqual(
    meToo.attributes.find((a) => a.name === 'layout')?.values?.map((v) => v.name),
    ['full', 'compact'],
    'an attribute’s values complete',
  );
});

test('members’ pages never download the admin strings: the CDN file reaches Arabic and Spanish without them', () => {
  /** Every file a built entry can load, following its static and dynamic imports. */
  const reach = (entry: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(entry)) return seen;
    seen.add(entry);
    const text = readFileSync(entry, 'utf8');
    for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g))
      reach(resolve(entry, '..', spec), seen);
    return seen;
  };
  const members = [...reach(resolve('dist/mutual.js'))].map((f) => readFileSync(f, 'utf8'));
  assert.ok(
    members.some((t) => t.includes('A mí también')),
    'Spanish',
  );
  assert.ok(
    members.some((t) => t.includes('وأنا أيضًا')),
    'Arabic',
  );
  assert.deepEqual(
    members.filter((t) => t.includes('moderation-queue.approve')).length,
    0,
    'no admin string in what members load',
  );
  const admin = [...reach(resolve('dist/mutual-admin.js'))].map((f) => readFileSync(f, 'utf8'));
  assert.ok(
    admin.some((t) => t.includes('moderation-queue.approve') && t.includes('Aprobar')),
    'the admin part in Spanish',
  );
});
