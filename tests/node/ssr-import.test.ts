import assert from 'node:assert/strict';
import { test } from 'node:test';

// SSR frameworks import packages in Node: nothing may touch window/document at import time.
test('importing the package entry points in Node does not crash', async () => {
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  const root = await import('../../src/index.js');
  assert.equal(typeof root.createEnvelope, 'function');
  const mutual = await import('../../src/all.js');
  assert.equal(typeof mutual.MutualMeToo, 'function');
  const loader = await import('../../src/loader.js');
  assert.ok(loader);
  const collector = await import('../../src/collector/index.js');
  assert.equal(typeof collector.createCollector, 'function');
});

test('the version constant matches package.json', async () => {
  const { VERSION } = await import('../../src/core/define.js');
  const pkg = (await import('../../package.json', { with: { type: 'json' } })).default;
  assert.equal(VERSION, pkg.version);
});
