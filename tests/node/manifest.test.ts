import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

// custom-elements.json drives Storybook's controls and the snippet builder's fields: an attribute
// without a type becomes an object control ("Set object") that a designer cannot type a list into.
test('every attribute in custom-elements.json has a type; comma lists are strings', () => {
  assert.ok(existsSync('custom-elements.json'), 'run `npm run analyze` first (npm test builds it)');
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
    modules: { declarations?: { tagName?: string; attributes?: { name: string; type?: { text: string } }[] }[] }[];
  };
  const attributes = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .flatMap((d) => (d.attributes ?? []).map((a) => ({ tag: d.tagName, ...a })));
  const untyped = attributes.filter((a) => !a.type).map((a) => `${a.tag} ${a.name}`);
  assert.deepEqual(untyped, []);
  for (const [tag, name] of [
    ['mutual-me-too', 'reactions'],
    ['mutual-check-in', 'topics'],
    ['mutual-story-card', 'tags'],
    ['mutual-story-card', 'reactions'],
  ]) {
    const attribute = attributes.find((a) => a.tag === tag && a.name === name);
    assert.match(attribute?.type?.text ?? '', /^string( \| undefined)?$/, `${tag} ${name}`);
  }
});
