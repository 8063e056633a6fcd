/**
 * The benchmark's handle on a reference server running in a child process (`serve.ts`), and the
 * PostgreSQL database it may use (created for the run, dropped afterwards).
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { DatabaseOptions } from '@partnerkit/server';
import type { PartContext } from '../lib/part.ts';
import type { Command, Reply } from './serve.ts';

export interface BenchServer {
  url: string;
  /** The raw-SQL baseline beside it (`bench/server/baseline.ts`). */
  baselineUrl: string;
  adminKey: string;
  /** `SELECT version()` of the database engine. */
  version: string;
  engine: string;
  /** Seconds to open, migrate and seed the programme, and start listening. */
  startSeconds: number;
  /** Adds deals until the table holds `to`; seconds it took. */
  grow(to: number): Promise<{ deals: number; seconds: number }>;
  /** Adds the inbox part's requests and announcements (with reads); what the tables hold then. */
  inbox(requests: number, announcements: number): Promise<Omit<Extract<Reply, { type: 'inboxed' }>, 'type'>>;
  /** Adds certificates until the table holds `to`; what the tables hold then. */
  certify(to: number): Promise<Omit<Extract<Reply, { type: 'certified' }>, 'type'>>;
  /** Evaluates every partner's tier once, as the sweep does; what it did. */
  evaluateTiers(): Promise<Omit<Extract<Reply, { type: 'evaluated' }>, 'type'>>;
  /** Requests the server has answered for `"GET /v1/deals/dl_1"`-style keys (from its access log). */
  requests(key: string): Promise<number>;
  stop(): Promise<void>;
}

const serveScript = fileURLToPath(new URL('./serve.ts', import.meta.url));

/** Starts `serve.ts` on `database` with `partners` partners (and `months` months of measurements, 24 unless told) and waits until it listens. */
export async function startBenchServer(database: DatabaseOptions, partners: number, log: (line: string) => void, months?: number): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, ['--conditions=partnerkit-source', '--import', 'tsx', serveScript, JSON.stringify({ database, partners, months })], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: ((reply: Reply) => void)[] = [];
  let exited: Error | null = null;
  child.on('message', (reply: Reply) => waiting.shift()?.(reply));
  child.on('exit', (code, signal) => {
    exited = new Error(`the bench server exited (${signal ?? code})`);
    for (const resolve of waiting.splice(0)) resolve({ type: 'error', message: exited.message });
  });
  const next = (): Promise<Reply> =>
    new Promise((resolve) => {
      if (exited) resolve({ type: 'error', message: exited.message });
      else waiting.push(resolve);
    });
  const ask = async <T extends Reply['type']>(command: Command | null, expect: T): Promise<Extract<Reply, { type: T }>> => {
    const reply = next();
    if (command) child.send(command);
    const answer = await reply;
    if (answer.type === 'error') throw new Error(`bench server: ${answer.message}`);
    if (answer.type !== expect) throw new Error(`bench server: expected ${expect}, got ${answer.type}`);
    return answer as Extract<Reply, { type: T }>;
  };
  let ready: Extract<Reply, { type: 'ready' }>;
  try {
    ready = await ask(null, 'ready');
  } catch (error) {
    child.kill();
    throw error;
  }
  log(`reference server on ${ready.url} (${ready.engine}), ready in ${ready.seconds.toFixed(1)} s`);
  return {
    url: ready.url,
    baselineUrl: ready.baselineUrl,
    adminKey: ready.adminKey,
    version: ready.version,
    engine: ready.engine,
    startSeconds: ready.seconds,
    grow: async (to) => {
      const { deals, seconds } = await ask({ type: 'grow', to }, 'grown');
      return { deals, seconds };
    },
    inbox: async (requests, announcements) => {
      const { type: _t, ...seeded } = await ask({ type: 'inbox', requests, announcements }, 'inboxed');
      return seeded;
    },
    certify: async (to) => {
      const { type: _t, ...held } = await ask({ type: 'certificates', to }, 'certified');
      return held;
    },
    evaluateTiers: async () => {
      const { type: _t, ...report } = await ask({ type: 'evaluate' }, 'evaluated');
      return report;
    },
    requests: async (key) => (await ask({ type: 'requests', key }, 'requests')).count,
    stop: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        await ask({ type: 'stop' }, 'stopped');
      } finally {
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await gone;
        clearTimeout(timer);
      }
    },
  };
}

/** The PostgreSQL server to use: `PARTNERKIT_TEST_DATABASE_URL`, else the local test cluster. */
export const postgresUrl = () => process.env.PARTNERKIT_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:54329/postgres';

/** Creates a database of the run's own on `url`'s server; `drop()` removes it. Null when the server cannot be reached. */
export async function createBenchDatabase(url: string): Promise<{ name: string; url: string; drop(): Promise<void> } | null> {
  const name = `pk_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    name,
    url: target.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Runs `measure` on PGlite, then on a PostgreSQL database of the run's own, dropped afterwards.
 * A full run needs PostgreSQL; a smoke run skips it when it is unreachable, or always with
 * `smokeOnPGlite` (parts whose smoke run must stay seconds long).
 */
export async function onBothDatabases<T>(
  ctx: PartContext,
  measure: (driver: 'pglite' | 'postgres', database: DatabaseOptions) => Promise<T>,
  { smokeOnPGlite = false } = {},
): Promise<{ drivers: T[]; skipped: string[]; onPostgres: boolean }> {
  const drivers = [await measure('pglite', { dataDir: join(ctx.tmp, 'pglite') })];
  const database = ctx.quick && smokeOnPGlite ? null : await createBenchDatabase(postgresUrl());
  if (database) {
    try {
      drivers.push(await measure('postgres', { databaseUrl: database.url }));
    } finally {
      // A failure to drop (the server went away) must not hide why the run failed.
      await database.drop().catch((error: unknown) => ctx.log(`could not drop ${database.name}: ${error instanceof Error ? error.message : String(error)}`));
    }
    return { drivers, skipped: [], onPostgres: true };
  }
  if (!ctx.quick) throw new Error(`PostgreSQL at ${postgresUrl()} is not reachable: start it (scripts/pg-cluster.sh start) or set PARTNERKIT_TEST_DATABASE_URL`);
  const skipped = smokeOnPGlite ? 'PostgreSQL (the smoke run measures PGlite only)' : `PostgreSQL at ${postgresUrl()} is not reachable`;
  ctx.log(`skipping ${skipped}`);
  return { drivers, skipped: [skipped], onPostgres: false };
}
