// `mutual-collector export`: everything stored, in order, as NDJSON (one {seq, receivedAt, event}
// a line) or CSV (one row an event, `data` as JSON), a page at a time so memory stays flat.
import type { Store } from './store/index.js';

const CSV_COLUMNS = ['seq', 'received_at', 'id', 'source', 'type', 'subject', 'time', 'data'];

/** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function exportEvents(store: Store, format: 'ndjson' | 'csv', write: (chunk: string) => void) {
  if (format === 'csv') write(`${CSV_COLUMNS.join(',')}\r\n`);
  for (let since = 0; ;) {
    const page = await store.list({ since, limit: 1000 });
    if (!page.length) return;
    for (const { seq, receivedAt, event } of page) {
      if (format === 'ndjson') write(`${JSON.stringify({ seq, receivedAt, event })}\n`);
      else
        write(
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
