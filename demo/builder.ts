// The snippet builder: its form is generated from custom-elements.json, so every attribute an
// element documents appears here without hand-copying.
import '../src/all.js';

interface Attribute {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Declaration {
  tagName?: string;
  summary?: string;
  attributes?: Attribute[];
}

const SKIP = new Set(['strings', 'no-trace']);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: Declaration[] }[] };
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName && d.tagName !== 'mutual-provider');
const STORY_TEXT = 'Paste the story text here. It stays plain text: markup is shown as typed, never run.';

for (const d of elements) $('tag').append(new Option(d.tagName!, d.tagName!));

function fieldsFor(d: Declaration): void {
  const fields = $('fields');
  fields.replaceChildren();
  const defaults: Record<string, string> = { endpoint: '/events', subject: 'story-42', 'story-id': 'story-42', 'check-in-id': 'daily' };
  for (const a of d.attributes ?? []) {
    if (SKIP.has(a.name)) continue;
    const field = document.createElement('div');
    field.className = 'field';
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.name = a.name;
    input.id = `attr-${a.name}`;
    label.htmlFor = input.id;
    label.textContent = a.name;
    if (a.type?.text === 'boolean') input.type = 'checkbox';
    else {
      input.type = 'text';
      input.value = defaults[a.name] ?? '';
    }
    const desc = document.createElement('span');
    desc.className = 'desc';
    desc.id = `${input.id}-desc`;
    desc.append(...withCode(a.description ?? ''));
    input.setAttribute('aria-describedby', desc.id);
    field.append(label, input, desc);
    fields.append(field);
  }
  if (d.tagName === 'mutual-story-card') {
    const label = document.createElement('label');
    const text = document.createElement('textarea');
    text.name = '#text';
    text.value = STORY_TEXT;
    label.append('Story text', text);
    fields.append(label);
  }
}

/** `like this` in a description → <code> (as text nodes, never HTML). */
function withCode(text: string): Node[] {
  return text.split('`').map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const code = document.createElement('code');
    code.textContent = part;
    return code;
  });
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function update(): void {
  const tag = $<HTMLSelectElement>('tag').value;
  const el = document.createElement(tag);
  let attrs = '';
  let text = '';
  for (const input of $('fields').querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    if (input.name === '#text') text = input.value;
    else if (input instanceof HTMLInputElement && input.type === 'checkbox') {
      if (input.checked) {
        el.setAttribute(input.name, '');
        attrs += ` ${input.name}`;
      }
    } else if (input.value) {
      el.setAttribute(input.name, input.value);
      attrs += ` ${input.name}="${escape(input.value)}"`;
    }
  }
  if (text) {
    const p = document.createElement('p');
    p.textContent = text;
    el.append(p);
  }
  $('preview').replaceChildren(el);
  const src = new URL('/dist/mutual.js', location.href).href;
  $<HTMLTextAreaElement>('snippet').value = `<script type="module" src="${src}"></script>\n<${tag}${attrs}>${text ? `\n  <p>${escape(text)}</p>\n` : ''}</${tag}>`;
}

$('tag').addEventListener('change', () => {
  fieldsFor(elements.find((d) => d.tagName === $<HTMLSelectElement>('tag').value)!);
  update();
});
$('fields').addEventListener('input', update);
$('copy').addEventListener('click', async () => {
  await navigator.clipboard.writeText($<HTMLTextAreaElement>('snippet').value);
  $('copied').textContent = 'Copied.';
});
fieldsFor(elements[0]);
update();
