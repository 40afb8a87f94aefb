import { warnAbout } from './warn.js';

/** Kept equal to package.json's version (a test checks). */
export const VERSION = '0.1.0';

/**
 * Registers `tag` unless it already is (a page may load Mutual twice, e.g. from a plugin and a
 * theme). A different version already registered → one warning; the first one stays in use.
 */
export function defineElement(
  tag: string,
  element: CustomElementConstructor & { version?: string; dependencies?: Record<string, CustomElementConstructor> },
): void {
  if (typeof customElements === 'undefined') return;
  for (const [dependency, constructor] of Object.entries(element.dependencies ?? {}))
    defineElement(dependency, constructor);
  const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) customElements.define(tag, element);
  else if (existing.version !== element.version) {
    warnAbout(
      'version',
      { tag, existing: existing.version ?? 'unknown', version: element.version ?? 'unknown' },
      undefined,
      `version:${tag}`,
    );
  }
}
