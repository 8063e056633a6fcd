/**
 * Opens the database the server runs on, and prepares its schema.
 * @module
 */
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { openPgliteDatabase } from './pglite-driver.js';
import { openPostgresDatabase } from './pg-driver.js';

/** The data directory when neither option names one. */
export const DEFAULT_DATA_DIR = './.partnerkit/data';

/**
 * Where the data lives: an embedded PGlite database in a directory (the default,
 * `./.partnerkit/data`), in memory (tests and throwaway demos), or a PostgreSQL server.
 */
export type DatabaseOptions =
  | { dataDir?: string; databaseUrl?: undefined; memory?: false }
  | { memory: true; dataDir?: undefined; databaseUrl?: undefined }
  | { databaseUrl: string; dataDir?: undefined; memory?: false; maxConnections?: number };

/** Extra switches of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** Apply pending migrations (default true). `migrate` false opens the database as it is. */
  migrate?: boolean;
}

/**
 * Opens the database and, unless told otherwise, applies pending migrations, so an empty
 * directory or an empty PostgreSQL database is ready to use.
 *
 * ```ts
 * const db = await openDatabase({ dataDir: './.partnerkit/data' });
 * const pgDb = await openDatabase({ databaseUrl: process.env.DATABASE_URL! });
 * ```
 */
export async function openDatabase(options: DatabaseOptions = {}, extra: OpenDatabaseOptions = {}): Promise<Database> {
  const db =
    typeof options.databaseUrl === 'string'
      ? await openPostgresDatabase({
          databaseUrl: options.databaseUrl,
          ...('maxConnections' in options && options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {}),
        })
      : await openPgliteDatabase(options.memory === true ? null : (options.dataDir ?? DEFAULT_DATA_DIR));
  if (extra.migrate !== false) {
    try {
      await migrate(db);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}
