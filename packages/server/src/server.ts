/**
 * `startServer()`: the app on Node's HTTP server, with the database, the periodic sweep and a
 * graceful close. What the CLI, the tests, the conformance kit, the demo and the benchmarks use.
 * @module
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createAdaptorServer } from '@hono/node-server';
import { type AppOptions, createApp, type PartnerKitApp, resolveSettings } from './app.js';
import { type ControlChannel, serveControlChannel } from './control-channel.js';
import type { Database } from './db/database.js';
import { DEAL_SEARCH_TRIGRAMS_SETTING } from './db/migrations/0004-deal-search-trigrams.js';
import { type DatabaseOptions, openDatabase } from './db/open-database.js';
import { type Sweeper, type SweepReport, startSweeper } from './domain/sweeper.js';
import { createLogger, jsonLinesSink, type Logger } from './http/logger.js';
import { PROBLEM_MEDIA_TYPE, problems } from './http/problem.js';
import { newId } from './security/random.js';
import { createAdminKey, type CreatedAdminKey } from './security/api-keys.js';
import { loadSecret } from './security/secret.js';
import { readSetting } from './store/settings.js';
import { describePlan, type SeedOptions, type SeedReport, seedDatabase, unfinishedSeed } from './seed/seed.js';

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
  /**
   * The least time between two evaluations of every partner's tier by the sweep, in ms, across
   * every server on the database (default 3 600 000: hourly). Checked at each sweep.
   */
  tierSweepIntervalMs?: number;
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
  /** Runs the sweep now: expiry, tier changes (when their interval has passed) and idempotency keys. */
  sweep(): Promise<SweepReport>;
  /** Stops accepting connections, lets in-flight requests finish, stops the sweep, closes the database. */
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * Requests Node's HTTP parser refuses (a broken request line, header or body framing; headers
 * over 16 KiB; a request that never finishes arriving) never reach the app. They still get a
 * problem document with a request id, instead of Node's bare status line, and the connection
 * closes, since its framing cannot be trusted.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, logger: Logger): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const problem =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? problems.headersTooLarge()
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? problems.requestTimeout()
        : problems.malformedRequest();
  const requestId = newId('req');
  const body = JSON.stringify(problem.toProblem(requestId));
  logger.log('warn', 'malformed request', { requestId, status: problem.status, parserCode: error.code ?? null });
  socket.end(
    `HTTP/1.1 ${problem.status} ${STATUS_TEXT[problem.status] ?? 'Bad Request'}\r\n` +
      `Content-Type: ${PROBLEM_MEDIA_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\n` +
      `Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
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
  let control: ControlChannel | null = null;
  try {
    const seeded = options.seed === undefined ? null : await seedDatabase(db, options.seed === 'demo' ? { profile: 'demo' } : options.seed, { ifEmpty: true });
    // A missing or too short secret fails here, at start, rather than on the first request.
    const secret = await loadSecret(db, options.secret === undefined ? {} : { secret: options.secret });
    const app = createApp({ ...options, db, secret });
    const settings = resolveSettings(options);
    const now = options.now ?? (() => new Date());
    const logger = createLogger(options.logger === undefined ? jsonLinesSink() : options.logger, options.logLevel);
    if (seeded?.outcome === 'resumed') logger.log('info', 'finished an unfinished seed', { dealsWritten: seeded.dealsWritten, deals: seeded.deals });
    const unfinished = options.seed === undefined ? await unfinishedSeed(db) : null;
    if (unfinished) logger.log('warn', 'the database holds an unfinished seed; finish it with "partnerkit-server seed --resume"', { plan: describePlan(unfinished) });
    // Said once per start (not per search): the operator can fix it; the search stays correct meanwhile.
    const unindexed = await readSetting(db, DEAL_SEARCH_TRIGRAMS_SETTING);
    if (unindexed !== null) logger.log('warn', 'deal search without trigram indexes', { reason: unindexed });
    sweeper = startSweeper(db, {
      intervalMs: options.sweepIntervalMs ?? 60_000,
      tierSweepIntervalMs: options.tierSweepIntervalMs,
      now,
      idempotencyRetentionMs: settings.idempotencyRetentionMs,
      logger,
    });
    // Catch up on protections that ended while the server was down before the first request; due
    // tier changes wait for the first periodic sweep (see `evaluateTiers`).
    await sweeper.runOnce({ evaluateTiers: false });

    const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;
    server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 65_000;
    server.headersTimeout = server.keepAliveTimeout + 1000;
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket, logger));
    // The embedded database's directory is this process's alone: key commands come through here.
    if (db.dataDir !== null) control = await serveControlChannel(db, db.dataDir, logger);
    const address = await listen(server, options.port ?? 8787, options.host ?? '127.0.0.1');
    const host = address.address;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    logger.log('info', 'listening', { url, driver: db.driver });

    let closing: Promise<void> | null = null;
    const activeSweeper = sweeper;
    const activeControl = control;
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
          await activeControl?.close();
          await activeSweeper.stop();
          if (ownsDb) await db.close();
          logger.log('info', 'stopped', {});
        })();
        return closing;
      },
    };
  } catch (error) {
    await control?.close();
    await sweeper?.stop();
    if (ownsDb) await db.close();
    throw error;
  }
}
