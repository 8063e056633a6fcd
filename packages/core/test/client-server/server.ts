/**
 * The reference server for the client's suite: in-memory PGlite, or a database of its own in
 * the PostgreSQL cluster named by PARTNERKIT_TEST_DATABASE_URL. It counts the requests it
 * serves (from its access log) and has a clock the tests can move.
 */
import { openDatabase, type LogEntry, type RunningServer, startServer } from '@partnerkit/server';

export type Driver = 'pglite' | 'postgres';

export const POSTGRES_URL = process.env.PARTNERKIT_TEST_DATABASE_URL;

export interface TestServer {
  server: RunningServer;
  url: string;
  adminKey: string;
  /** The requests the server answered, from its access log: method, path and status. */
  seen: { method: string; path: string; status: number }[];
  /** Moves the server's clock forward. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

async function freshPostgres(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `pk_client_${process.pid}_${Date.now().toString(36)}`;
  const admin = await openDatabase({ databaseUrl: adminUrl }, { migrate: false });
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const db = await openDatabase({ databaseUrl: adminUrl }, { migrate: false });
      try {
        await db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await db.close();
      }
    },
  };
}

/** Starts the reference server on 127.0.0.1 with an admin key. */
export async function startTestServer(driver: Driver): Promise<TestServer> {
  let offset = 0;
  const seen: TestServer['seen'] = [];
  if (driver === 'postgres' && !POSTGRES_URL) throw new Error('PARTNERKIT_TEST_DATABASE_URL is not set');
  const postgres = driver === 'postgres' ? await freshPostgres(POSTGRES_URL as string) : null;
  const server = await startServer({
    port: 0,
    ...(postgres ? { databaseUrl: postgres.url } : { memory: true }),
    now: () => new Date(Date.now() + offset),
    logger: (entry: LogEntry) => {
      if (entry.msg === 'request') seen.push({ method: String(entry.method), path: String(entry.path), status: Number(entry.status) });
    },
    rateLimit: false,
  });
  const { key } = await server.createAdminKey('client-tests');
  return {
    server,
    url: server.url,
    adminKey: key,
    seen,
    advanceClock(ms) {
      offset += ms;
    },
    async close() {
      await server.close();
      await postgres?.drop();
    },
  };
}
