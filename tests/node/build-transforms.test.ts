import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collapseTemplateWhitespace, minifyCss } from '../../vite.config.js';

// What the build does to template literals (vite.config.ts): fewer bytes, the same page.

test('html templates: runs of white space with a line break become one space; expressions and other strings stay', () => {
  const source = [
    'const a = html`<div part="base">',
    '    <p>${name}</p>',
    '    ${open ? html`<button',
    '        type="button">  ${`keep\n   this`}</button>` : nothing}',
    '  </div>`;',
    'const b = `plain\n   string`;',
    'const c = svg`<svg>\n  <path d=${d} />\n</svg>`;',
  ].join('\n');
  assert.equal(
    collapseTemplateWhitespace(source),
    [
      'const a = html`<div part="base"> <p>${name}</p> ${open ? html`<button type="button">  ${`keep\n   this`}</button>` : nothing} </div>`;',
      'const b = `plain\n   string`;',
      'const c = svg`<svg> <path d=${d} /> </svg>`;',
    ].join('\n'),
  );
});

test('css templates: comments and white space go, values stay', () => {
  assert.equal(
    minifyCss(':host {\n  /* why */\n  display: block;\n  margin: 0 auto;\n}\n[part="a"] > b , c { color: red; }'),
    ':host{display:block;margin:0 auto}[part="a"]>b,c{color:red}',
  );
});
