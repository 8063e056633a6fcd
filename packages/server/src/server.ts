/**
 * `startServer()`: the app on Node's HTTP server, with the database, the periodic sweep and a
 * graceful close. What the CLI, the tests, the conformance kit, the demo and the benchmarks use.
 * @module
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { type AppOptions, createApp, type PartnerKitApp, resolveSettings } from './app.js';
import type { Database } from './db/database.js';
import { type DatabaseOptions, openDatabase } from './db/open-database.js';
import { type Sweeper, type SweepReport, startSweeper } from './domain/sweeper.js';
import { createLogger, jsonLinesSink } from './http/logger.js';
import { createAdminKey, type CreatedAdminKey } from './security/api-keys.js';
import { type SeedOptions, type SeedReport, seedDatabase } from './seed/seed.js';

/** Options of {@link startServer}: where the data lives, how the app behaves, where it listens. */
export type StartServerOptions = Omit<AppOptions, 'db'> & {
  /** TCP port (default 8787); 0 picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1: loopback only). */
  host?: string;
  /** An embedded database directory (default `./.partnerkit/data`). */
  dataDir?: string;
  /** A PostgreSQL server instead of the embedded database. */
  databaseUrl?: string;
  /** An in-memory embedded database (tests, throwaway demos). */
  memory?: boolean;
  /** An already open database; the server does not close it. */
  db?: Database;
  /** Seed demo data into an empty database before listening (`'demo'`, or seed options). */
  seed?: 'demo' | SeedOptions;
  /** How often the sweep runs, in ms (default 60 000). */
  sweepIntervalMs?: number;
  /** How long `close()` waits for in-flight requests before cutting connections (default 10 000 ms). */
  shutdownTimeoutMs?: number;
  /**
   * How long an idle keep-alive connection stays open (default 65 000 ms): longer than the idle
   * timeout of common load balancers (60 s), so they never reuse a connection the server closes.
   */
  keepAliveTimeoutMs?: number;
};

/** A running server. */
export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:8787` (a client's `baseUrl`). */
  url: string;
  port: number;
  host: string;
  app: PartnerKitApp;
  db: Database;
  /** What seeding did, when `seed` was given and the database was empty. */
  seeded: SeedReport | null;
  /** Creates an admin key and returns it (the only time the key is shown). */
  createAdminKey(name?: string): Promise<CreatedAdminKey>;
  /** Runs the expiry and idempotency sweep now. */
  sweep(): Promise<SweepReport>;
  /** Stops accepting connections, lets in-flight requests finish, stops the sweep, closes the database. */
  close(): Promise<void>;
}

function databaseChoice(options: StartServerOptions): DatabaseOptions {
  if (options.databaseUrl !== undefined) return { databaseUrl: options.databaseUrl };
  if (options.memory === true) return { memory: true };
  return options.dataDir === undefined ? {} : { dataDir: options.dataDir };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Opens (and migrates) the database, optionally seeds it, and serves the API.
 *
 * ```ts
 * const server = await startServer({ port: 0, memory: true, logger: false });
 * const { key } = await server.createAdminKey('tests');
 * const client = createClient({ baseUrl: server.url, token: key });
 * await server.close();
 * ```
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const ownsDb = options.db === undefined;
  const db = options.db ?? (await openDatabase(databaseChoice(options)));
  let sweeper: Sweeper | null = null;
  try {
    const seeded = options.seed === undefined ? null : await seedDatabase(db, options.seed === 'demo' ? { profile: 'demo' } : options.seed, { ifEmpty: true });
    const app = createApp({ ...options, db });
    const settings = resolveSettings(options);
    const now = options.now ?? (() => new Date());
    const logger = createLogger(options.logger === undefined ? jsonLinesSink() : options.logger, options.logLevel);
    sweeper = startSweeper(db, { intervalMs: options.sweepIntervalMs ?? 60_000, now, idempotencyRetentionMs: settings.idempotencyRetentionMs, logger });
    // Catch up on protections that ended while the server was down before the first request.
    await sweeper.runOnce();

    const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;
    server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 65_000;
    server.headersTimeout = server.keepAliveTimeout + 1000;
    const address = await listen(server, options.port ?? 8787, options.host ?? '127.0.0.1');
    const host = address.address;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    logger.log('info', 'listening', { url, driver: db.driver });

    let closing: Promise<void> | null = null;
    const activeSweeper = sweeper;
    return {
      url,
      port: address.port,
      host,
      app,
      db,
      seeded,
      createAdminKey: (name = 'default') => createAdminKey(db, { name }),
      sweep: () => activeSweeper.runOnce(),
      close() {
        closing ??= (async () => {
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeIdleConnections();
          const force = setTimeout(() => server.closeAllConnections(), options.shutdownTimeoutMs ?? 10_000);
          await closed;
          clearTimeout(force);
          await activeSweeper.stop();
          if (ownsDb) await db.close();
          logger.log('info', 'stopped', {});
        })();
        return closing;
      },
    };
  } catch (error) {
    await sweeper?.stop();
    if (ownsDb) await db.close();
    throw error;
  }
}
