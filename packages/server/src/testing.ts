/**
 * `@partnerkit/server/testing`: the reference server as test suites and benchmarks use it.
 *
 * - {@link startReferenceServer}: the server on a free loopback port, on in-memory PGlite or on a
 *   throwaway database of its own in a PostgreSQL server, with an admin key and a clock that tests
 *   can move.
 * - {@link customerIdentity}, {@link dealNumber}, {@link dealFromRow}: how the server stores a deal, for
 *   tools that write deals in bulk with SQL and check the rows as the server will read them;
 *   {@link recordDealMatchesInBulk} records their possible conflicts afterwards.
 *
 * Not for production: the clock can be moved and the admin key is handed out.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { openDatabase } from './db/open-database.js';
import { type RunningServer, type StartServerOptions, startServer } from './server.js';

export { recordDealMatchesInBulk } from './domain/deal-conflicts.js';
export { type CustomerIdentity, customerIdentity, dealFromRow, type DealRow, dealNumber } from './store/deals.js';
export { mapRequestRow, NOTHING_DUE } from './store/requests.js';
export { mapAnnouncementRow } from './store/announcements.js';
export { sweepTierChanges, type TierSweepReport } from './domain/tier-sweep.js';

/** Options of {@link startReferenceServer}: the server's own options, except where it listens, its database and its clock. */
export type ReferenceServerOptions = Omit<StartServerOptions, 'port' | 'host' | 'dataDir' | 'databaseUrl' | 'memory' | 'db' | 'now'> & {
  /**
   * A PostgreSQL server to run on (a URL that may create databases): the server gets a new
   * database there, dropped again by `close()`. Without it, the server runs on in-memory PGlite.
   */
  postgresUrl?: string | undefined;
  /** The start of that database's name (default `pk_test`); a process id and a random suffix follow. */
  databasePrefix?: string;
  /** The name of the admin key created at start (default `tests`). */
  adminKeyName?: string;
};

/** A reference server started by {@link startReferenceServer}. */
export interface ReferenceServer {
  server: RunningServer;
  /** The API root, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** An admin key of this server. */
  adminKey: string;
  /**
   * The server's clock: sessions, protections and sweeps all read it. Shaped like the conformance
   * kit's `Clock`, so it can be handed to `runConformance()` as it is.
   */
  clock: { advance(ms: number): Promise<void> };
  /** Stops the server and, on PostgreSQL, drops its database. */
  close(): Promise<void>;
}

/** Database names go into SQL unquoted: only lower-case letters, digits and underscores. */
const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,39}$/;

/** Creates a database on the PostgreSQL server at `adminUrl`; answers its URL and how to drop it. */
async function createPostgresDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (!DATABASE_NAME.test(prefix)) throw new Error(`databasePrefix must match ${DATABASE_NAME}: ${prefix}`);
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const onAdmin = async (sql: string) => {
    const admin = await openDatabase({ databaseUrl: adminUrl }, { migrate: false });
    try {
      await admin.query(sql);
    } finally {
      await admin.close();
    }
  };
  await onAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // FORCE: a connection the test left open must not keep the database alive.
  return { url: url.href, drop: () => onAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Starts the reference server on 127.0.0.1 (a free port) with an admin key: on in-memory PGlite,
 * or on a new database in the PostgreSQL server named by `postgresUrl`. Logs nothing unless given
 * a `logger`.
 *
 * ```ts
 * const reference = await startReferenceServer({ postgresUrl: process.env.PARTNERKIT_TEST_DATABASE_URL });
 * const client = createClient({ baseUrl: reference.url, token: reference.adminKey });
 * await reference.clock.advance(61_000);
 * await reference.close();
 * ```
 */
export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const { postgresUrl, databasePrefix = 'pk_test', adminKeyName = 'tests', ...serverOptions } = options;
  const postgres = postgresUrl === undefined ? null : await createPostgresDatabase(postgresUrl, databasePrefix);
  let offset = 0;
  let server: RunningServer | undefined;
  try {
    server = await startServer({
      logger: false,
      ...serverOptions,
      port: 0,
      host: '127.0.0.1',
      ...(postgres ? { databaseUrl: postgres.url } : { memory: true }),
      now: () => new Date(Date.now() + offset),
    });
    const { key } = await server.createAdminKey(adminKeyName);
    const running = server;
    return {
      server: running,
      url: running.url,
      adminKey: key,
      clock: {
        async advance(ms) {
          offset += ms;
        },
      },
      async close() {
        try {
          await running.close();
        } finally {
          await postgres?.drop();
        }
      },
    };
  } catch (error) {
    await server?.close();
    await postgres?.drop();
    throw error;
  }
}
