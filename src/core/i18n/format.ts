import { intl } from './index.js';

// Dates, lists and plain numbers: only cards, composers and admin pages format them, so a reaction
// bar (which formats only counts, in index.ts) never carries these.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 864e5],
  ['month', 30 * 864e5],
  ['week', 7 * 864e5],
  ['day', 864e5],
  ['hour', 36e5],
  ['minute', 6e4],
];

/** "3 days ago", "yesterday", "hace 3 días", in the locale. */
export function relativeTime(locale: string, date: Date, now = Date.now()): string {
  const diff = date.getTime() - now;
  const format = intl(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return format.format(Math.round(diff / ms), unit);
  return format.format(0, 'minute');
}

export function fullDate(locale: string, date: Date): string {
  return intl(
    `date|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }),
  ).format(date);
}

/** "relapse, self-harm" → "relapse and self-harm" in the locale. */
export function formatList(locale: string, items: string[]): string {
  return intl(`list|${locale}`, () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(items);
}

export function formatNumber(locale: string, n: number): string {
  return intl(`number|${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

/** A span of time as people say it, in the locale: "40 sec", "12 min", "3.5 hr". */
export function formatDuration(locale: string, seconds: number): string {
  const [unit, value] =
    seconds < 90 ? ['second', seconds] : seconds < 90 * 60 ? ['minute', seconds / 60] : ['hour', seconds / 3600];
  return intl(
    `duration|${locale}|${unit}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }),
  ).format(value);
}
