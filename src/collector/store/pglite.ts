// The PostgreSQL store on PGlite (PostgreSQL compiled to WebAssembly): the same store logic and
// schema as on a server, in a browser tab (the static Storybook's and demo's endpoint), a worker,
// or a test. The host brings PGlite (`@electric-sql/pglite`); this module only talks to it.
import { migrate, validSchema, type PostgresDb, type Queryable } from './postgres-db.js';
import { postgresStoreOn } from './postgres.js';
import type { Store } from './types.js';

type Parsers = Record<number, (value: string) => unknown>;
interface PGliteQueryable {
  query<R>(
    sql: string,
    params?: unknown[],
    options?: { parsers?: Parsers },
  ): Promise<{ rows: R[]; affectedRows?: number }>;
}
/** What the store uses of a PGlite instance (`await PGlite.create()`). */
export interface PGliteLike extends PGliteQueryable {
  transaction<T>(work: (tx: PGliteQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** As node-postgres reads them: a bigint (sequence numbers, counts) is text, so both drivers give the store the same rows. */
const parsers: Parsers = { 20: (value) => value };

const queryable = (on: PGliteQueryable): Queryable => ({
  async query<R>(sql: string, params?: unknown[]) {
    const result = await on.query<R>(sql, params, { parsers });
    // PGlite counts the rows a statement changed; node-postgres counts those it returned too.
    return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
  },
});

/**
 * The store on `pglite`. With `schema`, several stores share one PGlite (its one connection), each
 * in its own schema: every statement then runs in a transaction that sets the schema first.
 */
export async function createPgliteStore(pglite: PGliteLike, options: { schema?: string } = {}): Promise<Store> {
  const schema = validSchema(options.schema ?? 'public');
  const scope = (tx: PGliteQueryable) => tx.query(`SET LOCAL search_path TO ${schema}`);
  const db: PostgresDb = options.schema
    ? {
        query: (sql, params) => pglite.transaction(async (tx) => (await scope(tx), queryable(tx).query(sql, params))),
        transaction: (work) => pglite.transaction(async (tx) => (await scope(tx), work(queryable(tx)))),
        close: async () => {},
      }
    : {
        ...queryable(pglite),
        // One connection: a transaction holds it, and every other statement waits until it ends.
        transaction: (work) => pglite.transaction((tx) => work(queryable(tx))),
        close: () => pglite.close(),
      };
  // On the connection itself: the migration is its own transaction.
  await migrate(queryable(pglite), schema);
  return postgresStoreOn(db);
}
