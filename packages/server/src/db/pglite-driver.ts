/**
 * The embedded driver: PGlite (PostgreSQL compiled to WebAssembly) over a directory on disk.
 * @module
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type DataDirLock, lockDataDir } from './data-dir-lock.js';
import { type Database, type QueryResult, type Queryable, type Row, TAKE_WRITER_LOCK } from './database.js';

/** Where PGlite keeps its PostgreSQL cluster inside the data directory. */
export const PGDATA_SUBDIR = 'pgdata';

function wrap(target: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async execute(script: string): Promise<void> {
      await target.exec(script);
    },
    async query<R extends object = Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await target.query<R>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
  };
}

/**
 * Opens (and on first use creates) an embedded database in `dataDir`, or in memory when
 * `dataDir` is null.
 *
 * Durability: `relaxedDurability` stays off, so every statement's changes are handed to the
 * operating system before its promise resolves; PGlite's file system writes straight through to
 * the files of the data directory, so a process crash (even `kill -9`) after an answer loses
 * nothing. PGlite cannot fsync, so a power cut may lose the last writes: use PostgreSQL where
 * that matters (docs/server.md).
 *
 * A data directory is locked for the process that opens it (see `data-dir-lock.ts`): a second
 * process gets a `DataDirLockedError` naming the first.
 */
export async function openPgliteDatabase(dataDir: string | null): Promise<Database> {
  let pg: PGlite;
  let absolute: string | null = null;
  let lock: DataDirLock | null = null;
  // Extensions load at creation only; a cluster whose schema uses pg_trgm (the deal search's
  // indexes, migration 0004) cannot be read without it.
  const options: PGliteOptions = { relaxedDurability: false, extensions: { pg_trgm } };
  if (dataDir === null) {
    pg = new PGlite(options);
  } else {
    absolute = resolve(dataDir);
    mkdirSync(absolute, { recursive: true, mode: 0o700 });
    // Before PGlite reads a page: a second process must not even start on the files.
    lock = await lockDataDir(absolute);
    pg = new PGlite({ ...options, dataDir: join(absolute, PGDATA_SUBDIR) });
  }
  try {
    await pg.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  const plain = wrap(pg);
  let closing: Promise<void> | null = null;
  return {
    driver: 'pglite',
    dataDir: absolute,
    query: plain.query,
    execute: plain.execute,
    // PGlite has one connection: a transaction holds it exclusively, and plain queries wait.
    transaction: (work) =>
      pg.transaction(async (tx) => {
        await tx.query(TAKE_WRITER_LOCK);
        return work({ ...wrap(tx), inTransaction: true });
      }),
    close() {
      // The lock goes only once PGlite has written its last page.
      closing ??= pg.close().finally(() => lock?.release());
      return closing;
    },
  };
}
