// One collector process for the crash bench: the real collector and server on a store named by
// argv (a SQLite file, or a PostgreSQL URL and schema), no rate limit; says "ready" on stdout.
import { createCollector, createPostgresStore, createSqliteStore } from '../../src/collector/index.js';
import { createCollectorServer } from '../../src/collector/server.js';

const [port, where, schema] = process.argv.slice(2);
const store = schema ? await createPostgresStore(where, { schema, max: 4 }) : createSqliteStore(where);
const server = createCollectorServer(createCollector({ store, rateLimit: false }));
server.listen(Number(port), '127.0.0.1', () => console.log('ready'));
