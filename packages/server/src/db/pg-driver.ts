/**
 * The PostgreSQL driver: a `pg` connection pool, used when `DATABASE_URL` is set.
 * @module
 */
import pg from 'pg';
import { type Database, type QueryResult, type Queryable, type Row, TAKE_WRITER_LOCK, type Transaction } from './database.js';

const INT8_OID = 20;
const DATE_OID = 1082;

/**
 * Type parsers for this pool only (the host application's own `pg` use keeps its settings):
 * 64-bit integers as numbers (the server's counters stay far below 2^53) and dates as text.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) return (value: string) => Number(value);
    if (oid === DATE_OID) return (value: string) => value;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async execute(script: string): Promise<void> {
      // Without parameters pg uses the simple protocol, which runs several statements.
      await client.query(script);
    },
    async query<R extends object = Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await client.query<R>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
  };
}

async function runTransaction<T>(pool: pg.Pool, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(`BEGIN; ${TAKE_WRITER_LOCK}`);
    const result = await work({ ...wrap(client), inTransaction: true });
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
      client.release();
    } catch (rollbackError) {
      client.release(rollbackError instanceof Error ? rollbackError : true);
    }
    throw error;
  }
}

/** Options of {@link openPostgresDatabase}. */
export interface PostgresOptions {
  /** `postgres://user:password@host:port/database`. */
  databaseUrl: string;
  /** Most connections the pool opens (default 10). */
  maxConnections?: number;
}

/**
 * Opens a pool against a PostgreSQL server (13 or newer) and checks that it answers. Writes are
 * acknowledged after PostgreSQL's commit, which fsyncs its WAL with the server's default settings.
 */
export async function openPostgresDatabase(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.maxConnections ?? 10,
    types,
    application_name: 'partnerkit-server',
  });
  // A connection the server ends (a restart, a failover, pg_terminate_backend) must not crash the
  // process: idle clients report on the pool, busy ones on themselves (their query rejects too).
  // The pool replaces broken clients on the next query.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  await pool.query('SELECT 1');
  const plain = wrap(pool);
  let closing: Promise<void> | null = null;
  return {
    driver: 'postgres',
    dataDir: null,
    query: plain.query,
    execute: plain.execute,
    async transaction(work) {
      // A deadlock or serialization failure aborts one of the transactions involved; the work is
      // pure database work, so running it again is safe and almost always succeeds.
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await runTransaction(pool, work);
        } catch (error) {
          const code = (error as { code?: unknown } | null)?.code;
          if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw error;
        }
      }
    },
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}
