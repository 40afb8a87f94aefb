// The PostgreSQL the tests use: a real server when MUTUAL_PG_URL points at one (CI installs and
// starts Debian's postgresql), else an embedded PostgreSQL (PGlite through its socket server), so
// the PostgreSQL contract runs on every machine and is never skipped.
import { randomBytes } from 'node:crypto';

let embedded: Promise<{ url: string; stop: () => Promise<void> }> | undefined;

export async function postgresUrl(): Promise<{ url: string; kind: 'server' | 'embedded (PGlite)' }> {
  if (process.env.MUTUAL_PG_URL) return { url: process.env.MUTUAL_PG_URL, kind: 'server' };
  embedded ??= (async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create();
    const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 20 });
    await server.start();
    const conn = server.getServerConn(); // host:port
    return {
      url: `postgres://postgres@${conn}/postgres?sslmode=disable`,
      stop: async () => {
        await server.stop();
        await db.close();
      },
    };
  })();
  return { url: (await embedded).url, kind: 'embedded (PGlite)' };
}

export async function stopEmbeddedPostgres(): Promise<void> {
  if (embedded) await (await embedded).stop();
  embedded = undefined;
}

/** A fresh schema name per store under test, so tests never see each other's rows. */
export const freshSchema = () => `t_${randomBytes(6).toString('hex')}`;
