import { warnAbout } from '../warn.js';

/**
 * A `heading-level` attribute, so a widget's headings fit the host page's outline (a card under
 * an `h2` renders an `h3`). Out of range or not a number → one warning and `fallback`.
 */
export function headingLevel(host: Element, value: number, fallback: number): number {
  if (Number.isInteger(value) && value >= 2 && value <= 6) return value;
  warnAbout('heading-level', { tag: host.localName, value, fallback }, host);
  return fallback;
}
