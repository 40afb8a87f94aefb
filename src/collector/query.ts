// Reading the query of a GET: every value out of shape is a 400 naming its parameter.
import { HttpError } from './http.js';

/** A count (`limit`, `days`…): the fallback when absent or empty, a whole number clamped to 1…max. */
export function queryNumber(url: URL, name: string, fallback: number, max: number): number {
  const value = url.searchParams.get(name);
  if (value === null || value === '') return fallback;
  if (!/^\d{1,16}$/.test(value)) throw new HttpError(400, `${name} must be a whole number`, { field: name });
  return Math.min(Math.max(Number(value), 1), max);
}

/** A page's `limit`, at most 100. */
export const pageLimit = (url: URL, fallback: number) => queryNumber(url, 'limit', fallback, 100);

/** A page's `cursor`: the `next` an earlier page gave (a positive integer), or undefined for the first page. */
export function seqCursor(url: URL): number | undefined {
  const cursor = url.searchParams.get('cursor');
  if (cursor === null || cursor === '') return undefined;
  if (!/^[1-9]\d{0,15}$/.test(cursor))
    throw new HttpError(400, 'cursor must be the "next" of an earlier page', { field: 'cursor' });
  return Number(cursor);
}
