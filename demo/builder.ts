// The snippet builder: its form is generated from custom-elements.json, so every attribute an
// element documents appears here without hand-copying.
import '../src/all.js';
import { MEMBER_ELEMENTS } from '../src/elements.js';
import './lit-dev-mode.js';

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
const manifest = (await (await fetch('/custom-elements.json')).json()) as {
  modules: { declarations?: Declaration[] }[];
};
// Members' widgets only: the admin elements need a moderator token, which is never an attribute,
// so no pasted snippet could work for them (they belong on the hosts' own page, with admin.js).
const offered = new Set<string>(MEMBER_ELEMENTS.map((e) => e.tag));
const elements = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.tagName && d.tagName !== 'mutual-provider' && offered.has(d.tagName));
const STORY_TEXT = 'Paste the story text here. It stays plain text: markup is shown as typed, never run.';

for (const d of elements) $('tag').append(new Option(d.tagName!, d.tagName!));

function fieldsFor(d: Declaration): void {
  const fields = $('fields');
  fields.replaceChildren();
  const defaults: Record<string, string> = {
    endpoint: '/events',
    subject: 'story-42',
    'story-id': 'story-42',
    'check-in-id': 'daily',
  };
  for (const a of d.attributes ?? []) {
    if (SKIP.has(a.name)) continue;
    const field = document.createElement('div');
    field.className = 'field';
    const label = document.createElement('label');
    const input = control(a, defaults[a.name] ?? '');
    input.name = a.name;
    input.id = `attr-${a.name}`;
    label.htmlFor = input.id;
    label.textContent = a.name;
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

/** Choices the elements accept, for a select instead of free text. */
const CHOICES: Record<string, [string, string][]> = {
  locale: [
    ['', 'From the page'],
    ['en', 'English'],
    ['es', 'Español'],
    ['ar', 'العربية'],
  ],
  theme: [
    ['', 'From the page'],
    ['light', 'Light'],
    ['dark', 'Dark'],
    ['auto', 'Follow the system'],
  ],
};

/** A fitting control from the manifest: a select for known choices, a checkbox for booleans, a number field for numbers. */
function control(a: Attribute, value: string): HTMLInputElement | HTMLSelectElement {
  const choices = CHOICES[a.name];
  if (choices) {
    const select = document.createElement('select');
    for (const [v, label] of choices) select.append(new Option(label, v));
    return select;
  }
  const input = document.createElement('input');
  const type = a.type?.text.replace(/ \| undefined$/, '');
  if (type === 'boolean') input.type = 'checkbox';
  else if (type === 'number') {
    input.type = 'number';
    input.value = a.default && /^\d+$/.test(a.default) ? a.default : '';
  } else {
    input.type = 'text';
    input.value = value;
  }
  return input;
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

/** The element in the preview now (it may have moved out of the panel). */
let previewed: Element | undefined;

function update(): void {
  const tag = $<HTMLSelectElement>('tag').value;
  const el = document.createElement(tag);
  let attrs = '';
  let text = '';
  for (const input of $('fields').querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    'input, textarea, select',
  )) {
    if (input.name === '#text') text = input.value;
    else if (input instanceof HTMLInputElement && input.type === 'checkbox') {
      if (input.checked) {
        el.setAttribute(input.name, '');
        attrs += ` ${input.name}`;
      }
    } else if (
      input.value &&
      !(
        input.type === 'number' &&
        input.value ===
          (elements.find((d) => d.tagName === tag)?.attributes?.find((a) => a.name === input.name)?.default ?? '')
      )
    ) {
      el.setAttribute(input.name, input.value);
      attrs += ` ${input.name}="${escape(input.value)}"`;
    }
  }
  if (text) {
    const p = document.createElement('p');
    p.textContent = text;
    el.append(p);
  }
  // The quick exit moves itself to the start of <body>: the previous preview goes wherever it is.
  previewed?.remove();
  previewed = el;
  $('preview').replaceChildren(el);
  // The editor's own address for Mutual, never this development server's.
  const src = $<HTMLInputElement>('script-url').value.trim() || '/mutual/mutual.js';
  $<HTMLTextAreaElement>('snippet').value =
    `<script type="module" src="${src}"></script>\n<${tag}${attrs}>${text ? `\n  <p>${escape(text)}</p>\n` : ''}</${tag}>`;
}

$('tag').addEventListener('change', () => {
  fieldsFor(elements.find((d) => d.tagName === $<HTMLSelectElement>('tag').value)!);
  update();
});
$('fields').addEventListener('input', update);
$('fields').addEventListener('change', update);
$('script-url').addEventListener('input', update);
$('copy').addEventListener('click', async () => {
  $('copied').textContent = '';
  try {
    await navigator.clipboard.writeText($<HTMLTextAreaElement>('snippet').value);
    $('copied').textContent = 'Copied. Paste it into your page’s HTML.';
  } catch {
    $<HTMLTextAreaElement>('snippet').select();
    $('copied').textContent = 'Copying was not allowed here: the snippet is selected, press Ctrl+C (⌘C on a Mac).';
  }
});
fieldsFor(elements[0]);
update();
