import pg from 'pg';
import { migrations, postgresDialect } from './schema.js';

export interface PostgresStoreOptions {
  /** A schema of its own (created if missing); default `public`. Tests use one per collector. */
  schema?: string;
  /** Connections in the pool. Default 10. */
  max?: number;
}

/** Work in one transaction, retried when PostgreSQL asks for it again. */
export type Transaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

/**
 * A pool whose every connection works in the store's schema, with the schema brought to this collector's
 * version (see `schema.ts`) before it is handed back.
 */
export async function connect(
  url: string,
  options: PostgresStoreOptions,
): Promise<{ pool: pg.Pool; transaction: Transaction }> {
  // `?schema=name` in the URL works as the `schema` option (handy for `--db`).
  const parsed = new URL(url);
  const schema = options.schema ?? parsed.searchParams.get('schema') ?? 'public';
  parsed.searchParams.delete('schema');
  url = parsed.href;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`schema "${schema}": use lowercase letters, digits and _`);
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
  const migrate = await pool.connect();
  try {
    // One collector migrates at a time; the others wait, then find everything in place.
    await migrate.query('SELECT pg_advisory_lock(hashtext($1))', [`mutual-migrate:${schema}`]);
    try {
      await migrate.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await migrate.query(`SET search_path TO ${schema}`);
      const { rows: had } = await migrate.query<{ version: boolean; counts: boolean; textIds: boolean }>(
        `SELECT to_regclass('mutual_schema') IS NOT NULL AS version, to_regclass('reaction_counts') IS NOT NULL AS counts,
           to_regclass('text_ids') IS NOT NULL AS "textIds"`,
      );
      const version = had[0].version
        ? ((await migrate.query<{ version: number }>('SELECT version FROM mutual_schema')).rows[0]?.version ?? null)
        : null;
      const statements = migrations(postgresDialect, { version, hadCounts: had[0].counts, hadTextIds: had[0].textIds });
      await migrate.query('BEGIN');
      try {
        for (const sql of statements) await migrate.query(sql);
        await migrate.query('COMMIT');
      } catch (error) {
        await migrate.query('ROLLBACK');
        throw error;
      }
    } finally {
      await migrate.query('SELECT pg_advisory_unlock(hashtext($1))', [`mutual-migrate:${schema}`]);
    }
  } catch (error) {
    migrate.release();
    await pool.end();
    throw error;
  }
  migrate.release();

  /**
   * Runs `work` in one transaction on one connection: committed, or rolled back on any error. A
   * deadlock or a serialization failure (40P01, 40001) is PostgreSQL asking for the transaction
   * again: it is retried, a few times, after a short random pause, never answered as a 500.
   */
  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
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

  return { pool, transaction };
}
