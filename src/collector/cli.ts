#!/usr/bin/env node
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createCollector } from './create-collector.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: 'data/events.db' },
    path: { type: 'string', default: '/events' },
    origin: { type: 'string', multiple: true, default: [] },
    list: { type: 'boolean', default: false },
  },
});

const collector = createCollector({ db: values.db, path: values.path, origins: values.origin, allowListing: values.list });
const server = createServer((req, res) => collector(req, res));
server.listen(Number(values.port), values.host, () => {
  console.log(`Mutual collector: http://${values.host === '127.0.0.1' ? 'localhost' : values.host}:${values.port}${values.path} → ${values.db}`);
});
const stop = () => server.close(() => (collector.close(), process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
