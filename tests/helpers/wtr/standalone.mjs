import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { register } from 'tsx/esm/api';

register();
const { createCollector } = await import('../../../src/collector/create-collector.ts');
const results = '.test-results';
mkdirSync(results, { recursive: true });

/**
 * A second, standalone collector on its own port and SQLite file, which the fault tests can stop
 * in the middle of a batch (after it stored the batch, before it answers) and restart.
 */
export let standalonePort = 0; // a free port, chosen at first listen and reused on restart
const standaloneDb = `${results}/standalone-events.db`;
for (const f of ['', '-wal', '-shm']) rmSync(standaloneDb + f, { force: true });
// Also the admin elements' own community (moderators allowed from the test page's origin).
const standaloneOptions = {
  db: standaloneDb,
  rateLimit: false,
  allowListing: true,
  moderation: {
    moderators: [{ label: 'tests', token: 'test-moderator-token-0123456789abcdef' }],
    adminOrigins: ['http://localhost:8000'],
  },
};
let standalone = createCollector(standaloneOptions);
let killNext = 0;
let restartAfter = 1000;

/** The next `count` POSTs crash the server after storing their batch; it comes back `restartAfter` ms later. */
export function crashNext(count, after) {
  killNext = count;
  restartAfter = after;
}
const sockets = new Set();
const standaloneServer = createServer((req, res) => {
  if (req.method === 'POST' && killNext > 0) {
    killNext--;
    // Crash mid-batch: the batch is stored, the answer never leaves, the server goes down.
    res.end = () => {
      for (const s of sockets) s.destroy();
      standaloneServer.close();
      standalone.close();
      setTimeout(() => {
        standalone = createCollector(standaloneOptions);
        standaloneServer.listen(standalonePort, '127.0.0.1');
      }, restartAfter);
      return res;
    };
  }
  standalone(req, res);
});
standaloneServer.on('connection', (s) => {
  sockets.add(s);
  s.on('close', () => sockets.delete(s));
});
standaloneServer.on('error', (error) => console.error('[standalone collector]', error.message));
standaloneServer.listen(0, '127.0.0.1', () => (standalonePort = standaloneServer.address().port));
