import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ELEMENTS, MEMBER_ELEMENTS } from '../../src/elements.js';

// src/elements.ts is THE list. Vite's entries, the loader and the size report read it; the files
// that must be written out by hand (ES exports cannot be generated) are checked against it here.
const read = (path: string) => readFileSync(path, 'utf8');

test('every element has its folder: class, styles, messages, define.ts registering its tag', () => {
  for (const { tag, folder } of ELEMENTS) {
    for (const file of [`${folder}.ts`, `${folder}.styles.ts`, `${folder}.messages.ts`, 'define.ts'])
      assert.ok(existsSync(join('src', folder, file)), `src/${folder}/${file}`);
    assert.match(
      read(join('src', folder, 'define.ts')),
      new RegExp(`'${tag}'`),
      `${folder}/define.ts registers ${tag}`,
    );
  }
});

test('all.ts defines every member element and no admin one; admin.ts the admin ones', () => {
  const all = read('src/all.ts');
  const admin = read('src/admin.ts');
  for (const { folder, audience } of ELEMENTS) {
    const line = `from './${folder}/define.js'`;
    assert.equal(all.includes(line), audience === 'members', `all.ts and ${folder}`);
    assert.equal(admin.includes(line), audience === 'admin', `admin.ts and ${folder}`);
  }
});

test('package.json exports a subpath per member element and the admin entry', () => {
  const exports = JSON.parse(read('package.json')).exports as Record<string, { import?: string }>;
  for (const { folder } of MEMBER_ELEMENTS) assert.equal(exports[`./${folder}`]?.import, `./dist/npm/${folder}.js`);
  assert.equal(exports['./admin']?.import, './dist/npm/admin.js');
});

test('the lazy loader loads every member element by its tag, and no admin one', () => {
  const loader = read('src/loader.ts');
  for (const { tag, folder, audience } of ELEMENTS)
    assert.equal(
      loader.includes(`['${tag}', () => import('./${folder}/define.js')]`),
      audience === 'members',
      `loader.ts and ${tag}`,
    );
});

test('an element that renders others hands its settings down to them (NestedProvider with its dependencies)', async () => {
  for (const { folder } of ELEMENTS) {
    const module = (await import(`../../src/${folder}/${folder}.js`)) as Record<string, unknown>;
    const element = Object.values(module).find((v) => typeof v === 'function' && 'dependencies' in v) as {
      dependencies: object;
      handDown?: unknown;
    };
    assert.ok(element, folder);
    assert.equal(!!element.handDown, Object.keys(element.dependencies).length > 0, folder);
  }
});

test('a React wrapper per member element', () => {
  const react = read('src/react/index.ts');
  for (const { tag, react: name } of MEMBER_ELEMENTS)
    assert.match(react, new RegExp(`export const ${name} = createComponent\\(\\{\\s*tagName: '${tag}'`), tag);
});

test('a Storybook file per element, for its tag', () => {
  const stories = readdirSync('stories');
  for (const { tag, folder } of ELEMENTS) {
    assert.ok(stories.includes(`${folder}.stories.ts`), `stories/${folder}.stories.ts`);
    assert.match(read(join('stories', `${folder}.stories.ts`)), new RegExp(`component: '${tag}'`), tag);
  }
});

test('custom-elements.json (the snippet builder and Storybook docs) documents every element', () => {
  const manifest = JSON.parse(read('custom-elements.json')) as {
    modules: { declarations?: { tagName?: string; summary?: string }[] }[];
  };
  const documented = new Map(
    manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => [d.tagName, d.summary] as const),
  );
  for (const { tag } of ELEMENTS) assert.ok(documented.get(tag), `${tag} has a @summary`);
});

test('core/ imports no element, no locale catalogue and no base element (not even types)', () => {
  const files = readdirSync('src/core', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const offending = files.flatMap((file) =>
    [...read(join('src/core', file)).matchAll(/from '([^']+)'/g)]
      .map((m) => m[1])
      .filter((spec) => spec.startsWith('.'))
      .filter((spec) => {
        const depth = file.split('/').length - 1;
        const up = spec.split('/').filter((part) => part === '..').length;
        return up > depth; // leaves src/core
      })
      .map((spec) => `${file} → ${spec}`),
  );
  assert.deepEqual(offending, []);
});
