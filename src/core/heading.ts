import { warnOnce } from './warn.js';

/**
 * A `heading-level` attribute, so a widget's headings fit the host page's outline (a card under
 * an `h2` renders an `h3`). Out of range or not a number → one warning and `fallback`.
 */
export function headingLevel(host: Element, value: number, fallback: number): number {
  if (Number.isInteger(value) && value >= 2 && value <= 6) return value;
  warnOnce(
    'heading-level',
    `<${host.localName}>: heading-level="${value}" is not a whole number from 2 to 6; using ${fallback}.`,
    host,
  );
  return fallback;
}
