// What the PostgreSQL store needs of a database, so that one store logic runs on node-postgres
// (a server) and on PGlite (PostgreSQL in WebAssembly: a browser tab, a test, a demo).
import { migrations, postgresDialect } from './schema.js';

/** A connection, a pool or a transaction: anything that runs one statement with `$n` parameters. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by each caller, as node-postgres does
  query<R = any>(sql: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

/** Work in one transaction: committed, or rolled back on any error. */
export type Transaction = <T>(work: (client: Queryable) => Promise<T>) => Promise<T>;

export interface PostgresDb extends Queryable {
  transaction: Transaction;
  close(): Promise<void>;
}

export const validSchema = (schema: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`schema "${schema}": use lowercase letters, digits and _`);
  return schema;
};

/**
 * Brings `schema` to this collector's version (see `schema.ts`), on one connection. One collector
 * migrates at a time; the others wait on the advisory lock, then find everything in place.
 */
export async function migrate(client: Queryable, schema: string): Promise<void> {
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [`mutual-migrate:${schema}`]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
    const { rows: had } = await client.query<{ version: boolean; counts: boolean; textIds: boolean }>(
      `SELECT to_regclass('mutual_schema') IS NOT NULL AS version, to_regclass('reaction_counts') IS NOT NULL AS counts,
         to_regclass('text_ids') IS NOT NULL AS "textIds"`,
    );
    const version = had[0].version
      ? ((await client.query<{ version: number }>('SELECT version FROM mutual_schema')).rows[0]?.version ?? null)
      : null;
    const statements = migrations(postgresDialect, { version, hadCounts: had[0].counts, hadTextIds: had[0].textIds });
    await client.query('BEGIN');
    try {
      for (const sql of statements) await client.query(sql);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`mutual-migrate:${schema}`]);
  }
}
