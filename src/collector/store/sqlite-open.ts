import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations, SchemaTooNewError, sqliteDialect } from './schema.js';

/** The database file cannot be used; `message` says why in one line (the CLI prints it and exits 2). */
export class StoreOpenError extends Error {}

/** Opens (or creates) the SQLite file, turning each way it can be wrong into one plain sentence. */
export function open(file: string): Database.Database {
  if (file !== ':memory:') {
    let stat;
    try {
      stat = statSync(file, { throwIfNoEntry: false });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new StoreOpenError(
        code === 'ENOTDIR' ? 'part of its path is a file, not a folder' : `cannot be reached (${code})`,
      );
    }
    if (stat?.isDirectory()) throw new StoreOpenError('is a directory; give a file path such as data/events.db');
    if (stat && !stat.isFile()) throw new StoreOpenError('is not a regular file (a device or a pipe?)');
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (error) {
      throw new StoreOpenError(`its folder cannot be created (${(error as NodeJS.ErrnoException).code})`);
    }
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a power loss can lose the last commits (never corrupt the file); see docs/collector.md, "Durability".
    db.pragma('synchronous = NORMAL');
    // Reads on the main thread and writes on the writer thread share the file: wait, never fail, on a lock.
    db.pragma('busy_timeout = 5000');
    // Deleted words are overwritten with zeros, not left in freed pages of the file.
    db.pragma('secure_delete = ON');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code ?? '';
    throw new StoreOpenError(
      code === 'SQLITE_NOTADB'
        ? 'is not a SQLite database (is it the right file?)'
        : code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'EACCES'
          ? 'cannot be opened for writing (check its permissions and its folder’s)'
          : (error as Error).message,
    );
  }
}

/** Brings the file's tables to this collector's version (see `schema.ts`), in one transaction. */
export function migrate(db: Database.Database): void {
  const hasTable = (name: string) =>
    !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name);
  const found = {
    version: hasTable('mutual_schema')
      ? ((db.prepare('SELECT version FROM mutual_schema').get() as { version: number } | undefined)?.version ?? null)
      : null,
    hadCounts: hasTable('reaction_counts'),
    hadTextIds: hasTable('text_ids'),
  };
  try {
    db.transaction(() => migrations(sqliteDialect, found).forEach((sql) => db.exec(sql)))();
  } catch (error) {
    db.close();
    throw error instanceof SchemaTooNewError ? new StoreOpenError(error.message) : error;
  }
}
