/**
 * The one small query interface every part of the server talks to, whatever the driver.
 * Both drivers speak the same PostgreSQL dialect, so the SQL is written once.
 * @module
 */

/** A row as a driver returns it: column name to value. */
export type Row = Record<string, unknown>;

/** The result of one statement. */
export interface QueryResult<R extends object = Row> {
  rows: R[];
  /** Rows inserted, updated or deleted by the statement (0 for a plain SELECT on some drivers). */
  rowCount: number;
}

/** Something that runs SQL with `$1`-style parameters: the database, or one open transaction. */
export interface Queryable {
  query<R extends object = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs a script of several statements without parameters (migrations). */
  execute(script: string): Promise<void>;
}

/**
 * A {@link Queryable} inside a transaction that holds the writer lock: what every write of the
 * store takes, so a write cannot run outside a transaction by mistake (the database itself is
 * not a `Transaction`). Reads take any `Queryable`.
 */
export interface Transaction extends Queryable {
  readonly inTransaction: true;
}

/**
 * The shared advisory lock every write transaction takes first, before PostgreSQL gives it a
 * transaction id. The event log reader looks up its holders to know which running transactions
 * may still add events (see `store/events.ts`). Shared holders never wait for each other.
 */
export const WRITER_LOCK = { classid: 7250, objid: 417 } as const;
export const TAKE_WRITER_LOCK = `SELECT pg_advisory_xact_lock_shared(${WRITER_LOCK.classid}, ${WRITER_LOCK.objid})`;

/**
 * Transaction-level advisory locks (`pg_advisory_xact_lock(key)`) that serialise work across every
 * process on the database: applying migrations, and seeding (the decision to seed and each batch
 * of deals). Arbitrary constants, unlikely to meet another application's.
 */
export const ADVISORY_LOCKS = { migrations: 7_250_417_001, seed: 7_250_417_002 } as const;

/**
 * The first key of the two-key advisory locks (`pg_advisory_xact_lock(CUSTOMER_NAME_LOCK,
 * hashtext(name_key))`) that serialise registrations of one company name: what the unique index
 * does for equal customer keys, for the name rule no index can hold (see `domain/deal-conflicts.ts`).
 */
export const CUSTOMER_NAME_LOCK = 7251;

/**
 * The first key of the advisory locks (`pg_advisory_xact_lock(CUSTOMER_BLOCK_LOCK,
 * hashtext(block))`) a registration takes on its customer key and name blocking keys before it
 * writes, so two registrations that may match each other never miss each other's deal when they
 * record their matches (see `store/deal-matches.ts`).
 */
export const CUSTOMER_BLOCK_LOCK = 7252;

/** Which engine a {@link Database} runs on. */
export type DriverName = 'pglite' | 'postgres';

/** An open database: plain queries, transactions, and a clean close. */
export interface Database extends Queryable {
  readonly driver: DriverName;
  /**
   * Where an embedded database keeps its files (the `--data-dir`); null for PostgreSQL. The
   * session-signing secret lives beside the database files in that directory.
   */
  readonly dataDir: string | null;
  /**
   * Runs `work` in one transaction (READ COMMITTED): committed when it resolves, rolled back when
   * it throws. The answer of a write is only sent after the commit, so it is acknowledged only
   * once durable.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Waits for running queries, then closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/** True when `error` is PostgreSQL's foreign key violation (SQLSTATE 23503): something still refers to the row. */
export function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23503';
}

/** True when `error` is PostgreSQL's unique violation (SQLSTATE 23505), optionally of one index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: name } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === undefined || name === constraint);
}
