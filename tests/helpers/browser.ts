import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import type { AxeResults } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element, options?: object): Promise<AxeResults> };
  }
}

/**
 * A tab of its own for one person (`isolated`: their own browser context — no shared storage, as a
 * second person on another device), driven from the test server: real offline mode, real reloads,
 * a real pointer and real keys.
 */
export function person(name: string) {
  const command = <T = unknown>(what: string, payload: object = {}) =>
    executeServerCommand<T, object>(`mutual:peer-${what}`, { name, ...payload });
  return {
    name,
    open: (url: string, options: { isolated?: boolean } = {}) => command('open', { url, ...options }),
    setOffline: (offline: boolean) => command('network', { offline }),
    eval: <T>(expression: string) => command<T>('eval', { expression }),
    reload: () => command('reload'),
    close: () => command('close'),
    /** Everything the page printed to its console since it opened (type and text). */
    console: () => command<{ type: string; text: string }[]>('console'),
    viewport: (width: number, height = 900) => command('viewport', { width, height }),
    /** axe-core on the whole page: one line per violation (rule and where). */
    axe: () => command<string[]>('axe'),
    /** A real click on the element `expression` finds in the page (scrolled into view first). */
    click: (expression: string) => command('click', { expression }),
    /** Typing into whatever has focus, then pressing keys (`Tab`, `Enter`, `Shift`…) one by one. */
    keys: (keys: { type?: string; press?: string[] }) => command('keys', keys),
    media: (features: { name: string; value: string }[]) => command('media', { features }),
    screenshot: (path: string) => command('screenshot', { path }),
  };
}
export type Person = ReturnType<typeof person>;

/** Closes every person's tab this test file opened. */
export const closeEveryone = () => executeServerCommand('mutual:peer-close-all', {});

/**
 * A second tab on the same origin (shares localStorage with the test page), for what would cut the
 * test runner's own connection: real offline mode (DevTools network emulation) and real reloads.
 */
export const peer = person('peer');

/** Emulates media features, e.g. `[{ name: 'forced-colors', value: 'active' }]`. Empty list resets. */
export function emulateMedia(features: { name: string; value: string }[]): Promise<unknown> {
  return executeServerCommand('mutual:media', { features });
}

/** Runs axe-core on an element (shadow DOM included) and fails with every violation listed. */
export async function expectAxeClean(element: Element): Promise<void> {
  const results = await window.axe.run(element, { resultTypes: ['violations'] });
  if (results.violations.length) {
    const lines = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
    );
    throw new Error(`axe found ${results.violations.length} violation(s):\n${lines.join('\n')}`);
  }
}

/** Every warning catalogue loaded, and what was waiting for one printed. */
const settleWarnings = async () => {
  await Promise.all([
    import('../../src/core/warnings.js'),
    import('../../src/me-too/me-too.warnings.js'),
    import('../../src/story-card/story-card.warnings.js'),
    import('../../src/check-in/check-in.warnings.js'),
    import('../../src/crisis-resources/crisis-resources.warnings.js'),
    import('../../src/quick-exit/quick-exit.warnings.js'),
  ]);
  await new Promise((r) => setTimeout(r, 0));
};

/**
 * Collects console.warn calls while `fn` runs, and those it caused that print a moment later
 * (an element's warning texts load the first time one is needed: `src/core/warnings.ts`).
 */
export async function captureWarnings(fn: () => unknown): Promise<string[]> {
  await settleWarnings(); // what earlier tests caused prints before, not in here
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await fn();
    await settleWarnings();
  } finally {
    console.warn = original;
  }
  return warnings;
}

/** The button in a shadow root whose text (trimmed) is `name`, as a person finds it. */
export const buttonNamed = (root: ShadowRoot, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;

/** The element that has focus, through shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Waits, for what a test must let happen first (a retry's backoff, say): never a stand-in for `until`. */
export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Focuses a field in a shadow root and types into it, key by key, as a member would. */
export async function typeInto(root: ShadowRoot, selector: string, value: string): Promise<void> {
  root.querySelector<HTMLTextAreaElement>(selector)!.focus();
  await sendKeys({ type: value });
}
