/**
 * The demo, composed the way a host site composes PartnerKit: the reference server's API over
 * an embedded database (seeded once with the demo programme), mounted under `/api` of the host's
 * own app, next to the host's pages and its session route. `scripts/start.ts` (`npm start`), the
 * demo's browser test and the screenshot script all start it through {@link startDemo}.
 * @module
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import { createClient } from '@partnerkit/core/client';
import {
  createApp,
  DEFAULT_IDEMPOTENCY_RETENTION_MS,
  jsonLinesSink,
  type LogLevel,
  type LogSink,
  openDatabase,
  type SeedReport,
  seedDatabase,
  startSweeper,
} from '@partnerkit/server';
import { demoAdminKey } from './admin-key.js';
import { demoOrigins, demoPublishableKey } from './publishable-key.js';
import { createDemoSite } from './site/app.js';
import { API_BASE } from './site/pages/widgets.js';
import type { SessionLog } from './site/session-route.js';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where `npm start` keeps the demo's database, secret and admin key. */
export const DEFAULT_DEMO_DIR = join(ROOT, '.partnerkit', 'demo');
/** The elements' CDN build the pages load. */
export const CDN_DIR = join(ROOT, 'packages', 'elements', 'dist', 'cdn');
/** The demo site's stylesheet and icons. */
export const ASSETS_DIR = join(ROOT, 'demo', 'assets');
export const DEFAULT_PORT = 8787;

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface DemoOptions {
  /** The embedded database's directory (default `./.partnerkit/demo`); created and seeded when empty. */
  dataDir?: string;
  /** TCP port (default 8787); 0 picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1: this machine only). */
  host?: string;
  /** Where the API's structured log lines go (default: JSON lines on stdout); `false` for none. */
  logger?: LogSink | false;
  /** Least level the API logs (default `warn`: problems only; `info` logs every request). */
  logLevel?: LogLevel;
  /** Told about every session the demo site mints (never the token). */
  onSession?: SessionLog;
  /** The elements' CDN build to serve under `/cdn/` (default `packages/elements/dist/cdn`). */
  cdnDir?: string;
}

export interface RunningDemo {
  /** The demo site, e.g. `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  /** The demo's admin key (kept in `dataDir/admin-key`). */
  adminKey: string;
  dataDir: string;
  /** What seeding wrote, on the first start of a data directory; null when the data was already there. */
  seeded: SeedReport | null;
  /** Stops accepting connections, lets requests finish, stops the sweep, closes the database. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolveAddress, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveAddress(server.address() as AddressInfo);
    });
  });
}

/** Opens (creating and seeding on first use) the demo's database and serves the demo site. */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const dataDir = resolve(options.dataDir ?? DEFAULT_DEMO_DIR);
  const db = await openDatabase({ dataDir });
  const logger = options.logger === undefined ? jsonLinesSink() : options.logger;
  const logLevel = options.logLevel ?? 'warn';
  const log = (level: LogLevel, msg: string, fields: Record<string, unknown> = {}) => {
    if (logger && LEVELS[level] >= LEVELS[logLevel]) logger({ time: new Date().toISOString(), level, msg, ...fields });
  };
  let sweeper: ReturnType<typeof startSweeper> | null = null;
  try {
    const seeded = await seedDatabase(db, { profile: 'demo' }, { ifEmpty: true });
    const api = createApp({ db, basePath: API_BASE, logger, logLevel });
    const adminKey = await demoAdminKey(db, api, API_BASE, dataDir);
    // The host's server talks to the API in-process; a host on another machine would pass its URL.
    const admin = createClient({ baseUrl: `http://demo.internal${API_BASE}`, token: adminKey, fetch: async (input, init) => api.fetch(new Request(input, init)) });
    // Limited to the origin the demo serves on, which is known once it listens.
    const publicPage: { key?: string } = {};
    const site = createDemoSite({
      api,
      admin,
      publishableKey: () => publicPage.key,
      cdnDir: options.cdnDir ?? CDN_DIR,
      assetsDir: ASSETS_DIR,
      ...(options.onSession ? { onSession: options.onSession } : {}),
      onError: (error) => log('error', 'demo site error', { error: { name: error.name, message: error.message } }),
    });

    // Protections that ended while the demo was stopped expire before the first request; tier
    // changes wait for the first periodic sweep, as in the reference server.
    sweeper = startSweeper(db, { intervalMs: 60_000, now: () => new Date(), idempotencyRetentionMs: DEFAULT_IDEMPOTENCY_RETENTION_MS, logger: { log } });
    await sweeper.runOnce({ evaluateTiers: false });

    const server = createAdaptorServer({ fetch: site.fetch, overrideGlobalObjects: false }) as Server;
    const address = await listen(server, options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1');
    const host = address.address.includes(':') ? `[${address.address}]` : address.address;
    publicPage.key = await demoPublishableKey(admin, demoOrigins(`http://${host}:${address.port}`));
    const activeSweeper = sweeper;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${host}:${address.port}`,
      port: address.port,
      adminKey,
      dataDir,
      seeded,
      close() {
        closing ??= (async () => {
          const closed = new Promise<void>((done) => server.close(() => done()));
          server.closeIdleConnections();
          const force = setTimeout(() => server.closeAllConnections(), 5_000);
          await closed;
          clearTimeout(force);
          await activeSweeper.stop();
          await db.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await sweeper?.stop();
    await db.close();
    throw error;
  }
}
