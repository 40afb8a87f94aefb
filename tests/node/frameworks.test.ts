// Mutual in Vue, Svelte and React projects, from the packed tarball: the types checked by the tools
// those developers run (vue-tsc on a single-file component, svelte-check on a Svelte 5 component;
// good usage passes, a misspelt attribute and a value outside an attribute's list are errors), and
// each framework's app bundled and rendered in Chromium.
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

/**
 * Each framework's app, bundled from the tarball as its developers' bundler would, rendered in
 * Chromium against a real collector: the tags render, a bound attribute arrives, the framework's own
 * event syntax hears `mutual-reaction`, and the press reaches the endpoint.
 */
test('React 19, Vue and Svelte apps from the tarball render in Chromium, bind attributes, hear events and send', async () => {
  const { build } = await import('esbuild');
  const { compile } = await import('svelte/compiler');
  const { chromium: launch } = await import('playwright');
  const { chromium } = await import('../helpers/chromium.mjs');
  const { createCollector } = await import('../../src/collector/index.js');
  const { testStore } = await import('../helpers/test-store.js');
  const app = join(dir, 'render-app');
  mkdirSync(app, { recursive: true });
  link(dir, ['vue', '@vue', 'svelte', 'react', 'react-dom', 'scheduler']);
  // React 19 with raw tags: it sets properties and listens to custom events (`onmutual-reaction`) itself.
  writeFileSync(
    join(app, 'react-main.js'),
    `import { createElement, Fragment, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'mutual-widgets/provider';
import 'mutual-widgets/me-too';
function App() {
  const [heard, setHeard] = useState('');
  return createElement(Fragment, null,
    createElement('mutual-me-too', { subject: 'react-1', 'hide-counts-below': 3, 'onmutual-reaction': (e) => setHeard(e.detail.reaction) }),
    createElement('output', null, heard));
}
createRoot(document.getElementById('app')).render(createElement(App));
`,
  );
  writeFileSync(
    join(app, 'vue-main.js'),
    `import { createApp } from 'vue/dist/vue.esm-bundler.js';
import 'mutual-widgets/provider';
import 'mutual-widgets/me-too';
const app = createApp({
  data: () => ({ heard: '', below: 3 }),
  template: \`<mutual-me-too subject="vue-1" :hide-counts-below="below" @mutual-reaction="heard = $event.detail.reaction" /><output>{{ heard }}</output>\`,
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('mutual-');
app.mount('#app');
`,
  );
  const svelte = compile(
    `<script>let heard = $state('');</script>
<mutual-me-too subject="svelte-1" hide-counts-below={3} onmutual-reaction={(e) => (heard = e.detail.reaction)}></mutual-me-too>
<output>{heard}</output>`,
    { generate: 'client', filename: 'App.svelte' },
  );
  writeFileSync(join(app, 'App.js'), svelte.js.code);
  writeFileSync(
    join(app, 'svelte-main.js'),
    `import { mount } from 'svelte';
import 'mutual-widgets/provider';
import 'mutual-widgets/me-too';
import App from './App.js';
mount(App, { target: document.getElementById('app') });
`,
  );
  const bundles: Record<string, string> = {};
  for (const name of ['react', 'vue', 'svelte']) {
    const out = await build({
      entryPoints: [join(app, `${name}-main.js`)],
      bundle: true,
      format: 'esm',
      write: false,
      absWorkingDir: app,
      conditions: ['browser'],
      define: {
        __VUE_OPTIONS_API__: 'true',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
        'process.env.NODE_ENV': '"production"',
      },
      logLevel: 'silent',
    });
    bundles[name] = out.outputFiles[0].text;
  }
  const collector = createCollector({ store: await testStore() });
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    const name = /^\/(react|vue|svelte)\.js$/.exec(req.url ?? '')?.[1];
    if (name) return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundles[name]);
    if (/^\/(react|vue|svelte)\.html$/.test(req.url ?? ''))
      return void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<!doctype html><html lang="en"><body><mutual-provider endpoint="/events"><div id="app"></div></mutual-provider><script type="module" src="${req.url!.replace('.html', '.js')}"></script></body></html>`,
        );
    collector(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser = await launch.launch({ executablePath: chromium.executablePath, args: chromium.args });
  try {
    for (const name of ['react', 'vue', 'svelte']) {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}/${name}.html`);
      const bar = page.locator('mutual-me-too');
      assert.equal(await bar.getAttribute('hide-counts-below'), '3', `${name}: the bound attribute arrived`);
      await bar.getByRole('button', { name: /Me too/ }).click();
      await page.locator('output', { hasText: 'me-too' }).waitFor({ timeout: 10_000 });
      const sent = async () =>
        (await collector.store.list({ since: 0, limit: 100, subject: `${name}-1` })).map((e) => e.event.type);
      for (let i = 0; i < 100 && !(await sent()).length; i++) await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(await sent(), ['org.mutual.reaction.added'], `${name}: the press reached the endpoint`);
      assert.deepEqual(errors, [], `${name}: no page error`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
    await collector.close();
  }
});
