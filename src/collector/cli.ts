#!/usr/bin/env node
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

/** Operator mistakes get one clear line and exit code 2, never a stack trace. */
function fail(message: string): never {
  console.error(`mutual-collector: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string', default: 'data/events.db' },
      path: { type: 'string', default: '/events' },
      origin: { type: 'string', multiple: true, default: [] },
      list: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  fail(`${(error as Error).message}. Flags: --port, --host, --db, --path, --origin (repeatable), --list.`);
}

// The collector's own dependencies are optional peers of the widget package: say which are missing.
const { createCollector } = await import('./create-collector.js').catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  const missing = /Cannot find (?:package|module) '([^']+)'/.exec(error.message)?.[1];
  return fail(`the collector needs better-sqlite3, ajv and ajv-formats${missing ? ` (${missing} is missing)` : ''}: npm install better-sqlite3@12 ajv ajv-formats`);
});

const collector = createCollector({ db: values.db, path: values.path, origins: values.origin, allowListing: values.list });
const server = createServer((req, res) => collector(req, res));
server.on('error', (error: NodeJS.ErrnoException) => fail(error.code === 'EADDRINUSE' ? `port ${values.port} is in use; choose another with --port` : error.message));
server.listen(Number(values.port), values.host, () => {
  console.log(`Mutual collector: http://${values.host === '127.0.0.1' ? 'localhost' : values.host}:${values.port}${values.path} → ${values.db}`);
});
const stop = () => server.close(() => (collector.close(), process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
