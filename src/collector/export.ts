// `mutual-collector export`: everything stored, in order, as NDJSON (one {seq, receivedAt, event}
// a line) or CSV (one row an event, `data` as JSON), a page at a time so memory stays flat.
import type { Store } from './store/index.js';

const CSV_COLUMNS = ['seq', 'received_at', 'id', 'source', 'type', 'subject', 'time', 'data'];

/**
 * RFC 4180 quoting, and a leading apostrophe for cells a spreadsheet would run as a formula —
 * decided by what the cell starts with, so it holds in locales whose separator is `;` too. Every
 * cell with a separator of either kind is quoted.
 */
function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r|%]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `write` may return a promise (a stream's backpressure): the next row waits for it. */
export async function exportEvents(
  store: Store,
  format: 'ndjson' | 'csv',
  write: (chunk: string) => void | Promise<void>,
) {
  if (format === 'csv') await write(`${CSV_COLUMNS.join(',')}\r\n`);
  for (let since = 0; ;) {
    const page = await store.list({ since, limit: 1000 });
    if (!page.length) return;
    for (const { seq, receivedAt, event } of page) {
      if (format === 'ndjson') await write(`${JSON.stringify({ seq, receivedAt, event })}\n`);
      else
        await write(
          `${[
            seq,
            receivedAt,
            event.id,
            event.source,
            event.type,
            event.subject,
            event.time,
            JSON.stringify(event.data),
          ]
            .map(csvCell)
            .join(',')}\r\n`,
        );
    }
    since = page.at(-1)!.seq;
  }
}
