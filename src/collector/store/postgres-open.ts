// The PostgreSQL store on a server, through node-postgres (`pg`): a pool whose connections all
// work in the store's schema, and transactions retried when PostgreSQL asks for them again.
import pg from 'pg';
import { migrate, validSchema, type PostgresDb, type Queryable } from './postgres-db.js';
import { postgresStoreOn } from './postgres.js';

export interface PostgresStoreOptions {
  /** A schema of its own (created if missing); default `public`. Tests use one per collector. */
  schema?: string;
  /** Connections in the pool. Default 10. */
  max?: number;
}

/**
 * A pool whose every connection works in the store's schema, with the schema brought to this collector's
 * version (see `schema.ts`) before it is handed back.
 */
export async function connect(url: string, options: PostgresStoreOptions): Promise<PostgresDb> {
  // `?schema=name` in the URL works as the `schema` option (handy for `--db`).
  const parsed = new URL(url);
  const schema = options.schema ?? parsed.searchParams.get('schema') ?? 'public';
  parsed.searchParams.delete('schema');
  url = parsed.href;
  validSchema(schema);
  // Every connection works in the store's schema, set before the pool hands it out. (A SET rather
  // than a startup option: some servers, PGlite's socket server among them, ignore those. And not
  // in the pool's `connect` event, which runs it alongside the caller's first query: deprecated in
  // pg 8, an error in pg 9.)
  class SchemaClient extends pg.Client {
    override connect(): Promise<pg.Client>;
    override connect(callback: (err: Error | null) => void): void;
    override connect(callback?: (err: Error | null) => void): Promise<pg.Client> | void {
      const ready = super.connect().then(async () => (await this.query(`SET search_path TO ${schema}`), this));
      if (!callback) return ready;
      ready.then(() => callback(null), callback);
    }
  }
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, Client: SchemaClient });
  // A broken idle connection must not crash the collector; the next query gets a fresh one.
  pool.on('error', (error) => console.error('[mutual collector] PostgreSQL connection lost:', error.message));
  const client = await pool.connect();
  try {
    await migrate(client, schema);
  } catch (error) {
    client.release();
    await pool.end();
    throw error;
  }
  client.release();

  /**
   * Runs `work` in one transaction on one connection: committed, or rolled back on any error. A
   * deadlock or a serialization failure (40P01, 40001) is PostgreSQL asking for the transaction
   * again: it is retried, a few times, after a short random pause, never answered as a 500.
   */
  async function transaction<T>(work: (client: Queryable) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        const code = (error as { code?: string }).code;
        if ((code !== '40P01' && code !== '40001') || attempt >= 5) throw error;
      } finally {
        client.release();
      }
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }

  return {
    // node-postgres types rows as QueryResultRow; the store's callers name their own row types.
    query: ((sql: string, params?: unknown[]) => pool.query(sql, params)) as Queryable['query'],
    transaction,
    close: () => pool.end(),
  };
}

/** The PostgreSQL store on a server, through a pool of node-postgres connections. */
export async function createPostgresStore(url: string, options: PostgresStoreOptions = {}) {
  return postgresStoreOn(await connect(url, options));
}
