// The Vue and Svelte types from the packed tarball, in consumer projects checked by the tools those
// developers run: vue-tsc on a single-file component, svelte-check on a Svelte 5 component. Good
// usage passes; a misspelt attribute and a value outside an attribute's list are errors.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { consumer, link } from '../helpers/consumer.js';

const dir = consumer();

/** Runs a checker in `app`: '' when it passes, else what it printed. */
function run(app: string, bin: string, args: string[]): string {
  try {
    execFileSync(process.execPath, [resolve(bin), ...args], { cwd: app, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ''}${stderr ?? ''}` || String(error);
  }
}

/** A consumer's compiler options, as the frameworks' starters write them. */
const APP = {
  strict: true,
  target: 'es2022',
  lib: ['es2022', 'dom', 'dom.iterable'],
  module: 'esnext',
  moduleResolution: 'bundler',
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

const GOOD = `<mutual-provider endpoint="/events" locale="es">
    <mutual-me-too subject="story-42" layout="compact" />
    <mutual-story-card story-id="s-1" heading="The evenings were the hardest" />
  </mutual-provider>`;

test('Vue: vue-tsc type-checks the tags in a template, and refuses a wrong attribute or value', () => {
  const app = join(dir, 'vue-app');
  mkdirSync(app, { recursive: true });
  link(dir, ['vue', '@vue', 'vue-tsc', 'typescript']);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      // As `npm create vue` writes it.
      compilerOptions: { ...APP, jsx: 'preserve' },
      vueCompilerOptions: { strictTemplates: true },
      include: ['*.ts', '*.vue'],
    }),
  );
  writeFileSync(join(app, 'mutual.d.ts'), `import type {} from 'mutual-widgets/vue';\n`);
  const check = (template: string) => {
    writeFileSync(join(app, 'App.vue'), `<script setup lang="ts"></script>\n<template>\n  ${template}\n</template>\n`);
    return run(app, 'node_modules/vue-tsc/bin/vue-tsc.js', ['--noEmit', '-p', '.']);
  };
  assert.equal(check(GOOD), '', 'good usage type-checks');
  assert.match(check(`<mutual-me-too subjekt="story-42" />`), /subjekt/, 'a misspelt attribute is an error');
  assert.match(check(`<mutual-me-too subject="s" layout="huge" />`), /huge/, 'a value outside the list is an error');
});

test('Svelte: svelte-check type-checks the tags in a component, and refuses a wrong attribute or value', () => {
  const app = join(dir, 'svelte-app');
  mkdirSync(app, { recursive: true });
  link(dir, ['svelte', 'svelte-check', 'typescript']);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: APP,
      include: ['*.ts', '*.svelte'],
    }),
  );
  writeFileSync(join(app, 'mutual.d.ts'), `import type {} from 'mutual-widgets/svelte';\n`);
  const check = (markup: string) => {
    writeFileSync(join(app, 'App.svelte'), `<script lang="ts"></script>\n\n${markup}\n`);
    return run(app, 'node_modules/svelte-check/bin/svelte-check', [
      '--tsconfig',
      './tsconfig.json',
      '--threshold',
      'error',
    ]);
  };
  assert.equal(
    check(
      GOOD.replaceAll(' />', '></mutual-me-too>').replace(
        '"The evenings were the hardest"></mutual-me-too>',
        '"The evenings were the hardest"></mutual-story-card>',
      ),
    ),
    '',
    'good usage type-checks',
  );
  assert.match(
    check(`<mutual-me-too subjekt="story-42"></mutual-me-too>`),
    /subjekt/,
    'a misspelt attribute is an error',
  );
  assert.match(
    check(`<mutual-me-too subject="s" layout="huge"></mutual-me-too>`),
    /huge/,
    'a value outside the list is an error',
  );
});
